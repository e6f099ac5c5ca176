/**
 * Inline text: mdast phrasing content → styled runs → lines that fit a width.
 * Lines are always left-aligned; every space is kept as a real glyph so copy/paste and screen
 * readers get the words apart (pdfkit's justify drops them).
 */
import type { Inline } from '../../model/types.js';
import { drawable, getFaces, type FontKey } from './fonts.js';
import { COLOR } from './style.js';

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  color?: string;
}

export interface Run {
  text: string;
  font: FontKey;
  color: string;
  link?: string;
  /** A hard line break (mdast `break`); `text` is empty. */
  hardBreak?: boolean;
}

/** A piece of one line in one style, with its x relative to the line start. */
export interface Frag {
  text: string;
  font: FontKey;
  size: number;
  color: string;
  x: number;
  width: number;
  link?: string;
}

export interface Line {
  frags: Frag[];
  /** Width of the visible content (without a trailing space). */
  width: number;
}

export function fontFor(style: RunStyle): FontKey {
  if (style.bold && style.italic) return 'boldItalic';
  if (style.bold) return 'bold';
  if (style.italic) return 'italic';
  if (style.code) return 'semibold';
  return 'regular';
}

export function run(text: string, style: RunStyle = {}): Run {
  return {
    text: drawable(text),
    font: fontFor(style),
    color: style.color ?? (style.code ? COLOR.code : COLOR.text),
  };
}

/** Only links a reader can follow outside the document become annotations. */
function safeUrl(url: string): string | undefined {
  return /^(https?:|mailto:)/i.test(url.trim()) ? url.trim() : undefined;
}

/** Converts mdast phrasing content into runs (emphasis → italic, strong → bold, links, code …). */
export function inlineRuns(nodes: readonly Inline[], style: RunStyle = {}, link?: string): Run[] {
  const out: Run[] = [];
  addRuns(out, nodes, style, link);
  return out;
}

/** `out.push(...items)` without spreading: a spread of 100,000+ items overflows the call stack. */
export function append<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** Appends the runs of `nodes` to `out` (one array for the whole tree: no spread of a child's runs). */
function addRuns(out: Run[], nodes: readonly Inline[], style: RunStyle, link: string | undefined): void {
  const push = (text: string, s: RunStyle): void => {
    const r = run(text, s);
    if (link) {
      r.link = link;
      r.color = COLOR.link;
    }
    out.push(r);
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push(node.value, style);
        break;
      case 'inlineCode':
        push(node.value, { ...style, code: true });
        break;
      case 'emphasis':
        addRuns(out, node.children, { ...style, italic: true }, link);
        break;
      case 'strong':
        addRuns(out, node.children, { ...style, bold: true }, link);
        break;
      case 'delete':
        addRuns(out, node.children, style, link);
        break;
      case 'link':
        addRuns(out, node.children, style, link ?? safeUrl(node.url));
        break;
      case 'linkReference':
        addRuns(out, node.children, style, link);
        break;
      case 'break':
        out.push({ text: '', font: 'regular', color: COLOR.text, hardBreak: true });
        break;
      case 'image':
      case 'imageReference':
        if (node.alt) push(node.alt, style);
        break;
      default:
        // html (already removed by the compiler), footnote references and anything unknown: no text.
        if ('children' in node && Array.isArray(node.children))
          addRuns(out, node.children as Inline[], style, link);
        break;
    }
  }
}

interface Piece {
  text: string;
  run: Run;
  width: number;
}

interface Word {
  pieces: Piece[];
  width: number;
  /** The space after the word, if any (kept in the text, not counted for fitting). */
  space?: Piece;
  /** A hard break follows this word. */
  breakAfter?: boolean;
}

function measure(text: string, font: FontKey, size: number): number {
  return getFaces()[font].width(text) * size;
}

/** Splits runs into words; whitespace collapses to one space, as in HTML. */
function words(runs: readonly Run[], size: number): Word[] {
  const out: Word[] = [];
  let current: Word | undefined;
  const close = (): void => {
    if (current) out.push(current);
    current = undefined;
  };
  for (const r of runs) {
    if (r.hardBreak) {
      if (!current) current = { pieces: [], width: 0 };
      current.breakAfter = true;
      close();
      continue;
    }
    // Break at ASCII whitespace only: no-break spaces stay inside their word.
    for (const token of r.text.split(/([ \t\n\r\f\v]+)/)) {
      if (token === '') continue;
      if (/^[ \t\n\r\f\v]+$/.test(token)) {
        if (current && !current.space)
          current.space = { text: ' ', run: r, width: measure(' ', r.font, size) };
        close();
      } else {
        if (!current) current = { pieces: [], width: 0 };
        const width = measure(token, r.font, size);
        current.pieces.push({ text: token, run: r, width });
        current.width += width;
      }
    }
  }
  close();
  return out;
}

/** Breaks a word wider than the line into pieces that fit (character by character). */
function splitWord(word: Word, width: number, size: number): Word[] {
  const out: Word[] = [];
  let current: Word = { pieces: [], width: 0 };
  for (const piece of word.pieces) {
    for (const ch of piece.text) {
      const w = measure(ch, piece.run.font, size);
      if (current.width + w > width && current.width > 0) {
        out.push(current);
        current = { pieces: [], width: 0 };
      }
      const last = current.pieces[current.pieces.length - 1];
      if (last && last.run === piece.run) {
        last.text += ch;
        last.width += w;
      } else current.pieces.push({ text: ch, run: piece.run, width: w });
      current.width += w;
    }
  }
  if (word.space) current.space = word.space;
  if (word.breakAfter) current.breakAfter = true;
  out.push(current);
  return out;
}

function toLine(ws: Word[], size: number, last: boolean): Line {
  const frags: Frag[] = [];
  let x = 0;
  let width = 0;
  ws.forEach((w, i) => {
    const pieces = [...w.pieces];
    // Keep the space between words, and at the end of every line but the paragraph's last, so
    // text extraction never glues the last word of a line to the first word of the next.
    if (w.space && (i < ws.length - 1 || !last)) pieces.push(w.space);
    // A hard break ends the line with a space too, so "line.Next" never appears in extracted text.
    const lastPiece = w.pieces[w.pieces.length - 1];
    if (!w.space && w.breakAfter && !last && lastPiece)
      pieces.push({ text: ' ', run: lastPiece.run, width: measure(' ', lastPiece.run.font, size) });
    for (const p of pieces) {
      const prev = frags[frags.length - 1];
      if (prev && prev.font === p.run.font && prev.color === p.run.color && prev.link === p.run.link) {
        prev.text += p.text;
        prev.width += p.width;
      } else {
        const frag: Frag = { text: p.text, font: p.run.font, size, color: p.run.color, x, width: p.width };
        if (p.run.link) frag.link = p.run.link;
        frags.push(frag);
      }
      x += p.width;
    }
    const tail = pieces[pieces.length - 1];
    width = x - (tail && tail !== lastPiece && tail.text === ' ' ? tail.width : 0);
  });
  return { frags, width };
}

/** Lays runs out into left-aligned lines no wider than `width`. */
export function breakLines(runs: readonly Run[], width: number, size: number): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let currentWidth = 0;
  const all = words(runs, size).flatMap((w) => (w.width > width ? splitWord(w, width, size) : [w]));
  all.forEach((w, i) => {
    const prev = current[current.length - 1];
    const gap = prev?.space ? prev.space.width : 0;
    if (current.length > 0 && currentWidth + gap + w.width > width) {
      lines.push(toLine(current, size, false));
      current = [];
      currentWidth = 0;
    }
    currentWidth += (current.length > 0 ? gap : 0) + w.width;
    current.push(w);
    if (w.breakAfter && i < all.length - 1) {
      lines.push(toLine(current, size, false));
      current = [];
      currentWidth = 0;
    }
  });
  if (current.length > 0) lines.push(toLine(current, size, true));
  return lines;
}

/**
 * How many code points of `cps`, from `start`, make the longest piece that `fits` (at least one).
 * A galloping then binary search over the cut (widths grow with the piece, kerning aside), so a
 * piece of n code points costs O(n log n) measuring, never one measurement per character.
 */
export function fitCount(cps: readonly string[], start: number, fits: (piece: string) => boolean): number {
  const max = cps.length - start;
  if (max <= 1) return max;
  const piece = (n: number): string => cps.slice(start, start + n).join('');
  let good = 1; // taken even when it does not fit
  let bad = 2;
  while (bad <= max && fits(piece(bad))) {
    good = bad;
    bad *= 2;
  }
  if (bad > max) bad = max + 1;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (fits(piece(mid))) good = mid;
    else bad = mid;
  }
  return good;
}

/** The longest prefix of `text` that `fits` (whole when it fits; at least one code point). */
export function fittingPrefix(text: string, fits: (prefix: string) => boolean): string {
  if (fits(text)) return text;
  const cps = Array.from(text);
  return cps.slice(0, fitCount(cps, 0, fits)).join('');
}

/** One unbroken line (labels, footers); `maxWidth` truncates with an ellipsis. */
export function singleLine(text: string, style: RunStyle, size: number, maxWidth = Infinity): Line {
  let r = run(text, style);
  let w = measure(r.text, r.font, size);
  if (w > maxWidth) {
    const t = fittingPrefix(r.text, (p) => measure(`${p}\u2026`, r.font, size) <= maxWidth);
    r = { ...r, text: `${t.trimEnd()}\u2026` };
    w = measure(r.text, r.font, size);
  }
  return { frags: [{ text: r.text, font: r.font, size, color: r.color, x: 0, width: w }], width: w };
}
