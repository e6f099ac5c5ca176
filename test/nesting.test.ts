/**
 * Deep nesting never crashes anything: hostile inputs made here (thousands of nested block quotes,
 * lists a thousand deep with 2- and 4-space indentation and CRLF line endings, mixes) compile to one
 * positioned nesting-depth error in reasonable time, the tree walks cope with any depth, and a
 * description nested right up to the limit renders in every format.
 */
import type { Blockquote, Emphasis, Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { resultInline } from '../src/model/duties.js';
import { cutDeepLines, firstTooDeep, MAX_NESTING } from '../src/parse/nesting.js';
import { toPlainText } from '../src/util/mdast-text.js';
import { forEachNode } from '../src/util/mdast-walk.js';
import { loadRenderer } from '../src/render/index.js';
import { OUTPUT_FORMATS } from '../src/render/types.js';
import { compileRef, expectOnly, only, REFERENCE, replace } from './helpers.js';

const ANCHOR = '## Töövahendid\n\n';
/** The reference with `block` as the first content of "## Töövahendid", which is line 111. */
const withBlock = (block: string): string => replace(REFERENCE, ANCHOR, `${ANCHOR}${block}\n\n`);
const LINE = 111;
const nestedList = (n: number, w: number, marker = '-'): string =>
  Array.from({ length: n }, (_, i) => `${' '.repeat(i * w)}${marker} tase ${i + 1}`).join('\n');
const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

describe('deep nesting through compileSource', () => {
  const cases: Array<[string, string, number, number]> = [
    ['10,000 nested block quotes on one line', `${'>'.repeat(10_000)} x`, LINE, 33],
    ['100,000 nested block quotes on one line', `${'>'.repeat(100_000)} x`, LINE, 33],
    ['10,000 block quotes written "> > >"', `${'> '.repeat(10_000)}x`, LINE, 65],
    ['2,000 nested block quotes', `${'>'.repeat(2_000)} x`, LINE, 33],
    [
      '1,400 block quotes, one more on each line',
      Array.from({ length: 1_400 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
      LINE + 32,
      33,
    ],
    ['a list 1,000 deep, 2-space indentation', nestedList(1_000, 2), LINE + 32, 65],
    ['a list 700 deep, 4-space indentation', nestedList(700, 4), LINE + 32, 129],
    ['a numbered list 500 deep', nestedList(500, 3, '1.'), LINE + 32, 97],
    [
      'list items holding block quotes, 500 deep',
      Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- > x`).join('\n'),
      LINE + 31,
      65,
    ],
    [
      '10,000 lines each 65 block quotes deep',
      Array(10_000)
        .fill(`${'>'.repeat(65)} x`)
        .join('\n'),
      LINE,
      33,
    ],
  ];
  for (const [name, block, line, column] of cases) {
    for (const eol of ['LF', 'CRLF'] as const) {
      it(`${name} (${eol}): one nesting-depth error at ${line}:${column}, the rest of the file still read`, () => {
        const text = eol === 'LF' ? withBlock(block) : crlf(withBlock(block));
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
        const r = compileRef(text);
        const d = only(r, 'nesting-depth');
        expect([d.line, d.column, d.severity]).toEqual([line, column, 'error']);
        expect(d.message).toMatch(/on siin (vähemalt )?\d+ taset üksteise sees; lubatud on kuni 32/);
        expectOnly(r, 'nesting-depth');
        expect(r.model).toBeUndefined();
      }, 60_000);
    }
  }

  it('an unclosed frontmatter and a deep body: both reported', () => {
    const text = `---\ntitle: x\n\n## Tööülesanded\n\n${'>'.repeat(50_000)} x\n\n${nestedList(800, 2)}\n`;
    const r = compileRef(text);
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '1:1 frontmatter',
      '6:33 nesting-depth',
      // the 800-deep list is a task whose result holds a list: true of the part that was read
      '10:5 unsupported-markdown',
    ]);
  });

  it('a 4-space list 1,000 deep is too large to read at all (2 MB): file-too-large, no crash', () => {
    const r = compileRef(withBlock(nestedList(1_000, 4)));
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['file-too-large']);
  });
});

describe('tree walks at any depth', () => {
  /** A hand-made tree 100,000 block quotes deep with emphasis 100,000 deep inside. */
  function deepTree(n: number): Root {
    let inline: Emphasis | { type: 'text'; value: string } = { type: 'text', value: 'x' };
    for (let i = 0; i < n; i++) inline = { type: 'emphasis', children: [inline] } as Emphasis;
    let block: Blockquote | { type: 'paragraph'; children: Emphasis[] } = {
      type: 'paragraph',
      children: [inline as Emphasis],
    };
    for (let i = 0; i < n; i++) block = { type: 'blockquote', children: [block] } as Blockquote;
    return { type: 'root', children: [block as Blockquote] };
  }

  it('forEachNode, toPlainText, firstTooDeep and resultInline do not recurse', () => {
    const tree = deepTree(100_000);
    let count = 0;
    forEachNode(tree, () => {
      count++;
    });
    expect(count).toBe(1 + 100_000 + 1 + 100_000 + 1);
    expect(toPlainText(tree)).toBe('x');
    const found = firstTooDeep(tree)!;
    expect(found.depth).toBe(200_000);
    const item = { type: 'listItem', children: tree.children } as Nodes;
    expect(resultInline(item as never)).toHaveLength(1);
  });

  it('toPlainText keeps document order and turns breaks into spaces', () => {
    const tree = compileRef(withBlock('Üks *kaks **kolm*** neli  \nviis')).source!.tree;
    const para = tree.children.find((n) => n.type === 'paragraph' && toPlainText(n).startsWith('Üks'))!;
    expect(toPlainText(para)).toBe('Üks kaks kolm neli viis');
  });

  it('cutDeepLines keeps every line, and the frontmatter, and does nothing to shallow text', () => {
    const text = `---\nx: ${'>'.repeat(50)}\n---\n${'>'.repeat(50)} a\r\nb\n${'- '.repeat(50)}c\n`;
    const cut = cutDeepLines(text, MAX_NESTING + 1)!;
    expect(cut.split('\n').length).toBe(text.split('\n').length);
    expect(cut.split('\n')[1]).toBe(`x: ${'>'.repeat(50)}`);
    expect(cut.split('\n')[3]).toBe(`${'>'.repeat(34)}\r`);
    expect(cut.split('\n')[4]).toBe('b');
    expect(cutDeepLines(REFERENCE, MAX_NESTING + 1)).toBeUndefined();
  });
});

describe('nested right up to the limit', () => {
  it('renders as PDF, HTML and DOCX', async () => {
    const block = [
      `${'>'.repeat(MAX_NESTING - 1)} *kaldkiri*`,
      '',
      nestedList(MAX_NESTING, 2),
      '',
      Array.from({ length: MAX_NESTING / 2 }, (_, i) => `${'  '.repeat(i)}- > x`).join('\n'),
    ].join('\n');
    const r = compileRef(withBlock(block));
    expect(r.errorCount).toBe(0);
    for (const format of OUTPUT_FORMATS) {
      const render = await loadRenderer(format);
      const bytes = await render(r.model!, { date: new Date(Date.UTC(2026, 0, 1)), toolVersion: 'test' });
      expect(bytes.byteLength, format).toBeGreaterThan(1000);
    }
  }, 60_000);
});
