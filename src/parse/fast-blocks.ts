/**
 * The block builder of the Markdown fast path (parse/fast.ts): from classified lines
 * (parse/fast-lines.ts) it builds the mdast tree micromark builds, node for node and position for
 * position, following CommonMark's rules for the blocks a description is made of: YAML
 * frontmatter, ATX headings, paragraphs (with continuation and lazy lines) and lists, nested by any
 * valid indentation (0–3 columns past the container's content, tabs to multiples of 4), tight or
 * loose. Paragraphs and headings with inline markup have just their own text parsed by micromark.
 * A shape outside the subset throws `Bail`, and the caller parses the whole file with micromark.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import { itemContent, type Line } from './fast-lines.js';

/** Thrown on a shape outside the subset: the caller takes micromark. */
export class Bail extends Error {}

/** The micromark parser for inline snippets (set by the caller, who owns the unified processor). */
export type SnippetParser = (text: string) => Root;

type Parent = { children: RootContent[] };

interface OpenItem {
  list: List;
  item: ListItem;
  /** '-', '*', '+', '.' or ')': an item with another marker starts another list. */
  marker: string;
  /** Column (tabs expanded) where the item's content starts: lines indented so far belong to it. */
  contentCol: number;
}

/** Characters that may start inline markup, or a line ending in whitespace (hard break / stripped). */
const INLINE_SPECIAL = /[\\`*_[\]<&!]|[ \t]$/;

const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });

/** Moves a snippet's positions to where its text starts in the file. */
function shift(root: { position?: Position; children?: unknown[] }, at: Line): void {
  // iterative: an inline snippet may be nested deeply (emphasis in emphasis…)
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      for (const pt of [p.start, p.end]) {
        if (pt.line === 1) pt.column += at.col;
        pt.line += at.line - 1;
        if (pt.offset !== undefined) pt.offset += at.offset;
      }
    }
    if (node.children) for (const c of node.children) stack.push(c as typeof node);
  }
}

function finishItem(open: OpenItem): void {
  const lastChild = open.item.children[open.item.children.length - 1];
  if (!lastChild?.position || !open.item.position) throw new Bail();
  open.item.position.end = { ...lastChild.position.end };
}

function finishList(list: List): void {
  const lastItem = list.children[list.children.length - 1];
  if (!lastItem?.position || !list.position) throw new Bail();
  list.position.end = { ...lastItem.position.end };
}

export function buildTree(text: string, lines: Line[], snippet: SnippetParser): Root {
  return new BlockBuilder(text, lines, snippet).build();
}

class BlockBuilder {
  private readonly root: Root;
  private readonly stack: OpenItem[] = [];
  /** The open paragraph: always in the innermost open container. */
  private para: { parent: Parent; lines: Line[] } | undefined;
  /** The lines before this one were blank. */
  private blank = false;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    private readonly snippet: SnippetParser,
  ) {
    const last = lines[lines.length - 1]!;
    const end = point(last.line, last.col + last.text.length + 1, text.length);
    this.root = { type: 'root', children: [], position: { start: point(1, 1, 0), end } };
  }

  build(): Root {
    for (let i = this.frontmatter(); i < this.lines.length; i++) this.add(this.lines[i]!);
    this.closeTo(0);
    return this.root;
  }

  /** The YAML frontmatter (as remark-frontmatter reads it); returns the index of the first body line. */
  private frontmatter(): number {
    const lines = this.lines;
    const first = lines[0]!;
    if (first.col !== 0 || first.text !== '---') {
      if (first.col === 0 && /^---[ \t]+$/.test(first.text)) throw new Bail();
      return 0;
    }
    let close = 1;
    for (; close < lines.length; close++) {
      const l = lines[close]!;
      if (l.col === 0 && l.text === '---') break;
      if (/^(?:---|\.\.\.)[ \t]*$/.test(l.text)) throw new Bail();
    }
    if (close >= lines.length || close === 1) throw new Bail();
    const end = lines[close]!;
    this.root.children.push({
      type: 'yaml',
      value: this.text.slice(lines[1]!.start, end.start - lines[close - 1]!.ending.length),
      position: { start: point(1, 1, 0), end: point(end.line, 4, end.start + 3) },
    });
    return close + 1;
  }

  private add(l: Line): void {
    if (l.kind === 'blank') {
      this.closeParagraph();
      this.blank = true;
      return;
    }
    if (l.kind === 'other') throw new Bail();
    const depth = this.matched(l.indent);
    const rel = l.indent - (depth ? this.stack[depth - 1]!.contentCol : 0);
    if (this.blank) {
      this.blank = false;
      this.afterBlank(l, depth, rel);
    } else if (this.para && this.continues(l, depth, rel)) this.para.lines.push(l);
    else this.block(l, depth, rel);
  }

  /** How many open items (outermost first) the line's indentation keeps it inside. */
  private matched(indent: number): number {
    let depth = 0;
    while (depth < this.stack.length && indent >= this.stack[depth]!.contentCol) depth++;
    return depth;
  }

  /**
   * Whether a line continues the open paragraph: plain text at any indentation, inside every open
   * item or not (a lazy line), and an ordered item not numbered 1, which cannot interrupt one.
   */
  private continues(l: Line, depth: number, rel: number): boolean {
    if (l.kind === 'text') return true;
    if (rel >= 4) throw new Bail(); // a marker or heading indented into literal text
    if (l.kind === 'item' && l.number !== -1 && l.number !== 1) {
      if (depth === this.stack.length) return true;
      // a lazy line or an item of an outer list: micromark reads `2.` there as text
      if (this.stack[depth]!.marker !== l.marker) throw new Bail();
    }
    return false;
  }

  /**
   * After blank lines: an item of the open list at this level makes the list loose (its items stay
   * tight); other content inside an open item makes that item spread; the block then starts as usual.
   */
  private afterBlank(l: Line, depth: number, rel: number): void {
    if (rel >= 4) throw new Bail(); // indented code
    const open = this.stack[depth];
    if (l.kind === 'item' && open && open.marker === l.marker) open.list.spread = true;
    else if (depth > 0) this.stack[depth - 1]!.item.spread = true;
    this.block(l, depth, rel);
  }

  /** A line that starts a block in the container its indentation reaches (closing deeper items). */
  private block(l: Line, depth: number, rel: number): void {
    if (rel >= 4) throw new Bail(); // indented code
    const open = this.stack[depth];
    if (l.kind === 'item' && open && open.marker === l.marker) {
      this.closeTo(depth + 1);
      finishItem(open);
      this.startItem(l, open.list, depth);
      return;
    }
    this.closeTo(depth);
    if (l.kind === 'heading') this.heading(l);
    else if (l.kind === 'item') this.openList(l);
    else this.para = { parent: this.container(), lines: [l] };
  }

  private container(): Parent {
    return this.stack.length ? this.stack[this.stack.length - 1]!.item : this.root;
  }

  /** Closes the paragraph and the open items deeper than `depth`, ending their positions. */
  private closeTo(depth: number): void {
    this.closeParagraph();
    while (this.stack.length > depth) {
      const open = this.stack.pop()!;
      finishItem(open);
      finishList(open.list);
    }
  }

  private openList(l: Line): void {
    const ordered = l.number !== -1;
    const list: List = {
      type: 'list',
      ordered,
      start: ordered ? l.number : null,
      spread: false,
      children: [],
      position: { start: point(l.line, l.col + 1, l.offset), end: point(l.line, 1, 0) },
    };
    this.container().children.push(list);
    this.startItem(l, list, this.stack.length);
  }

  /** A new item of `list`, open at stack index `depth`; its first line's content opens a paragraph. */
  private startItem(l: Line, list: List, depth: number): void {
    const item: ListItem = {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [],
      position: { start: point(l.line, l.col + 1, l.offset), end: point(l.line, 1, 0) },
    };
    list.children.push(item);
    this.stack[depth] = { list, item, marker: l.marker, contentCol: l.indent + l.width };
    const content = itemContent(l);
    if (content.kind !== 'text') throw new Bail(); // a nested marker, a heading… on the item's line
    this.para = { parent: item, lines: [content] };
  }

  /** Lines `first`…`last` parsed by micromark on their own: one node of `type`, moved into place. */
  private parsed(first: Line, last: Line, type: 'paragraph' | 'heading'): RootContent {
    const tree = this.snippet(this.text.slice(first.offset, last.offset + last.text.length));
    const node = tree.children[0];
    if (tree.children.length !== 1 || node?.type !== type) throw new Bail();
    shift(node, first);
    return node;
  }

  private closeParagraph(): void {
    const para = this.para;
    if (!para) return;
    this.para = undefined;
    const lines = para.lines;
    const first = lines[0]!;
    const end = lines[lines.length - 1]!;
    if (lines.some((l) => INLINE_SPECIAL.test(l.text))) {
      para.parent.children.push(this.parsed(first, end, 'paragraph'));
      return;
    }
    let value = first.text;
    for (let k = 1; k < lines.length; k++) value += lines[k - 1]!.ending + lines[k]!.text;
    const start = point(first.line, first.col + 1, first.offset);
    const stop = point(end.line, end.col + end.text.length + 1, end.offset + end.text.length);
    const textNode: Text = { type: 'text', value, position: { start: { ...start }, end: { ...stop } } };
    const node: Paragraph = { type: 'paragraph', children: [textNode], position: { start, end: stop } };
    para.parent.children.push(node);
  }

  private heading(l: Line): void {
    const parent = this.container();
    const depth = l.depth;
    const content = l.text.slice(depth + 1);
    // only `## Text` is built here; other spacing, a closing sequence or markup go to micromark
    if (
      l.text.charCodeAt(depth) !== 32 ||
      content === '' ||
      /^[ \t]|[ \t#]$/.test(content) ||
      INLINE_SPECIAL.test(content)
    ) {
      parent.children.push(this.parsed(l, l, 'heading'));
      return;
    }
    const end = point(l.line, l.col + l.text.length + 1, l.offset + l.text.length);
    const start = point(l.line, l.col + depth + 2, l.offset + depth + 1);
    const node: Heading = {
      type: 'heading',
      depth: depth as Heading['depth'],
      children: [{ type: 'text', value: content, position: { start, end: { ...end } } }],
      position: { start: point(l.line, l.col + 1, l.offset), end },
    };
    parent.children.push(node);
  }
}
