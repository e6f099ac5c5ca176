import type { ReportInput } from './index.js';

/** An array of {file, line, column, endLine, endColumn, severity, rule, message}. */
export function json(input: ReportInput): string {
  const rows = input.diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
