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

/** What similarity needs of a text, worked out once when one text is compared with many. */
export interface Profile {
  lower: string;
  words: Map<string, number>;
  count: number;
}

export function profile(text: string): Profile {
  const list = words(text);
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { lower: text.toLowerCase(), words: counts, count: list.length };
}

/**
 * How alike two texts are, 0 (nothing shared) to 1 (equal): the larger of the share of words they
 * have in common (Dice's coefficient over the words) and, for texts short enough and when `edit`
 * is not false, one less the edit distance over the longer length.
 */
export function profileSimilarity(a: Profile, b: Profile, edit = true): number {
  if (a.lower === b.lower) return 1;
  let common = 0;
  const [small, large] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  for (const [w, n] of small) common += Math.min(n, large.get(w) ?? 0);
  let score = a.count + b.count ? (2 * common) / (a.count + b.count) : 0;
  const longer = Math.max(a.lower.length, b.lower.length);
  const shorter = Math.min(a.lower.length, b.lower.length);
  // the edit distance is at least the difference in length: worth working out only when it could win
  if (
    edit &&
    longer > 0 &&
    a.lower.length + b.lower.length <= EDIT_DISTANCE_LIMIT &&
    shorter / longer > score
  )
    score = Math.max(score, 1 - distance(a.lower, b.lower) / longer);
  return score;
}

/** profileSimilarity of two texts. */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : profileSimilarity(profile(a), profile(b));
}
