/**
 * `ametijuhend build --changes-since REF` end to end, as a user runs it in a git repository: a
 * report beside each changed description's PDF and none for an unchanged one, an unknown ref
 * stopping before anything is rendered, a report that went stale moved aside to `.stale/`, a
 * user's own file of a report's name left alone, and a report dated as the description's PDF is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { infoString } from '../src/diff/stale-reports.js';
import { cli, tempTree } from './cli.js';
import { CATALOGUE, REFERENCE, replace } from './helpers.js';

const CONFIG =
  'organisation: Sotsiaalkindlustusamet\nlang: et\ncompetencies: competencies.yaml\nrules:\n  unknown-reference: off\n';
/** The commit's date (committer and author): the reports and the PDFs are dated by it. */
const COMMITTED = '2026-11-30T10:00:00Z';
const CHANGED = replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Osakonnajuhataja');

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_COMMITTER_DATE: COMMITTED, GIT_AUTHOR_DATE: COMMITTED },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** A repository with two descriptions in a sub-folder, committed on `main`. */
function repo(): string {
  const dir = tempTree({
    'ametijuhend.config.yaml': CONFIG,
    'competencies.yaml': CATALOGUE,
    'osakond/ekspert.md': REFERENCE,
    'osakond/teine.md': REFERENCE.replace(
      'title: Ekspert (psühhosotsiaalne kriisiabi)',
      'title: Teine ekspert',
    ),
  });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

const build = (dir: string, ...args: string[]) =>
  cli(['build', '.', '--format', 'pdf', '--lang', 'en', ...args], dir);

// the dates under test come from git: no SOURCE_DATE_EPOCH of the caller's (this file's own process)
delete process.env.SOURCE_DATE_EPOCH;

/** The PDF's Info dictionary CreationDate ("D:20261130100000Z"). */
function creationDate(file: string): string | undefined {
  return infoString(readFileSync(file, 'latin1'), 'CreationDate');
}

const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];

describe('build --changes-since REF', () => {
  it('writes a report beside each changed description’s PDF, none for an unchanged one', () => {
    const dir = repo();
    writeFileSync(join(dir, 'osakond', 'ekspert.md'), CHANGED);
    const r = build(dir, '--changes-since', 'main');
    expect(r.stderr).toContain(`wrote ${join('dist', 'osakond', 'ekspert.muudatused.pdf')}`);
    expect(r.stderr).toContain('1 change report written, 1 description unchanged');
    expect(r.code).toBe(0);
    const out = join(dir, 'dist', 'osakond');
    expect(existsSync(join(out, 'ekspert.pdf'))).toBe(true);
    expect(existsSync(join(out, 'teine.pdf'))).toBe(true);
    expect(existsSync(join(out, 'ekspert.muudatused.pdf'))).toBe(true);
    expect(existsSync(join(out, 'teine.muudatused.pdf'))).toBe(false);
    // the report is marked as ours: the id, the ref and its commit, the source's path
    const head = git(dir, 'rev-parse', 'main');
    expect(
      infoString(readFileSync(join(out, 'ekspert.muudatused.pdf'), 'latin1'), 'AmetijuhendChangeReport'),
    ).toBe(`ametijuhend-changes/1 id=ekspert ref=main commit=${head} source=osakond/ekspert.md`);
  });

  it('dates the report as the description’s PDF: by its last commit when it has no review date', () => {
    const dir = repo();
    writeFileSync(join(dir, 'osakond', 'ekspert.md'), CHANGED);
    expect(build(dir, '--changes-since', 'main').code).toBe(0);
    const out = join(dir, 'dist', 'osakond');
    expect(creationDate(join(out, 'ekspert.pdf'))).toBe('D:20261130100000Z');
    expect(creationDate(join(out, 'ekspert.muudatused.pdf'))).toBe('D:20261130100000Z');
    // with a review date, that one (both)
    writeFileSync(
      join(dir, 'osakond', 'ekspert.md'),
      CHANGED.replace('---\n', '---\nreviewed: 2026-06-15\n'),
    );
    expect(build(dir, '--changes-since', 'main').code).toBe(0);
    expect(creationDate(join(out, 'ekspert.pdf'))).toBe('D:20260615000000Z');
    expect(creationDate(join(out, 'ekspert.muudatused.pdf'))).toBe('D:20260615000000Z');
  });

  it('exits 2 for an unknown ref before anything is rendered', () => {
    const dir = repo();
    writeFileSync(join(dir, 'osakond', 'ekspert.md'), CHANGED);
    const r = build(dir, '--changes-since', 'no-such-ref');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no ref "no-such-ref"');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('moves a report aside to .stale when its description is back as at the ref, has errors or is gone', () => {
    const dir = repo();
    const out = join(dir, 'dist', 'osakond');
    writeFileSync(join(dir, 'osakond', 'ekspert.md'), CHANGED);
    writeFileSync(join(dir, 'osakond', 'teine.md'), CHANGED.replace('title: Ekspert', 'title: Teine'));
    expect(build(dir, '--changes-since', 'main').code).toBe(0);
    const first = readFileSync(join(out, 'ekspert.muudatused.pdf'));
    expect(existsSync(join(out, 'teine.muudatused.pdf'))).toBe(true);

    // ekspert reverted to the ref's content: its report goes stale
    writeFileSync(join(dir, 'osakond', 'ekspert.md'), REFERENCE);
    const back = build(dir, '--changes-since', 'main');
    expect(back.code).toBe(0);
    expect(existsSync(join(out, 'ekspert.muudatused.pdf'))).toBe(false);
    const moved = join(dir, 'dist', '.stale', 'osakond', 'ekspert.muudatused.pdf');
    expect(readFileSync(moved).equals(first)).toBe(true);
    expect(back.stderr).toContain(`Stale change reports moved aside to ${join('dist', '.stale')}/`);
    expect(back.stderr).toContain(
      `  ${join('dist', 'osakond', 'ekspert.muudatused.pdf')} → ${join('dist', '.stale', 'osakond', 'ekspert.muudatused.pdf')}`,
    );
    expect(existsSync(join(out, 'teine.muudatused.pdf'))).toBe(true);

    // teine renamed: the description of its report is gone
    renameSync(join(dir, 'osakond', 'teine.md'), join(dir, 'osakond', 'kolmas.md'));
    const renamed = build(dir, '--changes-since', 'main');
    expect(renamed.code).toBe(0);
    expect(existsSync(join(out, 'teine.muudatused.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'dist', '.stale', 'osakond', 'teine.muudatused.pdf'))).toBe(true);
    // the renamed one is new since the ref: it has a report of its own
    expect(existsSync(join(out, 'kolmas.muudatused.pdf'))).toBe(true);

    // kolmas now has errors: no report, and the earlier one goes aside
    writeFileSync(
      join(dir, 'osakond', 'kolmas.md'),
      replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: ['),
    );
    const broken = build(dir, '--changes-since', 'main');
    expect(broken.code).toBe(1);
    expect(existsSync(join(out, 'kolmas.muudatused.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'dist', '.stale', 'osakond', 'kolmas.muudatused.pdf'))).toBe(true);
  });

  it('never touches a user’s own file of a report’s name', () => {
    const dir = repo();
    const out = join(dir, 'dist', 'osakond');
    mkdirSync(out, { recursive: true });
    // a PDF of the user's own (no mark), and a copy of our report renamed to another id
    const own = Buffer.from('%PDF-1.7\n% a scanned signed list of changes\n%%EOF\n', 'latin1');
    writeFileSync(join(out, 'teine.muudatused.pdf'), own);
    writeFileSync(join(dir, 'osakond', 'ekspert.md'), CHANGED);
    expect(build(dir, '--changes-since', 'main').code).toBe(0);
    const ours = readFileSync(join(out, 'ekspert.muudatused.pdf'));
    writeFileSync(join(out, 'kopia.muudatused.pdf'), ours);
    writeFileSync(join(dir, 'osakond', 'ekspert.md'), REFERENCE);
    // teine is unchanged and ekspert is back as at the ref: only ekspert's own report goes
    const r = build(dir, '--changes-since', 'main');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'teine.muudatused.pdf')).equals(own)).toBe(true);
    expect(readFileSync(join(out, 'kopia.muudatused.pdf')).equals(ours)).toBe(true);
    expect(files(join(dir, 'dist', '.stale'))).toEqual([
      'osakond',
      join('osakond', 'ekspert.muudatused.pdf'),
    ]);

    // teine changed now: the user's file of its report's name is not overwritten (a problem, exit 1)
    writeFileSync(join(dir, 'osakond', 'teine.md'), CHANGED.replace('title: Ekspert', 'title: Teine'));
    const refused = build(dir, '--changes-since', 'main');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${join('dist', 'osakond', 'teine.muudatused.pdf')} exists and is not a change report ametijuhend wrote`,
    );
    expect(readFileSync(join(out, 'teine.muudatused.pdf')).equals(own)).toBe(true);
    // its PDF is built all the same
    expect(existsSync(join(out, 'teine.pdf'))).toBe(true);
    rmSync(join(out, 'teine.muudatused.pdf'));
    expect(build(dir, '--changes-since', 'main').code).toBe(0);
    expect(existsSync(join(out, 'teine.muudatused.pdf'))).toBe(true);
  });
});
