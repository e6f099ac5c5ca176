/**
 * The line classifier of the Markdown fast path (parse/fast.ts): splits a text into lines at LF,
 * CRLF and CR (as micromark does), measures each line's indentation in columns (a tab advances to
 * the next multiple of 4, as CommonMark says) and tells what the line's content starts: nothing
 * (blank), an ATX heading, a list item (`-`, `*`, `+`, `1.`, `1)` with 1–4 spaces and content),
 * plain text, or something outside the subset (block quotes, fences, HTML, thematic breaks, setext
 * underlines, table delimiter rows, definitions, empty items…), for which the whole file takes micromark.
 * Whether a line continues, nests or closes a block is the block builder's (parse/fast-blocks.ts).
 */

/** What a line's content starts; 'other' is outside the subset. */
export type Kind = 'blank' | 'text' | 'heading' | 'item' | 'other';

export interface Line {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character in the text. */
  start: number;
  /** Width of the leading whitespace in columns (tabs expanded to multiples of 4). */
  indent: number;
  /** 0-based character column where the content starts (after the leading whitespace). */
  col: number;
  /** Offset of that column in the text. */
  offset: number;
  /** The content: the line without its leading whitespace and its line ending. */
  text: string;
  /** The line ending after the line: '\n', '\r\n', '\r', or '' for the last line. */
  ending: string;
  kind: Kind;
  /** Heading: its depth. */
  depth: number;
  /** Item: '-', '*', '+', or the delimiter '.' / ')' of an ordered item (a list holds one kind). */
  marker: string;
  /** Item: the number of an ordered item, else -1. */
  number: number;
  /** Item: characters (= columns, spaces only) from the marker to the item's content. */
  width: number;
}

const BULLET = /^[-*+]( {1,4})(?=[^ \t])/;
const ORDERED = /^(\d{1,9})([.)])( {1,4})(?=[^ \t])/;
const HEADING = /^(#{1,6})(?:[ \t]|$)/;
const ITEM_LIKE = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Only `-`, `:`, `|` and whitespace, with a `-` and a `:` or `|`: a GFM table's delimiter row. */
const DELIMITER_ROW = /^(?=[^-]*-)(?=.*[|:])[-|:][-|: \t]*$/;

/** Starts of blocks outside the subset (or ambiguous ones). */
function isOther(rest: string): boolean {
  const c = rest.charCodeAt(0);
  // > < = (block quote, HTML, setext underline)
  if (c === 62 || c === 60 || c === 61) return true;
  // a table's delimiter row (`|---|:-:|`, `:--`): the line before it is the table's header, which
  // may even interrupt a paragraph, so a file with one takes micromark
  if ((c === 124 || c === 58 || c === 45) && DELIMITER_ROW.test(rest)) return true;
  if ((c === 96 || c === 126) && /^(?:`{3,}|~{3,})/.test(rest)) return true; // a fence
  // only - * _ + and whitespace: a thematic break, a setext underline, an empty item
  if ((c === 45 || c === 42 || c === 95 || c === 43) && /^[-*_+][-*_+ \t]*$/.test(rest)) return true;
  if (c === 91 && /^\[(?:[^\]\\]|\\.)*\]:/.test(rest)) return true; // a definition
  return false;
}

/** Classifies a line's content (`line.text`), setting its kind and the item or heading fields. */
export function classify(line: Line): Line {
  const rest = line.text;
  if (rest === '') line.kind = 'blank';
  else if (isOther(rest)) line.kind = 'other';
  else if (rest.charCodeAt(0) === 35 && HEADING.test(rest)) {
    line.kind = 'heading';
    line.depth = HEADING.exec(rest)![1]!.length;
  } else {
    const bullet = BULLET.exec(rest);
    const ordered = bullet ? null : ORDERED.exec(rest);
    if (bullet) {
      line.kind = 'item';
      line.marker = rest[0]!;
      line.width = 1 + bullet[1]!.length;
    } else if (ordered) {
      line.kind = 'item';
      line.marker = ordered[2]!;
      line.number = Number(ordered[1]);
      line.width = ordered[1]!.length + 1 + ordered[3]!.length;
    } else if (ITEM_LIKE.test(rest)) {
      // an empty item, a tab after the marker, or a code block in the item (5+ spaces)
      line.kind = 'other';
    } else line.kind = 'text';
  }
  return line;
}

/** A line from `start` to `end` (exclusive, before its ending), measured and classified. */
function makeLine(text: string, n: number, start: number, end: number, ending: string): Line {
  let col = 0;
  let indent = 0;
  for (;;) {
    const c = text.charCodeAt(start + col);
    if (c === 32) indent++;
    else if (c === 9) indent += 4 - (indent % 4);
    else break;
    col++;
  }
  if (start + col > end) col = end - start;
  return classify({
    line: n,
    start,
    indent,
    col,
    offset: start + col,
    text: text.slice(start + col, end),
    ending,
    kind: 'blank',
    depth: 0,
    marker: '',
    number: -1,
    width: 0,
  });
}

/** The text's lines, split at LF, CRLF and CR. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const ending = text.includes('\r') ? /\r\n?|\n/g : /\n/g;
  let start = 0;
  for (let m = ending.exec(text); m; m = ending.exec(text)) {
    lines.push(makeLine(text, lines.length + 1, start, m.index, m[0]));
    start = m.index + m[0].length;
  }
  lines.push(makeLine(text, lines.length + 1, start, text.length, ''));
  return lines;
}

/** The content of an item's first line (after its marker and spaces), classified on its own. */
export function itemContent(at: Line): Line {
  return classify({
    ...at,
    col: at.col + at.width,
    indent: at.indent + at.width,
    offset: at.offset + at.width,
    text: at.text.slice(at.width),
    kind: 'blank',
    depth: 0,
    marker: '',
    number: -1,
    width: 0,
  });
}
