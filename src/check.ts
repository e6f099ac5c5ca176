import { relative } from 'node:path';
/**
 * `check` as a library call: discover the files, compile each, collect every problem.
 */
import { compileFile, type CompileResult } from './compile.js';
import { ConfigLoader } from './config/load.js';
import { discover, type InputFile } from './discover.js';
import { summarize, type DescriptionSummary } from './model/summary.js';
import { type Diagnostic, type MessageLang, sortAndDedupe } from './validate/diagnostic.js';

export interface CheckOptions {
  /** Message language; default: each document's own, then its config's, then Estonian. */
  lang?: MessageLang;
  cwd?: string;
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

function displayFile(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export async function checkPaths(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const loader = new ConfigLoader({ cwd, ...(options.lang ? { lang: options.lang } : {}) });
  const files = await discover(paths, loader, cwd);
  const results = files.map((f) =>
    compileFile(f.path, { configLoader: loader, cwd, ...(options.lang ? { lang: options.lang } : {}) }),
  );
  const summaries = results.map((r, i) => summarize(r, displayFile(files[i]!.path, cwd)));
  const diagnostics = sortAndDedupe(results.flatMap((r) => r.diagnostics));
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    files,
    results,
    summaries,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
  };
}
