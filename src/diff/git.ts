/**
 * The old version of a description from git (`diff FILE --since REF`, `build --changes-since REF`):
 * the file's bytes at REF, read with `git cat-file blob REF:<path from the repository's top>` in the
 * repository the file is in (not the working folder's).
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { usageError } from '../messages/index.js';
import { MAX_SOURCE_BYTES } from '../validate/rules/file-too-large.js';

/** A file larger than this at the ref is not read (a description may be MAX_SOURCE_BYTES at most). */
const MAX_BLOB_BYTES = Math.max(MAX_SOURCE_BYTES * 4, 64 * 1024 * 1024);

function git(args: string[], cwd: string, maxBuffer = 1024 * 1024): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer });
}

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/** The top folder of the work tree `file` is in; a usage error when it is in none. */
export function repositoryOf(file: string): string {
  try {
    return real(
      git(['rev-parse', '--show-toplevel'], dirname(real(file)))
        .toString('utf8')
        .trim(),
    );
  } catch {
    throw usageError('diff.notInGit', { path: file });
  }
}

/** Throws a usage error unless `ref` names a commit in the repository `top`. */
export function assertRef(top: string, ref: string): void {
  try {
    if (ref.startsWith('-')) throw new Error('an option, not a ref');
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw usageError('diff.unknownRef', { ref, repo: top });
  }
}

/** The commit a ref names: its hash and its committer date (YYYY-MM-DD, UTC), read from git. */
export interface RefCommit {
  /** The full hash. */
  hash: string;
  /** Its first 7 hex digits (fixed: not git's abbreviation, which grows with the repository). */
  short: string;
  /** The committer date, UTC, as YYYY-MM-DD: the same in every clone and time zone. */
  date: string;
}

/** The commit `ref` names in the repository `top`; undefined when git cannot say. */
export function commitOf(top: string, ref: string): RefCommit | undefined {
  if (ref.startsWith('-')) return undefined;
  try {
    const out = git(['show', '-s', '--no-show-signature', '--format=%H %ct', `${ref}^{commit}`, '--'], top)
      .toString('utf8')
      .trim()
      .split(' ');
    const [hash, time] = out;
    const ms = Number(time) * 1000;
    if (!hash || !/^[0-9a-f]{40,64}$/.test(hash) || !Number.isSafeInteger(ms)) return undefined;
    return { hash, short: hash.slice(0, 7), date: new Date(ms).toISOString().slice(0, 10) };
  } catch {
    return undefined;
  }
}

/** The path of `file` from the top of the repository `top`, with "/" (undefined when outside it). */
export function pathInRepo(top: string, file: string): string | undefined {
  const path = relative(top, real(file)).split(sep).join('/');
  return path === '' || path === '..' || path.startsWith('../') ? undefined : path;
}

export interface AtRef {
  /** The repository's top folder. */
  top: string;
  /** The commit the ref names (when git could say). */
  commit?: RefCommit;
  /** The file's path from the top, with "/" (as git names it). */
  path: string;
  /** Its bytes at the ref; undefined when the file did not exist there (it is new since). */
  bytes?: Uint8Array;
}

/** `file` as it was at `ref` (checked: a usage error for a file outside git or an unknown ref). */
export function readAtRef(file: string, ref: string, top = repositoryOf(file)): AtRef {
  assertRef(top, ref);
  const path = pathInRepo(top, file);
  if (path === undefined) throw usageError('diff.notInGit', { path: file });
  const bytes = blobAtRef(top, ref, path);
  const commit = commitOf(top, ref);
  return { top, path, ...(commit ? { commit } : {}), ...(bytes ? { bytes } : {}) };
}

/**
 * The bytes of the file at `path` (from the top, "/"-separated) at `ref`; undefined when there is
 * none there (or not a file, or one larger than any file the tool reads).
 */
export function blobAtRef(top: string, ref: string, path: string): Uint8Array | undefined {
  const spec = `${ref}:${path}`;
  let size: number;
  try {
    if (git(['cat-file', '-t', spec], top).toString('utf8').trim() !== 'blob') return undefined;
    size = Number(git(['cat-file', '-s', spec], top).toString('utf8').trim());
  } catch {
    return undefined;
  }
  // past the limit: as if it were not there (the compiler reports what is missing)
  if (!Number.isSafeInteger(size) || size > MAX_BLOB_BYTES) return undefined;
  return new Uint8Array(git(['cat-file', 'blob', spec], top, size + 1024));
}
