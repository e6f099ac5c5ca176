/**
 * `ametijuhend status` on the real CLI: one row per description with its review dates and
 * problem counts, as an aligned table (et/en), RFC 4180 CSV or JSON; informational, so exit 0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, reviewDueDate, type StatusRow } from '../src/project/status.js';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
// review-overdue is decided against this day
const ENV = { AMETIJUHEND_TODAY: '2026-06-01' };

/**
 * Four descriptions and an empty file: reviewed recently, never reviewed, reviewed on a leap day
 * (due date clamped to 28 February, overdue), one with an error. References between descriptions
 * are not what this test is about, so that rule is off.
 */
function repo(): string {
  return tempTree({
    'ametijuhend.config.yaml': [
      'organisation: Sotsiaalkindlustusamet',
      'competencies: competencies.yaml',
      'review:',
      '  months: 12',
      'rules:',
      '  unknown-reference: off',
      '',
    ].join('\n'),
    'competencies.yaml': catalogue,
    'analyst.md': english,
    'ekspert.md': reference,
    'osakond/leap.md': reference.replace(
      'title: Ekspert (psühhosotsiaalne kriisiabi)',
      `title: 'Nõunik, "kriisiabi"'\nversion: "2.1"\nreviewed: 2024-02-29`,
    ),
    'bad.md': reference.replace('reportsTo: Tiimijuht', 'reportTo: Tiimijuht'),
    'empty.md': '',
  });
}

const CSV_HEADER = ['file', 'id', 'title', 'unit', 'version', 'reviewed', 'reviewDue', 'errors', 'warnings'];

type StatusJson = StatusRow;

/** A status row as the CSV cells it should read back as (formula-like text behind an apostrophe). */
const csvCells = (r: StatusJson): string[] =>
  [r.file, r.id, r.title ?? '', r.unit.join(', '), r.version ?? '', r.reviewed ?? '', r.reviewDue ?? '']
    .map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v))
    .concat([String(r.errors), String(r.warnings)]);

/**
 * An RFC 4180 reader with a given separator: quoted fields (quotes doubled inside, separators and
 * line breaks kept), CRLF record ends; it throws on a stray quote or a record of another width.
 */
function readCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        for (i++; ; i++) {
          if (i >= text.length) throw new Error('unterminated quote');
          if (text[i] === '"' && text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (text[i] === '"') break;
          else field += text[i];
        }
        i++;
      } else {
        while (i < text.length && text[i] !== separator && text[i] !== '\r') {
          if (text[i] === '"' || text[i] === '\n')
            throw new Error(`stray ${JSON.stringify(text[i])} at ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === separator) i++;
      else if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      } else throw new Error(`expected a separator or CRLF at ${i}`);
    }
    if (records.length && record.length !== records[0]!.length)
      throw new Error(`record ${records.length} width`);
    records.push(record);
  }
  return records;
}

const UNIT = 'Ohvriabi ja ennetusteenuste osakond, Arendustalitus';

describe('ametijuhend status', () => {
  it('a table with et headings, aligned columns, "—" for the unknown, a count; exit 0 despite errors', () => {
    const r = cli(['status', '--lang', 'et'], repo(), ENV);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Id            Ametinimetus                          Struktuuriüksus                                      Versioon  Üle vaadatud  Järgmine ülevaatus  Vigu  Hoiatusi',
        '────────────  ────────────────────────────────────  ───────────────────────────────────────────────────  ────────  ────────────  ──────────────────  ────  ────────',
        `data-analyst  Data Analyst                          Analysis Department, Data Team                       1.0       2026-03-01    2027-03-01             0         0`,
        `bad           Ekspert (psühhosotsiaalne kriisiabi)  ${UNIT}  —         —             —                      1         1`,
        `ekspert       Ekspert (psühhosotsiaalne kriisiabi)  ${UNIT}  —         —             —                      0         1`,
        `empty         —                                     —                                                    —         —             —                      1         0`,
        `leap          Nõunik, "kriisiabi"                   ${UNIT}  2.1       2024-02-29    2025-02-28             0         1`,
        '5 ametijuhendit',
        '',
      ].join('\n'),
    );
  });

  it('English headings with --lang en; one description, singular count', () => {
    const r = cli(['status', 'analyst.md', '--lang', 'en'], repo(), ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Id            Title         Unit                            Version  Reviewed    Review due  Errors  Warnings',
        '────────────  ────────────  ──────────────────────────────  ───────  ──────────  ──────────  ──────  ────────',
        'data-analyst  Data Analyst  Analysis Department, Data Team  1.0      2026-03-01  2027-03-01       0         0',
        '1 description',
        '',
      ].join('\n'),
    );
  });

  it('--format json: an array of objects with stable keys, null for the unknown', () => {
    const r = cli(['status', '--format', 'json'], repo(), ENV);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const row of rows)
      expect(Object.keys(row)).toEqual([
        'file',
        'id',
        'title',
        'unit',
        'version',
        'reviewed',
        'reviewDue',
        'errors',
        'warnings',
      ]);
    const units = ['Ohvriabi ja ennetusteenuste osakond', 'Arendustalitus'];
    const ekspert = 'Ekspert (psühhosotsiaalne kriisiabi)';
    expect(rows).toEqual([
      {
        file: 'analyst.md',
        id: 'data-analyst',
        title: 'Data Analyst',
        unit: ['Analysis Department', 'Data Team'],
        version: '1.0',
        reviewed: '2026-03-01',
        reviewDue: '2027-03-01',
        errors: 0,
        warnings: 0,
      },
      {
        file: 'bad.md',
        id: 'bad',
        title: ekspert,
        unit: units,
        version: null,
        reviewed: null,
        reviewDue: null,
        errors: 1,
        warnings: 1,
      },
      {
        file: 'ekspert.md',
        id: 'ekspert',
        title: ekspert,
        unit: units,
        version: null,
        reviewed: null,
        reviewDue: null,
        errors: 0,
        warnings: 1,
      },
      {
        file: 'empty.md',
        id: 'empty',
        title: null,
        unit: [],
        version: null,
        reviewed: null,
        reviewDue: null,
        errors: 1,
        warnings: 0,
      },
      {
        file: 'osakond/leap.md',
        id: 'leap',
        title: 'Nõunik, "kriisiabi"',
        unit: units,
        version: '2.1',
        reviewed: '2024-02-29',
        reviewDue: '2025-02-28',
        errors: 0,
        warnings: 1,
      },
    ]);
  });

  it('the counts are exactly what check reports for each file', () => {
    const dir = repo();
    const status = JSON.parse(cli(['status', '--format', 'json'], dir, ENV).stdout) as {
      file: string;
      errors: number;
      warnings: number;
    }[];
    const problems = JSON.parse(cli(['check', '--format', 'json'], dir, ENV).stdout) as {
      file: string;
      severity: string;
    }[];
    for (const row of status) {
      const mine = problems.filter((p) => p.file === row.file);
      expect([row.file, row.errors, row.warnings]).toEqual([
        row.file,
        mine.filter((p) => p.severity === 'error').length,
        mine.filter((p) => p.severity === 'warning').length,
      ]);
    }
    expect(status.reduce((n, r) => n + r.errors + r.warnings, 0)).toBe(problems.length);
  });

  it('--format csv: RFC 4180 (a header row, quoted commas and quotes, CRLF), empty for the unknown', () => {
    const r = cli(['status', '--format', 'csv'], repo(), ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'file,id,title,unit,version,reviewed,reviewDue,errors,warnings',
        'analyst.md,data-analyst,Data Analyst,"Analysis Department, Data Team",1.0,2026-03-01,2027-03-01,0,0',
        `bad.md,bad,Ekspert (psühhosotsiaalne kriisiabi),"${UNIT}",,,,1,1`,
        `ekspert.md,ekspert,Ekspert (psühhosotsiaalne kriisiabi),"${UNIT}",,,,0,1`,
        'empty.md,empty,,,,,,1,0',
        `osakond/leap.md,leap,"Nõunik, ""kriisiabi""","${UNIT}",2.1,2024-02-29,2025-02-28,0,1`,
        '',
      ].join('\r\n'),
    );
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('plain')).toBe('plain');
  });

  it('--excel: ";" and a UTF-8 BOM; fields with ; , quotes and line breaks read back as they were', () => {
    const titles = ['Nõunik; "kriisiabi"\nteine rida', 'Ülemnõunik, õigusala', '=Juhataja'];
    const dir = tempTree({
      'ametijuhend.config.yaml':
        'organisation: Amet\ncompetencies: competencies.yaml\nrules:\n  unknown-reference: off\n',
      'competencies.yaml': catalogue,
      ...Object.fromEntries(
        titles.map((t, i) => [
          `t${i}.md`,
          reference.replace('title: Ekspert (psühhosotsiaalne kriisiabi)', `title: ${JSON.stringify(t)}`),
        ]),
      ),
    });
    const rows = JSON.parse(cli(['status', '--format', 'json'], dir, ENV).stdout) as StatusJson[];
    expect(rows.map((r) => r.title)).toEqual(titles);
    const expected = [CSV_HEADER, ...rows.map(csvCells)];

    const excel = cli(['status', '--excel'], dir, ENV);
    expect(excel.code).toBe(0);
    expect(excel.stdout.startsWith(`\uFEFF${CSV_HEADER.join(';')}\r\n`)).toBe(true);
    expect(readCsv(excel.stdout.slice(1), ';')).toEqual(expected);
    // the same with --format csv said too; --csv-separator names the separator
    expect(cli(['status', '--format', 'csv', '--excel'], dir, ENV).stdout).toBe(excel.stdout);
    expect(cli(['status', '--excel', '--csv-separator', 'comma'], dir, ENV).stdout).toBe(
      `\uFEFF${cli(['status', '--format', 'csv'], dir, ENV).stdout}`,
    );
    const semicolon = cli(['status', '--csv-separator', 'semicolon'], dir, ENV).stdout;
    expect(semicolon).toBe(excel.stdout.slice(1));

    // the default stays RFC 4180: commas, no BOM, and reads back the same
    const plain = cli(['status', '--format', 'csv'], dir, ENV).stdout;
    expect(plain.startsWith(`${CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(readCsv(plain, ',')).toEqual(expected);
    // a field with either separator is quoted, so a tool that assumes the other one still gets it
    expect(plain).toContain('"Nõunik; ""kriisiabi""\nteine rida"');
    expect(semicolon).toContain('"Ülemnõunik, õigusala"');
  });

  it('--excel and --csv-separator with --format json are a usage error in both languages', () => {
    const r = cli(['status', '--format', 'json', '--excel'], repo(), ENV);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'ametijuhend: --excel and --csv-separator write CSV: they do not go with --format json / --excel ja --csv-separator annavad CSV-faili: need ei sobi kokku võtmega --format json\n',
    );
    expect(cli(['status', '--format', 'json', '--csv-separator', 'comma'], repo(), ENV).code).toBe(2);
  });

  it('the review due date: months added, clamped to the month’s end; unknown without a config period', () => {
    expect(reviewDueDate('2024-02-29', 12)).toBe('2025-02-28');
    expect(reviewDueDate('2025-08-31', 6)).toBe('2026-02-28');
    expect(reviewDueDate('2025-12-15', 1)).toBe('2026-01-15');
    expect(reviewDueDate('2025-02-30', 12)).toBeUndefined();
    expect(reviewDueDate('15.01.2025', 12)).toBeUndefined();
    // no review period in the config: reviewed is shown, the due date is not
    const dir = tempTree({
      'ametijuhend.config.yaml': 'competencies: competencies.yaml\n',
      'competencies.yaml': catalogue,
      'a.md': english,
    });
    const [row] = JSON.parse(cli(['status', '--format', 'json'], dir, ENV).stdout) as Record<
      string,
      unknown
    >[];
    expect(row).toMatchObject({ reviewed: '2026-03-01', reviewDue: null });
  });

  it('usage errors exit 2: an unknown format, a path that does not exist', () => {
    const dir = repo();
    expect(cli(['status', '--format', 'xml'], dir).code).toBe(2);
    const missing = cli(['status', 'missing.md'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.md/);
  });
});
