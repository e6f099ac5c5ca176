/**
 * The bundled Source Sans 3 faces, parsed once per process and shared by every document.
 * Widths are measured here (cached per face) so layout never asks pdfkit to re-shape a word.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type FontkitFont, type FontkitGlyphRun } from 'fontkit';
import { coverage } from './coverage.js';

export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'semibold';

export const FONT_FILES: Record<FontKey, string> = {
  regular: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italic: 'SourceSans3-It.ttf',
  boldItalic: 'SourceSans3-BoldIt.ttf',
  semibold: 'SourceSans3-Semibold.ttf',
};

export const FONT_KEYS = Object.keys(FONT_FILES) as FontKey[];

/** DejaVu Sans faces that draw what Source Sans lacks: one per main face (semibold takes the bold). */
export type FallbackKey = 'regularFb' | 'boldFb' | 'italicFb' | 'boldItalicFb' | 'semiboldFb';
/** A face text is drawn with: a main face or its fallback. */
export type DrawKey = FontKey | FallbackKey;

const FALLBACK_FILES: Record<FontKey, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  semibold: 'DejaVuSans-Bold.ttf',
};

export const isFallback = (key: DrawKey): key is FallbackKey => key.endsWith('Fb');

export interface Face<K extends DrawKey = FontKey> {
  key: K;
  font: FontkitFont;
  /** The font file, for pdfkit to parse (the public path registers fonts as bytes). */
  data: Uint8Array;
  /** (ascent - descent) / unitsPerEm: the height of a line box at size 1. */
  boxHeight: number;
  /** ascent / unitsPerEm. */
  ascent: number;
  /** Width of `text` at size 1 (in em); a main face measures the characters its fallback draws with it. */
  width(text: string): number;
}

/** Cached widths are dropped past this many entries, so a long batch cannot grow without bound. */
const WIDTH_CACHE_LIMIT = 50_000;
/** Only words up to this length are cached (a cache of long prefixes would hold megabytes). */
const WIDTH_CACHE_MAX_LENGTH = 64;

/** A font file and its parse. */
interface Parsed {
  font: FontkitFont;
  data: Uint8Array;
}

function parse(path: string): Parsed {
  const data = readFileSync(path);
  return { font: create(data), data };
}

/** Code units shaped to measure widths (cache misses), for tests that show layout stays near-linear. */
export const measureStats = { chars: 0 };

/**
 * Told of every text a face shapes to measure it, after its width is read (the PDF internals keep
 * the run for pdfkit, which would shape the same word again to draw it). The run is then the
 * observer's.
 */
export type ShapeObserver = (key: DrawKey, font: FontkitFont, text: string, run: FontkitGlyphRun) => void;
let shapeObserver: ShapeObserver | undefined;

/** Sets (or, with undefined, removes) the observer of shaped texts. */
export function observeShaping(observer: ShapeObserver | undefined): void {
  shapeObserver = observer;
}

/** Where pdfkit cuts text it shapes: after each space or tab (the blank stays with the word before it). */
const CHUNK = /[^ \t]*[ \t]|[^ \t]+$/g;

function makeFace<K extends DrawKey>(key: K, { font, data }: Parsed): Face<K> {
  const cache = new Map<string, number>();
  /** Advance widths in font units of pdfkit's chunks of texts (integers: their sum is exact). */
  const chunkUnits = new Map<string, number>();
  const upm = font.unitsPerEm;
  const main = !isFallback(key);
  const shape = (text: string): number => {
    measureStats.chars += text.length;
    const run = font.layout(text);
    const units = run.advanceWidth;
    shapeObserver?.(key, font, text, run);
    return units;
  };
  /**
   * A text of several words (a footer, a label) is measured as pdfkit draws it: shaped chunk by
   * chunk (see CHUNK), each chunk shaped once per process. Shaping each whole text cost a tenth of
   * a PDF's time, mostly in fitting the running footer, which measures many prefixes of one text.
   */
  const chunked = (text: string): number => {
    let units = 0;
    for (const chunk of text.match(CHUNK) ?? []) {
      let u = chunkUnits.get(chunk);
      if (u === undefined) {
        u = shape(chunk);
        if (chunk.length <= WIDTH_CACHE_MAX_LENGTH) {
          if (chunkUnits.size >= WIDTH_CACHE_LIMIT) chunkUnits.clear();
          chunkUnits.set(chunk, u);
        }
      }
      units += u;
    }
    return units / upm;
  };
  return {
    key,
    font,
    data,
    boxHeight: (font.ascent - font.descent) / upm,
    ascent: font.ascent / upm,
    width(text: string): number {
      let w = cache.get(text);
      if (w === undefined) {
        const parts = main ? segments(key as FontKey, text) : undefined;
        if (parts) {
          w = 0;
          for (const part of parts) w += drawFace(part.face).width(part.text);
        } else if (/[ \t]./.test(text)) w = chunked(text);
        else w = shape(text) / upm;
        if (text.length <= WIDTH_CACHE_MAX_LENGTH) {
          if (cache.size >= WIDTH_CACHE_LIMIT) cache.clear();
          cache.set(text, w);
        }
      }
      return w;
    },
  };
}

let faces: Record<FontKey, Face> | undefined;

/** Resolves the TTF inside the installed `source-sans` package. */
export function fontPath(key: FontKey): string {
  return createRequire(import.meta.url).resolve(`source-sans/TTF/${FONT_FILES[key]}`);
}

/** The parsed faces (parsed on first use, then reused for the life of the process). */
export function getFaces(): Record<FontKey, Face> {
  if (!faces) {
    const loaded = {} as Record<FontKey, Face>;
    for (const key of FONT_KEYS) loaded[key] = makeFace(key, parse(fontPath(key)));
    faces = loaded;
  }
  return faces;
}

const fallbackFonts = new Map<string, Parsed>();
const fallbackFaces = new Map<FallbackKey, Face<FallbackKey>>();

/** Resolves a TTF inside the installed `dejavu-fonts-ttf` package. */
export function fallbackPath(key: FontKey): string {
  return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${FALLBACK_FILES[key]}`);
}

/** The face for `key`, parsing a fallback face on its first use (a document of Latin text never does). */
export function drawFace(key: DrawKey): Face<DrawKey> {
  if (!isFallback(key)) return getFaces()[key];
  let face = fallbackFaces.get(key);
  if (!face) {
    const main = key.slice(0, -2) as FontKey;
    const file = FALLBACK_FILES[main];
    let parsed = fallbackFonts.get(file);
    if (!parsed) {
      parsed = parse(fallbackPath(main));
      fallbackFonts.set(file, parsed);
    }
    face = makeFace(key, parsed);
    fallbackFaces.set(key, face);
  }
  return face;
}

/** A piece of text and the face that draws it. */
export interface Segment {
  text: string;
  face: DrawKey;
}

/** True when every character of `text` is one Source Sans surely has (most text: no lookup). */
function plain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 || c >= 0x7f) && (c < 0xa0 || c >= 0x180 || c === 0xad)) return false;
  }
  return true;
}

/**
 * Splits drawable text (see drawable) into pieces for the main face `key` and for its fallback;
 * undefined when the main face draws all of it. A character the fallback's style lacks (DejaVu's
 * obliques have no Arabic) is drawn upright.
 */
export function segments(key: FontKey, text: string): Segment[] | undefined {
  if (plain(text)) return undefined;
  const out: Segment[] = [];
  let any = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    let face: DrawKey = key;
    if (coverage(cp) === 'fallback') {
      any = true;
      face = `${key}Fb`;
      if (!drawFace(face).font.hasGlyphForCodePoint(cp)) face = 'regularFb';
    }
    const last = out[out.length - 1];
    if (last && last.face === face) last.text += ch;
    else out.push({ text: ch, face });
  }
  return any ? out : undefined;
}

/**
 * Replaces what the PDF cannot draw: characters neither Source Sans nor DejaVu Sans has become
 * "?" (they would print as .notdef, which PDF/A forbids), as do control characters; tabs and line
 * breaks become spaces and format characters (zero-width, bidi controls) are left out. The
 * pdf-glyph rule reports each of them at its place in the source.
 */
export function drawable(text: string): string {
  if (plain(text)) return text;
  let out = '';
  let changed = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const kind = coverage(cp);
    if (kind === 'main' && cp >= 0x20) out += ch;
    else if (kind === 'fallback') out += ch;
    else {
      changed = true;
      out += kind === 'main' ? ' ' : kind === 'invisible' ? '' : '?';
    }
  }
  return changed ? out : text;
}
