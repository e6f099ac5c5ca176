/**
 * Whole numbers are written and counted by hand (no ICU data loaded for them): the text must be
 * what Intl.NumberFormat and Intl.PluralRules give for Estonian and English.
 */
import { describe, expect, it } from 'vitest';
import { expandPlurals, formatNumber, plural, pluralCategory } from './plural.js';

const counts = (): number[] => {
  const out: number[] = [];
  for (let n = 0; n <= 20_000; n++) out.push(n);
  for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3) out.push(n, n * 10, n * 10 + 9);
  out.push(Number.MAX_SAFE_INTEGER);
  return out;
};

describe('formatNumber', () => {
  for (const lang of ['et', 'en'] as const) {
    it(`writes whole numbers as Intl.NumberFormat does (${lang})`, () => {
      const icu = new Intl.NumberFormat([lang]);
      for (const n of counts()) expect(formatNumber(n, lang), String(n)).toBe(icu.format(n));
    });
    it(`leaves other numbers to Intl.NumberFormat (${lang})`, () => {
      const icu = new Intl.NumberFormat([lang]);
      for (const n of [-1, -12_345, 1.5, 12_345.678, 2 ** 60, -0.5, Infinity])
        expect(formatNumber(n, lang)).toBe(icu.format(n));
    });
  }
  it('groups Estonian thousands with a no-break space from five digits on', () => {
    expect(formatNumber(1234, 'et')).toBe('1234');
    expect(formatNumber(19_980, 'et')).toBe('19\u00a0980');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});

describe('pluralCategory', () => {
  it('is what Intl.PluralRules says in both languages', () => {
    for (const lang of ['et', 'en'] as const) {
      const icu = new Intl.PluralRules([lang]);
      for (const n of [...counts().slice(0, 2_000), -1, -2, 0.5, 1.5, 21, 101, 1001])
        expect(pluralCategory(n), `${lang} ${n}`).toBe(icu.select(n) === 'one' ? 'one' : 'other');
    }
  });
  it('picks the form in messages', () => {
    expect(plural(1, 'et', { one: '# fail', other: '# faili' })).toBe('1 fail');
    expect(plural(21, 'et', { one: '# fail', other: '# faili' })).toBe('21 faili');
    expect(expandPlurals('{n, plural, one {# file} other {# files}}', { n: 12_000 }, 'en')).toBe(
      '12,000 files',
    );
  });
});
