/**
 * Text sizes of the organisation chart, estimated from the characters (no font is measured): the
 * chart's text is a sans-serif face at a known size, and each character is given a width class.
 * The estimates err on the wide side, so a box is never narrower than its text.
 */

/** Widths in em of a few classes of characters of a common sans-serif face (Arial, DejaVu Sans, Liberation). */
const NARROW = /[ijlI.,:;|!'`ı()[\]{}/\\tfr\-–— ]/;
const WIDE = /[mwMWŠŽÕÄÖÜ@%&QOGDCHNUmw]/;
const UPPER = /[A-ZÀ-ÖØ-ÞŠŽ]/;

/** The estimated width in em of one character. */
function charEm(c: string): number {
  if (NARROW.test(c)) return 0.36;
  if (WIDE.test(c)) return 0.9;
  if (UPPER.test(c)) return 0.72;
  if (/\d/.test(c)) return 0.6;
  // letters with marks (õ ä ö ü š ž), other letters, symbols: as wide as a plain lower-case letter or more
  return c.codePointAt(0)! > 0x2000 ? 1 : 0.6;
}

/** The estimated width in px of `text` set at `size` px. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * size;
}

/** A monospace face's characters are 0.6 em wide (DejaVu Sans Mono, Liberation Mono, Courier). */
export function monoWidth(text: string, size: number): number {
  return [...text].length * 0.6 * size;
}

/** The width in px of a text, at a size the function knows. */
export type Measure = (text: string) => number;

/**
 * `text` broken into lines of at most `width` px as `measure` measures them, at spaces (and after hyphens);
 * a word longer than a line is broken inside itself. At most `maxLines` lines: the last one ends in
 * "…" when text is left over.
 */
export function wrapText(text: string, width: number, measure: Measure, maxLines = Infinity): string[] {
  const words = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[ -])/)
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && measure((line + word).trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += word;
    while (measure(line.trimEnd()) > width && [...line.trimEnd()].length > 1) {
      const [head, rest] = breakWord(line, width, measure);
      lines.push(head);
      line = rest;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsis(kept[maxLines - 1]!, width, measure);
  return kept;
}

/** The longest head of `word` that fits in `width` (at least one character), and the rest. */
function breakWord(word: string, width: number, measure: Measure): [string, string] {
  const chars = [...word];
  let n = 1;
  while (n < chars.length && measure(chars.slice(0, n + 1).join('')) <= width) n++;
  return [chars.slice(0, n).join(''), chars.slice(n).join('')];
}

/** `line` shortened until it and a closing "…" fit in `width`. */
function ellipsis(line: string, width: number, measure: Measure): string {
  const chars = [...line];
  while (chars.length > 0 && measure(chars.join('') + '…') > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}
