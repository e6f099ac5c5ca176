import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, only, REFERENCE } from '../../../test/helpers.js';
import { Collector } from '../rule.js';
import { reportEmpty } from './empty-file.js';

describe('empty-file', () => {
  it.each([
    ['an empty file', ''],
    ['a whitespace-only file', '  \n\n\t\n   '],
    ['a BOM only', '\uFEFF'],
    ['CRLF blank lines', '\r\n\r\n'],
  ])('reports %s at 1:1, once', (_, text) => {
    const r = compileRef(text);
    const d = only(r, 'empty-file');
    expect([d.line, d.column, d.severity]).toEqual([1, 1, 'error']);
    expect(d.message).toContain('esiosa');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.model).toBeUndefined();
  });

  it('reports empty bytes (English)', () => {
    expect(only(compileRef(new Uint8Array(0), { lang: 'en' }), 'empty-file').message).toContain(
      'The file is empty',
    );
  });

  it('stays silent for a document', () => {
    expectClean(compileRef(REFERENCE));
  });
});

describe('reportEmpty (the rule’s logic)', () => {
  it('reports only text with nothing but white space', () => {
    const c = new Collector('et', 'a.md');
    expect(reportEmpty('x', c)).toBe(false);
    expect(reportEmpty(' \n\t', c)).toBe(true);
    expect(c.diagnostics.map((d) => d.rule)).toEqual(['empty-file']);
  });
});
