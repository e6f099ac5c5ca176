/**
 * The DOCX renderer: the shared outline → the document tree (tree.ts) → a package that is
 * byte-for-byte reproducible.
 *
 * Two writers give the same bytes (tested on every fixture, example and a generated corpus):
 * - docx, the reference: the tree as docx objects, docx's part compiler, then normalisation
 *   (reproducible.ts) and our zip writer;
 * - the fast path, used for every description: docx writes, once per language and list layout, a
 *   template package from a tiny tree; the description's own parts (document, header, footer, their
 *   relationships, core properties) are written from the tree by wordml.ts and zipped with the
 *   template's other parts, which are compressed once. docx builds a whole File (default styles,
 *   numbering, theme …) and formats every part through an object tree for each document; skipping
 *   that makes a DOCX about seven times cheaper to write.
 */
import { Packer, type Document } from 'docx';
import { buildOutline } from '../common/outline.js';
import type { Renderer } from '../types.js';
import { buildDocument, buildTree } from './document.js';
import {
  normaliseDocx,
  normaliseParts,
  partsOfZip,
  type NormalisedPackage,
  type PackageParts,
} from './reproducible.js';
import { TABLE_STYLE_XML } from './styles.js';
import { paragraph, run, type DocTree } from './tree.js';
import { PartWriter, escapeAsDocx } from './wordml.js';
import { precompressed, zipEntries, type ZipEntry } from './zip.js';

/** docx's internal part compiler (what Packer zips). Not public API: checked at run time. */
interface PartCompiler {
  compile(file: Document, prettify?: undefined, overrides?: readonly []): Map<string, unknown>;
}

function partCompiler(): PartCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as PartCompiler) : undefined;
}

/**
 * The package's parts. Taking them from docx's compiler before it zips saves deflating every part
 * twice (and inflating once); Packer.pack is the fallback should a docx release rename the compiler.
 */
async function packageParts(doc: Document): Promise<PackageParts> {
  const compiled = partCompiler()?.compile(doc, undefined, []);
  if (compiled) {
    const parts: PackageParts = new Map();
    let usable = true;
    for (const [path, data] of compiled) {
      if (typeof data === 'string') parts.set(path, data);
      else if (data instanceof Uint8Array) parts.set(path, data);
      else if (ArrayBuffer.isView(data))
        parts.set(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else if (data instanceof ArrayBuffer) parts.set(path, new Uint8Array(data));
      else usable = false;
    }
    if (usable && parts.has('word/document.xml')) return parts;
  }
  return partsOfZip(await Packer.pack(doc, 'uint8array'));
}

const PATCHES = {
  'word/styles.xml': (xml: string): string => xml.replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`),
};

/** The reference writer: docx writes the package of the tree. */
async function normalisedWithDocx(
  tree: DocTree,
  locale: string,
  date: Date,
  application: string,
): Promise<NormalisedPackage> {
  return normaliseParts(await packageParts(buildDocument(tree, locale)), {
    date,
    application,
    patches: PATCHES,
  });
}

// ---- the fast path ----

const DOCUMENT = 'word/document.xml';
const HEADER = 'word/header1.xml';
const FOOTER = 'word/footer1.xml';
const RELS = 'word/_rels/document.xml.rels';
const CORE = 'docProps/core.xml';
const OWN_PARTS = new Set([DOCUMENT, HEADER, FOOTER, RELS, CORE]);
const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** A package written by docx, cut where a description's own content goes. */
interface Template {
  names: string[];
  /** The parts that do not depend on the description, compressed. */
  fixed: Map<string, ZipEntry>;
  document: [string, string];
  header: [string, string];
  footer: [string, string];
  /** The relationships before the hyperlinks; hyperlinks take ids from linkBase, the rest follow. */
  rels: { head: string; linkBase: number; tail: { type: string; target: string }[]; end: string };
  /** core.xml with @@name@@ where each property and the date go. */
  core: string;
}

/** Sentinels for the core properties in a template (they survive docx's escaping unchanged). */
const CORE_SENTINELS = {
  title: '@@title@@',
  subject: '@@subject@@',
  creator: '@@creator@@',
  keywords: '@@keywords@@',
  description: '@@description@@',
};
const TEMPLATE_DATE = new Date(Date.UTC(2000, 0, 1));
const TEMPLATE_STAMP = '2000-01-01T00:00:00Z';

/** Splits `xml` around the content of its root element `tag` (after the opening tag, before the close). */
function around(xml: string, open: RegExp, close: string): [string, string] | undefined {
  const m = open.exec(xml);
  const end = xml.lastIndexOf(close);
  if (!m || end < m.index + m[0].length) return undefined;
  return [xml.slice(0, m.index + m[0].length), xml.slice(end)];
}

/** "ametijuhend-ordered-2" → its reference and instance. */
function parseListKey(key: string): { reference: string; instance: number } {
  const at = key.lastIndexOf('-');
  return { reference: key.slice(0, at), instance: Number(key.slice(at + 1)) };
}

async function makeTemplate(
  locale: string,
  lists: readonly string[],
  application: string,
): Promise<Template | undefined> {
  const tree: DocTree = {
    // one paragraph per list, in the order the description first uses them: docx numbers the lists
    // (w:numId) in that order, so this template's numbering part is the description's
    body: [
      paragraph([run('x')]),
      ...lists.map((key) => {
        const { reference, instance } = parseListKey(key);
        return paragraph([run('x')], { numbering: { reference, level: 0, instance } });
      }),
    ],
    header: [paragraph([run('x')])],
    footer: [paragraph([run('x')])],
    properties: { ...CORE_SENTINELS },
  };
  const pkg = await normalisedWithDocx(tree, locale, TEMPLATE_DATE, application);
  const text = (name: string): string | undefined => pkg.entries.get(name)?.text;
  const doc = text(DOCUMENT);
  const header = text(HEADER);
  const footer = text(FOOTER);
  const rels = text(RELS);
  const core = text(CORE);
  if (doc === undefined || header === undefined || footer === undefined || rels === undefined || !core)
    return undefined;
  const bodyStart = doc.indexOf('<w:body>');
  const sectStart = doc.lastIndexOf('<w:sectPr');
  const headerCut = around(header, /<w:hdr\b[^>]*>/, '</w:hdr>');
  const footerCut = around(footer, /<w:ftr\b[^>]*>/, '</w:ftr>');
  // relationships: everything up to the first one that docx adds after hyperlinks (the font table)
  const relPattern = /<Relationship Id="rId(\d+)" Type="([^"]*)" Target="([^"]*)"\/>/g;
  const all = [...rels.matchAll(relPattern)];
  const fontTable = all.findIndex((m) => m[2]?.endsWith('/fontTable'));
  const first = all[fontTable];
  const last = all[all.length - 1];
  if (bodyStart < 0 || sectStart < 0 || !headerCut || !footerCut || !first || !last) return undefined;
  const tail = all.slice(fontTable).map((m) => ({ type: m[2] ?? '', target: m[3] ?? '' }));
  const fixed = new Map<string, ZipEntry>();
  for (const [name, entry] of pkg.entries) if (!OWN_PARTS.has(name)) fixed.set(name, precompressed(entry));
  return {
    names: pkg.names,
    fixed,
    document: [doc.slice(0, bodyStart + '<w:body>'.length), doc.slice(sectStart)],
    header: headerCut,
    footer: footerCut,
    rels: {
      head: rels.slice(0, first.index),
      linkBase: Number(first[1]),
      tail,
      end: rels.slice(last.index + last[0].length),
    },
    core: core.split(TEMPLATE_STAMP).join('@@date@@'),
  };
}

/** Templates by language, application and list layout (a few per run are expected). */
const templates = new Map<string, Promise<Template | undefined>>();
const TEMPLATE_LIMIT = 200;

function template(
  locale: string,
  lists: readonly string[],
  application: string,
): Promise<Template | undefined> {
  const key = `${locale}\u0000${application}\u0000${lists.join('\u0001')}`;
  let made = templates.get(key);
  if (!made) {
    if (templates.size >= TEMPLATE_LIMIT) templates.clear();
    // a template docx cannot write leaves the whole package to docx (which then reports the problem)
    made = makeTemplate(locale, lists, application).catch(() => undefined);
    templates.set(key, made);
  }
  return made;
}

const encoder = new TextEncoder();

function textEntry(name: string, text: string): ZipEntry {
  return { name, data: encoder.encode(text), text };
}

/** The package written by the fast path, or undefined when a template cannot be cut (docx changed). */
async function renderFast(
  tree: DocTree,
  locale: string,
  date: Date,
  application: string,
): Promise<Uint8Array | undefined> {
  const base = await template(locale, [], application);
  if (!base) return undefined;
  const body = new PartWriter(base.rels.linkBase).blocks(tree.body);
  const header = new PartWriter(base.rels.linkBase).blocks(tree.header);
  const footer = new PartWriter(base.rels.linkBase).blocks(tree.footer);
  // the header and footer never hold lists or links; should they ever, docx writes the package
  if (header.lists.size || header.links.length || footer.lists.size || footer.links.length) return undefined;
  const t = body.lists.size ? await template(locale, body.listOrder, application) : base;
  if (!t || t.rels.linkBase !== base.rels.linkBase) return undefined;

  const links = body.links;
  let rels = t.rels.head;
  links.forEach((url, i) => {
    rels += `<Relationship Id="rId${t.rels.linkBase + i}" Type="${HYPERLINK_TYPE}" Target="${escapeAsDocx(url)}" TargetMode="External"/>`;
  });
  t.rels.tail.forEach((r, i) => {
    rels += `<Relationship Id="rId${t.rels.linkBase + links.length + i}" Type="${r.type}" Target="${r.target}"/>`;
  });
  rels += t.rels.end;

  const p = tree.properties;
  const values: Record<string, string> = {
    title: escapeAsDocx(p.title),
    subject: escapeAsDocx(p.subject),
    creator: escapeAsDocx(p.creator),
    keywords: escapeAsDocx(p.keywords),
    description: escapeAsDocx(p.description),
    date: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const core = t.core.replace(/@@(\w+)@@/g, (all, name: string) => values[name] ?? all);

  const own = new Map<string, string>([
    [DOCUMENT, t.document[0] + body.take() + t.document[1]],
    [HEADER, t.header[0] + header.take() + t.header[1]],
    [FOOTER, t.footer[0] + footer.take() + t.footer[1]],
    [RELS, rels],
    [CORE, core],
  ]);
  const entries: ZipEntry[] = [];
  for (const name of t.names) {
    const text = own.get(name);
    const entry = text !== undefined ? textEntry(name, text) : t.fixed.get(name);
    if (!entry) return undefined;
    entries.push(entry);
  }
  return zipEntries(entries, date);
}

/** How many packages each writer wrote in this thread (tests check that the fast path is taken). */
export const docxWriterStats = { fast: 0, docx: 0 };

let fast = true;
/** Chooses the writer: the fast path (default) or docx for the whole package (the reference, for tests). */
export function useFastDocxWriter(on: boolean): void {
  fast = on;
}

/** The package of a document tree, by the chosen writer (the fast one falls back to docx). */
export async function writeDocxPackage(
  tree: DocTree,
  locale: string,
  date: Date,
  application: string,
  writer: 'fast' | 'docx' = fast ? 'fast' : 'docx',
): Promise<Uint8Array> {
  if (writer === 'fast') {
    const written = await renderFast(tree, locale, date, application);
    if (written) {
      docxWriterStats.fast++;
      return written;
    }
  }
  docxWriterStats.docx++;
  return normaliseDocx(await packageParts(buildDocument(tree, locale)), {
    date,
    application,
    patches: PATCHES,
  });
}

export const renderDocx: Renderer = async (model, options) => {
  const outline = buildOutline(model);
  const tree = buildTree(model, outline, options);
  return writeDocxPackage(tree, outline.locale, options.date, `ametijuhend ${options.toolVersion}`);
};
