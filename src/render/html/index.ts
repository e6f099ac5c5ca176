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

/**
 * The provenance's meta elements carry their values exactly (they are read back), so they cannot
 * take document.ts's look-alike angle brackets; the serialiser escapes `&` and `"` in an attribute
 * value but, as HTML allows, not `<` and `>`. Here those two become character references too, so no
 * value (a frontmatter `version: 1<style>…`) looks like a tag to anyone scanning the bytes. Within a
 * double-quoted value the serialiser has escaped every `"`: the value ends at the next one.
 */
function escapeProvenanceMeta(html: string): string {
  return html.replace(
    /(<meta name="ametijuhend\.[a-z]+" content=")([^"]*)"/g,
    (_m, open: string, value: string) => `${open}${value.replace(/</g, '&#x3C;').replace(/>/g, '&#x3E;')}"`,
  );
}

export const renderHtml: Renderer = async (model, options) => {
  const tree = buildDocument(model, options);
  assertSafe(tree);
  const html = escapeProvenanceMeta(
    toHtml(tree, {
      allowDangerousHtml: false,
      characterReferences: { useNamedReferences: false },
    }),
  );
  return encoder.encode(html);
};
