/**
 * `build` as a library call: compile every description and render the valid ones to each format.
 * A description with errors produces no output and never stops the batch.
 *
 * Work per description is cached in `.ametijuhend-cache/` (see cache.ts): an
 * unchanged description is neither compiled nor rendered again, and an output file that is still
 * what the cache says is not even rewritten. Large batches are compiled and rendered in worker
 * threads (pool/); results are taken in file order, so messages, progress and outputs are the
 * same as on a single thread.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { BuildCache, cacheDirFor, compileKey, outputKey, type CompileMeta } from './cache.js';
import { compileFile } from '../compiler/compile.js';
import { ConfigLoader } from '../config/load.js';
import { checkOutDir } from '../fs/outdir.js';
import { readRegularFile } from '../fs/read.js';
import { discover, outputDir, type InputFile } from '../project/discover.js';
import { defaultJobs, maxJobs, WorkerPool } from './pool/pool.js';
import { TaskRunner, type RenderOutcome, type RunSettings } from './pool/task.js';
import type { OutputFormat, PdfStandard } from '../render/types.js';
import {
  countDiagnostics,
  type Diagnostic,
  type MessageLang,
  sortAndDedupe,
} from '../validate/diagnostic.js';
import { ID_PATTERN } from '../util/slug.js';
import { MAX_SOURCE_BYTES } from '../validate/rules/file-too-large.js';
import { VERSION } from '../util/version.js';
import {
  assertInside,
  FolderNotWritable,
  installHandlers,
  removeStaleTempFiles,
  removeStaleTempFilesIn,
  writeFileAtomic,
} from '../fs/write.js';

export interface BuildOptions {
  formats: readonly OutputFormat[];
  /** Output folder (default "dist"), relative to cwd. */
  outDir?: string;
  pdfStandard?: PdfStandard;
  lang?: MessageLang;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called before and after each file (for progress display). */
  onProgress?: (event: BuildEvent) => void;
  /** Ignore the cache: compile and render everything (the cache is still refreshed). */
  force?: boolean;
  /** Do not read or write the cache at all. */
  noCache?: boolean;
  /** Cache folder (default: `.ametijuhend-cache/<hash of the output folder>` under cwd). */
  cacheDir?: string;
  /** Worker threads for compiling and rendering (default: one per core, at most 4; never more than the cores). */
  jobs?: number;
  /** Fewer descriptions to render than this are rendered on the main thread (default 50). */
  poolThreshold?: number;
  /**
   * Render off the main thread even then (in one worker for a small batch or `jobs: 1`), so the main
   * thread stays free to act on Ctrl+C and SIGTERM during a long render. The CLI sets it.
   */
  isolate?: boolean;
}

export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'file'; index: number; total: number; file: InputFile; outputs: string[]; ok: boolean };

export interface BuildFailure {
  file: string;
  message: string;
  /** 'input': the inputs are at fault (two descriptions with one output name); 'internal': a bug or I/O. */
  kind: 'input' | 'internal';
}

class OutputCollision extends Error {}

export interface BuildResult {
  files: InputFile[];
  /** Output files written (or already up to date), in order. */
  outputs: string[];
  built: number;
  failed: number;
  /** Descriptions rendered in this run. */
  rendered: number;
  /** Descriptions whose outputs came from the cache. */
  cached: number;
  /** Worker threads used (0: everything ran on the main thread). */
  workers: number;
  /** Problems found by the compiler (as `check` reports them). */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Failures that are not problems of the input (a renderer crashed, a file could not be written). */
  failures: BuildFailure[];
}

/** What to do with one file, decided before any work starts. */
type Plan =
  | { kind: 'direct' } // unreadable or too large: compileFile reports it
  | { kind: 'hit'; key: string; meta: CompileMeta }
  /** `bytes`: the source as hashed, rendered as it is (dropped once handed over). */
  | { kind: 'miss'; key: string; bytes?: Uint8Array };

/** The source bytes, or undefined when compileFile should report the file (unreadable, too large). */
function readSource(path: string): Uint8Array | undefined {
  const read = readRegularFile(path, MAX_SOURCE_BYTES);
  return read.ok ? read.bytes : undefined;
}

export async function buildPaths(paths: readonly string[], options: BuildOptions): Promise<BuildResult> {
  installHandlers(); // a signal before the first write also exits 130 / 143
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'dist');
  checkOutDir(outDir, options.outDir ?? 'dist');
  const loader = new ConfigLoader({ cwd, ...(options.lang ? { lang: options.lang } : {}) });
  const skipped: Diagnostic[] = [];
  const files = await discover(paths, loader, cwd, { skipped });
  const formats = [...options.formats];
  const pdfStandard = options.pdfStandard ?? 'a-2a';
  const sourceDateEpoch = (options.env ?? process.env).SOURCE_DATE_EPOCH;
  const settings: RunSettings = {
    cwd,
    formats,
    pdfStandard,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(sourceDateEpoch !== undefined ? { sourceDateEpoch } : {}),
  };
  // the default cache must stay inside the project folder, a chosen one inside itself (real paths)
  const cache = options.noCache
    ? undefined
    : new BuildCache(options.cacheDir ?? cacheDirFor(cwd, outDir), options.cacheDir ? {} : { root: cwd });
  // temporary files a killed build left behind (never anything else), only in the folders this
  // build writes to: `-o ~` must not walk the home folder
  const outFolders = new Set<string>();
  for (const file of files) outFolders.add(outputDir(file, outDir));
  removeStaleTempFilesIn(outFolders, outDir);
  if (cache) removeStaleTempFiles(cache.dir, Date.now(), true);
  const formatOptions = (f: OutputFormat): string => (f === 'pdf' ? pdfStandard : '');
  const outputKeys = (key: string): string[] => formats.map((f) => outputKey(key, f, formatOptions(f)));

  const keyOf = (file: InputFile, bytes: Uint8Array): string =>
    compileKey({
      toolVersion: VERSION,
      configFingerprint: loader.forDir(dirname(file.path)).fingerprint,
      cwd,
      path: file.path,
      lang: options.lang,
      sourceDateEpoch,
      bytes,
    });

  // 1. plan: hash every source; an entry whose compile and outputs are all cached is a hit
  const plans: Plan[] = files.map((file) => {
    const bytes = readSource(file.path);
    if (!bytes) return { kind: 'direct' };
    if (!cache) return { kind: 'miss', key: '', bytes };
    const key = keyOf(file, bytes);
    const meta = options.force ? undefined : cache.getMeta(key);
    if (meta && (!meta.ok || outputKeys(key).every((k) => cache.hasOutput(k))))
      return { kind: 'hit', key, meta };
    return { kind: 'miss', key, bytes };
  });

  // 2. work: misses go to worker threads when there are enough of them to pay for starting threads
  const misses = plans.filter((p) => p.kind === 'miss').length;
  // never more threads than cores: each holds a heap of its own (--jobs 128 took 9 GB)
  const jobs = Math.min(maxJobs(), Math.max(1, options.jobs ?? defaultJobs()));
  const poolSize =
    jobs > 1 && misses >= (options.poolThreshold ?? 50) ? jobs : options.isolate && misses > 0 ? 1 : 0;
  const pool = poolSize > 0 ? new WorkerPool(settings, poolSize) : undefined;
  let runner: TaskRunner | undefined;
  // Misses render the very bytes their key was made from (read once; a file edited during the build
  // can never be cached under the key of its earlier content).
  const render = (path: string, given?: Uint8Array): Promise<RenderOutcome> => {
    const bytes = given ?? readSource(path);
    if (!bytes) return Promise.reject(new Error(`cannot read ${path} / faili ${path} ei saa lugeda`));
    if (pool) return pool.run({ path, bytes });
    runner ??= new TaskRunner(settings);
    return runner.run({ path, bytes });
  };
  const failedOutcome = (file: InputFile, e: unknown): RenderOutcome => ({
    diagnostics: [],
    sourcePath: relative(cwd, file.path),
    error: (e as Error).message,
  });

  // results are taken in file order; a bounded window of tasks runs ahead, so memory stays flat
  const window = pool ? poolSize * 4 : 1;
  const inflight = new Map<number, Promise<RenderOutcome>>();
  const launch = (i: number): void => {
    const plan = plans[i];
    const file = files[i];
    if (plan?.kind !== 'miss' || !file || inflight.has(i)) return;
    const bytes = plan.bytes;
    delete plan.bytes;
    inflight.set(
      i,
      render(file.path, bytes).catch((e: unknown) => failedOutcome(file, e)),
    );
  };

  const result: BuildResult = {
    files,
    outputs: [],
    built: 0,
    failed: 0,
    rendered: 0,
    cached: 0,
    workers: poolSize,
    diagnostics: [],
    errorCount: 0,
    warningCount: 0,
    failures: [],
  };
  const written = new Map<string, string>();
  const all: Diagnostic[] = [];
  // loops, not push(...x): a list read from the cache or made from the input can be any length
  for (const d of skipped) all.push(d);
  options.onProgress?.({ type: 'start', total: files.length });
  let ahead = 0;
  try {
    for (const [index, file] of files.entries()) {
      for (; ahead < files.length && ahead < index + window; ahead++) launch(ahead);
      const plan = plans[index]!;
      let outcome: RenderOutcome;
      let fromCache = false;
      // false when the bytes rendered are not those the key was made from (edited meanwhile)
      let cacheable = true;
      if (plan.kind === 'direct') {
        const compiled = compileFile(file.path, {
          configLoader: loader,
          cwd,
          ...(options.lang ? { lang: options.lang } : {}),
        });
        outcome = { diagnostics: compiled.diagnostics, sourcePath: compiled.source?.path ?? file.path };
      } else if (plan.kind === 'hit') {
        const { meta } = plan;
        outcome = { diagnostics: meta.diagnostics, sourcePath: meta.sourcePath };
        if (meta.id !== undefined) outcome.id = meta.id;
        fromCache = true;
      } else {
        outcome = await inflight.get(index)!;
        inflight.delete(index);
      }

      for (const d of outcome.diagnostics) all.push(d);
      const outputs: string[] = [];
      let ok = false;
      const id = outcome.id;
      if (id !== undefined) {
        const keys = plan.kind === 'direct' || !cache ? [] : outputKeys(plan.key);
        const dir = outputDir(file, outDir);
        try {
          // an id names files: one the schema would reject (a rule turned off) is never a path
          if (!ID_PATTERN.test(id))
            throw new OutputCollision(
              `the id "${id}" cannot be a file name: use only a-z, 0-9 and - / ` +
                `tunnus „${id}“ ei sobi failinimeks: kasuta ainult a–z, 0–9 ja -`,
            );
          const targets = formats.map((f) => join(dir, `${id}.${f}`));
          // ids are checked (compile, cache), and this holds whatever an id or a folder name holds
          for (const target of targets) assertInside(outDir, target);
          for (const target of targets) {
            const previous = written.get(target);
            if (previous) {
              throw new OutputCollision(
                `${relative(cwd, target)} would overwrite the output of ${previous}: give one of them another id / ` +
                  `${relative(cwd, target)} kirjutaks üle faili ${previous} väljundi: anna ühele neist teine id`,
              );
            }
          }
          // a cache hit: the stored outputs, unless an output file is already exactly that entry
          let bytes: (Uint8Array | undefined)[] | undefined;
          if (fromCache && cache) {
            // each output file is hashed at most once (isCurrent), and only when it is to be reused
            const current = targets.map((t, i) => cache.isCurrent(t, keys[i]!));
            bytes = targets.map((_, i) => (current[i] ? undefined : cache.getOutput(keys[i]!)));
            if (bytes.some((b, i) => b === undefined && !current[i])) {
              // a damaged or vanished entry: render this one again, from a fresh read; cached under
              // the hit's key only when the source is still what that key was made from
              fromCache = false;
              const fresh = readSource(file.path);
              cacheable = fresh !== undefined && plan.kind === 'hit' && keyOf(file, fresh) === plan.key;
              outcome = await render(file.path, fresh).catch((e: unknown) => failedOutcome(file, e));
              bytes = undefined;
            }
          }
          if (!fromCache) {
            if (outcome.error !== undefined) throw new Error(outcome.error);
            bytes = outcome.outputs;
            if (!bytes || bytes.length !== formats.length)
              throw new Error('the renderer returned no output / renderdamine ei andnud väljundit');
          }
          // write only when every format rendered, so a description is built whole or not at all
          targets.forEach((target, i) => {
            const data = bytes![i];
            if (data !== undefined) {
              const written = writeFileAtomic(target, data, outDir);
              if (cache && !cacheable) cache.forget(target);
              else if (cache) {
                try {
                  if (!fromCache) cache.putOutput(keys[i]!, data, target);
                  cache.wrote(target, keys[i]!, written);
                } catch {
                  // a cache that cannot be written only costs time next run
                }
              }
            }
            written.set(target, outcome.sourcePath);
            outputs.push(target);
          });
          ok = true;
          if (fromCache) result.cached++;
          else result.rendered++;
        } catch (e) {
          result.failures.push({
            file: outcome.sourcePath,
            message: e instanceof FolderNotWritable ? e.describe(cwd) : (e as Error).message,
            kind: e instanceof OutputCollision ? 'input' : 'internal',
          });
        }
      }
      // compiling itself failed (a bug): say why, not just that the description was not built
      if (id === undefined && outcome.error !== undefined)
        result.failures.push({ file: outcome.sourcePath, message: outcome.error, kind: 'internal' });
      // remember what compiling gave (never a crash: that is not a property of the input)
      if (cache && plan.kind === 'miss' && outcome.error === undefined && !fromCache) {
        try {
          cache.putMeta(plan.key, {
            ok: outcome.id !== undefined,
            sourcePath: outcome.sourcePath,
            diagnostics: outcome.diagnostics,
            ...(outcome.id !== undefined ? { id: outcome.id } : {}),
          });
        } catch {
          // a cache that cannot be written only costs time next run
        }
      }
      if (ok) result.built++;
      else result.failed++;
      for (const o of outputs) result.outputs.push(o);
      options.onProgress?.({ type: 'file', index, total: files.length, file, outputs, ok });
    }
  } finally {
    await pool?.close();
    try {
      cache?.save();
    } catch {
      // as above
    }
  }
  result.diagnostics = sortAndDedupe(all);
  ({ errors: result.errorCount, warnings: result.warningCount } = countDiagnostics(result.diagnostics));
  return result;
}
