/**
 * Typographic quotation marks for printed text: straight double quotes typed by the author become
 * the document language's quotation marks, „…“ in Estonian (the reference document's typography)
 * and “…” in English.
 *
 * Rules (conservative: a straight quote changes only when its role is certain):
 * - Quotes change only in pairs. An opening quote (after the start, a space, an opening bracket, a
 *   dash or a slash, before a non-space) is paired with the next closing quote (after a non-space,
 *   before the end, a space or punctuation). An unpaired quote stays straight: `5" ekraan` (inches),
 *   `ta ütles "jah` (unbalanced).
 * - Single quotes change only inside a paired double quotation, where they pair the same way into
 *   the inner marks (‚…‘ in Estonian, ‘…’ in English). Everywhere else they stay as typed: an
 *   apostrophe (O'Connor, agency's, students') is far more common than a single-quoted phrase.
 * - Typographic quotes already typed are left alone; an opening one may be closed by a straight one
 *   („tekst" → „tekst“).
 * - Every replacement is one UTF-16 unit for one, so the text keeps its length and every offset.
 *
 * The mdast functions treat a paragraph (heading, table cell, duty task, expected result) as one
 * text, across inline markup (`"**bold** text"` pairs), never change inline code or code blocks
 * (they stand in as a word character), and never touch link targets (only text nodes change).
 * They are pure: they return new nodes where something changed and the same nodes where not.
 */
import type { Nodes, PhrasingContent } from 'mdast';

export type TypographyLang = 'et' | 'en';

interface Marks {
  open: string;
  close: string;
  innerOpen: string;
  innerClose: string;
}

const MARKS: Record<TypographyLang, Marks> = {
  et: { open: '„', close: '“', innerOpen: '‚', innerClose: '‘' },
  en: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
};

const SPACE = /\s/;
/** What may stand right before an opening quote (besides the start and white space). */
const BEFORE_OPEN = new Set([...'([{<-‐‑–—/„‚“‘«']);
/** What may stand right after a closing quote (besides the end and white space). */
const AFTER_CLOSE = new Set([...'.,;:!?)]}>…-‐‑–—/»“”‘’\'"']);
/** What may not stand right before a closing quote (an opening bracket or mark). */
const NOT_BEFORE_CLOSE = new Set([...'([{<„‚«']);

const isSpace = (c: string | undefined): boolean => c === undefined || SPACE.test(c);

function canOpen(prev: string | undefined, next: string | undefined): boolean {
  return (isSpace(prev) || BEFORE_OPEN.has(prev!)) && !isSpace(next);
}

function canClose(prev: string | undefined, next: string | undefined): boolean {
  return !isSpace(prev) && !NOT_BEFORE_CLOSE.has(prev!) && (isSpace(next) || AFTER_CLOSE.has(next!));
}

/**
 * Something that reads as a web or mail address in running text, up to a space (quotes and
 * punctuation at its end are not part of it): quotes inside it are never changed.
 */
const URL_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s<>]*?(?=["'.,;:!?)\]]*(?:[\s<>]|$))/gi;

function urlMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const m of text.matchAll(URL_LIKE)) mask.fill(1, m.index, m.index + m[0].length);
  return mask;
}

/** A pending opening quote: its index, or -1 for one typed typographic already. */
interface Pending {
  at: number;
}

/**
 * `text` with its paired straight quotes made typographic for `lang`; same length as `text`.
 * Pure; see the module comment for the rules.
 */
export function smartQuotes(text: string, lang: TypographyLang): string {
  if (!text.includes('"')) return text;
  const marks = MARKS[lang];
  const out = text.split('');
  const inUrl = urlMask(text);
  let double: Pending | undefined;
  let single: Pending | undefined;
  for (let i = 0; i < text.length; i++) {
    if (inUrl[i]) continue;
    const ch = text[i]!;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (ch === '"') {
      if (double && canClose(prev, next)) {
        if (double.at >= 0) out[double.at] = marks.open;
        out[i] = marks.close;
        double = undefined;
        single = undefined;
      } else if (canOpen(prev, next)) {
        double = { at: i };
        single = undefined;
      }
    } else if (ch === marks.open) {
      double = { at: -1 };
      single = undefined;
    } else if (ch === marks.close) {
      double = undefined;
      single = undefined;
    } else if (ch === "'" && double) {
      if (single && canClose(prev, next)) {
        out[single.at] = marks.innerOpen;
        out[i] = marks.innerClose;
        single = undefined;
      } else if (!single && canOpen(prev, next)) single = { at: i };
    }
  }
  return out.join('');
}

/** A stand-in for content that is not text (inline code, an image): a word character. */
const OPAQUE = 'x';

type Text = Extract<PhrasingContent, { type: 'text' }>;

/** A link that shows its own address (`<https://…>`, a bare URL): its text is never changed. */
function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const child = node.children[0]!;
  if (child.type !== 'text') return false;
  return ['', 'mailto:', 'http://', 'https://'].some((scheme) => node.url === scheme + child.value);
}

/** The text of a run of inline content, and its text nodes with their offsets in it. */
function flatten(nodes: readonly Nodes[], parts: { node?: Text; value: string }[]): void {
  for (const node of nodes) {
    if (node.type === 'text') parts.push({ node, value: node.value });
    else if (node.type === 'break') parts.push({ value: ' ' });
    else if (node.type === 'inlineCode' || !('children' in node) || isAutolink(node))
      parts.push({ value: OPAQUE });
    else flatten(node.children as Nodes[], parts);
  }
}

function replaceTexts<T extends Nodes>(nodes: readonly T[], changed: ReadonlyMap<Text, string>): T[] {
  return nodes.map((node) => {
    if (node.type === 'text') {
      const value = changed.get(node);
      return value === undefined ? node : { ...node, value };
    }
    if (node.type === 'inlineCode' || !('children' in node) || isAutolink(node)) return node;
    return { ...node, children: replaceTexts(node.children as Nodes[], changed) };
  });
}

/**
 * A run of inline content (one paragraph's, one table cell's) with typographic quotes; the same
 * array when nothing changed. Inline code and link targets are never changed.
 */
export function smartQuotesInline<T extends PhrasingContent>(nodes: readonly T[], lang: TypographyLang): T[] {
  const parts: { node?: Text; value: string }[] = [];
  flatten(nodes, parts);
  const text = parts.map((p) => p.value).join('');
  const smart = smartQuotes(text, lang);
  if (smart === text) return nodes as T[];
  const changed = new Map<Text, string>();
  let offset = 0;
  for (const part of parts) {
    const value = smart.slice(offset, offset + part.value.length);
    if (part.node && value !== part.value) changed.set(part.node, value);
    offset += part.value.length;
  }
  return replaceTexts(nodes, changed);
}

/** Block nodes whose children are one run of inline content. */
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);

function smartBlock<T extends Nodes>(node: T, lang: TypographyLang): T {
  if (node.type === 'code' || !('children' in node)) return node;
  const children = node.children as Nodes[];
  const smart = INLINE_PARENTS.has(node.type)
    ? smartQuotesInline(children as PhrasingContent[], lang)
    : smartQuotesBlocks(children, lang);
  return smart === children ? node : { ...node, children: smart };
}

/** Block content with typographic quotes in its text; the same array when nothing changed. */
export function smartQuotesBlocks<T extends Nodes>(nodes: readonly T[], lang: TypographyLang): T[] {
  const smart = nodes.map((n) => smartBlock(n, lang));
  return smart.every((n, i) => n === nodes[i]) ? (nodes as T[]) : smart;
}
