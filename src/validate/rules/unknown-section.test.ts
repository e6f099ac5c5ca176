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

describe('unknown-section', () => {
  it('suggests "Töökoha eesmärk" for "Töökohaeesmärk" and lists the known sections', () => {
    const r = compileRef(replace(REFERENCE, '## Töökoha eesmärk', '## Töökohaeesmärk'));
    const d = only(r, 'unknown-section');
    expect([d.line, d.column, d.severity]).toEqual([45, 1, 'error']);
    expect(d.message).toContain('„Töökohaeesmärk“');
    expect(d.message).toMatch(/Kas mõtlesid „Töökoha eesmärk“/);
    for (const h of ['Tööülesanded', 'Õigused', 'Vastutus', 'Töövahendid', 'Ametijuhendi muutmine'])
      expect(d.message).toContain(`„${h}“`);
    expect(r.model).toBeUndefined();
  });

  it('suggests "Tööülesanded" for "Tööülesanded2" (English messages)', () => {
    const d = only(
      compileRef(replace(REFERENCE, '## Tööülesanded', '## Tööülesanded2'), { lang: 'en' }),
      'unknown-section',
    );
    expect([d.line, d.column]).toEqual([54, 1]);
    expect(d.message).toContain('"Tööülesanded2"');
    expect(d.message).toMatch(/Did you mean "Tööülesanded"/);
    expect(d.message).toContain('extraSections');
  });

  it('ignores leading numbers and a trailing colon', () => {
    let text = replace(REFERENCE, '## Töökoha eesmärk', '## 2. Töökoha eesmärk:');
    text = replace(text, '## Tööülesanded', '## 3) Tööülesanded');
    text = replace(text, '## Õigused', '## 3.1 Õigused');
    text = replace(text, '## Vastutus', '## 5 VASTUTUS');
    const r = compileRef(text);
    expectClean(r);
    expect(r.model?.sections.purpose?.heading).toBe('Töökoha eesmärk');
  });

  it('accepts the aliases of FORMAT.md', () => {
    let text = replace(REFERENCE, '## Töökoha eesmärk', '## Ametikoha eesmärk');
    text = replace(text, '## Tööülesanded', '## Teenistusülesanded');
    expectClean(compileRef(text));
    expectClean(compileRef(replace(REFERENCE, '## Tööülesanded', '## põhikohustused')));
  });

  it('accepts headings declared in the config (aliases, extra sections)', () => {
    let text = replace(REFERENCE, '## Tööülesanded', '## Teenistuskoha ülesanded ja soovitud tulemus');
    text = `${text}\n## Töötingimused\n\nKontoritöö.\n`;
    const config = `${BASE_CONFIG}extraSections: [Töötingimused]\naliases:\n  duties: [Teenistuskoha ülesanded ja soovitud tulemus]\n`;
    const r = compileInProject(text, config);
    expect(r.diagnostics).toEqual([]);
    // without the config both are unknown
    const without = compileInProject(text, BASE_CONFIG);
    expect(ofRule(without, 'unknown-section').map((d) => d.line)).toEqual([54, 118]);
  });

  it('suggests a config alias or extra section too', () => {
    const text = `${REFERENCE}\n## Töötingimus\n\nKontoritöö.\n`;
    const d = only(
      compileInProject(text, `${BASE_CONFIG}extraSections: [Töötingimused]\n`),
      'unknown-section',
    );
    expect(d.message).toContain('„Töötingimused“');
  });

  it('stays silent for the reference document', () => {
    expectClean(compileRef(REFERENCE));
  });
});
