import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, expectOnly, only, REFERENCE, replace } from '../../../test/helpers.js';

describe('text-before-heading', () => {
  it('reports a title and text before the first section at the first of them', () => {
    const r = compileRef(
      replace(REFERENCE, '## Töökoha eesmärk', '# Ametijuhend\n\nSissejuhatus.\n\n## Töökoha eesmärk'),
    );
    const d = only(r, 'text-before-heading');
    expect([d.line, d.column, d.severity]).toEqual([45, 1, 'error']);
    expect(d.message).toContain('„# Ametijuhend“');
    expect(d.message).toContain('„## “');
    expectOnly(r, 'text-before-heading');
    expect(
      only(
        compileRef(replace(REFERENCE, '## Töökoha eesmärk', 'Tekst.\n\n## Töökoha eesmärk'), { lang: 'en' }),
        'text-before-heading',
      ).message,
    ).toContain('The text "Tekst." comes before the first section');
  });

  it('allows an HTML comment before the first section', () => {
    expectClean(
      compileRef(replace(REFERENCE, '## Töökoha eesmärk', '<!-- mall v2 -->\n\n## Töökoha eesmärk')),
    );
  });
});
