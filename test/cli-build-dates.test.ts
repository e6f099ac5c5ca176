/**
 * The creation date of outputs of a description with no `reviewed` or approval date: the last git
 * commit of its source (the same in every clone), else 2000-01-01; SOURCE_DATE_EPOCH wins, and a
 * description's own date wins over the commit. Read back from the PDF (XMP and Info) and the DOCX.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { commitDates } from '../src/build/git-dates.js';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');

function git(dir: string, args: string[], date?: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org' };
  const dated = date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {};
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
    cwd: dir,
    env: { ...env, GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', ...dated },
    stdio: 'ignore',
  });
}

function repo(): string {
  const dir = tempTree({
    'docs/ametijuhend.config.yaml': readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8'),
    'docs/competencies.yaml': readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8'),
    'docs/ekspert-kriisiabi.md': reference,
    'docs/data-analyst.md': english,
  });
  git(dir, ['init', '-q']);
  git(dir, ['add', '.']);
  git(dir, ['commit', '-qm', 'first'], '2021-05-06T07:08:09Z');
  return dir;
}

/** The dates in a PDF's XMP and Info dictionary, and in a DOCX's core properties. */
function dates(out: string, id: string): { xmp?: string; info?: string; created?: string } {
  const pdf = readFileSync(join(out, `${id}.pdf`)).toString('latin1');
  const xmp = /<xmp:CreateDate>([^<]+)</.exec(pdf)?.[1];
  const ref = /\/CreationDate (\d+) 0 R/.exec(pdf)?.[1];
  const info =
    (ref ? new RegExp(`\\n${ref} 0 obj\\s*\\(([^)]*)\\)`).exec(pdf)?.[1] : undefined) ??
    /\/CreationDate \(([^)]*)\)/.exec(pdf)?.[1];
  const core = strFromU8(unzipSync(readFileSync(join(out, `${id}.docx`)))['docProps/core.xml']!);
  const created = /<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1];
  return { xmp, info, created };
}

const build = (dir: string, env: NodeJS.ProcessEnv = {}) =>
  cli(['build', 'docs', '-o', 'out', '--format', 'pdf,docx', '--lang', 'en'], dir, env);

describe('the creation date of outputs', () => {
  it('is the last commit of the source when the description has no date of its own', () => {
    const dir = repo();
    expect(build(dir).code).toBe(0);
    expect(dates(join(dir, 'out'), 'ekspert-kriisiabi')).toEqual({
      xmp: '2021-05-06T07:08:09Z',
      info: 'D:20210506070809Z',
      created: '2021-05-06T07:08:09Z',
    });
    // its own reviewed date wins
    expect(dates(join(dir, 'out'), 'data-analyst').created).toBe('2026-03-01T00:00:00Z');
    // local changes: still the last commit's date (a draft of that commit)
    writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), reference.replace('Ekspert (', 'Vanemekspert ('));
    expect(build(dir).code).toBe(0);
    expect(dates(join(dir, 'out'), 'ekspert-kriisiabi').created).toBe('2021-05-06T07:08:09Z');
    // committed, the same bytes: rendered again with the new date (the date is in the cache key)
    git(dir, ['commit', '-qam', 'second'], '2022-07-08T09:10:11Z');
    const r = build(dir);
    expect(r.stderr).toMatch(/\(1 rendered, 1 cached\)/);
    expect(dates(join(dir, 'out'), 'ekspert-kriisiabi')).toEqual({
      xmp: '2022-07-08T09:10:11Z',
      info: 'D:20220708091011Z',
      created: '2022-07-08T09:10:11Z',
    });
    // SOURCE_DATE_EPOCH wins over everything
    expect(build(dir, { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0);
    expect(dates(join(dir, 'out'), 'ekspert-kriisiabi').created).toBe('2023-11-14T22:13:20Z');
    expect(dates(join(dir, 'out'), 'data-analyst').created).toBe('2023-11-14T22:13:20Z');
  });

  it('is 2000-01-01 for a file never committed, and in a shallow clone for a file older than its history', () => {
    const dir = repo();
    writeFileSync(join(dir, 'docs/uus.md'), reference);
    expect(cli(['build', 'docs/uus.md', '-o', 'out', '--format', 'pdf,docx'], dir).code).toBe(0);
    expect(dates(join(dir, 'out'), 'uus').created).toBe('2000-01-01T00:00:00Z');
    git(dir, ['add', 'docs/uus.md']);
    git(dir, ['commit', '-qm', 'new'], '2024-01-02T03:04:05Z');
    const clone = join(dir, 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone], { stdio: 'ignore' });
    expect(build(clone).code).toBe(0);
    // the graft lists every file: no date known from it, in every shallow clone alike
    expect(dates(join(clone, 'out'), 'ekspert-kriisiabi').created).toBe('2000-01-01T00:00:00Z');
    // the full clone knows it
    expect(build(dir).code).toBe(0);
    expect(dates(join(dir, 'out'), 'ekspert-kriisiabi').created).toBe('2021-05-06T07:08:09Z');
  });

  it('dates every file of a build too large to name on one command line (the log then covers the repository)', () => {
    const dir = repo();
    // 60,000 names of 40 characters: 2.4 MB of paths, beyond ARG_MAX (2 MB on Linux)
    const many = Array.from(
      { length: 60_000 },
      (_, i) => `docs/${'x'.repeat(30)}-${String(i).padStart(4, '0')}.md`,
    );
    const dates = commitDates(dir, [...many, 'docs/ekspert-kriisiabi.md', 'docs/data-analyst.md']);
    expect(dates.get('docs/ekspert-kriisiabi.md')).toBe(Date.parse('2021-05-06T07:08:09Z'));
    expect(dates.get('docs/data-analyst.md')).toBe(Date.parse('2021-05-06T07:08:09Z'));
    expect(commitDates(dir, ['docs/ekspert-kriisiabi.md']).get('docs/ekspert-kriisiabi.md')).toBe(
      Date.parse('2021-05-06T07:08:09Z'),
    );
  });
});
