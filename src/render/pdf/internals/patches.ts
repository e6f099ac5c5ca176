/**
 * Per-document patches of pdfkit 0.20.2 internals: a faster byte writer, our XMP packet, the
 * outline root's /Count, parsed fonts handed over as they are, and shaped words shared between
 * documents and kept from measuring for drawing. Each has a public counterpart in the renderer (see index.ts of this folder).
 */
import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import type { FontkitFont, FontkitGlyphRun } from 'fontkit';
import type { DrawKey } from '../fonts.js';

type Doc = InstanceType<typeof PDFDocument>;

/** The members of pdfkit's (untyped) PDFDocument used here. */
interface DocInternals {
  push(chunk: Uint8Array | null): boolean;
  _offset: number;
  _write(data: string | Uint8Array): void;
  _addInfo(): void;
  _font: { layoutCache?: Record<string, unknown> };
  outline: { options: { expanded: boolean } };
}

const internalsOf = (doc: Doc): DocInternals => doc as unknown as DocInternals;

/**
 * pdfkit turns every line of the file it writes into bytes of its own with a JavaScript loop
 * (charCode & 0xff per character) and pushes each into its stream. Here the lines are kept as one
 * text until bytes come (a font program, a deflated stream) or the file ends, and turned into
 * bytes natively (latin1 gives the same bytes). The offsets pdfkit records for the cross-reference
 * table count the same bytes (one per code unit).
 */
export function fastWrite(doc: Doc): void {
  const d = internalsOf(doc);
  const push = d.push.bind(d);
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    push(Buffer.from(text, 'latin1'));
    text = '';
  };
  d._write = (data) => {
    if (data instanceof Uint8Array) {
      flush();
      push(data);
      d._offset += data.length;
    } else {
      const line = `${data}\n`;
      text += line;
      d._offset += line.length;
    }
  };
  // the end of the file (push(null)) takes the text still held
  d.push = (chunk) => {
    if (chunk === null) flush();
    return push(chunk);
  };
}

/** The members of pdfkit's (untyped) PDFReference used here. */
interface RefInternals {
  document: { [TEXT_WRITES]?: true };
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  buffer: Uint8Array[];
  write(chunk: unknown): void;
  finalize(): void;
  /** Text written since the last bytes (this patch's own member). */
  [PENDING]?: string;
  /** True once bytes were written (this patch's own member). */
  [BYTES]?: true;
}

const TEXT_WRITES = Symbol('ametijuhend.textWrites');
const PENDING = Symbol('ametijuhend.pendingText');
const BYTES = Symbol('ametijuhend.bytesWritten');
let refsPatched = false;

/** Moves the text a reference holds into its buffer as bytes (latin1: pdfkit's charCode & 0xff). */
function flushText(ref: RefInternals): void {
  const text = ref[PENDING];
  if (text === undefined) return;
  ref[PENDING] = undefined;
  ref.buffer.push(Buffer.from(text, 'latin1'));
}

/**
 * The deflate level of a stream written as text only (a page's content: operators and glyph
 * codes). zlib's default (6) took a tenth of a warm PDF render; level 3 takes half of that for
 * files 1 % larger (the bench corpus's content streams: 0.75 -> 0.41 ms and 9.0 -> 10.1 KB a
 * description, fonts not counted). Streams with bytes in them (a font program, the ICC profile)
 * keep zlib's default.
 */
export const TEXT_STREAM_LEVEL = 3;

/** Bytes written as a stream's whole content once (a font program of its own), and those seen again. */
const bytesSeen = new WeakSet<Uint8Array>();
const deflatedBytes = new WeakMap<Uint8Array, { copy: Buffer; deflated: Buffer }>();

/**
 * `data` deflated: text streams fast; bytes written again as they were (the ICC profile pdfkit
 * keeps) as they were deflated the last time. Only bytes seen a second time are kept, with a copy.
 */
function deflateStream(ref: RefInternals, data: Uint8Array): Buffer {
  if (ref[BYTES] !== true) return deflateSync(data, { level: TEXT_STREAM_LEVEL });
  const known = deflatedBytes.get(data);
  // the same object with the same bytes (a caller may have changed them since)
  if (known && known.copy.equals(data)) return known.deflated;
  const deflated = deflateSync(data);
  if (bytesSeen.has(data)) deflatedBytes.set(data, { copy: Buffer.from(data), deflated });
  else bytesSeen.add(data);
  return deflated;
}

/**
 * pdfkit turns every line written to a stream (each operator of a page's content) into a
 * Uint8Array of its own, kept until the document ends; on this path the lines are kept as one
 * text per run of writes and turned into bytes once. Same bytes; far fewer objects for the
 * garbage collector to copy while a document is made. Streams are deflated here (see
 * TEXT_STREAM_LEVEL), and pdfkit writes them as they are. The prototype is patched once, and the
 * patch acts only for documents `prepare` marked: the public path keeps pdfkit's own code.
 */
export function textWrites(doc: Doc): void {
  const root = (doc as unknown as { _root: RefInternals })._root;
  root.document[TEXT_WRITES] = true;
  if (refsPatched) return;
  refsPatched = true;
  const proto = Object.getPrototypeOf(root) as RefInternals;
  const { write, finalize } = proto;
  proto.write = function (this: RefInternals, chunk: unknown): void {
    if (this.document[TEXT_WRITES] !== true) return write.call(this, chunk);
    if (chunk instanceof Uint8Array) {
      flushText(this);
      this[BYTES] = true;
      return write.call(this, chunk);
    }
    const line = `${String(chunk)}\n`;
    this[PENDING] = (this[PENDING] ?? '') + line;
    // pdfkit's bookkeeping: one byte per code unit
    this.uncompressedLength += line.length;
    this.data.Length = (this.data.Length ?? 0) + line.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function (this: RefInternals): void {
    if (this.document[TEXT_WRITES] !== true) return finalize.call(this);
    flushText(this);
    if (this.compress && this.buffer.length > 0) {
      const data = this.buffer.length === 1 ? (this.buffer[0] as Uint8Array) : Buffer.concat(this.buffer);
      this.buffer = [deflateStream(this, data)];
      // deflated: pdfkit writes the bytes as they are (the Filter is set since the first write)
      this.compress = false;
    }
    finalize.call(this);
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
const layoutCaches = new Map<DrawKey, SharedLayouts>();

interface SharedLayouts {
  cache: Record<string, unknown>;
  /** Documents that used it (its size is looked at every 100). */
  uses: number;
  /** Runs keepShaped put in it. */
  kept: number;
}

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
  font.layoutCache = (shared ?? newLayoutCache(key)).cache;
}

function newLayoutCache(key: DrawKey): SharedLayouts {
  const shared = { cache: Object.create(null) as Record<string, unknown>, uses: 0, kept: 0 };
  layoutCaches.set(key, shared);
  return shared;
}

/** The members of a fontkit glyph position; pdfkit scales each of them. */
type Position = Record<string, number>;

/**
 * A run fontkit made with `font`, turned into what pdfkit's EmbeddedFont.layoutRun gives for the
 * same text: every position scaled to 1/1000 em, and each glyph's advance width beside it.
 */
export function pdfkitRun(font: FontkitFont, run: FontkitGlyphRun): FontkitGlyphRun {
  const scale = 1000 / font.unitsPerEm;
  const positions = (run as unknown as { positions: Position[] }).positions;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i] as Position;
    for (const key in position) position[key] = (position[key] as number) * scale;
    position.advanceWidth = (run.glyphs[i]?.advanceWidth ?? 0) * scale;
  }
  return run;
}

/** One of pdfkit's pieces of a text it shapes (see fonts.ts CHUNK): no blank but a last one. */
const ONE_CHUNK = /^[^ \t]*[ \t]?$/;

/**
 * A text fonts.ts shaped with the face `key` to measure it: kept in the face's shared layout
 * cache as pdfkit's layoutRun would have made it, so drawing the same text does not shape it again
 * (a ShapeObserver, see fonts.ts; the run is ours to change).
 */
export function keepShaped(key: DrawKey, font: FontkitFont, text: string, run: FontkitGlyphRun): void {
  if (text === '' || !ONE_CHUNK.test(text)) return;
  const shared = layoutCaches.get(key) ?? newLayoutCache(key);
  // bounded also where no document draws (a render on pdfkit's public path starts no new cache)
  if (shared.cache[text] !== undefined || shared.kept >= LAYOUT_CACHE_LIMIT) return;
  shared.kept++;
  shared.cache[text] = pdfkitRun(font, run);
}

/** pdfkit's current font object (for font-subset.ts). */
export function currentFont(doc: Doc): unknown {
  return internalsOf(doc)._font;
}
