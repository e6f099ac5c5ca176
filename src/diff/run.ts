/**
 * Two versions of a description compiled and compared: two files (`diff OLD NEW`), or a file and
 * its version at a git ref (`diff FILE --since REF`). The old version from git is compiled with its
 * config as it was at the ref (its catalogue and default sections of then: ./at-ref.ts), so the
 * report shows a change to a shared catalogue indicator or default section too.
 */
import { resolve } from 'node:path';
import { compileFile, type CompileResult } from '../compiler/compile.js';
import { ConfigLoader } from '../config/load.js';
import { shownPath } from '../fs/root.js';
import { bilingual, message } from '../messages/index.js';
import type { ChangeReport } from '../model/changes.js';
import type { DocLang, JobDescription } from '../model/types.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import { changeReport } from './compare.js';
import { compileAtRef } from './at-ref.js';
import { readAtRef, type AtRef } from './git.js';

export interface DiffOptions {
  /** Paths in messages are shown relative to this folder (default: the current directory). */
  cwd?: string;
  /** The report's language (default: the new version's `lang`). */
  lang?: DocLang;
  /** The language of messages (default: both, "en / et"). */
  messageLang?: MessageLang;
  /** Loader to discover configs with (share one across a batch). */
  configLoader?: ConfigLoader;
}

/** A version that could not be compared, and why (its diagnostics when it has errors). */
export interface DiffProblem {
  path: string;
  message: string;
  diagnostics: Diagnostic[];
}

export type DiffResult =
  | { report: ChangeReport; model: JobDescription; problem?: undefined }
  | { problem: DiffProblem; report?: undefined; model?: undefined };

const say = (opts: DiffOptions, id: Parameters<typeof message>[0], data: Record<string, string>): string =>
  opts.messageLang ? message(id, opts.messageLang, data) : bilingual(id, data);

function problemOf(
  result: CompileResult,
  path: string,
  opts: DiffOptions,
  ref?: string,
): { problem: DiffProblem } | undefined {
  if (result.model) return undefined;
  const shown = shownPath(path, opts.cwd);
  const text =
    ref === undefined
      ? say(opts, 'diff.hasErrors', { path: shown })
      : say(opts, 'diff.oldHasErrors', { path: shown, ref });
  return { problem: { path: shown, message: text, diagnostics: result.diagnostics } };
}

const compileOptions = (opts: DiffOptions, loader: ConfigLoader) => ({
  configLoader: loader,
  ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
  ...(opts.messageLang ? { lang: opts.messageLang } : {}),
});

/** The changes from the description in `oldPath` to the one in `newPath`. */
export function diffFiles(oldPath: string, newPath: string, opts: DiffOptions = {}): DiffResult {
  const loader = opts.configLoader ?? new ConfigLoader({ cwd: opts.cwd, lang: opts.messageLang });
  const cwd = opts.cwd ?? process.cwd();
  const [o, n] = [resolve(cwd, oldPath), resolve(cwd, newPath)];
  const older = compileFile(o, compileOptions(opts, loader));
  const bad = problemOf(older, o, opts);
  if (bad) return bad;
  const newer = compileFile(n, compileOptions(opts, loader));
  const badNew = problemOf(newer, n, opts);
  if (badNew) return badNew;
  const sides = {
    old: { path: shownPath(o, cwd) },
    new: { path: shownPath(n, cwd) },
    ...(opts.lang ? { lang: opts.lang } : {}),
  };
  return { report: changeReport(older.model, newer.model!, sides), model: newer.model! };
}

/**
 * The changes to the description in `path` since git `ref` (a description that did not exist there
 * is new). Throws a usage error when the file is not in git or the ref is unknown.
 */
export function diffSince(path: string, ref: string, opts: DiffOptions = {}): DiffResult {
  const loader = opts.configLoader ?? new ConfigLoader({ cwd: opts.cwd, lang: opts.messageLang });
  const cwd = opts.cwd ?? process.cwd();
  const file = resolve(cwd, path);
  const newer = compileFile(file, compileOptions(opts, loader));
  const bad = problemOf(newer, file, opts);
  if (bad) return bad;
  return compareWithRef(file, ref, readAtRef(file, ref), newer.model!, opts);
}

/**
 * The report for `file` (compiled now: `model`) against its version `at` the ref (no bytes: it is
 * new), compiled with the config as it was at the ref (./at-ref.ts).
 */
export function compareWithRef(
  file: string,
  ref: string,
  at: AtRef,
  model: JobDescription,
  opts: DiffOptions,
): DiffResult {
  const shown = shownPath(file, opts.cwd);
  const sides = {
    old: { ref, ...(at.commit ? { commit: at.commit } : {}) },
    new: { path: shown },
    ...(opts.lang ? { lang: opts.lang } : {}),
  };
  if (at.bytes === undefined) return { report: changeReport(undefined, model, sides), model };
  const older = compileAtRef(at.top, ref, at.path, at.bytes, {
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.messageLang ? { lang: opts.messageLang } : {}),
  });
  const bad = problemOf(older, file, opts, ref);
  if (bad) return bad;
  return { report: changeReport(older.model, model, sides), model };
}
