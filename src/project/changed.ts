/**
 * `--changed-since REF`: only the descriptions changed since a git ref (committed, staged, unstaged
 * or new), plus every description whose config, competency catalogue or default section changed.
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

/** Absolute paths of the files changed since `ref`, including uncommitted and untracked ones. */
export function changedFiles(ref: string, cwd: string): Set<string> {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw usageError('project.notGitRepository', { cwd });
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw usageError('project.unknownRef', { ref });
  }
  const out = new Set<string>();
  const add = (list: string): void => {
    for (const line of list.split('\0')) if (line) out.add(resolve(top, line));
  };
  add(git(['diff', '--name-only', '-z', '--no-renames', ref, '--'], cwd));
  add(git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], top));
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
