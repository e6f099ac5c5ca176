import { checkPaths } from '../../project/check.js';
import { UsageError } from '../../project/discover.js';
import { REPORTERS, type ReporterName } from '../../report/index.js';
import { terminalSafe } from '../../report/terminal.js';
import { uiLang } from '../ui.js';

export interface CheckCliOptions {
  format: ReporterName;
  maxWarnings?: number;
  quiet?: boolean;
  lang?: 'et' | 'en';
  changedSince?: string;
  cache?: boolean;
}

export async function runCheck(paths: string[], opts: CheckCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  let result;
  try {
    result = await checkPaths(paths, {
      ...(opts.lang ? { lang: opts.lang } : {}),
      ...(opts.changedSince !== undefined ? { changedSince: opts.changedSince } : {}),
      ...(opts.cache ? { cache: true } : {}),
    });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  const diagnostics = opts.quiet
    ? result.diagnostics.filter((d) => d.severity === 'error')
    : result.diagnostics;
  const output = REPORTERS[opts.format]({
    diagnostics,
    fileCount: result.files.length,
    files: result.summaries.map((s) => s.file),
    lang,
    color: opts.format === 'stylish' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
  process.stdout.write(output);
  if (result.errorCount > 0) return 1;
  if (opts.maxWarnings !== undefined && result.warningCount > opts.maxWarnings) {
    process.stderr.write(
      lang === 'et'
        ? `ametijuhend: hoiatusi on ${result.warningCount}, lubatud kuni ${opts.maxWarnings} (--max-warnings).\n`
        : `ametijuhend: ${result.warningCount} warnings, at most ${opts.maxWarnings} allowed (--max-warnings).\n`,
    );
    return 1;
  }
  return 0;
}
