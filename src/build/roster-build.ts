/**
 * `build --roster roster.csv`: one document per roster row, with that employee in the signature
 * block, named `<id>-<employee-slug>.<ext>`. Bad rows and unknown ids are reported with their CSV
 * line; the other rows still build.
 */
import { join, relative, resolve } from 'node:path';
import type { BuildOptions, BuildResult } from './build.js';
import { compileFile } from '../compiler/compile.js';
import { shownPath } from '../fs/root.js';
import { ConfigLoader } from '../config/load.js';
import { checkOutDir } from '../fs/outdir.js';
import { readRegularFile } from '../fs/read.js';
import { readFailureWords } from '../fs/report.js';
import { discover, outputDir, UsageError, type InputFile } from '../project/discover.js';
import { summarize } from '../compiler/summary.js';
import type { DescriptionSummary } from '../validate/summary.js';
import type { JobDescription } from '../model/types.js';
import { defaultJobs, maxJobs, WorkerPool } from './pool/pool.js';
import { TaskRunner, type RenderOutcome, type RunSettings } from './pool/task.js';
import { checkRosterRows, parseRoster, personalise, type RosterDescription } from './roster.js';
import { countDiagnostics, type Diagnostic, sortAndDedupe } from '../validate/diagnostic.js';
import { repositoryDiagnostics } from '../validate/repository.js';
import {
  assertInside,
  FolderNotWritable,
  installHandlers,
  removeStaleTempFilesIn,
  writeFileAtomic,
} from '../fs/write.js';

/** The build options that apply to a roster export (no cache), and the roster file. */
export type RosterBuildOptions = Pick<
  BuildOptions,
  | 'formats'
  | 'outDir'
  | 'pdfStandard'
  | 'lang'
  | 'cwd'
  | 'env'
  | 'onProgress'
  | 'jobs'
  | 'poolThreshold'
  | 'isolate'
> & { roster: string };

/** A roster is a CSV of employees: larger than this it is not one. */
const MAX_ROSTER_BYTES = 32 * 1024 * 1024;

/** A description found, with its model when it compiled without errors. */
interface Found extends RosterDescription {
  input: InputFile;
  model?: JobDescription;
}

export async function buildRoster(
  paths: readonly string[],
  options: RosterBuildOptions,
): Promise<BuildResult> {
  installHandlers(); // a signal before the first write also exits 130 / 143
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'dist');
  const rosterPath = resolve(cwd, options.roster);
  const rosterFile = relative(cwd, rosterPath) || options.roster;
  checkOutDir(outDir, options.outDir ?? 'dist');
  const read = readRegularFile(rosterPath, MAX_ROSTER_BYTES);
  if (!read.ok) {
    const why = readFailureWords(read, MAX_ROSTER_BYTES);
    throw new UsageError(
      `cannot read the roster ${options.roster}: ${why.en} / nimekirja ei saa lugeda: ${why.et}`,
    );
  }
  const text = read.bytes.toString('utf8');
  const lang = options.lang;
  const parsed = parseRoster(text, rosterFile, lang ?? 'et');
  const loader = new ConfigLoader({ cwd, ...(lang ? { lang } : {}) });
  const skipped: Diagnostic[] = [];
  const files = await discover(paths, loader, cwd, { skipped });

  // every description is compiled once; only the ids the roster names are rendered
  const all: Diagnostic[] = [...parsed.diagnostics, ...skipped];
  const wanted = new Set(parsed.rows.map((r) => r.id));
  const found: Found[] = [];
  const summaries: DescriptionSummary[] = [];
  for (const file of files) {
    const compiled = compileFile(file.path, { configLoader: loader, cwd, ...(lang ? { lang } : {}) });
    const summary = summarize(compiled, shownPath(file.path, cwd));
    summaries.push(summary);
    const id = compiled.model?.id ?? summary.id;
    found.push({
      id,
      file: summary.file,
      dir: outputDir(file, outDir),
      ok: compiled.model !== undefined,
      input: file,
      ...(compiled.model ? { model: compiled.model } : {}),
    });
    if (wanted.has(id)) all.push(...compiled.diagnostics);
    // a signal is acted on between files, not only once every file is compiled
    await new Promise((r) => setImmediate(r));
  }
  // two descriptions with one id: the repository rule says so in each file (the rows say so too)
  const inFiles = new Set(found.filter((f) => wanted.has(f.id)).map((f) => f.file));
  for (const d of repositoryDiagnostics(summaries, lang ? { lang } : {}))
    if (d.rule === 'duplicate-id' && inFiles.has(d.file)) all.push(d);
  const checked = checkRosterRows(parsed.rows, found, rosterFile, lang ?? 'et');
  all.push(...checked.diagnostics);

  // temporary files a killed build left, only in the folders this build writes to
  removeStaleTempFilesIn(
    found.map((f) => f.dir),
    outDir,
  );
  const formats = [...options.formats];
  const sourceDateEpoch = (options.env ?? process.env).SOURCE_DATE_EPOCH;
  const settings: RunSettings = {
    cwd,
    formats,
    pdfStandard: options.pdfStandard ?? 'a-2a',
    ...(lang ? { lang } : {}),
    ...(sourceDateEpoch !== undefined ? { sourceDateEpoch } : {}),
  };
  // as in buildPaths: worker threads for many rows, and one for `isolate` (the CLI), so the main
  // thread stays free to act on Ctrl+C and SIGTERM during a long render
  const count = checked.valid.length;
  const jobs = Math.min(maxJobs(), Math.max(1, options.jobs ?? defaultJobs()));
  const poolSize =
    jobs > 1 && count >= (options.poolThreshold ?? 50) ? jobs : options.isolate && count > 0 ? 1 : 0;
  const pool = poolSize > 0 ? new WorkerPool(settings, poolSize) : undefined;
  const runner = pool ? undefined : new TaskRunner(settings);
  const result: BuildResult = {
    files,
    outputs: [],
    built: 0,
    failed:
      countDiagnostics(parsed.diagnostics).errors +
      checked.diagnostics.reduce((n, d) => n + (d.omitted ?? 1), 0),
    rendered: 0,
    cached: 0,
    workers: poolSize,
    diagnostics: [],
    errorCount: 0,
    warningCount: 0,
    failures: [],
  };
  // each row's personalised model, rendered in row order; a bounded window runs ahead
  const tasks = checked.valid.map(({ row, description }) => {
    try {
      return { model: personalise(description.model!, row) };
    } catch (e) {
      return { error: e as Error };
    }
  });
  const window = pool ? poolSize * 4 : 1;
  const inflight = new Map<number, Promise<RenderOutcome>>();
  const launch = (i: number): void => {
    const task = tasks[i];
    const valid = checked.valid[i];
    if (!task?.model || !valid || inflight.has(i)) return;
    const run = { path: valid.description.input.path, model: task.model };
    inflight.set(
      i,
      (pool ? pool.run(run) : runner!.run(run)).catch((e: unknown): RenderOutcome => ({
        diagnostics: [],
        sourcePath: valid.description.file,
        error: (e as Error).message,
      })),
    );
  };
  const written = new Set<string>();
  options.onProgress?.({ type: 'start', total: count });
  let ahead = 0;
  try {
    for (const [index, { row, description }] of checked.valid.entries()) {
      for (; ahead < count && ahead < index + window; ahead++) launch(ahead);
      const task = tasks[index]!;
      const outputs: string[] = [];
      let ok = false;
      try {
        if (!task.model) throw task.error;
        const targets = formats.map((f) => join(description.dir, `${task.model!.id}.${f}`));
        for (const target of targets) {
          assertInside(outDir, target);
          // checkRosterRows made every name unique: this only guards that promise
          if (written.has(target))
            throw new Error(`${target} already written / ${target} on juba kirjutatud`);
        }
        const outcome = await inflight.get(index)!;
        inflight.delete(index);
        if (outcome.error !== undefined) throw new Error(outcome.error);
        const bytes = outcome.outputs;
        if (!bytes || bytes.length !== formats.length)
          throw new Error('the renderer returned no output / renderdamine ei andnud väljundit');
        // written only once every format rendered, so a row is built whole or not at all
        targets.forEach((target, i) => {
          writeFileAtomic(target, bytes[i]!, outDir); // never through a link out of the out-dir
          written.add(target);
          outputs.push(target);
        });
        ok = true;
        result.built++;
        result.rendered++;
      } catch (e) {
        inflight.delete(index);
        result.failed++;
        result.failures.push({
          file: `${rosterFile}:${row.line}`,
          message: e instanceof FolderNotWritable ? e.describe(cwd) : (e as Error).message,
          kind: 'internal',
        });
      }
      result.outputs.push(...outputs);
      options.onProgress?.({ type: 'file', index, total: count, file: description.input, outputs, ok });
    }
  } finally {
    await pool?.close();
  }
  result.diagnostics = sortAndDedupe(all);
  ({ errors: result.errorCount, warnings: result.warningCount } = countDiagnostics(result.diagnostics));
  return result;
}
