import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, expectOnly, only, REFERENCE, replace } from '../../../test/helpers.js';

const BODY = REFERENCE.slice(REFERENCE.indexOf('## Töökoha eesmärk'));

describe('frontmatter', () => {
  it('reports missing frontmatter at 1:1, and nothing about the body', () => {
    const r = compileRef(BODY);
    const d = only(r, 'frontmatter');
    expect([d.line, d.column, d.severity]).toEqual([1, 1, 'error']);
    expect(d.message).toContain('„---“');
    expectOnly(r, 'frontmatter');
    expect(only(compileRef(BODY, { lang: 'en' }), 'frontmatter').message).toContain(
      'The frontmatter is missing',
    );
  });

  it('reports frontmatter that is not at the start of the file', () => {
    const d = only(compileRef(`\n${REFERENCE}`), 'frontmatter');
    expect([d.line, d.column]).toEqual([1, 1]);
  });

  it('reports unclosed frontmatter at the opening line, without follow-up errors', () => {
    const text = replace(REFERENCE, 'employee: Helen Raja\n---\n', 'employee: Helen Raja\n');
    const r = compileRef(text);
    const d = only(r, 'frontmatter');
    expect([d.line, d.column]).toEqual([1, 1]);
    expect(d.message).toContain('pole suletud');
    expect(r.diagnostics).toHaveLength(1);
    expect(only(compileRef(text, { lang: 'en' }), 'frontmatter').message).toContain('not closed');
  });

  it('still checks the body of a file with unclosed frontmatter, at the right lines', () => {
    const text = replace(
      replace(REFERENCE, 'employee: Helen Raja\n---\n', 'employee: Helen Raja\n'),
      '## Vastutus',
      '## Vastutuss',
    );
    const d = only(compileRef(text), 'unknown-section');
    expect(d.line).toBe(97);
  });

  it('reports a file that is only an opening fence', () => {
    expect(only(compileRef('---\n'), 'frontmatter').message).toContain('pole suletud');
  });

  it('stays silent for a document with frontmatter', () => {
    expectClean(compileRef(REFERENCE));
  });
});
