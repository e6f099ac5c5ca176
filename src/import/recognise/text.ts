/**
 * Text helpers of the recogniser: folding for comparison, typed list markers, and the flat "line"
 * view of a reader's paragraphs that every part of the recogniser works on.
 */
import type { SourceBlock, SourceLocation, SourceParagraph, SourceTable } from '../types.js';

/** Lower case, diacritics removed (š → s, õ → o), white space folded, trailing colon dropped. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('et')
    .replace(/\s+/gu, ' ')
    .replace(/\s*[:.]\s*$/u, '')
    .trim();
}

/** Only letters and digits, lower case, words separated by one space: for "is this the same text". */
export function letters(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('et')
    .replace(/(\p{L})-\s*(\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letter-spaced text ("A M E T I J U H E N D", a title's spacing as a PDF gives it) without its spaces. */
export function unspaced(text: string): string {
  const t = flat(text);
  return /^(?:\p{L} )+\p{L}$/u.test(t) ? t.replace(/ /gu, '') : t;
}

/** One line of text: soft breaks and tabs become spaces, white space folded. */
export function flat(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * A typed list marker at the start of a text: number ("3.1.", "3.1", "1)", "a)") or bullet; a number
 * a tracked change altered as LibreOffice prints it, the new number then the old in brackets ("2.[3.]",
 * "[2.]" for a numbered paragraph the change inserted).
 */
const MARKER =
  /^\s*((?:\d{1,3}\.)?\[\d{1,3}[.)]\]|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|[a-z]\)|[▪•◦●○■□▫◾➢►✓·*–—-])(?:\t|\s)+(?=\S)/u;

export interface Marker {
  marker: string;
  ordered: boolean;
  rest: string;
}

/** The typed marker of a text and the text after it, or undefined. */
export function typedMarker(text: string): Marker | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  const marker = m[1] ?? '';
  return { marker, ordered: /^[\da-z[]/u.test(marker), rest: text.slice(m[0].length) };
}

/** The nesting a typed marker shows when the reader gave none: "1.1.1." → 2, "a)" → 1, "1." → 0. */
function typedLevel(typed: string): number {
  const marker = typed.replace(/^(?:\d{1,3}\.)?\[(\d{1,3}[.)])\]$/u, '$1');
  if (/^\d/u.test(marker)) return marker.replace(/\.$/u, '').split('.').length - 1;
  return /^[a-z]\)$/u.test(marker) ? 1 : 0;
}

/** The text without a leading typed marker. */
export function stripMarker(text: string): string {
  return typedMarker(text)?.rest ?? text;
}

/** A paragraph as the recogniser sees it. */
export interface Line {
  /** The reader's text (soft breaks kept). */
  raw: string;
  /** The text without list marker, folded to one line. */
  text: string;
  /** The text's lines (soft breaks), each without a marker. */
  lines: string[];
  /** A list item: the reader's label or a typed marker. */
  item: boolean;
  /** Whether the item is numbered. */
  ordered: boolean;
  /** The marker or label, when an item. */
  marker?: string;
  level: number;
  heading?: number;
  bold: boolean;
  loc: SourceLocation;
}

export function toLine(p: SourceParagraph): Line {
  let raw = p.text;
  let item = false;
  let ordered = false;
  let marker: string | undefined;
  if (p.label !== undefined) {
    item = true;
    ordered = p.ordered ?? /^[\da-zA-Z]/u.test(p.label);
    marker = p.label;
  }
  const typed = typedMarker(raw);
  if (typed) {
    raw = typed.rest;
    if (!item) {
      item = true;
      ordered = typed.ordered;
      marker = typed.marker;
    }
  }
  const lines = raw
    .split('\n')
    .map((l) => flat(l))
    .filter((l) => l !== '');
  const line: Line = {
    raw: p.text,
    text: flat(raw),
    lines,
    item,
    ordered,
    level: p.level ?? (typed && p.label === undefined ? typedLevel(typed.marker) : 0),
    bold: p.bold === true,
    loc: p.loc,
  };
  if (marker !== undefined) line.marker = marker;
  if (p.heading !== undefined) line.heading = p.heading;
  return line;
}

/** A synthetic line (a value split off a label line). */
export function textLine(text: string, loc: SourceLocation, like?: Line): Line {
  const typed = typedMarker(text);
  const rest = typed ? typed.rest : text;
  return {
    raw: text,
    text: flat(rest),
    lines: [flat(rest)],
    item: typed !== undefined,
    ordered: typed?.ordered ?? false,
    ...(typed ? { marker: typed.marker } : {}),
    level: like?.level ?? 0,
    bold: false,
    loc,
  };
}

/**
 * A paragraph of soft-broken lines split before each line `starts` accepts (not the first): "Label:
 * value" lines a PDF reader joined into one paragraph, as it cannot tell short lines from a wrapped
 * paragraph. The other lines stay with the line above them (a wrapped value).
 */
export function splitAtLines(
  p: SourceParagraph,
  starts: (line: string, previous: string) => boolean,
): SourceParagraph[] {
  const lines = p.text.split('\n');
  if (lines.length < 2) return [p];
  const pieces: string[][] = [];
  lines.forEach((l, i) => {
    if (i === 0 || starts(flat(l), flat(lines[i - 1] ?? ''))) pieces.push([l]);
    else pieces[pieces.length - 1]?.push(l);
  });
  if (pieces.length < 2) return [p];
  return pieces.map((lines, i) => {
    const { label: _label, level: _level, ordered: _ordered, ...plain } = p;
    return { ...(i === 0 ? p : plain), text: lines.join('\n') };
  });
}

/** Every paragraph of a block, in reading order (table cells row by row). */
export function paragraphsOf(block: SourceBlock): SourceParagraph[] {
  if (block.type === 'paragraph') return [block];
  return block.rows.flatMap((row) => row.flatMap((cell) => cell.blocks));
}

/** Lines of blocks, tables flattened row by row. */
export function linesOf(blocks: readonly SourceBlock[]): Line[] {
  return blocks.flatMap((b) => paragraphsOf(b).map(toLine));
}

/** The text of a table cell, one line. */
export function cellText(table: SourceTable, r: number, c: number): string {
  return flat((table.rows[r]?.[c]?.blocks ?? []).map((p) => stripMarker(p.text)).join(' '));
}

/** Sentences of a text ("A. B." → ["A.", "B."]); a sentence ends at . ! ? before anything but a lower-case letter. */
export function sentences(text: string): string[] {
  return flat(text)
    .split(/(?<=[.!?])\s+(?=[^\p{Ll}\s])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Splits a list value: several lines, or commas. "Tiimijuht, koordinaator" → two. */
export function splitList(lines: readonly string[]): string[] {
  return lines
    .flatMap((l) => l.split(/\s*[,;]\s*/u))
    .map((s) => s.replace(/[.]$/u, '').trim())
    .filter((s) => s !== '');
}

/** A string for one value, a list for several. */
export function oneOrMany(values: string[]): string | string[] | undefined {
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}

/** Whether a text is written in capitals (at least 3 letters, none lower-case). */
export function isUpper(text: string): boolean {
  const l = text.replace(/[^\p{L}]/gu, '');
  return l.length >= 3 && l === l.toLocaleUpperCase('et') && l !== l.toLocaleLowerCase('et');
}
