/**
 * Markdown syntax that the CommonMark parser leaves as plain text (GFM footnote marks, strikethrough,
 * task boxes) and where it is inside a text node: shared by the rules that report it.
 */
import type { Nodes, RootContent, Text } from 'mdast';
import type { Position } from 'unist';

/** A footnote mark (`[^1]`) as the CommonMark parser leaves it in text. */
export const FOOTNOTE_MARK = /\[\^[^\]\s]+\]/;
/** GFM strikethrough (`~~text~~`), which the parser leaves as text. */
export const STRIKE = /(?<!~)~~(?=[^\s~])[^]*?[^\s~]~~(?!~)/;
/** A GFM task list item's box (`[ ]`, `[x]`) at the start of its text. */
export const TASK_BOX = /^\[[ xX]\](?:[ \t]|$)/;

/** At most 40 characters of `s`, for quoting in a message. */
export const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A point inside a text node's value, from its start and the text before it (no tabs assumed). */
export function inText(node: Nodes, index: number, length: number): Position | undefined {
  const p = node.position;
  if (!p || !('value' in node)) return p;
  const before = node.value.slice(0, index).split(/\r\n|\r|\n/);
  const line = p.start.line + before.length - 1;
  const column = (before.length === 1 ? p.start.column : 1) + before[before.length - 1]!.length;
  const offset = p.start.offset === undefined ? undefined : p.start.offset + index;
  return {
    start: { line, column, ...(offset === undefined ? {} : { offset }) },
    end: { line, column: column + length, ...(offset === undefined ? {} : { offset: offset + length }) },
  };
}

/** The text node starting a list item that opens with a task box (`- [ ] …`), if any. */
export function taskBoxText(first: RootContent | undefined): Text | undefined {
  if (first?.type !== 'paragraph') return undefined;
  const text = first.children[0];
  return text?.type === 'text' && TASK_BOX.test(text.value) ? text : undefined;
}
