/**
 * `status` as a library call: one row per description (id, title, unit, version, when it was
 * reviewed and when the next review is due, how many problems it has), built on checkPaths'
 * summaries, and the table, CSV and JSON forms of those rows.
 */
import { checkPaths, type CheckOptions, type CheckResult } from './check.js';
import { message } from '../messages/index.js';
import { terminalSafe } from '../util/terminal.js';
import { countDiagnostics, type Diagnostic, type MessageLang } from '../validate/diagnostic.js';

export interface StatusRow {
  /** Path as shown in messages. */
  file: string;
  id: string;
  title: string | null;
  /** Outermost unit first. */
  unit: string[];
  version: string | null;
  /** YYYY-MM-DD, as written. */
  reviewed: string | null;
  /** `reviewed` plus the config's review.months, YYYY-MM-DD; null when either is unknown. */
  reviewDue: string | null;
  errors: number;
  warnings: number;
}

export type StatusFormat = 'table' | 'json' | 'csv';
export const STATUS_FORMATS: readonly StatusFormat[] = ['table', 'json', 'csv'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A real calendar date written YYYY-MM-DD, as [year, month, day]; undefined otherwise. */
function parseIsoDate(s: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return [y, mo, d];
}

/**
 * `iso` plus `months` calendar months, clamped to the month's last day (2025-08-31 + 6 → 2026-02-28);
 * undefined for a date that is not a real YYYY-MM-DD. Same arithmetic as the review-overdue rule.
 */
export function reviewDueDate(iso: string, months: number): string | undefined {
  const parsed = parseIsoDate(iso);
  if (!parsed) return undefined;
  const [y, m, d] = parsed;
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

const diagnosticKey = (d: Diagnostic): string =>
  `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}\0${d.severity}`;

/** One row per checked file, in the order checkPaths found them. */
export function statusRows(result: Pick<CheckResult, 'summaries' | 'results' | 'diagnostics'>): StatusRow[] {
  // the diagnostics grouped by file once (not scanned again for every file)
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return result.summaries.map((s, i) => {
    // the file's own problems (also those of its config) plus any reported at it by repository-wide checks
    const problems = new Map<string, Diagnostic>();
    for (const d of result.results[i]?.diagnostics ?? []) problems.set(diagnosticKey(d), d);
    for (const d of byFile.get(s.file) ?? []) problems.set(diagnosticKey(d), d);
    const list = [...problems.values()];
    const counts = countDiagnostics(list);
    const due =
      s.reviewed !== undefined && s.reviewMonths !== undefined
        ? reviewDueDate(s.reviewed, s.reviewMonths)
        : undefined;
    return {
      file: s.file,
      id: s.id,
      title: s.title ?? null,
      unit: [...s.unit],
      version: s.version ?? null,
      reviewed: s.reviewed ?? null,
      reviewDue: due ?? null,
      // never fewer than the summary counted, should a result come without its diagnostics
      errors: Math.max(counts.errors, s.errorCount),
      warnings: Math.max(counts.warnings, s.warningCount),
    };
  });
}

/** Checks the paths and returns their status rows. */
export async function status(paths: readonly string[], options: CheckOptions = {}): Promise<StatusRow[]> {
  return statusRows(await checkPaths(paths, options));
}

const COLUMNS = ['id', 'title', 'unit', 'version', 'reviewed', 'reviewDue', 'errors', 'warnings'] as const;
type Column = (typeof COLUMNS)[number];

const header = (column: Column, lang: MessageLang): string => message(`project.status.${column}`, lang);

const UNKNOWN = '—';
const width = (s: string): number => Array.from(s).length;

function cell(row: StatusRow, column: Column, unknown: string): string {
  const value = row[column];
  if (Array.isArray(value)) return value.length ? value.join(', ') : unknown;
  return value === null ? unknown : String(value);
}

/**
 * Aligned columns (numbers to the right), a rule under the headings, and a count. Control and bidi
 * characters in the cells are shown as escapes (the table is for a terminal).
 */
export function formatTable(rows: readonly StatusRow[], lang: MessageLang): string {
  const headers = COLUMNS.map((c) => header(c, lang));
  const body = rows.map((r) => COLUMNS.map((c) => terminalSafe(cell(r, c, UNKNOWN))));
  // a loop, not Math.max(...body): a table of 200,000 rows is too many arguments
  const widths = COLUMNS.map((_, i) => {
    let w = width(headers[i]!);
    for (const cells of body) w = Math.max(w, width(cells[i]!));
    return w;
  });
  const numeric = (i: number): boolean => COLUMNS[i] === 'errors' || COLUMNS[i] === 'warnings';
  const line = (cells: string[]): string =>
    cells
      .map((text, i) => {
        const gap = ' '.repeat(widths[i]! - width(text));
        return numeric(i) ? gap + text : text + gap;
      })
      .join('  ')
      .trimEnd();
  const lines = [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  lines.push(message('project.status.count', lang, { count: rows.length }));
  return `${lines.join('\n')}\n`;
}

/** The CSV separator: `,` (RFC 4180, the default) or `;` (what Excel expects under Estonian settings). */
export type CsvSeparator = ',' | ';';
export const CSV_SEPARATORS: readonly CsvSeparator[] = [',', ';'];

export interface CsvOptions {
  /** Default `,`. */
  separator?: CsvSeparator;
  /** Start with a UTF-8 byte order mark, which Excel needs to read the file as UTF-8 (õ, ä, ö, ü). */
  bom?: boolean;
}

/**
 * RFC 4180: a field with a comma, semicolon, quote, CR or LF is quoted, quotes doubled (a field is
 * quoted for either separator, so it reads back whichever a tool assumes); CRLF line ends.
 * Control and bidi characters other than CR and LF are shown as escapes (`\x1b`, `\u202e`), and a field
 * a spreadsheet would read as a formula (starting with = + - @, tab or CR) gets a leading
 * apostrophe, as OWASP recommends against CSV injection.
 */
export function csvField(value: string): string {
  const safe = terminalSafe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value, '\r\n');
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_COLUMNS = ['file', ...COLUMNS] as const;

/**
 * A header row of the JSON keys, then one record per description; unknown values are empty. With
 * `{separator: ';', bom: true}` it is what Excel opens in columns under Estonian (and most European)
 * regional settings, where the list separator is `;` because the decimal separator is `,`.
 */
export function formatCsv(rows: readonly StatusRow[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ',';
  const records = [
    [...CSV_COLUMNS],
    ...rows.map((r) => CSV_COLUMNS.map((c) => (c === 'file' ? r.file : cell(r, c, '')))),
  ];
  const text = records.map((cells) => `${cells.map(csvField).join(separator)}\r\n`).join('');
  return options.bom ? `\uFEFF${text}` : text;
}

/** An array of {file, id, title, unit, version, reviewed, reviewDue, errors, warnings}; unknown is null. */
export function formatJson(rows: readonly StatusRow[]): string {
  const ordered = rows.map((r) => ({
    file: r.file,
    id: r.id,
    title: r.title,
    unit: r.unit,
    version: r.version,
    reviewed: r.reviewed,
    reviewDue: r.reviewDue,
    errors: r.errors,
    warnings: r.warnings,
  }));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function formatStatus(
  rows: readonly StatusRow[],
  format: StatusFormat,
  lang: MessageLang,
  csv: CsvOptions = {},
): string {
  if (format === 'json') return formatJson(rows);
  if (format === 'csv') return formatCsv(rows, csv);
  return formatTable(rows, lang);
}
