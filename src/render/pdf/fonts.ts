/**
 * The bundled Source Sans 3 faces, parsed once per process and shared by every document.
 * Widths are measured here (cached per face) so layout never asks pdfkit to re-shape a word.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type FontkitFont } from 'fontkit';

export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'semibold';

export const FONT_FILES: Record<FontKey, string> = {
  regular: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italic: 'SourceSans3-It.ttf',
  boldItalic: 'SourceSans3-BoldIt.ttf',
  semibold: 'SourceSans3-Semibold.ttf',
};

export const FONT_KEYS = Object.keys(FONT_FILES) as FontKey[];

export interface Face {
  key: FontKey;
  font: FontkitFont;
  /** (ascent - descent) / unitsPerEm: the height of a line box at size 1. */
  boxHeight: number;
  /** ascent / unitsPerEm. */
  ascent: number;
  /** Width of `text` at size 1 (in em). */
  width(text: string): number;
}

/** Cached widths are dropped past this many entries, so a long batch cannot grow without bound. */
const WIDTH_CACHE_LIMIT = 50_000;
/** Only words up to this length are cached (a cache of long prefixes would hold megabytes). */
const WIDTH_CACHE_MAX_LENGTH = 64;

/** Code units shaped to measure widths (cache misses), for tests that show layout stays near-linear. */
export const measureStats = { chars: 0 };

function makeFace(key: FontKey, font: FontkitFont): Face {
  const cache = new Map<string, number>();
  const upm = font.unitsPerEm;
  return {
    key,
    font,
    boxHeight: (font.ascent - font.descent) / upm,
    ascent: font.ascent / upm,
    width(text: string): number {
      let w = cache.get(text);
      if (w === undefined) {
        w = font.layout(text).advanceWidth / upm;
        measureStats.chars += text.length;
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
    for (const key of FONT_KEYS) loaded[key] = makeFace(key, create(readFileSync(fontPath(key))));
    faces = loaded;
  }
  return faces;
}

const coverage = new Map<number, boolean>();

/**
 * Replaces characters the font cannot draw (they would print as .notdef, which PDF/A forbids) and
 * control characters. All faces of Source Sans 3 cover the same characters; the regular face decides.
 */
export function drawable(text: string): string {
  const regular = getFaces().regular.font;
  let out = '';
  let changed = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    let ok = coverage.get(cp);
    if (ok === undefined) {
      ok = cp >= 0x20 && cp !== 0x7f && regular.hasGlyphForCodePoint(cp);
      coverage.set(cp, ok);
    }
    if (ok) out += ch;
    else {
      changed = true;
      out += cp === 0x09 || cp === 0x0a || cp === 0x0d ? ' ' : /\p{Cf}/u.test(ch) ? '' : '?';
    }
  }
  return changed ? out : text;
}
