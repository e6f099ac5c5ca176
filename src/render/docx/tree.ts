/**
 * The DOCX renderer's own small document tree: exactly the paragraph, run and table features the
 * job description layout uses, as plain data. document.ts and content.ts build it from the outline;
 * wordml.ts writes it as WordprocessingML and package.ts puts it into the package. Text is held as
 * the model has it: the writer escapes it (util/xml.ts), dropping what XML cannot carry.
 */
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
  /** Horizontal alignment other than the start (a table column's alignment). */
  align?: 'center' | 'right';
  children: InlineNode[];
}

export interface Border {
  style: 'none' | 'single';
  size: number;
  color: string;
}

export interface CellNode {
  /** In twips, or in fiftieths of a percent of the table's width when the table is `percent`. */
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
  /** In twips, or in fiftieths of a percent of the available width (5000 = all) when `percent`. */
  width: number;
  /** Widths relative to the room the table is in (a Markdown table, also inside a table cell). */
  percent?: boolean;
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
  /** docProps/custom.xml: the provenance as [property name, value] (src/util/provenance.ts). */
  custom?: (readonly [string, string])[];
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
