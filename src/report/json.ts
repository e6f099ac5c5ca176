import type { ReportInput } from './types.js';

/**
 * An array of {file, line, column, endLine, endColumn, severity, rule, message}; the line that
 * stands for a rule's further problems in a file also has `omitted`, how many it stands for; a
 * problem with "did you mean" replacements for its range has `suggestions` (best first).
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
    ...(d.suggestions?.length ? { suggestions: d.suggestions } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
