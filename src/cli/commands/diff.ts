/**
 * `ametijuhend diff OLD NEW` and `ametijuhend diff FILE --since REF`: the change report as text,
 * HTML, PDF or JSON. Exit status as diff(1): 0 no changes, 1 changes, 2 a usage error or a version
 * that does not compile (its diagnostics are printed).
 */
import { join, resolve } from 'node:path';
import { formatHtml, formatJson, formatText, type ChangeFormat } from '../../diff/format.js';
import { diffFiles, diffSince, type DiffResult } from '../../diff/run.js';
import { writeFileAtomic } from '../../fs/write.js';
import { message, usageError } from '../../messages/index.js';
import { stylish } from '../../report/stylish.js';
import { terminalSafe } from '../../util/terminal.js';
import { UsageError } from '../../util/usage-error.js';
import { uiLang } from '../ui.js';

export interface DiffCliOptions {
  format: ChangeFormat;
  output?: string;
  since?: string;
  lang?: 'et' | 'en';
}

function compare(paths: readonly string[], opts: DiffCliOptions): DiffResult {
  const common = {
    ...(opts.lang ? { lang: opts.lang, messageLang: opts.lang } : {}),
  };
  if (opts.since !== undefined) {
    if (paths.length !== 1) throw usageError('diff.usage.paths');
    return diffSince(paths[0]!, opts.since, common);
  }
  if (paths.length !== 2) throw usageError('diff.usage.paths');
  return diffFiles(paths[0]!, paths[1]!, common);
}

export async function runDiff(paths: string[], opts: DiffCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  try {
    if (opts.format === 'pdf' && opts.output === undefined && process.stdout.isTTY)
      throw usageError('diff.usage.pdfToTerminal');
    if (opts.output !== undefined && paths.some((p) => resolve(p) === resolve(opts.output!)))
      throw usageError('diff.usage.outputIsInput', { path: opts.output });
    const result = compare(paths, opts);
    if (result.problem) {
      const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
      process.stderr.write(stylish({ diagnostics: result.problem.diagnostics, fileCount: 1, lang, color }));
      process.stderr.write(`ametijuhend: ${terminalSafe(result.problem.message)}\n`);
      return 2;
    }
    const { report, model } = result;
    let data: string | Uint8Array;
    if (opts.format === 'pdf')
      data = await (await import('../../diff/pdf.js')).renderChangesPdf(report, model);
    else if (opts.format === 'json') data = formatJson(report);
    else if (opts.format === 'html') data = formatHtml(report);
    else {
      const toTerminal = opts.output === undefined && Boolean(process.stdout.isTTY);
      data = formatText(report, { color: toTerminal && !process.env.NO_COLOR });
    }
    if (opts.output !== undefined) {
      try {
        writeFileAtomic(resolve(opts.output), typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      } catch (e) {
        const text = message('diff.cannotWrite', lang, { path: opts.output, reason: (e as Error).message });
        process.stderr.write(`ametijuhend: ${terminalSafe(text)}\n`);
        return 2;
      }
    } else process.stdout.write(data);
    return report.status === 'unchanged' ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}

export interface ChangesSinceCliOptions {
  /** The ref of `build --changes-since`. */
  since: string;
  /** The build's --out-dir. */
  outDir: string;
  /** The build's --lang (messages; the reports stay in each document's language). */
  lang?: 'et' | 'en';
  /** The build's --quiet: only problems are printed. */
  quiet?: boolean;
  /** The working folder (default: the current one). */
  cwd?: string;
}

/**
 * `build --changes-since REF` after the build: writes the change reports (src/diff/build-changes.ts)
 * and prints what it wrote (unless quiet), each problem with its diagnostics, and a summary, to
 * stderr. Returns 0, 1 when a description could not be compared, 2 for a usage error (unknown ref,
 * a description outside git).
 */
export async function runChangesSince(paths: string[], opts: ChangesSinceCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  const { writeChangeReports } = await import('../../diff/build-changes.js');
  const { shownPath } = await import('../../fs/root.js');
  let result;
  try {
    result = await writeChangeReports(paths, {
      since: opts.since,
      outDir: opts.outDir,
      messageLang: lang,
      ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  if (!opts.quiet)
    for (const w of result.written)
      process.stderr.write(
        `${terminalSafe(message('diff.wrote', lang, { path: shownPath(w.path, opts.cwd) }))}\n`,
      );
  // moved aside: printed even with --quiet, as build prints its stale outputs
  if (result.moved.length) {
    const { STALE_DIR } = await import('../../build/stale.js');
    const base = opts.cwd ?? process.cwd();
    const dir = `${shownPath(join(resolve(base, opts.outDir), STALE_DIR), opts.cwd) || STALE_DIR}/`;
    const lines = result.moved.map(
      (m) => `  ${terminalSafe(shownPath(m.from, opts.cwd))} → ${terminalSafe(shownPath(m.to, opts.cwd))}`,
    );
    process.stderr.write(
      `${terminalSafe(message('diff.movedAside', lang, { dir, ref: opts.since }))}\n${lines.join('\n')}\n`,
    );
  }
  for (const p of result.problems) {
    if (p.diagnostics.length)
      process.stderr.write(stylish({ diagnostics: p.diagnostics, fileCount: 1, lang, color }));
    process.stderr.write(`ametijuhend: ${terminalSafe(p.message)}\n`);
  }
  if (!opts.quiet || result.problems.length) {
    const data = { written: result.written.length, unchanged: result.unchanged.length };
    process.stderr.write(`${message('diff.build.summary', lang, data)}\n`);
  }
  return result.problems.length ? 1 : 0;
}
