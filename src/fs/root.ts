/**
 * The repository a path belongs to: the git work tree above it (a `.git` folder or file), or the
 * folder itself when there is none. Inputs reached through a config, a folder walk or a glob must
 * stay inside it, compared by real path so a symbolic link cannot lead out.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';

const roots = new Map<string, string | undefined>();

/** The real path of `path`, or undefined when it does not resolve (missing, broken or looping link). */
export function realPath(path: string): string | undefined {
  try {
    // the native call is one realpath(3); the JS one lstat()s every component of every path (a walk
    // of 1,000 files spent 22 ms in it)
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** The real path of the git work tree containing `dir` (a `.git` folder or file), or undefined. */
export function gitWorkTree(dir: string): string | undefined {
  const start = realPath(resolved(dir)) ?? resolved(dir);
  if (roots.has(start)) return roots.get(start);
  let current = start;
  let found: string | undefined;
  for (;;) {
    if (existsSync(join(current, '.git'))) {
      found = current;
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  roots.set(start, found);
  return found;
}

/** The real path of the git work tree containing `dir`, else the real path of `dir`. */
export function repositoryRoot(dir: string): string {
  return gitWorkTree(dir) ?? realPath(resolved(dir)) ?? resolved(dir);
}

/** A `.` or `..` part, or an empty one (`//`), in a POSIX path. */
const UNNORMAL = /(^|\/)\.{1,2}(\/|$)|\/\//;

/** An absolute POSIX path without `.`/`..` parts or doubled slashes (a trailing one allowed). */
const isNormalAbsolute = (path: string): boolean =>
  sep === '/' && path.startsWith('/') && !UNNORMAL.test(path);

/**
 * `resolve(path)`, without normalising again a path that is absolute and normal already (a check
 * asks for thousands of them: configs per folder, ignore lists per file).
 */
export function resolved(path: string): string {
  return isNormalAbsolute(path) && (path === '/' || !path.endsWith('/')) ? path : resolve(path);
}

/**
 * Whether `path` is `root` or below it (compared as resolved text: pass real paths where links
 * matter). A name that merely starts with `..` (`..shared`) is inside.
 */
export function isInside(path: string, root: string): boolean {
  // absolute POSIX paths without `.`/`..` parts or doubled slashes compare as text (a build asks
  // this for every file it writes); anything else, and Windows (case, drives), as resolved paths
  if (isNormalAbsolute(path) && isNormalAbsolute(root)) {
    const base = root.length > 1 && root.endsWith('/') ? root.slice(0, -1) : root;
    return path === base || path.startsWith(base === '/' ? '/' : `${base}/`);
  }
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A path as messages show it: relative to `cwd` when inside it, else as given. */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  // a normal absolute path below a normal absolute cwd is its tail (a check shows every file's
  // path: resolve() and relative() took 8 ms of a warm `check --cache` of 1,000 files)
  if (isNormalAbsolute(path) && !path.endsWith('/') && isNormalAbsolute(cwd)) {
    const base = cwd.length > 1 && cwd.endsWith('/') ? cwd.slice(0, -1) : cwd;
    const prefix = base === '/' ? '/' : `${base}/`;
    if (path.length > prefix.length && path.startsWith(prefix)) return path.slice(prefix.length);
  }
  const rel = relative(resolve(cwd), resolve(path));
  return rel && isInside(path, cwd) ? rel : path;
}
