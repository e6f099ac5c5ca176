import { usageError } from '../../messages/index.js';
import { checkPaths } from '../../project/check.js';
import { UsageError } from '../../project/discover.js';
import {
  formatStatus,
  statusRows,
  type CsvOptions,
  type CsvSeparator,
  type StatusFormat,
} from '../../project/status.js';
import { terminalSafe } from '../../util/terminal.js';
import { uiLang } from '../ui.js';

export interface StatusCliOptions {
  format: StatusFormat;
  lang?: 'et' | 'en';
  /** CSV for Excel: `;` (unless csvSeparator says otherwise) and a UTF-8 BOM. */
  excel?: boolean;
  /** The separator's name (a bare `;` would end the command in a shell). */
  csvSeparator?: 'comma' | 'semicolon';
}

const SEPARATORS: Record<NonNullable<StatusCliOptions['csvSeparator']>, CsvSeparator> = {
  comma: ',',
  semicolon: ';',
};

/**
 * The output form: --excel and --csv-separator write CSV (the table is only the default, so it gives
 * way to them); with --format json they are a usage error.
 */
function outputForm(opts: StatusCliOptions): { format: StatusFormat; csv: CsvOptions } {
  const csvAsked = Boolean(opts.excel) || opts.csvSeparator !== undefined;
  if (!csvAsked) return { format: opts.format, csv: {} };
  if (opts.format === 'json') throw usageError('cli.status.csvOptionsWithJson');
  const separator = opts.csvSeparator ? SEPARATORS[opts.csvSeparator] : opts.excel ? ';' : ',';
  return { format: 'csv', csv: { separator, ...(opts.excel ? { bom: true } : {}) } };
}

/** Informational: exit 0 whatever the descriptions' problems; 2 for a usage error. */
export async function runStatus(paths: string[], opts: StatusCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  let result;
  let form;
  try {
    form = outputForm(opts);
    result = await checkPaths(paths, opts.lang ? { lang: opts.lang } : {});
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  process.stdout.write(formatStatus(statusRows(result), form.format, lang, form.csv));
  return 0;
}
