import { describe, expect, it } from 'vitest';
import { checkRosterRows, parseRoster, personalise, slugify } from '../src/roster.js';
import { compileRef, REFERENCE } from './helpers.js';

describe('parseRoster', () => {
  it('reads a header and rows, with quotes, doubled quotes, a BOM, CRLF and blank lines', () => {
    const csv =
      '\uFEFFid,employee,employer,role\r\nekspert,Helen Raja,,\r\n\r\n"ekspert","Tamm, Jaan ""Juku""",Mari Maasikas,Peaekspert\r\n';
    const r = parseRoster(csv, 'roster.csv');
    expect(r.diagnostics).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, id: 'ekspert', employee: 'Helen Raja' },
      {
        line: 4,
        id: 'ekspert',
        employee: 'Tamm, Jaan "Juku"',
        employer: 'Mari Maasikas',
        role: 'Peaekspert',
      },
    ]);
  });

  it('accepts semicolon-separated exports (Estonian spreadsheets) and columns in any order and case', () => {
    const r = parseRoster('Employee;ID\nHelen Raja;ekspert\n', 'r.csv');
    expect(r.rows).toEqual([{ line: 2, id: 'ekspert', employee: 'Helen Raja' }]);
  });

  it('reports malformed rows with their CSV line and keeps the good ones', () => {
    const csv =
      'id,employee\nekspert,Helen Raja\nekspert\n,Jaan Tamm\nekspert,"Mari\nMaasikas"\nekspert,Ants,extra\nekspert,"Pooleli\n';
    const r = parseRoster(csv, 'r.csv', 'en');
    expect(r.rows.map((x) => [x.line, x.employee])).toEqual([
      [2, 'Helen Raja'],
      [5, 'Mari\nMaasikas'],
    ]);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.rule])).toEqual([
      ['r.csv', 3, 1, 'roster'],
      ['r.csv', 4, 1, 'roster'],
      ['r.csv', 7, 1, 'roster'],
      ['r.csv', 8, 1, 'roster'],
    ]);
    expect(r.diagnostics[0]!.message).toBe(
      'The row has 1 fields but the header 2: check the separators and quotes.',
    );
    expect(r.diagnostics[1]!.message).toBe('The column "id" is empty.');
    expect(r.diagnostics[3]!.message).toMatch(/quote is not closed/);
  });

  it('reports a header without the required columns, and unknown columns', () => {
    const r = parseRoster('nimi,amet\nHelen,ekspert\n', 'r.csv');
    expect(r.rows).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Tundmatu veerg „nimi“; lubatud on „id“, „employee“, „employer“ või „role“.',
      'Tundmatu veerg „amet“; lubatud on „id“, „employee“, „employer“ või „role“.',
      'Nimekirja päises puudub veerg „id“ (leitud: nimi,amet).',
      'Nimekirja päises puudub veerg „employee“ (leitud: nimi,amet).',
    ]);
    expect(parseRoster('', 'r.csv').diagnostics).toHaveLength(1);
    expect(parseRoster('id,employee\n', 'r.csv').diagnostics[0]!.rule).toBe('roster');
  });
});

describe('checkRosterRows', () => {
  it('reports unknown ids with a suggestion, rows of invalid descriptions and duplicates', () => {
    const { rows } = parseRoster(
      'id,employee\nekspert,Helen Raja\neksperd,Jaan\nvigane,Mari\nekspert,Helen  Raja\n',
      'r.csv',
    );
    const r = checkRosterRows(rows, new Set(['ekspert', 'vigane']), new Set(['vigane']), 'r.csv', 'en');
    expect(r.valid.map((x) => x.line)).toEqual([2]);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'There is no description with the id "eksperd"; did you mean "ekspert"?'],
      [4, 'The description "vigane" has errors, so this row is not built.'],
      [
        5,
        'The same description and employee are already on line 2: the output would be the same (ekspert-helen-raja).',
      ],
    ]);
  });
});

describe('personalise', () => {
  it('puts the employee (and employer) in the signature block and names the output <id>-<slug>', () => {
    const model = compileRef(REFERENCE).model!;
    const p = personalise(model, {
      line: 2,
      id: model.id,
      employee: 'Õnne-Liis Šõmer',
      employer: 'Mari Maasikas',
      role: 'Ekspert',
    });
    expect(p.id).toBe('ekspert-kriisiabi-onne-liis-somer');
    expect(p.signatures).toEqual({
      employer: { name: 'Mari Maasikas' },
      employee: { name: 'Õnne-Liis Šõmer', role: 'Ekspert' },
    });
    expect(model.signatures.employee).toEqual({ name: 'Helen Raja' }); // the shared model is untouched
    expect(slugify('  Jüri Ülemiste ')).toBe('juri-ulemiste');
  });
});
