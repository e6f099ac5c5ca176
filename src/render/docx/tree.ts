/**
 * The DOCX renderer's own small document tree: exactly the paragraph, run and table features the
 * job description layout uses, as plain data. document.ts and content.ts build it from the outline;
 * two writers turn it into WordprocessingML:
 *
 * - `toDocx` (here) gives docx's objects, and docx writes the package: the reference writer, and
 *   the source of every part that does not depend on the description (styles, numbering, theme …);
 * - wordml.ts writes the description's own parts (document, header, footer, their relationships)
 *   straight from the tree, byte for byte as docx writes them, about five times faster.
 *
 * render-docx.test.ts renders the examples, the fixtures and a generated corpus both ways and
 * requires identical packages, so the fast writer can never drift from docx's output.
 */
import {
  BorderStyle,
  ExternalHyperlink,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ITableCellOptions,
  type ITableOptions,
  type ParagraphChild,
} from 'docx';

export interface RunNode {
  kind: 'run';
  text?: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** Character style id. */
  style?: string;
  /** A line break before the text. */
  break?: boolean;
  /** A tab character (no text). */
  tab?: boolean;
  /** A page number field (no text). */
  field?: 'PAGE' | 'NUMPAGES';
}

export interface LinkNode {
  kind: 'link';
  url: string;
  runs: RunNode[];
}

export type InlineNode = RunNode | LinkNode;

export interface TabStop {
  type: 'left' | 'right';
  position: number;
}

export interface ParagraphNode {
  kind: 'p';
  style?: string;
  keepNext?: boolean;
  numbering?: { reference: string; level: number; instance?: number };
  /** A thin rule below the paragraph (a thematic break). */
  ruleBelow?: boolean;
  tabStops?: TabStop[];
  spacing?: { before?: number; after?: number };
  indent?: { left: number; hanging?: number };
  children: InlineNode[];
}

export interface Border {
  style: 'none' | 'single';
  size: number;
  color: string;
}

export interface CellNode {
  width: number;
  span?: number;
  fill?: string;
  borders?: { top: Border; bottom: Border; left: Border; right: Border };
  children: (ParagraphNode | TableNode)[];
}

export interface RowNode {
  header?: boolean;
  cantSplit?: boolean;
  cells: CellNode[];
}

export interface TableNode {
  kind: 'table';
  style?: string;
  width: number;
  columnWidths: number[];
  /** No borders at all (the signature table). */
  noBorders?: boolean;
  margins?: { top: number; bottom: number; left: number; right: number };
  /** tblLook with only firstRow varying (noHBand and noVBand on). */
  firstRowLook?: boolean;
  rows: RowNode[];
}

export type BlockNode = ParagraphNode | TableNode;

/** Everything the description contributes to its package. */
export interface DocTree {
  body: BlockNode[];
  header: ParagraphNode[];
  footer: ParagraphNode[];
  properties: {
    title: string;
    subject: string;
    creator: string;
    keywords: string;
    description: string;
  };
}

export function run(text: string, format: Omit<RunNode, 'kind' | 'text'> = {}): RunNode {
  return { kind: 'run', text, ...format };
}

export function paragraph(
  children: InlineNode[],
  options: Omit<ParagraphNode, 'kind' | 'children'> = {},
): ParagraphNode {
  return { kind: 'p', ...options, children };
}

// ---- the reference writer: the tree as docx objects ----

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

function docxBorder(b: Border): IBorderOptions {
  return { style: b.style === 'none' ? BorderStyle.NONE : BorderStyle.SINGLE, size: b.size, color: b.color };
}

function docxRun(r: RunNode): TextRun {
  if (r.tab) return new TextRun({ children: [new Tab()] });
  if (r.field)
    return new TextRun({ children: [r.field === 'PAGE' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES] });
  const options: IRunOptions = {
    ...(r.text !== undefined ? { text: r.text } : {}),
    ...(r.bold ? { bold: true } : {}),
    ...(r.italics ? { italics: true } : {}),
    ...(r.strike ? { strike: true } : {}),
    ...(r.style ? { style: r.style } : {}),
    ...(r.break ? { break: 1 } : {}),
  };
  return new TextRun(options);
}

function docxInline(node: InlineNode): ParagraphChild {
  if (node.kind === 'link')
    return new ExternalHyperlink({ link: node.url, children: node.runs.map(docxRun) });
  return docxRun(node);
}

export function docxParagraph(p: ParagraphNode): Paragraph {
  const options: IParagraphOptions = {
    ...(p.style ? { style: p.style } : {}),
    ...(p.keepNext ? { keepNext: true } : {}),
    ...(p.numbering
      ? {
          numbering: {
            reference: p.numbering.reference,
            level: p.numbering.level,
            ...(p.numbering.instance !== undefined ? { instance: p.numbering.instance } : {}),
          },
        }
      : {}),
    ...(p.ruleBelow ? { border: { bottom: { style: 'single', size: 4, color: 'auto', space: 1 } } } : {}),
    ...(p.tabStops ? { tabStops: p.tabStops.map((t) => ({ type: t.type, position: t.position })) } : {}),
    ...(p.spacing ? { spacing: { ...p.spacing } } : {}),
    ...(p.indent ? { indent: { ...p.indent } } : {}),
    children: p.children.map(docxInline),
  };
  return new Paragraph(options);
}

function docxCell(c: CellNode): TableCell {
  const options: ITableCellOptions = {
    ...(c.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: c.fill } } : {}),
    children: c.children.map(docxBlock),
    width: { size: c.width, type: WidthType.DXA },
    ...(c.span && c.span > 1 ? { columnSpan: c.span } : {}),
    ...(c.borders
      ? {
          borders: {
            top: docxBorder(c.borders.top),
            bottom: docxBorder(c.borders.bottom),
            left: docxBorder(c.borders.left),
            right: docxBorder(c.borders.right),
          },
        }
      : {}),
  };
  return new TableCell(options);
}

function docxTable(t: TableNode): Table {
  const options: ITableOptions = {
    ...(t.style ? { style: t.style } : {}),
    layout: TableLayoutType.FIXED,
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: t.columnWidths,
    ...(t.noBorders
      ? {
          borders: {
            top: NO_BORDER,
            bottom: NO_BORDER,
            left: NO_BORDER,
            right: NO_BORDER,
            insideHorizontal: NO_BORDER,
            insideVertical: NO_BORDER,
          },
        }
      : {}),
    ...(t.margins ? { margins: { ...t.margins } } : {}),
    ...(t.firstRowLook !== undefined
      ? {
          tableLook: {
            firstRow: t.firstRowLook,
            lastRow: false,
            firstColumn: false,
            lastColumn: false,
            noHBand: true,
            noVBand: true,
          },
        }
      : {}),
    rows: t.rows.map(
      (row) =>
        new TableRow({
          ...(row.header ? { tableHeader: true } : {}),
          ...(row.cantSplit ? { cantSplit: true } : {}),
          children: row.cells.map(docxCell),
        }),
    ),
  };
  return new Table(options);
}

export function docxBlock(b: BlockNode): Paragraph | Table {
  return b.kind === 'p' ? docxParagraph(b) : docxTable(b);
}
