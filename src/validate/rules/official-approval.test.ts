import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, only, REFERENCE, replace } from '../../../test/helpers.js';

describe('official-approval', () => {
  it('warns at kind when an official has no approval; the model is still built', () => {
    const r = compileRef(replace(REFERENCE, 'reportsTo:', 'kind: official\nreportsTo:'));
    const d = only(r, 'official-approval');
    expect([d.line, d.column, d.severity]).toEqual([6, 1, 'warning']);
    expect(d.message).toContain('approval');
    expect(r.model?.kind).toBe('official');
    expect(
      only(
        compileRef(replace(REFERENCE, 'reportsTo:', 'kind: official\nreportsTo:'), { lang: 'en' }),
        'official-approval',
      ).message,
    ).toContain('has no approval');
  });

  it('stays silent for an approved official and for an employee', () => {
    const approved = replace(
      REFERENCE,
      'reportsTo:',
      'kind: official\napproval:\n  by: Peadirektor Mari Maasikas\n  directive: 1-2/34\n  date: 2026-01-15\nreportsTo:',
    );
    const r = compileRef(approved);
    expectClean(r);
    expect(r.model?.approval).toEqual({
      by: 'Peadirektor Mari Maasikas',
      directive: '1-2/34',
      date: '2026-01-15',
    });
    expectClean(compileRef(replace(REFERENCE, 'reportsTo:', 'kind: employee\nreportsTo:')));
  });
});
