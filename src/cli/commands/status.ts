import { checkPaths } from '../../project/check.js';
import { UsageError } from '../../project/discover.js';
import { formatStatus, statusRows, type StatusFormat } from '../../project/status.js';
import { terminalSafe } from '../../util/terminal.js';
import { uiLang } from '../ui.js';

export interface StatusCliOptions {
  format: StatusFormat;
  lang?: 'et' | 'en';
}

/** Informational: exit 0 whatever the descriptions' problems; 2 for a usage error. */
export async function runStatus(paths: string[], opts: StatusCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  let result;
  try {
    result = await checkPaths(paths, opts.lang ? { lang: opts.lang } : {});
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  process.stdout.write(formatStatus(statusRows(result), opts.format, lang));
  return 0;
}
