import type { ReportInput } from './types.js';

/**
 * An array of {file, line, column, endLine, endColumn, severity, rule, message}; the line that
 * stands for a rule's further problems in a file also has `omitted`, how many it stands for.
 */
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
    ...(d.omitted !== undefined ? { omitted: d.omitted } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
