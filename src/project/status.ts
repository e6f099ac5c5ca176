/**
 * `status` as a library call: one row per description (id, title, unit, version, when it was
 * reviewed and when the next review is due, how many problems it has), built on checkPaths'
 * summaries, and the table, CSV and JSON forms of those rows.
 */
import { checkPaths, type CheckOptions, type CheckResult } from './check.js';
import { message } from '../messages/index.js';
import { addMonths } from '../util/dates.js';
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
  /** With `status --signed DIR` (src/signing/signed-status.ts): its newest signed container. */
  signed?: SignedCells;
}

/** A description's newest signed container, as `status --signed` shows it (no personal codes). */
export interface SignedCells {
  /** unsigned: no container whose signatures cover its PDF; unknown: the description has errors now. */
  state: 'current' | 'stale' | 'unsigned' | 'unknown';
  /** Its path as shown; null when unsigned. */
  container: string | null;
  /** The signers' names. */
  signers: string[];
  /** The latest claimed signing time, ISO 8601. */
  signedAt: string | null;
}

/** A container `status --signed` found whose id is no description's (or that cannot be read). */
export interface UnknownContainer {
  container: string;
  /** The id its PDF carries; null when none could be read. */
  id: string | null;
  reason: string;
}

/** What `status --signed` adds below the rows. */
export interface SignedExtra {
  unknown: readonly UnknownContainer[];
  /** The scan stopped at a limit: what it says. */
  truncated?: string;
}

export type StatusFormat = 'table' | 'json' | 'csv';
export const STATUS_FORMATS: readonly StatusFormat[] = ['table', 'json', 'csv'];

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
  return parseIsoDate(iso) ? addMonths(iso, months) : undefined;
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
const SIGNED_COLUMNS = ['signed', 'container', 'signedBy', 'signedAt'] as const;
type Column = (typeof COLUMNS)[number] | (typeof SIGNED_COLUMNS)[number];

const header = (column: Column, lang: MessageLang): string =>
  (SIGNED_COLUMNS as readonly string[]).includes(column)
    ? message(`verify.status.${column as (typeof SIGNED_COLUMNS)[number]}`, lang)
    : message(`project.status.${column as (typeof COLUMNS)[number]}`, lang);

/** The columns of these rows: the signed ones when any row has them. */
const columnsOf = (rows: readonly StatusRow[]): readonly Column[] =>
  rows.some((r) => r.signed) ? [...COLUMNS, ...SIGNED_COLUMNS] : COLUMNS;

const UNKNOWN = '—';
const width = (s: string): number => Array.from(s).length;

/** A signed cell: the state in `lang` for the table (null: the JSON and CSV token). */
function signedCell(
  row: StatusRow,
  column: (typeof SIGNED_COLUMNS)[number],
  unknown: string,
  lang: MessageLang | null,
): string {
  const s = row.signed;
  if (!s) return unknown;
  if (column === 'signed') return lang ? message(`verify.state.${s.state}`, lang) : s.state;
  if (column === 'container') return s.container ?? unknown;
  if (column === 'signedBy') return s.signers.length ? s.signers.join(', ') : unknown;
  // the table shows the day, the CSV the claimed time as written
  return s.signedAt === null ? unknown : lang ? s.signedAt.slice(0, 10) : s.signedAt;
}

function cell(row: StatusRow, column: Column, unknown: string, lang: MessageLang | null = null): string {
  if ((SIGNED_COLUMNS as readonly string[]).includes(column))
    return signedCell(row, column as (typeof SIGNED_COLUMNS)[number], unknown, lang);
  const value = row[column as (typeof COLUMNS)[number]];
  if (Array.isArray(value)) return value.length ? value.join(', ') : unknown;
  return value === null ? unknown : String(value);
}

/**
 * Aligned columns (numbers to the right), a rule under the headings, and a count. Control and bidi
 * characters in the cells are shown as escapes (the table is for a terminal).
 */
export function formatTable(rows: readonly StatusRow[], lang: MessageLang, extra?: SignedExtra): string {
  const columns = columnsOf(rows);
  const headers = columns.map((c) => header(c, lang));
  const body = rows.map((r) => columns.map((c) => terminalSafe(cell(r, c, UNKNOWN, lang))));
  // a loop, not Math.max(...body): a table of 200,000 rows is too many arguments
  const widths = columns.map((_, i) => {
    let w = width(headers[i]!);
    for (const cells of body) w = Math.max(w, width(cells[i]!));
    return w;
  });
  const numeric = (i: number): boolean => columns[i] === 'errors' || columns[i] === 'warnings';
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
  if (extra?.unknown.length) {
    lines.push('', message('verify.status.unknownHeading', lang));
    for (const u of extra.unknown) {
      const data = { container: terminalSafe(u.container), reason: terminalSafe(u.reason) };
      lines.push(`  ${message('verify.status.unknownContainer', lang, data)}`);
    }
  }
  if (extra?.truncated) lines.push('', terminalSafe(extra.truncated));
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

/**
 * A header row of the JSON keys, then one record per description; unknown values are empty. With
 * `{separator: ';', bom: true}` it is what Excel opens in columns under Estonian (and most European)
 * regional settings, where the list separator is `;` because the decimal separator is `,`.
 */
export function formatCsv(rows: readonly StatusRow[], options: CsvOptions = {}, extra?: SignedExtra): string {
  const separator = options.separator ?? ',';
  const csvColumns = ['file', ...columnsOf(rows)] as const;
  const records = [
    [...csvColumns],
    ...rows.map((r) => csvColumns.map((c) => (c === 'file' ? r.file : cell(r, c, '')))),
  ];
  // containers of no description: a record each, with only the id and the container
  for (const u of extra?.unknown ?? [])
    records.push(
      csvColumns.map((c) =>
        c === 'id' ? (u.id ?? '') : c === 'signed' ? 'unknown' : c === 'container' ? u.container : '',
      ),
    );
  const text = records.map((cells) => `${cells.map(csvField).join(separator)}\r\n`).join('');
  return options.bom ? `\uFEFF${text}` : text;
}

/**
 * An array of {file, id, title, unit, version, reviewed, reviewDue, errors, warnings}; unknown is
 * null. With `extra` (status --signed): {descriptions: [… each with `signed`], unknownContainers}.
 */
export function formatJson(rows: readonly StatusRow[], extra?: SignedExtra): string {
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
    ...(r.signed ? { signed: r.signed } : {}),
  }));
  // with --signed: an object, the rows and the containers of no description
  const value = extra
    ? {
        descriptions: ordered,
        unknownContainers: extra.unknown,
        ...(extra.truncated ? { truncated: extra.truncated } : {}),
      }
    : ordered;
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function formatStatus(
  rows: readonly StatusRow[],
  format: StatusFormat,
  lang: MessageLang,
  csv: CsvOptions = {},
  extra?: SignedExtra,
): string {
  if (format === 'json') return formatJson(rows, extra);
  if (format === 'csv') return formatCsv(rows, csv, extra);
  return formatTable(rows, lang, extra);
}
