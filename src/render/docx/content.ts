/**
 * mdast → the document tree: inline content to runs and hyperlinks, block content to paragraphs.
 * Raw HTML is never passed through (the model has none; any that slipped in is dropped).
 */
import type { Table } from 'mdast';
import type { Block, Inline } from '../../model/types.js';
import { COLORS, NUMBERING, STYLE, TEXT_WIDTH } from './styles.js';
import {
  paragraph,
  type BlockNode,
  type InlineNode,
  type ParagraphNode,
  type RowNode,
  type RunNode,
  type TableNode,
} from './tree.js';

/** Formatting inherited from enclosing inline nodes. */
interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
}

/** Link targets that may become clickable; anything else (javascript:, data:, relative) stays plain text. */
const SAFE_LINK = /^(?:https?:|mailto:|tel:)/i;

/** Markdown soft line breaks inside a paragraph read as spaces. */
function flatten(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

function run(text: string, f: RunFormat, hyperlink = false, lineBreak = false): RunNode {
  return {
    kind: 'run',
    text,
    ...(lineBreak ? { break: true } : {}),
    ...(f.bold ? { bold: true } : {}),
    ...(f.italics ? { italics: true } : {}),
    ...(f.strike ? { strike: true } : {}),
    ...(f.code ? { style: STYLE.codeChar } : hyperlink ? { style: 'Hyperlink' } : {}),
  };
}

const LINE_BREAK: RunNode = { kind: 'run', break: true };

/** Converts inline mdast into paragraph children. */
export function inlines(nodes: readonly Inline[], f: RunFormat = {}, out: InlineNode[] = []): InlineNode[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (node.value) out.push(run(flatten(node.value), f));
        break;
      case 'emphasis':
        inlines(node.children, { ...f, italics: true }, out);
        break;
      case 'strong':
        inlines(node.children, { ...f, bold: true }, out);
        break;
      case 'delete':
        inlines(node.children, { ...f, strike: true }, out);
        break;
      case 'inlineCode':
        out.push(run(node.value, { ...f, code: true }));
        break;
      case 'break':
        out.push(LINE_BREAK);
        break;
      case 'link': {
        const runs = SAFE_LINK.test(node.url) ? inlineRunsForLink(node.children, f) : [];
        if (runs.length) {
          out.push({ kind: 'link', url: node.url, runs });
        } else {
          inlines(node.children, f, out);
        }
        break;
      }
      case 'image':
        if (node.alt) out.push(run(node.alt, f));
        break;
      case 'linkReference':
        inlines(node.children, f, out);
        break;
      case 'imageReference':
        if (node.alt) out.push(run(node.alt, f));
        break;
      case 'html':
        break; // never passed through
      default:
        // footnoteReference and any future inline kinds: keep their text if they have any.
        if ('children' in node && Array.isArray(node.children)) inlines(node.children as Inline[], f, out);
        else if ('value' in node && typeof node.value === 'string') out.push(run(flatten(node.value), f));
    }
  }
  return out;
}

/** Runs inside a hyperlink: the link style on every run, nested formatting kept. */
function inlineRunsForLink(nodes: readonly Inline[], f: RunFormat): RunNode[] {
  const out: RunNode[] = [];
  const walk = (list: readonly Inline[], fmt: RunFormat): void => {
    for (const node of list) {
      if (node.type === 'html') continue; // never passed through
      if (node.type === 'text') out.push(run(flatten(node.value), fmt, true));
      else if (node.type === 'inlineCode') out.push(run(node.value, { ...fmt, code: true }, true));
      else if (node.type === 'emphasis') walk(node.children, { ...fmt, italics: true });
      else if (node.type === 'strong') walk(node.children, { ...fmt, bold: true });
      else if (node.type === 'delete') walk(node.children, { ...fmt, strike: true });
      else if (node.type === 'break') out.push(LINE_BREAK);
      else if ('children' in node && Array.isArray(node.children)) walk(node.children as Inline[], fmt);
      else if ('value' in node && typeof node.value === 'string')
        out.push(run(flatten(node.value), fmt, true));
    }
  };
  walk(nodes, f);
  return out;
}

/** Keeps per-document state while converting blocks: each ordered list gets its own numbering instance. */
export class BlockWriter {
  private orderedInstance = 0;

  constructor(private readonly baseStyle?: string) {}

  /** Paragraph options shared by every body paragraph written by this writer. */
  private base(extra: Omit<ParagraphNode, 'kind' | 'children'>, children: InlineNode[]): ParagraphNode {
    return paragraph(children, { ...(this.baseStyle ? { style: this.baseStyle } : {}), ...extra });
  }

  blocks(blocks: readonly Block[], out: BlockNode[] = [], depth = 0, indent = 0): BlockNode[] {
    for (const block of blocks) this.block(block, out, depth, indent);
    return out;
  }

  /** A bulleted paragraph at the given level. */
  bullet(children: InlineNode[], level = 0): ParagraphNode {
    return this.base({ numbering: { reference: NUMBERING.bullet, level } }, children);
  }

  private block(block: Block, out: BlockNode[], depth: number, indent: number): void {
    const indentOpt = indent ? { indent: { left: indent } } : {};
    switch (block.type) {
      case 'paragraph':
        out.push(this.base(indentOpt, inlines(block.children)));
        break;
      case 'heading':
        out.push(paragraph(inlines(block.children), { style: STYLE.heading3 }));
        break;
      case 'blockquote':
        this.blocks(block.children as Block[], out, depth, indent + 567);
        break;
      case 'code':
        out.push(
          paragraph(
            block.value.split(/\r?\n/).map((line, i) => run(line, {}, false, i > 0)),
            { style: STYLE.code },
          ),
        );
        break;
      case 'thematicBreak':
        out.push(paragraph([], { ruleBelow: true }));
        break;
      case 'list': {
        const level = Math.min(depth, 8);
        const ordered = block.ordered === true;
        const instance = ordered ? ++this.orderedInstance : 0;
        for (const item of block.children) {
          let first = true;
          for (const child of item.children) {
            if (child.type === 'paragraph' && first) {
              const numberingOpt = ordered
                ? { reference: NUMBERING.ordered, level, instance }
                : { reference: NUMBERING.bullet, level };
              out.push(this.base({ numbering: numberingOpt }, inlines(child.children)));
            } else if (child.type === 'list') {
              this.block(child, out, depth + 1, indent);
            } else {
              // A further paragraph of the item, or an item that does not open with a paragraph:
              // aligned with the item's text.
              this.block(child as Block, out, depth + 1, 340 * (level + 1));
            }
            first = false;
          }
        }
        break;
      }
      case 'table':
        out.push(markdownTable(block));
        break;
      case 'html':
        break; // never passed through
      default: {
        // Definitions and footnote definitions (reported by unsupported-markdown): keep any text.
        const children = (block as { children?: unknown }).children;
        if (Array.isArray(children)) this.blocks(children as Block[], out, depth, indent);
      }
    }
  }
}

/**
 * Relative column widths (fiftieths of a percent, summing to 5000) from the longest text in each
 * column, no column under half its equal share.
 */
function columnShares(node: Table, columns: number): number[] {
  const longest = Array.from({ length: columns }, (_, i) =>
    Math.max(1, ...node.children.map((row) => inlineLength(row.children[i]?.children ?? []))),
  );
  const total = longest.reduce((a, b) => a + b, 0);
  const floor = 1 / (2 * columns);
  const raw = longest.map((l) => Math.max(floor, l / total));
  const sum = raw.reduce((a, b) => a + b, 0);
  const shares = raw.map((r) => Math.floor((5000 * r) / sum));
  shares[shares.length - 1]! += 5000 - shares.reduce((a, b) => a + b, 0);
  return shares;
}

function inlineLength(nodes: readonly Inline[]): number {
  let n = 0;
  for (const node of nodes) {
    if ('value' in node && typeof node.value === 'string') n += node.value.length;
    else if ('children' in node) n += inlineLength(node.children as Inline[]);
  }
  return n;
}

/**
 * A GFM table: thin borders (the table style), the first row a shaded header row that Word and
 * LibreOffice repeat on every page (w:tblHeader), column alignment from the delimiter row.
 */
export function markdownTable(node: Table): TableNode {
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const shares = columnShares(node, columns);
  const rows = node.children.map((row, r): RowNode => {
    const header = r === 0;
    const cells = shares.map((width, i) => {
      const align = node.align?.[i];
      const children = inlines(row.children[i]?.children ?? []);
      const p = paragraph(children, {
        style: header ? STYLE.tableHeading : STYLE.tableText,
        ...(align === 'center' || align === 'right' ? { align } : {}),
      });
      return { width, children: [p], ...(header ? { fill: COLORS.headerFill } : {}) };
    });
    return header ? { header: true, cantSplit: true, cells } : { cantSplit: true, cells };
  });
  return {
    kind: 'table',
    style: STYLE.table,
    width: 5000,
    percent: true,
    columnWidths: shares.map((s) => Math.round((TEXT_WIDTH * s) / 5000)),
    firstRowLook: true,
    rows,
  };
}
