/**
 * `build` as a library call: compile every description and render the valid ones to each format.
 * A description with errors produces no output and never stops the batch.
 */
import { join, relative, resolve } from 'node:path';
import { compileFile } from './compile.js';
import { ConfigLoader } from './config/load.js';
import { discover, outputDir, type InputFile } from './discover.js';
import { documentDate } from './render/date.js';
import { loadRenderer } from './render/index.js';
import type { OutputFormat, PdfStandard, Renderer } from './render/types.js';
import { type Diagnostic, type MessageLang, sortAndDedupe } from './validate/diagnostic.js';
import { VERSION } from './version.js';
import { writeFileAtomic } from './write.js';

export interface BuildOptions {
  formats: readonly OutputFormat[];
  /** Output folder (default "dist"), relative to cwd. */
  outDir?: string;
  pdfStandard?: PdfStandard;
  lang?: MessageLang;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called before and after each file (for progress display). */
  onProgress?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'file'; index: number; total: number; file: InputFile; outputs: string[]; ok: boolean };

export interface BuildFailure {
  file: string;
  message: string;
  /** 'input': the inputs are at fault (two descriptions with one output name); 'internal': a bug or I/O. */
  kind: 'input' | 'internal';
}

class OutputCollision extends Error {}

export interface BuildResult {
  files: InputFile[];
  /** Output files written, in order. */
  outputs: string[];
  built: number;
  failed: number;
  /** Problems found by the compiler (as `check` reports them). */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Failures that are not problems of the input (a renderer crashed, a file could not be written). */
  failures: BuildFailure[];
}

export async function buildPaths(paths: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'dist');
  const loader = new ConfigLoader({ cwd, ...(options.lang ? { lang: options.lang } : {}) });
  const files = await discover(paths, loader, cwd);
  const renderers = new Map<OutputFormat, Renderer>();
  for (const format of options.formats) renderers.set(format, await loadRenderer(format));

  const result: BuildResult = {
    files,
    outputs: [],
    built: 0,
    failed: 0,
    diagnostics: [],
    errorCount: 0,
    warningCount: 0,
    failures: [],
  };
  const written = new Map<string, string>();
  const all: Diagnostic[] = [];
  options.onProgress?.({ type: 'start', total: files.length });
  for (const [index, file] of files.entries()) {
    const compiled = compileFile(file.path, {
      configLoader: loader,
      cwd,
      ...(options.lang ? { lang: options.lang } : {}),
    });
    all.push(...compiled.diagnostics);
    const outputs: string[] = [];
    let ok = false;
    if (compiled.model) {
      const model = compiled.model;
      const dir = outputDir(file, outDir);
      try {
        const date = documentDate(model, options.env);
        const rendered: [string, Uint8Array][] = [];
        for (const [format, render] of renderers) {
          const target = join(dir, `${model.id}.${format}`);
          const previous = written.get(target);
          if (previous) {
            throw new OutputCollision(
              `${relative(cwd, target)} would overwrite the output of ${previous}: give one of them another id / ` +
                `${relative(cwd, target)} kirjutaks üle faili ${previous} väljundi: anna ühele neist teine id`,
            );
          }
          rendered.push([
            target,
            await render(model, { date, toolVersion: VERSION, pdfStandard: options.pdfStandard ?? 'a-2a' }),
          ]);
        }
        // write only when every format rendered, so a description is built whole or not at all
        for (const [target, bytes] of rendered) {
          writeFileAtomic(target, bytes);
          written.set(target, compiled.source?.path ?? file.path);
          outputs.push(target);
        }
        ok = true;
      } catch (e) {
        result.failures.push({
          file: compiled.source?.path ?? file.path,
          message: (e as Error).message,
          kind: e instanceof OutputCollision ? 'input' : 'internal',
        });
      }
    }
    if (ok) result.built++;
    else result.failed++;
    result.outputs.push(...outputs);
    options.onProgress?.({ type: 'file', index, total: files.length, file, outputs, ok });
  }
  result.diagnostics = sortAndDedupe(all);
  result.errorCount = result.diagnostics.filter((d) => d.severity === 'error').length;
  result.warningCount = result.diagnostics.length - result.errorCount;
  return result;
}
