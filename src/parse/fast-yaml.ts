/**
 * A fast path for the YAML that frontmatter and catalogues are made of: block mappings and
 * sequences by indentation, single-line plain and quoted strings, evenly indented folded and
 * literal block strings, one-line flow sequences and mappings of such strings, and comment lines
 * at the very top. For such text it builds the very Document the `yaml` package builds (the same
 * node classes, values, source texts, styles and ranges), several times faster.
 *
 * Anything else (comments further down, blank lines, numbers, booleans, nulls, escapes, multi-line
 * plain or quoted scalars, more-indented or kept block scalars, anchors, tags, indentless
 * sequences, duplicate keys, tabs …) makes `fastYaml` return undefined, and the caller parses with
 * `yaml`, which also reports every problem. test/yaml-equivalence.test.ts compares both on the
 * examples, the fixtures, chosen shapes and generated text.
 */
import { Document, isMap, isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { MAX_YAML_DEPTH } from './yaml-depth.js';

class Bail extends Error {}

interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  indent: number;
  /** The line without its indentation. */
  text: string;
  /** Offset just after the line's newline (or the text's end). */
  next: number;
}

type Node = Scalar | YAMLMap | YAMLSeq;

/** Plain scalars the core schema reads as something other than a string (null, bool, number). */
const NOT_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** A plain scalar on one line: no indicator first, no `: ` or ` #` inside, no trailing space. */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#]|:(?! |$)|(?<! )#)*$/;
/** `key: rest` or `key:` with a plain key. */
const KEY = /^([^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#]|:(?! |$)|(?<! )#)*?):(?: (.*))?$/;
const FLOW_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^,[\]{}:#]*$/;

function scalar(value: string, source: string, type: Scalar.Type, range: [number, number, number]): Scalar {
  const s = new Scalar(value);
  s.range = range;
  s.source = source;
  s.type = type;
  return s;
}

/** A string scalar written plain or quoted (no escapes), or undefined. */
function inlineString(text: string): { value: string; type: Scalar.Type } | undefined {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    const value = text.slice(1, -1);
    return /["\\]/.test(value) ? undefined : { value, type: 'QUOTE_DOUBLE' };
  }
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) {
    const value = text.slice(1, -1);
    return value.includes("'") ? undefined : { value, type: 'QUOTE_SINGLE' };
  }
  return undefined;
}

/** A string scalar, quoted or plain; `plain` is what a plain one must match where it stands. */
function stringScalar(text: string, range: [number, number, number], plain: RegExp): Scalar {
  const quoted = inlineString(text);
  if (quoted) return scalar(quoted.value, quoted.value, quoted.type, range);
  if (!plain.test(text) || NOT_STRING.test(text)) throw new Bail();
  return scalar(text, text, 'PLAIN', range);
}

/** One-line flow collection `[a, "b"]` or `{ k: v }` starting at `at`, its node ending at `nodeEnd`. */
function flow(text: string, at: number, nodeEnd: number): YAMLMap | YAMLSeq {
  const map = text.startsWith('{');
  if (!text.endsWith(map ? '}' : ']')) throw new Bail();
  const node = map ? new YAMLMap() : new YAMLSeq();
  node.flow = true;
  node.range = [at, at + text.length, nodeEnd];
  const parts = text.slice(1, -1).split(',');
  let offset = at + 1;
  const keys = new Set<string>();
  parts.forEach((part, i) => {
    const body = part.trim();
    const start = offset + part.length - part.trimStart().length;
    const last = i === parts.length - 1;
    if (body === '' || (!last && part !== part.trimEnd())) throw new Bail(); // empty, or space before a comma
    // the last item's node ends where the closing bracket is (trailing spaces included)
    const range = (from: number, to: number): [number, number, number] => [
      from,
      to,
      last ? offset + part.length : to,
    ];
    if (map) {
      const colon = body.indexOf(': ');
      const keyText = body.slice(0, Math.max(colon, 0));
      if (colon <= 0 || !FLOW_PLAIN.test(keyText) || NOT_STRING.test(keyText) || keys.has(keyText))
        throw new Bail();
      keys.add(keyText);
      const valueText = body.slice(colon + 2).trimStart();
      const valueStart = start + body.length - valueText.length;
      const keyEnd = start + keyText.length;
      const key = scalar(keyText, keyText, 'PLAIN', [start, keyEnd, keyEnd]);
      const value = stringScalar(valueText, range(valueStart, valueStart + valueText.length), FLOW_PLAIN);
      (node as YAMLMap).items.push(new Pair(key, value));
    } else {
      (node as YAMLSeq).items.push(stringScalar(body, range(start, start + body.length), FLOW_PLAIN));
    }
    offset += part.length + 1;
  });
  return node;
}

/** A value written on its key's or dash's line, starting at offset `at`. */
function inlineValue(text: string, at: number, line: Line): Node {
  if (text.startsWith('[') || text.startsWith('{')) return flow(text, at, line.next);
  return stringScalar(text, [at, at + text.length, line.next], PLAIN);
}

export function fastYaml(text: string): Document.Parsed | undefined {
  // tabs, CR, control characters, a BOM, escapes, directives and document markers: the slow path
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f\u007f\ufeff\\]/.test(text) || /^(?:%|---|\.\.\.)/m.test(text))
    return undefined;
  // comment lines are simple only at the very top, right before the content (the schema line
  // `# yaml-language-server: $schema=…` that editors read): yaml gives them to the first key
  let contentStart = 0;
  const comments: string[] = [];
  while (text.startsWith('#', contentStart)) {
    const nl = text.indexOf('\n', contentStart);
    if (nl === -1) return undefined;
    comments.push(text.slice(contentStart + 1, nl) || ' '); // as yaml: an empty comment reads ' '
    contentStart = nl + 1;
  }
  if (text.includes('#', contentStart)) return undefined;
  const lines: Line[] = [];
  for (let start = contentStart; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length || raw.endsWith(' ')) return undefined; // blank line or trailing space
    lines.push({ start, indent, text: raw.slice(indent), next: nl === -1 ? end : end + 1 });
    start = end + 1;
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  let i = 0;
  // the block parsers recurse once per level: deeper text is left to the caller (never a stack overflow)
  let depth = 0;
  const enter = (): void => {
    if (++depth > MAX_YAML_DEPTH) throw new Bail();
  };

  const blockMap = (indent: number, firstKeyAt?: { line: Line; col: number }): YAMLMap => {
    enter();
    const map = new YAMLMap();
    const keys = new Set<string>();
    let start = -1;
    let end = -1;
    let first = firstKeyAt;
    while (i < lines.length) {
      const line = lines[i]!;
      let col: number;
      if (first) {
        col = first.col;
        first = undefined;
      } else {
        if (line.indent !== indent) break;
        col = line.indent;
      }
      const content = line.text.slice(col - line.indent);
      const m = KEY.exec(content);
      if (!m) throw new Bail();
      const keyText = m[1]!;
      if (NOT_STRING.test(keyText) || keyText !== keyText.trimEnd() || keys.has(keyText)) throw new Bail();
      keys.add(keyText);
      const keyAt = line.start + col;
      if (start === -1) start = keyAt;
      const key = scalar(keyText, keyText, 'PLAIN', [keyAt, keyAt + keyText.length, keyAt + keyText.length]);
      i++;
      let value: Node;
      if (m[2] !== undefined && /^[>|]-?$/.test(m[2])) {
        value = blockScalar(m[2], keyAt + keyText.length + 2, indent);
      } else if (m[2] !== undefined) {
        if (m[2] === '' || m[2].startsWith(' ')) throw new Bail();
        value = inlineValue(m[2], keyAt + keyText.length + 2, line);
      } else {
        const next = lines[i];
        if (!next || next.indent <= indent) throw new Bail(); // empty value, or an indentless sequence
        value = next.text.startsWith('- ') ? blockSeq(next.indent) : blockMap(next.indent);
      }
      map.items.push(new Pair(key, value));
      end = value.range![2];
    }
    if (start === -1) throw new Bail();
    map.range = [start, end, end];
    depth--;
    return map;
  };

  /**
   * A folded (`>`) or literal (`|`) block scalar whose lines all share one indentation: folded
   * lines join with spaces, literal ones with line breaks; `-` strips the final line break.
   */
  const blockScalar = (header: string, at: number, parentIndent: number): Scalar => {
    const body: Line[] = [];
    while (i < lines.length && lines[i]!.indent > parentIndent) body.push(lines[i++]!);
    const first = body[0];
    const last = body[body.length - 1];
    if (!first || !last || body.some((l) => l.indent !== first.indent)) throw new Bail();
    const strip = header.endsWith('-');
    // a kept final line break needs one to keep
    if (!strip && last.next === last.start + last.indent + last.text.length) throw new Bail();
    const value = body.map((l) => l.text).join(header.startsWith('>') ? ' ' : '\n') + (strip ? '' : '\n');
    return scalar(value, value, header.startsWith('>') ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', [
      at,
      last.next,
      last.next,
    ]);
  };

  const blockSeq = (indent: number): YAMLSeq => {
    enter();
    const seq = new YAMLSeq();
    let start = -1;
    let end = -1;
    while (i < lines.length) {
      const line = lines[i]!;
      if (line.indent !== indent || !line.text.startsWith('- ')) break;
      if (start === -1) start = line.start + indent;
      const rest = line.text.slice(2);
      if (rest === '' || rest.startsWith(' ')) throw new Bail();
      let item: Node;
      if (KEY.test(rest) && !rest.startsWith('[') && !rest.startsWith('{') && !inlineString(rest)) {
        // "- key: value" opens a mapping whose further keys are indented to the key
        item = blockMap(indent + 2, { line, col: indent + 2 });
      } else {
        item = inlineValue(rest, line.start + indent + 2, line);
        i++;
      }
      seq.items.push(item);
      end = item.range![2];
    }
    seq.range = [start, end, end];
    depth--;
    return seq;
  };

  try {
    const contents = lines[0]!.text.startsWith('- ') ? blockSeq(0) : blockMap(0);
    if (i !== lines.length) return undefined;
    if (comments.length) {
      const firstKey = isMap(contents) ? contents.items[0]?.key : undefined;
      if (!isScalar(firstKey)) return undefined;
      firstKey.commentBefore = comments.join('\n');
    }
    const doc = new Document() as Document.Parsed;
    doc.contents = contents as Document.Parsed['contents'];
    doc.range = [contentStart, text.length, text.length];
    return doc;
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}
