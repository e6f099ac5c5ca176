import { ConfigLoader } from '../../config/load.js';
import { message } from '../../messages/index.js';
import { checkPaths } from '../../project/check.js';
import { UsageError } from '../../project/discover.js';
import { reporter, type ReporterName } from '../../report/index.js';
import { terminalSafe } from '../../util/terminal.js';
import { countDiagnostics } from '../../validate/diagnostic.js';
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
  // shared with the check, and asked for the CLI's language after it: with --cache, a config whose
  // text the cache knows is never parsed
  const loader = new ConfigLoader({ cwd: process.cwd(), ...(opts.lang ? { lang: opts.lang } : {}) });
  let result;
  try {
    result = await checkPaths(paths, {
      configLoader: loader,
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
  const lang = uiLang(opts.lang, loader);
  const diagnostics = opts.quiet
    ? result.diagnostics.filter((d) => d.severity === 'error')
    : result.diagnostics;
  const output = (await reporter(opts.format))({
    diagnostics,
    fileCount: result.files.length,
    files: result.summaries.map((s) => s.file),
    // every rule's metadata only for SARIF (loading all rules costs a cached check most of its time)
    rules: opts.format === 'sarif' ? (await import('../../validate/rules/index.js')).RULES : [],
    lang,
    color: opts.format === 'stylish' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    // --quiet shows errors only: the summary says so, and how many warnings it left out
    ...(opts.quiet ? { hiddenWarnings: countDiagnostics(result.diagnostics).warnings } : {}),
  });
  process.stdout.write(output);
  if (result.errorCount > 0) return 1;
  if (opts.maxWarnings !== undefined && result.warningCount > opts.maxWarnings) {
    const data = { count: result.warningCount, max: opts.maxWarnings };
    process.stderr.write(`${message('cli.check.tooManyWarnings', lang, data)}\n`);
    return 1;
  }
  return 0;
}
