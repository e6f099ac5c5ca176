/**
 * Text as the document reads it, for comparing two versions: mdast flattened to plain text with
 * every run of white space one space (a re-wrapped paragraph, Windows line endings and a re-indented
 * list read the same), and a measure of how alike two texts are (to pair a reworded task with its
 * old wording rather than call it removed and added).
 */
import { distance } from 'fastest-levenshtein';
import type { Nodes, RootContent } from 'mdast';
import type { Block, Inline } from '../model/types.js';
import type { ChangeSubject } from '../model/changes.js';
import { toPlainText } from '../util/mdast-text.js';

/** `text` with each run of white space one space, trimmed. */
export function normalise(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The plain text of inline content, white space collapsed. */
export function inlineText(inlines: readonly Inline[]): string {
  return normalise(inlines.map((n) => toPlainText(n)).join(''));
}

/** One comparable piece of a prose section: a paragraph, a list item's paragraph, another block. */
export interface Unit {
  subject: Extract<ChangeSubject, 'paragraph' | 'listItem' | 'block'>;
  text: string;
}

/**
 * The units of blocks in reading order: each paragraph (a list item's paragraphs as list items, a
 * nested list's items too), a sub-heading, a table row (cells joined by " | "), a code block. Walked
 * with an explicit stack: a hostile file may nest deeply.
 */
export function units(blocks: readonly (Block | RootContent)[]): Unit[] {
  const out: Unit[] = [];
  const stack: { node: Nodes; inItem: boolean }[] = [...blocks]
    .reverse()
    .map((node) => ({ node: node as Nodes, inItem: false }));
  const push = (subject: Unit['subject'], text: string): void => {
    const t = normalise(text);
    if (t) out.push({ subject, text: t });
  };
  while (stack.length) {
    const { node, inItem } = stack.pop()!;
    switch (node.type) {
      case 'paragraph':
        push(inItem ? 'listItem' : 'paragraph', toPlainText(node));
        continue;
      case 'heading':
      case 'code':
        push('block', toPlainText(node));
        continue;
      case 'tableRow':
        push('block', node.children.map((c) => normalise(toPlainText(c))).join(' | '));
        continue;
      case 'html':
      case 'thematicBreak':
        continue;
      default:
        break;
    }
    if (!('children' in node)) {
      if ('value' in node && typeof node.value === 'string')
        push(inItem ? 'listItem' : 'paragraph', node.value);
      continue;
    }
    const item = inItem || node.type === 'listItem';
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inItem: item });
  }
  return out;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Texts longer than this together are compared by their words only (an edit distance costs their product). */
const EDIT_DISTANCE_LIMIT = 600;

/**
 * How alike two texts are, 0 (nothing shared) to 1 (equal): the larger of the share of words they
 * have in common (Dice's coefficient over the words) and, for texts short enough, one less the edit
 * distance over the longer length.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const wa = words(a);
  const wb = words(b);
  let common = 0;
  if (wa.length && wb.length) {
    const counts = new Map<string, number>();
    for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const w of wb) {
      const n = counts.get(w) ?? 0;
      if (n > 0) {
        common++;
        counts.set(w, n - 1);
      }
    }
  }
  let score = wa.length + wb.length ? (2 * common) / (wa.length + wb.length) : 0;
  if (a.length + b.length <= EDIT_DISTANCE_LIMIT) {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    const longer = Math.max(la.length, lb.length);
    if (longer > 0) score = Math.max(score, 1 - distance(la, lb) / longer);
  }
  return score;
}
