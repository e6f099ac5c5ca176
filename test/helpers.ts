/**
 * Shared helpers for the compiler tests: the reference document as a string, small text
 * mutations that fail loudly when their anchor is missing, and temporary project folders.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { compileSource, type CompileOptions, type CompileResult } from '../src/compiler/compile.js';
import { ConfigLoader } from '../src/config/load.js';
import type { ResolvedConfig } from '../src/config/types.js';
import type { Diagnostic } from '../src/validate/diagnostic.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLES = join(ROOT, 'examples');
export const REFERENCE_PATH = join(EXAMPLES, 'ekspert-kriisiabi.md');
export const ENGLISH_PATH = join(EXAMPLES, 'data-analyst.md');
/** The reference document's text (LF line endings). */
export const REFERENCE = readFileSync(REFERENCE_PATH, 'utf8');

let exampleConfig: ResolvedConfig | undefined;
/** The examples' config (organisation, catalogue), loaded once. */
export function referenceConfig(): ResolvedConfig {
  exampleConfig ??= new ConfigLoader({ cwd: ROOT }).forDir(EXAMPLES);
  return exampleConfig;
}

/** Compiles text as if it were the reference document, with the examples' config. */
export function compileRef(text: string | Uint8Array, options: CompileOptions = {}): CompileResult {
  return compileSource(text, { path: REFERENCE_PATH, cwd: ROOT, config: referenceConfig(), ...options });
}

/** Replaces the first occurrence of `from` (which must exist) with `to`. */
export function replace(text: string, from: string | RegExp, to: string): string {
  if (typeof from === 'string') {
    if (!text.includes(from)) throw new Error(`mutation anchor not found: ${JSON.stringify(from)}`);
    return text.replace(from, () => to);
  }
  if (!from.test(text)) throw new Error(`mutation anchor not found: ${String(from)}`);
  return text.replace(from, to);
}

/** Removes every line that contains `needle` (at least one must). */
export function dropLines(text: string, needle: string): string {
  const lines = text.split('\n');
  const kept = lines.filter((l) => !l.includes(needle));
  if (kept.length === lines.length) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return kept.join('\n');
}

/** Removes a body section (its `## ` heading up to the next one) whose heading contains `heading`. */
export function dropSection(text: string, heading: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## ') && l.includes(heading));
  if (start === -1) throw new Error(`no section ${heading}`);
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end === -1) end = lines.length;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** 1-based line of the first line containing `needle` (after line `after`). */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`no line contains ${JSON.stringify(needle)}`);
}

/** 1-based column of `needle` on its first line. */
export function columnOf(text: string, needle: string, after = 0): number {
  const line = text.split('\n')[lineOf(text, needle, after) - 1]!;
  return line.indexOf(needle) + 1;
}

/** Where `needle` first appears: { line, column } (1-based). */
export function at(text: string, needle: string, after = 0): { line: number; column: number } {
  return { line: lineOf(text, needle, after), column: columnOf(text, needle, after) };
}

/** The diagnostics of one rule. */
export function ofRule(result: CompileResult, rule: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule);
}

/** The one diagnostic of `rule` (fails when there is not exactly one), for precise assertions. */
export function only(result: CompileResult, rule: string): Diagnostic {
  const found = ofRule(result, rule);
  expect(found, `diagnostics of ${rule}: ${formatDiagnostics(result.diagnostics)}`).toHaveLength(1);
  return found[0]!;
}

export function formatDiagnostics(list: readonly Diagnostic[]): string {
  return (
    list.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.rule}]`).join('\n') ||
    '(none)'
  );
}

/** Asserts a result has no diagnostics at all (with a readable failure). */
export function expectClean(result: CompileResult): void {
  expect(formatDiagnostics(result.diagnostics)).toBe('(none)');
  expect(result.model).toBeDefined();
}

/** Asserts the result has no diagnostics other than those of `rule`. */
export function expectOnly(result: CompileResult, rule: string): void {
  const others = result.diagnostics.filter((d) => d.rule !== rule);
  expect(formatDiagnostics(others)).toBe('(none)');
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Creates a temporary folder with the given files (relative path → content) and returns its
 * absolute path; it is removed after the test file has run.
 */
export function tempProject(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ametijuhend-test-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** The examples' competency catalogue text, for temporary projects. */
export const CATALOGUE = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

/**
 * Compiles `doc` as `<dir>/ametijuhend.md` in a temporary project with the given config (YAML text,
 * the examples' catalogue available as competencies.yaml) and extra files.
 */
export function compileInProject(
  doc: string | Uint8Array,
  configYaml: string | undefined,
  files: Record<string, string | Uint8Array> = {},
  options: CompileOptions = {},
): CompileResult & { dir: string } {
  const all: Record<string, string | Uint8Array> = {
    'competencies.yaml': CATALOGUE,
    'ametijuhend.md': doc,
    ...files,
  };
  if (configYaml !== undefined) all['ametijuhend.config.yaml'] = configYaml;
  const dir = tempProject(all);
  const result = compileSource(doc, {
    path: join(dir, 'ametijuhend.md'),
    cwd: dir,
    configLoader: new ConfigLoader({ cwd: dir, lang: options.lang }),
    ...options,
  });
  return { ...result, dir };
}

/** The examples' config as YAML text, for temporary projects that extend it. */
export const BASE_CONFIG =
  'organisation: Sotsiaalkindlustusamet\nlang: et\ncompetencies: competencies.yaml\n';

/** XML/HTML text with its entities decoded (the five named ones and numeric references). */
export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}
