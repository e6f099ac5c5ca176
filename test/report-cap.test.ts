/**
 * Hostile sizes on the real CLI: 100,000 unknown frontmatter keys, many duties. Validation is
 * near-linear (before, 100,000 keys took minutes: these tests would time out) and each rule keeps
 * at most 50 problems per file, the rest counted in one more line, in every reporter, while the
 * counts, the exit status and --max-warnings stay true.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PER_RULE } from '../src/validate/diagnostic.js';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const CONFIG = 'organisation: Amet\ncompetencies: competencies.yaml\n';

/**
 * The reference with `n` unknown top-level keys, short enough for 100,000 to stay under the 1 MiB
 * limit (number values: yaml's slow path, not the fast one).
 */
function manyKeys(n: number): string {
  let keys = '';
  for (let i = 0; i < n; i++) keys += `_${i.toString(36)}: 1\n`;
  return reference.replace('reportsTo: Tiimijuht\n', () => `reportsTo: Tiimijuht\n${keys}`);
}

/** The reference whose duties are `n` items, every other one without expected results. */
function manyDuties(n: number): string {
  let list = '';
  for (let i = 0; i < n; i++) list += i % 2 ? '1. Töö.\n' : '1. Töö.\n   - Tehtud.\n';
  const out = reference.replace(
    /(## Tööülesanded\n\n)[\s\S]*?\n(?=## )/,
    (_, head: string) => `${head}${list}\n`,
  );
  expect(out).not.toBe(reference);
  return out;
}

function repo(doc: string, config = CONFIG): string {
  return tempTree({ 'ametijuhend.config.yaml': config, 'competencies.yaml': catalogue, 'a.md': doc });
}

interface Row {
  rule: string;
  severity: string;
  message: string;
  omitted?: number;
}

const byRule = (rows: readonly Row[], rule: string): Row[] => rows.filter((r) => r.rule === rule);

describe('capped problems', () => {
  it('100,000 unknown keys: 50 listed and one line for the other 99,950, the true totals (json, stylish)', () => {
    const dir = repo(manyKeys(100_000));
    const json = cli(['check', 'a.md', '--format', 'json', '--lang', 'en'], dir);
    expect(json.code).toBe(1);
    const rows = JSON.parse(json.stdout) as Row[];
    const unknown = byRule(rows, 'unknown-key');
    expect(unknown).toHaveLength(MAX_PER_RULE + 1);
    expect(unknown.filter((r) => r.omitted === undefined)).toHaveLength(MAX_PER_RULE);
    const more = unknown.find((r) => r.omitted !== undefined)!;
    expect(more).toMatchObject({
      severity: 'error',
      omitted: 99_950,
      message: 'and 99,950 more problems of this rule in this file (the first 50 are shown).',
    });
    expect(rows).toHaveLength(MAX_PER_RULE + 1); // nothing else is wrong with the file

    const stylish = cli(['check', 'a.md', '--lang', 'et'], dir);
    expect(stylish.code).toBe(1);
    const lines = stylish.stdout.split('\n');
    expect(lines.filter((l) => l.endsWith('[unknown-key]'))).toHaveLength(MAX_PER_RULE + 1);
    expect(stylish.stdout).toContain(
      ': viga ja veel 99\u00a0950 sama reegli probleemi selles failis (näidatud on esimesed 50). [unknown-key]\n',
    );
    expect(stylish.stdout).toContain(
      '✖ 100\u00a0000 probleemi (100\u00a0000 viga, 0 hoiatust); probleemidega faile 1, kontrollitud 1.\n',
    );
  });

  it('1,200 duties, 600 without results: 50 listed, one line for the rest, the exit status fails', () => {
    // (more than 2,000 list items are one markdown-limit error: 56,000 duties below)
    const dir = repo(manyDuties(1_200));
    const r = cli(['check', 'a.md', '--format', 'json', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as Row[];
    expect(rows).toHaveLength(MAX_PER_RULE + 1);
    expect(byRule(rows, 'duties-results')).toHaveLength(MAX_PER_RULE + 1);
    expect(rows[MAX_PER_RULE]).toMatchObject({
      rule: 'duties-results',
      omitted: 550,
      message: 'and 550 more problems of this rule in this file (the first 50 are shown).',
    });
    const status = cli(['status', 'a.md', '--format', 'json'], dir);
    expect(JSON.parse(status.stdout)).toMatchObject([{ file: 'a.md', errors: 600, warnings: 0 }]);
  });

  it('56,000 duties, 28,000 without results: one markdown-limit error, at once', () => {
    const doc = manyDuties(56_000);
    expect(Buffer.byteLength(doc)).toBeLessThan(1024 * 1024);
    const r = cli(['check', 'a.md', '--format', 'json', '--lang', 'en'], repo(doc));
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Row[]).map((x) => x.rule)).toEqual(['markdown-limit']);
  });

  it('every reporter shows the line, and the counts stay true (github, sarif, junit, status)', () => {
    const dir = repo(manyKeys(300));
    const en = 'and 250 more problems of this rule in this file (the first 50 are shown).';

    const github = cli(['check', 'a.md', '--format', 'github', '--lang', 'en'], dir);
    const annotations = github.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(MAX_PER_RULE + 1);
    expect(annotations.filter((l) => l.endsWith(`::${en}`))).toHaveLength(1);

    const sarif = cli(['check', 'a.md', '--format', 'sarif', '--lang', 'en'], dir);
    const results = (
      JSON.parse(sarif.stdout) as {
        runs: { results: { message: { text: string }; properties?: { omitted: number } }[] }[];
      }
    ).runs[0]!.results;
    expect(results).toHaveLength(MAX_PER_RULE + 1);
    expect(results.filter((x) => x.message.text === en)).toMatchObject([{ properties: { omitted: 250 } }]);

    const junit = cli(['check', 'a.md', '--format', 'junit', '--lang', 'en'], dir);
    expect(junit.stdout.match(/<failure /g)).toHaveLength(MAX_PER_RULE + 1);
    expect(junit.stdout).toContain(`a.md:`);
    expect(junit.stdout).toContain(`: ${en}</failure>`);

    const status = cli(['status', 'a.md', '--format', 'json'], dir);
    expect(JSON.parse(status.stdout)).toMatchObject([{ file: 'a.md', errors: 300, warnings: 0 }]);
  });

  it('--max-warnings counts the real number of warnings, not the lines shown', () => {
    const dir = repo(manyKeys(300), `${CONFIG}rules:\n  unknown-key: warning\n`);
    const over = cli(['check', 'a.md', '--max-warnings', '299', '--lang', 'en'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('ametijuhend: 300 warnings, at most 299 allowed (--max-warnings).\n');
    expect(over.stdout).toContain('✖ 300 problems (0 errors, 300 warnings) in 1 of 1 file.\n');
    expect(over.stdout.split('\n').filter((l) => l.endsWith('[unknown-key]'))).toHaveLength(MAX_PER_RULE + 1);
    expect(cli(['check', 'a.md', '--max-warnings', '300'], dir).code).toBe(0);
  });
});
