/**
 * Layout analysis of the PDF reader, free of pdfjs: positioned text runs and ruling lines of each
 * page into a SourceDocument's blocks. Coordinates are PDF user space (y grows upwards), in points.
 *
 *   runs ──lines (same baseline)──▶ running header/footer lines and page numbers taken out
 *        ──ruled tables (cells from the drawn lines) and borderless column regions──▶ tables
 *        ──the rest, lines into paragraphs (gaps, font, labels, hanging indents)──▶ body
 */
import type { SourceBlock, SourceCell, SourceParagraph, SourceTable } from '../types.js';
import { isPageNumber, joinLines, labelOf, normaliseText, runningKey } from './text.js';
import { isDocumentCodeLine } from '../../util/provenance.js';

/** One text run as pdfjs gives it (a TextItem), reduced to what the layout needs. */
export interface Run {
  str: string;
  /** Start of the baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  bold: boolean;
  /** Turned more than 45°: a line of its own. */
  rotated?: boolean;
}

/** A straight horizontal or vertical ruling line (a table border), page coordinates. */
export interface Segment {
  /** 'h': y fixed, from x0 to x1; 'v': x fixed, from y0 to y1 (stored in a0..a1). */
  dir: 'h' | 'v';
  /** The fixed coordinate. */
  at: number;
  a0: number;
  a1: number;
}

export interface PageInput {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: Run[];
  segments: Segment[];
}

/** A text line: runs on one baseline, left to right. */
interface Line {
  runs: Run[];
  x: number;
  right: number;
  y: number;
  size: number;
  bold: boolean;
  text: string;
  page: number;
}

/** A cell rectangle. */
interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A block of a page before paragraphs are made: lines of the flow, or a table. */
type PageItem =
  | { kind: 'lines'; top: number; lines: Line[] }
  | {
      kind: 'table';
      top: number;
      rows: { cells: { rect: Rect; lines: Line[]; colSpan: number; rowSpan: number }[] }[];
    };

export interface LayoutResult {
  header: SourceParagraph[];
  footer: SourceParagraph[];
  body: SourceBlock[];
}

// ---------------------------------------------------------------------------------------------
// Lines

const isBlank = (s: string): boolean => s.trim() === '';

/** Groups runs into lines: the same baseline within a third of the font size, sorted by x. */
function toLines(runs: readonly Run[], page: number): Line[] {
  const sorted = runs.filter((r) => !isBlank(r.str) || r.width > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    if (r.rotated) {
      groups.push([r]);
      continue;
    }
    const g = groups[groups.length - 1];
    const first = g?.[0];
    // a much smaller run (a superscript footnote mark, a subscript) may sit up to half the larger size off
    const small = Math.min(first?.size ?? 0, r.size) < 0.8 * Math.max(first?.size ?? 0, r.size);
    const tol = small ? 0.5 * Math.max(first?.size ?? 0, r.size) : 0.35 * Math.min(first?.size ?? 0, r.size);
    if (g && first && !first.rotated && Math.abs(first.y - r.y) <= Math.max(1, tol)) g.push(r);
    else groups.push([r]);
  }
  const lines: Line[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    const line = makeLine(g, page);
    if (line) lines.push(line);
  }
  return lines;
}

/** A line of runs (sorted by x), its text with spaces where the runs leave a gap; undefined if blank. */
function makeLine(runs: Run[], page: number): Line | undefined {
  const visible = runs.filter((r) => !isBlank(r.str));
  const first = visible[0];
  if (!first) return undefined;
  let text = '';
  let prevRight = -Infinity;
  let prevSize = first.size;
  let spacePending = false;
  for (const r of runs) {
    if (isBlank(r.str)) {
      spacePending = text !== '';
      continue;
    }
    const gap = r.x - prevRight;
    const leading = /^\s/.test(r.str);
    if (text !== '' && !/\s$/.test(text) && !leading) {
      if (gap > 1.5 * Math.max(prevSize, r.size)) text += '\t';
      else if (spacePending || gap > 0.12 * Math.min(prevSize, r.size)) text += ' ';
    }
    text += r.str;
    prevRight = Math.max(prevRight, r.x + r.width);
    prevSize = r.size;
    spacePending = false;
  }
  text = text
    .replace(/[ ]{2,}/g, ' ')
    .replace(/ ?\t ?/g, '\t')
    .trim();
  if (!text) return undefined;
  // the font size of the line: the one with the most characters; bold when every visible run is
  const bySize = new Map<number, number>();
  for (const r of visible) bySize.set(round(r.size), (bySize.get(round(r.size)) ?? 0) + r.str.length);
  const size = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? first.size;
  return {
    runs,
    x: first.x,
    right: visible.reduce((m, r) => Math.max(m, r.x + r.width), -Infinity),
    y: first.y,
    size,
    bold: visible.every((r) => r.bold),
    text,
    page,
  };
}

const round = (n: number): number => Math.round(n * 2) / 2;

/**
 * The chunks of a line: runs separated by a gap wider than twice the font size (a column gap,
 * not a word space, not justified text).
 */
function chunksOf(line: Line): Line[] {
  const out: Run[][] = [];
  let prevRight = -Infinity;
  for (const r of line.runs) {
    if (isBlank(r.str)) {
      out[out.length - 1]?.push(r);
      continue;
    }
    const cur = out[out.length - 1];
    if (!cur || r.x - prevRight > Math.max(2 * r.size, 14)) out.push([r]);
    else cur.push(r);
    prevRight = Math.max(prevRight, r.x + r.width);
  }
  return out.flatMap((runs) => makeLine(runs, line.page) ?? []);
}

// ---------------------------------------------------------------------------------------------
// Ruled tables

const TOL = 2.5;

/** Merges collinear overlapping segments. */
function mergeSegments(segs: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  const sorted = [...segs].sort((a, b) =>
    a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : a.at - b.at || a.a0 - b.a0,
  );
  for (const s of sorted) {
    const same = out.find(
      (o) => o.dir === s.dir && Math.abs(o.at - s.at) <= 1.2 && s.a0 <= o.a1 + TOL && s.a1 >= o.a0 - TOL,
    );
    if (same) {
      same.a0 = Math.min(same.a0, s.a0);
      same.a1 = Math.max(same.a1, s.a1);
    } else out.push({ ...s });
  }
  return out;
}

/** The cell around a point: the nearest rulings left, right, below and above that pass it. */
function cellAt(x: number, y: number, hs: readonly Segment[], vs: readonly Segment[]): Rect | undefined {
  let x0 = -Infinity;
  let x1 = Infinity;
  let y0 = -Infinity;
  let y1 = Infinity;
  for (const v of vs) {
    if (y < v.a0 - TOL || y > v.a1 + TOL) continue;
    if (v.at <= x && v.at > x0) x0 = v.at;
    if (v.at >= x && v.at < x1) x1 = v.at;
  }
  for (const h of hs) {
    if (x < h.a0 - TOL || x > h.a1 + TOL) continue;
    if (h.at <= y && h.at > y0) y0 = h.at;
    if (h.at >= y && h.at < y1) y1 = h.at;
  }
  if (![x0, x1, y0, y1].every(Number.isFinite)) return undefined;
  if (x1 - x0 < 4 || y1 - y0 < 4) return undefined;
  return { x0, x1, y0, y1 };
}

const rectKey = (r: Rect): string =>
  `${Math.round(r.x0)},${Math.round(r.y0)},${Math.round(r.x1)},${Math.round(r.y1)}`;

/** Clusters numbers that lie within `tol` of each other; the sorted cluster means. */
function cluster(values: readonly number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    const lastValue = last?.[last.length - 1];
    if (last && lastValue !== undefined && v - lastValue <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

interface RuledTable {
  bbox: Rect;
  cells: Rect[];
}

/** The most ruling segments of a page considered (grouping them is quadratic). */
const MAX_SEGMENTS = 3000;

/** Connected groups of rulings: a horizontal and a vertical segment touch where they cross. */
function components(segs: readonly Segment[]): Segment[][] {
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const touch = (a: Segment, b: Segment): boolean => {
    if (a.dir === b.dir) return false;
    const [h, v] = a.dir === 'h' ? [a, b] : [b, a];
    return v.at >= h.a0 - TOL && v.at <= h.a1 + TOL && h.at >= v.a0 - TOL && h.at <= v.a1 + TOL;
  };
  segs.forEach((a, i) => {
    for (let j = i + 1; j < segs.length; j++) {
      const b = segs[j];
      if (b && touch(a, b)) parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => {
    const g = groups.get(find(i)) ?? [];
    g.push(s);
    groups.set(find(i), g);
  });
  return [...groups.values()];
}

/**
 * The ruled tables of a page: connected groups of rulings, the cells their grid makes (merged cells
 * found by sampling every grid position), kept when at least two cells hold text.
 */
function ruledTables(segments: readonly Segment[], runs: readonly Run[]): RuledTable[] {
  const segs = mergeSegments(segments.filter((s) => s.a1 - s.a0 >= 3)).slice(0, MAX_SEGMENTS);
  const groups = components(segs);
  const tables: RuledTable[] = [];
  for (const g of groups) {
    const hs = g.filter((s) => s.dir === 'h');
    const vs = g.filter((s) => s.dir === 'v');
    if (hs.length < 2 || vs.length < 2) continue;
    const xs = cluster(
      vs.map((v) => v.at),
      TOL,
    );
    const ys = cluster(
      hs.map((h) => h.at),
      TOL,
    );
    const cells = new Map<string, Rect>();
    for (let i = 0; i + 1 < xs.length; i++)
      for (let j = 0; j + 1 < ys.length; j++) {
        const xa = xs[i];
        const xb = xs[i + 1];
        const ya = ys[j];
        const yb = ys[j + 1];
        if (xa === undefined || xb === undefined || ya === undefined || yb === undefined) continue;
        const c = cellAt((xa + xb) / 2, (ya + yb) / 2, hs, vs);
        if (c) cells.set(rectKey(c), c);
      }
    const list = [...cells.values()];
    const withText = list.filter((c) => runs.some((r) => !isBlank(r.str) && inRect(r, c)));
    if (withText.length < 2) continue;
    const bbox = {
      x0: Math.min(...list.map((c) => c.x0)),
      x1: Math.max(...list.map((c) => c.x1)),
      y0: Math.min(...list.map((c) => c.y0)),
      y1: Math.max(...list.map((c) => c.y1)),
    };
    tables.push({ bbox, cells: list });
  }
  return tables;
}

/** Whether a run's start lies inside a rectangle (its baseline a little above the start). */
function inRect(r: Run, c: Rect): boolean {
  const px = r.x + Math.min(r.width / 2, 2);
  const py = r.y + r.size * 0.3;
  return px > c.x0 && px < c.x1 && py > c.y0 && py < c.y1;
}

/** The rows of a ruled table: cells by their top edge, left to right, spans from the grid. */
function tableRows(t: RuledTable, runs: readonly Run[], page: number): Extract<PageItem, { kind: 'table' }> {
  const xs = cluster(
    t.cells.flatMap((c) => [c.x0, c.x1]),
    TOL,
  );
  const ys = cluster(
    t.cells.flatMap((c) => [c.y0, c.y1]),
    TOL,
  );
  const span = (grid: number[], a: number, b: number): number =>
    Math.max(1, grid.filter((g) => g > a + TOL && g < b - TOL).length + 1);
  const tops = cluster(
    t.cells.map((c) => c.y1),
    TOL,
  ).sort((a, b) => b - a);
  const rows = tops.map((top) => ({
    cells: t.cells
      .filter((c) => Math.abs(c.y1 - top) <= TOL)
      .sort((a, b) => a.x0 - b.x0)
      .map((rect) => ({
        rect,
        lines: toLines(
          runs.filter((r) => inRect(r, rect)),
          page,
        ),
        colSpan: span(xs, rect.x0, rect.x1),
        rowSpan: span(ys, rect.y0, rect.y1),
      })),
  }));
  return { kind: 'table', top: t.bbox.y1, rows };
}

// ---------------------------------------------------------------------------------------------
// Borderless columns

/**
 * Regions of consecutive lines that are laid out in columns without rulings (a signature block
 * "Tööandja: | Töötaja:", label-over-value cells): at least two lines split by a wide gap at the same
 * column starts; lines with one chunk join when it starts at a later column. A first column of
 * list labels only ("3.1.⇥text") is a list, not a table.
 */
function columnRegions(lines: readonly Line[]): { from: number; to: number; cols: number[] }[] {
  const chunks = lines.map(chunksOf);
  const regions: { from: number; to: number; cols: number[] }[] = [];
  let i = 0;
  while (i < lines.length) {
    const c = chunks[i] ?? [];
    if (c.length < 2) {
      i++;
      continue;
    }
    const cols = c.map((k) => k.x);
    const lowest = regions[regions.length - 1]?.to ?? 0;
    const { start, to, multi } = extendRegion(lines, i, cols);
    const from = Math.max(start, lowest);
    const firstColumn = lines
      .slice(from, to)
      .map((l) => splitAtCols(l, cols)?.[0])
      .filter((k): k is Line => k !== undefined && near(k.x, cols[0] ?? 0));
    const listLike = firstColumn.every((k) => labelOf(`${k.text} x`)?.rest === 'x');
    // "Label:⇥value" lines at a tab stop are paragraphs, not a table: every first-column text a label
    const tabbed = cols.length === 2 && firstColumn.length > 0 && firstColumn.every((k) => /:$/.test(k.text));
    if (multi >= 2 && !listLike && !tabbed) {
      regions.push({ from, to, cols });
      i = to;
    } else i++;
  }
  return regions;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 6;

/**
 * A line cut at a region's column starts: its runs by the column they start in, or undefined when a
 * run crosses a column start, or the text of one column comes closer than 0.4 em to the next column
 * (a paragraph line across the columns, not cells side by side). Empty columns are left out.
 */
function splitAtCols(line: Line, cols: readonly number[]): Line[] | undefined {
  if (line.x < (cols[0] ?? 0) - 6) return undefined;
  const parts: Run[][] = cols.map(() => []);
  for (const r of line.runs) {
    if (isBlank(r.str)) continue;
    const k = cols.reduce((acc, x, idx) => (r.x >= x - 3 ? idx : acc), 0);
    const next = cols[k + 1];
    if (next !== undefined && r.x + r.width > next + 1) return undefined;
    parts[k]?.push(r);
  }
  for (let k = 0; k + 1 < cols.length; k++) {
    const next = cols[k + 1] ?? Infinity;
    const right = (parts[k] ?? []).reduce((m, r) => Math.max(m, r.x + r.width), -Infinity);
    if ((parts[k + 1] ?? []).length && right > next - 0.4 * line.size) return undefined;
  }
  return parts.flatMap((runs) => (runs.length ? (makeLine(runs, line.page) ?? []) : []));
}

/** Whether line `j` belongs to a region with columns `cols`, and how (see extendRegion). */
function regionLine(line: Line, cols: readonly number[]): 'split' | 'later' | 'first' | undefined {
  const parts = splitAtCols(line, cols);
  if (!parts || parts.length === 0) return undefined;
  if (parts.length >= 2) return 'split';
  return (parts[0]?.x ?? 0) >= (cols[1] ?? Infinity) - 6 ? 'later' : 'first';
}

/**
 * How far a column region around the line `from` goes, down and up: lines cut cleanly at the same
 * column starts (also hanging bullets and wrapped text inside a column), a line only in a later
 * column, or a line only in the first column when a split or later-column line follows it (a name
 * under "Kinnitaja" with nothing beside it); `multi` counts the split lines.
 */
function extendRegion(
  lines: readonly Line[],
  from: number,
  cols: readonly number[],
): { start: number; to: number; multi: number } {
  let multi = 1;
  let end = from + 1;
  let lastGap: number | undefined;
  for (let j = from + 1; j < lines.length; j++) {
    const prev = lines[j - 1];
    const line = lines[j];
    if (!prev || !line) break;
    const kind = regionLine(line, cols);
    const gap = prev.y - line.y;
    // a signature block leaves room to sign between its lines: a wider gap is allowed there
    if (!kind || gap > (kind === 'split' ? 10 : 4) * line.size) break;
    if (kind === 'split') multi++;
    // a first-column line at the region's end belongs to it when it keeps the lines' rhythm
    if (kind !== 'first' || (lastGap !== undefined && Math.abs(gap - lastGap) <= Math.max(1, 0.2 * lastGap)))
      end = j + 1;
    lastGap = gap;
  }
  let start = from;
  for (let j = from - 1; j >= 0; j--) {
    const line = lines[j];
    const below = lines[j + 1];
    if (!line || !below) break;
    const kind = regionLine(line, cols);
    if (kind !== 'split' || line.y - below.y > 4 * line.size) break;
    multi++;
    start = j;
  }
  return { start, to: end, multi };
}

/** A borderless column region as table rows: rows split where every column has a vertical gap. */
function regionTable(lines: readonly Line[], cols: readonly number[]): Extract<PageItem, { kind: 'table' }> {
  const rows: { cells: { rect: Rect; lines: Line[]; colSpan: number; rowSpan: number }[] }[] = [];
  let current: Line[][] = cols.map(() => []);
  const flush = (): void => {
    if (current.every((c) => c.length === 0)) return;
    rows.push({
      cells: current.map((ls, k) => ({
        rect: { x0: cols[k] ?? 0, x1: cols[k + 1] ?? Infinity, y0: 0, y1: 0 },
        lines: ls,
        colSpan: 1,
        rowSpan: 1,
      })),
    });
    current = cols.map(() => []);
  };
  let prevY: number | undefined;
  let prevFull = false;
  let prevBold = false;
  for (const line of lines) {
    const chunks = splitAtCols(line, cols) ?? chunksOf(line);
    // a bold line with text in every column is a row of its own (a header row) when the next such
    // line stands a paragraph's gap below it
    const full = chunks.length === cols.length;
    const gap = prevY === undefined ? 0 : prevY - line.y;
    if (gap > 1.9 * line.size || (full && prevFull && prevBold && !line.bold && gap > 1.5 * line.size + 1))
      flush();
    for (const chunk of chunks) {
      const k = cols.reduce((acc, x, idx) => (chunk.x >= x - 6 ? idx : acc), 0);
      current[k]?.push(chunk);
    }
    prevY = line.y;
    prevFull = full;
    prevBold = line.bold;
  }
  flush();
  return { kind: 'table', top: lines[0]?.y ?? 0, rows };
}

// ---------------------------------------------------------------------------------------------
// Running headers and footers

interface MarginLine {
  line: Line;
  key: string;
  where: 'header' | 'footer';
}

/** The lines in a page's top and bottom margin (the first and last four, within a fifth of the page). */
function marginLines(lines: readonly Line[], height: number): MarginLine[] {
  const out: MarginLine[] = [];
  const top = lines.slice(0, 4).filter((l) => l.y > height * 0.8);
  const bottom = lines.slice(-4).filter((l) => l.y < height * 0.2);
  for (const line of top) out.push({ line, key: runningKey(line.text), where: 'header' });
  for (const line of bottom)
    if (!top.includes(line)) out.push({ line, key: runningKey(line.text), where: 'footer' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

interface Para {
  lines: Line[];
  text: string;
  label?: string;
  ordered?: boolean;
  /** x of the text after the label (a continuation line of a hanging indent starts there). */
  textX: number;
  x: number;
  size: number;
  bold: boolean;
  page: number;
  /** Set by assignLevels. */
  level?: number;
  indent?: number;
}

/**
 * The line spacing of each font size: a low percentile of the baseline distances between lines of
 * that size (the lines of one paragraph are the closest; list items and paragraphs lie further apart).
 */
function lineSpacings(lines: readonly Line[]): Map<number, number> {
  const dys = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (!a || !b || a.size !== b.size || a.page !== b.page) continue;
    const dy = a.y - b.y;
    if (dy < 0.9 * a.size || dy > 2.5 * a.size) continue;
    const list = dys.get(a.size) ?? [];
    list.push(dy);
    dys.set(a.size, list);
  }
  const out = new Map<number, number>();
  for (const [size, list] of dys) {
    list.sort((a, b) => a - b);
    const at = list[Math.floor((list.length - 1) * 0.15)];
    if (at !== undefined) out.set(size, at);
  }
  return out;
}

/** The left and right edges of a container's text (the page's text area, a cell without its padding). */
interface Box {
  left: number;
  right: number;
}

/** The width of the first word of a line (from its first run's width, by its share of the characters). */
function firstWordWidth(line: Line): number {
  const run = line.runs.find((r) => !isBlank(r.str));
  if (!run) return 0;
  // a space is about half as wide as a letter: the width of a letter, from the run's
  const s = run.str.trimStart();
  const word = s.split(/\s/)[0] ?? s;
  const spaces = (run.str.match(/\s/g) ?? []).length;
  return (run.width * word.length) / Math.max(1, run.str.length - spaces / 2);
}

/**
 * Whether the first word of `line` would have fitted at the end of `prev` inside the box: text
 * wraps only when the next word does not fit, so then the line break was the writer's (a new
 * paragraph, a line break), not the wrap's. Lines centred or right-aligned (both lines, with
 * different starts) fit when the wider line's width with the word is within the box's width.
 */
function wouldFit(prev: Line, line: Line, box: Box): boolean {
  // a line ending in a hyphen goes on (a word divided), one ending in a comma too (a sentence goes
  // on: the writer broke the line, "Teehoiuteenistus," then "Projektijuhtimise osakond")
  if (!Number.isFinite(box.right) || /[-\u00AD\u2010,]$/.test(prev.text)) return false;
  const word = firstWordWidth(line);
  const space = 0.28 * line.size;
  const margin = 0.3 * line.size;
  if (prev.right + space + word <= box.right - margin) return true;
  if (Math.abs(prev.x - line.x) <= 2 || prev.x < box.left + 2 * line.size) return false;
  const mid = (box.left + box.right) / 2;
  const centred = [prev, line].every((l) => Math.abs((l.x + l.right) / 2 - mid) <= 0.5 * line.size);
  const rightAligned = Math.abs(prev.right - line.right) <= 1.5;
  return (centred || rightAligned) && prev.right - prev.x + space + word <= box.right - box.left - 2 * margin;
}

/**
 * Whether a line starts with a bold lead-in ("Haridus: …" with only the label bold) after a line that
 * ends a sentence and does not end in bold: a paragraph of its own, however full the line above.
 */
function boldLeadIn(prev: Line, line: Line): boolean {
  const runs = line.runs.filter((r) => !isBlank(r.str));
  const last = prev.runs.filter((r) => !isBlank(r.str)).pop();
  return (
    runs[0]?.bold === true && runs.some((r) => !r.bold) && last?.bold === false && /[.!?;:)]$/.test(prev.text)
  );
}

/**
 * Whether the document sets its paragraphs apart with space: the gap before a list item's line
 * (a new paragraph for sure) is, in the median, wider than the line spacing. Then a line that ends
 * short without a gap is a line break inside the paragraph; otherwise (paragraphs set solid, as
 * Word's and LibreOffice's defaults make them) it starts a new paragraph.
 */
function spacedParagraphs(lines: readonly Line[], spacing: ReadonlyMap<number, number>): boolean {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (!a || !b || a.page !== b.page || Math.abs(a.size - b.size) > 0.6 || !labelOf(b.text)) continue;
    const lead = spacing.get(b.size) ?? 1.2 * b.size;
    const dy = a.y - b.y;
    if (dy > 0) ratios.push(dy / lead);
  }
  ratios.sort((x, y) => x - y);
  const median = ratios[Math.floor(ratios.length / 2)];
  return ratios.length >= 3 && median !== undefined && median > 1.08;
}

/** A line "Label:⇥value": a label set off from its value by a tab stop. */
const TAB_LABEL = /^[^\t:]{1,40}:\t\S/u;

/**
 * Whether a line indented well right of a "Label: value" line (at the value's tab stop) goes on
 * with the value ("Struktuuriüksus:⇥Teehoiuteenistus," then "Projektijuhtimise osakond" under it).
 */
function valueGoesOn(cur: Para, prev: Line, line: Line): boolean {
  return (
    cur.label === undefined &&
    cur.lines.length === 1 &&
    /^[^\t:]{1,40}:[\t ]+\S/u.test(prev.text) &&
    line.x > cur.x + 3 * line.size &&
    line.x < prev.right
  );
}

/** Lines of one container (the page flow, a table cell) into paragraphs. */
function paragraphs(
  lines: readonly Line[],
  spacing: ReadonlyMap<number, number>,
  box: Box,
  solid: boolean,
): Para[] {
  const out: Para[] = [];
  let cur: Para | undefined;
  let prev: Line | undefined;
  for (const line of lines) {
    // a number in a smaller font than the text after it is a footnote's mark, not a list label
    const mark = line.runs.find((r) => !isBlank(r.str));
    const label =
      mark && mark.size < 0.8 * line.size && /^\d/.test(mark.str) ? undefined : labelOf(line.text);
    let split = !cur || !prev;
    if (cur && prev) {
      const dy = prev.y - line.y;
      const lead = spacing.get(line.size) ?? 1.2 * line.size;
      if (prev.runs[0]?.rotated || line.runs[0]?.rotated) split = true;
      else if (prev.page !== line.page) split = !continuesAcrossPage(cur, line);
      else if (dy < 0.5 * line.size || dy > lead * 1.25 + 1) split = true;
      else if (Math.abs(prev.size - line.size) > 0.6 || prev.bold !== line.bold) split = true;
      else if (label) split = true;
      else if (valueGoesOn(cur, prev, line)) split = false;
      else if (TAB_LABEL.test(line.text) && TAB_LABEL.test(cur.lines[0]?.text ?? '')) split = true;
      else if ((solid && wouldFit(prev, line, box)) || boldLeadIn(prev, line)) split = true;
      else if (cur.label && leavesItem(cur, line)) split = true;
      else if (!cur.label && line.x > cur.x + 3 * line.size) split = true;
    }
    if (split || !cur) {
      cur = {
        lines: [line],
        text: label ? label.rest : line.text,
        ...(label ? { label: label.label, ordered: label.ordered } : {}),
        textX: label ? textStart(line) : line.x,
        x: line.x,
        size: line.size,
        bold: line.bold,
        page: line.page,
      };
      out.push(cur);
    } else {
      cur.lines.push(line);
      cur.text = joinLines(cur.text, line.text);
    }
    prev = line;
  }
  return out;
}

/**
 * Whether a line after a list item's line starts something new rather than continuing it: a line
 * left of the label; a line back at the label's x when the item's text hangs (a bullet set off by a
 * tab, or an earlier continuation line at the text's x). "3.1 Text" wrapped to the label's x goes on.
 */
function leavesItem(cur: Para, line: Line): boolean {
  if (line.x < cur.x - 3) return true;
  const second = cur.lines[1];
  if (second) return line.x < second.x - 3;
  return !cur.ordered && line.x < cur.textX - 3 && cur.textX - cur.x > 0.8 * cur.size;
}

/** Where the text after a line's label starts: the x of the run after the label's. */
function textStart(line: Line): number {
  const visible = line.runs.filter((r) => !isBlank(r.str));
  const first = visible[0];
  if (!first) return line.x;
  const label = labelOf(line.text)?.label ?? '';
  if (first.str.trim().length > label.length) {
    // label and text in one run: estimate from the characters' average width
    const perChar = first.width / Math.max(1, first.str.length);
    const idx = first.str.indexOf(label) + label.length;
    const after = first.str.slice(idx).match(/^\s*/)?.[0].length ?? 0;
    return first.x + perChar * (idx + after);
  }
  return visible[1]?.x ?? line.x;
}

/** A paragraph continues on the next page when it ends mid-sentence and the next line goes on in lowercase. */
function continuesAcrossPage(cur: Para, line: Line): boolean {
  return (
    !/[.!?:;]$/.test(cur.text) &&
    /^\p{Ll}/u.test(line.text) &&
    Math.abs(cur.size - line.size) <= 0.6 &&
    cur.bold === line.bold
  );
}

// ---------------------------------------------------------------------------------------------
// The document

/**
 * A different first page (Word's "different first page" header or footer): the keys of lines on
 * every page but the first, each page's outermost line set off from the body by more than a
 * paragraph's gap, at a height where the first page too has its outermost line; not a list item
 * nor a sentence (a running line names the document).
 */
function laterPagesRunning(
  pages: readonly PageInput[],
  pageLines: readonly Line[][],
  margins: readonly MarginLine[][],
  seen: ReadonlyMap<string, { pages: Set<number>; ys: number[]; texts: Set<string>; numbered: boolean }>,
): string[] {
  const out: string[] = [];
  const first = pages[0]?.page;
  // only the page's outermost line (topmost for a header, lowest for a footer, page numbers aside)
  const edge = (i: number, where: 'header' | 'footer'): Line | undefined => {
    const ls = (pageLines[i] ?? []).filter((l) => !isPageNumber(l.text));
    return where === 'header' ? ls[0] : ls[ls.length - 1];
  };
  const outermost = new Set<string>();
  margins.forEach((ms, i) => {
    for (const ml of ms) {
      if (i === 0 || ml.line !== edge(i, ml.where)) continue;
      // a running line names the document; a list item or a sentence is the body's
      if (labelOf(ml.line.text) || /[.;,]$/.test(ml.line.text)) continue;
      // set off from the body by more than a paragraph's gap (the margin between header and body)
      const ls = pageLines[i] ?? [];
      const next = ls[ls.indexOf(ml.line) + (ml.where === 'header' ? 1 : -1)];
      if (!next || Math.abs(ml.line.y - next.y) >= 2.5 * Math.max(ml.line.size, next.size))
        outermost.add(`${ml.where}|${ml.key}`);
    }
  });
  const firstYs = (['header', 'footer'] as const).flatMap((where) => {
    const l = edge(0, where);
    return l ? [{ y: l.y, where }] : [];
  });
  for (const [k, s] of seen) {
    const where = k.slice(0, k.indexOf('|'));
    if (
      s.pages.size === pages.length - 1 &&
      first !== undefined &&
      !s.pages.has(first) &&
      Math.max(...s.ys) - Math.min(...s.ys) <= 4 &&
      (s.texts.size === 1 || s.numbered) &&
      firstYs.some((f) => f.where === where && Math.abs(f.y - (s.ys[0] ?? 0)) <= 2) &&
      outermost.has(k)
    )
      out.push(k);
  }
  return out;
}

/** Running header and footer lines (margin lines repeating at the same height on most pages) and page numbers. */
function runningLines(
  pages: readonly PageInput[],
  pageLines: readonly Line[][],
  pageTables: readonly RuledTable[][],
): { header: Line[]; footer: Line[]; removed: Set<Line> } {
  // a table's header row repeated at the top of every page is not a running header
  const margins = pages.map((p, i) => {
    const cells = (pageTables[i] ?? []).flatMap((t) => t.cells);
    return marginLines(pageLines[i] ?? [], p.height).filter(
      (ml) => !ml.line.runs.some((r) => cells.some((c) => inRect(r, c))),
    );
  });
  const needed = Math.max(2, Math.ceil(pages.length * 0.6));
  const seen = new Map<string, { pages: Set<number>; ys: number[]; texts: Set<string>; numbered: boolean }>();
  for (const ml of margins.flat()) {
    const k = `${ml.where}|${ml.key}`;
    const s = seen.get(k) ?? { pages: new Set<number>(), ys: [], texts: new Set<string>(), numbered: true };
    s.pages.add(ml.line.page);
    s.ys.push(ml.line.y);
    s.texts.add(ml.line.text);
    // where the numbers differ from page to page, they must be the page's number
    s.numbered &&= (ml.line.text.match(/\d+/g) ?? ([] as string[])).includes(String(ml.line.page));
    seen.set(k, s);
  }
  const running = new Set(
    [...seen.entries()]
      .filter(
        ([, s]) =>
          s.pages.size >= needed &&
          Math.max(...s.ys) - Math.min(...s.ys) <= 4 &&
          (s.texts.size === 1 || s.numbered),
      )
      .map(([k]) => k),
  );
  if (pages.length >= 2) for (const k of laterPagesRunning(pages, pageLines, margins, seen)) running.add(k);
  const out = { header: [] as Line[], footer: [] as Line[], removed: new Set<Line>() };
  const kept = new Set<string>();
  for (const ml of margins.flat()) {
    const k = `${ml.where}|${ml.key}`;
    // the page number, and the document code our renderer prints under the last page's footer
    if (isPageNumber(ml.line.text) || isDocumentCodeLine(ml.line.text)) out.removed.add(ml.line);
    else if (running.has(k)) {
      out.removed.add(ml.line);
      if (!kept.has(k)) {
        kept.add(k);
        out[ml.where].push(stripPageNumber(ml.line));
      }
    }
  }
  return out;
}

/** One page's blocks from the top: ruled tables, borderless column regions and runs of flow lines. */
function pageItems(p: PageInput, lines: readonly Line[], tables: readonly RuledTable[]): PageItem[] {
  const keptRuns = new Set(lines.flatMap((l) => l.runs));
  const runs = p.runs.filter((r) => keptRuns.has(r));
  const inTable = (r: Run): boolean => tables.some((t) => t.cells.some((c) => inRect(r, c)));
  const out: PageItem[] = tables.map((t) =>
    tableRows(
      t,
      runs.filter((r) => t.cells.some((c) => inRect(r, c))),
      p.page,
    ),
  );
  const flow = toLines(
    runs.filter((r) => !inTable(r)),
    p.page,
  );
  // the flow is cut where a table lies between two of its lines
  const pushLines = (ls: Line[]): void => {
    let chunk: Line[] = [];
    for (const l of ls) {
      const last = chunk[chunk.length - 1];
      if (last && tables.some((t) => t.bbox.y1 < last.y && t.bbox.y1 > l.y)) {
        out.push({ kind: 'lines', top: chunk[0]?.y ?? 0, lines: chunk });
        chunk = [];
      }
      chunk.push(l);
    }
    if (chunk.length) out.push({ kind: 'lines', top: chunk[0]?.y ?? 0, lines: chunk });
  };
  let at = 0;
  for (const r of columnRegions(flow)) {
    pushLines(flow.slice(at, r.from));
    out.push(regionTable(flow.slice(r.from, r.to), r.cols));
    at = r.to;
  }
  pushLines(flow.slice(at));
  return out.sort((a, b) => b.top - a.top);
}

/** The right padding of a table cell assumed: Word's and LibreOffice's default is 0.19 cm, 5.4 pt. */
const CELL_PADDING = 5;

type BuiltCell = { paras: Para[]; colSpan: number; rowSpan: number };
type Built = { kind: 'para'; para: Para } | { kind: 'table'; page: number; rows: BuiltCell[][] };

/** The pages' items as paragraphs and tables; the flow of consecutive pages is one (a paragraph may go on). */
function buildBlocks(
  items: readonly PageItem[][],
  pages: readonly PageInput[],
  spacing: ReadonlyMap<number, number>,
): Built[] {
  const built: Built[] = [];
  // the text area: the flow lines' leftmost start and rightmost end (pages share their margins)
  const flowLinesAll = items.flat().flatMap((it) => (it.kind === 'lines' ? it.lines : []));
  const flowBox: Box = {
    left: Math.min(...flowLinesAll.map((l) => l.x)),
    right: Math.max(...flowLinesAll.map((l) => l.right)),
  };
  // a cell's text stops short of its right border by the cell's padding (a borderless cell at the
  // next column); where two or more lines of the column reach a common right edge well inside it
  // (a right indent, a wider padding), the text wraps there
  const cellBox = (rect: Rect, column: readonly Line[]): Box => {
    const border = Number.isFinite(rect.x1) ? rect.x1 - CELL_PADDING : flowBox.right;
    const edge = Math.max(...column.map((l) => l.right));
    const atEdge = column.filter((l) => l.right >= edge - l.size).length;
    return { left: rect.x0, right: atEdge >= 2 && edge < border ? edge : border };
  };
  const solid = !spacedParagraphs(flowLinesAll, spacing);
  let flowLines: Line[] = [];
  const flushFlow = (): void => {
    for (const para of paragraphs(flowLines, spacing, flowBox, solid)) built.push({ kind: 'para', para });
    flowLines = [];
  };
  items.forEach((pageItems, pi) => {
    for (const it of pageItems) {
      if (it.kind === 'lines') {
        flowLines.push(...it.lines);
        continue;
      }
      flushFlow();
      const cells = it.rows.flatMap((r) => r.cells);
      const columnOf = (rect: Rect): Line[] =>
        cells.filter((c) => near(c.rect.x0, rect.x0) && near(c.rect.x1, rect.x1)).flatMap((c) => c.lines);
      const rows = it.rows.map((r) =>
        r.cells.map((c) => ({
          paras: paragraphs(c.lines, spacing, cellBox(c.rect, columnOf(c.rect)), solid),
          colSpan: c.colSpan,
          rowSpan: c.rowSpan,
        })),
      );
      built.push({ kind: 'table', page: pages[pi]?.page ?? 1, rows });
    }
  });
  flushFlow();
  return built;
}

/**
 * List levels by indentation, as a reader sees nesting: a stack of the label x positions of the
 * current list; a label further right goes one level deeper, one back at an earlier x returns to its
 * level. A paragraph without a label at or left of the list's first x, or a heading, ends the list. Also each
 * paragraph's indent from the container's left edge.
 */
function assignLevels(paras: readonly { para: Para; heading?: number | undefined }[]): void {
  const left = paras.reduce((m, { para }) => para.lines.reduce((n, l) => Math.min(n, l.x), m), Infinity);
  let stack: number[] = [];
  for (const { para: p, heading } of paras) {
    p.indent = Math.max(0, Math.round(p.x - left));
    if (heading !== undefined) {
      stack = [];
      continue;
    }
    if (p.label === undefined) {
      if (p.x <= (stack[0] ?? -Infinity) + 3) stack = [];
      continue;
    }
    while (stack.length && (stack[stack.length - 1] ?? 0) > p.x + 3) stack.pop();
    const top = stack[stack.length - 1];
    if (top === undefined || p.x > top + 3) stack.push(p.x);
    p.level = stack.length - 1;
  }
}

/** Body font size (most characters), line spacings and the sizes clearly larger than the body (headings). */
function fontSizes(items: readonly PageItem[][]): {
  body: number;
  spacing: Map<number, number>;
  headings: number[];
} {
  const lines = items
    .flat()
    .flatMap((it) =>
      it.kind === 'lines' ? it.lines : it.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)),
    );
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  const body = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const spacing = lineSpacings(items.flat().flatMap((it) => (it.kind === 'lines' ? it.lines : [])));
  const headings = cluster(
    [...chars.keys()].filter((s) => s >= body * 1.12 && s - body >= 1),
    0.6,
  ).sort((a, b) => b - a);
  return { body, spacing, headings };
}

/**
 * A flow paragraph's heading level: a clearly larger font than the body (1 for the largest), or a
 * whole bold short line at body size followed by something not bold (or itself numbered or in
 * capitals), one level below the larger sizes. A bold line ending in ":" is a lead-in or a name over
 * its items ("Kliendikesksus:"), not a heading: it stays a bold paragraph.
 */
function headingLevel(
  p: Para,
  next: Built | undefined,
  sizes: ReturnType<typeof fontSizes>,
): number | undefined {
  const larger = sizes.headings.findIndex((s) => Math.abs(s - p.size) <= 0.6);
  if (larger >= 0 && p.text.length <= 200) return Math.min(6, larger + 1);
  const nextPara = next?.kind === 'para' ? next.para : undefined;
  const shortBold =
    p.bold &&
    p.lines.length === 1 &&
    p.text.length <= 80 &&
    p.size >= sizes.body - 0.5 &&
    !/[.,;:]$/.test(p.text) &&
    (nextPara === undefined ||
      !nextPara.bold ||
      nextPara.size < p.size - 0.5 ||
      p.label !== undefined ||
      p.text === p.text.toUpperCase());
  return shortBold ? Math.min(6, sizes.headings.length + 1) : undefined;
}

function toSource(p: Para, heading?: number): SourceParagraph {
  const sp: SourceParagraph = { type: 'paragraph', text: p.text, loc: { page: p.page } };
  if (heading !== undefined) {
    // a heading keeps its number in the text ("2. TÖÖKOHA EESMÄRK")
    sp.text = p.label !== undefined ? `${p.label} ${p.text}` : p.text;
    sp.heading = heading;
  } else if (p.label !== undefined) {
    sp.label = p.label;
    sp.ordered = p.ordered ?? false;
    sp.level = p.level ?? 0;
  }
  if (p.bold) sp.bold = true;
  sp.indent = p.indent ?? 0;
  return sp;
}

/** The pages' text into header, footer and body blocks. */
export function layout(input: readonly PageInput[]): LayoutResult {
  const pages = input.map((p) => ({ ...p, runs: withoutStruck(p.runs, p.segments) }));
  const pageLines = pages.map((p) => toLines(p.runs, p.page));
  const pageTables = pages.map((p) => ruledTables(p.segments, p.runs));
  const running = runningLines(pages, pageLines, pageTables);
  const items = pages.map((p, i) =>
    pageItems(
      p,
      (pageLines[i] ?? []).filter((l) => !running.removed.has(l)),
      pageTables[i] ?? [],
    ),
  );
  const sizes = fontSizes(items);
  const built = buildBlocks(items, pages, sizes.spacing);

  // headings first: a numbered heading ("3. Tööülesanded") is not the first level of the list under it
  const headings = built.map((b, i) =>
    b.kind === 'para' ? headingLevel(b.para, built[i + 1], sizes) : undefined,
  );
  assignLevels(built.flatMap((b, i) => (b.kind === 'para' ? [{ para: b.para, heading: headings[i] }] : [])));
  for (const b of built)
    if (b.kind === 'table')
      for (const r of b.rows) for (const c of r) assignLevels(c.paras.map((para) => ({ para })));

  const body: SourceBlock[] = [];
  built.forEach((b, i) => {
    if (b.kind === 'para') {
      body.push(toSource(b.para, headings[i]));
      return;
    }
    const rows: SourceCell[][] = b.rows
      .map((r) =>
        r.map((c) => ({ blocks: c.paras.map((p) => toSource(p)), colSpan: c.colSpan, rowSpan: c.rowSpan })),
      )
      .filter((r) => r.some((c) => c.blocks.length > 0));
    if (rows.length) {
      const table: SourceTable = { type: 'table', rows, loc: { page: b.page } };
      body.push(table);
    }
  });

  const marginParas = (lines: Line[]): SourceParagraph[] =>
    lines.map((l) => ({
      type: 'paragraph',
      text: l.text,
      ...(l.bold ? { bold: true } : {}),
      loc: { page: l.page },
    }));
  return { header: marginParas(running.header), footer: marginParas(running.footer), body };
}

/**
 * Runs without their struck-through words: a horizontal line drawn through the middle of the
 * letters (between a fifth and a half of the font size above the baseline) is a deletion shown
 * with tracked changes, not text a person reads. A word goes when its middle lies under the line
 * (positions estimated from the run's width, a space half a letter); what is left of a run is
 * kept as runs of its own.
 */
function withoutStruck(runs: readonly Run[], segments: readonly Segment[]): Run[] {
  const strikes = segments.filter((g) => g.dir === 'h');
  if (strikes.length === 0) return [...runs];
  const out: Run[] = [];
  for (const r of runs) {
    const through = strikes.filter(
      (g) =>
        !r.rotated &&
        g.at >= r.y + 0.2 * r.size &&
        g.at <= r.y + 0.5 * r.size &&
        g.a0 < r.x + r.width - 1 &&
        g.a1 > r.x + 1,
    );
    if (through.length === 0) {
      out.push(r);
      continue;
    }
    const tokens = r.str.match(/\S+\s*|\s+/g) ?? [];
    const units = (t: string): number => t.replace(/\s/g, '').length + (t.match(/\s/g) ?? []).length / 2;
    const perUnit = r.width / Math.max(1, units(r.str));
    let x = r.x;
    let piece: { str: string; x: number; width: number } | undefined;
    const flush = (): void => {
      if (piece && piece.str.trim()) out.push({ ...r, str: piece.str, x: piece.x, width: piece.width });
      piece = undefined;
    };
    for (const t of tokens) {
      const w = units(t) * perUnit;
      const mid = x + units(t.trimEnd()) * perUnit * 0.5;
      if (through.some((g) => mid >= g.a0 && mid <= g.a1)) flush();
      else if (piece) {
        piece.str += t;
        piece.width += w;
      } else piece = { str: t, x, width: w };
      x += w;
    }
    flush();
  }
  return out;
}

/** A running line without its page-number chunk ("KINNITATUD …⇥lk 2 / 5" keeps the first part). */
function stripPageNumber(line: Line): Line {
  const chunks = chunksOf(line).filter((c) => !isPageNumber(c.text));
  if (chunks.length === 0) return line;
  return { ...line, text: chunks.map((c) => c.text).join('\t') };
}

/** Text of every run normalised (ligatures, private-use bullets, NFC). */
export function normaliseRuns(runs: readonly Run[]): Run[] {
  return runs.map((r) => ({ ...r, str: normaliseText(r.str) }));
}
