/**
 * Outputs a user can trust, through the CLI: outputs no description produces any more are moved
 * aside to `<out-dir>/.stale/` (and only those this tool wrote), the cache is shared by builds run
 * from any folder of the repository, and a new day's build reports a review now due without
 * rendering again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

const broken = reference.replace('level: C1', 'level: C7');
const list = (dir: string): string[] => Object.keys(hashes(dir)).sort();
const OWN = ['ekspert-kriisiabi.docx', 'ekspert-kriisiabi.html', 'ekspert-kriisiabi.pdf'];
const ANALYST = ['andmed/data-analyst.docx', 'andmed/data-analyst.html', 'andmed/data-analyst.pdf'];

describe('outputs no description produces any more', () => {
  it('of a description that now fails are moved aside to .stale/, said in the summary; the user’s own files stay', () => {
    const dir = repo({ 'out/minu-fail.pdf': 'my own', 'out/ekspert-kriisiabi-vana.pdf': 'mine too' });
    expect(cli(['build', 'docs', '-o', 'out'], dir).code).toBe(0);
    const good = hashes(join(dir, 'out'));
    writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), broken);
    const r = cli(['build', 'docs', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(list(join(dir, 'out'))).toEqual([
      ...OWN.map((f) => `.stale/${f}`),
      ...ANALYST,
      'ekspert-kriisiabi-vana.pdf',
      'minu-fail.pdf',
    ]);
    // moved whole, nothing lost
    for (const f of OWN) expect(hashes(join(dir, 'out'))[`.stale/${f}`]).toBe(good[f]);
    expect(r.stderr).toMatch(/^Tõstetud kausta out\/\.stale\/ .*:$/m);
    expect(r.stderr).toMatch(/^ {2}out\/ekspert-kriisiabi\.pdf → out\/\.stale\/ekspert-kriisiabi\.pdf$/m);
    expect(r.stderr.match(/^ {2}out\/.* → /gm)).toHaveLength(3);
    // in English too, and the next build has nothing more to move
    const again = cli(['build', 'docs', '-o', 'out', '--lang', 'en'], dir);
    expect(again.stderr).not.toMatch(/Moved aside/);
    // fixed: built again; failing again: the newer outputs replace those in .stale/
    writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), reference.replace('Ekspert (', 'Vanemekspert ('));
    expect(cli(['build', 'docs', '-o', 'out'], dir).code).toBe(0);
    const second = hashes(join(dir, 'out'))['ekspert-kriisiabi.html'];
    expect(second).not.toBe(good['ekspert-kriisiabi.html']);
    writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), broken);
    const en = cli(['build', 'docs', '-o', 'out', '--lang', 'en'], dir);
    expect(en.stderr).toMatch(
      /^Moved aside to out\/\.stale\/ \(no description produces them any more, or it now fails\):$/m,
    );
    expect(hashes(join(dir, 'out'))['.stale/ekspert-kriisiabi.html']).toBe(second);
    expect(existsSync(join(dir, 'out/ekspert-kriisiabi.html'))).toBe(false);
  });

  it('an output edited since it was written is the user’s: never moved', () => {
    const dir = repo();
    expect(cli(['build', 'docs', '-o', 'out'], dir).code).toBe(0);
    writeFileSync(join(dir, 'out/ekspert-kriisiabi.html'), 'my edited copy');
    writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), broken);
    expect(cli(['build', 'docs', '-o', 'out'], dir).code).toBe(1);
    expect(readFileSync(join(dir, 'out/ekspert-kriisiabi.html'), 'utf8')).toBe('my edited copy');
    expect(list(join(dir, 'out'))).toEqual([
      '.stale/ekspert-kriisiabi.docx',
      '.stale/ekspert-kriisiabi.pdf',
      ...ANALYST,
      'ekspert-kriisiabi.html',
    ]);
  });

  it('a partial build moves nothing of the descriptions it did not build; the full build does', () => {
    const dir = repo();
    expect(cli(['build', 'docs', '-o', 'out'], dir).code).toBe(0);
    writeFileSync(
      join(dir, 'docs/andmed/data-analyst.md'),
      english.replace('../schemas', '../../schemas').replace('level: C1', 'level: C7'),
    );
    const partial = cli(['build', 'docs/ekspert-kriisiabi.md', '-o', 'out'], dir);
    expect(partial.code).toBe(0);
    expect(list(join(dir, 'out'))).toEqual([...ANALYST, ...OWN]);
    // a sub-folder built on its own writes elsewhere: the description's outputs there stay too
    writeFileSync(join(dir, 'docs/andmed/data-analyst.md'), english.replace('../schemas', '../../schemas'));
    expect(cli(['build', 'docs/andmed', '-o', 'out', '--format', 'html'], dir).code).toBe(0);
    expect(list(join(dir, 'out'))).toEqual([...ANALYST, 'data-analyst.html', ...OWN]);
    writeFileSync(
      join(dir, 'docs/andmed/data-analyst.md'),
      english.replace('../schemas', '../../schemas').replace('level: C1', 'level: C7'),
    );
    expect(cli(['build', 'docs', '-o', 'out'], dir).code).toBe(1);
    expect(list(join(dir, 'out'))).toEqual([
      ...ANALYST.map((f) => `.stale/${f}`),
      '.stale/data-analyst.html',
      ...OWN,
    ]);
  });

  it('of a deleted or renamed description, or under an old id, are moved aside', () => {
    const dir = repo();
    expect(cli(['build', 'docs', '-o', 'out'], dir).code).toBe(0);
    renameSync(join(dir, 'docs/ekspert-kriisiabi.md'), join(dir, 'docs/kriisiabi.md'));
    // even a build of one other file: the description is gone
    expect(cli(['build', 'docs/kriisiabi.md', '-o', 'out', '--format', 'pdf'], dir).code).toBe(0);
    expect(list(join(dir, 'out'))).toEqual([...OWN.map((f) => `.stale/${f}`), ...ANALYST, 'kriisiabi.pdf']);
    // a new id in the frontmatter: the old id's outputs go, in every format (HTML and DOCX too,
    // though only PDF is built)
    writeFileSync(
      join(dir, 'docs/andmed/data-analyst.md'),
      english.replace('../schemas', '../../schemas').replace('id: data-analyst', 'id: analyst'),
    );
    expect(cli(['build', 'docs', '-o', 'out', '--format', 'pdf'], dir).code).toBe(0);
    expect(list(join(dir, 'out')).filter((f) => !f.startsWith('.stale/ekspert'))).toEqual([
      ...ANALYST.map((f) => `.stale/${f}`),
      'andmed/analyst.pdf',
      'kriisiabi.pdf',
    ]);
    rmSync(join(dir, 'docs/kriisiabi.md'));
    expect(cli(['build', 'docs', '-o', 'out', '--format', 'pdf'], dir).code).toBe(0);
    expect(list(join(dir, 'out')).filter((f) => !f.startsWith('.stale/'))).toEqual(['andmed/analyst.pdf']);
    expect(existsSync(join(dir, 'out/.stale/kriisiabi.pdf'))).toBe(true);
  });

  it('a roster row that is gone moves its document aside; a failing description, its rows’ too', () => {
    const dir = repo({
      'roster.csv': 'id,employee\nekspert-kriisiabi,Mari Maasikas\nekspert-kriisiabi,Jaan Tamm\n',
    });
    const roster = ['build', 'docs', '-o', 'out', '--format', 'html', '--roster', 'roster.csv'];
    expect(cli(roster, dir).code).toBe(0);
    const rows = list(join(dir, 'out'));
    expect(rows).toHaveLength(2);
    expect(cli(['build', 'docs', '-o', 'out', '--format', 'html'], dir).code).toBe(0);
    writeFileSync(join(dir, 'roster.csv'), 'id,employee\nekspert-kriisiabi,Mari Maasikas\n');
    expect(cli(roster, dir).code).toBe(0);
    const left = list(join(dir, 'out'));
    expect(left.filter((f) => f.startsWith('.stale/'))).toHaveLength(1);
    // the description fails: its own outputs and its row's document go
    writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), broken);
    expect(cli(['build', 'docs', '-o', 'out', '--format', 'html'], dir).code).toBe(1);
    expect(list(join(dir, 'out')).filter((f) => !f.startsWith('.stale/'))).toEqual([
      'andmed/data-analyst.html',
    ]);
  });
});
