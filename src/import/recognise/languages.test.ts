import { describe, expect, it } from 'vitest';
import { readLanguages } from './languages.js';
import { toLine } from './text.js';
import { p } from './testing.js';

const read = (...texts: string[]): ReturnType<typeof readLanguages> =>
  readLanguages(texts.map((t) => toLine(p(t))));

describe('language requirements in prose', () => {
  it('the reference document’s sentences', () => {
    const r = read(
      'Valdab eesti keelt vähemalt tasemel C1. Oskab vähemalt ühte võõrkeelt (soovitavalt inglise\nvõi vene keelt) vähemalt tasemel B1.',
    );
    expect(r.languages).toEqual([
      { lang: 'et', level: 'C1' },
      {
        lang: ['en', 'ru'],
        level: 'B1',
        note: 'Oskab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt).',
      },
    ]);
    expect(r.notes).toEqual([]);
  });

  it('what the renderer prints: the sentence, then the note', () => {
    expect(
      read(
        'Valdab eesti keelt vähemalt tasemel C1.',
        'Valdab inglise või vene keelt vähemalt tasemel B1. Oskab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt).',
      ).languages,
    ).toEqual([
      { lang: 'et', level: 'C1' },
      {
        lang: ['en', 'ru'],
        level: 'B1',
        note: 'Oskab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt).',
      },
    ]);
    expect(
      read(
        'Command of Estonian at level B2 or higher.',
        'Command of English or Russian at level C1 or higher.',
      ).languages,
    ).toEqual([
      { lang: 'et', level: 'B2' },
      { lang: ['en', 'ru'], level: 'C1' },
    ]);
  });

  it('old level words are converted and reported, in their case forms', () => {
    const r = read('eesti keel kõrgtasemel', 'soome keel kesktasemel; saksa keele oskus algtasemel');
    expect(r.languages).toEqual([
      { lang: 'et', level: 'C1' },
      { lang: 'fi', level: 'B2' },
      { lang: 'de', level: 'B1' },
    ]);
    expect(r.notes.map((n) => [n.id, n.data?.word, n.data?.level])).toEqual([
      ['import.recognise.oldLevel', 'kõrgtase', 'C1'],
      ['import.recognise.oldLevel', 'kesktase', 'B2'],
      ['import.recognise.oldLevel', 'algtase', 'B1'],
    ]);
  });

  it('short forms and several languages in one sentence', () => {
    expect(read('inglise või vene keel B1').languages).toEqual([{ lang: ['en', 'ru'], level: 'B1' }]);
    expect(read('English at level B2').languages).toEqual([{ lang: 'en', level: 'B2' }]);
    expect(read('Eesti keele oskus C1-tasemel.').languages).toEqual([{ lang: 'et', level: 'C1' }]);
    expect(read('Valdab eesti keelt C1 ja inglise keelt B2 tasemel.').languages).toEqual([
      { lang: 'et', level: 'C1' },
      { lang: 'en', level: 'B2' },
    ]);
    expect(read('Läti, leedu või rootsi keel A2.').languages).toEqual([
      { lang: ['lv', 'lt', 'sv'], level: 'A2' },
    ]);
  });

  it('a language and its level in two cells or lines', () => {
    expect(read('Eesti keel', 'C1', 'Inglise keel:', 'B2').languages).toEqual([
      { lang: 'et', level: 'C1' },
      { lang: 'en', level: 'B2' },
    ]);
  });

  it('what a sentence says beyond the level is kept as the note', () => {
    expect(read('Valdab eesti keelt vähemalt tasemel C1, sh erialast terminoloogiat.').languages).toEqual([
      { lang: 'et', level: 'C1', note: 'Valdab eesti keelt, sh erialast terminoloogiat.' },
    ]);
  });

  it('a sentence without a level joins the requirement before it, or the next one, or is an orphan', () => {
    expect(
      read('Valdab eesti keelt vähemalt tasemel C1.', 'Vene keele oskus on eeliseks.').languages,
    ).toEqual([{ lang: 'et', level: 'C1', note: 'Vene keele oskus on eeliseks.' }]);
    expect(read('Keeleoskus on oluline.', 'inglise keel B2').languages).toEqual([
      { lang: 'en', level: 'B2', note: 'Keeleoskus on oluline.' },
    ]);
    expect(read('Vene keele oskus on eeliseks.').orphans).toEqual(['Vene keele oskus on eeliseks.']);
  });
});
