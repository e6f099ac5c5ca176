/**
 * Body Markdown (mdast, raw HTML already removed by the model) → sanitised hast.
 *
 * Two independent layers keep active content out of the page:
 * 1. mdast-util-to-hast drops any `html` node (allowDangerousHtml stays off) and images are turned
 *    into their alt text, so nothing is loaded from the source.
 * 2. hast-util-sanitize with a schema tighter than GitHub's: a short list of text-level and block
 *    elements and GFM tables, no attributes but `href` (http, https, mailto, tel or relative),
 *    `start` and a table cell's alignment (turned into a class), and
 *    elements that could carry code are dropped with their content.
 */
import type { Element, ElementContent, Nodes, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type {
  Image,
  ImageReference,
  Link,
  LinkReference,
  Nodes as MdastNodes,
  Root as MdastRoot,
} from 'mdast';
import { defaultHandlers, toHast, type Handlers, type State } from 'mdast-util-to-hast';
import type { Block, Inline } from '../../model/types.js';
import { inlineText } from '../common/outline.js';
import { isSafeHref, SAFE_PROTOCOLS } from './url.js';

const TEXT_LEVEL = ['a', 'br', 'code', 'del', 'em', 'strong', 'sub', 'sup', 'kbd', 's'];
const BLOCK_LEVEL = ['blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre', 'ul'];
/** GFM tables: header cells get `scope="col"` and alignment a class after sanitising (tableCells). */
const TABLE = ['table', 'thead', 'tbody', 'tr', 'th', 'td'];
const ALIGN: [string, RegExp] = ['align', /^(?:left|center|right)$/];

/** The sanitising schema for everything that comes from Markdown. */
export const BODY_SCHEMA: Schema = {
  tagNames: [...TEXT_LEVEL, ...BLOCK_LEVEL, ...TABLE],
  attributes: {
    a: ['href', 'title'],
    ol: [['start', /^\d{1,6}$/]],
    th: [ALIGN],
    td: [ALIGN],
  },
  protocols: { href: [...SAFE_PROTOCOLS] },
  // Elements whose text must never show up, even as text.
  strip: [
    'script',
    'style',
    'iframe',
    'object',
    'embed',
    'template',
    'noscript',
    'textarea',
    'title',
    'xmp',
    'svg',
    'math',
    'select',
  ],
  ancestors: {
    li: ['ol', 'ul'],
    tbody: ['table'],
    thead: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
  },
  clobber: [],
  clobberPrefix: '',
  required: {},
  allowComments: false,
  allowDoctypes: false,
};

/** Images are never rendered: their alt text stands in (no remote loads, no `data:` URLs). */
const altText = (_state: unknown, node: Image | ImageReference): ElementContent => ({
  type: 'text',
  value: node.alt ?? '',
});

/**
 * A link to an unsafe target keeps its text and loses the link; an autolink to one
 * (`<javascript:…>`, whose text is the target itself) is left out altogether.
 */
function link(state: State, node: Link): ElementContent | ElementContent[] | undefined {
  if (isSafeHref(node.url)) return defaultHandlers.link(state, node);
  if (inlineText(node.children).trim() === node.url.trim()) return undefined;
  return state.all(node);
}

const HANDLERS: Handlers = {
  image: altText,
  imageReference: altText,
  // the model has no definitions (unsupported-markdown reports them): the text, never `[text]`
  linkReference: (state: State, node: LinkReference) => state.all(node),
  html: () => undefined,
  link,
};

function toSanitizedChildren(root: MdastRoot): ElementContent[] {
  const hast: Nodes = toHast(root as MdastNodes, { handlers: HANDLERS, allowDangerousHtml: false });
  const clean: Nodes = sanitize(hast, BODY_SCHEMA);
  const children: RootContent[] = clean.type === 'root' ? clean.children : [clean];
  return children.filter((c): c is ElementContent => c.type === 'element' || c.type === 'text');
}

/** Inline Markdown → hast phrasing content. */
export function inlineToHast(nodes: readonly Inline[]): ElementContent[] {
  const root: MdastRoot = { type: 'root', children: [{ type: 'paragraph', children: [...nodes] }] };
  const out = toSanitizedChildren(root);
  const first = out[0];
  const children = first?.type === 'element' && first.tagName === 'p' ? first.children : out;
  addLinkRel(children);
  return children;
}

/**
 * Block Markdown → hast flow content. Headings from the body sit below a numbered `h2`: they start
 * at `h3` and never skip a level, whatever depth the author wrote.
 */
export function blocksToHast(blocks: readonly Block[], parentLevel = 2): ElementContent[] {
  const out = toSanitizedChildren({ type: 'root', children: [...blocks] });
  normaliseHeadings(out, parentLevel);
  tableCells(out);
  addLinkRel(out);
  return out;
}

/**
 * Table cells: a header cell heads its column (`scope="col"`), and a column's alignment from the
 * delimiter row becomes a class (`align-center`, `align-right`): the obsolete `align` attribute
 * and style attributes never reach the page.
 */
function tableCells(nodes: ElementContent[]): void {
  walk(nodes, (el) => {
    if (el.tagName !== 'th' && el.tagName !== 'td') return;
    const align = el.properties.align;
    delete el.properties.align;
    if (el.tagName === 'th') el.properties.scope = 'col';
    if (align === 'center' || align === 'right') el.properties.className = [`align-${align}`];
  });
}

function walk(nodes: readonly ElementContent[] | readonly RootContent[], visit: (el: Element) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    visit(node);
    walk(node.children, visit);
  }
}

function normaliseHeadings(nodes: ElementContent[], parentLevel: number): void {
  let previous = parentLevel;
  walk(nodes, (el) => {
    const m = /^h([1-6])$/.exec(el.tagName);
    if (!m) return;
    const level = Math.max(parentLevel + 1, Math.min(Number(m[1]), previous + 1, 6));
    el.tagName = `h${level}`;
    previous = level;
  });
}

/** Marks links as external and unwraps any `a` the sanitiser left without a target. */
function addLinkRel(nodes: ElementContent[]): void {
  // one pass into a new list: a splice per unwrapped link, spreading its children, was quadratic
  // and overflowed the call stack for 100,000+ children
  const out: ElementContent[] = [];
  const into = (list: readonly ElementContent[]): void => {
    for (const node of list) {
      if (node.type === 'element' && node.tagName === 'a' && typeof node.properties.href !== 'string') {
        into(node.children);
        continue;
      }
      if (node.type === 'element') {
        if (node.tagName === 'a') node.properties.rel = ['noopener', 'noreferrer'];
        addLinkRel(node.children);
      }
      out.push(node);
    }
  };
  into(nodes);
  nodes.length = 0;
  for (const node of out) nodes.push(node);
}
