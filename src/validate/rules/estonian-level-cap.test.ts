import { describe, expect, it } from 'vitest';
import {
  BASE_CONFIG,
  compileInProject,
  compileRef,
  expectClean,
  expectOnly,
  only,
  REFERENCE,
  replace,
} from '../../../test/helpers.js';

const estonianC2 = replace(REFERENCE, 'level: C1', 'level: C2');

describe('estonian-level-cap', () => {
  it('rejects Estonian at C2, citing the regulation and naming C1', () => {
    const r = compileRef(estonianC2);
    const d = only(r, 'estonian-level-cap');
    expect([d.line, d.column, d.severity]).toEqual([14, 14, 'error']);
    expect(d.message).toContain('„C2“');
    expect(d.message).toContain('C1');
    expect(d.message).toContain('määrus nr 84');
    expect(r.model).toBeUndefined();
    expectOnly(r, 'estonian-level-cap');
  });

  it('says so in English', () => {
    const d = only(compileRef(estonianC2, { lang: 'en' }), 'estonian-level-cap');
    expect(d.message).toContain('"C2"');
    expect(d.message).toContain('above level C1');
    expect(d.message).toContain('Regulation No 84');
  });

  it('also applies when Estonian is one of several languages', () => {
    const text = replace(REFERENCE, 'lang: et\n      level: C1', 'lang: [ru, et]\n      level: C2');
    const d = only(compileRef(text), 'estonian-level-cap');
    expect([d.line, d.column]).toEqual([14, 14]);
  });

  it('is lowered to a warning by the config (rules: {estonian-level-cap: warning}), the model is built', () => {
    const r = compileInProject(estonianC2, `${BASE_CONFIG}rules:\n  estonian-level-cap: warning\n`);
    const d = only(r, 'estonian-level-cap');
    expect([d.line, d.column, d.severity]).toEqual([14, 14, 'warning']);
    expect(r.errorCount).toBe(0);
    expect(r.model?.requirements.languages[0]?.level).toBe('C2');
  });

  it('can be switched off', () => {
    const r = compileInProject(estonianC2, `${BASE_CONFIG}rules: {estonian-level-cap: off}\n`);
    expect(r.diagnostics).toEqual([]);
  });

  it('accepts Estonian at C1 and other languages at C2', () => {
    expectClean(compileRef(REFERENCE));
    expectClean(compileRef(replace(REFERENCE, 'level: B1', 'level: C2')));
  });
});
