/**
 * `build --roster roster.csv`: one document per roster row, with that employee in the signature
 * block, named `<id>-<employee-slug>.<ext>`. Bad rows and unknown ids are reported with their CSV
 * line; the other rows still build.
 *
 * A roster export is a model transform in front of the ordinary build: its plan compiles the
 * descriptions, checks the rows, and turns each good row and its description's model into a job
 * (the personalised model, keyed in the cache by the description's source key and the row's
 * fields); the run and commit steps are the build's own (build.ts: runPlan), so rows are rendered
 * in the worker pool and an unchanged row comes from the cache.
 */
import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';
import { runPlan } from './build.js';
import { outputsCached, openCache, openContext, readSource, sourceKey } from './plan.js';
import {
  checkRosterRows,
  parseRoster,
  personalise,
  type RosterDescription,
  type RosterRow,
} from './roster.js';
import { enEt } from './say.js';
import type { BuildContext, BuildOptions, BuildResult, Job } from './types.js';
import { compileFile, compileSource } from '../compiler/compile.js';
import { shownPath } from '../fs/root.js';
import { readRegularFile } from '../fs/read.js';
import { readFailureWords } from '../fs/report.js';
import { discover, outputDir, UsageError, type InputFile } from '../project/discover.js';
import { summarize, type DescriptionSummary } from '../model/summary.js';
import type { JobDescription } from '../model/types.js';
import { countDiagnostics, type Diagnostic } from '../validate/diagnostic.js';
import { repositoryDiagnostics } from '../validate/repository.js';

/** The build options that apply to a roster export, and the roster file. */
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
  | 'force'
  | 'noCache'
  | 'cacheDir'
> & { roster: string };

/** A roster is a CSV of employees: larger than this it is not one. */
const MAX_ROSTER_BYTES = 32 * 1024 * 1024;

/** A description found, with its model when it compiled without errors. */
interface Found extends RosterDescription {
  input: InputFile;
  model?: JobDescription;
  /** The cache key of its source (absent without a cache). */
  key?: string;
}

/** The roster's text, or a usage error saying why it cannot be read. */
function readRoster(cwd: string, roster: string): string {
  const read = readRegularFile(resolve(cwd, roster), MAX_ROSTER_BYTES);
  if (!read.ok) {
    const why = readFailureWords(read, MAX_ROSTER_BYTES);
    throw new UsageError(enEt('build.cannotReadRoster', { roster, why_en: why.en, why_et: why.et }));
  }
  return read.bytes.toString('utf8');
}

/** Compiles one description from the bytes its cache key is made from. */
function compileOne(
  context: BuildContext,
  file: InputFile,
): { found: Found; summary: DescriptionSummary; diagnostics: Diagnostic[] } {
  const { cwd, loader, outDir } = context;
  const lang = context.settings.lang;
  const options = { configLoader: loader, cwd, ...(lang ? { lang } : {}) };
  const bytes = readSource(file.path);
  const compiled = bytes
    ? compileSource(bytes, { ...options, path: file.path })
    : compileFile(file.path, options);
  const summary = summarize(compiled, shownPath(file.path, cwd));
  const found: Found = {
    id: compiled.model?.id ?? summary.id,
    file: summary.file,
    dir: outputDir(file, outDir),
    ok: compiled.model !== undefined,
    input: file,
    ...(compiled.model ? { model: compiled.model } : {}),
    ...(bytes && context.cache ? { key: sourceKey(context, file, bytes) } : {}),
  };
  return { found, summary, diagnostics: compiled.diagnostics };
}

/**
 * Every description compiled once; the diagnostics of those the roster names (and the duplicate-id
 * errors among them: the repository rule says so in each file, the rows say so too).
 */
async function compileAll(
  context: BuildContext,
  files: readonly InputFile[],
  wanted: ReadonlySet<string>,
): Promise<{ found: Found[]; diagnostics: Diagnostic[] }> {
  const found: Found[] = [];
  const summaries: DescriptionSummary[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const one = compileOne(context, file);
    found.push(one.found);
    summaries.push(one.summary);
    if (wanted.has(one.found.id)) for (const d of one.diagnostics) diagnostics.push(d);
    // a signal is acted on between files, not only once every file is compiled
    await new Promise((r) => setImmediate(r));
  }
  const inFiles = new Set(found.filter((f) => wanted.has(f.id)).map((f) => f.file));
  const lang = context.settings.lang;
  for (const d of repositoryDiagnostics(summaries, lang ? { lang } : {}))
    if (d.rule === 'duplicate-id' && inFiles.has(d.file)) diagnostics.push(d);
  return { found, diagnostics };
}

/** The cache key of a row's document: its description's source key and the row's own fields. */
export function rowKey(sourceKey: string, row: Pick<RosterRow, 'employee' | 'employer' | 'role'>): string {
  const parts = ['roster', sourceKey, row.employee, row.employer ?? '', row.role ?? ''];
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** The transform: a roster row and its description's model → the job of the employee's document. */
function rowJob(context: BuildContext, place: string, row: RosterRow, description: Found): Job {
  const path = description.input.path;
  const base = {
    file: description.input,
    dir: description.dir,
    shown: description.file,
    remember: false,
    place,
  };
  let model: JobDescription;
  try {
    model = personalise(description.model!, row);
  } catch (e) {
    const error = (e as Error).message;
    const known = { diagnostics: [], sourcePath: description.file, error };
    return {
      ...base,
      decision: 'skip',
      reason: 'no file name',
      known,
      retry: () => ({ error, cacheable: false }),
    };
  }
  // the model is the one compiled from the bytes its key was made from: always cacheable
  const task = { path, model };
  const retry = () => ({ task: { path, model }, cacheable: true });
  if (!context.cache || description.key === undefined)
    return { ...base, retry, decision: 'fresh', reason: 'no cache', task };
  const key = rowKey(description.key, row);
  if (context.force) return { ...base, retry, key, decision: 'fresh', reason: 'forced', task };
  if (!outputsCached(context, key))
    return { ...base, retry, key, decision: 'fresh', reason: 'not in the cache', task };
  const known = { diagnostics: [], sourcePath: path, id: model.id };
  return { ...base, retry, key, decision: 'cached', reason: 'cache hit', known };
}

export async function buildRoster(
  paths: readonly string[],
  options: RosterBuildOptions,
): Promise<BuildResult> {
  const opened = openContext(options);
  const { cwd } = opened;
  const rosterFile = relative(cwd, resolve(cwd, options.roster)) || options.roster;
  const text = readRoster(cwd, options.roster);
  const lang = options.lang ?? 'et';
  const parsed = parseRoster(text, rosterFile, lang);
  const skipped: Diagnostic[] = [];
  const files = await discover(paths, opened.loader, cwd, { skipped });
  const context = openCache(opened, options);
  // every description is compiled once; only the ids the roster names are rendered
  const compiled = await compileAll(context, files, new Set(parsed.rows.map((r) => r.id)));
  const checked = checkRosterRows(parsed.rows, compiled.found, rosterFile, lang);
  const jobs = checked.valid.map(({ row, description }) =>
    rowJob(context, `${rosterFile}:${row.line}`, row, description),
  );
  const diagnostics = [...parsed.diagnostics, ...skipped, ...compiled.diagnostics, ...checked.diagnostics];
  const failed =
    countDiagnostics(parsed.diagnostics).errors +
    checked.diagnostics.reduce((n, d) => n + (d.omitted ?? 1), 0);
  const folders = compiled.found.map((f) => f.dir);
  return runPlan(context, { files, jobs, diagnostics, failed, folders }, options);
}
