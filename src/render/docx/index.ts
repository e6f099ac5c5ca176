/**
 * The DOCX renderer: the shared outline → a docx Document (Word styles, numbering, tables, header and
 * footer) → a zip that is post-processed to be byte-for-byte reproducible.
 */
import { Packer, type Document } from 'docx';
import { buildOutline } from '../common/outline.js';
import type { Renderer } from '../types.js';
import { buildDocument, buildTree } from './document.js';
import { normaliseDocx, partsOfZip, type PackageParts } from './reproducible.js';
import { TABLE_STYLE_XML } from './styles.js';

/** docx's internal part compiler (what Packer zips). Not public API: checked at run time. */
interface PartCompiler {
  compile(file: Document, prettify?: undefined, overrides?: readonly []): Map<string, unknown>;
  formatter?: { format(input: unknown, context: { file?: unknown }): unknown };
}

/**
 * The parts of a docx File that depend only on the options buildDocument passes for a language
 * (styles, theme, settings, font table, the empty footnotes/endnotes/comments, package properties and
 * relationships), never on the description. docx formats each of them again for every document
 * (about 3 ms of ~10); they are formatted once per language here, and docx writes the remembered
 * result. The numbering part is remembered by the list instances a document uses (numberingKey).
 * render-docx.test.ts checks that this gives the very bytes docx gives on its own.
 */
const STATIC_PARTS = [
  'Styles',
  'Theme',
  'Settings',
  'AppProperties',
  'CustomProperties',
  'FileRelationships',
  'ContentTypes',
  'Comments',
  'CommentsExtended',
  'CommentsIds',
] as const;
const STATIC_VIEWS = ['FontTable', 'FootNotes', 'Endnotes'] as const;

/** The language whose static parts may be reused while a document is compiled (unset: none). */
let staticKey: string | undefined;
const formatted = new Map<string, unknown>();
/** Remembered parts at most (numbering parts vary with the lists used; a few are expected). */
const FORMATTED_LIMIT = 500;

/**
 * The numbering part depends on the lists a document uses: docx numbers the list instances in the
 * order they are first used, from definitions that are the same for every document. Documents with
 * the same list instances in the same order have the same numbering part.
 */
function numberingKey(numbering: unknown): string | undefined {
  const n = numbering as { abstractNumberingMap?: unknown; concreteNumberingMap?: unknown };
  if (!(n.abstractNumberingMap instanceof Map) || !(n.concreteNumberingMap instanceof Map)) return undefined;
  return `Numbering\u0001${[...n.abstractNumberingMap.keys()].join('\u0002')}\u0001${[
    ...n.concreteNumberingMap.keys(),
  ].join('\u0002')}`;
}

function staticPartName(file: Record<string, unknown>, input: unknown): string | undefined {
  if (file.Numbering === input) return numberingKey(input);
  for (const name of STATIC_PARTS) if (file[name] === input) return name;
  for (const name of STATIC_VIEWS) {
    const part = file[name] as { View?: unknown; Relationships?: unknown } | undefined;
    if (part?.View === input) return `${name}.View`;
    if (name === 'FontTable' && part?.Relationships === input) return `${name}.Relationships`;
  }
  return undefined;
}

let installed = false;
function installStaticMemo(compiler: PartCompiler): void {
  const formatter = compiler.formatter;
  if (installed || typeof formatter?.format !== 'function') return;
  installed = true;
  const format = formatter.format.bind(formatter);
  formatter.format = (input, context) => {
    const file = context?.file as Record<string, unknown> | undefined;
    const name = staticKey === undefined || !file ? undefined : staticPartName(file, input);
    if (name === undefined) return format(input, context);
    const key = `${staticKey}\0${name}`;
    if (!formatted.has(key)) {
      if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
      formatted.set(key, format(input, context));
    }
    return formatted.get(key);
  };
}

let reuseStatic = true;
/** Turns the reuse of static parts off (for the test that compares with docx's own output). */
export function setStaticPartReuse(on: boolean): void {
  reuseStatic = on;
}

function partCompiler(): PartCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  installStaticMemo(compiler as PartCompiler);
  return compiler as PartCompiler;
}

/**
 * The package's parts. Taking them from docx's compiler before it zips saves deflating every part
 * twice (and inflating once) per document, about 4 ms of ~10; Packer.pack is the fallback should
 * a docx release rename the compiler.
 */
async function packageParts(doc: Document, locale: string): Promise<PackageParts> {
  let compiled: Map<string, unknown> | undefined;
  staticKey = reuseStatic ? locale : undefined;
  try {
    compiled = partCompiler()?.compile(doc, undefined, []);
  } finally {
    staticKey = undefined;
  }
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

export const renderDocx: Renderer = async (model, options) => {
  const outline = buildOutline(model);
  const doc = buildDocument(buildTree(model, outline, options), outline.locale);
  return normaliseDocx(await packageParts(doc, outline.locale), {
    date: options.date,
    application: `ametijuhend ${options.toolVersion}`,
    patches: { 'word/styles.xml': (xml) => xml.replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`) },
  });
};
