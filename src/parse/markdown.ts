/**
 * Markdown + YAML frontmatter → a raw parsed source: the mdast tree, the frontmatter as a YAML
 * document that keeps every key's position, and the body split at level-2 headings.
 * Nothing here judges the content: rules in src/validate/rules do, and src/model/build.ts
 * turns a parsed source into the typed model.
 */
import type { Heading, Root, RootContent, Yaml } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Position } from 'unist';
import { fastParse } from './fast.js';
import { scanMarkdownLimits, type MarkdownLimitHit } from './limits.js';
import { parseBounded } from './nesting.js';
import { toPlainText } from '../util/mdast-text.js';
import { parseYaml, type YamlSource } from './yaml.js';

// the YAML half lives in yaml.ts (config loading needs it without remark); re-exported here
export { MAX_ALIAS_COUNT, MAX_YAML_DEPTH, parseYaml, type YamlSource } from './yaml.js';

/**
 * GFM tables, and only them of GFM (remark-gfm would add footnotes, strikethrough, task lists and
 * autolink literals, which the format does not have): the table extension of micromark and mdast.
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTable).use(remarkFrontmatter, ['yaml']);
const plain = unified().use(remarkParse).use(remarkGfmTable);
const parseSnippet = (text: string): Root => plain.parse(text);

export interface RawSection {
  heading: Heading;
  /** Heading text as written (inline markup flattened). */
  text: string;
  content: RootContent[];
  position: Position;
}

export interface ParsedSource {
  path: string;
  text: string;
  tree: Root;
  frontmatter?: YamlSource;
  /** The file starts with `---` but the frontmatter block is never closed. */
  unclosedFrontmatter?: Position;
  /** Content between the frontmatter and the first level-2 heading. */
  preamble: RootContent[];
  sections: RawSection[];
  /** The tree came from the fast path (parse/fast.ts), not from micromark: the same tree, sooner. */
  fastPath?: boolean;
  /**
   * The tree was parsed from the text with its too deeply nested lines cut short (see
   * parse/nesting.ts): it has a node past the nesting limit, and the nesting-depth rule reports it.
   */
  nestingCut?: boolean;
  /**
   * The body passes one of the limits in parse/limits.ts: the tree was parsed from the text up to
   * the line where it does (the rest is never parsed), and the markdown-limit rule reports that line.
   */
  markdownLimit?: MarkdownLimitHit;
}

export interface ParseOptions {
  /**
   * Take the fast path (parse/fast.ts) where it applies: it gives the very tree micromark gives.
   * Default: on, unless the environment sets AMETIJUHEND_FAST_PARSE=0.
   */
  fast?: boolean;
}

/** Whether the fast path is on for these options (the environment decides when they do not). */
function fastEnabled(options: ParseOptions): boolean {
  return options.fast ?? process.env.AMETIJUHEND_FAST_PARSE !== '0';
}

/** How many parses (in this process) took the fast path and how many micromark, for the bench. */
export const parseCounts = { fast: 0, micromark: 0 };

/** Markdown → mdast by the fast path or micromark; `fast` tells which. */
function parseCounted(text: string, options: ParseOptions): { tree: Root; fast: boolean } {
  const tree = fastEnabled(options) ? fastParse(text, parseSnippet) : undefined;
  if (tree) {
    parseCounts.fast++;
    return { tree, fast: true };
  }
  parseCounts.micromark++;
  return { tree: processor.parse(text), fast: false };
}

/**
 * Markdown (with YAML frontmatter) → mdast. The usual shapes of a description take a fast path
 * (parse/fast.ts) that gives the very tree micromark gives; anything else is parsed by micromark.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  return parseCounted(text, options).tree;
}

/** The reference parser (remark-parse + GFM tables + remark-frontmatter) alone, without the fast path. */
export function parseMarkdownSlow(text: string): Root {
  return processor.parse(text);
}

/** A parser that parses only the text before the first line past a Markdown limit (noting it). */
type Limited = (parse: (text: string) => Root) => (text: string) => Root;

const ZERO: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * The body of a file whose frontmatter is never closed: the would-be YAML (up to the first heading)
 * blanked out, line numbers kept. (Parsing the text as is makes the YAML lines a paragraph and, with
 * remark-frontmatter's failed fence, even stops later lists from being recognised.)
 */
function bodyOfUnclosed(text: string, limited: Limited): { tree: Root; cut: boolean } {
  const lines = text.split('\n');
  let end = lines.findIndex((l, i) => i > 0 && /^#{1,6}(?:[ \t]|$)/.test(l));
  if (end === -1) end = lines.length;
  const blanked = lines.map((l, i) => (i < end ? '' : l)).join('\n');
  return parseBounded(
    blanked,
    limited((t) => plain.parse(t)),
  );
}

/** The body's blocks split at level-2 headings: what comes before the first one is the preamble. */
function splitSections(children: RootContent[]): { preamble: RootContent[]; sections: RawSection[] } {
  const preamble: RootContent[] = [];
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  for (const node of children) {
    if (node.type === 'heading' && node.depth === 2) {
      current = { heading: node, text: toPlainText(node), content: [], position: node.position ?? ZERO };
      sections.push(current);
      continue;
    }
    if (current) {
      current.content.push(node);
      if (node.position && current.position.end)
        current.position = { start: current.position.start, end: node.position.end };
    } else preamble.push(node);
  }
  return { preamble, sections };
}

export function parseSource(text: string, path: string, options: ParseOptions = {}): ParsedSource {
  // past a limit the parser could take minutes: only the text before that line is parsed. The text
  // scanned is the one parsed, after parseBounded cut its too deep lines (the last parse gives the tree)
  let limit: MarkdownLimitHit | undefined;
  const limited: Limited = (parse) => (t) => {
    limit = scanMarkdownLimits(t);
    return parse(limit ? t.slice(0, limit.lineStart) : t);
  };
  let fast = false;
  const parse = (t: string): Root => {
    const parsed = parseCounted(t, options);
    fast = parsed.fast;
    return parsed.tree;
  };
  let { tree, cut } = parseBounded(text, limited(parse));
  let children = tree.children;
  let index = 0;
  let frontmatter: YamlSource | undefined;
  let unclosedFrontmatter: Position | undefined;
  const first = children[0];
  if (first && first.type === 'yaml') {
    const node = first as Yaml;
    const position = node.position ?? ZERO;
    frontmatter = parseYaml(node.value, position.start.line + 1, position);
    index = 1;
  } else if (/^---[ \t]*(\n|$)/.test(text)) {
    unclosedFrontmatter = {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 4, offset: 3 },
    };
    ({ tree, cut } = bodyOfUnclosed(text, limited));
    fast = false;
    children = tree.children;
  }
  const { preamble, sections } = splitSections(children.slice(index));
  const source: ParsedSource = { path, text, tree, frontmatter, unclosedFrontmatter, preamble, sections };
  if (fast) source.fastPath = true;
  if (cut) source.nestingCut = true;
  if (limit) source.markdownLimit = limit;
  return source;
}
