/**
 * Outputs no description produces any more are moved aside, to `<out-dir>/.stale/` (the same
 * relative path; a file already there of that name is replaced: `.stale` holds the last outputs that
 * went stale, not an archive), so an out-dir never offers an outdated document for signing:
 *
 * - every output of a description of this run that now fails (errors, unreadable, a failed
 *   render), its roster rows' documents included;
 * - an output of a description of this run that it no longer writes (its id changed): in the folder
 *   it writes to, of a format this run renders, or of any format under its old id;
 * - in a roster build, a row's document that this roster no longer gives (a row removed, a name
 *   changed) for a description found in this run;
 * - every output of a description that no longer exists (deleted or renamed), in any build.
 *
 * A description that was simply not part of the run (`build one/file.md`) keeps its outputs; so do
 * the formats a run does not render (`--format pdf` keeps the HTML of a description still built; a
 * build without `--asice` keeps the containers).
 * Only files the cache records as written by this tool (state.json `produced`) are candidates, and
 * only while they still hold exactly the bytes written (size and SHA-256): a file of the user's own,
 * or one edited since, is never touched, whatever its name. Every candidate is a regular file of an
 * output's name (`<id>.<ext>`) inside the out-dir and outside its hidden folders, reached through no
 * symbolic link out of it. Without a cache (`noCache`) nothing is recorded, so nothing is moved.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { BuildCache, Produced } from './cache.js';
import { bilingual } from '../messages/index.js';
import { readRegularFile } from '../fs/read.js';
import { isInside } from '../fs/root.js';
import { assertNoLinkOut } from '../fs/write.js';
import type { BuildContext, BuildFailure } from './types.js';
import { products } from './pool/task.js';

/** The folder stale outputs are moved to, inside the out-dir. */
export const STALE_DIR = '.stale';

/** What a description of this run gave: whether it was built, where to, under which id. */
export interface Seen {
  ok: boolean;
  dir: string;
  id?: string;
}

/** What the run covered. */
export interface Scope {
  /** Each description of the run (absolute path) and what it gave (normal builds). */
  seen: ReadonlyMap<string, Seen>;
  /** Every description found (absolute paths). */
  found: ReadonlySet<string>;
  /** The roster CSV (absolute) of a roster build. */
  roster?: string;
  /** Every output file written (or found current) in this run. */
  written: ReadonlySet<string>;
}

export interface Moved {
  from: string;
  to: string;
}

const OUTPUT_NAME = /^[a-z0-9-]+\.(pdf|html|docx|asice)$/;

/** An output file's path as this tool names them: inside the out-dir, not in a hidden folder. */
function isOutputPath(outDir: string, target: string): boolean {
  if (!isInside(target, outDir)) return false;
  const parts = relative(outDir, target).split(sep);
  return parts.every((p) => p !== '' && !p.startsWith('.')) && OUTPUT_NAME.test(basename(target));
}

/** Whether the description at `path` no longer exists (each asked once per build: memo). */
function gone(path: string, memo: Map<string, boolean>): boolean {
  let known = memo.get(path);
  if (known === undefined) memo.set(path, (known = missing(path)));
  return known;
}

function missing(path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

/** Whether the recorded output `target` is one no description of this run (or at all) produces. */
function isStale(
  target: string,
  p: Produced,
  scope: Scope & { memo: Map<string, boolean> },
  formats: readonly string[],
): boolean {
  if (gone(p.source, scope.memo)) return true;
  const ext = extname(target).slice(1);
  if (scope.roster !== undefined)
    return p.roster === scope.roster && scope.found.has(p.source) && formats.includes(ext);
  const seen = scope.seen.get(p.source);
  if (!seen) return false;
  if (!seen.ok) return true;
  if (p.roster !== undefined || dirname(target) !== seen.dir) return false;
  return formats.includes(ext) || basename(target) !== `${seen.id}.${ext}`;
}

/** True when `target` still holds exactly what this tool wrote there. */
function unchanged(target: string, p: Produced): boolean {
  try {
    const st = lstatSync(target);
    if (!st.isFile() || st.size !== p.size) return false;
    const file = readRegularFile(target, p.size);
    return file.ok && createHash('sha256').update(file.bytes).digest('hex') === p.digest;
  } catch {
    return false;
  }
}

/** Moves `target` to the same place under `.stale/`, replacing what is there. */
function moveAside(outDir: string, target: string): string {
  const to = join(outDir, STALE_DIR, relative(outDir, target));
  assertNoLinkOut(dirname(target), outDir);
  assertNoLinkOut(dirname(to), outDir);
  mkdirSync(dirname(to), { recursive: true });
  assertNoLinkOut(dirname(to), outDir);
  renameSync(target, to);
  return to;
}

/** Moves aside the recorded outputs this run made stale; returns them, and what could not be moved. */
export function moveStale(
  context: BuildContext,
  cache: BuildCache,
  scope: Scope,
): { moved: Moved[]; failures: BuildFailure[] } {
  const { outDir, settings } = context;
  const moved: Moved[] = [];
  const failures: BuildFailure[] = [];
  const within = { ...scope, memo: new Map<string, boolean>() };
  for (const [target, p] of cache.producedFiles()) {
    if (scope.written.has(target)) continue;
    if (!isOutputPath(outDir, target)) {
      cache.forgetProduced(target); // damage, or another out-dir's: never a path to touch
      continue;
    }
    if (!isStale(target, p, within, products(settings))) continue;
    if (!unchanged(target, p)) {
      // gone, or no longer what this tool wrote: the user's now
      cache.forgetProduced(target);
      cache.forget(target);
      continue;
    }
    try {
      moved.push({ from: target, to: moveAside(outDir, target) });
      cache.forgetProduced(target);
      cache.forget(target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      const data = { target: relative(context.cwd, target), dir: STALE_DIR, code };
      failures.push({
        file: relative(context.cwd, p.source),
        message: bilingual('build.cannotMoveAside', data),
        kind: 'internal',
      });
    }
  }
  return { moved, failures };
}
