import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempTree } from '../../../test/cli.js';
import {
  BASE_CONFIG,
  compileInProject,
  compileRef,
  expectClean,
  expectOnly,
  ofRule,
  only,
  REFERENCE,
  replace,
  ROOT,
} from '../../../test/helpers.js';
import { scanMarkdownLimits } from '../../parse/limits.js';
import { BODY_RULES, MARKDOWN_LIMITS } from './markdown-limit.js';

/** The reference document with `block` as the first content of "## Töövahendid" (line 109). */
const withBlock = (block: string): string =>
  replace(REFERENCE, '## Töövahendid\n\n', `## Töövahendid\n\n${block}\n\n`);
const LINE = 111;
/** The text after the frontmatter. */
const bodyOf = (text: string): string => text.slice(text.indexOf('\n---', 3));
/** List items and block quotes (each opens one container) in a text. */
const items = (text: string): number =>
  text.split('\n').filter((l) => /^\s*(?:[-*+]|\d+\.) |^>/.test(l)).length;
const OWN = items(bodyOf(REFERENCE));
/** Those before the inserted block. */
const BEFORE = items(bodyOf(REFERENCE).slice(0, bodyOf(REFERENCE).indexOf('## Töövahendid\n')));
/** `n` duties with one result each: 2n list items, the shape every description has. */
const duties = (n: number): string => '1. Ülesanne\n   - tulemus\n'.repeat(n).trimEnd();

describe('markdown-limit', () => {
  it('has the limits the README names', () => {
    expect(MARKDOWN_LIMITS).toEqual({
      containers: 2000,
      blocks: 10000,
      headings: 1000,
      emphasis: 500,
      links: 500,
      marks: 20000,
    });
    // the count of the reference's own list items matches the scanner's (the under-limit case relies on it)
    expect(OWN).toBeGreaterThan(10);
  });

  it('compiles a description just under every limit without it', () => {
    // exactly 2,000 list items, with an odd empty item (which sends the file to micromark)
    const items = 2000 - OWN - 1;
    expectClean(compileRef(withBlock(`${'- x\n'.repeat(items)}-`)));
    // 500 emphasis marks and 500 brackets in one paragraph, in many paragraphs
    const para = `${'*a* '.repeat(250)}\n\n${'[a](https://a.ee) '.repeat(500)}`;
    const r = compileRef(withBlock(para));
    expect(r.diagnostics.map((d) => d.rule)).not.toContain('markdown-limit');
    expect(r.errorCount).toBe(0);
    expect(r.model).toBeDefined();
  });

  it('stops 56,000 duties with one odd line at the 2,001st list item, at once (micromark took minutes)', () => {
    const block = `${duties(26_000)}\n1.\n`;
    const text = withBlock(block);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    const r = compileRef(text);
    const d = only(r, 'markdown-limit');
    // the 2,001st item: the block's (2000 - OWN + 1)th, at its marker
    const nth = 2000 - BEFORE + 1;
    expect([d.line, d.column, d.severity]).toEqual([LINE + nth - 1, nth % 2 ? 1 : 4, 'error']);
    expect(d.message).toBe(
      'Tekstis on üle 2000 loendipunkti ja tsitaadi; ametijuhendis on neid palju vähem: jaga see mitmeks. Sellest reast alates teksti ei loeta.',
    );
    // one error: the sections after the cut are not reported missing
    expectOnly(r, 'markdown-limit');
    expect(r.model).toBeUndefined();
    // the text before the line is parsed, positions as in the file
    expect(r.source!.sections.map((s) => s.text)).toContain('Töövahendid');
    const en = only(compileRef(text, { lang: 'en' }), 'markdown-limit');
    expect(en.message).toBe(
      'More than 2,000 list items and block quotes: a job description has far fewer; split it. The text from this line on is not read.',
    );
  }, 60_000);

  it('stops the duties-with-empty-items-and-lazy-lines shape', () => {
    const r = compileRef(withBlock('1. Ülesanne\n   - tulemus\n1.\n2. muu\nlaisk\n'.repeat(20_000)));
    const d = only(r, 'markdown-limit');
    expect(d.message).toContain('2000 loendipunkti');
    expectOnly(r, 'markdown-limit');
  }, 60_000);

  it('stops many block quotes', () => {
    const r = compileRef(withBlock('> tsitaat\n\n'.repeat(20_000)));
    const d = only(r, 'markdown-limit');
    expect([d.line, d.column]).toEqual([LINE + 2 * (2000 - BEFORE), 1]);
  }, 60_000);

  it('stops nested and flat emphasis at the 501st mark of one paragraph', () => {
    for (const [open, close] of [
      ['*a ', ' a*'],
      ['**a ', ' a**'],
      ['*a* ', ''],
      ['*_', ''],
    ] as const) {
      const n = 100_000 / open.length;
      const line = `${open.repeat(n)}b${close.repeat(n)}`;
      const r = compileRef(withBlock(line));
      const d = only(r, 'markdown-limit');
      // the 501st run of `*` or `_` on that line
      const runs = [...line.matchAll(/\*+|_+/g)];
      expect([d.line, d.column]).toEqual([LINE, runs[500]!.index + 1]);
      expect(d.message).toContain('üle 500 rõhutusmärgi');
      expectOnly(r, 'markdown-limit');
    }
    // across blank lines the count starts again
    expectClean(compileRef(withBlock(`${'*a* '.repeat(200)}\n\n`.repeat(40))));
  }, 60_000);

  it('counts each `*` past the third of a long run: 20,000 each side of a word (micromark took 30 s)', () => {
    const line = `${'*'.repeat(20_000)}b${'*'.repeat(20_000)}`;
    const r = compileRef(withBlock(line));
    const d = only(r, 'markdown-limit');
    // the first marker and the next two are one mark, then each `*` one more: the 503rd `*`
    expect([d.line, d.column]).toEqual([LINE, 503]);
    expect(d.message).toContain('üle 500 rõhutusmärgi');
    expectOnly(r, 'markdown-limit');
    // bold italics (`***`) still count once
    expectClean(compileRef(withBlock(`${'***a*** '.repeat(250)}`)));
    expect(ofRule(compileRef(withBlock(`${'***a*** '.repeat(251)}`)), 'markdown-limit')).toHaveLength(1);
  }, 60_000);

  it('stops 5,000 nested images and 5,000 nested links at the 501st `[`', () => {
    for (const open of ['![', '[']) {
      const line = `${open.repeat(5000)}x${'](u)'.repeat(5000)}`;
      const d = only(compileRef(withBlock(line)), 'markdown-limit');
      expect([d.line, d.column]).toEqual([LINE, 500 * open.length + open.length]);
      expect(d.message).toContain('üle 500 nurksulu');
    }
  }, 60_000);

  it('stops the 501st `[` of one paragraph', () => {
    const r = compileRef(withBlock('[a]('.repeat(50_000)));
    const d = only(r, 'markdown-limit');
    expect([d.line, d.column]).toEqual([LINE, 500 * 4 + 1]);
    expect(d.message).toContain('üle 500 nurksulu');
  }, 60_000);

  it('stops the 1,001st heading (underlined ones too)', () => {
    const r = compileRef(withBlock('Pealkiri\n---\n'.repeat(20_000)));
    const d = only(r, 'markdown-limit');
    const own = bodyOf(REFERENCE.slice(0, REFERENCE.indexOf('## Töövahendid\n')))
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l)).length;
    expect([d.line, d.column]).toEqual([LINE + 2 * (1000 - own - 1) + 1, 1]);
    expect(d.message).toContain('üle 1000 pealkirja');
  }, 60_000);

  it('stops the 10,001st paragraph (each costs the parser time)', () => {
    const text = withBlock(`${'x\n\n'.repeat(300_000)}1.`);
    const r = compileRef(text);
    const d = only(r, 'markdown-limit');
    // blocks before the inserted one: non-blank lines after a blank one, up to and with the heading
    const lines = REFERENCE.slice(
      REFERENCE.indexOf('\n---', 3) + 5,
      REFERENCE.indexOf('## Töövahendid\n') + 1,
    ).split('\n');
    const own = lines.filter((l, i) => l.trim() !== '' && (i === 0 || lines[i - 1]!.trim() === '')).length;
    expect([d.line, d.column]).toEqual([LINE + 2 * (10_000 - own), 1]);
    expect(text.split('\n')[d.line - 1]).toBe('x');
    expect(d.message).toContain('üle 10 000 lõigu');
    expectOnly(r, 'markdown-limit');
  }, 60_000);

  it('stops more than 20,000 marks in all', () => {
    const r = compileRef(withBlock('a &amp; \\* `b` <c>\n\n'.repeat(10_000)));
    const d = only(r, 'markdown-limit');
    expect(d.message).toContain('üle 20 000 Markdowni märgi');
    expectOnly(r, 'markdown-limit');
  }, 60_000);

  it('still reports the frontmatter, and cannot be turned off', () => {
    const broken = replace(withBlock('*a '.repeat(600)), /^reportsTo:.*\n/m, '');
    const r = compileRef(broken);
    expect(r.diagnostics.map((d) => d.rule).sort()).toEqual(['markdown-limit', 'missing-key']);
    // an unclosed frontmatter: both reported
    const unclosed = compileRef(`---\ntitle: x\n\n## Eesmärk\n\n${'*a '.repeat(600)}\n`);
    expect(unclosed.diagnostics.map((d) => d.rule)).toEqual(['frontmatter', 'markdown-limit']);
    expect(only(unclosed, 'markdown-limit').line).toBe(6);
    for (const setting of ['off', 'warning']) {
      const p = compileInProject(
        withBlock('*a '.repeat(600)),
        `${BASE_CONFIG}rules:\n  markdown-limit: ${setting}\n`,
      );
      expect(only(p, 'markdown-limit').severity).toBe('error');
      expect(p.model).toBeUndefined();
    }
  });

  it('lists every rule that reads the body among the rules skipped past a limit', () => {
    const dir = join(ROOT, 'src', 'validate', 'rules');
    const readers = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /source\.(?:sections|tree|preamble|text)\b/.test(readFileSync(join(dir, f), 'utf8')))
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((id) => id !== 'nesting-depth');
    expect([...BODY_RULES].sort()).toEqual(readers.sort());
  });

  it('scans the body only, past a closed frontmatter', () => {
    const fm = `---\ntitle: ${'*a '.repeat(600)}\n---\n`;
    expect(scanMarkdownLimits(fm)).toBeUndefined();
    expect(scanMarkdownLimits(`${fm}x\n${'[ '.repeat(501)}`)).toMatchObject({
      kind: 'links',
      line: 5,
      column: 1001,
    });
  });

  it('reports through `check` on the command line, at once', () => {
    const dir = tempTree({ 'ametijuhend.md': withBlock(`${duties(26_000)}\n1.\n`) });
    const r = cli(['check', 'ametijuhend.md'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/ametijuhend\.md:\d+:\d+.*üle 2000 loendipunkti/);
  }, 60_000);
});
