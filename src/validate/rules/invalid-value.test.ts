import { describe, expect, it } from 'vitest';
import {
  compileRef,
  expectClean,
  expectOnly,
  only,
  REFERENCE,
  REFERENCE_PATH,
  replace,
} from '../../../test/helpers.js';

const add = (yaml: string): string => replace(REFERENCE, 'reportsTo:', `${yaml}\nreportsTo:`);

describe('invalid-value', () => {
  it('reports a malformed id and suggests a slug', () => {
    const r = compileRef(add('id: Ekspert Kriisiabi'));
    const d = only(r, 'invalid-value');
    expect([d.line, d.column, d.severity]).toEqual([6, 5, 'error']);
    expect(d.message).toContain('„Ekspert Kriisiabi“');
    expect(d.message).toContain('„ekspert-kriisiabi“');
    expectOnly(r, 'invalid-value');
    expect(only(compileRef(add('id: Õigusnõunik_2'), { lang: 'en' }), 'invalid-value').message).toContain(
      '"oigusnounik-2"',
    );
  });

  it.each(['2024-13-45', '12.03.2024', '2024-02-30'])('reports the bad date %s in reviewed', (date) => {
    const d = only(compileRef(add(`reviewed: ${date}`)), 'invalid-value');
    expect([d.line, d.column]).toEqual([6, 11]);
    expect(d.message).toContain(`„${date}“`);
    expect(d.message).toContain('AAAA-KK-PP');
  });

  it('reports a bad approval date in English', () => {
    const text = add('kind: official\napproval:\n  by: Direktor\n  directive: 12\n  date: 1.1.2026');
    const d = only(compileRef(text, { lang: 'en' }), 'invalid-value');
    expect([d.line, d.column]).toEqual([10, 9]);
    expect(d.message).toContain('"approval.date"');
    expect(d.message).toContain('YYYY-MM-DD');
  });

  it.each([
    ['ametnik', 'official', 'ametnik'],
    ['ametnikud', 'official', 'ametnik'],
    ['Riigiametnik', 'official', 'ametnik'],
    ['avalik teenistuja', 'official', 'ametnik'],
    ['töötaja', 'employee', 'töötaja'],
    ['Töötaja', 'employee', 'töötaja'],
    ['tootajad', 'employee', 'töötaja'],
    ['töölepinguline', 'employee', 'töötaja'],
  ])('answers the Estonian word kind: %s with the value to write', (word, value, gloss) => {
    const text = add(`kind: ${word}`);
    const r = compileRef(text);
    const d = only(r, 'invalid-value');
    expect([d.line, d.column]).toEqual([6, 7]);
    expect(d.message).toBe(
      `„kind“ väärtus „${word}“ ei ole lubatud: väärtused kirjutatakse inglise keeles. Kirjuta „kind: ${value}“ (${gloss}). Lubatud on „employee“ (töötaja) või „official“ (ametnik).`,
    );
    expectOnly(r, 'invalid-value');
    expect(r.model).toBeUndefined();
  });

  it('answers an Estonian kind in English too, and leaves other wrong kinds to the general message', () => {
    const d = only(compileRef(add('kind: ametnik'), { lang: 'en' }), 'invalid-value');
    expect(d.message).toBe(
      '"kind" has the value "ametnik", which is not allowed: the values are English words. Write "kind: official" (an official, approved by a directive). Allowed: "employee" (töötaja) or "official" (ametnik).',
    );
    expect(only(compileRef(add('kind: juht')), 'invalid-value').message).toBe(
      '„kind“ väärtus „juht“ ei ole lubatud; lubatud on „employee“ või „official“.',
    );
  });

  it('suggests the closest choice for a misspelt kind', () => {
    const d = only(compileRef(add('kind: offical')), 'invalid-value');
    expect([d.line, d.column]).toEqual([6, 7]);
    expect(d.message).toContain('„offical“');
    expect(d.message).toContain('kas mõtlesid „official“');
    expect(d.message).toContain('„employee“');
  });

  it('names the allowed document languages', () => {
    const d = only(compileRef(add('lang: est')), 'invalid-value');
    expect(d.message).toContain('„et“');
    expect(d.message).toContain('„en“');
  });

  it('reports an empty string and an empty list', () => {
    const empty = only(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: ""')),
      'invalid-value',
    );
    expect([empty.line, empty.column]).toEqual([6, 12]);
    expect(empty.message).toContain('„reportsTo“');
    const list = only(
      compileRef(replace(REFERENCE, / {2}languages:\n(?: {4}.*\n)+/, '  languages: []\n')),
      'invalid-value',
    );
    expect([list.line, list.column]).toEqual([12, 3]);
    expect(list.message).toContain('„requirements.languages“');
  });

  it('stays silent for valid values', () => {
    expectClean(compileRef(add('id: ekspert-2\nkind: employee\nlang: et\nreviewed: 2026-01-31\nversion: 2')));
  });
});

describe('invalid-value: the id taken from the file name', () => {
  it.each([
    ['Foo Bar.md', 'foo-bar'],
    ['a;rm -rf x.md', 'a-rm-rf-x'],
    ['<script>.md', 'script'],
    ['.md', 'ametijuhend'],
    ['Иван.md', 'ivan'],
  ])('%s is checked like a frontmatter id, at 1:1, with a suggested id', (name, suggestion) => {
    const path = REFERENCE_PATH.replace(/[^/]+$/, name);
    const r = compileRef(REFERENCE, { path });
    const d = only(r, 'invalid-value');
    expect([d.line, d.column, d.severity]).toEqual([1, 1, 'error']);
    expect(d.message).toBe(
      `Ilma „id“-ta on tunnus failinimest, aga „${name}“ ei sobi: kasuta ainult väiketähti a–z, numbreid ja sidekriipsu. Nimeta fail „${suggestion}.md“ või lisa päisesse „id: ${suggestion}“.`,
    );
    expect(only(compileRef(REFERENCE, { path, lang: 'en' }), 'invalid-value').message).toBe(
      `Without an "id" the id is the file name, but "${name}" does not fit: use only lower-case a–z, digits and hyphens. Rename the file "${suggestion}.md" or add "id: ${suggestion}" to the frontmatter.`,
    );
    expectOnly(r, 'invalid-value');
    expect(r.model).toBeUndefined();
    // a frontmatter id makes the file name irrelevant
    expectClean(compileRef(add('id: hea-id'), { path }));
  });
});
