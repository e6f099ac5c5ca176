/**
 * Layout primitives: a Block is a stack of atoms (lines of text, rectangles) at positions relative to
 * the block's top, measured before anything is drawn. The paginator places blocks on pages and may
 * cut a block between lines; rectangles (cell borders, shading, quote bars) are clipped at a cut.
 */
import type { Block as MdBlock, ListItem } from '../../model/types.js';
import { getFaces } from './fonts.js';
import {
  append,
  breakLines,
  fitCount,
  inlineRuns,
  run,
  type Line,
  type Run,
  type RunStyle,
} from './inline.js';
import { BULLET, COLOR, LEADING, SIZE, SPACE } from './style.js';
import type { TagNode } from './tags.js';

export interface TextAtom {
  kind: 'text';
  x: number;
  y: number;
  h: number;
  line: Line;
  /** The structure element the text belongs to; null draws it as an artifact. */
  tag: TagNode | null;
  characterSpacing?: number;
}

export interface RectAtom {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  stroke?: string;
}

export type Atom = TextAtom | RectAtom;

export interface Block {
  kind: 'block';
  height: number;
  atoms: Atom[];
  /** Space above the block, dropped at the top of a page. */
  spaceBefore: number;
  /** Never leave this block last on a page (headings). */
  keepWithNext?: boolean;
  /** Move the whole block to the next page rather than cut it (when it fits on a page). */
  unbreakable?: boolean;
  /** Title of a bookmark pointing at this block. */
  bookmark?: string;
  /** A table row: the table's header row, drawn again above it when it starts a new page. */
  repeatHeader?: Block;
}

export interface TableFlow {
  kind: 'table';
  /** The header row: drawn tagged once, repeated as an artifact on every continuation page. */
  header: Block;
  rows: Block[];
  spaceBefore: number;
}

export type FlowItem = Block | TableFlow;

export interface Ctx {
  /** Left edge (page coordinates). */
  x: number;
  width: number;
  parent: TagNode;
  size: number;
  /** Nesting depth of lists (bullets change with depth). */
  depth: number;
}

export function lineHeight(size: number): number {
  return size * LEADING;
}

export function block(atoms: Atom[], height: number, spaceBefore = 0, extra: Partial<Block> = {}): Block {
  return { kind: 'block', atoms, height, spaceBefore, ...extra };
}

export interface TextOptions {
  x: number;
  width: number;
  size: number;
  tag: TagNode | null;
  align?: 'left' | 'center' | 'right';
  /** Extra space between letters (titles). */
  characterSpacing?: number;
}

/** Lines of text as atoms from y = 0. */
export function textAtoms(runs: readonly Run[], o: TextOptions): { atoms: TextAtom[]; height: number } {
  const spacing = o.characterSpacing ?? 0;
  const lines = breakLines(runs, o.width, o.size);
  const h = lineHeight(o.size);
  const atoms = lines.map((line, i): TextAtom => {
    const visible =
      line.width +
      (spacing ? spacing * Math.max(0, [...line.frags.map((f) => f.text).join('')].length - 1) : 0);
    const shift =
      o.align === 'center' ? (o.width - visible) / 2 : o.align === 'right' ? o.width - visible : 0;
    const atom: TextAtom = { kind: 'text', x: o.x + Math.max(0, shift), y: i * h, h, line, tag: o.tag };
    if (spacing) atom.characterSpacing = spacing;
    return atom;
  });
  return { atoms, height: lines.length * h };
}

export function textBlock(
  runs: readonly Run[],
  o: TextOptions,
  spaceBefore: number = SPACE.paragraph,
  extra: Partial<Block> = {},
): Block {
  const { atoms, height } = textAtoms(runs, o);
  return block(atoms, height, spaceBefore, extra);
}

/** Shifts atoms down by dy (and right by dx). */
export function shift(atoms: readonly Atom[], dy: number, dx = 0): Atom[] {
  return atoms.map((a) => ({ ...a, y: a.y + dy, x: a.x + dx }));
}

/** Joins a stack of blocks into one (for table cells and quotes); the first block's space is dropped. */
export function flatten(stack: readonly Block[]): { atoms: Atom[]; height: number } {
  const atoms: Atom[] = [];
  let y = 0;
  stack.forEach((b, i) => {
    if (i > 0) y += b.spaceBefore;
    for (const a of b.atoms) atoms.push({ ...a, y: a.y + y });
    y += b.height;
  });
  return { atoms, height: y };
}

/** y of the first line of a stack (where a list label goes). */
function firstLineTop(stack: readonly Block[]): { y: number; h: number } {
  const first = stack[0];
  const atom = first?.atoms.find((a): a is TextAtom => a.kind === 'text');
  return atom ? { y: atom.y, h: atom.h } : { y: 0, h: 0 };
}

export interface ListEntry {
  /** Label text: "▪", "1.", "3.1". */
  label: string;
  labelStyle?: RunStyle;
  /** Builds the item's body at the given context (its parent is the LBody). */
  body: (ctx: Ctx) => Block[];
}

/** A list (L → LI → Lbl + LBody), one block per body block so long lists break between items. */
export function listBlocks(
  entries: readonly ListEntry[],
  ctx: Ctx,
  labelWidth: number,
  spaceBefore: number = SPACE.paragraph,
): Block[] {
  const list = ctx.parent.child('L');
  const out: Block[] = [];
  entries.forEach((entry, i) => {
    const li = list.child('LI');
    const lbl = li.child('Lbl');
    const body = li.child('LBody');
    const stack = entry.body({
      x: ctx.x + labelWidth,
      width: ctx.width - labelWidth,
      parent: body,
      size: ctx.size,
      depth: ctx.depth + 1,
    });
    if (stack.length === 0) stack.push(block([], lineHeight(ctx.size)));
    const first = stack[0] as Block;
    const at = firstLineTop(stack);
    const label = breakLines([run(entry.label, entry.labelStyle)], labelWidth + ctx.width, ctx.size)[0];
    if (label) {
      const labelAtom: TextAtom = {
        kind: 'text',
        x: ctx.x,
        y: at.y,
        h: at.h || lineHeight(ctx.size),
        line: label,
        tag: lbl,
      };
      // The label is drawn before the body so the LI's children come out as Lbl, LBody.
      stack[0] = { ...first, atoms: [labelAtom, ...first.atoms] };
    }
    stack[0] = { ...(stack[0] as Block), spaceBefore: i === 0 ? spaceBefore : SPACE.listItem };
    append(out, stack);
  });
  return out;
}

export function bulletEntries(items: readonly Run[][], style: RunStyle = {}): ListEntry[] {
  return items.map((runs) => ({
    label: BULLET,
    labelStyle: style,
    body: (c: Ctx) => [
      textBlock(runs, { x: c.x, width: c.width, size: c.size, tag: c.parent.child('P') }, 0),
    ],
  }));
}

/** Width of list labels: bullets get a small indent, numbers enough for "10." */
export function labelWidth(labels: readonly string[], size: number, bold = false): number {
  const face = getFaces()[bold ? 'bold' : 'regular'];
  let widest = -Infinity;
  for (const l of labels) widest = Math.max(widest, face.width(l) * size);
  return Math.max(SPACE.indent - 2, Math.ceil(widest + size * 0.45));
}

function headingSize(depth: number): number {
  return depth <= 3 ? SIZE.h3 + 0.5 : SIZE.body;
}

function codeBlock(value: string, ctx: Ctx): Block {
  const pad = 6;
  const size = ctx.size * 0.92;
  const h = lineHeight(size);
  const tag = ctx.parent.child('P');
  const inner = ctx.width - 2 * pad;
  const face = getFaces().semibold;
  const atoms: Atom[] = [];
  let y = pad;
  for (const raw of value.replace(/\t/g, '    ').split('\n')) {
    // Preserve indentation with no-break spaces; wrap long lines at any character.
    const text = raw.replace(/^ +/, (m) => '\u00a0'.repeat(m.length)) || '\u00a0';
    const cps = Array.from(text);
    for (let at = 0; at < cps.length;) {
      const n = fitCount(cps, at, (p) => face.width(p) * size <= inner);
      const piece = cps.slice(at, at + n).join('');
      at += n;
      const line = breakLines([run(piece, { code: true })], Infinity, size)[0];
      if (line) atoms.push({ kind: 'text', x: ctx.x + pad, y, h, line, tag });
      y += h;
    }
  }
  const height = y + pad;
  atoms.unshift({ kind: 'rect', x: ctx.x, y: 0, w: ctx.width, h: height, fill: COLOR.codeFill });
  return block(atoms, height, SPACE.paragraph);
}

function listItemBody(item: ListItem) {
  return (c: Ctx): Block[] => markdownBlocks(item.children as MdBlock[], c);
}

type MdNode<T extends MdBlock['type']> = Extract<MdBlock, { type: T }>;

/** A heading inside a section (levels 3–6), kept with what follows. */
function headingBlock(node: MdNode<'heading'>, ctx: Ctx): Block {
  const depth = Math.min(6, Math.max(3, node.depth));
  const size = headingSize(node.depth);
  const b = textBlock(
    inlineRuns(node.children, { bold: true }),
    { x: ctx.x, width: ctx.width, size, tag: ctx.parent.child(`H${depth}`) },
    SPACE.subheadingBefore,
    { keepWithNext: true },
  );
  b.height += 1;
  return b;
}

/** Bullets by nesting depth, as in the reference layout and the DOCX list definition: ▪ – ◦. */
const BULLETS = [BULLET, '\u2013', '\u25e6'] as const;

/** A list: numbers, or bullets that change with the nesting depth. */
function listOf(node: MdNode<'list'>, ctx: Ctx): Block[] {
  const start = node.start ?? 1;
  const bullet = BULLETS[ctx.depth % BULLETS.length] ?? BULLET;
  const labels = node.children.map((_, i) => (node.ordered ? `${start + i}.` : bullet));
  const entries = node.children.map((item, i) => ({
    label: labels[i] ?? BULLET,
    body: listItemBody(item),
  }));
  return listBlocks(
    entries,
    ctx,
    labelWidth(labels, ctx.size),
    ctx.depth > 0 ? SPACE.listItem : SPACE.paragraph,
  );
}

/** A block quote: its content indented, with a bar on the left. */
function quoteBlock(node: MdNode<'blockquote'>, ctx: Ctx): Block {
  const bar = 2;
  const inner = markdownBlocks(node.children as MdBlock[], {
    ...ctx,
    x: ctx.x + SPACE.indent,
    width: ctx.width - SPACE.indent,
    parent: ctx.parent.child('BlockQuote'),
  });
  const { atoms, height } = flatten(inner);
  atoms.unshift({ kind: 'rect', x: ctx.x + 2, y: 0, w: bar, h: height, fill: COLOR.quoteBar });
  return block(atoms, height, SPACE.paragraph);
}

type TableRow = MdNode<'table'>['children'][number];

/** Column widths from each column's widest unwrapped cell, no column under half its equal share. */
function columnWidths(rows: readonly TableRow[], columns: number, ctx: Ctx): number[] {
  const natural = Array.from({ length: columns }, (_, i) => {
    let widest = 1;
    rows.forEach((row, r) => {
      const cell = row.children[i];
      if (!cell) return;
      const line = breakLines(inlineRuns(cell.children, { bold: r === 0 }), Infinity, ctx.size)[0];
      widest = Math.max(widest, (line?.width ?? 0) + 2 * SPACE.cellPadX);
    });
    return widest;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= ctx.width) return natural.map((n) => n + ((ctx.width - total) * n) / total);
  const floor = ctx.width / (2 * columns);
  const raw = natural.map((n) => Math.max(floor, (ctx.width * n) / total));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => (r * ctx.width) / sum);
}

/** One table row: bordered cells (shaded in the header), as tall as the tallest cell. */
function tableRow(
  row: TableRow,
  header: boolean,
  widths: readonly number[],
  align: MdNode<'table'>['align'],
  tr: TagNode,
  ctx: Ctx,
): Block {
  const cells = widths.map((width, i) => {
    const x = ctx.x + widths.slice(0, i).reduce((a, b) => a + b, 0);
    const tag = header ? tr.child('TH', { scope: 'Column' }) : tr.child('TD');
    const a = align?.[i];
    const t = textAtoms(inlineRuns(row.children[i]?.children ?? [], { bold: header }), {
      x: x + SPACE.cellPadX,
      width: width - 2 * SPACE.cellPadX,
      size: ctx.size,
      tag,
      ...(a === 'center' || a === 'right' ? { align: a } : {}),
    });
    return { x, width, ...t };
  });
  const height = Math.max(lineHeight(ctx.size), ...cells.map((c) => c.height)) + 2 * SPACE.cellPadY;
  const atoms: Atom[] = [];
  for (const c of cells) {
    if (header) atoms.push({ kind: 'rect', x: c.x, y: 0, w: c.width, h: height, fill: COLOR.headerFill });
    atoms.push({ kind: 'rect', x: c.x, y: 0, w: c.width, h: height, stroke: COLOR.border });
  }
  for (const c of cells) for (const a of c.atoms) atoms.push({ ...a, y: a.y + SPACE.cellPadY });
  return block(atoms, height, 0, { unbreakable: true });
}

/**
 * A GFM table (Table → TR → TH/TD): a shaded header row kept with the first row and drawn again
 * (as an artifact) above the rows continued on a new page, column alignment from the delimiter row.
 */
function tableBlocks(node: MdNode<'table'>, ctx: Ctx): Block[] {
  const table = ctx.parent.child('Table');
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const widths = columnWidths(node.children, columns, ctx);
  const [head, ...body] = node.children;
  if (!head) return [];
  const header = tableRow(head, true, widths, node.align, table.child('TR'), ctx);
  header.spaceBefore = SPACE.paragraph;
  header.keepWithNext = body.length > 0;
  const out = [header];
  for (const row of body) {
    const b = tableRow(row, false, widths, node.align, table.child('TR'), ctx);
    b.repeatHeader = header;
    out.push(b);
  }
  return out;
}

/** Markdown body content (paragraphs, lists, quotes, code, headings ≥ 3) as blocks. */
export function markdownBlocks(blocks: readonly MdBlock[], ctx: Ctx): Block[] {
  const out: Block[] = [];
  for (const node of blocks) {
    switch (node.type) {
      case 'paragraph':
        out.push(
          textBlock(inlineRuns(node.children), {
            x: ctx.x,
            width: ctx.width,
            size: ctx.size,
            tag: ctx.parent.child('P'),
          }),
        );
        break;
      case 'heading':
        out.push(headingBlock(node, ctx));
        break;
      case 'list':
        append(out, listOf(node, ctx));
        break;
      case 'blockquote':
        out.push(quoteBlock(node, ctx));
        break;
      case 'code':
        out.push(codeBlock(node.value, ctx));
        break;
      case 'thematicBreak':
        out.push(
          block(
            [{ kind: 'rect', x: ctx.x, y: 4, w: ctx.width, h: 0.6, fill: COLOR.border }],
            8.6,
            SPACE.paragraph,
          ),
        );
        break;
      case 'table':
        append(out, tableBlocks(node, ctx));
        break;
      default:
        // html is removed by the compiler; definitions and footnote definitions print nothing.
        break;
    }
  }
  return out;
}
