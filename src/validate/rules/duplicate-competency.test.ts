import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, expectOnly, only, REFERENCE, replace } from '../../../test/helpers.js';

describe('duplicate-competency', () => {
  it('reports a competency listed twice at the second one, naming the first line', () => {
    const r = compileRef(replace(REFERENCE, '- Loovus', '- Korrektsus'));
    const d = only(r, 'duplicate-competency');
    expect([d.line, d.column, d.severity]).toEqual([33, 7, 'error']);
    expect(d.message).toContain('„Korrektsus“');
    expect(d.message).toContain('rida 30');
    expectOnly(r, 'duplicate-competency');
    const en = only(
      compileRef(replace(REFERENCE, '- Loovus', '- Korrektsus'), { lang: 'en' }),
      'duplicate-competency',
    );
    expect(en.message).toContain('"Korrektsus" is already listed (line 30)');
  });

  it('finds duplicates across the required and additional lists', () => {
    const d = only(compileRef(replace(REFERENCE, '- Loovus', '- Kliendikesksus')), 'duplicate-competency');
    expect([d.line, d.column]).toEqual([33, 7]);
    expect(d.message).toContain('rida 23');
  });

  it('finds an inline definition that repeats a catalogue name', () => {
    const text = replace(REFERENCE, '    - Loovus\n', '    - name: Korrektsus\n      indicators: [Täpne.]\n');
    const d = only(compileRef(text), 'duplicate-competency');
    expect(d.line).toBe(33);
    expect(d.message).toContain('„Korrektsus“');
  });

  it('stays silent when every competency is listed once', () => {
    expectClean(compileRef(REFERENCE));
  });
});
