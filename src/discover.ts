/**
 * Which files a run reads: paths given on the command line are files, folders (every `*.md`
 * below, skipping node_modules, hidden folders, README.md and files a config refers to) or globs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { ConfigLoader } from './config/load.js';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** The folder the file was found under (for mirroring sub-folders in outputs). */
  root: string;
}

export class UsageError extends Error {}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out);
    } else if (
      entry.isFile() &&
      entry.name.toLowerCase().endsWith('.md') &&
      entry.name.toLowerCase() !== 'readme.md'
    ) {
      out.push(full);
    }
  }
}

const isGlob = (p: string): boolean => /[*?[\]{}]/.test(p);

/**
 * Expands paths to description files, sorted and without duplicates. Files a config refers to
 * (default sections) are skipped unless named explicitly. A path that matches nothing is a usage error.
 */
export async function discover(
  paths: readonly string[],
  loader: ConfigLoader,
  cwd = process.cwd(),
): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  const add = (path: string, root: string, explicit: boolean): void => {
    if (found.has(path)) return;
    if (!explicit) {
      const config = loader.forDir(dirname(path));
      if (config.referencedFiles.has(path)) return;
    }
    found.set(path, { path, root });
  };
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    if (isGlob(p) && !existsSync(abs)) {
      const matches = await glob(p, { cwd, absolute: true, ignore: ['**/node_modules/**'], onlyFiles: true });
      const md = matches.filter((m) => m.toLowerCase().endsWith('.md')).sort();
      if (md.length === 0) throw new UsageError(`no files match "${p}"`);
      const base = resolve(cwd, p.split(/[*?[{]/)[0]!.replace(/[^/]*$/, '') || '.');
      for (const m of md) add(resolve(m), base, false);
      continue;
    }
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      const files: string[] = [];
      walk(abs, files);
      for (const f of files.sort()) add(f, abs, false);
    } else add(abs, dirname(abs), true);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The output folder of a file: its sub-folder under the root, mirrored under outDir. */
export function outputDir(file: InputFile, outDir: string): string {
  return join(outDir, relative(file.root, dirname(file.path)));
}
