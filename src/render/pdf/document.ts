/**
 * The job description's template as flow items: title, the general part as a grid, numbered
 * sections (prose, the duties table, requirements) and the signature block. Numbers, titles and
 * labels come from the shared outline, never computed here.
 */
import type { Duty, Inline } from '../../model/types.js';
import type { Outline, OutlineSection, RequirementItem, SignatureSlot } from '../common/outline.js';
import {
  block,
  bulletEntries,
  flatten,
  labelWidth,
  lineHeight,
  listBlocks,
  markdownBlocks,
  textAtoms,
  textBlock,
  type Atom,
  type Block,
  type Ctx,
  type FlowItem,
  type TableFlow,
} from './blocks.js';
import { append, inlineRuns, run, type Run } from './inline.js';
import { BULLET, COLOR, CONTENT_WIDTH, PAGE, SIZE, SPACE } from './style.js';
import type { TagNode } from './tags.js';

const X = PAGE.left;
const W = CONTENT_WIDTH;

function upper(text: string, locale: string): string {
  return text.toLocaleUpperCase(locale);
}

function heading(text: string, tag: TagNode, size: number, spaceBefore: number, bookmark?: string): Block {
  const b = textBlock([run(text, { bold: true })], { x: X, width: W, size, tag }, spaceBefore, {
    keepWithNext: true,
  });
  b.height += SPACE.headingAfter;
  if (bookmark) b.bookmark = bookmark;
  return b;
}

function sectionHeading(number: string, title: string, outline: Outline, root: TagNode): Block {
  return heading(
    `${number}. ${upper(title, outline.locale)}`,
    root.child('H2'),
    SIZE.h2,
    SPACE.sectionBefore,
    `${number}. ${title}`,
  );
}

function titleBlocks(outline: Outline, root: TagNode): Block[] {
  const out: Block[] = [];
  if (outline.approval) {
    const a = outline.approval;
    const width = W * 0.45;
    const x = X + W - width;
    const sect = root.child('Div');
    const parts: Atom[] = [];
    let y = 0;
    for (const [text, bold] of [
      [a.heading, true],
      [a.by, false],
      [a.line, false],
    ] as const) {
      const t = textAtoms([run(text, { bold })], { x, width, size: SIZE.body, tag: sect.child('P') });
      append(
        parts,
        t.atoms.map((atom) => ({ ...atom, y: atom.y + y })),
      );
      y += t.height;
    }
    out.push(block(parts, y + 10, 0, { unbreakable: true }));
  }
  const title = textBlock(
    [run(upper(outline.documentTitle, outline.locale), { bold: true })],
    { x: X, width: W, size: SIZE.h1, tag: root.child('H1'), align: 'center', characterSpacing: 1.2 },
    0,
    { keepWithNext: true, bookmark: outline.documentTitle },
  );
  out.push(title);
  if (outline.organisation) {
    out.push(
      textBlock(
        [run(outline.organisation, { color: COLOR.muted })],
        { x: X, width: W, size: SIZE.organisation, tag: root.child('P'), align: 'center' },
        2,
        {
          keepWithNext: true,
        },
      ),
    );
  }
  return out;
}

interface Cell {
  x: number;
  width: number;
  /** Content atoms relative to the cell's content box. */
  atoms: Atom[];
  height: number;
}

/** A table row of cells with borders (and an optional fill); the row height is the tallest cell. */
function rowBlock(cells: readonly Cell[], fill?: string, minHeight = 0): Block {
  const padY = SPACE.cellPadY;
  const height = Math.max(minHeight, ...cells.map((c) => c.height + 2 * padY));
  const atoms: Atom[] = [];
  for (const c of cells) {
    if (fill) atoms.push({ kind: 'rect', x: c.x, y: 0, w: c.width, h: height, fill });
    atoms.push({ kind: 'rect', x: c.x, y: 0, w: c.width, h: height, stroke: COLOR.border });
  }
  for (const c of cells) for (const a of c.atoms) atoms.push({ ...a, y: a.y + padY });
  return block(atoms, height, 0, { unbreakable: true });
}

function cellCtx(x: number, width: number, parent: TagNode): Ctx {
  return { x: x + SPACE.cellPadX, width: width - 2 * SPACE.cellPadX, parent, size: SIZE.body, depth: 0 };
}

function generalGrid(outline: Outline, root: TagNode): Block {
  const table = root.child('Table');
  const fields = outline.general.fields;
  const rows = [fields.slice(0, 2), fields.slice(2)].filter((r) => r.length > 0);
  const blocks = rows.map((fieldsOfRow) => {
    const tr = table.child('TR');
    const width = W / fieldsOfRow.length;
    const cells = fieldsOfRow.map((f, i): Cell => {
      const x = X + i * width;
      const td = tr.child('TD');
      const ctx = cellCtx(x, width, td);
      const label = textAtoms([run(`${f.number} ${f.label}`, { bold: true })], {
        x: ctx.x,
        width: ctx.width,
        size: SIZE.label,
        tag: td.child('P'),
      });
      const value = textAtoms([run(f.value)], {
        x: ctx.x,
        width: ctx.width,
        size: SIZE.body,
        tag: td.child('P'),
      });
      const atoms = [...label.atoms, ...value.atoms.map((a) => ({ ...a, y: a.y + label.height + 1 }))];
      return { x, width, atoms, height: label.height + 1 + value.height };
    });
    return rowBlock(cells);
  });
  const { atoms, height } = flatten(blocks);
  return block(atoms, height, SPACE.paragraph, { unbreakable: true });
}

function dutyRuns(number: string, task: readonly Inline[]): Run[] {
  return [run(`${number} `, { bold: true }), ...inlineRuns(task)];
}

function dutiesTable(number: string, duties: readonly Duty[], outline: Outline, parent: TagNode): TableFlow {
  const table = parent.child('Table');
  const w1 = Math.round(W * 0.48);
  const cols = [
    { x: X, width: w1 },
    { x: X + w1, width: W - w1 },
  ] as const;
  const headRow = table.child('TR');
  const headCells = [outline.labels.dutiesTask, outline.labels.dutiesResults].map((label, i): Cell => {
    const col = cols[i] ?? cols[0];
    const ctx = cellCtx(col.x, col.width, headRow.child('TH', { scope: 'Column' }));
    const t = textAtoms([run(label, { bold: true })], {
      x: ctx.x,
      width: ctx.width,
      size: SIZE.body,
      tag: ctx.parent,
    });
    return { x: col.x, width: col.width, atoms: t.atoms, height: t.height };
  });
  const header = rowBlock(headCells, COLOR.headerFill);
  const rows = duties.map((duty, i) => {
    const tr = table.child('TR');
    const taskCtx = cellCtx(cols[0].x, cols[0].width, tr.child('TD'));
    const taskStack = [
      textBlock(
        dutyRuns(`${number}.${i + 1}`, duty.task),
        { x: taskCtx.x, width: taskCtx.width, size: SIZE.body, tag: taskCtx.parent.child('P') },
        0,
      ),
      ...markdownBlocks(duty.more, taskCtx),
    ];
    const resultCtx = cellCtx(cols[1].x, cols[1].width, tr.child('TD'));
    const resultStack = listBlocks(
      bulletEntries(duty.results.map((r) => inlineRuns(r))),
      resultCtx,
      labelWidth([BULLET], SIZE.body),
      0,
    );
    const a = flatten(taskStack);
    const b = flatten(resultStack);
    return rowBlock([
      { x: cols[0].x, width: cols[0].width, ...a },
      { x: cols[1].x, width: cols[1].width, ...b },
    ]);
  });
  return { kind: 'table', header, rows, spaceBefore: SPACE.paragraph };
}

function dutiesList(number: string, duties: readonly Duty[], ctx: Ctx): Block[] {
  const labels = duties.map((_, i) => `${number}.${i + 1}`);
  const entries = duties.map((duty, i) => ({
    label: labels[i] ?? '',
    labelStyle: { bold: true },
    body: (c: Ctx): Block[] => [
      textBlock(inlineRuns(duty.task), { x: c.x, width: c.width, size: c.size, tag: c.parent.child('P') }, 0),
      ...markdownBlocks(duty.more, c),
    ],
  }));
  return listBlocks(entries, ctx, labelWidth(labels, ctx.size, true));
}

function requirementBlocks(item: RequirementItem, ctx: Ctx): Block[] {
  const out: Block[] = [heading(item.label, ctx.parent.child('H3'), SIZE.h3, SPACE.subheadingBefore)];
  for (const p of item.paragraphs) {
    out.push(
      textBlock(
        [run(p)],
        { x: ctx.x, width: ctx.width, size: ctx.size, tag: ctx.parent.child('P') },
        SPACE.listItem,
      ),
    );
  }
  for (const c of item.competencies) {
    out.push(
      textBlock(
        [run(`${c.name}:`, { bold: true })],
        { x: ctx.x, width: ctx.width, size: ctx.size, tag: ctx.parent.child('P') },
        SPACE.paragraph,
        { keepWithNext: true },
      ),
    );
    append(
      out,
      listBlocks(
        bulletEntries(c.indicators.map((t) => [run(t)])),
        ctx,
        labelWidth([BULLET], ctx.size),
        SPACE.listItem,
      ),
    );
  }
  if (item.bullets.length) {
    append(
      out,
      listBlocks(
        bulletEntries(item.bullets.map((t) => [run(t)])),
        ctx,
        labelWidth([BULLET], ctx.size),
        SPACE.paragraph,
      ),
    );
  }
  return out;
}

function sectionItems(section: OutlineSection, outline: Outline, root: TagNode): FlowItem[] {
  const sect = root.child('Sect');
  const out: FlowItem[] = [sectionHeading(section.number, section.title, outline, sect)];
  const ctx: Ctx = { x: X, width: W, parent: sect, size: SIZE.body, depth: 0 };
  switch (section.kind) {
    case 'prose':
      append(out, markdownBlocks(section.blocks, ctx));
      break;
    case 'duties': {
      const d = section.duties;
      append(out, markdownBlocks(d.intro, ctx));
      if (d.hasResults && d.duties.length) out.push(dutiesTable(section.number, d.duties, outline, sect));
      else append(out, dutiesList(section.number, d.duties, ctx));
      break;
    }
    case 'requirements':
      for (const item of section.items) append(out, requirementBlocks(item, ctx));
      break;
  }
  return out;
}

function signatureColumn(
  slot: SignatureSlot,
  x: number,
  width: number,
  parent: TagNode,
): { atoms: Atom[]; height: number } {
  const div = parent.child('Div');
  const atoms: Atom[] = [{ kind: 'rect', x, y: SPACE.signatureRoom, w: width, h: 0.7, fill: COLOR.text }];
  let y = SPACE.signatureRoom + 5;
  const add = (text: string | undefined, size: number, bold: boolean, color: string = COLOR.text): void => {
    if (!text) {
      y += lineHeight(size); // a blank line to write the name on
      return;
    }
    const t = textAtoms([run(text, { bold, color })], { x, width, size, tag: div.child('P') });
    append(
      atoms,
      t.atoms.map((a) => ({ ...a, y: a.y + y })),
    );
    y += t.height;
  };
  add(slot.label, SIZE.body, true);
  add(slot.name, SIZE.body, false);
  if (slot.role) add(slot.role, SIZE.body, false);
  add(slot.note, SIZE.small, false, COLOR.muted);
  return { atoms, height: y };
}

function signatureBlock(outline: Outline, root: TagNode): Block {
  const sect = root.child('Sect');
  const lead = textAtoms([run(`${outline.signatures.lead}:`)], {
    x: X,
    width: W,
    size: SIZE.body,
    tag: sect.child('P'),
  });
  const gap = 24;
  const slots = outline.signatures.slots;
  const width = (W - gap * (slots.length - 1)) / Math.max(1, slots.length);
  const atoms: Atom[] = [...lead.atoms];
  let height = lead.height;
  slots.forEach((slot, i) => {
    const col = signatureColumn(slot, X + i * (width + gap), width, sect);
    append(
      atoms,
      col.atoms.map((a) => ({ ...a, y: a.y + lead.height })),
    );
    height = Math.max(height, lead.height + col.height);
  });
  return block(atoms, height, SPACE.sectionBefore + 6, { unbreakable: true });
}

/** Everything in reading order, ready for the paginator. */
export function documentFlow(outline: Outline, root: TagNode): FlowItem[] {
  const items: FlowItem[] = [...titleBlocks(outline, root)];
  const general = root.child('Sect');
  items.push(sectionHeading(outline.general.number, outline.general.title, outline, general));
  items.push(generalGrid(outline, general));
  for (const section of outline.sections) append(items, sectionItems(section, outline, root));
  items.push(signatureBlock(outline, root));
  return items;
}
