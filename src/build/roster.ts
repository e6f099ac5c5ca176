/**
 * Personalised export: a roster CSV exported from the HR system (header row; columns id, employee,
 * optional employer and role) names who holds each position. Personal data stays out of the
 * repository: the roster is read at build time and each row gives one document with that employee
 * in the signature block.
 */
import type { JobDescription } from '../model/types.js';
import { Collector } from '../validate/rule.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import rosterRule from '../validate/rules/roster.js';
import { ID_PATTERN, slugify } from '../util/slug.js';
import { closest } from '../util/closest.js';
import { enEt } from './say.js';

export interface RosterRow {
  /** 1-based line of the row in the CSV (for messages). */
  line: number;
  id: string;
  employee: string;
  employer?: string;
  /** The employee's role, printed under the name in the signature block. */
  role?: string;
}

export interface Roster {
  rows: RosterRow[];
  diagnostics: Diagnostic[];
}

const COLUMNS = ['id', 'employee', 'employer', 'role'] as const;

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, newlines inside quotes). */
function records(text: string, delimiter: string): { line: number; fields: string[]; unclosed: boolean }[] {
  const out: { line: number; fields: string[]; unclosed: boolean }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let unclosed = false;
    for (;;) {
      if (i >= text.length) {
        if (quoted) unclosed = true;
        fields.push(field);
        break;
      }
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === '\n') line++;
          field += c;
          i++;
        }
      } else if (c === '"' && field.trim() === '') {
        quoted = true;
        field = '';
        i++;
      } else if (c === delimiter) {
        fields.push(field);
        field = '';
        i++;
      } else if (c === '\n') {
        fields.push(field);
        i++;
        line++;
        break;
      } else {
        field += c;
        i++;
      }
    }
    if (fields.length === 1 && fields[0]!.trim() === '' && !unclosed) continue; // blank line
    out.push({ line: start, fields: fields.map((f) => f.trim()), unclosed });
  }
  return out;
}

/** Parses a roster; problems are positioned at the CSV line (column 1). */
export function parseRoster(input: string, file: string, lang: MessageLang = 'et'): Roster {
  const collector = new Collector(lang, file);
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  // Estonian spreadsheet exports separate with semicolons
  const delimiter =
    firstLine.includes(';') && !firstLine.includes(',')
      ? ';'
      : firstLine.includes('\t') && !firstLine.includes(',')
        ? '\t'
        : ',';
  const all = records(text, delimiter);
  const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 1 } });
  const rows: RosterRow[] = [];
  const header = all.shift();
  if (!header) {
    collector.report(rosterRule, 'missingColumn', { column: 'id', found: '—' }, at(1));
    return { rows, diagnostics: collector.diagnostics };
  }
  const names = header.fields.map((f) => f.toLowerCase());
  for (const name of names) {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      collector.report(rosterRule, 'unknownColumn', { column: name, allowed: [...COLUMNS] }, at(header.line));
    }
  }
  for (const required of ['id', 'employee']) {
    if (!names.includes(required)) {
      collector.report(
        rosterRule,
        'missingColumn',
        { column: required, found: header.fields.join(delimiter) },
        at(header.line),
      );
    }
  }
  if (collector.errorCount > 0) return { rows, diagnostics: collector.diagnostics };
  const index = (name: string): number => names.indexOf(name);
  for (const record of all) {
    if (record.unclosed) {
      collector.report(rosterRule, 'unclosedQuote', {}, at(record.line));
      continue;
    }
    if (record.fields.length !== names.length) {
      collector.report(
        rosterRule,
        'fieldCount',
        { count: record.fields.length, expected: names.length },
        at(record.line),
      );
      continue;
    }
    const get = (name: string): string | undefined =>
      index(name) === -1 ? undefined : record.fields[index(name)];
    const id = get('id') ?? '';
    const employee = get('employee') ?? '';
    if (!id || !employee) {
      collector.report(rosterRule, 'empty', { column: !id ? 'id' : 'employee' }, at(record.line));
      continue;
    }
    const row: RosterRow = { line: record.line, id, employee };
    const employer = get('employer');
    const role = get('role');
    if (employer) row.employer = employer;
    if (role) row.role = role;
    rows.push(row);
  }
  if (all.length === 0) collector.report(rosterRule, 'noRows', {}, at(header.line));
  return { rows, diagnostics: collector.diagnostics };
}

/** The employee's part of an output name (see slug.ts: Cyrillic and Greek transliterated). */
export { slugify };

/** The output name (without extension) of a roster row: `<id>-<employee-slug>`, or undefined when the name gives no slug. */
export function rosterName(row: Pick<RosterRow, 'id' | 'employee'>): string | undefined {
  const slug = slugify(row.employee);
  return slug ? `${row.id}-${slug}` : undefined;
}

/** The description for one roster row: the same model with that employee (and employer) signing. */
export function personalise(model: JobDescription, row: RosterRow): JobDescription {
  const employee = { ...(model.signatures.employee ?? {}), name: row.employee };
  if (row.role) employee.role = row.role;
  const signatures = { ...model.signatures, employee };
  if (row.employer) signatures.employer = { ...(model.signatures.employer ?? {}), name: row.employer };
  const id = rosterName({ id: model.id, employee: row.employee });
  // checkRosterRows rejects such rows: never a made-up name that could be someone else's
  if (id === undefined || !ID_PATTERN.test(id))
    throw new Error(enEt('build.noFileName', { employee: row.employee }));
  return { ...model, id, signatures };
}

/** A description a roster row may name: its id, its file (for messages), its output folder, and whether it compiled without errors. */
export interface RosterDescription {
  id: string;
  file: string;
  dir: string;
  ok: boolean;
}

/** How many of the files sharing an id a message names. */
const MAX_NAMED = 10;

/**
 * Problems of rows against the descriptions found: unknown ids (with suggestions), ids that two
 * descriptions share (the row could be either: never guessed), rows of descriptions with errors,
 * names that give no file name, and output names taken twice. `descriptions` lists every
 * description found (id, file, output folder): an output name is unique across the whole roster
 * (compared case-insensitively, so a file system that folds case never merges two) and never the
 * plain `<id>` name of another description written to the output folder of the row's own
 * description, so no row ever overwrites another document; the later row is the one reported.
 * Each valid row comes with the one description it is rendered from.
 */
export function checkRosterRows<D extends RosterDescription>(
  rows: readonly RosterRow[],
  descriptions: readonly D[],
  file: string,
  lang: MessageLang = 'et',
): { valid: { row: RosterRow; description: D }[]; diagnostics: Diagnostic[] } {
  const collector = new Collector(lang, file);
  const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 1 } });
  const byId = new Map<string, D[]>();
  const plain = new Map<string, string>();
  for (const d of descriptions) {
    const list = byId.get(d.id);
    if (list) list.push(d);
    else byId.set(d.id, [d]);
    const key = `${d.dir}\0${d.id.toLowerCase()}`;
    if (!plain.has(key)) plain.set(key, d.file);
  }
  const seen = new Map<string, RosterRow>();
  const valid: { row: RosterRow; description: D }[] = [];
  for (const row of rows) {
    const list = byId.get(row.id);
    if (!list) {
      const hint = closest(row.id, byId.keys(), 1)[0];
      collector.report(
        rosterRule,
        'unknownId',
        {
          id: row.id,
          hint_et: hint ? `; kas mõtlesid „${hint}“?` : '.',
          hint_en: hint ? `; did you mean "${hint}"?` : '.',
        },
        at(row.line),
      );
      continue;
    }
    if (list.length > 1) {
      const named = list.slice(0, MAX_NAMED).map((d) => d.file);
      const rest = list.length - named.length;
      collector.report(
        rosterRule,
        'duplicateId',
        { id: row.id, files: named.join(', ') + (rest > 0 ? ` (+${rest})` : '') },
        at(row.line),
      );
      continue;
    }
    const own = list[0]!;
    if (!own.ok) {
      collector.report(rosterRule, 'invalidDescription', { id: row.id }, at(row.line));
      continue;
    }
    const name = rosterName(row);
    if (name === undefined) {
      collector.report(rosterRule, 'noFileName', { employee: row.employee }, at(row.line));
      continue;
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      collector.report(
        rosterRule,
        first.employee === row.employee ? 'duplicate' : 'sameFileName',
        { line: first.line, name, employee: first.employee },
        at(row.line),
      );
      continue;
    }
    const description = plain.get(`${own.dir}\0${key}`);
    if (description !== undefined) {
      collector.report(rosterRule, 'descriptionName', { name, file: description }, at(row.line));
      continue;
    }
    seen.set(key, row);
    valid.push({ row, description: own });
  }
  return { valid, diagnostics: collector.diagnostics };
}
