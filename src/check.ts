/**
 * `check` as a library call: discover the files, compile each, collect every problem.
 */
import { compileFile, type CompileResult } from './compile.js';
import { ConfigLoader } from './config/load.js';
import { discover, type InputFile } from './discover.js';
import { type Diagnostic, type MessageLang, sortAndDedupe } from './validate/diagnostic.js';

export interface CheckOptions {
  /** Message language; default: each document's own, then its config's, then Estonian. */
  lang?: MessageLang;
  cwd?: string;
}

export interface CheckResult {
  files: InputFile[];
  results: CompileResult[];
  /** All problems in all files, sorted by file and line. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

export async function checkPaths(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const loader = new ConfigLoader({ cwd, ...(options.lang ? { lang: options.lang } : {}) });
  const files = await discover(paths, loader, cwd);
  const results = files.map((f) =>
    compileFile(f.path, { configLoader: loader, cwd, ...(options.lang ? { lang: options.lang } : {}) }),
  );
  const diagnostics = sortAndDedupe(results.flatMap((r) => r.diagnostics));
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  return { files, results, diagnostics, errorCount, warningCount: diagnostics.length - errorCount };
}
