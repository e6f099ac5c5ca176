import { describe, expect, it } from 'vitest';
import { isSignatureLine, matchPartHeading, segment, sentenceCase } from './sections.js';
import { p } from './testing.js';

describe('part headings', () => {
  it('tolerant of case, diacritics, numbering, a colon and a question mark', () => {
    expect(matchPartHeading('4. OIGUSED')?.kind).toBe('rights');
    expect(matchPartHeading('3 Teenistusülesanded:')).toMatchObject({ kind: 'duties', official: true });
    expect(matchPartHeading('ÕIGUSED JA KOHUSTUSED?')?.kind).toBe('rights');
    expect(matchPartHeading('7.  Töökohale   esitatavad nõuded')?.kind).toBe('requirements');
    expect(matchPartHeading('Kvalifikatsiooninõuded')?.kind).toBe('requirements');
    expect(matchPartHeading('Poolte allkirjad:')?.kind).toBe('signatures');
    expect(matchPartHeading('General information')).toMatchObject({ kind: 'general', lang: 'en' });
    expect(matchPartHeading('Üldsätted')?.kind).toBe('general');
    expect(matchPartHeading('Töökoha eesmärk on hea töö tegemine.')).toBeUndefined();
  });

  it('the config’s aliases and extra sections', () => {
    const ctx = { aliases: { tools: ['Töökeskkond'] }, extraSections: ['Lisad'] };
    expect(matchPartHeading('TÖÖKESKKOND', ctx)?.kind).toBe('tools');
    expect(matchPartHeading('9. Lisad', ctx)).toMatchObject({
      kind: 'extra',
      heading: 'Lisad',
      declared: true,
    });
    expect(matchPartHeading('Lisad')).toBeUndefined();
  });

  it('capitals in sentence case', () => {
    expect(sentenceCase('TÖÖKOHA EESMÄRK')).toBe('Töökoha eesmärk');
    expect(sentenceCase('Töökoha eesmärk')).toBe('Töökoha eesmärk');
  });

  it('signature lines, and what is no signature line', () => {
    expect(isSignatureLine('Tööandja:')).toBe(true);
    expect(isSignatureLine('Töötaja: Helen Raja')).toBe(true);
    expect(isSignatureLine('Tööandja: Töötaja:')).toBe(true);
    expect(isSignatureLine('Kinnitaja\tAmetijuhendiga tutvunud')).toBe(true);
    expect(isSignatureLine('Töötaja vastutab:')).toBe(false);
    expect(isSignatureLine('Tööandja esindaja kohustused on järgmised')).toBe(false);
  });

  it('an unnumbered bold line is a sub-heading when the sections are numbered; a numbered capital line a section', () => {
    const seg = segment(
      [
        p('1. EESMÄRK', { bold: true, heading: 2 }),
        p('Põhimõtted', { bold: true, heading: 2 }),
        p('Tekst.'),
        p('2. LISAINFO', { bold: true, heading: 2 }),
        p('Tekst.'),
      ],
      {},
      new Set(),
    );
    expect(seg.parts.map((x) => [x.kind, x.heading, x.blocks.length])).toEqual([
      ['front', undefined, 0],
      ['purpose', 'Eesmärk', 2],
      ['extra', 'Lisainfo', 1],
    ]);
  });
});
