/**
 * Outputs a user can trust, through the CLI: the cache is shared by builds run from any folder of
 * the repository, and a new day's build reports a review now due without rendering again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLES, hashes, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

function repo(extra: Record<string, string> = {}, cfg = config): string {
  return tempTree({
    'docs/ametijuhend.config.yaml': cfg,
    'docs/competencies.yaml': catalogue,
    'docs/ekspert-kriisiabi.md': reference,
    'docs/andmed/data-analyst.md': english.replace('../schemas', '../../schemas'),
    ...extra,
  });
}

describe('the build cache', () => {
  it('is kept at the root of the git work tree of the inputs, whatever folder the build runs from', () => {
    const dir = repo();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const first = cli(['build', '.', '-o', '../out', '--format', 'html', '--lang', 'en'], join(dir, 'docs'));
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/\(2 rendered, 0 cached\)/);
    expect(readdirSync(dir).sort()).toEqual(['.ametijuhend-cache', '.git', 'docs', 'out']);
    expect(existsSync(join(dir, 'docs', '.ametijuhend-cache'))).toBe(false);
    // the same build again: every output from that cache (entries also key the working folder,
    // which the paths in messages depend on)
    const again = cli(['build', '.', '-o', '../out', '--format', 'html', '--lang', 'en'], join(dir, 'docs'));
    expect(again.stderr).toMatch(/\(0 rendered, 2 cached\)/);
    expect(cli(['build', 'docs', '-o', 'out', '--format', 'html'], dir).code).toBe(0);
    expect(readdirSync(join(dir, '.ametijuhend-cache'))).toHaveLength(1); // one out-dir, one cache
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['andmed', 'ekspert-kriisiabi.html']);
    // check --cache too: at the repository root, from any folder
    expect(cli(['check', '.', '--cache'], join(dir, 'docs')).code).toBe(0);
    expect(existsSync(join(dir, '.ametijuhend-cache', 'check', 'index.json'))).toBe(true);
    expect(existsSync(join(dir, 'docs', '.ametijuhend-cache'))).toBe(false);
  });

  it('with review.months, a later day reports the review now due, and renders nothing again', () => {
    const dir = repo({}, `${config}review:\n  months: 12\n`);
    const args = ['build', 'docs/andmed', '-o', 'out', '--lang', 'en'];
    const before = cli(args, dir, { AMETIJUHEND_TODAY: '2026-06-01' });
    expect(before.code).toBe(0);
    expect(before.stdout).not.toMatch(/review-overdue/);
    const built = hashes(join(dir, 'out'));
    const later = cli(args, dir, { AMETIJUHEND_TODAY: '2027-06-01' });
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(
      /data-analyst\.md:11:\d+: warning .*due for review by 2027-03-01.* \[review-overdue\]/,
    );
    expect(later.stderr).toMatch(/\(0 rendered, 1 cached\)/);
    expect(hashes(join(dir, 'out'))).toEqual(built);
    // and the same day again: from the cache, with the warning
    const same = cli(args, dir, { AMETIJUHEND_TODAY: '2027-06-01' });
    expect(same.stdout).toMatch(/\[review-overdue\]/);
    expect(same.stderr).toMatch(/\(0 rendered, 1 cached\)/);
    // back to the first day: no warning
    expect(cli(args, dir, { AMETIJUHEND_TODAY: '2026-06-01' }).stdout).not.toMatch(/review-overdue/);
  });
});
