import { describe, expect, it } from 'vitest';
import {
  BASE_CONFIG,
  compileInProject,
  compileRef,
  dropSection,
  expectClean,
  expectOnly,
  ofRule,
  only,
  REFERENCE,
} from '../../../test/helpers.js';

describe('missing-section', () => {
  it('reports a missing purpose at the next section present', () => {
    const r = compileRef(dropSection(REFERENCE, 'Töökoha eesmärk'));
    const d = only(r, 'missing-section');
    expect([d.line, d.column, d.severity]).toEqual([45, 1, 'error']);
    expect(d.message).toContain('„## Töökoha eesmärk“');
    expectOnly(r, 'missing-section');
    const en = only(compileRef(dropSection(REFERENCE, 'Töökoha eesmärk'), { lang: 'en' }), 'missing-section');
    expect(en.message).toContain('"## Purpose"');
  });

  it('reports missing duties', () => {
    const d = only(compileRef(dropSection(REFERENCE, 'Tööülesanded')), 'missing-section');
    expect(d.line).toBe(54);
    expect(d.message).toContain('„## Tööülesanded“');
  });

  it('tells that rights may come from the config', () => {
    const d = only(compileRef(dropSection(REFERENCE, 'Õigused')), 'missing-section');
    expect([d.line, d.column]).toEqual([87, 1]);
    expect(d.message).toContain('„## Õigused“');
    expect(d.message).toContain('defaults.rights');
  });

  it('points at a heading of the wrong level that names the section', () => {
    const r = compileRef(REFERENCE.replace('## Vastutus', '# Vastutus'));
    const d = only(r, 'missing-section');
    expect([d.line, d.column]).toEqual([98, 1]);
    expect(d.message).toContain('„# Vastutus“');
    expect(d.message).toContain('„## Vastutus“');
    const en = only(
      compileRef(REFERENCE.replace('## Õigused', '### Õigused'), { lang: 'en' }),
      'missing-section',
    );
    expect(en.line).toBe(87);
    expect(en.message).toContain('write "## Õigused"');
  });

  it('points at the end of the file when nothing follows', () => {
    const text = dropSection(
      dropSection(dropSection(REFERENCE, 'Vastutus'), 'Töövahendid'),
      'Ametijuhendi muutmine',
    );
    const d = only(compileRef(text), 'missing-section');
    expect(d.line).toBe(text.split('\n').length);
    expect(d.message).toContain('defaults.responsibilities');
  });

  it('is satisfied by config defaults for rights and responsibilities', () => {
    const text = dropSection(dropSection(REFERENCE, 'Õigused'), 'Vastutus');
    const r = compileInProject(
      text,
      `${BASE_CONFIG}defaults:\n  rights: shared/oigused.md\n  responsibilities: shared/vastutus.md\n`,
      {
        'shared/oigused.md': 'Töötajal on õigus:\n\n- saada infot.\n',
        'shared/vastutus.md': '## Vastutus\n\nTöötaja vastutab:\n\n- vara eest.\n',
      },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.model?.sections.rights?.source).toContain('oigused.md');
  });

  it('does not require tools and changes', () => {
    expectClean(compileRef(dropSection(dropSection(REFERENCE, 'Töövahendid'), 'Ametijuhendi muutmine')));
    expect(ofRule(compileRef(REFERENCE), 'missing-section')).toEqual([]);
  });
});

describe('missing-section after a misspelt heading', () => {
  it('leaves the misspelt heading to unknown-section instead of a second error', () => {
    const r = compileRef(REFERENCE.replace('## Tööülesanded', '## Tööülesaned'));
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['unknown-section']);
  });
});
