/**
 * closest skips the edit distance where the lengths alone rule a candidate out; it must rank
 * exactly as computing every distance does.
 */
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { closest } from './closest.js';

/** The definition: every candidate's distance computed. */
function reference(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLocaleLowerCase('et').trim();
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const hay = c.toLocaleLowerCase('et');
    let d = distance(needle, hay);
    if (hay.startsWith(needle) || needle.startsWith(hay) || hay.includes(needle)) d = Math.min(d, 1);
    const limit = Math.max(2, Math.ceil(Math.max(needle.length, hay.length) * 0.4));
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1));
  return scored.slice(0, max).map((s) => s.c);
}

describe('closest', () => {
  it('ranks as computing every distance does', () => {
    const titles = [
      'Tiimijuht',
      'Osakonnajuhataja',
      'Peaspetsialist (andmeanalüüs)',
      'Ekspert',
      'Juht',
      'Ekspert (psühhosotsiaalne kriisiabi)',
      'Nõunik',
      'Õpetaja',
      'Direktor',
      'Direktori asetäitja õppe- ja kasvatustöö alal',
      'T',
      '',
    ];
    const inputs = [
      'Tiimijuh',
      'tiimi',
      'Osakonna juhataja',
      'Ekspertt',
      'Ju',
      'X',
      '',
      'Direktori asetäitja',
      'Õpetajad',
    ];
    for (const input of inputs)
      for (const max of [1, 3, 4]) expect(closest(input, titles, max)).toEqual(reference(input, titles, max));
  });
});
