/**
 * ametijuhend's programmatic API, the same pipeline the CLI runs: compile a description to a typed
 * model with positioned diagnostics, render a model to PDF, HTML or DOCX bytes, check, build,
 * report the status of, and set up a folder of descriptions, and import existing Word and PDF job
 * descriptions into the format. The renderers (pdfkit, docx), the build's worker pool and the PDF
 * reader (pdfjs) are loaded only when first used.
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
import type { PreviewOptions, PreviewServer } from './preview/server.js';
import type { ImportDocumentOptions, ImportedDocument } from './import/document.js';
import type { ImportOptions, ImportRunResult } from './import/run.js';
import type { RecogniseContext, SourceDocument } from './import/types.js';
import type { ChangeReportsOptions, ChangeReportsResult } from './diff/build-changes.js';
import type { ChangesPdfOptions } from './diff/pdf.js';
import type { ChangeReport } from './model/changes.js';
import type { SignedStatus } from './signing/signed-status.js';
import type { VerifyOptions, VerifyResult } from './signing/verify.js';

export { compileFile, compileSource, type CompileOptions, type CompileResult } from './compiler/compile.js';
export { render } from './compiler/render.js';
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
 * (130 / 143), as the CLI does. Starting worker threads sets two V8 flags for the whole process, as
 * the CLI does: heap growth of at most 1.5× (memory) and, on Node 20's V8, a four times larger
 * tier-up budget (fewer optimising compilations; src/util/jit.ts).
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

/**
 * Imports Word (.docx) and PDF job descriptions as `ametijuhend import` does: every file in `paths`
 * (a folder: every .docx, .pdf, .doc, .odt and .rtf below it) is read, recognised with the config
 * found from `options.outDir` upwards, and written to `<outDir>/<slug of its name>.md`; then the
 * written files are checked. An input that cannot be imported is a `failed` result, never a throw;
 * an existing file is `skipped` unless `options.force`. Throws `UsageError` for a path that is not there.
 */
export async function importPaths(
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportRunResult> {
  const run = await import('./import/run.js');
  return run.importPaths(paths, options);
}

/**
 * One document's bytes imported: its format found from its bytes, read, recognised with `ctx`
 * (what the docs repository knows: catalogue, default sections …), and written as FORMAT v1
 * Markdown. Throws `ImportFailure` for a file that cannot be imported.
 */
export async function importDocument(
  bytes: Uint8Array,
  fileName: string,
  ctx: RecogniseContext = {},
  options: ImportDocumentOptions = {},
): Promise<ImportedDocument> {
  const doc = await import('./import/document.js');
  return doc.importDocument(bytes, fileName, ctx, options);
}

/** The text of a PDF (a text PDF: Word, LibreOffice, DigiDoc) as a SourceDocument; pdfjs is loaded on the first call. */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const pdf = await import('./import/pdf/read.js');
  return pdf.readPdf(bytes);
}

/**
 * Tells of each output (PDF, DOCX, HTML) or ASiC-E container whether it is what its source in
 * `options.repo` gives now, as `ametijuhend verify` does: current, stale (which parts changed) or
 * unknown (why), and for a container each signature's claimed signer, time and role and whether it
 * signed exactly today's build. Signatures are never validated cryptographically; personal codes
 * are left out unless `showCodes`. Nothing is written. The readers and the renderer load on first use.
 */
export async function verifyFiles(
  files: readonly string[],
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  return (await import('./signing/verify.js')).verifyFiles(files, options);
}

/**
 * `ametijuhend status --signed DIR`: the status rows of `paths`, each with its newest signed
 * container under `signedDir` (current, stale or unsigned), and the containers of no description.
 */
export async function statusSigned(
  paths: readonly string[],
  signedDir: string,
  options: CheckOptions = {},
): Promise<SignedStatus> {
  return (await import('./signing/signed-status.js')).statusSigned(paths, signedDir, options);
}

export { readDocx } from './import/docx/read.js';
export { recognise } from './import/recognise/index.js';
export { writeMarkdown } from './import/markdown.js';
export { ImportFailure, IMPORT_LIMITS } from './import/types.js';
export type {
  Draft,
  DraftBlock,
  DraftListItem,
  DraftSection,
  DraftTask,
  ImportNote,
  RecogniseContext,
  SourceBlock,
  SourceCell,
  SourceDocument,
  SourceLocation,
  SourceParagraph,
  SourceTable,
} from './import/types.js';
export type { ImportDocumentOptions, ImportedDocument } from './import/document.js';
export type {
  ImportEvent,
  ImportedFile,
  ImportOptions,
  ImportRunResult,
  ImportStatus,
  LocatedNote,
} from './import/run.js';

export type { BuildEvent, BuildFailure, BuildOptions, BuildResult } from './build/build.js';
export type { CheckOptions, CheckResult } from './project/check.js';
export { UsageError, type InputFile } from './project/discover.js';
export { InitError, type InitLang, type InitOptions, type InitResult } from './project/init.js';
export { ToolSpecError, type ToolDependency } from './project/tool-spec.js';
export type { SignedCells, StatusRow, UnknownContainer } from './project/status.js';
export type { SignedStatus } from './signing/signed-status.js';
export type {
  FileReport,
  PartChange,
  SignatureReport,
  VerifyOptions,
  VerifyResult,
  VerifyState,
} from './signing/verify.js';
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

// provenance and containers (issue 11): the fingerprint every output carries, read back; ASiC-E
export {
  canonicalJson,
  fingerprintModel,
  provenanceOf,
  PARTS,
  type ModelFingerprint,
} from './model/fingerprint.js';
export { parseProvenance, provenanceFields, shortCode, PROVENANCE_NS } from './util/provenance.js';
export { readEmbedded } from './signing/embedded.js';
export { containerPdf, readContainer, readContainerFile } from './signing/container.js';
export { manifestXml, writeContainer } from './signing/container-write.js';
export {
  ASICE_MEDIA_TYPE,
  SigningFailure,
  type Container,
  type ContainerDataFile,
  type ContainerSignature,
  type Embedded,
  type SignedReference,
  type Signer,
} from './signing/types.js';

// change reports for signing again (issue 11 section 5): pdfkit is loaded only for a PDF
export { changeReport, compareModels, type ReportSides } from './diff/compare.js';
export {
  formatHtml as formatChangesHtml,
  formatJson as formatChangesJson,
  formatText as formatChangesText,
  type ChangeFormat,
} from './diff/format.js';
export { diffFiles, diffSince, type DiffOptions, type DiffProblem, type DiffResult } from './diff/run.js';
export type { ChangesPdfOptions } from './diff/pdf.js';
export type { ChangeReportsOptions, ChangeReportsResult, WrittenReport } from './diff/build-changes.js';
export type * from './model/changes.js';

/** A change report as PDF/A-2b bytes, dated by the new version (`dated`: its reviewed/approval date). */
export async function renderChangesPdf(
  report: ChangeReport,
  dated: { reviewed?: string; approval?: { date?: string } },
  options: ChangesPdfOptions = {},
): Promise<Uint8Array> {
  return (await import('./diff/pdf.js')).renderChangesPdf(report, dated, options);
}

/** `build --changes-since`: `<out-dir>/<id>.muudatused.pdf` for each description changed since a git ref. */
export async function writeChangeReports(
  paths: readonly string[],
  options: ChangeReportsOptions,
): Promise<ChangeReportsResult> {
  return (await import('./diff/build-changes.js')).writeChangeReports(paths, options);
}

// the writer's tools (issue 14): the preview server is loaded only when started
export type { PreviewOptions, PreviewServer } from './preview/server.js';

/**
 * `ametijuhend preview` as a library call: starts the local preview server of the descriptions under
 * `paths` (127.0.0.1 by default; `port: 0` lets the system choose) and resolves when it listens.
 * `close()` ends the live connections, the watcher and the server.
 */
export async function startPreview(
  paths: readonly string[],
  options: PreviewOptions = {},
): Promise<PreviewServer> {
  return (await import('./preview/server.js')).startPreview(paths, options);
}
