/**
 * Prose: the reader's paragraphs and tables as Draft blocks (paragraphs, nested lists, tables),
 * for the purpose, rights, responsibilities, tools, changes and extra sections and for text kept
 * for review.
 */
import type { DraftBlock, DraftListItem, SourceBlock, SourceTable } from '../types.js';
import { flat, stripMarker, toLine, type Line } from './text.js';

/** A table as a Draft table: the first row is the header. */
export function tableBlock(table: SourceTable): DraftBlock {
  const rows = table.rows.map((row) =>
    row.flatMap((cell) => {
      const text = flat(cell.blocks.map((p) => (p.label ? `${p.label} ${p.text}` : p.text)).join(' '));
      // a spanning cell fills the columns it spans, so the rows stay rectangular
      return [text, ...Array.from({ length: Math.max(0, cell.colSpan - 1) }, () => '')];
    }),
  );
  const width = Math.max(1, ...rows.map((r) => r.length));
  const square = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => '')]);
  const [header = [], ...body] = square;
  return { type: 'table', header, rows: body };
}

/** Lines as blocks: runs of list items become (nested) lists, other lines paragraphs. */
export function linesToBlocks(lines: readonly Line[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (!line.item) {
      out.push({ type: 'paragraph', text: line.text });
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (lines[j] as Line).item) j++;
    out.push(...listBlocks(lines.slice(i, j)));
    i = j;
  }
  return out;
}

/** Items into lists by level: a deeper item is a child of the item before it. */
function listBlocks(items: readonly Line[]): DraftBlock[] {
  const base = Math.min(...items.map((l) => l.level));
  const out: DraftBlock[] = [];
  let k = 0;
  while (k < items.length) {
    const first = items[k] as Line;
    const ordered = first.ordered;
    const list: DraftListItem[] = [];
    while (k < items.length) {
      const it = items[k] as Line;
      if (it.level <= base && it.ordered !== ordered && list.length > 0) break;
      if (it.level > base && list.length > 0) {
        let e = k;
        while (e < items.length && (items[e] as Line).level > base) e++;
        const parent = list[list.length - 1] as DraftListItem;
        parent.children = [...(parent.children ?? []), ...listBlocks(items.slice(k, e))];
        k = e;
        continue;
      }
      list.push({ text: it.text });
      k++;
    }
    out.push({ type: 'list', ordered, items: list });
  }
  return out;
}

/** Blocks of the source as Draft blocks. */
export function sourceToBlocks(blocks: readonly SourceBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  let pending: Line[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      pending.push(toLine(b));
      continue;
    }
    out.push(...linesToBlocks(pending));
    pending = [];
    out.push(tableBlock(b));
  }
  out.push(...linesToBlocks(pending));
  return out;
}

/** Plain text of blocks, for comparing a section with the config's default. */
export function blocksText(blocks: readonly DraftBlock[]): string {
  const parts: string[] = [];
  const walk = (bs: readonly DraftBlock[]): void => {
    for (const b of bs) {
      if (b.type === 'paragraph') parts.push(b.text);
      else if (b.type === 'list') {
        for (const it of b.items) {
          parts.push(it.text);
          walk(it.children ?? []);
        }
      } else if (b.type === 'table') parts.push(...b.header, ...b.rows.flat());
    }
  };
  walk(blocks);
  return parts.join(' ');
}

/** Plain text of a Markdown default (markup dropped: list markers, emphasis, links). */
export function markdownText(md: string): string {
  return md
    .split('\n')
    .map((l) => stripMarker(l.replace(/^\s*#+\s*/u, '')))
    .join(' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/[*_`]/gu, '');
}
