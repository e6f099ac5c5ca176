/**
 * `--changed-since REF`: only the descriptions changed since a git ref (committed, staged, unstaged
 * or new), plus every description whose config, competency catalogue or default section changed.
 *
 * The repository is the one the descriptions are in, found from their folders, not from the working
 * folder: `check ../docs --changed-since main` run elsewhere compares ../docs's repository, and
 * descriptions in two repositories are compared each in its own.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import type { ConfigLoader } from '../config/load.js';
import type { InputFile } from './discover.js';
import { usageError } from '../messages/index.js';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The top folder of the work tree `dir` is in; a usage error when it is in none. */
function topLevel(dir: string): string {
  try {
    return resolve(git(['rev-parse', '--show-toplevel'], dir).trim());
  } catch {
    throw usageError('project.notGitRepository', { cwd: dir });
  }
}

/** The files of one repository changed since `ref`, including uncommitted and untracked ones. */
function changedIn(top: string, ref: string, out: Set<string>): void {
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    // "origin/main" → "git fetch origin main"; any other ref is fetched by its own name
    const branch = ref.replace(/^(?:refs\/remotes\/)?origin\//, '');
    throw usageError('project.unknownRef', { ref, repo: top, branch });
  }
  const add = (list: string): void => {
    for (const line of list.split('\0')) if (line) out.add(resolve(top, line));
  };
  add(git(['diff', '--name-only', '-z', '--no-renames', ref, '--'], top));
  add(git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], top));
}

/**
 * Absolute paths of the files changed since `ref` in the repositories of `dirs` (folders inside
 * them; one folder or several), including uncommitted and untracked ones.
 */
export function changedFiles(ref: string, dirs: string | readonly string[]): Set<string> {
  const tops = new Set<string>();
  for (const dir of typeof dirs === 'string' ? [dirs] : new Set(dirs)) tops.add(topLevel(dir));
  const out = new Set<string>();
  for (const top of tops) changedIn(top, ref, out);
  return out;
}

/** The files to check: changed descriptions and those whose config or its referenced files changed. */
export function filterChanged(
  files: readonly InputFile[],
  changed: ReadonlySet<string>,
  loader: ConfigLoader,
): InputFile[] {
  return files.filter((f) => {
    if (changed.has(f.path)) return true;
    const configPath = loader.find(dirname(f.path));
    if (!configPath) return false;
    if (changed.has(resolve(configPath))) return true;
    const config = loader.load(configPath);
    for (const ref of config.referencedFiles) if (changed.has(ref)) return true;
    return false;
  });
}

/** `files` narrowed to those changed since `ref`, compared in the repositories the files are in. */
export function changedSince(files: readonly InputFile[], ref: string, loader: ConfigLoader): InputFile[] {
  if (files.length === 0) return [];
  return filterChanged(
    files,
    changedFiles(
      ref,
      files.map((f) => dirname(f.path)),
    ),
    loader,
  );
}
