import { describe, expect, it } from 'vitest';
import { matchLists } from './match.js';
import { similarity } from './text.js';

describe('matchLists', () => {
  it('pairs equal items in order, duplicates one to one', () => {
    const m = matchLists(['a x', 'b y', 'a x'], ['a x', 'a x', 'c z']);
    expect(m.pairs).toEqual([
      [0, 0],
      [2, 1],
    ]);
    expect(m.removed).toEqual([1]);
    expect(m.added).toEqual([2]);
    expect(m.moved.size).toBe(0);
  });

  it('pairs a reworded item with its old wording, not with an unrelated one', () => {
    const m = matchLists(
      ['Eelarve koostamine ja täitmise jälgimine.', 'Juhendite loomine ja kaasajastamine.'],
      ['Juhendite loomine, ettevalmistamine ja kaasajastamine.', 'Koolituste korraldamine.'],
    );
    expect(m.pairs).toEqual([[1, 0]]);
    expect(m.removed).toEqual([0]);
    expect(m.added).toEqual([1]);
  });

  it('calls only the items out of order moved: one moved item in a long list, a reversed list', () => {
    const items = Array.from({ length: 300 }, (_, i) => `Ülesanne number ${i} valdkonnas ${i * 7}`);
    const one = [...items.slice(0, 10), ...items.slice(11, 200), items[10]!, ...items.slice(200)];
    const m = matchLists(items, one);
    expect([...m.moved].map((k) => m.pairs[k])).toEqual([[10, 199]]);
    const reversed = matchLists(items, [...items].reverse());
    expect(reversed.pairs).toHaveLength(300);
    expect(reversed.moved.size).toBe(299);
  });

  it('pairs by key only when likeness is off', () => {
    const m = matchLists(['Kliendikesksus'], ['Kliendikesksuse'], { alike: false });
    expect(m.pairs).toEqual([]);
    expect(similarity('Kliendikesksus', 'Kliendikesksuse')).toBeGreaterThan(0.9);
  });

  it('stays bounded for long lists that all changed', () => {
    const old = Array.from({ length: 600 }, (_, i) => `Vana lõik ${i} räägib teemast ${i % 17} ja ${i % 5}.`);
    const now = Array.from({ length: 600 }, (_, i) => `Uus tekst ${i}: midagi muud ${i % 13}.`);
    const m = matchLists(old, now);
    expect(m.pairs.length + m.removed.length).toBe(600);
    expect(m.pairs.length + m.added.length).toBe(600);
  });
});
