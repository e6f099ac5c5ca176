/**
 * The machine-readable "did you mean" of the rules (Diagnostic.suggestions): replacements for the
 * problem's exact range that the language server offers as quick fixes. Each applied gives a file
 * without that problem.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { json } from '../src/report/json.js';
import type { Diagnostic } from '../src/validate/diagnostic.js';
import { yamlScalar } from '../src/validate/util.js';
import { compileRef, only, REFERENCE, replace } from './helpers.js';

/** The text with `d`'s range replaced by `by` (positions are 1-based, columns in UTF-16 units). */
function applyAt(text: string, d: Diagnostic, by: string): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number): number =>
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return text.slice(0, offset(d.line, d.column)) + by + text.slice(offset(d.endLine, d.endColumn));
}

function fixes(text: string, rule: string, expected: string[]): void {
  const d = only(compileRef(text), rule);
  expect(d.suggestions).toEqual(expected);
  const fixed = applyAt(text, d, expected[0]!);
  const after = compileRef(fixed);
  expect(after.diagnostics.filter((x) => x.rule === rule)).toEqual([]);
  expect(after.errorCount).toBe(0);
}

describe('suggestions', () => {
  it('unknown-key: the key that was meant', () => {
    fixes(replace(REFERENCE, 'reportsTo:', 'reportTo:'), 'unknown-key', ['reportsTo']);
  });

  it('unknown-competency: the catalogue name, also when it was quoted', () => {
    fixes(replace(REFERENCE, '    - Koostöövõime', '    - Koostöövõme'), 'unknown-competency', [
      'Koostöövõime',
    ]);
    fixes(replace(REFERENCE, '    - Koostöövõime', '    - "Koostoovõime"'), 'unknown-competency', [
      'Koostöövõime',
    ]);
  });

  it('language-level: the CEFR level for an old name and for a lower-case level', () => {
    fixes(replace(REFERENCE, 'level: C1', 'level: kõrgtase'), 'language-level', ['C1']);
    fixes(replace(REFERENCE, 'level: C1', 'level: c1'), 'language-level', ['C1']);
  });

  it('language-code: the ISO 639-1 code', () => {
    fixes(replace(REFERENCE, '- lang: et', '- lang: est'), 'language-code', ['et']);
  });

  it('invalid-value: kind in Estonian, and a near enum value', () => {
    const base = replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Tiimijuht\nkind: ametnik');
    const d = only(compileRef(base), 'invalid-value');
    expect(d.suggestions).toEqual(['official']);
    // (an official needs an approval: only the invalid-value problem is gone)
    const fixed = applyAt(base, d, 'official');
    expect(compileRef(fixed).diagnostics.filter((x) => x.rule === 'invalid-value')).toEqual([]);
    fixes(
      replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Tiimijuht\nkind: employe'),
      'invalid-value',
      ['employee'],
    );
  });

  it('no suggestions field where there is nothing to suggest', () => {
    const d = only(compileRef(replace(REFERENCE, 'reportsTo:', 'zzzzzzzz:')), 'unknown-key');
    expect(d.suggestions).toBeUndefined();
    expect(Object.keys(d)).not.toContain('suggestions');
  });

  it('the JSON report includes them; a problem without has no such field', () => {
    const r = compileRef(replace(REFERENCE, 'reportsTo:', 'reportTo:'));
    const rows = JSON.parse(json({ diagnostics: r.diagnostics, fileCount: 1, lang: 'et', color: false })) as {
      suggestions?: string[];
      rule: string;
    }[];
    expect(rows.find((x) => x.rule === 'unknown-key')?.suggestions).toEqual(['reportsTo']);
    expect(rows.filter((x) => x.rule !== 'unknown-key').every((x) => !('suggestions' in x))).toBe(true);
  });

  it('yamlScalar reads back as the same string', () => {
    for (const s of [
      'Koostöövõime',
      'Suhtlemis- ja mõjutamisoskus',
      'Koostöö: suhtlus',
      'yes',
      'no',
      '1.0',
      '12',
      'a #b',
      '- x',
      ' lead',
      'null',
      '@x',
      '"q"',
      'Ärisuhtlus (B2)',
      'C1',
    ])
      expect(parse(`k: ${yamlScalar(s)}`)).toEqual({ k: s });
    expect(yamlScalar('Koostöövõime')).toBe('Koostöövõime');
    expect(yamlScalar('yes')).toBe('"yes"');
  });
});
