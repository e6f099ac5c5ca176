/**
 * XML of a container (manifest, signatures): namespace-aware parsing with @xmldom/xmldom, a
 * document type declaration refused outright (no entity can be declared, so none can expand: the
 * "billion laughs" and external entities have nothing to work with), and small DOM helpers that
 * match elements by namespace and local name, whatever prefix a writer chose.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

/** Why a text could not be parsed: `doctype`, or the parser's first complaint. */
export class XmlProblem extends Error {
  constructor(
    readonly kind: 'doctype' | 'encoding' | 'syntax',
    detail: string,
  ) {
    super(detail);
  }
}

/** The document in `bytes` (UTF-8, a BOM allowed); throws XmlProblem. */
export function parseXml(bytes: Uint8Array): Document {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new XmlProblem('encoding', 'not UTF-8');
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new XmlProblem('doctype', 'DOCTYPE');
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
    const detail = problem ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error));
    throw new XmlProblem('syntax', detail.slice(0, 200));
  }
  if (!doc.documentElement) throw new XmlProblem('syntax', 'no root element');
  return doc;
}

export function isElement(node: Node | null): node is Element {
  return node !== null && node.nodeType === 1;
}

/** Whether `el` is the element {ns}local. */
export function is(el: Element, ns: string, local: string): boolean {
  return el.localName === local && el.namespaceURI === ns;
}

/** The element children {ns}local of `el`. */
export function children(el: Element | undefined, ns: string, local: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c) && is(c, ns, local)) out.push(c);
  return out;
}

/** The first element child {ns}local of `el`. */
export function child(el: Element | undefined, ns: string, local: string): Element | undefined {
  return children(el, ns, local)[0];
}

/** Every descendant {ns}local of `el`, in document order. */
export function descendants(el: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  const list = el.getElementsByTagNameNS(ns, local);
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

/** The text content of `el`. */
export function text(el: Element | undefined): string | undefined {
  return el ? (el.textContent ?? '') : undefined;
}

/** An attribute in no namespace (XML-DSig's and XAdES's attributes are unqualified). */
export function attr(el: Element | undefined, name: string): string | undefined {
  if (!el || !el.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}
