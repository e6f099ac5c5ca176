/**
 * How deeply a description's Markdown is nested, and a bound on it that holds before parsing.
 *
 * A description never needs more than a few levels of block quotes, lists and emphasis; a file
 * nested thousands of levels deep is a mistake or an attack. The parser (micromark) reads such a
 * file correctly but in time that grows with the cube of the depth for lists (a 1,000-deep list
 * takes minutes), and the HTML conversion (mdast-util-to-hast) recurses and overflows the stack.
 * So, before parsing, every line whose container prefix (`>` markers, list markers, indentation)
 * could reach past the limit is cut short there (the rest of that line dropped: every line and
 * column stays where it is, offsets after the cut do not) and the nesting-depth rule reports the
 * first node past the limit in the tree parsed from the cut text; lines after the first cut are cut
 * at a few levels (`LATER_LEVELS`), so that a file of many deep lines still parses quickly while the
 * headings and usual lists after the deep part are still read (and checked). A cut that finds nothing too deep
 * (the bound is generous: `- - x` or wide indentation) is thrown away and the text parsed as is.
 */
import type { Nodes, Root } from 'mdast';

/** The deepest nesting a description may have (block quotes, list items, emphasis, links…). */
export const MAX_NESTING = 32;

/** Nodes that hold content but add no level of their own (a list's level is its items'). */
const FLAT = new Set(['root', 'list', 'paragraph', 'heading', 'table', 'tableRow', 'tableCell']);

/** Where lines after the first cut are cut: deeper than any real description, cheap to parse. */
const LATER_LEVELS = 8;

export interface TooDeep {
  /** The first node (in document order) nested past the limit. */
  node: Nodes;
  /** The deepest level in the tree (at least MAX_NESTING + 1). */
  depth: number;
}

/** The first node nested deeper than `MAX_NESTING` (walked iteratively), or undefined. */
export function firstTooDeep(tree: Root): TooDeep | undefined {
  let first: Nodes | undefined;
  let deepest = 0;
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth: outer } = stack.pop()!;
    if (!('children' in node)) continue;
    const depth = FLAT.has(node.type) ? outer : outer + 1;
    if (depth > deepest) deepest = depth;
    if (depth > MAX_NESTING && !first) first = node;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth });
  }
  return first ? { node: first, depth: deepest } : undefined;
}

/** Width of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `i` followed by a space, tab or line end; else 0. */
export function listMarker(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  let w = 0;
  if (c === 45 || c === 43 || c === 42) w = 1;
  else {
    while (w < 9 && i + w < end && text.charCodeAt(i + w) >= 48 && text.charCodeAt(i + w) <= 57) w++;
    if (w === 0) return 0;
    const d = text.charCodeAt(i + w);
    if (d !== 46 && d !== 41) return 0;
    w++;
  }
  if (i + w >= end) return w;
  const n = text.charCodeAt(i + w);
  return n === 32 || n === 9 || n === 13 ? w : 0;
}

/** Offset where the body starts: after a closed `---` frontmatter block (never cut), else 0. */
export function bodyStart(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^---[ \t]*\r?$/m.exec(text.slice(open[0].length));
  if (!close) return 0;
  const end = text.indexOf('\n', open[0].length + close.index);
  return end === -1 ? text.length : end + 1;
}

/**
 * The text with every line cut short where its nesting could pass `threshold` (after the first
 * such line, `LATER_LEVELS`; line endings kept), or undefined when no line can.
 *
 * A line's level is bounded by its prefix: each block quote takes a `>`, each list item opened a
 * marker, each one continued at least two columns of indentation, and no line opens more containers
 * than it has markers beyond those open after the line before (a lazy continuation line keeps them
 * open; after a blank line only the prefix counts). Linear in the length of the text.
 */
export function cutDeepLines(text: string, threshold: number): string | undefined {
  let pieces: string[] | undefined;
  let copied = 0;
  let open = 0;
  let afterBlank = true;
  let limit = threshold;
  for (let pos = bodyStart(text); pos < text.length;) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    let markers = 0;
    let ws = 0;
    let level = 0;
    let i = pos;
    let cut = -1;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32) ws++;
      else if (c === 9) ws += 4;
      else if (c === 62) markers++;
      else {
        const w = listMarker(text, i, end);
        if (w === 0) break;
        markers++;
        i += w - 1;
      }
      i++;
      level = Math.min(markers + (ws >> 1), open + markers);
      if (level > limit) {
        cut = i;
        break;
      }
    }
    const blank = markers === 0 && (i === end || (i === end - 1 && text.charCodeAt(i) === 13));
    if (!blank) {
      open = afterBlank ? level : Math.max(open, level);
      afterBlank = false;
    } else afterBlank = true;
    if (cut !== -1) {
      const stop = end > cut && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      pieces ??= [];
      pieces.push(text.slice(copied, cut));
      copied = stop;
      limit = Math.min(threshold, LATER_LEVELS);
    }
    pos = end + 1;
  }
  if (!pieces) return undefined;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/**
 * Parses text whose nesting is not known to be sane: when some line could be nested past the
 * limit, the text cut at those lines (see cutDeepLines) is parsed instead, and kept if it shows a
 * node past the limit (`cut: true`); otherwise the text is parsed as is.
 */
export function parseBounded(text: string, parse: (text: string) => Root): { tree: Root; cut: boolean } {
  for (const threshold of [MAX_NESTING + 1, 4 * (MAX_NESTING + 1)]) {
    const cut = cutDeepLines(text, threshold);
    if (cut === undefined) break;
    const tree = parse(cut);
    if (firstTooDeep(tree)) return { tree, cut: true };
  }
  return { tree: parse(text), cut: false };
}
