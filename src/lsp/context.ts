/**
 * Where the cursor is in a description, read from the lines around it (not from a parse: while
 * typing, the YAML is mostly broken): in the frontmatter, the path of the map the cursor's key is in
 * and whether a key or a value is being written; in the body, whether a heading is.
 */

/** A segment of a frontmatter path: a key, or `[]` for "an item of this list". */
export type Segment = string;
export const ITEM = '[]';

export interface Frontmatter {
  /** 0-based line of the opening `---`. */
  start: number;
  /** 0-based line of the closing `---` (the text's line count when it is never closed). */
  end: number;
}

export type CursorContext =
  | {
      kind: 'key';
      /** The map the key is in: [] at the top level, ['requirements', 'languages', '[]'] in a language item. */
      path: Segment[];
      /** What is typed of the key so far, and where it starts (UTF-16 character on the line). */
      typed: string;
      from: number;
    }
  | {
      kind: 'value';
      /** The key whose value this is (a list item's path ends in `[]`). */
      path: Segment[];
      typed: string;
      from: number;
    }
  | { kind: 'heading'; typed: string; from: number }
  | { kind: 'none' };

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** An opening or closing fence as the parser takes one (src/parse: micromark's frontmatter): `---`, trailing blanks allowed. */
const FENCE = /^---[ \t]*$/;

/**
 * The frontmatter block of a description (its first line is `---`, after a BOM a client may leave in
 * the text), if it has one: up to the closing `---` (YAML comments such as the schema line are inside
 * it), or, never closed, up to the first section heading.
 */
export function frontmatterOf(lines: readonly string[]): Frontmatter | undefined {
  if (!FENCE.test((lines[0] ?? '').replace(/^\uFEFF/, ''))) return undefined;
  for (let i = 1; i < lines.length; i++) if (FENCE.test(lines[i]!)) return { start: 0, end: i };
  // never closed: the frontmatter is taken to end at the first section heading (a `# ` line is a comment)
  for (let i = 1; i < lines.length; i++) if (/^#{2,6}[ \t]/.test(lines[i]!)) return { start: 0, end: i };
  return { start: 0, end: lines.length };
}

interface LineShape {
  /** Column of the line's first dash (`- `) or, without one, of its content. */
  indent: number;
  dash: boolean;
  /** Column where the content after the dashes starts. */
  content: number;
  /** The key the content starts with (`key:`), if it does. */
  key?: string;
  /** The text after `key:`. */
  rest: string;
}

const KEY = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)(.*)$/;

function shape(line: string): LineShape | undefined {
  const m = /^( *)((?:- +)*)(.*)$/.exec(line);
  if (!m) return undefined;
  const body = m[3]!;
  if ((body.trim() === '' && !m[2]) || body.trimStart().startsWith('#')) return undefined;
  const indent = m[1]!.length;
  const content = indent + m[2]!.length;
  const k = KEY.exec(body);
  return { indent, dash: m[2]!.length > 0, content, ...(k ? { key: k[1]! } : {}), rest: k ? k[2]! : body };
}

/** The path of the map (or list) whose member starts at column `col` of line `line`. */
export function parentPath(lines: readonly string[], fmStart: number, line: number, col: number): Segment[] {
  const path: Segment[] = [];
  let target = col;
  for (let i = line - 1; i > fmStart && target > 0; i--) {
    const s = shape(lines[i]!);
    if (!s) continue;
    if (s.dash && s.content === target && s.key !== undefined) {
      // a sibling key that opened our list item: the item, then the list above it
      path.unshift(ITEM);
      target = s.indent;
      // an indentless list (`languages:` then `- lang:` at the same column)
      continue;
    }
    if (
      s.key !== undefined &&
      s.rest.trim() === '' &&
      (s.content < target || (s.content === target && !s.dash && path[0] === ITEM))
    ) {
      path.unshift(s.key);
      target = s.content;
      if (s.dash) {
        path.unshift(ITEM);
        target = s.indent;
      }
    }
  }
  return path;
}

/** What the cursor (0-based line, UTF-16 character) is writing. */
export function cursorContext(text: string, line: number, character: number): CursorContext {
  const lines = splitLines(text);
  const fm = frontmatterOf(lines);
  const prefix = (lines[line] ?? '').slice(0, character);
  if (fm && line > fm.start && line < fm.end) {
    const m = /^( *)((?:- +)*)(.*)$/.exec(prefix)!;
    const indent = m[1]!.length;
    const dashes = m[2]!;
    const body = m[3]!;
    const content = indent + dashes.length;
    if (body.trimStart().startsWith('#')) return { kind: 'none' };
    const kv = /^([A-Za-z_][\w-]*)\s*:(\s*)(.*)$/.exec(body);
    if (kv) {
      // after `key: ` (also inside a flow list: `key: [a, b`)
      const valueText = kv[3]!;
      const parent = dashes
        ? [...parentPath(lines, fm.start, line, indent), ITEM]
        : parentPath(lines, fm.start, line, content);
      const path = [...parent, kv[1]!];
      const flow = /^\[(?:[^\]]*,)?\s*([^,\]]*)$/.exec(valueText);
      if (flow) {
        const typed = flow[1]!;
        return { kind: 'value', path: [...path, ITEM], typed, from: character - typed.length };
      }
      return { kind: 'value', path, typed: valueText, from: character - valueText.length };
    }
    if (/^[A-Za-z_]?[\w-]*$/.test(body)) {
      // a key being typed, or (under a list of strings) a list item's value
      if (dashes) {
        const listPath = parentPath(lines, fm.start, line, indent);
        return {
          kind: 'key',
          path: [...listPath, ITEM],
          typed: body,
          from: character - body.length,
        };
      }
      return {
        kind: 'key',
        path: parentPath(lines, fm.start, line, content),
        typed: body,
        from: character - body.length,
      };
    }
    if (dashes) {
      const listPath = parentPath(lines, fm.start, line, indent);
      return { kind: 'value', path: [...listPath, ITEM], typed: body, from: character - body.length };
    }
    return { kind: 'none' };
  }
  if (fm && line <= fm.end) return { kind: 'none' };
  const h = /^(#{1,2})(\s*)(.*)$/.exec(prefix);
  if (h && (h[1] === '##' || h[2] === '')) return { kind: 'heading', typed: prefix, from: 0 };
  return { kind: 'none' };
}

/** The key or value under the cursor in the frontmatter, for hover. */
export function wordAt(
  text: string,
  line: number,
  character: number,
): { path: Segment[]; part: 'key' | 'value'; word: string; from: number; to: number } | undefined {
  const lines = splitLines(text);
  const fm = frontmatterOf(lines);
  if (!fm || line <= fm.start || line >= fm.end) return undefined;
  const full = lines[line] ?? '';
  const m = /^( *)((?:- +)*)(.*)$/.exec(full)!;
  const content = m[1]!.length + m[2]!.length;
  const body = m[3]!;
  const kv = /^([A-Za-z_][\w-]*)(\s*:\s*)(.*?)\s*(?:#.*)?$/.exec(body);
  const parent = m[2]
    ? [...parentPath(lines, fm.start, line, m[1]!.length), ITEM]
    : parentPath(lines, fm.start, line, content);
  if (kv) {
    const keyEnd = content + kv[1]!.length;
    if (character >= content && character <= keyEnd)
      return { path: [...parent, kv[1]!], part: 'key', word: kv[1]!, from: content, to: keyEnd };
    const vFrom = keyEnd + kv[2]!.length;
    const value = kv[3]!;
    if (character >= vFrom && character <= vFrom + value.length) {
      if (value.startsWith('{')) return flowMapKey(value, vFrom, character, [...parent, kv[1]!]);
      if (value.startsWith('[')) return flowListItem(value, vFrom, character, [...parent, kv[1]!]);
      return {
        path: [...parent, kv[1]!],
        part: 'value',
        word: unquote(value),
        from: vFrom,
        to: vFrom + value.length,
      };
    }
    return undefined;
  }
  if (m[2] && character >= content) {
    const value = body.replace(/\s+#.*$/, '').trimEnd();
    return { path: parent, part: 'value', word: unquote(value), from: content, to: content + value.length };
  }
  return undefined;
}

type Word = NonNullable<ReturnType<typeof wordAt>>;

/** A key of a flow map (`employer: { name: …, role: … }`) at `character`; the map starts at `vFrom`. */
function flowMapKey(value: string, vFrom: number, character: number, path: Segment[]): Word | undefined {
  const re = /([{,]\s*)([A-Za-z_][\w-]*)\s*:/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(value))) {
    const a = vFrom + x.index + x[1]!.length;
    if (character >= a && character <= a + x[2]!.length)
      return { path: [...path, x[2]!], part: 'key', word: x[2]!, from: a, to: a + x[2]!.length };
  }
  return undefined;
}

/** One item of a flow list (`[a, b]`) at `character`; the list starts at `vFrom`. */
function flowListItem(value: string, vFrom: number, character: number, path: Segment[]): Word | undefined {
  const re = /[^,[\]]+/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(value))) {
    const a = vFrom + x.index;
    if (character >= a && character <= a + x[0].length) {
      const lead = x[0].length - x[0].trimStart().length;
      const w = unquote(x[0].trim());
      return {
        path: [...path, ITEM],
        part: 'value',
        word: w,
        from: a + lead,
        to: a + lead + x[0].trim().length,
      };
    }
  }
  return undefined;
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'"))))
    return s.slice(1, -1);
  return s;
}
