/**
 * Builds the document tree (tree.ts) from the shared outline: the same structure as the PDF and HTML
 * (title, general part as a table, numbered sections, the duties table, requirements, signatures).
 */
import {
  inlineText,
  type Outline,
  type OutlineSection,
  type RequirementItem,
  type SignatureSlot,
} from '../common/outline.js';
import type { DutiesSection, JobDescription } from '../../model/types.js';
import type { RenderOptions } from '../types.js';
import { propertyName, provenanceFields, shortCode } from '../../util/provenance.js';
import { BlockWriter, inlines } from './content.js';
import { COLORS, STYLE, TEXT_WIDTH } from './styles.js';
import {
  paragraph,
  run,
  type BlockNode,
  type Border,
  type CellNode,
  type DocTree,
  type InlineNode,
  type ParagraphNode,
  type TableNode,
} from './tree.js';

/** `out.push(...items)` without spreading: a spread of 100,000+ items overflows the call stack. */
function append<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** Splits a width into n integer columns that add up exactly. */
function columns(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - base * (n - 1) : base));
}

const NO_BORDER: Border = { style: 'none', size: 0, color: 'auto' };
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

function heading(number: string, title: string): ParagraphNode {
  return paragraph([plain(`${number}. ${title}`)], { style: STYLE.heading1 });
}

function text(value: string, style?: string): ParagraphNode {
  return paragraph([plain(value)], style ? { style } : {});
}

/** A plain run of text from the model. */
function plain(value: string, options: { bold?: boolean } = {}): InlineNode {
  return run(value, options);
}

/** Extra cell content must never be empty: Word requires a paragraph in every cell. */
function cell(children: BlockNode[], opts: { span?: number; width: number; fill?: string }): CellNode {
  return {
    ...(opts.fill ? { fill: opts.fill } : {}),
    children: children.length ? children : [paragraph([], { style: STYLE.tableText })],
    width: opts.width,
    ...(opts.span && opts.span > 1 ? { span: opts.span } : {}),
  };
}

/** 1. Üldosa: 1.1–1.2 in the first row, the rest in the second, as label/value cells. */
function generalTable(outline: Outline): TableNode {
  const fields = outline.general.fields;
  const grid = columns(TEXT_WIDTH, 6);
  const rows = [fields.slice(0, 2), fields.slice(2)].filter((r) => r.length > 0);
  return {
    kind: 'table',
    style: STYLE.table,
    width: TEXT_WIDTH,
    columnWidths: grid,
    firstRowLook: false,
    rows: rows.map((row) => ({
      cantSplit: true,
      cells: row.map((field, i) => {
        // Two fields share the six grid columns 3 + 3, three share them 2 + 2 + 2, one takes all six.
        const span = row.length === 2 ? 3 : row.length === 3 ? 2 : row.length === 1 ? 6 : 1;
        const width = grid.slice(i * span, (i + 1) * span).reduce((a, b) => a + b, 0);
        return cell(
          [text(`${field.number} ${field.label}`, STYLE.fieldLabel), text(field.value, STYLE.tableText)],
          { span, width },
        );
      }),
    })),
  };
}

function dutiesTable(
  number: string,
  duties: DutiesSection,
  outline: Outline,
  writer: BlockWriter,
): TableNode {
  const [taskWidth, resultWidth] = columns(TEXT_WIDTH, 2) as [number, number];
  const header = {
    header: true,
    cantSplit: true,
    cells: [
      cell([text(outline.labels.dutiesTask, STYLE.tableHeading)], {
        width: taskWidth,
        fill: COLORS.headerFill,
      }),
      cell([text(outline.labels.dutiesResults, STYLE.tableHeading)], {
        width: resultWidth,
        fill: COLORS.headerFill,
      }),
    ],
  };
  const rows = duties.duties.map((duty, i) => {
    const task = paragraph([run(`${number}.${i + 1}`, { bold: true }), run(' '), ...inlines(duty.task)], {
      style: STYLE.tableText,
    });
    const results = duty.results.map((r) => writer.bullet(inlines(r)));
    return {
      cantSplit: true,
      cells: [
        cell([task, ...writer.blocks(duty.more)], { width: taskWidth }),
        cell(results, { width: resultWidth }),
      ],
    };
  });
  return {
    kind: 'table',
    style: STYLE.table,
    width: TEXT_WIDTH,
    columnWidths: [taskWidth, resultWidth],
    firstRowLook: true,
    rows: [header, ...rows],
  };
}

/** Duties without expected results: a list numbered 3.1, 3.2 … (numbers as text, as in the table). */
function dutiesList(number: string, duties: DutiesSection, writer: BlockWriter): BlockNode[] {
  const out: BlockNode[] = [];
  duties.duties.forEach((duty, i) => {
    out.push(
      paragraph(
        [run(`${number}.${i + 1}`, { bold: true }), { kind: 'run', tab: true }, ...inlines(duty.task)],
        {
          indent: { left: 567, hanging: 567 },
          spacing: { after: 60 },
          tabStops: [{ type: 'left', position: 567 }],
        },
      ),
    );
    for (const p of writer.blocks(duty.more, [], 1, 567)) out.push(p);
    for (const r of duty.results) out.push(writer.bullet(inlines(r), 1));
  });
  return out;
}

function requirements(items: RequirementItem[], writer: BlockWriter): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  for (const item of items) {
    out.push(paragraph([plain(item.label)], { style: STYLE.heading2 }));
    for (const p of item.paragraphs) out.push(text(p));
    for (const c of item.competencies) {
      out.push(paragraph([plain(`${c.name}:`)], { style: STYLE.competencyName }));
      for (const indicator of c.indicators) out.push(writer.bullet([plain(indicator)]));
    }
    for (const b of item.bullets) out.push(writer.bullet([plain(b)]));
  }
  return out;
}

function section(s: OutlineSection, outline: Outline, writer: BlockWriter): BlockNode[] {
  const out: BlockNode[] = [heading(s.number, s.title)];
  switch (s.kind) {
    case 'prose':
      append(out, writer.blocks(s.blocks));
      break;
    case 'duties':
      append(out, writer.blocks(s.duties.intro));
      if (s.duties.hasResults) out.push(dutiesTable(s.number, s.duties, outline, writer));
      else append(out, dutiesList(s.number, s.duties, writer));
      break;
    case 'requirements':
      append(out, requirements(s.items, writer));
      break;
  }
  return out;
}

function signatureCell(slot: SignatureSlot, width: number): CellNode {
  const line: Border = { style: 'single', size: 4, color: COLORS.text };
  const children = [text(slot.label, STYLE.signatureLabel), text(slot.name ?? '', STYLE.tableText)];
  if (slot.role) children.push(text(slot.role, STYLE.tableText));
  children.push(text(slot.note, STYLE.signatureNote));
  return { children, width, borders: { ...NO_CELL_BORDERS, top: line } };
}

function signatures(outline: Outline): BlockNode[] {
  const gap = 680;
  const half = Math.floor((TEXT_WIDTH - gap) / 2);
  const widths = [half, TEXT_WIDTH - gap - 2 * half + gap, half];
  const [a, b] = outline.signatures.slots;
  const cells: CellNode[] = [];
  if (a) cells.push(signatureCell(a, half));
  cells.push({ children: [paragraph([])], width: widths[1] ?? gap, borders: NO_CELL_BORDERS });
  if (b) cells.push(signatureCell(b, half));
  return [
    paragraph([run(`${outline.signatures.lead}:`, { bold: true })], {
      keepNext: true,
      spacing: { before: 480, after: 360 },
    }),
    {
      kind: 'table',
      width: TEXT_WIDTH,
      columnWidths: widths,
      noBorders: true,
      margins: { left: 0, right: 0, top: 60, bottom: 0 },
      rows: [{ cantSplit: true, cells }],
    },
  ];
}

/** "lk {PAGE} / {NUMPAGES}" built from the label function, so the wording stays in render/common/labels.ts. */
function pageLabel(outline: Outline): InlineNode[] {
  // Sentinel numbers that no label contains by chance.
  const PAGE_MARK = '9000000001';
  const TOTAL_MARK = '9000000002';
  const template = outline.labels.page(Number(PAGE_MARK), Number(TOTAL_MARK));
  const runs: InlineNode[] = [];
  for (const part of template.split(new RegExp(`(${PAGE_MARK}|${TOTAL_MARK})`))) {
    if (part === PAGE_MARK) runs.push({ kind: 'run', field: 'PAGE' });
    else if (part === TOTAL_MARK) runs.push({ kind: 'run', field: 'NUMPAGES' });
    else if (part) runs.push(run(part));
  }
  return runs;
}

function plainPurpose(model: JobDescription): string | undefined {
  const first = model.sections.purpose?.blocks.find((b) => b.type === 'paragraph');
  if (!first || first.type !== 'paragraph') return undefined;
  const value = inlineText(first.children).replace(/\s+/g, ' ').trim();
  return value.length > 500 ? `${value.slice(0, 499)}…` : value;
}

/** The description's content as the renderer's document tree (see tree.ts). */
export function buildTree(model: JobDescription, outline: Outline, options: RenderOptions): DocTree {
  const writer = new BlockWriter();
  const body: BlockNode[] = [];

  if (outline.approval) {
    body.push(paragraph([plain(outline.approval.heading, { bold: true })], { style: STYLE.approval }));
    body.push(text(outline.approval.by, STYLE.approval));
    body.push(paragraph([plain(outline.approval.line)], { style: STYLE.approval, spacing: { after: 360 } }));
  }
  body.push(paragraph([run(outline.documentTitle)], { style: STYLE.title }));
  body.push(paragraph(outline.organisation ? [plain(outline.organisation)] : [], { style: STYLE.subtitle }));
  body.push(heading(outline.general.number, outline.general.title));
  body.push(generalTable(outline));
  for (const s of outline.sections) append(body, section(s, outline, writer));
  append(body, signatures(outline));

  // the footer's left part: the version and the short code of the provenance, on every page
  const left = [
    outline.version ? `${outline.labels.version} ${outline.version}` : undefined,
    options.provenance ? outline.labels.documentCode(shortCode(options.provenance.fingerprint)) : undefined,
  ].filter((x): x is string => x !== undefined);
  const versionRuns: InlineNode[] = left.length ? [plain(left.join(' · '))] : [];
  const author = outline.organisation ?? 'ametijuhend';
  return {
    body,
    header: [paragraph([plain(outline.runningHeader)], { style: STYLE.header })],
    footer: [
      paragraph([...versionRuns, { kind: 'run', tab: true }, ...pageLabel(outline)], {
        style: STYLE.footer,
        tabStops: [{ type: 'right', position: TEXT_WIDTH }],
      }),
    ],
    properties: {
      title: `${outline.documentTitle}: ${model.title}`,
      subject: [model.title, ...model.unit].join(' · '),
      creator: author,
      keywords: [outline.documentTitle, model.title, ...model.unit, outline.organisation]
        .filter(Boolean)
        .join(', '),
      description:
        plainPurpose(model) ??
        `${outline.documentTitle}: ${model.title} (ametijuhend ${options.toolVersion})`,
    },
    custom: options.provenance
      ? provenanceFields(options.provenance).map(([field, value]) => [propertyName(field), value] as const)
      : [],
  };
}
