import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, only, REFERENCE, replace } from '../../../test/helpers.js';

describe('duplicate-section', () => {
  it('reports a section given twice under different headings, naming the first line', () => {
    const text = replace(
      REFERENCE,
      '## Töövahendid',
      '## Põhiülesanded\n\n1. Veel üks ülesanne.\n   - Tehtud.\n\n## Töövahendid',
    );
    const r = compileRef(text);
    const d = only(r, 'duplicate-section');
    expect([d.line, d.column, d.severity]).toEqual([109, 1, 'error']);
    expect(d.message).toContain('„Põhiülesanded“');
    expect(d.message).toContain('rida 54');
    const en = only(compileRef(text, { lang: 'en' }), 'duplicate-section');
    expect(en.message).toContain('"Põhiülesanded" is already there (line 54)');
  });

  it('reports the same heading repeated', () => {
    const d = only(compileRef(`${REFERENCE}\n## Vastutus\n\nVeel.\n`), 'duplicate-section');
    expect([d.line, d.column]).toEqual([118, 1]);
    expect(d.message).toContain('rida 98');
  });

  it('stays silent when every section appears once', () => {
    expectClean(compileRef(REFERENCE));
  });
});
