/**
 * The last stage of `ametijuhend import`: a Draft (src/import/types.ts) into the text of a FORMAT v1
 * description: YAML frontmatter (through the yaml package's Document API, so the reviewer's comments
 * sit before the key or list item they are about), then the `##` sections in the Draft's order.
 *
 * All Draft text is plain text. Everything Markdown would read as markup is escaped, so that the
 * text parses back to exactly what the Draft holds (after `normaliseText`, the whitespace that
 * Markdown cannot keep): emphasis and code characters, brackets, `<` (raw HTML, autolinks), entity
 * references, table pipes, and what starts a block at the start of a line (`#`, `>`, `-`, `+`, `=`,
 * `1.`, `1)`). A review block becomes an HTML comment, which no output shows.
 */
import { Document, isMap, isScalar, isSeq, Scalar, type Node as YamlNode } from 'yaml';
import type { Draft, DraftBlock, DraftListItem, DraftSection, DraftTask } from './types.js';

/** FORMAT v1's frontmatter keys in its table's order; keys of nested maps by their parent. */
const KEY_ORDER: Readonly<Record<string, readonly string[]>> = {
  '': [
    'title',
    'unit',
    'reportsTo',
    'substitutedBy',
    'substitutes',
    'organisation',
    'lang',
    'id',
    'kind',
    'approval',
    'version',
    'reviewed',
    'requirements',
    'signatures',
  ],
  approval: ['by', 'directive', 'date'],
  requirements: [
    'education',
    'experience',
    'languages',
    'computerSkills',
    'competencies',
    'additionalCompetencies',
    'knowledge',
  ],
  languages: ['lang', 'level', 'note'],
  competencies: ['name', 'indicators'],
  additionalCompetencies: ['name', 'indicators'],
  signatures: ['employer', 'employee'],
  employer: ['name', 'role'],
  employee: ['name', 'role'],
};

/** Strings longer than this are written as folded block scalars (`>-`), like the reference document. */
const FOLD_AFTER = 80;
const LINE_WIDTH = 90;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** `value` with its maps' keys in FORMAT's order (unknown keys after, as given); absent values dropped. */
function ordered(value: unknown, key: string): unknown {
  if (Array.isArray(value))
    return value.filter((v) => v !== undefined && v !== null).map((v) => ordered(v, key));
  if (!isPlainObject(value)) return value;
  const order = KEY_ORDER[key] ?? [];
  const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = value[k];
    if (v === undefined || v === null) continue;
    out[k] = ordered(v, k);
  }
  return out;
}

/** Long single-line strings folded (`>-`) where YAML can fold them back to the same text. */
function foldLongStrings(node: unknown): void {
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isScalar(item)) foldScalar(item);
      else if (item && typeof item === 'object' && 'value' in item) {
        const v = (item as { value: unknown }).value;
        if (isScalar(v)) foldScalar(v);
        else foldLongStrings(v);
      } else foldLongStrings(item);
    }
  }
}

function foldScalar(s: Scalar): void {
  const v = s.value;
  // a fold keeps the text only when no line starts or ends with a space and there is no line break
  if (typeof v === 'string' && v.length > FOLD_AFTER && !/\n|\s\s|^\s|\s$/.test(v))
    s.type = Scalar.BLOCK_FOLDED;
}

/** A YAML comment's text: one space after the `#`, each line its own comment line. */
const commentText = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => ` ${line.trim()}`.trimEnd() || ' ')
    .join('\n');

/** Puts each Draft comment before the key or list item at its path (unknown paths: at the top). */
function addComments(doc: Document, comments: Draft['comments']): void {
  const top: string[] = [];
  for (const { path, text } of comments ?? []) {
    const target = commentTarget(doc, path);
    const comment = commentText(text);
    if (target) target.commentBefore = target.commentBefore ? `${target.commentBefore}\n${comment}` : comment;
    else top.push(comment);
  }
  if (top.length) doc.commentBefore = [doc.commentBefore, ...top].filter(Boolean).join('\n');
}

/** The node a comment before `path` belongs to: the key's node in a map, the item in a list. */
function commentTarget(doc: Document, path: readonly (string | number)[]): YamlNode | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1]!;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    return pair && isScalar(pair.key) ? pair.key : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last];
    return isScalar(item) || isMap(item) || isSeq(item) ? item : undefined;
  }
  return undefined;
}

/** The frontmatter block, `---` to `---`. */
export function writeFrontmatter(draft: Pick<Draft, 'frontmatter' | 'comments'>): string {
  const doc = new Document(ordered(draft.frontmatter, ''));
  foldLongStrings(doc.contents);
  addComments(doc, draft.comments);
  const yaml = doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 20, indentSeq: true });
  return `---\n${yaml === '{}\n' ? '' : yaml}---\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown text

/**
 * The text as Markdown keeps it: line breaks as "\n" (CR LF and CR too), each line with its runs
 * of spaces and tabs made one space and trimmed, empty lines and control characters dropped.
 * `writeMarkdown` writes every text this way; what the Markdown parses back is this text.
 */
export function normaliseText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n')
  );
}

/** The text on one line (a heading, a table cell): its line breaks as spaces. */
export const oneLine = (text: string): string => normaliseText(text).replace(/\n/g, ' ');

const ENTITY = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;

/** Inline escapes: what Markdown reads as markup anywhere in a line. */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<|]/g, '\\$&')
    .replace(/~(?=~)/g, '\\~')
    .replace(ENTITY, '\\&');
}

/** What would open a block at the start of a line (after the inline escapes). */
const LINE_START = /^(?:[#>+=~-]|\d{1,9}(?=[.)]))/;

function escapeLineStart(line: string): string {
  const m = LINE_START.exec(line);
  if (!m) return line;
  // a number: escape the delimiter after it ("1\."), else the character itself
  return /^\d/.test(m[0]) ? `${m[0]}\\${line.slice(m[0].length)}` : `\\${line}`;
}

/** Plain text as Markdown lines (escaped), the first without indent, the rest indented by `indent`. */
function textLines(text: string, indent: string): string {
  return normaliseText(text)
    .split('\n')
    .map((line, i) => (i === 0 ? '' : indent) + escapeLineStart(escapeInline(line)))
    .join('\n');
}

/** A heading's text: on one line, and `#` escaped (a closing sequence would be dropped). */
function headingText(text: string): string {
  return escapeInline(oneLine(text)).replace(/#/g, '\\#');
}

const cell = (text: string): string => escapeInline(oneLine(text));

function table(block: Extract<DraftBlock, { type: 'table' }>, indent: string): string {
  const width = Math.max(1, block.header.length, ...block.rows.map((r) => r.length));
  const pad = (row: readonly string[]): string[] =>
    Array.from({ length: width }, (_, i) => cell(row[i] ?? ''));
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`.replace(/ {2}/g, ' ');
  const lines = [
    line(pad(block.header)),
    line(Array.from({ length: width }, () => '---')),
    ...block.rows.map((r) => line(pad(r))),
  ];
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

/** A review note as an HTML comment: no "--" inside (it could end the comment). */
function review(text: string, indent: string): string {
  let body = normaliseText(text);
  while (body.includes('--')) body = body.replace(/--/g, '- -');
  const lines = body.split('\n');
  return `<!-- ${lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n')} -->`;
}

/** Markers of a list: the second of two lists in a row takes the other marker, or they would merge. */
interface ListStyle {
  bullet: '-' | '*';
  delimiter: '.' | ')';
}

/** Blocks in order, separated by blank lines; every line after the first indented by `indent`. */
function blocks(list: readonly DraftBlock[], indent: string): string {
  const out: string[] = [];
  let previous: DraftBlock | undefined;
  let alternate = false;
  for (const block of list) {
    if (block.type === 'paragraph' && normaliseText(block.text) === '') continue;
    if (block.type === 'list' && block.items.length === 0) continue;
    alternate =
      block.type === 'list' && previous?.type === 'list' && previous.ordered === block.ordered
        ? !alternate
        : false;
    out.push(
      blockText(block, indent, alternate ? { bullet: '*', delimiter: ')' } : { bullet: '-', delimiter: '.' }),
    );
    previous = block;
  }
  return out.join(`\n\n${indent}`);
}

function blockText(block: DraftBlock, indent: string, style: ListStyle): string {
  switch (block.type) {
    case 'paragraph':
      return textLines(block.text, indent);
    case 'table':
      return table(block, indent);
    case 'review':
      return review(block.text, indent);
    case 'list':
      return listText(block.items, block.ordered, indent, style);
  }
}

function listText(
  items: readonly DraftListItem[],
  isOrdered: boolean,
  indent: string,
  style: ListStyle,
): string {
  return items
    .map((item, i) => {
      const marker = isOrdered ? `${i + 1}${style.delimiter} ` : `${style.bullet} `;
      return itemText(marker, item.text, item.children ?? [], indent);
    })
    .join(`\n${indent}`);
}

/**
 * One list item: the marker and its text, then its children indented to the text. A list right
 * after the text stays tight (no blank line); other blocks are set off by a blank line.
 */
function itemText(marker: string, text: string, children: readonly DraftBlock[], indent: string): string {
  const inner = indent + ' '.repeat(marker.length);
  let out = `${marker}${textLines(text, inner)}`.trimEnd();
  const rest = children.filter((c) => !(c.type === 'paragraph' && normaliseText(c.text) === ''));
  if (rest.length === 0) return out;
  const first = rest[0]!;
  const tight = first.type === 'list';
  out += tight ? `\n${inner}` : `\n\n${inner}`;
  out += blocks(rest, inner);
  // a loose item's last block is followed by a blank line before the next item
  return tight && rest.length === 1 ? out : `${out}\n`;
}

function duties(tasks: readonly DraftTask[]): string {
  return tasks
    .map((t, i) => {
      const children: DraftBlock[] = [];
      if (t.results.length)
        children.push({ type: 'list', ordered: false, items: t.results.map((text) => ({ text })) });
      for (const b of t.more ?? []) children.push(b);
      return itemText(`${i + 1}. `, t.task, children, '');
    })
    .join('\n');
}

function section(s: DraftSection): string {
  const parts = [`## ${headingText(s.heading)}`];
  if (s.key === 'duties') {
    const intro = blocks(s.blocks ?? [], '');
    if (intro) parts.push(intro);
    if (s.tasks.length) parts.push(duties(s.tasks));
  } else {
    const body = blocks(s.blocks, '');
    if (body) parts.push(body);
  }
  // a loose item's own trailing blank line is not doubled
  return parts.map((p) => p.replace(/\n+$/, '')).join('\n\n');
}

/** The Draft as a FORMAT v1 description: frontmatter, then its sections; LF line ends, a final newline. */
export function writeMarkdown(draft: Draft): string {
  // no line of the body ends in spaces (two would be a hard line break)
  const body = draft.sections
    .map(section)
    .join('\n\n')
    .replace(/[ \t]+$/gm, '');
  return `${writeFrontmatter(draft)}${body ? `\n${body}\n` : ''}`;
}
