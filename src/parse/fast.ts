/**
 * A fast path for the Markdown that job descriptions are made of: YAML frontmatter, ATX headings,
 * paragraphs and lists (`-`, `*`, `+`, `1.`, `1)`), nested by any valid indentation (spaces or tabs),
 * tight or loose, with LF, CRLF or CR line endings and an optional BOM. For such a file it builds the
 * same mdast tree (node for node, position for position) as remark-parse + GFM tables +
 * remark-frontmatter,
 * several times faster; paragraphs and headings with inline markup (emphasis, links, code, raw HTML,
 * escapes, entities, hard breaks) have just their own text parsed by micromark.
 *
 * Two steps: parse/fast-lines.ts classifies each line (blank, heading, list item, text, other),
 * parse/fast-blocks.ts builds the blocks from them by CommonMark's rules. Anything outside the subset
 * (block quotes, code, HTML blocks, thematic breaks, setext headings, GFM tables, definitions,
 * empty items, control characters…) makes `fastParse` return undefined, and the caller parses the whole file with
 * micromark. test/parse-equivalence.test.ts compares both parsers on the examples, the fixtures,
 * chosen shapes and generated text.
 */
import type { Root } from 'mdast';
import { Bail, buildTree, type SnippetParser } from './fast-blocks.js';
import { splitLines } from './fast-lines.js';

export type { SnippetParser };

// control characters other than tab, LF and CR (NUL, form feed…), and a BOM past the start
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff]/;

/** The tree micromark gives for `text`, or undefined when the text is outside the subset. */
export function fastParse(text: string, snippet: SnippetParser): Root | undefined {
  // micromark skips a leading BOM and counts columns and offsets from after it
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (UNSUPPORTED_CHAR.test(body)) return undefined;
  try {
    return buildTree(body, splitLines(body), snippet);
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}
