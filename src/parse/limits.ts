/**
 * Limits on how much Markdown structure a description may have, checked before parsing.
 *
 * The Markdown parser (micromark) takes time that grows faster than the text for some shapes:
 * many list items or block quotes in one file (each one it closes costs time in proportion to all
 * that came before), many setext headings, and many emphasis or link markers in one paragraph. A
 * description has a few dozen of each (and a few hundred paragraphs, which cost time too); a file with tens of thousands is a mistake or an attack, and
 * would keep `check` busy for minutes. So one linear pass over the body counts them, and at the
 * first line past a limit the text is cut (that line and all after it are never parsed: every line,
 * column and offset before it stays where it is), and the markdown-limit rule reports that line.
 *
 * The counts are upper bounds of what the parser sees (a `2.` inside a paragraph counts as a list
 * item, a `*` in a code block as an emphasis marker), so a text within the limits is within them.
 * The text scanned is the one the parser gets: after parse/nesting.ts has cut its too deep lines
 * (which keep their line and column), so a deep file is reported by nesting-depth, not here.
 */
import { bodyStart, listMarker } from './nesting.js';

/** The limits, in the user's terms. */
export const MARKDOWN_LIMITS = {
  /** List items and block quotes in the body. */
  containers: 2000,
  /** Paragraphs and other blocks (a line after a blank one starts one) in the body. */
  blocks: 10000,
  /** Headings (`#` lines and underlined ones) in the body. */
  headings: 1000,
  /** Runs of `*` or `_` in one paragraph (a blank-line-separated block). */
  emphasis: 500,
  /** `[` (links, images, references) in one paragraph. */
  links: 500,
  /** Markup in the body: runs of `*` and `_`, `[`, backtick runs, `<`, `&`, `\`, quoted lines, hard line breaks. */
  marks: 20000,
} as const;

export type MarkdownLimitKind = keyof typeof MARKDOWN_LIMITS;

export interface MarkdownLimitHit {
  kind: MarkdownLimitKind;
  limit: number;
  /** 1-based line and column of the mark that passed the limit. */
  line: number;
  column: number;
  /** Offset where that line starts: the text is parsed up to here only. */
  lineStart: number;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const GT = 62;
const HASH = 35;

/** True when text[i..end) holds only `=`s or only `-`s, then optional spaces (a setext underline). */
function underline(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 61 && c !== 45) return false;
  let j = i;
  while (j < end && text.charCodeAt(j) === c) j++;
  while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB || text.charCodeAt(j) === CR))
    j++;
  return j === end;
}

/** The first place where the body passes one of MARKDOWN_LIMITS, or undefined. Linear. */
// One per-character loop over every body: split into functions sharing a state object it measured
// 40 % slower (2,000 scans of 29.6 KB: 234–260 → 335–371 ms), so it stays one function.
// eslint-disable-next-line max-lines-per-function -- see above
export function scanMarkdownLimits(text: string): MarkdownLimitHit | undefined {
  let containers = 0;
  let headings = 0;
  let blocks = 0;
  let marks = 0;
  let emphasis = 0;
  /** Length of the current run of `*` or `_`. */
  let run = 0;
  let links = 0;
  let prevQuotes = 0;
  let prevBlank = true;
  let pos = bodyStart(text);
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < pos; at = text.indexOf('\n', at + 1)) line++;
  for (; pos < text.length; line++) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const hit = (kind: MarkdownLimitKind, i: number): MarkdownLimitHit => ({
      kind,
      limit: MARKDOWN_LIMITS[kind],
      line,
      column: i - pos + 1,
      lineStart: pos,
    });
    // the container prefix: indentation, `>` markers, list markers
    let i = pos;
    let quotes = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) i++;
      else if (c === GT) {
        quotes++;
        if (quotes > prevQuotes && ++containers > MARKDOWN_LIMITS.containers) return hit('containers', i);
        // a quoted line counts once (parseBounded keeps a few `>` of each too deep line)
        if (quotes === 1 && ++marks > MARKDOWN_LIMITS.marks) return hit('marks', i);
        i++;
      } else {
        const w = listMarker(text, i, end);
        if (w === 0) break;
        if (++containers > MARKDOWN_LIMITS.containers) return hit('containers', i);
        i += w;
      }
    }
    const blank = i === end || (i === end - 1 && text.charCodeAt(i) === CR);
    if (blank) {
      emphasis = 0;
      links = 0;
      // a line of only `>` keeps its quotes open
      prevQuotes = quotes;
      prevBlank = quotes === 0;
      pos = end + 1;
      continue;
    }
    prevQuotes = quotes;
    if (prevBlank && ++blocks > MARKDOWN_LIMITS.blocks) return hit('blocks', pos);
    const c = text.charCodeAt(i);
    if (c === HASH || (!prevBlank && underline(text, i, end))) {
      let h = 0;
      while (c === HASH && h < 7 && text.charCodeAt(i + h) === HASH) h++;
      const n = text.charCodeAt(i + h);
      if (c !== HASH || (h <= 6 && (i + h === end || n === SPACE || n === TAB || n === CR))) {
        if (++headings > MARKDOWN_LIMITS.headings) return hit('headings', i);
        // a heading is a block of its own
        emphasis = 0;
        links = 0;
      }
    }
    prevBlank = false;
    for (let j = i; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d === 42 || d === 95) {
        // `*` or `_`: a run of up to three of the same character is one marker (`***` is bold
        // italics); each one past the third counts as one more, since micromark matches a long
        // run's markers one by one (20,000 `*` each side of a word took 30 s)
        if (j > i && text.charCodeAt(j - 1) === d) {
          if (++run <= 3) continue;
          if (++emphasis > MARKDOWN_LIMITS.emphasis) return hit('emphasis', j);
          continue;
        }
        run = 1;
        if (++emphasis > MARKDOWN_LIMITS.emphasis) return hit('emphasis', j);
      } else if (d === 91) {
        if (++links > MARKDOWN_LIMITS.links) return hit('links', j);
      } else if (d === 96) {
        if (j > i && text.charCodeAt(j - 1) === 96) continue;
      } else if (d === 92) {
        j++; // an escape: the next character is text
      } else if (d !== 60 && d !== 38) continue;
      if (++marks > MARKDOWN_LIMITS.marks) return hit('marks', j);
    }
    // a hard line break (two spaces at the end)
    const last = text.charCodeAt(end - 1) === CR ? end - 2 : end - 1;
    if (last > i && text.charCodeAt(last) === SPACE && text.charCodeAt(last - 1) === SPACE)
      if (++marks > MARKDOWN_LIMITS.marks) return hit('marks', last - 1);
    pos = end + 1;
  }
  return undefined;
}
