/**
 * The stylish reporter's closing line at 0, 1, 2, 5 and 21 of each count, in both languages: the
 * word after a number takes the form that number asks for ("1 fail" / "2 faili", "1 file" / "2 files").
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../validate/diagnostic.js';
import { stylish } from './stylish.js';
import type { ReportInput } from './types.js';

const COUNTS = [0, 1, 2, 5, 21] as const;

const problem = (file: string, severity: Severity): Diagnostic => ({
  file,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  severity,
  rule: 'x',
  message: 'x',
});

const last = (input: Omit<ReportInput, 'color'>): string =>
  stylish({ ...input, color: false })
    .trimEnd()
    .split('\n')
    .at(-1)!;

/** `n` files checked, each with one error; `w` warnings in the first one; `o` problems elsewhere. */
function input(n: number, w: number, o = 0): Omit<ReportInput, 'lang' | 'color'> {
  const files = Array.from({ length: Math.max(n, 1) }, (_, i) => `f${i}.md`);
  const diagnostics = [
    ...files.slice(0, n).map((f) => problem(f, 'error')),
    ...Array.from({ length: w }, () => problem(files[0]!, 'warning')),
    ...Array.from({ length: o }, (_, i) => problem(`other${i}.yaml`, 'error')),
  ];
  return { diagnostics, fileCount: files.length, files };
}

describe('stylish summary', () => {
  it('no problems: "1 fail" / "2 faili" checked', () => {
    const at = (lang: 'et' | 'en') => COUNTS.map((fileCount) => last({ diagnostics: [], fileCount, lang }));
    expect(at('et')).toEqual([
      '✔ 0 faili kontrollitud, probleeme pole.',
      '✔ 1 fail kontrollitud, probleeme pole.',
      '✔ 2 faili kontrollitud, probleeme pole.',
      '✔ 5 faili kontrollitud, probleeme pole.',
      '✔ 21 faili kontrollitud, probleeme pole.',
    ]);
    expect(at('en')).toEqual([
      '✔ 0 files checked, no problems.',
      '✔ 1 file checked, no problems.',
      '✔ 2 files checked, no problems.',
      '✔ 5 files checked, no problems.',
      '✔ 21 files checked, no problems.',
    ]);
  });

  it('problems: problems, errors, warnings, files and other files each counted in their own form', () => {
    const at = (lang: 'et' | 'en') => COUNTS.map((n) => last({ ...input(n, n, n), lang }));
    expect(at('et')).toEqual([
      '✔ 1 fail kontrollitud, probleeme pole.', // nothing to count at 0
      '✖ 3 probleemi (2 viga, 1 hoiatus); probleemidega faile 1, kontrollitud 1; probleeme ka 1 muus failis.',
      '✖ 6 probleemi (4 viga, 2 hoiatust); probleemidega faile 2, kontrollitud 2; probleeme ka 2 muus failis.',
      '✖ 15 probleemi (10 viga, 5 hoiatust); probleemidega faile 5, kontrollitud 5; probleeme ka 5 muus failis.',
      '✖ 63 probleemi (42 viga, 21 hoiatust); probleemidega faile 21, kontrollitud 21; probleeme ka 21 muus failis.',
    ]);
    expect(at('en')).toEqual([
      '✔ 1 file checked, no problems.',
      '✖ 3 problems (2 errors, 1 warning) in 1 of 1 file, and in 1 other file.',
      '✖ 6 problems (4 errors, 2 warnings) in 2 of 2 files, and in 2 other files.',
      '✖ 15 problems (10 errors, 5 warnings) in 5 of 5 files, and in 5 other files.',
      '✖ 63 problems (42 errors, 21 warnings) in 21 of 21 files, and in 21 other files.',
    ]);
    // one problem in all
    expect(last({ ...input(1, 0), lang: 'et' })).toBe(
      '✖ 1 probleem (1 viga, 0 hoiatust); probleemidega faile 1, kontrollitud 1.',
    );
    expect(last({ ...input(1, 0), lang: 'en' })).toBe('✖ 1 problem (1 error, 0 warnings) in 1 of 1 file.');
  });

  it('--quiet, no errors: says so and how many warnings it left out', () => {
    const at = (lang: 'et' | 'en') =>
      COUNTS.map((n) => last({ diagnostics: [], fileCount: n, hiddenWarnings: n, lang }));
    expect(at('et')).toEqual([
      '✔ 0 faili kontrollitud, vigu pole.',
      '✔ 1 fail kontrollitud, vigu pole. 1 hoiatus jäeti näitamata (--quiet).',
      '✔ 2 faili kontrollitud, vigu pole. 2 hoiatust jäeti näitamata (--quiet).',
      '✔ 5 faili kontrollitud, vigu pole. 5 hoiatust jäeti näitamata (--quiet).',
      '✔ 21 faili kontrollitud, vigu pole. 21 hoiatust jäeti näitamata (--quiet).',
    ]);
    expect(at('en')).toEqual([
      '✔ 0 files checked, no errors.',
      '✔ 1 file checked, no errors. 1 warning not shown (--quiet).',
      '✔ 2 files checked, no errors. 2 warnings not shown (--quiet).',
      '✔ 5 files checked, no errors. 5 warnings not shown (--quiet).',
      '✔ 21 files checked, no errors. 21 warnings not shown (--quiet).',
    ]);
  });

  it('--quiet with errors: errors only, never "0 warnings"', () => {
    const at = (lang: 'et' | 'en') => COUNTS.map((n) => last({ ...input(n, 0, n), hiddenWarnings: n, lang }));
    expect(at('et')).toEqual([
      '✔ 1 fail kontrollitud, vigu pole.',
      '✖ 2 viga; vigadega faile 1, kontrollitud 1; vigu ka 1 muus failis. 1 hoiatus jäeti näitamata (--quiet).',
      '✖ 4 viga; vigadega faile 2, kontrollitud 2; vigu ka 2 muus failis. 2 hoiatust jäeti näitamata (--quiet).',
      '✖ 10 viga; vigadega faile 5, kontrollitud 5; vigu ka 5 muus failis. 5 hoiatust jäeti näitamata (--quiet).',
      '✖ 42 viga; vigadega faile 21, kontrollitud 21; vigu ka 21 muus failis. 21 hoiatust jäeti näitamata (--quiet).',
    ]);
    expect(at('en')).toEqual([
      '✔ 1 file checked, no errors.',
      '✖ 2 errors in 1 of 1 file, and in 1 other file. 1 warning not shown (--quiet).',
      '✖ 4 errors in 2 of 2 files, and in 2 other files. 2 warnings not shown (--quiet).',
      '✖ 10 errors in 5 of 5 files, and in 5 other files. 5 warnings not shown (--quiet).',
      '✖ 42 errors in 21 of 21 files, and in 21 other files. 21 warnings not shown (--quiet).',
    ]);
    expect(last({ ...input(1, 0), hiddenWarnings: 0, lang: 'en' })).toBe('✖ 1 error in 1 of 1 file.');
  });

  it('counts a capped rule’s omitted problems and groups large numbers by language', () => {
    const capped = { ...problem('a.md', 'warning'), omitted: 12345 };
    const base = { diagnostics: [capped], fileCount: 1, files: ['a.md'] };
    expect(last({ ...base, lang: 'et' })).toBe(
      '✖ 12\u00a0345 probleemi (0 viga, 12\u00a0345 hoiatust); probleemidega faile 1, kontrollitud 1.',
    );
    expect(last({ ...base, lang: 'en' })).toBe(
      '✖ 12,345 problems (0 errors, 12,345 warnings) in 1 of 1 file.',
    );
  });
});

describe('stylish colours', () => {
  it('colours on a terminal only, and the text is the same either way', () => {
    const base = { ...input(2, 1), lang: 'en' as const };
    const plain = stylish({ ...base, color: false });
    const coloured = stylish({ ...base, color: true });
    expect(plain).not.toContain('\u001b[');
    // red errors, yellow warnings, underlined paths, a bold summary
    for (const code of ['\u001b[31m', '\u001b[33m', '\u001b[4m', '\u001b[1m'])
      expect(coloured).toContain(code);
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});
