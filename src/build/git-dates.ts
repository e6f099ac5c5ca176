/**
 * The date of the last git commit of each description, for the creation date of outputs of
 * descriptions that have no `reviewed` or approval date (util/dates.ts documentDate): the same in
 * every clone, unlike a file's mtime. One `git log` per repository per build (never one per file),
 * over the paths of the build's descriptions, kept in memory.
 *
 * - A file with local changes, staged or not, is dated by its last commit all the same: a build of
 *   uncommitted work is a draft, and its date follows once the change is committed.
 * - A file never committed (untracked, or outside a git work tree) has no commit date.
 * - In a shallow clone the oldest fetched commit (the graft) lists every file, whenever it was last
 *   changed: a file seen first there has no commit date (2000-01-01, the same in every shallow
 *   clone, though not the date of a full clone). Fetch the whole history (`fetch-depth: 0`) or set
 *   SOURCE_DATE_EPOCH to give such builds the same dates as a full clone.
 * - Without git installed, or where it fails, no file has a commit date.
 *
 * The committer date (%ct) is used: a rebase or amend dates the file anew, as it changes the commit.
 */
import { spawnSync } from 'node:child_process';
import { dirname, relative, sep } from 'node:path';
import { gitWorkTree, realPath } from '../fs/root.js';

/** `git log` output limit: far beyond the history of a repository of descriptions. */
const MAX_LOG_BYTES = 512 * 1024 * 1024;
/**
 * Paths longer than this in all go unnamed: the log then covers the whole repository (the dates of
 * the other files are simply not asked for), so that tens of thousands of descriptions never exceed
 * the system's limit on a command line's length (ARG_MAX, 128 KB to 2 MB).
 */
const MAX_PATHSPEC_CHARS = 64 * 1024;

const run = (root: string, args: readonly string[]): string | undefined => {
  const r = spawnSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: MAX_LOG_BYTES,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return r.status === 0 && typeof r.stdout === 'string' ? r.stdout : undefined;
};

/** The last commit time (ms) of each of `files` (paths relative to `root`, with `/`). */
export function commitDates(root: string, files: readonly string[]): Map<string, number> {
  const dates = new Map<string, number>();
  if (files.length === 0) return dates;
  const shallow = run(root, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
  const log = run(root, [
    '-c',
    'log.showSignature=false',
    '--literal-pathspecs',
    'log',
    '--format=%x01%ct %P',
    '--name-only',
    '-z',
    '--no-renames',
    ...(files.reduce((n, f) => n + f.length + 1, 0) <= MAX_PATHSPEC_CHARS ? ['--', ...files] : []),
  ]);
  if (log === undefined) return dates;
  for (const commit of log.split('\x01')) {
    const end = commit.indexOf('\0');
    if (end < 0) continue;
    const [time, ...parents] = commit.slice(0, end).split(' ');
    const ms = Number(time) * 1000;
    if (!Number.isSafeInteger(ms) || ms < 0) continue;
    // a shallow clone's graft lists every file: no date is known from it
    if (shallow && parents.every((p) => p === '')) continue;
    for (const name of commit
      .slice(end + 1)
      .replace(/^\n/, '')
      .split('\0')) {
      if (name !== '' && (dates.get(name) ?? -1) < ms) dates.set(name, ms);
    }
  }
  return dates;
}

/** Commit dates of the descriptions of one build, read per repository on first use. */
export class GitDates {
  private readonly repos = new Map<string, Map<string, number>>();
  /** The build's descriptions by work tree: each repository's log covers all of them at once. */
  private readonly byRoot = new Map<string, string[]>();

  constructor(paths: readonly string[]) {
    for (const path of paths) {
      const place = this.place(path);
      if (!place) continue;
      const list = this.byRoot.get(place.root) ?? [];
      list.push(place.rel);
      this.byRoot.set(place.root, list);
    }
  }

  private place(path: string): { root: string; rel: string } | undefined {
    const root = gitWorkTree(dirname(path));
    if (root === undefined) return undefined;
    const rel = relative(root, realPath(path) ?? path);
    if (rel === '' || rel.startsWith('..')) return undefined;
    return { root, rel: rel.split(sep).join('/') };
  }

  /** The last commit date of the description at `path`, or undefined (see above). */
  dateOf(path: string): Date | undefined {
    const place = this.place(path);
    if (!place) return undefined;
    let dates = this.repos.get(place.root);
    if (!dates) {
      dates = commitDates(place.root, this.byRoot.get(place.root) ?? [place.rel]);
      this.repos.set(place.root, dates);
    }
    const ms = dates.get(place.rel);
    return ms === undefined ? undefined : new Date(ms);
  }
}
