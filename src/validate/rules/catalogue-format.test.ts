import { describe, expect, it } from 'vitest';
import { BASE_CONFIG, CATALOGUE, compileInProject, ofRule, only, REFERENCE } from '../../../test/helpers.js';

describe('catalogue-format', () => {
  it('reports an entry without indicators at its name, and the description is not blamed', () => {
    const catalogue = CATALOGUE.replace(/Kliendikesksus:\n(?: {2}- .*\n)+/, 'Kliendikesksus: []\n');
    const r = compileInProject(REFERENCE, BASE_CONFIG, { 'competencies.yaml': catalogue });
    const d = only(r, 'catalogue-format');
    expect(d).toMatchObject({ file: 'competencies.yaml', line: 2, column: 1, severity: 'error' });
    expect(d.message).toContain('„Kliendikesksus“');
    expect(ofRule(r, 'unknown-competency')).toEqual([]);
    expect(r.model).toBeUndefined();
  });

  it('reports an entry whose indicators are not strings (English)', () => {
    const catalogue = CATALOGUE.replace('Korrektsus:\n', 'Korrektsus: täpne\nKorrektsus vana:\n');
    const d = only(
      compileInProject(REFERENCE, BASE_CONFIG, { 'competencies.yaml': catalogue }, { lang: 'en' }),
      'catalogue-format',
    );
    expect(d.message).toBe('The indicators of "Korrektsus" must be a list of strings (at least one).');
  });

  it('reports a catalogue that is not a map', () => {
    const r = compileInProject(REFERENCE, BASE_CONFIG, {
      'competencies.yaml': '- Kliendikesksus\n- Korrektsus\n',
    });
    const d = only(r, 'catalogue-format');
    expect(d).toMatchObject({ file: 'competencies.yaml', line: 1 });
    expect(ofRule(r, 'unknown-competency').length).toBeGreaterThan(0);
  });

  it('reports YAML errors in the catalogue without blaming every competency', () => {
    const r = compileInProject(REFERENCE, BASE_CONFIG, { 'competencies.yaml': 'Kliendikesksus:\n  - "a\n' });
    expect(ofRule(r, 'yaml-syntax')[0]).toMatchObject({ file: 'competencies.yaml', line: 2 });
    expect(ofRule(r, 'unknown-competency')).toEqual([]);
  });

  it('a file without a single competency is "not a catalogue", and neither its keys nor its lines are quoted', () => {
    const notes = 'salajane-võti: salajane väärtus\nteine-võti: 42\n';
    const r = compileInProject(REFERENCE, BASE_CONFIG, { 'competencies.yaml': notes });
    const d = only(r, 'catalogue-format');
    expect(d).toMatchObject({ file: 'competencies.yaml', line: 1, column: 1 });
    expect(d.message).toMatch(/^Selles failis pole ühtegi kompetentsi/);
    const broken = compileInProject(REFERENCE, BASE_CONFIG, {
      'competencies.yaml': 'salajane: "rida\n',
    });
    const messages = broken.diagnostics.map((x) => x.message).join('\n');
    expect(broken.diagnostics.some((x) => x.rule === 'yaml-syntax')).toBe(true);
    expect(messages + r.diagnostics.map((x) => x.message).join('\n')).not.toMatch(/salajane/);
  });

  it('stays silent for the example catalogue', () => {
    expect(compileInProject(REFERENCE, BASE_CONFIG).diagnostics).toEqual([]);
  });
});
