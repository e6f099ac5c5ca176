/**
 * Markdown + YAML frontmatter → a raw parsed source: the mdast tree, the frontmatter as a YAML
 * document that keeps every key's position, and the body split at level-2 headings.
 * Nothing here judges the content: rules in src/validate/rules do, and src/model/build.ts
 * turns a parsed source into the typed model.
 */
import type { Heading, Root, RootContent, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { fastYaml } from './fast-yaml.js';
import { fastParse } from './fast.js';
import { parseBounded } from './nesting.js';
import { addDuplicateKeyErrors } from './unique-keys.js';
import { toPlainText } from './text.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const plain = unified().use(remarkParse);
const parseSnippet = (text: string): Root => plain.parse(text);

export interface YamlSource {
  /** The YAML text itself. */
  text: string;
  /** The parsed YAML document (with ranges relative to `offsetLine`). */
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** 1-based file line on which the YAML text starts. */
  firstLine: number;
  /** The plain JS value of the document (undefined on syntax errors that leave nothing). */
  data: unknown;
  /** Position of the whole frontmatter block in the file (for problems about the block itself). */
  position: Position;
}

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
  /**
   * The tree was parsed from the text with its too deeply nested lines cut short (see
   * parse/nesting.ts): it has a node past the nesting limit, and the nesting-depth rule reports it.
   */
  nestingCut?: boolean;
}

/** Parses YAML text that starts on `firstLine` of some file. */
export function parseYaml(value: string, firstLine: number, position: Position): YamlSource {
  const lineCounter = new LineCounter();
  let doc = fastYaml(value);
  if (doc) {
    // what yaml's lexer records: the start of every line (and the end, after a final newline)
    lineCounter.addNewLine(0);
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1))
      lineCounter.addNewLine(at + 1);
  } else {
    // logLevel 'error': problems are reported as diagnostics, never as process warnings on stderr
    // duplicate keys are found in one pass afterwards (yaml's own check is quadratic)
    doc = parseDocument(value, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    addDuplicateKeyErrors(doc);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    data = undefined;
  }
  return { text: value, doc, lineCounter, firstLine, data, position };
}

/**
 * Markdown (with YAML frontmatter) → mdast. The usual shapes of a description take a fast path
 * (parse/fast.ts) that gives the very tree micromark gives; anything else is parsed by micromark.
 */
export function parseMarkdown(text: string): Root {
  return fastParse(text, parseSnippet) ?? processor.parse(text);
}

/** The reference parser (remark-parse + remark-frontmatter) alone, without the fast path. */
export function parseMarkdownSlow(text: string): Root {
  return processor.parse(text);
}

const ZERO: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * The body of a file whose frontmatter is never closed: the would-be YAML (up to the first heading)
 * blanked out, line numbers kept. (Parsing the text as is makes the YAML lines a paragraph and, with
 * remark-frontmatter's failed fence, even stops later lists from being recognised.)
 */
function bodyOfUnclosed(text: string): { tree: Root; cut: boolean } {
  const lines = text.split('\n');
  let end = lines.findIndex((l, i) => i > 0 && /^#{1,6}(?:[ \t]|$)/.test(l));
  if (end === -1) end = lines.length;
  const blanked = lines.map((l, i) => (i < end ? '' : l)).join('\n');
  return parseBounded(blanked, (t) => plain.parse(t));
}

export function parseSource(text: string, path: string): ParsedSource {
  let { tree, cut } = parseBounded(text, parseMarkdown);
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
    ({ tree, cut } = bodyOfUnclosed(text));
    children = tree.children;
  }
  const preamble: RootContent[] = [];
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  for (; index < children.length; index++) {
    const node = children[index]!;
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 2) {
        current = {
          heading: node,
          text: toPlainText(node),
          content: [],
          position: node.position ?? ZERO,
        };
        sections.push(current);
        continue;
      }
    }
    if (current) {
      current.content.push(node);
      if (node.position && current.position.end)
        current.position = { start: current.position.start, end: node.position.end };
    } else preamble.push(node);
  }
  const source: ParsedSource = { path, text, tree, frontmatter, unclosedFrontmatter, preamble, sections };
  if (cut) source.nestingCut = true;
  return source;
}
