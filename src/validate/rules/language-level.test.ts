import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, expectOnly, only, REFERENCE, replace } from '../../../test/helpers.js';

const withEstonianLevel = (level: string): string => replace(REFERENCE, 'level: C1', `level: ${level}`);

describe('language-level', () => {
  it('rejects C3 at the level value and names every allowed level (et)', () => {
    const r = compileRef(withEstonianLevel('C3'));
    const d = only(r, 'language-level');
    expect([d.line, d.column, d.severity]).toEqual([14, 14, 'error']);
    expect(d.message).toContain('„C3“');
    for (const level of ['A1', 'A2', 'B1', 'B2', 'C1', 'C2']) expect(d.message).toContain(`„${level}“`);
    expect(r.model).toBeUndefined();
    expectOnly(r, 'language-level');
  });

  it('rejects C3 in English messages too', () => {
    const d = only(compileRef(withEstonianLevel('C3'), { lang: 'en' }), 'language-level');
    expect(d.message).toContain('"C3"');
    expect(d.message).toContain('"A1", "A2", "B1", "B2", "C1", or "C2"');
  });

  it('suggests C1 for "c1 " (lower case, trailing space)', () => {
    const r = compileRef(withEstonianLevel('"c1 "'));
    const d = only(r, 'language-level');
    expect([d.line, d.column]).toEqual([14, 14]);
    expect(d.message).toContain('„c1 “');
    expect(d.message).toMatch(/kas mõtlesid „C1“/);
    const en = only(compileRef(withEstonianLevel('"c1 "'), { lang: 'en' }), 'language-level');
    expect(en.message).toContain('did you mean "C1"');
    expect(en.message).toContain('"C2"');
  });

  it.each([
    ['algtase', 'B1'],
    ['kesktase', 'B2'],
    ['kõrgtase', 'C1'],
    ['Kõrgtase', 'C1'],
  ])('names the CEFR equivalent of the legacy level %s (%s)', (legacy, cefr) => {
    const r = compileRef(withEstonianLevel(legacy));
    const d = only(r, 'language-level');
    expect([d.line, d.column]).toEqual([14, 14]);
    expect(d.message).toContain(`„${legacy}“`);
    expect(d.message).toContain(`CEFR taset ${cefr}`);
    const en = only(compileRef(withEstonianLevel(legacy), { lang: 'en' }), 'language-level');
    expect(en.message).toContain(`"${legacy}"`);
    expect(en.message).toContain(`CEFR level ${cefr}`);
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    'treats %s as an unknown level, not a legacy one',
    (name) => {
      // found by the fuzz campaign: a lookup in a plain object answered "[object Object]"
      const d = only(compileRef(withEstonianLevel(name)), 'language-level');
      expect(d.message).toContain(`„${name}“`);
      expect(d.message).not.toMatch(/object|function|CEFR taset/i);
    },
  );

  it('points at the second requirement when that one is wrong', () => {
    const d = only(compileRef(replace(REFERENCE, 'level: B1', 'level: B3')), 'language-level');
    expect([d.line, d.column]).toEqual([16, 14]);
  });

  it('rejects a number as a level', () => {
    const d = only(compileRef(withEstonianLevel('1')), 'language-level');
    expect(d.message).toContain('„1“');
  });

  it('reports an empty level at its key', () => {
    const d = only(compileRef(withEstonianLevel('')), 'language-level');
    expect([d.line, d.column]).toEqual([14, 7]);
    expect(d.message).toContain('tühi');
    expect(d.message).toContain('„C1“');
  });

  it('accepts every CEFR level', () => {
    for (const level of ['A1', 'A2', 'B1', 'B2', 'C1']) expectClean(compileRef(withEstonianLevel(level)));
  });
});
