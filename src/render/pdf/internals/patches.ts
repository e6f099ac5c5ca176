/**
 * Per-document patches of pdfkit 0.20.2 internals: a faster byte writer, our XMP packet, the
 * outline root's /Count, parsed fonts handed over as they are, and shaped words shared between
 * documents. Each has a public counterpart in the renderer (see index.ts of this folder).
 */
import type PDFDocument from 'pdfkit';
import type { FontkitFont } from 'fontkit';
import type { DrawKey } from '../fonts.js';

type Doc = InstanceType<typeof PDFDocument>;

/** The members of pdfkit's (untyped) PDFDocument used here. */
interface DocInternals {
  push(chunk: Uint8Array): boolean;
  _offset: number;
  _write(data: string | Uint8Array): void;
  _addInfo(): void;
  _font: { layoutCache?: Record<string, unknown> };
  outline: { options: { expanded: boolean } };
}

const internalsOf = (doc: Doc): DocInternals => doc as unknown as DocInternals;

/**
 * pdfkit turns every line it writes into bytes with a JavaScript loop (charCode & 0xff per
 * character); Node's latin1 encoder gives the same bytes natively.
 */
export function fastWrite(doc: Doc): void {
  const d = internalsOf(doc);
  d._write = (data) => {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    d.push(bytes);
    d._offset += bytes.length;
  };
}

/** Replaces pdfkit's XMP info writer (it does not escape, and has no modification date) on this document. */
export function replaceXmpInfo(doc: Doc, xml: string): void {
  internalsOf(doc)._addInfo = () => doc.appendXML(xml);
}

/** The bookmark root needs /Count (PDF/A); pdfkit writes it only for an "expanded" outline. */
export function expandOutlineRoot(doc: Doc): void {
  internalsOf(doc).outline.options = { expanded: true };
}

/** Registers a face parsed once per process (pdfkit accepts a fontkit font, though its API says bytes). */
export function registerParsedFont(doc: Doc, key: DrawKey, font: FontkitFont): void {
  doc.registerFont(key, font as unknown as Uint8Array);
}

/** Shaped words kept per face before the shared layout cache starts afresh. */
const LAYOUT_CACHE_LIMIT = 50_000;
/** Cached fontkit layouts per face, shared by every document of the process. */
const layoutCaches = new Map<DrawKey, { cache: Record<string, unknown>; uses: number }>();

/**
 * pdfkit keeps shaped words per font object and document; the shapes depend only on the parsed
 * font, so one cache per face serves every document of the batch. Call right after doc.font(key).
 */
export function shareLayoutCache(doc: Doc, key: DrawKey): void {
  const font = internalsOf(doc)._font;
  let shared = layoutCaches.get(key);
  // counting the words is not free: look every 100 documents whether the cache grew too big
  if (shared && ++shared.uses % 100 === 0 && Object.keys(shared.cache).length > LAYOUT_CACHE_LIMIT)
    shared = undefined;
  if (!shared) {
    shared = { cache: Object.create(null) as Record<string, unknown>, uses: 0 };
    layoutCaches.set(key, shared);
  }
  font.layoutCache = shared.cache;
}

/** pdfkit's current font object (for font-subset.ts). */
export function currentFont(doc: Doc): unknown {
  return internalsOf(doc)._font;
}
