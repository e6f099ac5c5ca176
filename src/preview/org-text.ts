/**
 * Text sizes of the organisation chart, estimated from the characters (no font is measured): the
 * chart's text is a sans-serif face at a known size, and each character is given a width class.
 * The estimates err on the wide side, so a box is never narrower than its text.
 */

/**
 * Widths in em of classes of characters, at least those of DejaVu Sans (the widest common sans face,
 * as wide as Verdana; Arial and Segoe UI are narrower): checked against Chromium's own measure of
 * the chart's text (test/org-output.test.ts).
 */
const THIN = /[ijlıI.,:;|!'`’ ]/;
const NARROW = /[tfr()[\]{}/\\\-–]/;
const WIDE = /[mwMWŒÆ—@%]/;
const UPPER = /[A-ZÀ-ÖØ-ÞŠŽ]/;
const LOWER = /[a-zß-öø-ÿšž]/;

/** The estimated width in em of one character. */
function charEm(c: string): number {
  if (THIN.test(c)) return 0.32;
  if (NARROW.test(c)) return 0.42;
  if (WIDE.test(c)) return 1;
  if (UPPER.test(c)) return 0.8;
  if (LOWER.test(c) || /\d/.test(c)) return 0.64;
  // other letters and symbols: a full em
  return 1;
}

/** The estimated width in px of `text` set at `size` px. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * size;
}

/** A monospace face's characters are 0.6 em wide (DejaVu Sans Mono 0.602, Courier 0.6): 0.62 to be safe. */
export function monoWidth(text: string, size: number): number {
  return [...text].length * 0.62 * size;
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
