/**
 * docx writes "now" into docProps/core.xml and the zip entries, and random ids for hyperlink
 * relationships. This post-process makes the package a pure function of the model and options:
 * fixed core dates, relationship ids renumbered rId1…rIdN per part, fixed entry times, and a fixed
 * entry order ([Content_Types].xml first, as Word writes it).
 */
import { unzipSync } from 'fflate';
import { zipEntries, type ZipEntry } from './zip.js';

const CONTENT_TYPES = '[Content_Types].xml';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Attributes in the r: namespace that hold relationship ids. */
const REL_ATTRIBUTE = /(\sr:(?:id|embed|link|pict|href|dm|lo|qs|cs)=")([^"]*)"/g;
const REL_ID = /(<Relationship\b[^>]*?\sId=")([^"]*)"/g;

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "word/_rels/document.xml.rels" → "word/document.xml"; "_rels/.rels" → undefined (the package). */
function sourceOfRels(relsPath: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  if (!m || !m[2]) return undefined;
  return `${m[1] ?? ''}${m[2]}`;
}

/** Renumbers the relationships of every part to rId1…rIdN in document order. */
function renumberRelationships(text: Map<string, string>): void {
  for (const [relsPath, rels] of text) {
    if (!relsPath.endsWith('.rels')) continue;
    const ids = new Map<string, string>();
    const renumbered = rels.replace(REL_ID, (_all, head: string, id: string) => {
      const next = `rId${ids.size + 1}`;
      ids.set(id, next);
      return `${head}${next}"`;
    });
    if ([...ids].every(([from, to]) => from === to)) continue;
    text.set(relsPath, renumbered);
    const source = sourceOfRels(relsPath);
    const part = source === undefined ? undefined : text.get(source);
    if (source !== undefined && part !== undefined) {
      text.set(
        source,
        part.replace(REL_ATTRIBUTE, (all, head: string, id: string) => {
          const to = ids.get(id);
          return to === undefined ? all : `${head}${to}"`;
        }),
      );
    }
  }
}

/** W3CDTF without milliseconds, as Word writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function fixCoreDates(core: string, date: Date): string {
  const stamp = w3cdtf(date);
  return core.replace(
    /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
    (_all, open: string, close: string) => `${open}${stamp}${close}`,
  );
}

function fillAppProperties(app: string, application: string): string {
  if (app.includes('<Application>')) return app;
  const body = `<Application>${xmlEscape(application)}</Application>`;
  if (/<Properties\b[^>]*\/>/.test(app))
    return app.replace(/<Properties\b([^>]*?)\/>/, `<Properties$1>${body}</Properties>`);
  return app.replace(/(<Properties\b[^>]*>)/, `$1${body}`);
}

export interface NormaliseOptions {
  date: Date;
  /** Written to docProps/app.xml as the application. */
  application: string;
  /** Further edits of XML parts by name, applied before the ids are renumbered. */
  patches?: Readonly<Record<string, (xml: string) => string>>;
}

/** A package's parts by path, in package order: XML as text, anything else as bytes. */
export type PackageParts = Map<string, string | Uint8Array>;

/** The parts of a zip file (the fallback when docx's part compiler is not reachable). */
export function partsOfZip(zip: Uint8Array): PackageParts {
  return new Map(Object.entries(unzipSync(zip)));
}

/** A normalised package: its part names in package order and each part as a zip entry. */
export interface NormalisedPackage {
  names: string[];
  entries: Map<string, ZipEntry>;
}

/** The parts, normalised (see the module comment), ready to zip. */
export function normaliseParts(parts: PackageParts, options: NormaliseOptions): NormalisedPackage {
  const names = [...parts.keys()];
  const text = new Map<string, string>();
  for (const [name, data] of parts) {
    if (/\.(?:xml|rels)$/.test(name)) text.set(name, typeof data === 'string' ? data : decoder.decode(data));
  }

  for (const [name, patch] of Object.entries(options.patches ?? {})) {
    const xml = text.get(name);
    if (xml !== undefined) text.set(name, patch(xml));
  }
  renumberRelationships(text);
  const core = text.get('docProps/core.xml');
  if (core !== undefined) text.set('docProps/core.xml', fixCoreDates(core, options.date));
  const app = text.get('docProps/app.xml');
  if (app !== undefined) text.set('docProps/app.xml', fillAppProperties(app, options.application));

  const ordered = names.includes(CONTENT_TYPES)
    ? [CONTENT_TYPES, ...names.filter((n) => n !== CONTENT_TYPES)]
    : names;
  const entries = new Map<string, ZipEntry>();
  for (const name of ordered) {
    const t = text.get(name);
    if (t !== undefined) entries.set(name, { name, data: encoder.encode(t), text: t });
    else {
      const data = parts.get(name);
      if (data !== undefined)
        entries.set(name, { name, data: typeof data === 'string' ? encoder.encode(data) : data });
    }
  }
  return { names: ordered.filter((n) => entries.has(n)), entries };
}

/** Zips the parts, normalised: see the module comment. */
export function normaliseDocx(parts: PackageParts, options: NormaliseOptions): Uint8Array {
  const { names, entries } = normaliseParts(parts, options);
  return zipEntries(
    names.map((n) => entries.get(n)!),
    options.date,
  );
}
