/**
 * `build --changes-since REF`: beside each description's outputs, `<id>.muudatused.pdf`, the change
 * report against its version at REF, for the people who sign it again. Only descriptions whose
 * model changed get one (a file edited in white space only does not); one new since REF gets a
 * report saying so. One bad file never stops the batch: its problem is returned with the others.
 *
 * Which descriptions may have changed comes from git (src/project/changed.ts, as
 * `check --changed-since`: the file, its config or a file the config names changed); each of those
 * is compiled at REF (with its config as it was there: ./at-ref.ts) and now, and the models compared.
 *
 * A report written earlier whose description now needs none (unchanged since REF, with errors,
 * deleted or renamed) is moved aside to `<out-dir>/.stale/` (./stale-reports.ts); only a file this
 * tool wrote is ever moved or overwritten. A report is dated as the description's build outputs
 * are (documentDate: its review or approval date, else its last commit, else SOURCE_DATE_EPOCH
 * rules) and names the ref with its commit.
 */
import { lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GitDates } from '../build/git-dates.js';
import { compileFile } from '../compiler/compile.js';
import { ConfigLoader } from '../config/load.js';
import { shownPath } from '../fs/root.js';
import { assertInside, writeFileAtomic } from '../fs/write.js';
import { bilingual, message } from '../messages/index.js';
import type { ChangeReport } from '../model/changes.js';
import type { DocLang } from '../model/types.js';
import { changedFiles, filterChanged } from '../project/changed.js';
import { discover, outputDir, type InputFile } from '../project/discover.js';
import type { MessageLang } from '../validate/diagnostic.js';
import { assertRef, pathInRepo, readAtRef, repositoryOf } from './git.js';
import { renderChangesPdf } from './pdf.js';
import { changeReportMark, moveStaleReports, ourReport, type Moved } from './stale-reports.js';
import { compareWithRef, type DiffProblem } from './run.js';

/** The file name of a description's change report. */
export const changeReportName = (id: string): string => `${id}.muudatused.pdf`;

export interface ChangeReportsOptions {
  /** The git ref to compare with. */
  since: string;
  /** The output folder (as `build --out-dir`; relative to cwd). */
  outDir: string;
  /** The working folder (default: the current one). */
  cwd?: string;
  /** The reports' language (default: each description's own). */
  lang?: DocLang;
  /** The language of problems (default: both, "en / et"). */
  messageLang?: MessageLang;
  configLoader?: ConfigLoader;
  /** Where SOURCE_DATE_EPOCH is read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface WrittenReport {
  /** The description's path, as shown (relative to cwd). */
  source: string;
  id: string;
  /** The report's absolute path. */
  path: string;
  status: ChangeReport['status'];
  /** How many parts changed. */
  parts: number;
}

export interface ChangeReportsResult {
  written: WrittenReport[];
  /** Descriptions (shown paths) whose model is the same as at the ref: no report. */
  unchanged: string[];
  /** Reports written earlier that went stale, moved aside to `<out-dir>/.stale/` (absolute paths). */
  moved: Moved[];
  problems: DiffProblem[];
}

/**
 * Writes `<out-dir>/<sub-folder>/<id>.muudatused.pdf` for each description under `paths` whose model
 * changed since `options.since` (the same folder rule as build's outputs). Throws a usage error when
 * a path matches nothing, a description is outside git or the ref is unknown.
 */
export async function writeChangeReports(
  paths: readonly string[],
  options: ChangeReportsOptions,
): Promise<ChangeReportsResult> {
  const cwd = options.cwd ?? process.cwd();
  const loader = options.configLoader ?? new ConfigLoader({ cwd, lang: options.messageLang });
  const outDir = resolve(cwd, options.outDir);
  const files = await discover(paths, loader, cwd, options.messageLang ? { lang: options.messageLang } : {});
  const result: ChangeReportsResult = { written: [], unchanged: [], moved: [], problems: [] };
  if (files.length === 0) return result;

  // the repositories the descriptions are in, each checked for the ref (one usage error, not one per file)
  const tops = new Map<string, string>();
  for (const f of files) {
    const dir = dirname(f.path);
    if (!tops.has(dir)) tops.set(dir, repositoryOf(f.path));
  }
  for (const top of new Set(tops.values())) assertRef(top, options.since);
  const changed = new Set(
    filterChanged(files, changedFiles(options.since, [...new Set(tops.values())]), loader).map((f) => f.path),
  );

  const opts = {
    cwd,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.messageLang ? { messageLang: options.messageLang } : {}),
  };
  const dates = new GitDates(files.filter((f) => changed.has(f.path)).map((f) => f.path));
  const say = (id: 'diff.cannotWrite' | 'diff.cannotMove', data: Record<string, string>): string =>
    options.messageLang ? message(id, options.messageLang, data) : bilingual(id, data);

  for (const file of files) {
    const shown = shownPath(file.path, cwd);
    // neither it nor its config changed since the ref (committed, staged, unstaged or untracked): the same model
    if (!changed.has(file.path)) {
      result.unchanged.push(shown);
      continue;
    }
    try {
      const one = await reportOne(file, options, opts, loader, outDir, tops.get(dirname(file.path))!, dates);
      if ('problem' in one) result.problems.push(one.problem);
      else if (one.written) result.written.push(one.written);
      else result.unchanged.push(shown);
    } catch (e) {
      result.problems.push({
        path: shown,
        message: say('diff.cannotWrite', { path: shown, reason: (e as Error).message }),
        diagnostics: [],
      });
    }
  }

  moveStale(files, tops, outDir, result, cwd, say);
  return result;
}

async function reportOne(
  file: InputFile,
  options: ChangeReportsOptions,
  opts: { cwd: string; lang?: DocLang; messageLang?: MessageLang },
  loader: ConfigLoader,
  outDir: string,
  top: string,
  dates: GitDates,
): Promise<{ problem: DiffProblem } | { written?: WrittenReport }> {
  const shown = shownPath(file.path, opts.cwd);
  const now = compileFile(file.path, {
    configLoader: loader,
    cwd: opts.cwd,
    ...(opts.messageLang ? { lang: opts.messageLang } : {}),
  });
  if (!now.model) {
    const text = opts.messageLang
      ? message('diff.hasErrors', opts.messageLang, { path: shown })
      : bilingual('diff.hasErrors', { path: shown });
    return { problem: { path: shown, message: text, diagnostics: now.diagnostics } };
  }
  const at = readAtRef(file.path, options.since, top);
  const diff = compareWithRef(file.path, options.since, at, now.model, opts);
  if (diff.problem) return { problem: diff.problem };
  if (diff.report.status === 'unchanged') return {};
  const target = join(outputDir(file, outDir), changeReportName(diff.report.id));
  assertInside(outDir, target);
  // a file of that name that this tool did not write is never overwritten
  if (exists(target) && !ourReport(target, outDir)) {
    const text = opts.messageLang
      ? message('diff.notOurs', opts.messageLang, { path: shownPath(target, opts.cwd) })
      : bilingual('diff.notOurs', { path: shownPath(target, opts.cwd) });
    return { problem: { path: shown, message: text, diagnostics: [] } };
  }
  const committed = dates.dateOf(file.path);
  const bytes = await renderChangesPdf(diff.report, now.model, {
    ...(options.env ? { env: options.env } : {}),
    ...(committed ? { committed } : {}),
    mark: changeReportMark({
      id: diff.report.id,
      ref: options.since,
      ...(at.commit ? { commit: at.commit.hash } : {}),
      source: at.path,
    }),
  });
  writeFileAtomic(target, bytes, outDir);
  return {
    written: {
      source: shown,
      id: diff.report.id,
      path: target,
      status: diff.report.status,
      parts: diff.report.parts.length,
    },
  };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Moves aside the reports of earlier runs that this run made stale (./stale-reports.ts). */
function moveStale(
  files: readonly InputFile[],
  tops: ReadonlyMap<string, string>,
  outDir: string,
  result: ChangeReportsResult,
  cwd: string,
  say: (id: 'diff.cannotMove', data: Record<string, string>) => string,
): void {
  const run: { top: string; path: string; dir: string }[] = [];
  for (const f of files) {
    const top = tops.get(dirname(f.path))!;
    const path = pathInRepo(top, f.path);
    if (path !== undefined) run.push({ top, path, dir: outputDir(f, outDir) });
  }
  const stale = moveStaleReports({ outDir, written: new Set(result.written.map((w) => w.path)), run });
  result.moved = stale.moved;
  for (const f of stale.failed) {
    const shown = shownPath(f.path, cwd);
    result.problems.push({
      path: shown,
      message: say('diff.cannotMove', { path: shown, reason: f.reason }),
      diagnostics: [],
    });
  }
}
