/**
 * Which files a run reads: paths given on the command line are files, folders (every `*.md`
 * below, skipping node_modules, hidden folders, README.md, files a config refers to and what a
 * config's `ignore:` patterns exclude) or globs.
 *
 * A folder walk or a glob stays inside the repository (the git work tree above the folder, or the
 * folder itself): a symbolic link whose real path is outside it is not followed, a link inside it
 * is (each real file is read once, so a link loop ends). What is skipped, and folders that cannot
 * be read, are reported as `skipped-path` warnings. A file named on the command line is read
 * wherever it is (the user chose it), but only when it is a regular file (compile.ts).
 */
import * as fs from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ConfigLoader } from '../config/load.js';
import { isInside, realPath, repositoryRoot } from '../fs/root.js';
import { usageError } from '../messages/index.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import { SkippedPaths } from '../validate/rules/skipped-path.js';
import { UsageError } from '../util/usage-error.js';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** The folder the file was found under (for mirroring sub-folders in outputs). */
  root: string;
}

export { UsageError };

/** Folders a walk never enters (hidden ones neither). */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', 'dist', '.git']);

const isCandidate = (name: string): boolean =>
  name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md';

/** What a folder walk shares: the bound, the findings, the real folders walked, the ignore test. */
interface Walk {
  /** Links are followed only when their real path is inside this folder. */
  allowed: string;
  /** What was found: its path and its real path (known from the walk: no realpath per file). */
  out: { path: string; real: string }[];
  skipped: SkippedPaths;
  /** Real folders already walked (a link loop ends there). */
  visited: Set<string>;
  /** A path the configs' `ignore:` patterns exclude (an ignored folder is not entered). */
  ignored: (path: string, isDir: boolean) => boolean;
}

/**
 * Whether a folder walk from `root` would take `path` as a description (the language server asks
 * about a file it was not told of): a `*.md` other than README.md, in no hidden or skipped folder
 * below `root`, not excluded by a config's `ignore:`, not a file a config refers to.
 */
export function isWalkedDescription(path: string, root: string, loader: ConfigLoader): boolean {
  const rel = relative(root, path).split(/[\\/]/);
  if (!isCandidate(rel.at(-1)!) || rel.slice(0, -1).some((d) => d.startsWith('.') || SKIP_DIRS.has(d)))
    return false;
  if (loader.ignoredBy(path) !== undefined) return false;
  const config = loader.forDir(dirname(path));
  return !config.referencedFiles.has(path) && !config.referencedFiles.has(realPath(path) ?? path);
}

/**
 * `name` in the folder `dir`, where `dir` is a resolved path (as every folder a walk enters is) and
 * `name` an entry readdir gave (never `.`, `..` or with a separator): what join() gives, without
 * normalising the whole path again for each of a repository's files.
 */
const child = (dir: string, name: string): string => (dir.endsWith(sep) ? dir + name : dir + sep + name);

/** Every candidate `*.md` below `dir` (real path `realDir`, both resolved) that no config ignores. */
function walk(dir: string, realDir: string, w: Walk): void {
  if (w.visited.has(realDir)) return;
  w.visited.add(realDir);
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    w.skipped.unreadable(dir, e);
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = child(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !w.ignored(full, true)) walk(full, child(realDir, entry.name), w);
    } else if (entry.isFile()) {
      if (isCandidate(entry.name) && !w.ignored(full, false))
        w.out.push({ path: full, real: child(realDir, entry.name) });
    } else if (entry.isSymbolicLink()) {
      walkLink(full, entry.name, w);
    } else if (isCandidate(entry.name) && !w.ignored(full, false)) {
      // a named pipe, socket or device called *.md: never opened
      const kind = entry.isFIFO() ? 'fifo' : entry.isSocket() ? 'socket' : 'device';
      w.skipped.special(
        full,
        entry.isCharacterDevice() || entry.isBlockDevice() || kind !== 'device' ? kind : 'other',
      );
    }
  }
}

/** A symbolic link met by the walk: followed when it stays inside, else noted (when it matters). */
function walkLink(full: string, name: string, w: Walk): void {
  const real = realPath(full);
  let st: fs.Stats | undefined;
  try {
    st = real === undefined ? undefined : fs.statSync(real);
  } catch {
    st = undefined;
  }
  const isDir = st?.isDirectory() ?? false;
  // only links that could lead to a description are worth a word
  if (!isDir && !isCandidate(name)) return;
  if (w.ignored(full, isDir)) return;
  if (real === undefined || st === undefined) w.skipped.broken(full);
  else if (!isInside(real, w.allowed)) w.skipped.outside(full, real);
  else if (isDir) {
    if (!SKIP_DIRS.has(name)) walk(full, real, w);
  } else w.out.push({ path: full, real });
}

const isGlob = (p: string): boolean => /[*?[\]{}]/.test(p);

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

/**
 * The file system as the glob crawler sees it: links out of `allowed` (and broken ones) look
 * unresolvable and are noted; unreadable folders are noted.
 */
function guardedFs(allowed: string, skipped: SkippedPaths): typeof fs {
  const readdir = (path: string, options: unknown, cb: Callback<fs.Dirent[]>): void => {
    fs.readdir(path, options as { withFileTypes: true }, (error, entries) => {
      // a folder that is not there is no folder that cannot be read
      if (error && error.code !== 'ENOENT' && error.code !== 'ENOTDIR')
        skipped.unreadable(resolve(path), error);
      cb(error, entries);
    });
  };
  const realpath = (path: string, cb: Callback<string>): void => {
    fs.realpath(path, (error, real) => {
      const candidate = isCandidate(path.replace(/\/+$/, ''));
      if (error) {
        if (candidate) skipped.broken(resolve(path));
        cb(error, '');
        return;
      }
      if (!isInside(real, allowed)) {
        let isDir = false;
        try {
          isDir = fs.statSync(real).isDirectory();
        } catch {
          // a file that vanished: skipped either way
        }
        if (candidate || isDir) skipped.outside(resolve(path), real);
        const refused: NodeJS.ErrnoException = new Error(`outside the repository: ${path}`);
        refused.code = 'EACCES';
        cb(refused, '');
        return;
      }
      cb(null, real);
    });
  };
  return { ...fs, readdir, realpath } as unknown as typeof fs;
}

export interface DiscoverOptions {
  /** Skipped paths are added here as warnings (when not given, they are dropped). */
  skipped?: Diagnostic[];
  /** Language of those warnings (default: Estonian). */
  lang?: MessageLang;
}

/**
 * The `*.md` files a glob matches inside the repository (what it skipped is added to `skipped`);
 * `base` is the glob's folder part. Matching nothing at all is a usage error.
 */
async function globbed(
  p: string,
  cwd: string,
  skipped: SkippedPaths,
): Promise<{ base: string; files: string[] }> {
  const base = resolve(cwd, p.split(/[*?[{]/)[0]!.replace(/[^/]*$/, '') || '.');
  const allowed = repositoryRoot(fs.existsSync(base) ? base : cwd);
  const before = skipped.diagnostics.length;
  // loaded for a glob only
  const { glob } = await import('tinyglobby');
  const matches = await glob(p, {
    cwd,
    absolute: true,
    ignore: ['**/node_modules/**'],
    onlyFiles: true,
    fs: guardedFs(allowed, skipped),
  });
  const all = matches.filter((m) => m.toLowerCase().endsWith('.md'));
  // matching only what was skipped is not "nothing matches": the warnings say what happened
  if (all.length === 0 && skipped.diagnostics.length === before)
    throw usageError('project.noMatch', { pattern: p });
  const md = all
    .filter((m) => {
      // the crawler's own checks aside: what is read must really be inside
      const real = realPath(m);
      if (real === undefined) skipped.broken(resolve(m));
      else if (!isInside(real, allowed)) skipped.outside(resolve(m), real);
      else return true;
      return false;
    })
    .sort();
  return { base, files: md.map((m) => resolve(m)) };
}

/**
 * Expands paths to description files, sorted and without duplicates (one real file is read once).
 * Files a config refers to (default sections) are skipped unless named explicitly; files and
 * folders a config's `ignore:` excludes are skipped (one named explicitly with a warning). A path
 * that matches nothing is a usage error.
 */
export async function discover(
  paths: readonly string[],
  loader: ConfigLoader,
  cwd = process.cwd(),
  options: DiscoverOptions = {},
): Promise<InputFile[]> {
  const skipped = new SkippedPaths(options.lang ?? loader.lang ?? 'et', cwd);
  const found = new Map<string, InputFile>();
  const reals = new Set<string>();
  const ignored = (path: string, isDir: boolean): boolean => loader.ignoredBy(path, isDir) !== undefined;
  const add = (path: string, root: string, explicit: boolean, knownReal?: string): void => {
    if (found.has(path)) return;
    const by = loader.ignoredBy(path);
    if (by && explicit) skipped.ignored(path, by);
    if (by) return;
    const real = knownReal ?? realPath(path) ?? path;
    if (!explicit) {
      const config = loader.forDir(dirname(path));
      if (config.referencedFiles.has(path) || config.referencedFiles.has(real)) return;
      if (reals.has(real)) return;
    }
    reals.add(real);
    found.set(path, { path, root });
  };
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    if (isGlob(p) && !fs.existsSync(abs)) {
      const { base, files } = await globbed(p, cwd, skipped);
      for (const m of files) add(m, base, false);
      continue;
    }
    let stat;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw usageError('project.noSuchPath', { path: p });
    }
    if (stat.isDirectory()) {
      // a folder named on the command line that is ignored: said once, nothing in it is read
      const by = loader.ignoredBy(abs, true);
      if (by) {
        skipped.ignored(abs, by);
        continue;
      }
      const files: Walk['out'] = [];
      const real = realPath(abs) ?? abs;
      walk(abs, real, { allowed: repositoryRoot(real), out: files, skipped, visited: new Set(), ignored });
      files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const f of files) add(f.path, abs, false, f.real);
    } else add(abs, dirname(abs), true);
  }
  if (options.skipped) options.skipped.push(...skipped.capped());
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The output folder of a file: its sub-folder under the root, mirrored under outDir. */
export function outputDir(file: InputFile, outDir: string): string {
  return join(outDir, relative(file.root, dirname(file.path)));
}
