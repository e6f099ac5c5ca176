/**
 * ametijuhend's programmatic API, the same pipeline the CLI runs: compile a description to a typed
 * model with positioned diagnostics, render a model to PDF, HTML or DOCX bytes, check, build,
 * report the status of, and set up a folder of descriptions. The renderers (pdfkit, docx) and the
 * build's worker pool are loaded only when first used.
 *
 * @example
 * ```ts
 * import { compileFile, render } from 'ametijuhend';
 *
 * const { model, diagnostics } = compileFile('docs/ekspert.md');
 * if (model) writeFileSync('ekspert.pdf', await render(model, 'pdf'));
 * ```
 *
 * @packageDocumentation
 */
import type { BuildOptions, BuildResult } from './build/build.js';
import { checkPaths, type CheckOptions, type CheckResult } from './project/check.js';
import { initRepo, type InitOptions, type InitResult } from './project/init.js';
import { status as statusRows, type StatusRow } from './project/status.js';

export { compileFile, compileSource, type CompileOptions, type CompileResult } from './compiler/compile.js';
export { render } from './render/index.js';
export { OUTPUT_FORMATS, type OutputFormat, type PdfStandard, type RenderOptions } from './render/types.js';

/**
 * Checks descriptions as `ametijuhend check` does: every file, folder or glob in `paths` (none: the
 * current folder, `options.cwd`), with the repository-wide rules when a folder or glob is given.
 * Never throws for problems in the files: they are in `diagnostics`, counted in `errorCount` and
 * `warningCount`. Throws `UsageError` for a path that matches nothing.
 */
export function check(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  return checkPaths(paths, options);
}

/**
 * Builds descriptions as `ametijuhend build` does: compiles every description in `paths` and writes
 * the formats asked for into `options.outDir` (default `dist`, relative to `options.cwd`), with the
 * build cache and, for large batches, worker threads. Descriptions with errors are not rendered; their
 * problems are in `diagnostics`. While it runs, SIGINT and SIGTERM remove half-written files and exit
 * (130 / 143), as the CLI does.
 */
export async function build(paths: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const { buildPaths } = await import('./build/build.js');
  return buildPaths(paths, options);
}

/**
 * One row per description in `paths`, as `ametijuhend status` shows them: id, title, unit,
 * version, reviewed, when the next review is due, and the error and warning counts of a check.
 */
export function status(paths: readonly string[], options: CheckOptions = {}): Promise<StatusRow[]> {
  return statusRows(paths, options);
}

/**
 * Sets up a folder of descriptions as `ametijuhend init` does: a config, a competency catalogue,
 * an example description, a README and CI workflows. Existing files are left alone (listed in
 * `skipped`). Throws `InitError` when the folder cannot be written.
 */
export function init(dir: string, options: InitOptions = {}): InitResult {
  return initRepo(dir, options);
}

export type { BuildEvent, BuildFailure, BuildOptions, BuildResult } from './build/build.js';
export type { CheckOptions, CheckResult } from './project/check.js';
export { UsageError, type InputFile } from './project/discover.js';
export { InitError, type InitLang, type InitOptions, type InitResult } from './project/init.js';
export { ToolSpecError, type ToolDependency } from './project/tool-spec.js';
export type { StatusRow } from './project/status.js';
export type { DescriptionSummary, ReferenceKey } from './validate/summary.js';
export { ConfigLoader, CONFIG_NAME } from './config/load.js';
export type { ResolvedConfig, Catalogue } from './config/types.js';
export type * from './model/types.js';
export { SECTION_KEYS } from './model/types.js';
export { LABELS, type DocumentLabels } from './render/common/labels.js';
export { languageName, languageNames } from './util/languages.js';
export type { Diagnostic, Severity, MessageLang } from './validate/diagnostic.js';
export { RULES } from './validate/rules/index.js';
export { descriptionSchema, configSchema } from './validate/schema.js';
export { VERSION } from './util/version.js';
