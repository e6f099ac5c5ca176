/** alternatives() must write what Intl.ListFormat (CLDR's disjunction pattern) writes. */
import { describe, expect, it } from 'vitest';
import { alternatives } from './list.js';

describe('alternatives', () => {
  for (const lang of ['et', 'en'] as const) {
    it(`joins lists of every length as Intl.ListFormat does (${lang})`, () => {
      const icu = new Intl.ListFormat([lang], { type: 'disjunction' });
      const words = ['„Tiimijuht“', '"Ekspert"', 'inglise', 'A, B', 'või', 'or', '', 'Peaspetsialist'];
      for (let n = 0; n <= words.length; n++) {
        const list = words.slice(0, n);
        expect(alternatives(list, lang)).toBe(icu.format(list));
      }
    });
  }

  it('says "or" in the language asked for', () => {
    expect(alternatives(['a', 'b', 'c'], 'et')).toBe('a, b või c');
    expect(alternatives(['a', 'b', 'c'], 'en')).toBe('a, b, or c');
    expect(alternatives(['a', 'b'], 'en')).toBe('a or b');
  });
});
