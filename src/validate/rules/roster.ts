/**
 * The roster for personalised export (`build --roster`): its CSV read into rows (header, quotes,
 * separators) and the rows checked against the descriptions found. The build turns each valid row
 * into a job (src/build/roster.ts: personalise).
 */
import { Collector, defineRule } from '../rule.js';
import type { Diagnostic, MessageLang, TemplateData } from '../diagnostic.js';
import { slugify } from '../../util/slug.js';
import { closest } from '../../util/closest.js';

const rosterRule = defineRule({
  id: 'roster',
  severity: 'error',
  description: {
    et: 'Isikustatud väljundi nimekiri (--roster CSV): päis veergudega id, employee (valikuliselt employer, role) ja üks rida töötaja kohta.',
    en: 'The roster for personalised export (--roster CSV): a header with the columns id, employee (optionally employer, role) and one row per employee.',
  },
  messages: {
    missingColumn: {
      et: 'Nimekirja päises puudub veerg „{column}“ (leitud: {found}).',
      en: 'The roster header has no column "{column}" (found: {found}).',
    },
    unknownColumn: {
      et: 'Tundmatu veerg „{column}“; lubatud on {allowed}.',
      en: 'Unknown column "{column}"; allowed: {allowed}.',
    },
    fieldCount: {
      et: 'Real on {count, plural, one {# väli} other {# välja}}, päises {expected}: kontrolli eraldajaid ja jutumärke.',
      en: 'The row has {count, plural, one {# field} other {# fields}} but the header {expected}: check the separators and quotes.',
    },
    unclosedQuote: {
      et: 'Jutumärk on sulgemata: rida lõpeb enne sulgevat jutumärki.',
      en: 'A quote is not closed: the row ends before the closing quote.',
    },
    empty: {
      et: 'Veerg „{column}“ on tühi.',
      en: 'The column "{column}" is empty.',
    },
    unknownId: {
      et: 'Ametijuhendit id-ga „{id}“ ei ole{hint_et}',
      en: 'There is no description with the id "{id}"{hint_en}',
    },
    duplicateId: {
      et: 'Id „{id}“ on mitmel ametijuhendil ({files}), seega pole teada, millisest selle rea dokument koostada: anna igale ametijuhendile oma id.',
      en: 'The id "{id}" is used by more than one description ({files}), so it is not known which one this row is built from: give every description its own id.',
    },
    invalidDescription: {
      et: 'Ametijuhendis „{id}“ on vigu, seega selle rea dokumenti ei koostata.',
      en: 'The description "{id}" has errors, so this row is not built.',
    },
    duplicate: {
      et: 'Sama ametijuhend ja töötaja on juba real {line}: väljundfail oleks sama ({name}).',
      en: 'The same description and employee are already on line {line}: the output would be the same ({name}).',
    },
    sameFileName: {
      et: 'Real {line} on töötaja „{employee}“, kelle väljundfail on sama ({name}): failinimes on suur- ja väiketäht, täpid ja kirjavahemärgid ühesugused. Erista nimed nimekirjas (nt lisa teise eesnime täht).',
      en: 'Line {line} has the employee "{employee}", whose output file is the same ({name}): file names do not tell case, diacritics or punctuation apart. Tell the names apart in the roster (e.g. add a middle initial).',
    },
    descriptionName: {
      et: 'Selle rea väljundfail {name} oleks sama mis ametijuhendi {file} oma: erista töötaja nimi nimekirjas.',
      en: 'The output file of this row, {name}, would be that of the description {file}: tell the employee apart in the roster.',
    },
    noFileName: {
      et: 'Töötaja nimest „{employee}“ ei saa failinime: ladina tähtedeks teisendatakse ainult kirillitsa ja kreeka kiri. Kirjuta nimi (ka) ladina tähtedega.',
      en: 'The employee name "{employee}" gives no file name: only Cyrillic and Greek are transliterated to Latin letters. Write the name (also) in Latin letters.',
    },
    noRows: {
      et: 'Nimekirjas pole ühtegi rida.',
      en: 'The roster has no rows.',
    },
  },
});

export default rosterRule;

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

/** Estonian spreadsheet exports separate with semicolons; some exports with tabs. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  if (firstLine.includes('\t') && !firstLine.includes(',')) return '\t';
  return ',';
}

type Place = { start: { line: number; column: number }; end: { line: number; column: number } };
const lineAt = (line: number): Place => ({ start: { line, column: 1 }, end: { line, column: 1 } });

/** The header's column names (lower case), or undefined when a required one is missing (reported). */
function readHeader(
  header: { line: number; fields: string[] },
  delimiter: string,
  collector: Collector,
): string[] | undefined {
  const names = header.fields.map((f) => f.toLowerCase());
  for (const name of names) {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      collector.report(
        rosterRule,
        'unknownColumn',
        { column: name, allowed: [...COLUMNS] },
        lineAt(header.line),
      );
    }
  }
  for (const required of ['id', 'employee']) {
    if (!names.includes(required)) {
      collector.report(
        rosterRule,
        'missingColumn',
        { column: required, found: header.fields.join(delimiter) },
        lineAt(header.line),
      );
    }
  }
  return collector.errorCount > 0 ? undefined : names;
}

/** One record as a row, or undefined when it is malformed (reported at its line). */
function readRow(
  record: { line: number; fields: string[]; unclosed: boolean },
  names: readonly string[],
  collector: Collector,
): RosterRow | undefined {
  const at = lineAt(record.line);
  if (record.unclosed) {
    collector.report(rosterRule, 'unclosedQuote', {}, at);
    return undefined;
  }
  if (record.fields.length !== names.length) {
    collector.report(rosterRule, 'fieldCount', { count: record.fields.length, expected: names.length }, at);
    return undefined;
  }
  const get = (name: string): string | undefined =>
    names.indexOf(name) === -1 ? undefined : record.fields[names.indexOf(name)];
  const id = get('id') ?? '';
  const employee = get('employee') ?? '';
  if (!id || !employee) {
    collector.report(rosterRule, 'empty', { column: !id ? 'id' : 'employee' }, at);
    return undefined;
  }
  const row: RosterRow = { line: record.line, id, employee };
  const employer = get('employer');
  const role = get('role');
  if (employer) row.employer = employer;
  if (role) row.role = role;
  return row;
}

/** Parses a roster; problems are positioned at the CSV line (column 1). */
export function parseRoster(input: string, file: string, lang: MessageLang = 'et'): Roster {
  const collector = new Collector(lang, file);
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = delimiterOf(text);
  const all = records(text, delimiter);
  const rows: RosterRow[] = [];
  const header = all.shift();
  if (!header) {
    collector.report(rosterRule, 'missingColumn', { column: 'id', found: '—' }, lineAt(1));
    return { rows, diagnostics: collector.diagnostics };
  }
  const names = readHeader(header, delimiter, collector);
  if (!names) return { rows, diagnostics: collector.diagnostics };
  for (const record of all) {
    const row = readRow(record, names, collector);
    if (row) rows.push(row);
  }
  if (all.length === 0) collector.report(rosterRule, 'noRows', {}, lineAt(header.line));
  return { rows, diagnostics: collector.diagnostics };
}

/** The output name (without extension) of a roster row: `<id>-<employee-slug>`, or undefined when the name gives no slug. */
export function rosterName(row: Pick<RosterRow, 'id' | 'employee'>): string | undefined {
  const slug = slugify(row.employee);
  return slug ? `${row.id}-${slug}` : undefined;
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

/** The descriptions by id, and the plain `<id>` output names taken in each output folder. */
interface RosterIndex<D extends RosterDescription> {
  byId: Map<string, D[]>;
  /** `<folder>\0<id in lower case>` → the file of the description written there. */
  plain: Map<string, string>;
  /** Output names (lower case) taken by earlier rows. */
  seen: Map<string, RosterRow>;
}

function indexDescriptions<D extends RosterDescription>(descriptions: readonly D[]): RosterIndex<D> {
  const byId = new Map<string, D[]>();
  const plain = new Map<string, string>();
  for (const d of descriptions) {
    const list = byId.get(d.id);
    if (list) list.push(d);
    else byId.set(d.id, [d]);
    const key = `${d.dir}\0${d.id.toLowerCase()}`;
    if (!plain.has(key)) plain.set(key, d.file);
  }
  return { byId, plain, seen: new Map() };
}

/** What is wrong with a row: a message id of the roster rule and its data. */
type Problem = [messageId: keyof typeof rosterRule.messages & string, data: TemplateData];

/** The one description a row is built from, or its problem. */
function descriptionOf<D extends RosterDescription>(row: RosterRow, index: RosterIndex<D>): D | Problem {
  const list = index.byId.get(row.id);
  if (!list) {
    const hint = closest(row.id, index.byId.keys(), 1)[0];
    return [
      'unknownId',
      {
        id: row.id,
        hint_et: hint ? `; kas mõtlesid „${hint}“?` : '.',
        hint_en: hint ? `; did you mean "${hint}"?` : '.',
      },
    ];
  }
  if (list.length > 1) {
    const named = list.slice(0, MAX_NAMED).map((d) => d.file);
    const rest = list.length - named.length;
    return ['duplicateId', { id: row.id, files: named.join(', ') + (rest > 0 ? ` (+${rest})` : '') }];
  }
  const own = list[0]!;
  return own.ok ? own : ['invalidDescription', { id: row.id }];
}

/** A row's problem, if any: its description's, or its output name's (taken, or none). */
function checkRow<D extends RosterDescription>(row: RosterRow, index: RosterIndex<D>): D | Problem {
  const own = descriptionOf(row, index);
  if (Array.isArray(own)) return own;
  const name = rosterName(row);
  if (name === undefined) return ['noFileName', { employee: row.employee }];
  const key = name.toLowerCase();
  const first = index.seen.get(key);
  if (first !== undefined) {
    const data = { line: first.line, name, employee: first.employee };
    return [first.employee === row.employee ? 'duplicate' : 'sameFileName', data];
  }
  const description = index.plain.get(`${own.dir}\0${key}`);
  if (description !== undefined) return ['descriptionName', { name, file: description }];
  index.seen.set(key, row);
  return own;
}

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
  const index = indexDescriptions(descriptions);
  const valid: { row: RosterRow; description: D }[] = [];
  for (const row of rows) {
    const checked = checkRow(row, index);
    if (Array.isArray(checked)) collector.report(rosterRule, checked[0], checked[1], lineAt(row.line));
    else valid.push({ row, description: checked });
  }
  return { valid, diagnostics: collector.diagnostics };
}
