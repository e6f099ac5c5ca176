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
import { bilingual } from '../messages/index.js';
import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';
import { runPlan } from './build.js';
import {
  committedAt,
  compileEntryKey,
  outputsCached,
  openCache,
  openContext,
  readSource,
  sourceKey,
} from './plan.js';
import {
  checkRosterRows,
  parseRoster,
  personalise,
  rosterName,
  type RosterDescription,
  type RosterRow,
} from './roster.js';
import type { BuildContext, BuildOptions, BuildResult, Job, Retry } from './types.js';
import { compileFile, compileSource } from '../compiler/compile.js';
import { shownPath } from '../fs/root.js';
import { readRegularFile } from '../fs/read.js';
import { readFailureWords } from '../fs/report.js';
import { discover, outputDir, UsageError, type InputFile } from '../project/discover.js';
import { summarize } from '../compiler/summary.js';
import type { DescriptionSummary } from '../validate/summary.js';
import type { JobDescription } from '../model/types.js';
import { countDiagnostics, type Diagnostic } from '../validate/diagnostic.js';
import { repositoryDiagnostics } from '../validate/repository.js';

/** The build options that apply to a roster export, and the roster file. */
export type RosterBuildOptions = Pick<
  BuildOptions,
  | 'formats'
  | 'asice'
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

/**
 * A description found: its id and whether it is valid from the cache when its source is unchanged,
 * else from compiling it (then with its model and summary).
 */
interface Found extends RosterDescription {
  input: InputFile;
  /** The cache key of its source (absent without a cache). */
  key?: string;
  /** The key of its compile entry (the source key, or with today's date: plan.ts compileEntryKey). */
  metaKey?: string;
  /** The source as hashed for `key`, kept until it is compiled. */
  bytes?: Uint8Array;
  model?: JobDescription;
  summary?: DescriptionSummary;
}

/** The roster's text, or a usage error saying why it cannot be read. */
function readRoster(cwd: string, roster: string): string {
  const read = readRegularFile(resolve(cwd, roster), MAX_ROSTER_BYTES);
  if (!read.ok) {
    const why = readFailureWords(read, MAX_ROSTER_BYTES);
    throw new UsageError(bilingual('build.cannotReadRoster', { roster, why_en: why.en, why_et: why.et }));
  }
  return read.bytes.toString('utf8');
}

/** Compiles a description (from the bytes its key was made from) and remembers what it gave. */
function compileFound(context: BuildContext, found: Found): Diagnostic[] {
  const { cwd, loader, cache } = context;
  const lang = context.settings.lang;
  const options = { configLoader: loader, cwd, ...(lang ? { lang } : {}) };
  const path = found.input.path;
  const compiled = found.bytes
    ? compileSource(found.bytes, { ...options, path })
    : compileFile(path, options);
  delete found.bytes;
  found.summary = summarize(compiled, found.file);
  found.id = compiled.model?.id ?? found.summary.id;
  found.ok = compiled.model !== undefined;
  if (compiled.model) found.model = compiled.model;
  if (cache && found.key !== undefined) {
    const meta = {
      ok: found.ok,
      sourcePath: compiled.source?.path ?? path,
      diagnostics: compiled.diagnostics,
      ...(compiled.model ? { id: compiled.model.id } : {}),
    };
    quietly(() => cache.putMeta(found.metaKey ?? found.key!, meta));
  }
  return compiled.diagnostics;
}

/** A cache that cannot be written only costs time next run. */
function quietly(write: () => void): void {
  try {
    write();
  } catch {
    // as above
  }
}

/** One description: from the cache when its source is unchanged and valid, else compiled. */
function lookUp(context: BuildContext, file: InputFile): { found: Found; diagnostics: Diagnostic[] } {
  const { cache, cwd, outDir } = context;
  const bytes = readSource(file.path);
  const key = bytes && cache ? sourceKey(context, file, bytes) : undefined;
  const entry = key !== undefined ? compileEntryKey(context, file, key) : undefined;
  const found: Found = {
    id: '',
    file: shownPath(file.path, cwd),
    dir: outputDir(file, outDir),
    ok: false,
    input: file,
    ...(key !== undefined ? { key, metaKey: entry! } : {}),
    ...(bytes ? { bytes } : {}),
  };
  const meta = entry !== undefined && !context.force ? cache!.getMeta(entry) : undefined;
  if (meta?.ok) return { found: { ...found, id: meta.id!, ok: true }, diagnostics: meta.diagnostics };
  // an invalid one is compiled again too: its id comes from its frontmatter or file name
  return { found, diagnostics: compileFound(context, found) };
}

/**
 * The duplicate-id errors of the descriptions the roster names (the repository rule says so in
 * each file, the rows say so too): only the files of a shared id need their summaries.
 */
function duplicateIds(context: BuildContext, found: Found[], wanted: ReadonlySet<string>): Diagnostic[] {
  const count = new Map<string, number>();
  for (const f of found) if (wanted.has(f.id)) count.set(f.id, (count.get(f.id) ?? 0) + 1);
  const summaries: DescriptionSummary[] = [];
  for (const f of found) {
    if ((count.get(f.id) ?? 0) < 2) continue;
    if (!f.summary) compileFound(context, f);
    summaries.push(f.summary!);
  }
  if (summaries.length === 0) return [];
  const lang = context.settings.lang;
  return repositoryDiagnostics(summaries, lang ? { lang } : {}).filter((d) => d.rule === 'duplicate-id');
}

/** Every description found, and the diagnostics of those the roster names. */
async function lookUpAll(
  context: BuildContext,
  files: readonly InputFile[],
  wanted: ReadonlySet<string>,
): Promise<{ found: Found[]; diagnostics: Diagnostic[] }> {
  const found: Found[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const one = lookUp(context, file);
    found.push(one.found);
    if (wanted.has(one.found.id)) for (const d of one.diagnostics) diagnostics.push(d);
    // a signal is acted on between files, not only once every file is compiled
    await new Promise((r) => setImmediate(r));
  }
  for (const d of duplicateIds(context, found, wanted)) diagnostics.push(d);
  return { found, diagnostics };
}

/** The cache key of a row's document: its description's source key and the row's own fields. */
export function rowKey(sourceKey: string, row: Pick<RosterRow, 'employee' | 'employer' | 'role'>): string {
  const parts = ['roster', sourceKey, row.employee, row.employer ?? '', row.role ?? ''];
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** The description's model (compiled now when its entry came from the cache). */
function modelOf(context: BuildContext, description: Found): JobDescription | undefined {
  if (!description.model) compileFound(context, description);
  return description.model;
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
  const key = context.cache && description.key !== undefined ? rowKey(description.key, row) : undefined;
  const at = committedAt(context, path);
  const committed = at !== undefined ? { committed: at } : {};
  // the model is the one compiled from the bytes the key was made from: always cacheable
  const retry = (): Retry => {
    const model = modelOf(context, description);
    if (!model) return { error: bilingual('build.noOutput'), cacheable: false };
    return { task: { path, model: personalise(model, row), ...committed }, cacheable: true };
  };
  const id = rosterName({ id: description.id, employee: row.employee });
  if (key !== undefined && id !== undefined && !context.force && outputsCached(context, key)) {
    const known = { diagnostics: [], sourcePath: path, id };
    return { ...base, retry, key, decision: 'cached', reason: 'cache hit', known };
  }
  const withKey = key !== undefined ? { key } : {};
  const reason = key === undefined ? 'no cache' : context.force ? 'forced' : 'not in the cache';
  try {
    const model = modelOf(context, description);
    if (!model) throw new Error(bilingual('build.noOutput'));
    const task = { path, model: personalise(model, row), ...committed };
    return { ...base, ...withKey, retry, decision: 'fresh', reason, task };
  } catch (e) {
    const error = (e as Error).message;
    const known = { diagnostics: [], sourcePath: description.file, error };
    return {
      ...base,
      decision: 'skip',
      reason: 'cannot be personalised',
      known,
      retry: () => ({ error, cacheable: false }),
    };
  }
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
  const context = openCache(opened, options, files);
  // every description compiled (or found unchanged in the cache); only the rows are rendered
  const compiled = await lookUpAll(context, files, new Set(parsed.rows.map((r) => r.id)));
  const checked = checkRosterRows(parsed.rows, compiled.found, rosterFile, lang);
  const jobs = checked.valid.map(({ row, description }) =>
    rowJob(context, `${rosterFile}:${row.line}`, row, description),
  );
  const diagnostics = [...parsed.diagnostics, ...skipped, ...compiled.diagnostics, ...checked.diagnostics];
  const failed =
    countDiagnostics(parsed.diagnostics).errors +
    checked.diagnostics.reduce((n, d) => n + (d.omitted ?? 1), 0);
  const folders = compiled.found.map((f) => f.dir);
  const roster = resolve(cwd, options.roster);
  return runPlan(context, { files, jobs, diagnostics, failed, folders, roster }, options);
}
