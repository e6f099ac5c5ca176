import { statSync } from 'node:fs';
import { message, usageError } from '../../messages/index.js';
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
  /** A folder of signed containers (.asice, .bdoc): adds their columns. */
  signed?: string;
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
  const rows = statusRows(result);
  if (opts.signed === undefined) {
    process.stdout.write(formatStatus(rows, form.format, lang, form.csv));
    return 0;
  }
  let isDir = false;
  try {
    isDir = statSync(opts.signed).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    const text = message('verify.status.notAFolder', lang, { dir: opts.signed });
    process.stderr.write(`ametijuhend: ${terminalSafe(text)}\n`);
    return 2;
  }
  // loaded with --signed only: the container reader and the PDF provenance reader
  const { scanSigned, signedStatus } = await import('../../signing/signed-status.js');
  const scan = await scanSigned(opts.signed, { lang });
  const models = result.summaries.map((_, i) => result.results[i]?.model);
  const signed = signedStatus(rows, models, scan, lang);
  const extra = { unknown: signed.unknown, ...(signed.truncated ? { truncated: signed.truncated } : {}) };
  process.stdout.write(formatStatus(signed.rows, form.format, lang, form.csv, extra));
  return 0;
}
