/**
 * `build --roster roster.csv`: one document per roster row, with that employee in the signature
 * block, named `<id>-<employee-slug>.<ext>`. Bad rows and unknown ids are reported with their CSV
 * line; the other rows still build.
 */
import { join, relative, resolve } from 'node:path';
import type { BuildOptions, BuildResult } from './build.js';
import { compileFile, displayPath } from './compile.js';
import { ConfigLoader } from './config/load.js';
import { checkOutDir } from './fs/outdir.js';
import { readRegularFile } from './fs/read.js';
import { readFailureWords } from './fs/report.js';
import { discover, outputDir, UsageError, type InputFile } from './discover.js';
import { summarize } from './model/summary.js';
import type { JobDescription } from './model/types.js';
import { documentDate } from './render/date.js';
import { loadRenderer } from './render/index.js';
import { checkRosterRows, parseRoster, personalise, type RosterDescription } from './roster.js';
import { countDiagnostics, type Diagnostic, sortAndDedupe } from './validate/diagnostic.js';
import { VERSION } from './version.js';
import { assertInside, FolderNotWritable, removeStaleTempFiles, writeFileAtomic } from './write.js';

/** The build options that apply to a roster export (no cache, no workers), and the roster file. */
export type RosterBuildOptions = Pick<
  BuildOptions,
  'formats' | 'outDir' | 'pdfStandard' | 'lang' | 'cwd' | 'env' | 'onProgress'
> & { roster: string };

/** A roster is a CSV of employees: larger than this it is not one. */
const MAX_ROSTER_BYTES = 32 * 1024 * 1024;

export async function buildRoster(
  paths: readonly string[],
  options: RosterBuildOptions,
): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'dist');
  const rosterPath = resolve(cwd, options.roster);
  const rosterFile = relative(cwd, rosterPath) || options.roster;
  checkOutDir(outDir, options.outDir ?? 'dist');
  const read = readRegularFile(rosterPath, MAX_ROSTER_BYTES);
  if (!read.ok) {
    const why = readFailureWords(read, MAX_ROSTER_BYTES);
    throw new UsageError(
      `cannot read the roster ${options.roster}: ${why.en} / nimekirja ei saa lugeda: ${why.et}`,
    );
  }
  const text = read.bytes.toString('utf8');
  const lang = options.lang;
  const parsed = parseRoster(text, rosterFile, lang ?? 'et');
  const loader = new ConfigLoader({ cwd, ...(lang ? { lang } : {}) });
  const skipped: Diagnostic[] = [];
  const files = await discover(paths, loader, cwd, { skipped });

  // every description is compiled once; only the ids the roster names are rendered
  const all: Diagnostic[] = [...parsed.diagnostics, ...skipped];
  const models = new Map<string, { model: JobDescription; file: InputFile }>();
  const invalid = new Set<string>();
  const descriptions: RosterDescription[] = [];
  for (const file of files) {
    const compiled = compileFile(file.path, { configLoader: loader, cwd, ...(lang ? { lang } : {}) });
    const id = compiled.model?.id ?? summarize(compiled, file.path).id;
    descriptions.push({ id, file: displayPath(file.path, cwd), dir: outputDir(file, outDir) });
    const wanted = parsed.rows.some((r) => r.id === id);
    if (wanted) all.push(...compiled.diagnostics);
    if (compiled.model && !models.has(id)) models.set(id, { model: compiled.model, file });
    else if (!compiled.model) invalid.add(id);
  }
  const checked = checkRosterRows(parsed.rows, descriptions, invalid, rosterFile, lang ?? 'et');
  all.push(...checked.diagnostics);

  removeStaleTempFiles(outDir);
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
  const written = new Set<string>();
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
        assertInside(outDir, target);
        // checkRosterRows made every name unique: this only guards that promise
        if (written.has(target)) throw new Error(`${target} already written / ${target} on juba kirjutatud`);
        rendered.push([
          target,
          await render(personal, { date, toolVersion: VERSION, pdfStandard: options.pdfStandard ?? 'a-2a' }),
        ]);
      }
      for (const [target, bytes] of rendered) {
        writeFileAtomic(target, bytes);
        written.add(target);
        outputs.push(target);
      }
      ok = true;
      result.built++;
      result.rendered++;
    } catch (e) {
      result.failed++;
      result.failures.push({
        file: `${rosterFile}:${row.line}`,
        message: e instanceof FolderNotWritable ? e.describe(cwd) : (e as Error).message,
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
