import type { ReportInput } from './types.js';
import { terminalSafe } from '../util/terminal.js';

/**
 * The runner's own escapes for % CR LF (in properties also : and ,); other control and bidi
 * characters, which the runner would print raw into the log, are shown as escapes first.
 */
const escapeData = (s: string): string =>
  terminalSafe(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error file=…,line=…::message` annotation per problem. */
export function github(input: ReportInput): string {
  return input.diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.rule)}`,
      ].join(',');
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(d.message)}\n`;
    })
    .join('');
}
