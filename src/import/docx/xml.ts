/**
 * XML of the package parts: namespace-aware parsing with @xmldom/xmldom (a malformed part is an
 * ImportFailure naming it) and the few DOM helpers the walker needs. WordprocessingML elements are
 * matched by local name in either namespace Word writes (transitional) or reads (strict).
 */
import { createRequire } from 'node:module';
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { ImportFailure } from '../types.js';

/**
 * xmldom 0.9's parser builds a new Unicode RegExp from its grammar for every end tag (sax.js,
 * `g.reg('^', g.QName_group, g.S_OPT, '$')`), which made half of a large part's parse time. The
 * grammar's `reg` builds each expression from the same parts every time, and the expressions have
 * no global state (no g/y flag), so one built expression per source serves every call.
 */
const grammar = createRequire(import.meta.url)('@xmldom/xmldom/lib/grammar.js') as {
  reg: (...parts: (RegExp | string)[]) => RegExp;
  __memo?: true;
};
if (!grammar.__memo) {
  const build = grammar.reg;
  // keyed by the parts' identity: the grammar passes the same RegExp objects and strings each call
  const ids = new WeakMap<RegExp, number>();
  let next = 0;
  const id = (re: RegExp): number => {
    const known = ids.get(re);
    if (known !== undefined) return known;
    ids.set(re, ++next);
    return next;
  };
  const built = new Map<string, RegExp>();
  grammar.reg = function (this: unknown, ...parts: (RegExp | string)[]): RegExp {
    const key = parts.map((x) => (typeof x === 'string' ? `s${x}` : `r${id(x)}`)).join('\u0000');
    let re = built.get(key);
    if (!re) built.set(key, (re = build.apply(this, parts)));
    return re;
  };
  grammar.__memo = true;
}

export const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const ELEMENT_NODE = 1;

export function parseXml(bytes: Uint8Array, part: string): Document {
  const text = new TextDecoder('utf-8').decode(bytes);
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, msg) => {
      if (level === 'warning') return;
      problem ??= msg.split('\n')[0];
      throw new Error(msg);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'application/xml');
  } catch (error) {
    throw new ImportFailure('import.docx.badXml', {
      part,
      detail: problem ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error)),
    });
  }
  if (!doc.documentElement)
    throw new ImportFailure('import.docx.badXml', { part, detail: 'no root element' });
  return doc;
}

export function isElement(node: Node | null): node is Element {
  return node !== null && node.nodeType === ELEMENT_NODE;
}

/** Whether `node` is the WordprocessingML element `name`. */
export function isW(node: Node | null, name: string): boolean {
  return isElement(node) && node.localName === name && W_NS.has(node.namespaceURI ?? '');
}

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

/** The first WordprocessingML child `name` of `el`. */
export function wChild(el: Element | undefined, name: string): Element | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c) && isW(c, name)) return c;
  return undefined;
}

export function wChildren(el: Element, name: string): Element[] {
  return elementChildren(el).filter((c) => isW(c, name));
}

/** A WordprocessingML attribute (w:val …) of `el`, in either namespace or unprefixed. */
export function wAttr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  for (const ns of W_NS) {
    const v = el.getAttributeNS(ns, name);
    if (v !== null && v !== '') return v;
  }
  const plain = el.getAttribute(name) ?? el.getAttribute(`w:${name}`);
  return plain === null || plain === '' ? undefined : plain;
}

/** w:val of the child `name`, or undefined. */
export function wVal(el: Element | undefined, name: string): string | undefined {
  return wAttr(wChild(el, name), 'val');
}

/** An on/off property (w:b, w:vanish …): undefined when absent. */
export function wOnOff(el: Element | undefined, name: string): boolean | undefined {
  const child = wChild(el, name);
  if (!child) return undefined;
  const v = wAttr(child, 'val');
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}

/** The text of an element's text and CDATA children (w:t, w:instrText hold nothing else). */
export function ownText(el: Element): string {
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || c.nodeType === 4) out += (c as unknown as { data: string }).data;
  }
  return out;
}

/** Every descendant WordprocessingML element `name` of `el` (document order). */
export function wDescendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const visit = (node: Element): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (isW(c, name)) out.push(c);
      else visit(c);
    }
  };
  visit(el);
  return out;
}
