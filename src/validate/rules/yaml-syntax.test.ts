import { describe, expect, it } from 'vitest';
import {
  BASE_CONFIG,
  compileInProject,
  compileRef,
  expectClean,
  ofRule,
  only,
  REFERENCE,
  replace,
} from '../../../test/helpers.js';

describe('yaml-syntax', () => {
  it('reports an over-indented key at its own line', () => {
    const r = compileRef(replace(REFERENCE, '  experience:', '   experience:'));
    const d = only(r, 'yaml-syntax');
    expect([d.line, d.column, d.severity]).toEqual([11, 4, 'error']);
    expect(d.message).toContain('taane');
    expect(d.message).toContain('„experience: Vähemalt 3-aastane');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.model).toBeUndefined();
  });

  it('reports an under-indented key at its own line', () => {
    // the parser goes on to report follow-up problems; the first one is the line at fault
    const d = ofRule(compileRef(replace(REFERENCE, '  experience:', ' experience:')), 'yaml-syntax')[0];
    expect([d?.line, d?.column]).toEqual([11, 1]);
    expect(d?.message).toContain('taane');
  });

  it('reports a tab used as indentation at its line', () => {
    const list = ofRule(compileRef(replace(REFERENCE, '  experience:', '\texperience:')), 'yaml-syntax');
    expect(list[0]).toMatchObject({ line: 11, column: 1 });
    expect(list[0]!.message).toContain('tabulaator');
  });

  it('reports an unclosed quote at the opening quote', () => {
    const r = compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: "Tiimijuht'));
    const d = only(r, 'yaml-syntax');
    expect([d.line, d.column]).toEqual([6, 12]);
    expect(d.message).toContain('jutumärk');
    expect(d.message).toContain('„reportsTo: "Tiimijuht“');
    const en = only(
      compileRef(replace(REFERENCE, 'title: Ekspert', "title: 'Ekspert"), { lang: 'en' }),
      'yaml-syntax',
    );
    expect([en.line, en.column]).toEqual([2, 8]);
    expect(en.message).toContain('quote');
  });

  it('reports a duplicate key at the second one, naming it', () => {
    const text = replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Tiimijuht\nreportsTo: Juhataja');
    const d = only(compileRef(text), 'yaml-syntax');
    expect([d.line, d.column]).toEqual([7, 1]);
    expect(d.message).toContain('„reportsTo“');
    const nested = replace(
      REFERENCE,
      '  education: Kõrgharidus',
      '  education: Kõrgharidus\n  "education": Keskharidus',
    );
    const en = only(compileRef(nested, { lang: 'en' }), 'yaml-syntax');
    expect([en.line, en.column]).toEqual([11, 3]);
    expect(en.message).toBe('The key "education" is already in this map.');
  });

  it('reports a missing colon', () => {
    const d = ofRule(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo Tiimijuht')),
      'yaml-syntax',
    )[0];
    expect(d?.line).toBe(6);
  });

  it('reports an unclosed flow list at its opening bracket', () => {
    const d = only(
      compileRef(
        replace(REFERENCE, 'substitutes: [Tiimijuht, koordinaator]', 'substitutes: [Tiimijuht, koordinaator'),
      ),
      'yaml-syntax',
    );
    expect([d.line, d.column]).toEqual([8, 14]);
    const last = ofRule(
      compileRef(replace(REFERENCE, 'employee: Helen Raja', 'employee: [Helen Raja')),
      'yaml-syntax',
    );
    expect(last.map((x) => [x.line, x.column])).toEqual([[42, 13]]);
    const map = ofRule(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: {a: Tiimijuht')),
      'yaml-syntax',
    );
    expect(map[0]).toMatchObject({ line: 6, column: 12 });
  });

  it('reports syntax errors in the config file', () => {
    const r = compileInProject(REFERENCE, `${BASE_CONFIG}extraSections: [Töötingimused\n`);
    const d = ofRule(r, 'yaml-syntax')[0];
    expect(d?.file).toBe('ametijuhend.config.yaml');
  });

  it('stays silent for well-formed YAML', () => {
    expectClean(compileRef(REFERENCE));
  });
});
