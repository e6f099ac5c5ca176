/**
 * `build --roster roster.csv`: one document per roster row, with that employee in the signature
 * block, named `<id>-<employee-slug>.<ext>`. Bad rows and unknown ids are reported with their CSV
 * line; the other rows still build.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { BuildOptions, BuildResult } from './build.js';
import { compileFile } from './compile.js';
import { ConfigLoader } from './config/load.js';
import { discover, outputDir, UsageError, type InputFile } from './discover.js';
import { summarize } from './model/summary.js';
import type { JobDescription } from './model/types.js';
import { documentDate } from './render/date.js';
import { loadRenderer } from './render/index.js';
import { checkRosterRows, parseRoster, personalise } from './roster.js';
import { countDiagnostics, type Diagnostic, sortAndDedupe } from './validate/diagnostic.js';
import { VERSION } from './version.js';
import { writeFileAtomic } from './write.js';

/** The build options that apply to a roster export (no cache, no workers), and the roster file. */
export type RosterBuildOptions = Pick<
  BuildOptions,
  'formats' | 'outDir' | 'pdfStandard' | 'lang' | 'cwd' | 'env' | 'onProgress'
> & { roster: string };

export async function buildRoster(
  paths: readonly string[],
  options: RosterBuildOptions,
): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'dist');
  const rosterPath = resolve(cwd, options.roster);
  const rosterFile = relative(cwd, rosterPath) || options.roster;
  let text: string;
  try {
    text = readFileSync(rosterPath, 'utf8');
  } catch {
    throw new UsageError(`cannot read the roster ${options.roster} / nimekirja ei saa lugeda`);
  }
  const lang = options.lang;
  const parsed = parseRoster(text, rosterFile, lang ?? 'et');
  const loader = new ConfigLoader({ cwd, ...(lang ? { lang } : {}) });
  const files = await discover(paths, loader, cwd);

  // every description is compiled once; only the ids the roster names are rendered
  const all: Diagnostic[] = [...parsed.diagnostics];
  const models = new Map<string, { model: JobDescription; file: InputFile }>();
  const invalid = new Set<string>();
  const ids = new Set<string>();
  for (const file of files) {
    const compiled = compileFile(file.path, { configLoader: loader, cwd, ...(lang ? { lang } : {}) });
    const id = compiled.model?.id ?? summarize(compiled, file.path).id;
    ids.add(id);
    const wanted = parsed.rows.some((r) => r.id === id);
    if (wanted) all.push(...compiled.diagnostics);
    if (compiled.model && !models.has(id)) models.set(id, { model: compiled.model, file });
    else if (!compiled.model) invalid.add(id);
  }
  const checked = checkRosterRows(parsed.rows, ids, invalid, rosterFile, lang ?? 'et');
  all.push(...checked.diagnostics);

  const renderers = await Promise.all(options.formats.map((f) => loadRenderer(f)));
  const result: BuildResult = {
    files,
    outputs: [],
    built: 0,
    failed:
      countDiagnostics(parsed.diagnostics).errors +
      checked.diagnostics.reduce((n, d) => n + (d.omitted ?? 1), 0),
    rendered: 0,
    cached: 0,
    workers: 0,
    diagnostics: [],
    errorCount: 0,
    warningCount: 0,
    failures: [],
  };
  options.onProgress?.({ type: 'start', total: checked.valid.length });
  for (const [index, row] of checked.valid.entries()) {
    const { model, file } = models.get(row.id)!;
    const personal = personalise(model, row);
    const outputs: string[] = [];
    let ok = false;
    try {
      const date = documentDate(personal, options.env);
      const rendered: [string, Uint8Array][] = [];
      for (const [i, render] of renderers.entries()) {
        const target = join(outputDir(file, outDir), `${personal.id}.${options.formats[i]}`);
        rendered.push([
          target,
          await render(personal, { date, toolVersion: VERSION, pdfStandard: options.pdfStandard ?? 'a-2a' }),
        ]);
      }
      for (const [target, bytes] of rendered) {
        writeFileAtomic(target, bytes);
        outputs.push(target);
      }
      ok = true;
      result.built++;
      result.rendered++;
    } catch (e) {
      result.failed++;
      result.failures.push({
        file: `${rosterFile}:${row.line}`,
        message: (e as Error).message,
        kind: 'internal',
      });
    }
    result.outputs.push(...outputs);
    options.onProgress?.({ type: 'file', index, total: checked.valid.length, file, outputs, ok });
  }
  result.diagnostics = sortAndDedupe(all);
  ({ errors: result.errorCount, warnings: result.warningCount } = countDiagnostics(result.diagnostics));
  return result;
}
