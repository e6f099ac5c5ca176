import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, expectOnly, only, REFERENCE, replace } from '../../../test/helpers.js';

describe('language-code', () => {
  it('suggests "et" for "est"', () => {
    const r = compileRef(replace(REFERENCE, 'lang: et', 'lang: est'));
    const d = only(r, 'language-code');
    expect([d.line, d.column, d.severity]).toEqual([13, 13, 'error']);
    expect(d.message).toContain('„est“');
    expect(d.message).toContain('„et“');
    expectOnly(r, 'language-code');
    const en = only(compileRef(replace(REFERENCE, 'lang: et', 'lang: est'), { lang: 'en' }), 'language-code');
    expect(en.message).toContain('"est"');
    expect(en.message).toContain('did you mean "et" (Estonian)');
  });

  it('suggests "en" for "EN"', () => {
    const d = only(compileRef(replace(REFERENCE, 'lang: [en, ru]', 'lang: [EN, ru]')), 'language-code');
    expect([d.line, d.column]).toEqual([15, 14]);
    expect(d.message).toContain('„EN“');
    expect(d.message).toContain('„en“');
  });

  it('rejects "xx", a well-formed code that is no language, naming valid codes', () => {
    const r = compileRef(replace(REFERENCE, 'lang: et', 'lang: xx'));
    const d = only(r, 'language-code');
    expect([d.line, d.column]).toEqual([13, 13]);
    expect(d.message).toContain('„xx“');
    expect(d.message).toContain('„et“');
    expect(r.model).toBeUndefined();
  });

  it('points at the bad code inside a list', () => {
    const d = only(compileRef(replace(REFERENCE, 'lang: [en, ru]', 'lang: [en, xx]')), 'language-code');
    expect([d.line, d.column]).toEqual([15, 18]);
    expect(d.message).toContain('„xx“');
  });

  it('rejects a long name such as "estonian"', () => {
    const d = only(compileRef(replace(REFERENCE, 'lang: et', 'lang: estonian')), 'language-code');
    expect(d.line).toBe(13);
    expect(d.message).toContain('„estonian“');
  });

  it('accepts ISO 639-1 codes, alone and as lists', () => {
    expectClean(compileRef(REFERENCE));
    expectClean(compileRef(replace(REFERENCE, 'lang: [en, ru]', 'lang: [fi, de, fr]')));
  });
});
