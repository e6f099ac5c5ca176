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

describe('unknown-key', () => {
  it('suggests reportsTo for reportTo, reported once (no missing-key as well)', () => {
    const text = replace(REFERENCE, 'reportsTo:', 'reportTo:');
    const r = compileRef(text);
    const d = only(r, 'unknown-key');
    expect([d.line, d.column, d.severity]).toEqual([6, 1, 'error']);
    expect(d.message).toContain('„reportTo“');
    expect(d.message).toContain('„reportsTo“');
    expectOnly(r, 'unknown-key');
    const en = only(compileRef(text, { lang: 'en' }), 'unknown-key');
    expect(en.message).toBe('Unknown key "reportTo". Did you mean "reportsTo"?');
  });

  it('reports a nested unknown key with its parent', () => {
    const r = compileRef(replace(REFERENCE, '  experience:', '  experiense:'));
    const d = only(r, 'unknown-key');
    expect([d.line, d.column]).toEqual([11, 3]);
    expect(d.message).toContain('„experiense“');
    expect(d.message).toContain('„requirements“');
    expect(d.message).toContain('„experience“');
    expectOnly(r, 'unknown-key');
  });

  it('reports an unknown key in a language requirement', () => {
    const d = only(
      compileRef(replace(REFERENCE, '      level: B1', '      level: B1\n      notes: x')),
      'unknown-key',
    );
    expect([d.line, d.column]).toEqual([17, 7]);
    expect(d.message).toContain('„note“');
  });

  it('lists the allowed keys when nothing is close', () => {
    const d = only(
      compileRef(replace(REFERENCE, 'reportsTo:', 'palgaaste: 5\nreportsTo:'), { lang: 'en' }),
      'unknown-key',
    );
    expect(d.line).toBe(6);
    expect(d.message).toContain('"palgaaste"');
    expect(d.message).toContain('"reportsTo"');
  });

  it('reports an unknown key in the config', () => {
    const r = compileInProject(REFERENCE, `${BASE_CONFIG}organisaton: X\n`);
    const d = only(r, 'unknown-key');
    expect(d).toMatchObject({ file: 'ametijuhend.config.yaml', line: 4, column: 1 });
    expect(d.message).toContain('„organisation“');
  });

  it('never suggests a key the map already has (its quick fix would repeat it)', () => {
    const top = only(compileRef(replace(REFERENCE, 'reportsTo:', 'title2: x\nreportsTo:')), 'unknown-key');
    expect(top.message).not.toMatch(/Kas mõtlesid[^?]*„title“/);
    expect(top.suggestions ?? []).not.toContain('title');
    const nested = only(
      compileRef(replace(REFERENCE, '  experience:', '  educaton: x\n  experience:')),
      'unknown-key',
    );
    expect(nested.suggestions ?? []).not.toContain('education');
    // the same typo without the key beside it: suggested
    const alone = only(compileRef(replace(REFERENCE, '  experience:', '  experiense:')), 'unknown-key');
    expect(alone.suggestions).toEqual(['experience']);
  });

  it('stays silent for known keys', () => {
    expectClean(compileRef(REFERENCE));
  });
});
