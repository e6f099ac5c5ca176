/**
 * The commit step of a build: write each job's outputs atomically (a document is written whole or
 * not at all), refresh the cache, and sum up the result. Jobs are committed in plan order, so
 * messages, progress and outputs are the same however the run step rendered them.
 */
import { bilingual } from '../messages/index.js';
import { join, relative } from 'node:path';
import { statSync, type Stats } from 'node:fs';
import type { BuildCache } from './cache.js';
import { outputKeys } from './plan.js';
import type { Runner } from './run.js';
import type { BuildContext, BuildOptions, BuildResult, Job, Ran } from './types.js';
import { products, type RenderOutcome } from './pool/task.js';
import { moveStale, type Seen } from './stale.js';
import { createHash } from 'node:crypto';
import {
  FolderNotWritable,
  assertInside,
  removeStaleTempFiles,
  removeStaleTempFilesIn,
  writeFileAtomic,
} from '../fs/write.js';
import { ID_PATTERN } from '../util/slug.js';
import { countDiagnostics, type Diagnostic, sortAndDedupe } from '../validate/diagnostic.js';

/** Two documents would be written to one file: the inputs are at fault, not the tool. */
class OutputCollision extends Error {}

/** The bytes to write per output (undefined: the file is already exactly the cached entry). */
type Bytes = (Uint8Array | undefined)[];

/** Removes the temporary files a killed build left behind, only in the folders this build writes to. */
export function removeStaleTemps(context: BuildContext, folders: Iterable<string>): void {
  // never anything else, and never walking more than those folders: `-o ~` must not walk home
  removeStaleTempFilesIn(folders, context.outDir);
  if (context.cache) removeStaleTempFiles(context.cache.dir, Date.now(), true);
}

/** A cache that cannot be written only costs time next run. */
function quietly(write: () => void): void {
  try {
    write();
  } catch {
    // as above
  }
}

export class Committer {
  readonly result: BuildResult;
  /** Every output path written so far, with the source it was written from. */
  private readonly written = new Map<string, string>();
  private readonly all: Diagnostic[] = [];
  /** What each description of the run gave (for moving aside what it no longer produces). */
  private readonly seen = new Map<string, Seen>();
  private readonly roster: string | undefined;

  constructor(
    private readonly context: BuildContext,
    private readonly runner: Runner,
    private readonly options: Pick<BuildOptions, 'onProgress'>,
    start: Pick<BuildResult, 'files' | 'failed'> & { diagnostics: readonly Diagnostic[]; roster?: string },
  ) {
    this.roster = start.roster;
    this.result = {
      files: start.files,
      outputs: [],
      built: 0,
      failed: start.failed,
      rendered: 0,
      cached: 0,
      workers: runner.workers,
      diagnostics: [],
      errorCount: 0,
      warningCount: 0,
      failures: [],
      stale: [],
    };
    // loops, not push(...x): a list read from the cache or made from the input can be any length
    for (const d of start.diagnostics) this.all.push(d);
  }

  /** Commits one job: its diagnostics, its outputs, its cache entries, its progress event. */
  async commit({ index, job, outcome }: Ran, total: number): Promise<void> {
    for (const d of outcome.diagnostics) this.all.push(d);
    const outputs: string[] = [];
    let ok = false;
    if (outcome.id !== undefined) ok = await this.writeJob(job, outcome, outcome.id, outputs);
    // compiling itself failed (a bug): say why, not just that the description was not built
    else if (outcome.error !== undefined) this.fail(job, outcome.sourcePath, outcome.error, 'internal');
    // remember what compiling gave (never a crash: that is not a property of the input)
    const { cache } = this.context;
    if (cache && job.remember && job.key && job.decision === 'fresh' && outcome.error === undefined) {
      const meta = {
        ok: outcome.id !== undefined,
        sourcePath: outcome.sourcePath,
        diagnostics: outcome.diagnostics,
        ...(outcome.id !== undefined ? { id: outcome.id } : {}),
      };
      quietly(() => cache.putMeta(job.metaKey ?? job.key!, meta));
    }
    if (job.place === undefined) {
      const seen: Seen = { ok, dir: job.dir, ...(outcome.id !== undefined ? { id: outcome.id } : {}) };
      this.seen.set(job.file.path, seen);
    }
    const { result } = this;
    if (ok) result.built++;
    else result.failed++;
    for (const o of outputs) result.outputs.push(o);
    this.options.onProgress?.({ type: 'file', index, total, file: job.file, outputs, ok });
  }

  private fail(job: Job, file: string, message: string, kind: 'input' | 'internal'): void {
    this.result.failures.push(
      job.place !== undefined ? { file: job.place, message, kind: 'internal' } : { file, message, kind },
    );
  }

  /** The output paths of a document named `id`, checked: inside the output folder, not taken. */
  private targets(job: Job, id: string): string[] {
    const { cwd, outDir, settings } = this.context;
    // an id names files: one the schema would reject (a rule turned off) is never a path
    if (!ID_PATTERN.test(id)) throw new OutputCollision(bilingual('build.idNotFileName', { id }));
    const targets = products(settings).map((f) => join(job.dir, `${id}.${f}`));
    // ids are checked (compile, cache), and this holds whatever an id or a folder name holds
    for (const target of targets) assertInside(outDir, target);
    for (const target of targets) {
      const previous = this.written.get(target);
      if (previous === undefined) continue;
      // a roster's check made every name unique: this only guards that promise
      if (job.place !== undefined) throw new Error(bilingual('build.alreadyWritten', { target }));
      throw new OutputCollision(
        bilingual('build.outputCollision', { target: relative(cwd, target), previous }),
      );
    }
    return targets;
  }

  /** Writes one document's outputs; false (and a failure recorded) when it cannot. */
  private async writeJob(job: Job, outcome: RenderOutcome, id: string, outputs: string[]): Promise<boolean> {
    try {
      const targets = this.targets(job, id);
      const keys =
        job.key !== undefined && this.context.cache ? outputKeys(this.context.settings, job.key) : [];
      let fromCache = job.decision === 'cached' || job.outputsCached === true;
      let cacheable = true;
      let bytes = fromCache ? this.fromCache(targets, keys) : undefined;
      if (fromCache && !bytes) {
        // a damaged or vanished entry: render this one again
        fromCache = false;
        const retry = job.retry();
        cacheable = retry.cacheable;
        outcome = retry.task
          ? await this.runner.render(job, retry.task)
          : { diagnostics: [], sourcePath: job.shown, error: retry.error ?? '' };
      }
      if (!fromCache) bytes = this.rendered(outcome);
      const how = { fromCache, cacheable, source: outcome.sourcePath, path: job.file.path };
      this.writeAll(targets, bytes!, keys, how);
      for (const target of targets) outputs.push(target);
      if (fromCache) this.result.cached++;
      else this.result.rendered++;
      return true;
    } catch (e) {
      const message = e instanceof FolderNotWritable ? e.describe(this.context.cwd) : (e as Error).message;
      this.fail(job, outcome.sourcePath, message, e instanceof OutputCollision ? 'input' : 'internal');
      return false;
    }
  }

  /** A cache hit: the stored outputs, unless an output file is already exactly that entry. */
  private fromCache(targets: readonly string[], keys: readonly string[]): Bytes | undefined {
    const cache = this.context.cache!;
    // each output file is hashed at most once (isCurrent), and only when it is to be reused
    const current = targets.map((t, i) => cache.isCurrent(t, keys[i]!));
    const bytes = targets.map((_, i) => (current[i] ? undefined : cache.getOutput(keys[i]!)));
    return bytes.some((b, i) => b === undefined && !current[i]) ? undefined : bytes;
  }

  /** A render's outputs, one per product, or why there are none. */
  private rendered(outcome: RenderOutcome): Bytes {
    if (outcome.error !== undefined) throw new Error(outcome.error);
    const bytes = outcome.outputs;
    if (!bytes || bytes.length !== products(this.context.settings).length)
      throw new Error(bilingual('build.noOutput'));
    return bytes;
  }

  /** Writes every output (only once every format rendered) and records each in the cache. */
  private writeAll(
    targets: readonly string[],
    bytes: Bytes,
    keys: readonly string[],
    how: { fromCache: boolean; cacheable: boolean; source: string; path: string },
  ): void {
    const { cache, outDir } = this.context;
    targets.forEach((target, i) => {
      const data = bytes[i];
      if (cache) this.recordProduced(cache, target, data, keys[i], how.path);
      if (data !== undefined) {
        const stats: Stats = writeFileAtomic(target, data, outDir);
        if (cache && !how.cacheable) cache.forget(target);
        else if (cache && keys[i] !== undefined) {
          const key = keys[i];
          quietly(() => {
            if (!how.fromCache) cache.putOutput(key, data, target);
            cache.wrote(target, key, stats);
          });
        }
      }
      this.written.set(target, how.source);
    });
  }

  /** Records that this tool wrote `target` (`data`, or the cache entry `key` found current). */
  private recordProduced(
    cache: BuildCache,
    target: string,
    data: Uint8Array | undefined,
    key: string | undefined,
    source: string,
  ): void {
    const digest = data ? createHash('sha256').update(data).digest('hex') : key && cache.digestOf(key);
    const size = data ? data.length : undefined;
    const roster = this.roster !== undefined ? { roster: this.roster } : {};
    quietly(() => {
      if (!digest) return;
      const s = size ?? statSync(target).size;
      cache.recordProduced(target, { source, ...roster, digest, size: s });
    });
  }

  /** Moves aside what the run no longer produces (stale.ts): call once every job is committed. */
  moveStale(found: Iterable<string>): void {
    const { cache } = this.context;
    if (!cache) return;
    const scope = {
      seen: this.seen,
      found: new Set(found),
      written: new Set(this.written.keys()),
      ...(this.roster !== undefined ? { roster: this.roster } : {}),
    };
    const { moved, failures } = moveStale(this.context, cache, scope);
    for (const m of moved) this.result.stale.push(m);
    for (const f of failures) this.result.failures.push(f);
  }

  /** The result, once every job is committed: diagnostics sorted and counted. */
  finish(): BuildResult {
    const { result } = this;
    result.diagnostics = sortAndDedupe(this.all);
    ({ errors: result.errorCount, warnings: result.warningCount } = countDiagnostics(result.diagnostics));
    return result;
  }
}
