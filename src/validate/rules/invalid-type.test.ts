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

const UNIT = 'unit:\n  - Ohvriabi ja ennetusteenuste osakond\n  - Arendustalitus\n';

describe('invalid-type', () => {
  it('cannot be turned off or down by the config: no model is built from a value of another type', () => {
    for (const setting of ['off', 'warning']) {
      const text = replace(REFERENCE, /reportsTo: .*/, 'reportsTo: 12');
      const r = compileInProject(text, `${BASE_CONFIG}rules:\n  invalid-type: ${setting}\n`);
      expect(only(r, 'invalid-type').severity).toBe('error');
      expect(r.model).toBeUndefined();
    }
  });

  it('reports unit: 5 at the value, naming what is expected', () => {
    const r = compileRef(replace(REFERENCE, UNIT, 'unit: 5\n'));
    const d = only(r, 'invalid-type');
    expect([d.line, d.column, d.severity]).toEqual([3, 7, 'error']);
    expect(d.message).toBe('„unit“ peab olema tekst või loend, aga see on arv „5“.');
    expectOnly(r, 'invalid-type');
    expect(
      only(compileRef(replace(REFERENCE, UNIT, 'unit: 5\n'), { lang: 'en' }), 'invalid-type').message,
    ).toBe('"unit" must be text or a list, but it is a number "5".');
  });

  it('reports an empty title at the key', () => {
    const r = compileRef(replace(REFERENCE, 'title: Ekspert (psühhosotsiaalne kriisiabi)', 'title:'));
    const d = only(r, 'invalid-type');
    expect([d.line, d.column]).toEqual([2, 1]);
    expect(d.message).toBe('„title“ on tühi: oodatakse tekst.');
    expectOnly(r, 'invalid-type');
  });

  it('reports a map where a list item should be text', () => {
    const d = only(
      compileRef(
        replace(REFERENCE, '- Teadmised finantsjuhtimise alustest.', '- Teadmised: finantsjuhtimine'),
      ),
      'invalid-type',
    );
    expect([d.line, d.column]).toEqual([38, 7]);
    expect(d.message).toContain('„requirements.knowledge[1]“');
  });

  it('reports frontmatter that is a list', () => {
    const body = REFERENCE.slice(REFERENCE.indexOf('\n---\n'));
    const r = compileRef(`---\n- title: Ekspert\n- unit: X${body}`);
    const d = only(r, 'invalid-type');
    expect([d.line, d.column]).toEqual([1, 1]);
    expect(d.message).toContain('loend');
    expectOnly(r, 'invalid-type');
    expect(only(compileRef(`---\n- a${body}`, { lang: 'en' }), 'invalid-type').message).toBe(
      'The frontmatter must be a map of keys and values, but it is a list.',
    );
  });

  it('reports empty and scalar frontmatter', () => {
    const body = REFERENCE.slice(REFERENCE.indexOf('\n---\n'));
    expect(only(compileRef(`---${body}`), 'invalid-type').message).toContain('tühi väärtus');
    expect(only(compileRef(`---\nlihtsalt tekst${body}`), 'invalid-type').message).toContain('tekst');
  });

  it('stays silent for the right types', () => {
    expectClean(compileRef(REFERENCE));
    expectClean(compileRef(replace(REFERENCE, UNIT, 'unit: Arendustalitus\n')));
  });
});
