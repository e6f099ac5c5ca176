/**
 * A fast path for the Markdown that job descriptions are made of: YAML frontmatter, ATX headings,
 * paragraphs, and tight bullet / `1.` lists nested by exact indentation. For such a file it builds
 * the same mdast tree (node for node, position for position) as remark-parse + remark-frontmatter,
 * several times faster; paragraphs and headings with inline markup (emphasis, links, code, raw HTML,
 * escapes, entities, hard breaks) have just their own text parsed by micromark.
 *
 * Blank lines inside lists (loose lists, an item's further paragraphs or nested list after a blank
 * line) are in the subset; anything else outside it (tabs, CR, block quotes, code blocks, HTML
 * blocks, thematic breaks, setext headings, definitions, lazy continuation lines, unusual
 * indentation…) makes `fastParse` return undefined, and the caller parses the whole file with
 * micromark. The test test/parse-equivalence.test.ts compares both parsers on the examples, the
 * fixtures and variants.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';

type Parent = { children: RootContent[] };

interface Line {
  /** 1-based line number. */
  line: number;
  /** 0-based column where the content starts. */
  col: number;
  /** Offset of that column in the file. */
  offset: number;
  text: string;
}

interface OpenItem {
  list: List;
  item: ListItem;
  /** Column of the item's marker. */
  markerCol: number;
  /** Column where the item's content starts. */
  contentCol: number;
  /** '-', '*', '+' or '.' (ordered). */
  marker: string;
}

/** Characters that may start inline markup, or a line ending in spaces (hard break / stripped). */
const INLINE_SPECIAL = /[\\`*_[\]<&!]| $/;
const ORDERED = /^(\d{1,9})\. (?=[^ ])/;
const BULLET = /^([-*+]) (?=[^ ])/;
const ATX = /^(#{1,6}) (?=[^ ])/;

/** Starts of blocks outside the subset (or ambiguous ones): the whole file takes the slow path. */
function unsupportedStart(rest: string): boolean {
  const c = rest.charCodeAt(0);
  // > ` ~ < = and anything that could be a thematic break or setext underline
  if (c === 62 || c === 96 || c === 126 || c === 60 || c === 61) return true;
  if ((c === 45 || c === 42 || c === 95 || c === 43) && /^([-*_+])[ ]*(\1[ ]*)*$/.test(rest)) return true;
  if (/^(\d{1,9})[.)]/.test(rest) && !ORDERED.test(rest)) return true; // `1)`, `1.` without content, `1.  x`
  if (/^[-*+](?:$| {2})/.test(rest)) return true; // empty item or wide marker
  if (/^#{1,6}(?:$| {2})/.test(rest) || /^#{7}/.test(rest)) return true;
  if (c === 91 && /^\[(?:[^\]\\]|\\.)*\]:/.test(rest)) return true; // a definition
  return false;
}

const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });

/** The micromark parser for inline snippets (set by the caller, who owns the unified processor). */
export type SnippetParser = (text: string) => Root;

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

class Bail extends Error {}

export function fastParse(text: string, snippet: SnippetParser): Root | undefined {
  // control characters (tab, CR, NUL…) and a BOM change how micromark reads lines
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f\ufeff]/.test(text)) return undefined;
  try {
    return parse(text, snippet);
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

function parse(text: string, snippet: SnippetParser): Root {
  const lines = text.split('\n');
  const starts: number[] = new Array<number>(lines.length);
  for (let i = 0, o = 0; i < lines.length; i++) {
    starts[i] = o;
    o += lines[i]!.length + 1;
  }
  const last = lines.length - 1;
  const root: Root = {
    type: 'root',
    children: [],
    position: {
      start: point(1, 1, 0),
      end: point(lines.length, lines[last]!.length + 1, text.length),
    },
  };

  let i = 0;
  if (lines[0] === '---') {
    let close = 1;
    while (close < lines.length && lines[close] !== '---') close++;
    if (close >= lines.length || close === 1) throw new Bail();
    for (let k = 1; k < close; k++) if (/^---[ ]+$|^\.\.\.$/.test(lines[k]!)) throw new Bail();
    root.children.push({
      type: 'yaml',
      value: lines.slice(1, close).join('\n'),
      position: { start: point(1, 1, 0), end: point(close + 1, 4, starts[close]! + 3) },
    });
    i = close + 1;
  } else if (/^---[ ]*$/.test(lines[0]!)) throw new Bail();

  const stack: OpenItem[] = [];
  let para: { parent: Parent; lines: Line[] } | undefined;
  let blank = false;

  const container = (): Parent => (stack.length ? stack[stack.length - 1]!.item : root);

  const closeParagraph = (): void => {
    if (!para) return;
    const first = para.lines[0]!;
    const end = para.lines[para.lines.length - 1]!;
    if (para.lines.some((l) => INLINE_SPECIAL.test(l.text))) {
      const source = text.slice(first.offset, end.offset + end.text.length);
      const tree = snippet(source);
      const node = tree.children[0];
      if (tree.children.length !== 1 || node?.type !== 'paragraph') throw new Bail();
      shift(node, first);
      para.parent.children.push(node);
    } else {
      const position: Position = {
        start: point(first.line, first.col + 1, first.offset),
        end: point(end.line, end.col + end.text.length + 1, end.offset + end.text.length),
      };
      const textNode: Text = {
        type: 'text',
        value: para.lines.map((l) => l.text).join('\n'),
        position: structuredPosition(position),
      };
      const node: Paragraph = { type: 'paragraph', children: [textNode], position };
      para.parent.children.push(node);
    }
    para = undefined;
  };

  /** Closes open items down to `depth` entries, setting the end positions of items and lists. */
  const closeTo = (depth: number): void => {
    closeParagraph();
    while (stack.length > depth) {
      const open = stack.pop()!;
      finishItem(open);
      finishList(open.list);
    }
  };

  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    const rest = raw.slice(indent);
    const here: Line = { line: i + 1, col: indent, offset: starts[i]! + indent, text: rest };
    if (rest === '') {
      closeParagraph();
      blank = true;
      continue;
    }
    if (unsupportedStart(rest)) throw new Bail();
    if (blank && stack.length) {
      // After blank lines inside a list, as micromark reads them:
      // - an item of an open list, at its marker's column: the list is loose (spread), its items not;
      // - content at an open item's content column (a further paragraph, a nested list): that item
      //   is spread (lists between it and the line close as usual below);
      // - a top-level block: every list closes;
      // anything else (odd indentation, another marker) takes the slow path.
      const itemMarker = BULLET.exec(rest)?.[1] ?? (ORDERED.test(rest) ? '.' : undefined);
      const sibling = stack.findIndex((o) => o.markerCol === indent && o.marker === itemMarker);
      const within = sibling === -1 ? stack.findIndex((o) => o.contentCol === indent) : -1;
      if (sibling !== -1) stack[sibling]!.list.spread = true;
      else if (within !== -1) stack[within]!.item.spread = true;
      else {
        if (indent > 0 || itemMarker !== undefined) throw new Bail();
        closeTo(0);
      }
    }
    blank = false;

    let matched = 0;
    while (matched < stack.length && indent >= stack[matched]!.contentCol) matched++;
    const base = matched ? stack[matched - 1]!.contentCol : 0;
    const bullet = BULLET.exec(rest);
    const ordered = bullet ? null : ORDERED.exec(rest);
    const heading = ATX.exec(rest);

    if (matched < stack.length) {
      // not inside the innermost item: a sibling item of an open list, or a heading closing lists
      if (bullet || ordered) {
        const open = stack[matched]!;
        const marker = bullet ? bullet[1]! : '.';
        if (indent !== open.markerCol || marker !== open.marker) throw new Bail();
        closeTo(matched + 1);
        finishItem(stack.pop()!);
        const item = newItem(here, marker === '.' ? ordered![1]!.length + 2 : 2);
        open.list.children.push(item.node);
        stack.push({ ...open, item: item.node, contentCol: item.contentCol });
        startContent(item.content);
        continue;
      }
      if (heading && indent === base) {
        closeTo(matched);
        addHeading(here, heading[1]!.length);
        continue;
      }
      throw new Bail(); // a lazy continuation line or odd indentation
    }

    if (indent !== base) throw new Bail(); // extra indentation (continuation or indented code)
    if (heading) {
      closeParagraph();
      addHeading(here, heading[1]!.length);
    } else if (bullet || ordered) {
      // a new list inside the current container; a list after text must be able to interrupt it
      if (para && ordered && ordered[1] !== '1') throw new Bail();
      closeParagraph();
      const marker = bullet ? bullet[1]! : '.';
      const list: List = {
        type: 'list',
        ordered: !bullet,
        start: ordered ? Number(ordered[1]) : null,
        spread: false,
        children: [],
        position: { start: point(here.line, indent + 1, here.offset), end: point(here.line, 1, 0) },
      };
      container().children.push(list);
      const item = newItem(here, bullet ? 2 : ordered![1]!.length + 2);
      list.children.push(item.node);
      stack.push({ list, item: item.node, markerCol: indent, contentCol: item.contentCol, marker });
      startContent(item.content);
    } else if (para) para.lines.push(here);
    else para = { parent: container(), lines: [here] };
  }
  closeTo(0);
  return root;

  function startContent(content: Line): void {
    // the first line of an item: only a paragraph is simple (a nested marker or heading is not)
    if (unsupportedStart(content.text) || BULLET.test(content.text) || ORDERED.test(content.text))
      throw new Bail();
    if (ATX.test(content.text) || content.text.startsWith('#')) throw new Bail();
    para = { parent: stack[stack.length - 1]!.item, lines: [content] };
  }

  function newItem(at: Line, width: number): { node: ListItem; contentCol: number; content: Line } {
    const node: ListItem = {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [],
      position: { start: point(at.line, at.col + 1, at.offset), end: point(at.line, 1, 0) },
    };
    const content: Line = {
      line: at.line,
      col: at.col + width,
      offset: at.offset + width,
      text: at.text.slice(width),
    };
    return { node, contentCol: at.col + width, content };
  }

  function addHeading(at: Line, depth: number): void {
    const parent = container();
    const content = at.text.slice(depth + 1);
    if (/(^| )#+ *$/.test(content)) throw new Bail(); // a closing sequence
    if (INLINE_SPECIAL.test(content)) {
      const tree = snippet(at.text);
      const node = tree.children[0];
      if (tree.children.length !== 1 || node?.type !== 'heading') throw new Bail();
      shift(node, at);
      parent.children.push(node);
      return;
    }
    const end = point(at.line, at.col + at.text.length + 1, at.offset + at.text.length);
    const children: PhrasingContent[] = [
      {
        type: 'text',
        value: content,
        position: {
          start: point(at.line, at.col + depth + 2, at.offset + depth + 1),
          end: { ...end },
        },
      },
    ];
    const node: Heading = {
      type: 'heading',
      depth: depth as Heading['depth'],
      children,
      position: { start: point(at.line, at.col + 1, at.offset), end },
    };
    parent.children.push(node);
  }
}

function structuredPosition(p: Position): Position {
  return { start: { ...p.start }, end: { ...p.end } };
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
