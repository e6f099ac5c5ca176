import { relative } from 'node:path';
import pc from 'picocolors';
import { importPaths, type ImportEvent, type ImportRunResult } from '../../import/run.js';
import { message } from '../../messages/index.js';
import { UsageError } from '../../project/discover.js';
import { stylish } from '../../report/stylish.js';
import { terminalSafe } from '../../util/terminal.js';
import { countDiagnostics } from '../../validate/diagnostic.js';
import { uiLang } from '../ui.js';

export interface ImportCliOptions {
  outDir?: string;
  force?: boolean;
  lang?: 'et' | 'en';
  quiet?: boolean;
}

/** From this many inputs on, a terminal shows a progress line. */
const PROGRESS_FROM = 5;

/** A single updating line on a terminal (stderr) while a big batch runs; nothing otherwise. */
function progress(): ((event: ImportEvent) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (event) => {
    if (event.total < PROGRESS_FROM) return;
    const done = event.index + 1;
    const line = `[${done}/${event.total}] ${terminalSafe(relative(process.cwd(), event.file.input))}`;
    const width = process.stderr.columns || 80;
    process.stderr.write(`\r\x1b[2K${line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line}`);
    if (done === event.total) process.stderr.write('\r\x1b[2K');
  };
}

/** The notes of the import (errors only with --quiet), one a line: "ekspert.docx: lõik 37: hoiatus …". */
function notes(result: ImportRunResult, quiet: boolean, color: boolean): string {
  const c = pc.createColors(color);
  const lang = result.lang;
  const lines: string[] = [];
  for (const f of result.files)
    for (const n of f.notes) {
      if (quiet && n.severity !== 'error') continue;
      const word = message(
        n.severity === 'error' ? 'import.severity.error' : 'import.severity.warning',
        lang,
      );
      const severity = n.severity === 'error' ? c.red(word) : c.yellow(word);
      lines.push(
        `${c.underline(terminalSafe(n.where))}: ${severity} ${terminalSafe(n.message)} ${c.dim(`[${n.id}]`)}`,
      );
    }
  return lines.length ? `${lines.join('\n')}\n\n` : '';
}

export async function runImport(paths: string[], opts: ImportCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  const quiet = Boolean(opts.quiet);
  let result: ImportRunResult;
  try {
    const onProgress = progress();
    result = await importPaths(paths, {
      ...(opts.outDir !== undefined ? { outDir: opts.outDir } : {}),
      ...(opts.force ? { force: true } : {}),
      ...(opts.lang ? { lang: opts.lang } : {}),
      messageLang: lang,
      ...(onProgress ? { onProgress } : {}),
    });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const shown = (p: string): string => terminalSafe(relative(process.cwd(), p) || p);
  process.stdout.write(notes(result, quiet, color));
  if (result.check) {
    const all = result.diagnostics;
    process.stdout.write(
      stylish({
        diagnostics: quiet ? all.filter((d) => d.severity === 'error') : all,
        fileCount: result.check.files.length,
        lang,
        color,
        ...(quiet ? { hiddenWarnings: countDiagnostics(all).warnings } : {}),
      }),
    );
  }
  for (const f of result.files) {
    if (f.status === 'failed')
      process.stderr.write(
        `${message('import.cli.failed', lang, { file: shown(f.input), reason: terminalSafe(f.failure!.message) })}\n`,
      );
    else if (f.status === 'skipped')
      process.stderr.write(
        `${message('import.cli.exists', lang, { file: shown(f.input), output: shown(f.output!) })}\n`,
      );
    else if (!quiet)
      process.stderr.write(
        `${message('import.cli.written', lang, { file: shown(f.input), output: shown(f.output!) })}\n`,
      );
  }
  const { imported, problems, failed, skipped } = result.counts;
  const data = {
    imported: imported + problems,
    problems,
    failed,
    skipped: skipped ? message('import.cli.skipped', lang, { skipped }) : '',
  };
  process.stderr.write(`${message('import.cli.summary', lang, data)}\n`);
  return failed > 0 || problems > 0 || skipped > 0 ? 1 : 0;
}
