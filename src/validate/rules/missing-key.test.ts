import { describe, expect, it } from 'vitest';
import {
  BASE_CONFIG,
  compileInProject,
  compileRef,
  dropLines,
  expectClean,
  expectOnly,
  only,
  REFERENCE,
  replace,
} from '../../../test/helpers.js';

describe('missing-key', () => {
  it('cannot be turned off or down by the config: no model is built without a required key', () => {
    for (const setting of ['off', 'warning']) {
      const r = compileInProject(
        dropLines(REFERENCE, 'reportsTo:'),
        `${BASE_CONFIG}rules:\n  missing-key: ${setting}\n`,
      );
      expect(only(r, 'missing-key').severity).toBe('error');
      expect(r.model).toBeUndefined();
    }
  });

  it('reports a misspelt key itself when the config turns unknown-key off', () => {
    const text = replace(REFERENCE, 'reportsTo:', 'reportTo:');
    expect(compileRef(text).diagnostics.map((d) => d.rule)).toEqual(['unknown-key']);
    const r = compileInProject(text, `${BASE_CONFIG}rules:\n  unknown-key: off\n`);
    expect(only(r, 'missing-key').message).toContain('„reportsTo“');
    expect(r.model).toBeUndefined();
  });

  it('reports a missing title at the frontmatter, naming the field', () => {
    const r = compileRef(dropLines(REFERENCE, 'title:'));
    const d = only(r, 'missing-key');
    expect([d.line, d.column, d.severity]).toEqual([1, 1, 'error']);
    expect(d.message).toBe('Puudub kohustuslik võti „title“ (Ametinimetus) esiosas.');
    expectOnly(r, 'missing-key');
    expect(only(compileRef(dropLines(REFERENCE, 'title:'), { lang: 'en' }), 'missing-key').message).toBe(
      'Missing required key "title" (Job title) in the frontmatter.',
    );
  });

  it('reports a missing requirements.education at requirements', () => {
    const r = compileRef(dropLines(REFERENCE, 'education:'));
    const d = only(r, 'missing-key');
    expect([d.line, d.column]).toEqual([9, 1]);
    expect(d.message).toContain('„education“');
    expect(d.message).toContain('„requirements“');
    expectOnly(r, 'missing-key');
  });

  it('reports a missing level of a language requirement at the item', () => {
    const d = only(compileRef(dropLines(REFERENCE, 'level: B1')), 'missing-key');
    expect(d.line).toBe(15);
    expect(d.message).toContain('„level“');
  });

  it('reports missing requirements', () => {
    const text = REFERENCE.replace(/requirements:\n(?: {2}.*\n)+/, '');
    const d = only(compileRef(text, { lang: 'en' }), 'missing-key');
    expect(d.message).toContain('"requirements"');
  });

  it('reports an incomplete approval', () => {
    const d = only(
      compileRef(
        replace(
          REFERENCE,
          'reportsTo:',
          'kind: official\napproval:\n  by: Direktor\n  date: 2026-01-01\nreportsTo:',
        ),
      ),
      'missing-key',
    );
    expect(d.line).toBe(7);
    expect(d.message).toContain('„directive“');
  });

  it('stays silent when every required key is there', () => {
    expectClean(compileRef(REFERENCE));
  });
});
