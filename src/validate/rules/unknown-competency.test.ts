import { describe, expect, it } from 'vitest';
import { compileSource } from '../../compiler/compile.js';
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
} from '../../../test/helpers.js';

describe('unknown-competency', () => {
  it('suggests the closest catalogue name for a misspelt one ("Kliendikeskus" → "Kliendikesksus")', () => {
    const text = replace(REFERENCE, '- Kliendikesksus', '- Kliendikeskus');
    const r = compileRef(text);
    const d = only(r, 'unknown-competency');
    expect([d.line, d.column, d.severity]).toEqual([23, 7, 'error']);
    expect(d.message).toContain('„Kliendikeskus“');
    expect(d.message).toContain('„Kliendikesksus“');
    expect(d.message).toContain('competencies.yaml');
    expectOnly(r, 'unknown-competency');
    const en = only(compileRef(text, { lang: 'en' }), 'unknown-competency');
    expect(en.message).toContain('"Kliendikeskus"');
    expect(en.message).toContain('Did you mean "Kliendikesksus"');
  });

  it('reports an additional competency that is not in the catalogue', () => {
    const d = only(compileRef(replace(REFERENCE, '- Loovus', '- Lovus')), 'unknown-competency');
    expect([d.line, d.column]).toEqual([33, 7]);
    expect(d.message).toContain('„Loovus“');
  });

  it('tells how to fix a name with no close match', () => {
    const d = only(compileRef(replace(REFERENCE, '- Loovus', '- Xyzzy qwerty plugh')), 'unknown-competency');
    expect(d.message).toContain('„Xyzzy qwerty plugh“');
    expect(d.message).toContain('{name, indicators}');
  });

  it('says that no catalogue is configured when there is none', () => {
    const r = compileSource(REFERENCE, { lang: 'en' });
    const list = ofRule(r, 'unknown-competency');
    expect(list).toHaveLength(13);
    expect(list[0]).toMatchObject({ line: 23, column: 7 });
    expect(list[0]!.message).toContain('"Kliendikesksus"');
    expect(list[0]!.message).toContain('no competency catalogue is configured');
  });

  it('stays silent when the configured catalogue is missing (config-file reports that)', () => {
    const r = compileInProject(REFERENCE, 'competencies: missing.yaml\n');
    expect(ofRule(r, 'unknown-competency')).toEqual([]);
    expect(ofRule(r, 'config-file')).toHaveLength(1);
  });

  it('accepts catalogue names and inline definitions', () => {
    expectClean(compileRef(REFERENCE));
    const inline = replace(
      REFERENCE,
      '    - Loovus\n',
      '    - name: Uudishimu\n      indicators: [Küsib palju.]\n',
    );
    expectClean(compileRef(inline));
    expectClean(compileInProject(REFERENCE, BASE_CONFIG));
  });
});
