/**
 * Deeply nested Markdown through the real CLI: a folder with one description nested thousands of
 * levels deep beside a valid one. The deep one gets one positioned nesting-depth error; the valid
 * one is checked, listed and built as usual; nothing crashes (exit 1, never 2).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const ANCHOR = '## Töövahendid\n\n';
/** Line 111 of the reference is the first content line of "## Töövahendid". */
const deep = (block: string): string => reference.replace(ANCHOR, `${ANCHOR}${block}\n\n`);
const nestedList = (n: number, w: number, eol = '\n'): string =>
  Array.from({ length: n }, (_, i) => `${' '.repeat(i * w)}- tase ${i + 1}`).join(eol);

function repo(deepText: string): string {
  return tempTree({
    'ametijuhend.config.yaml': [
      'organisation: Sotsiaalkindlustusamet',
      'competencies: competencies.yaml',
      // the reference names roles not in this folder; references are not what this is about
      'rules:',
      '  unknown-reference: off',
      '',
    ].join('\n'),
    'competencies.yaml': catalogue,
    'docs/ekspert.md': reference,
    'docs/sugav.md': deepText.replace('title: Ekspert (psühhosotsiaalne kriisiabi)', 'title: Sügav ekspert'),
  });
}

const CASES: Array<[string, string, number, number]> = [
  ['10,000 nested block quotes', deep(`${'>'.repeat(10_000)} x`), 111, 33],
  [
    'a list 1,000 deep (2-space indentation, CRLF)',
    deep(nestedList(1000, 2)).replace(/\n/g, '\r\n'),
    111 + 32,
    65,
  ],
];

describe('deep nesting on the CLI', () => {
  for (const [name, text, line, column] of CASES) {
    it(`check, status: ${name} is one positioned error, the valid file is clean`, () => {
      const dir = repo(text);
      const r = cli(['check', 'docs', '--lang', 'en', '--format', 'json'], dir);
      expect(r.stderr).not.toMatch(/RangeError|Maximum call stack/);
      expect(r.code).toBe(1);
      const results = JSON.parse(r.stdout) as Array<{
        file: string;
        line: number;
        column: number;
        rule: string;
        message: string;
      }>;
      const deepOnes = results.filter((d) => d.file.endsWith('sugav.md'));
      expect(deepOnes.map((d) => [d.line, d.column, d.rule])).toEqual([[line, column, 'nesting-depth']]);
      expect(deepOnes[0]!.message).toContain('at most 32 are allowed');
      expect(results.filter((d) => d.file.endsWith('ekspert.md'))).toEqual([]);

      const s = cli(['status', 'docs', '--format', 'json'], dir);
      expect(s.stderr).toBe('');
      expect(s.code).toBe(0);
      const rows = JSON.parse(s.stdout) as Array<{ file: string; errors: number; title: string | null }>;
      expect(rows.map((row) => [row.file, row.errors])).toEqual([
        [join('docs', 'ekspert.md'), 0],
        [join('docs', 'sugav.md'), 1],
      ]);
    }, 120_000);
  }

  it('build and build --roster: the valid file is built, the deep one reported, exit 1', () => {
    const dir = repo(deep(`${'>'.repeat(2_000)} x`));
    const r = cli(['build', 'docs', '-o', 'out', '--lang', 'en'], dir);
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack|build failed/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^docs\/sugav\.md:111:33: error Block quotes.*nested.*\[nesting-depth\]$/m);
    for (const ext of ['pdf', 'html', 'docx'])
      expect(existsSync(join(dir, 'out', `ekspert.${ext}`))).toBe(true);
    expect(r.stderr).toContain('FAILED docs/sugav.md');
    expect(r.stderr).toMatch(/Built 1 description \(3 files\), 1 failed/);

    const roster = join(dir, 'roster.csv');
    tempRoster(roster, 'id,employee\nekspert,Mari Maasikas\nsugav,Jaan Tamm\n');
    const b = cli(
      ['build', 'docs', '--roster', roster, '-o', 'personal', '--format', 'html', '--lang', 'en'],
      dir,
    );
    expect(b.stderr).not.toMatch(/RangeError|Maximum call stack/);
    expect(b.code).toBe(1);
    expect(existsSync(join(dir, 'personal', 'ekspert-mari-maasikas.html'))).toBe(true);
    expect(b.stdout).toMatch(/^docs\/sugav\.md:111:33: error .*\[nesting-depth\]$/m);
  }, 180_000);
});

function tempRoster(path: string, text: string): void {
  writeFileSync(path, text);
}
