/**
 * Which characters the PDF can draw, from the generated table of the fonts' coverage (no fontkit,
 * no font files: `check` asks this for every character of every description).
 * Source Sans 3 draws most text; DejaVu Sans draws what it lacks (Cyrillic beyond Russian, Greek
 * extended, Armenian, Georgian, Hebrew, basic Arabic, many symbols); anything else becomes "?".
 * Format characters (zero-width spaces, joiners, bidi controls) are not drawn at all.
 */
import { FALLBACK_RANGES, MAIN_RANGES } from './coverage.generated.js';

/** How the PDF shows a character. */
export type Coverage = 'main' | 'fallback' | 'missing' | 'invisible';

function inRanges(ranges: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (ranges[2 * mid] as number)) hi = mid - 1;
    else if (cp > (ranges[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Answers for the code points below this are kept in a table (one byte each). */
const TABLE_SIZE = 0x3000;
const table = new Uint8Array(TABLE_SIZE); // 0: not looked up yet, else 1 + index in KINDS
const KINDS: readonly Coverage[] = ['main', 'fallback', 'missing', 'invisible'];

function classify(cp: number): Coverage {
  // tabs and line breaks become spaces; other control characters print as "?"
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return 'main';
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 'missing';
  // format characters (zero-width space, joiners, bidi controls, soft hyphen) are not drawn, even
  // where a font has a glyph for them
  if (/\p{Cf}/u.test(String.fromCodePoint(cp))) return 'invisible';
  if (inRanges(MAIN_RANGES, cp)) return 'main';
  if (inRanges(FALLBACK_RANGES, cp)) return 'fallback';
  return 'missing';
}

/** How the PDF draws the character `cp`. */
export function coverage(cp: number): Coverage {
  if (cp >= TABLE_SIZE) return classify(cp);
  let k = table[cp] as number;
  if (k === 0) {
    k = KINDS.indexOf(classify(cp)) + 1;
    table[cp] = k;
  }
  return KINDS[k - 1] as Coverage;
}

/** Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko …): the PDF lays them out left to right. */
export function isRtl(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x08ff) ||
    (cp >= 0xfb1d && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff && cp !== 0xfeff) ||
    (cp >= 0x10800 && cp <= 0x10fff) ||
    (cp >= 0x1e800 && cp <= 0x1efff)
  );
}
