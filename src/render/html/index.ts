/**
 * The HTML renderer: one standalone, script-free, printable page per description.
 *
 * The page is a hast tree (./document.ts) checked by ./safety.ts and serialised once with
 * hast-util-to-html. Same model and options → same bytes.
 */
import { toHtml } from 'hast-util-to-html';
import type { Renderer } from '../types.js';
import { buildDocument } from './document.js';
import { assertSafe } from './safety.js';

const encoder = new TextEncoder();

export const renderHtml: Renderer = async (model, options) => {
  const tree = buildDocument(model, options);
  assertSafe(tree);
  const html = toHtml(tree, {
    allowDangerousHtml: false,
    characterReferences: { useNamedReferences: false },
  });
  return encoder.encode(html);
};
