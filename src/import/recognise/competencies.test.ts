import { describe, expect, it } from 'vitest';
import { NEAR_SIMILARITY, matchName, readCompetencies, similarity } from './competencies.js';
import { toLine } from './text.js';
import { p } from './testing.js';

const catalogue = {
  Kliendikesksus: ['Lähtub kliendi vajadustest.', 'Püüdleb kõrge kvaliteedi poole.'],
  Pingetaluvus: ['Tasakaalukus: hoiab oma tundeid kontrolli all.', 'Tuleb toime kriitikaga.'],
  Koostöövõime: ['Teeb koostööd.'],
};
const names = Object.keys(catalogue);
const lines = (...texts: string[]): ReturnType<typeof toLine>[] => texts.map((t) => toLine(p(t)));

describe('competency names', () => {
  it('exact, case and diacritics, a prefix, a near name', () => {
    expect(matchName('Kliendikesksus', names)).toEqual({ name: 'Kliendikesksus', rest: '', how: 'exact' });
    expect(matchName('KLIENDIKESKSUS', names)?.how).toBe('folded');
    expect(matchName('Koostoovoime', names)?.how).toBe('folded');
    expect(matchName('Pingetaluvus (tasakaalukus)', names)).toEqual({
      name: 'Pingetaluvus',
      rest: ' (tasakaalukus)',
      how: 'prefix',
    });
    expect(matchName('Kliendikeskus', names)).toEqual({ name: 'Kliendikesksus', rest: '', how: 'near' });
    expect(matchName('Loovus', names)).toBeUndefined();
    // a prefix must end at a word's end
    expect(matchName('Kliendikesksuslikkus', names)?.how).not.toBe('prefix');
  });

  it('similarity ignores case, punctuation, quotes and the split into items', () => {
    expect(similarity('„Teeb koostööd.“ Kuulab.', 'teeb koostööd kuulab')).toBe(1);
    expect(similarity('hoiab oma tundeid kontrolli alla', 'hoiab oma tundeid kontrolli all')).toBeGreaterThan(
      NEAR_SIMILARITY,
    );
    expect(similarity('täiesti muu tekst', 'teeb koostööd')).toBeLessThan(NEAR_SIMILARITY);
  });
});

describe('competency lists', () => {
  it('a name line over bulleted indicators: the same as the catalogue → a reference', () => {
    const r = readCompetencies(
      lines('Kliendikesksus:', '▪ Lähtub kliendi vajadustest.', '▪ Püüdleb kõrge kvaliteedi poole.'),
      {
        catalogue,
        lang: 'et',
      },
    );
    expect(r.items).toEqual(['Kliendikesksus']);
    expect(r.comments).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('"Name (extra): sentences." nearly the same → a reference, the wording as a comment, a warning', () => {
    const r = readCompetencies(
      lines('▪ Pingetaluvus (tasakaalukus): Hoiab oma tundeid kontrolli alla. Tuleb toime kriitikaga.'),
      { catalogue, lang: 'et' },
    );
    expect(r.items).toEqual(['Pingetaluvus']);
    expect(r.comments).toEqual([
      {
        index: 0,
        text: 'Imporditud dokumendi sõnastus: Pingetaluvus (tasakaalukus): Hoiab oma tundeid kontrolli alla. Tuleb toime kriitikaga.',
      },
    ]);
    expect(r.notes.map((n) => [n.id, n.data?.name])).toEqual([
      ['import.recognise.competencyWording', 'Pingetaluvus'],
    ]);
  });

  it('a catalogue name with other indicators → inline, reported; an unknown one → inline', () => {
    const r = readCompetencies(
      lines('Koostöövõime – juhib meeskonda; lahendab konflikte.', 'Loovus: Leiab uusi lahendusi. Katsetab.'),
      { catalogue, lang: 'et' },
    );
    expect(r.items).toEqual([
      { name: 'Koostöövõime', indicators: ['juhib meeskonda', 'lahendab konflikte.'] },
      { name: 'Loovus', indicators: ['Leiab uusi lahendusi.', 'Katsetab.'] },
    ]);
    expect(r.notes.map((n) => n.id)).toEqual(['import.recognise.competencyDiffers']);
  });

  it('layouts mixed in one list: a named block, then "Name: sentences." paragraphs', () => {
    const r = readCompetencies(
      lines(
        'Kliendikesksus:',
        '▪ Lähtub kliendi vajadustest.',
        '▪ Püüdleb kõrge kvaliteedi poole.',
        'Koostöövõime: Teeb koostööd.',
      ),
      { catalogue, lang: 'et' },
    );
    expect(r.items).toEqual(['Kliendikesksus', 'Koostöövõime']);
  });

  it('a near name is matched and reported; knowledge lines are split off; a bare name stays a name', () => {
    const r = readCompetencies(
      lines(
        'Kliendikeskus:',
        '▪ Lähtub kliendi vajadustest.',
        '▪ Püüdleb kõrge kvaliteedi poole.',
        '▪ Teadmised haldusõigusest.',
        'Koostöövõime',
      ),
      { catalogue, lang: 'en' },
    );
    expect(r.items).toEqual(['Kliendikesksus', 'Koostöövõime']);
    expect(r.knowledge).toEqual(['Teadmised haldusõigusest.']);
    expect(r.notes.map((n) => n.id)).toEqual(['import.recognise.competencyNear']);
    expect(r.comments[0]?.text).toMatch(/^Wording in the imported document: Kliendikeskus:/u);
  });
});
