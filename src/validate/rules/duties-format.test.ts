import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, expectOnly, only, REFERENCE, replace } from '../../../test/helpers.js';

const DUTIES = /## Tööülesanded\n\n[\s\S]*?\n## Õigused/;

describe('duties-format', () => {
  it('reports duties without any list at the heading', () => {
    const text = replace(REFERENCE, DUTIES, '## Tööülesanded\n\nTeeb kõike, mis vaja.\n\n## Õigused');
    const r = compileRef(text);
    const d = only(r, 'duties-format');
    expect([d.line, d.column, d.severity]).toEqual([54, 1, 'error']);
    expect(d.message).toContain('„Tööülesanded“');
    expect(d.message).toContain('1. …');
    expectOnly(r, 'duties-format');
    expect(only(compileRef(text, { lang: 'en' }), 'duties-format').message).toContain(
      '"Tööülesanded" has no list of tasks',
    );
  });

  it('names the heading as written (an alias, numbered)', () => {
    const text = replace(REFERENCE, DUTIES, '## 3. Põhiülesanded\n\nTeeb kõike.\n\n## Õigused');
    expect(only(compileRef(text), 'duties-format').message).toContain('„3. Põhiülesanded“');
  });

  it('reports a task item that starts with a list', () => {
    const text = replace(REFERENCE, '2. Osalemine koolituste', '2. - Osalemine koolituste');
    const d = only(compileRef(text), 'duties-format');
    expect([d.line, d.column]).toEqual([59, 1]);
    expect(d.message).toContain('punkt 2');
  });

  it('reports content after the list of tasks', () => {
    const text = replace(REFERENCE, '## Õigused', 'Lõpumärkus.\n\n## Õigused');
    const d = only(compileRef(text), 'duties-format');
    expect([d.line, d.column]).toEqual([87, 1]);
  });

  it('accepts a lead-in paragraph, duties without results and an HTML comment after the list', () => {
    expectClean(
      compileRef(replace(REFERENCE, '## Tööülesanded\n', '## Tööülesanded\n\nTöötaja ülesanded:\n')),
    );
    const plain = replace(
      REFERENCE,
      DUTIES,
      '## Tööülesanded\n\n1. Esimene.\n2. Teine.\n\n<!-- märkus -->\n\n## Õigused',
    );
    const r = compileRef(plain);
    expectClean(r);
    expect(r.model?.sections.duties?.hasResults).toBe(false);
  });
});
