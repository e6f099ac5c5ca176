/**
 * Builds the docx Document from the shared outline: the same structure as the PDF and HTML
 * (title, general part as a table, numbered sections, the duties table, requirements, signatures).
 */
import {
  BorderStyle,
  Document,
  Footer,
  Header,
  PageNumber,
  ShadingType,
  Tab,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import {
  inlineText,
  type Outline,
  type OutlineSection,
  type RequirementItem,
  type SignatureSlot,
} from '../common/outline.js';
import type { DutiesSection, JobDescription } from '../../model/types.js';
import type { RenderOptions } from '../types.js';
import { BlockWriter, inlines, xmlSafe } from './content.js';
import { COLORS, PAGE, STYLE, TEXT_WIDTH, buildStyles, numbering } from './styles.js';

/** Splits a width into n integer columns that add up exactly. */
function columns(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - base * (n - 1) : base));
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

function heading(number: string, title: string): Paragraph {
  return new Paragraph({ style: STYLE.heading1, children: [plain(`${number}. ${title}`)] });
}

function text(value: string, style?: string): Paragraph {
  return new Paragraph({ ...(style ? { style } : {}), children: [new TextRun(xmlSafe(value))] });
}

/** A plain run of text from the model. */
function plain(value: string, options: { bold?: boolean } = {}): TextRun {
  return new TextRun({ text: xmlSafe(value), ...options });
}

/** Extra cell content must never be empty: Word requires a paragraph in every cell. */
function cell(
  children: (Paragraph | Table)[],
  opts: { span?: number; width: number; fill?: string },
): TableCell {
  return new TableCell({
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
    children: children.length ? children : [new Paragraph({ style: STYLE.tableText, children: [] })],
    width: { size: opts.width, type: WidthType.DXA },
    ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
  });
}

/** 1. Üldosa: 1.1–1.2 in the first row, the rest in the second, as label/value cells. */
function generalTable(outline: Outline): Table {
  const fields = outline.general.fields;
  const grid = columns(TEXT_WIDTH, 6);
  const rows = [fields.slice(0, 2), fields.slice(2)].filter((r) => r.length > 0);
  return new Table({
    style: STYLE.table,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: grid,
    tableLook: {
      firstRow: false,
      lastRow: false,
      firstColumn: false,
      lastColumn: false,
      noHBand: true,
      noVBand: true,
    },
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map((field, i) => {
            // Two fields share the six grid columns 3 + 3, three share them 2 + 2 + 2, one takes all six.
            const span = row.length === 2 ? 3 : row.length === 3 ? 2 : row.length === 1 ? 6 : 1;
            const width = grid.slice(i * span, (i + 1) * span).reduce((a, b) => a + b, 0);
            return cell(
              [text(`${field.number} ${field.label}`, STYLE.fieldLabel), text(field.value, STYLE.tableText)],
              { span, width },
            );
          }),
        }),
    ),
  });
}

function dutiesTable(number: string, duties: DutiesSection, outline: Outline, writer: BlockWriter): Table {
  const [taskWidth, resultWidth] = columns(TEXT_WIDTH, 2) as [number, number];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell([text(outline.labels.dutiesTask, STYLE.tableHeading)], {
        width: taskWidth,
        fill: COLORS.headerFill,
      }),
      cell([text(outline.labels.dutiesResults, STYLE.tableHeading)], {
        width: resultWidth,
        fill: COLORS.headerFill,
      }),
    ],
  });
  const rows = duties.duties.map((duty, i) => {
    const task = new Paragraph({
      style: STYLE.tableText,
      children: [
        new TextRun({ text: `${number}.${i + 1}`, bold: true }),
        new TextRun(' '),
        ...inlines(duty.task),
      ],
    });
    const results = duty.results.map((r) => writer.bullet(inlines(r)));
    return new TableRow({
      cantSplit: true,
      children: [
        cell([task, ...writer.blocks(duty.more)], { width: taskWidth }),
        cell(results, { width: resultWidth }),
      ],
    });
  });
  return new Table({
    style: STYLE.table,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [taskWidth, resultWidth],
    tableLook: {
      firstRow: true,
      lastRow: false,
      firstColumn: false,
      lastColumn: false,
      noHBand: true,
      noVBand: true,
    },
    rows: [header, ...rows],
  });
}

/** Duties without expected results: a list numbered 3.1, 3.2 … (numbers as text, as in the table). */
function dutiesList(number: string, duties: DutiesSection, writer: BlockWriter): Paragraph[] {
  const out: Paragraph[] = [];
  duties.duties.forEach((duty, i) => {
    out.push(
      new Paragraph({
        indent: { left: 567, hanging: 567 },
        spacing: { after: 60 },
        children: [
          new TextRun({ text: `${number}.${i + 1}`, bold: true }),
          new TextRun({ children: [new Tab()] }),
          ...inlines(duty.task),
        ],
        tabStops: [{ type: 'left', position: 567 }],
      }),
    );
    for (const p of writer.blocks(duty.more, [], 1, 567)) out.push(p);
    for (const r of duty.results) out.push(writer.bullet(inlines(r), 1));
  });
  return out;
}

function requirements(items: RequirementItem[], writer: BlockWriter): Paragraph[] {
  const out: Paragraph[] = [];
  for (const item of items) {
    out.push(new Paragraph({ style: STYLE.heading2, children: [plain(item.label)] }));
    for (const p of item.paragraphs) out.push(text(p));
    for (const c of item.competencies) {
      out.push(new Paragraph({ style: STYLE.competencyName, children: [plain(`${c.name}:`)] }));
      for (const indicator of c.indicators) out.push(writer.bullet([plain(indicator)]));
    }
    for (const b of item.bullets) out.push(writer.bullet([plain(b)]));
  }
  return out;
}

function section(s: OutlineSection, outline: Outline, writer: BlockWriter): FileChild[] {
  const out: FileChild[] = [heading(s.number, s.title)];
  switch (s.kind) {
    case 'prose':
      writer.blocks(s.blocks, out as Paragraph[]);
      break;
    case 'duties':
      writer.blocks(s.duties.intro, out as Paragraph[]);
      if (s.duties.hasResults) out.push(dutiesTable(s.number, s.duties, outline, writer));
      else out.push(...dutiesList(s.number, s.duties, writer));
      break;
    case 'requirements':
      out.push(...requirements(s.items, writer));
      break;
  }
  return out;
}

function signatureCell(slot: SignatureSlot, width: number): TableCell {
  const line = { style: BorderStyle.SINGLE, size: 4, color: COLORS.text };
  const children = [text(slot.label, STYLE.signatureLabel), text(slot.name ?? '', STYLE.tableText)];
  if (slot.role) children.push(text(slot.role, STYLE.tableText));
  children.push(text(slot.note, STYLE.signatureNote));
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: { top: line, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
  });
}

function signatures(outline: Outline): FileChild[] {
  const gap = 680;
  const half = Math.floor((TEXT_WIDTH - gap) / 2);
  const widths = [half, TEXT_WIDTH - gap - 2 * half + gap, half];
  const [a, b] = outline.signatures.slots;
  const cells: TableCell[] = [];
  if (a) cells.push(signatureCell(a, half));
  cells.push(
    new TableCell({
      children: [new Paragraph({ children: [] })],
      width: { size: widths[1] ?? gap, type: WidthType.DXA },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    }),
  );
  if (b) cells.push(signatureCell(b, half));
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 480, after: 360 },
      children: [new TextRun({ text: `${outline.signatures.lead}:`, bold: true })],
    }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: NO_BORDERS,
      margins: { left: 0, right: 0, top: 60, bottom: 0 },
      rows: [new TableRow({ cantSplit: true, children: cells })],
    }),
  ];
}

/** "lk {PAGE} / {NUMPAGES}" built from the label function, so the wording stays in i18n.ts. */
function pageLabel(outline: Outline): ParagraphChild[] {
  // Sentinel numbers that no label contains by chance.
  const PAGE_MARK = '9000000001';
  const TOTAL_MARK = '9000000002';
  const template = outline.labels.page(Number(PAGE_MARK), Number(TOTAL_MARK));
  const runs: ParagraphChild[] = [];
  for (const part of template.split(new RegExp(`(${PAGE_MARK}|${TOTAL_MARK})`))) {
    if (part === PAGE_MARK) runs.push(new TextRun({ children: [PageNumber.CURRENT] }));
    else if (part === TOTAL_MARK) runs.push(new TextRun({ children: [PageNumber.TOTAL_PAGES] }));
    else if (part) runs.push(new TextRun(part));
  }
  return runs;
}

function plainPurpose(model: JobDescription): string | undefined {
  const first = model.sections.purpose?.blocks.find((b) => b.type === 'paragraph');
  if (!first || first.type !== 'paragraph') return undefined;
  const value = inlineText(first.children).replace(/\s+/g, ' ').trim();
  return value.length > 500 ? `${value.slice(0, 499)}…` : value;
}

export function buildDocument(model: JobDescription, outline: Outline, options: RenderOptions): Document {
  const writer = new BlockWriter();
  const children: FileChild[] = [];

  if (outline.approval) {
    children.push(
      new Paragraph({
        style: STYLE.approval,
        children: [plain(outline.approval.heading, { bold: true })],
      }),
    );
    children.push(text(outline.approval.by, STYLE.approval));
    children.push(
      new Paragraph({
        style: STYLE.approval,
        spacing: { after: 360 },
        children: [plain(outline.approval.line)],
      }),
    );
  }
  children.push(new Paragraph({ style: STYLE.title, children: [new TextRun(outline.documentTitle)] }));
  children.push(
    new Paragraph({
      style: STYLE.subtitle,
      children: outline.organisation ? [plain(outline.organisation)] : [],
    }),
  );
  children.push(heading(outline.general.number, outline.general.title));
  children.push(generalTable(outline));
  for (const s of outline.sections) children.push(...section(s, outline, writer));
  children.push(...signatures(outline));

  const versionRuns: ParagraphChild[] = outline.version
    ? [plain(`${outline.labels.version} ${outline.version}`)]
    : [];
  const author = xmlSafe(outline.organisation ?? 'ametijuhend');
  const keywords = xmlSafe(
    [outline.documentTitle, model.title, ...model.unit, outline.organisation].filter(Boolean).join(', '),
  );

  return new Document({
    title: xmlSafe(`${outline.documentTitle}: ${model.title}`),
    subject: xmlSafe([model.title, ...model.unit].join(' · ')),
    creator: author,
    lastModifiedBy: author,
    keywords,
    description: xmlSafe(
      plainPurpose(model) ?? `${outline.documentTitle}: ${model.title} (ametijuhend ${options.toolVersion})`,
    ),
    revision: 1,
    styles: buildStyles(outline.locale),
    numbering,
    features: { updateFields: false },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.header,
              footer: PAGE.footer,
              gutter: 0,
            },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ style: STYLE.header, children: [plain(outline.runningHeader)] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: STYLE.footer,
                tabStops: [{ type: 'right', position: TEXT_WIDTH }],
                children: [...versionRuns, new TextRun({ children: [new Tab()] }), ...pageLabel(outline)],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}
