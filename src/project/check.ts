/**
 * `check` as a library call: discover the files, compile each, run the repository-wide rules over
 * all of them, collect every problem.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileCached, openCheckCache, type CheckCacheOptions } from './check-cache.js';
import type { CompileResult } from '../compiler/compile.js';
import { shownPath } from '../fs/root.js';
import { ConfigLoader } from '../config/load.js';
import { discover, type InputFile } from './discover.js';
import { summarize } from '../compiler/summary.js';
import type { DescriptionSummary } from '../validate/summary.js';
import {
  countDiagnostics,
  type Diagnostic,
  type MessageLang,
  sortAndDedupe,
} from '../validate/diagnostic.js';
import { repositoryDiagnostics } from '../validate/repository.js';

export interface CheckOptions {
  /** Message language; default: each document's own, then its config's, then Estonian. */
  lang?: MessageLang;
  cwd?: string;
  /** Only descriptions changed since this git ref, or affected by a changed config, catalogue or default. */
  changedSince?: string;
  /**
   * Run the repository-wide rules (duplicate ids, references between descriptions); default: when a
   * folder or a glob is checked.
   */
  repository?: boolean;
  /**
   * Reuse what an earlier check found in files that have not changed (same bytes, config, catalogue,
   * tool version), kept in the cache folder (`.ametijuhend-cache/check` under cwd): the same
   * diagnostics and counts as without it, but a cached file's result has no model or source.
   */
  cache?: boolean | CheckCacheOptions;
  /**
   * The config loader to use (default: a new one for cwd and lang): the caller's, so that what it
   * reads of the configs afterwards (the CLI's language) is read once. Nothing may have been loaded
   * through it yet when `cache` is on (the cache gives it what the config texts parse to).
   */
  configLoader?: ConfigLoader;
}

export interface CheckResult {
  files: InputFile[];
  results: CompileResult[];
  /** One digest per file, in the order of `files` (for repository-wide rules and status). */
  summaries: DescriptionSummary[];
  /** All problems in all files, sorted by file and line. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

/** A folder or a glob was given (or nothing, meaning the current folder): the repository rules apply. */
export function isRepositoryCheck(paths: readonly string[], cwd: string): boolean {
  if (paths.length === 0) return true;
  return paths.some((p) => {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) return true; // a glob
    return statSync(abs).isDirectory();
  });
}

async function compileAll(
  files: readonly InputFile[],
  loader: ConfigLoader,
  cwd: string,
  lang: MessageLang | undefined,
): Promise<{ results: CompileResult[]; summaries: DescriptionSummary[] }> {
  // loaded here, not with this module: a check whose files are all in its cache never needs it
  const { compileFile } = await import('../compiler/compile.js');
  const results = files.map((f) =>
    compileFile(f.path, { configLoader: loader, cwd, ...(lang ? { lang } : {}) }),
  );
  const summaries = results.map((r, i) => summarize(r, shownPath(files[i]!.path, cwd)));
  return { results, summaries };
}

export async function checkPaths(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const loader =
    options.configLoader ?? new ConfigLoader({ cwd, ...(options.lang ? { lang: options.lang } : {}) });
  const cacheOptions = options.cache === true ? {} : options.cache || undefined;
  // opened first: discovery reads the configs, and the cache knows what their texts parse to
  const cache = cacheOptions ? openCheckCache(cwd, cacheOptions, paths) : undefined;
  if (cache) loader.useParsedConfigs(cache.parsedConfigs(cacheOptions?.toolVersion));
  const skipped: Diagnostic[] = [];
  let files = await discover(paths, loader, cwd, { skipped });
  if (options.changedSince !== undefined) {
    // loaded for --changed-since only (it runs git)
    const { changedSince } = await import('./changed.js');
    files = changedSince(files, options.changedSince, loader);
  }
  const { results, summaries } = cache
    ? await compileCached(files, cache, {
        loader,
        cwd,
        ...(options.lang ? { lang: options.lang } : {}),
        ...(cacheOptions?.toolVersion ? { toolVersion: cacheOptions.toolVersion } : {}),
      })
    : await compileAll(files, loader, cwd, options.lang);
  const all = [...skipped, ...results.flatMap((r) => r.diagnostics)];
  if (options.repository ?? isRepositoryCheck(paths, cwd)) {
    const repo = repositoryDiagnostics(summaries, options.lang ? { lang: options.lang } : {});
    for (const d of repo) all.push(d);
    // status shows the counts per file: include what the repository rules found there
    const byFile = new Map(summaries.map((s) => [s.file, s]));
    for (const d of repo) {
      const s = byFile.get(d.file);
      if (s && d.severity === 'error') s.errorCount += d.omitted ?? 1;
      else if (s) s.warningCount += d.omitted ?? 1;
    }
  }
  const diagnostics = sortAndDedupe(all);
  const { errors: errorCount, warnings: warningCount } = countDiagnostics(diagnostics);
  return {
    files,
    results,
    summaries,
    diagnostics,
    errorCount,
    warningCount,
  };
}
