/**
 * The compiler's front half: bytes → parsed source → validated → typed model.
 * One call compiles one description; a ConfigLoader shared across calls caches configs.
 */
import { dirname, resolve } from 'node:path';
import { ConfigLoader, emptyConfig } from '../config/load.js';
// what a config's details need (the schema, the rules, the Markdown parser): loaded with the compiler
import '../config/details.js';
import type { ResolvedConfig } from '../config/types.js';
import { readRegularFile } from '../fs/read.js';
import { shownPath } from '../fs/root.js';
import { reportReadFailure } from '../validate/rules/unreadable-file.js';
import { buildModel } from '../model/build.js';
import type { JobDescription } from '../model/types.js';
import { parseSource, type ParsedSource, type ParseOptions } from '../parse/markdown.js';
import { locate } from '../parse/positions.js';
import {
  countDiagnostics,
  type Diagnostic,
  type MessageLang,
  sortAndDedupe,
} from '../validate/diagnostic.js';
import { Collector, type DocumentContext } from '../validate/rule.js';
import { MAX_SOURCE_BYTES, reportTooLarge } from '../validate/rules/file-too-large.js';
import { reportEmpty } from '../validate/rules/empty-file.js';
import { decodeText } from '../validate/rules/encoding.js';
import { BODY_RULES } from '../validate/rules/markdown-limit.js';
import { RULES } from '../validate/rules/index.js';
import { validateYaml } from '../validate/schema.js';
import { isRecord } from '../validate/util.js';
import { reportYamlProblems } from '../validate/rules/yaml-syntax.js';
import { partialFrontmatter } from './partial.js';

/**
 * Rules that report a frontmatter key as absent (approval, reviewed, id): after a YAML syntax error
 * the key may be in the broken part, so they wait until the YAML is fixed.
 */
const ABSENCE_RULES = new Set(['official-approval', 'review-overdue', 'invalid-value']);

export interface CompileOptions {
  /** Path of the source, for messages, the default id and config discovery. */
  path?: string;
  /** The config to use; default: discovered from the path's folder (none for a path-less string). */
  config?: ResolvedConfig;
  /** Loader to discover configs with (share one across a batch). */
  configLoader?: ConfigLoader;
  /** Language of the messages; default: the document's `lang`, then the config's, then Estonian. */
  lang?: MessageLang;
  /** Paths in messages are shown relative to this folder (default: the current directory). */
  cwd?: string;
  /** Parse options (the Markdown fast path on or off; default: AMETIJUHEND_FAST_PARSE, else on). */
  parse?: ParseOptions;
}

export interface CompileResult {
  /** The model, present when there are no errors. */
  model?: JobDescription;
  /** Every problem, sorted by line. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  config: ResolvedConfig;
  source?: ParsedSource;
}

function finish(
  collector: Collector,
  config: ResolvedConfig,
  source?: ParsedSource,
  model?: JobDescription,
): CompileResult {
  const diagnostics = sortAndDedupe([...config.diagnostics, ...collector.diagnostics]);
  const { errors: errorCount, warnings: warningCount } = countDiagnostics(diagnostics);
  const result: CompileResult = {
    diagnostics,
    errorCount,
    warningCount,
    config,
  };
  if (source) result.source = source;
  if (model && errorCount === 0) result.model = model;
  return result;
}

/** Compiles a description given as text or bytes. */
export function compileSource(input: string | Uint8Array, options: CompileOptions = {}): CompileResult {
  const path = options.path ?? 'ametijuhend.md';
  const file = options.path ? shownPath(options.path, options.cwd) : path;
  const config =
    options.config ??
    (options.path
      ? (options.configLoader ?? new ConfigLoader({ cwd: options.cwd, lang: options.lang })).forDir(
          dirname(resolve(options.path)),
        )
      : emptyConfig(process.cwd()));

  // the file rules that keep a source from being parsed (file-too-large, encoding, empty-file)
  const early = new Collector(options.lang ?? config.lang ?? 'et', file, config.severities);
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (reportTooLarge(size, early)) return finish(early, config);
  const text = decodeText(input, early);
  if (text === undefined || reportEmpty(text, early)) return finish(early, config);

  const source = parseSource(text, file, options.parse);
  const fm = source.frontmatter;
  const docLang =
    fm && isRecord(fm.data) && (fm.data.lang === 'et' || fm.data.lang === 'en') ? fm.data.lang : undefined;
  const collector = new Collector(options.lang ?? docLang ?? config.lang ?? 'et', file, config.severities);

  let data: unknown;
  let broken = false;
  // (no frontmatter: the rule frontmatter reports it)
  if (fm) {
    broken = reportYamlProblems(fm, collector, file) > 0;
    // past a syntax error only the keys clear of it are checked (and no key is said to be missing
    // from a map the error is in: it may be in the broken part)
    const partial = broken ? partialFrontmatter(fm) : undefined;
    data = broken ? partial?.data : fm.data;
    if (!broken || partial) validateYaml('description', fm, file, collector, RULES, partial);
  }
  const ctx: DocumentContext = {
    source,
    data,
    config,
    ...(options.path ? { dir: dirname(resolve(options.path)) } : {}),
    report: (rule, id, d, place, f, extra) => collector.report(rule, id, d, place, f, extra),
    at: (p, part) =>
      fm ? locate(fm, p, part) : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  };
  // past a Markdown limit the body was read only up to that line: its rules would misreport the rest
  for (const rule of RULES) {
    if (source.markdownLimit && BODY_RULES.has(rule.id)) continue;
    if (broken && ABSENCE_RULES.has(rule.id)) continue;
    rule.check?.(ctx);
  }

  const hasErrors = collector.errorCount > 0 || config.diagnostics.some((d) => d.severity === 'error');
  const model = !hasErrors && fm ? buildModel(source, config) : undefined;
  return finish(collector, config, source, model);
}

/**
 * Reads and compiles a description file: only a regular file, and never more than a description
 * can be (a larger one, a folder, a named pipe or a device is reported, not read).
 */
export function compileFile(path: string, options: Omit<CompileOptions, 'path'> = {}): CompileResult {
  const read = readRegularFile(path, MAX_SOURCE_BYTES);
  if (read.ok) return compileSource(read.bytes, { ...options, path });
  const config =
    options.config ??
    (options.configLoader ?? new ConfigLoader({ cwd: options.cwd, lang: options.lang })).forDir(
      dirname(resolve(path)),
    );
  const file = shownPath(path, options.cwd);
  const collector = new Collector(options.lang ?? config.lang ?? 'et', file, config.severities);
  if (read.reason === 'tooLarge' && reportTooLarge(read.size, collector)) return finish(collector, config);
  reportReadFailure(collector, read, MAX_SOURCE_BYTES, undefined, file);
  return finish(collector, config);
}
