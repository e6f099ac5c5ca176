/**
 * The last line of defence: a walk over the finished tree that refuses to serialise anything
 * active. The builder and the sanitiser should make this unreachable; if a future change breaks
 * that, rendering fails loudly instead of writing a page with script in it.
 */
import type { Nodes } from 'hast';
import { isSafeHref } from './url.js';

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'img',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'link',
  'base',
  'template',
  'noscript',
  'portal',
]);

export class UnsafeOutputError extends Error {}

export function assertSafe(node: Nodes, styleElements = { seen: 0 }): void {
  if (node.type === 'raw') throw new UnsafeOutputError('raw HTML node in the output tree');
  if (node.type === 'comment') throw new UnsafeOutputError('comment in the output tree');
  if (node.type === 'element') {
    const tag = node.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) throw new UnsafeOutputError(`<${tag}> in the output tree`);
    if (tag === 'style' && ++styleElements.seen > 1)
      throw new UnsafeOutputError('more than one <style> element');
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) throw new UnsafeOutputError(`event handler ${key} in the output tree`);
      if (key === 'style') throw new UnsafeOutputError('style attribute in the output tree');
      if (
        (key === 'href' || key === 'src' || key === 'action' || key === 'formAction') &&
        (typeof value !== 'string' || !isSafeHref(value))
      ) {
        throw new UnsafeOutputError(`unsafe ${key} in the output tree`);
      }
    }
    if (
      node.properties.httpEquiv !== undefined &&
      String(node.properties.httpEquiv) !== 'Content-Security-Policy'
    ) {
      throw new UnsafeOutputError('unexpected http-equiv meta');
    }
  }
  if ('children' in node) for (const child of node.children) assertSafe(child, styleElements);
}
