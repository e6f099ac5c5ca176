import { describe, expect, it } from 'vitest';
import {
  BASE_CONFIG,
  compileInProject,
  compileRef,
  expectClean,
  expectOnly,
  only,
  REFERENCE,
  replace,
} from '../../../test/helpers.js';
import { MAX_NESTING } from './nesting-depth.js';

/** The reference document with `block` as the first content of "## Töövahendid" (line 109). */
const withBlock = (block: string): string =>
  replace(REFERENCE, '## Töövahendid\n\n', `## Töövahendid\n\n${block}\n\n`);
const LINE = 111;
/** A bullet list nested `n` deep, each level indented `w` spaces more. */
const nestedList = (n: number, w: number): string =>
  Array.from({ length: n }, (_, i) => `${' '.repeat(i * w)}- tase ${i + 1}`).join('\n');

describe('nesting-depth', () => {
  it('accepts block quotes and lists nested exactly to the limit (a list level counts once)', () => {
    expect(MAX_NESTING).toBe(32);
    expectClean(compileRef(withBlock(`${'>'.repeat(32)} tsitaat`)));
    expectClean(compileRef(withBlock(nestedList(32, 2))));
    // four-space indentation makes the prefix wide, not deep
    expectClean(compileRef(withBlock(nestedList(32, 4))));
    // 31 list levels and emphasis inside
    expectClean(compileRef(withBlock(`${nestedList(30, 2)}\n${' '.repeat(60)}- *kaldkiri*`)));
  });

  it('reports the first block quote past the limit, at its `>`, with depth and limit', () => {
    const r = compileRef(withBlock(`${'>'.repeat(33)} tsitaat`));
    const d = only(r, 'nesting-depth');
    expect([d.line, d.column, d.severity]).toEqual([LINE, 33, 'error']);
    expect(d.message).toBe(
      'Tsitaadid, loendid ja rõhutused on siin 33 taset üksteise sees; lubatud on kuni 32: tee sisu lamedamaks.',
    );
    expectOnly(r, 'nesting-depth');
    expect(r.model).toBeUndefined();
    const en = only(compileRef(withBlock(`${'>'.repeat(33)} quote`), { lang: 'en' }), 'nesting-depth');
    expect(en.message).toBe(
      'Block quotes, lists and emphasis are nested 33 levels deep here; at most 32 are allowed: flatten the content.',
    );
    expect(en.column).toBe(33);
  });

  it('reports the first list item past the limit, on its own line', () => {
    const d = only(compileRef(withBlock(nestedList(33, 4))), 'nesting-depth');
    expect([d.line, d.column]).toEqual([LINE + 32, 32 * 4 + 1]);
    expect(d.message).toContain(' 33 taset');
    // deeper still: the lines past the limit are not parsed in full, so the depth is a lower bound
    const deeper = only(compileRef(withBlock(nestedList(40, 4))), 'nesting-depth');
    expect([deeper.line, deeper.column]).toEqual([LINE + 32, 32 * 4 + 1]);
    expect(deeper.message).toContain('vähemalt 33 taset');
  });

  it('counts emphasis, links and block quotes inside list items together', () => {
    const em = `${'*a '.repeat(40)}x${'* a'.repeat(39)}*`;
    const d = only(compileRef(withBlock(em)), 'nesting-depth');
    expect([d.line, d.column]).toEqual([LINE, 32 * 3 + 1]);
    // each line opens a list item in the one before and a block quote in it: line 32's quote is level 33
    const mixed = Array.from({ length: 40 }, (_, i) => `${'   '.repeat(i)}- > x`).join('\n');
    const m = only(compileRef(withBlock(mixed)), 'nesting-depth');
    expect([m.line, m.column]).toEqual([LINE + 31, 31 * 3 + 3]);
  });

  it('reads what is not nested at all as not nested: code, thematic breaks, wide indentation', () => {
    const code = `\`\`\`\n${'>'.repeat(200)}\n${'- '.repeat(100)}x\n\`\`\``;
    const r = compileRef(withBlock(code));
    expectClean(r);
    expect(JSON.stringify(r.model)).toContain('>'.repeat(200));
    expectClean(compileRef(withBlock(`Tekst.\n\n${'* '.repeat(100)}\n\nVeel.`)));
  });

  it('reports 10,000 nested block quotes once, keeps reading the sections after it and the frontmatter', () => {
    const text = withBlock(`${'>'.repeat(10_000)} x`);
    const r = compileRef(text);
    const d = only(r, 'nesting-depth');
    expect([d.line, d.column]).toEqual([LINE, 33]);
    expect(d.message).toContain('vähemalt');
    expectOnly(r, 'nesting-depth'); // no missing-section: the sections after the deep line are read
    const broken = compileRef(replace(text, 'reportsTo: Tiimijuht', 'reportsTo: [katki'));
    expect(broken.diagnostics.map((x) => x.rule)).toContain('yaml-syntax');
    expect(broken.diagnostics.map((x) => x.rule)).toContain('nesting-depth');
  });

  it('stays an error when the config turns it off or down: nothing too deep is ever built', () => {
    for (const setting of ['off', 'warning']) {
      const r = compileInProject(
        withBlock(`${'>'.repeat(40)} x`),
        `${BASE_CONFIG}rules:\n  nesting-depth: ${setting}\n`,
      );
      const d = only(r, 'nesting-depth');
      expect(d.severity).toBe('error');
      expect(r.model).toBeUndefined();
    }
  });
});
