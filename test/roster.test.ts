import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRoster } from '../src/roster-build.js';
import { checkRosterRows, parseRoster, personalise, slugify } from '../src/roster.js';
import { cli, EXAMPLES, tempTree } from './cli.js';
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
    const descriptions = [
      { id: 'ekspert', file: 'ekspert.md', dir: '/out' },
      { id: 'vigane', file: 'vigane.md', dir: '/out' },
    ];
    const r = checkRosterRows(rows, descriptions, new Set(['vigane']), 'r.csv', 'en');
    expect(r.valid.map((x) => x.line)).toEqual([2]);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'There is no description with the id "eksperd"; did you mean "ekspert"?'],
      [4, 'The description "vigane" has errors, so this row is not built.'],
      [
        5,
        'Line 2 has the employee "Helen Raja", whose output file is the same (ekspert-helen-raja): file names do not tell case, diacritics or punctuation apart. Tell the names apart in the roster (e.g. add a middle initial).',
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

describe('slugify', () => {
  it.each([
    ['Иван Петров', 'ivan-petrov'], // Russian, ICAO 9303
    ['Юлия Щукина', 'iuliia-shchukina'],
    ['Алёна Йорк-Хабибуллина', 'alena-iork-khabibullina'],
    ['Подъячев Ильич', 'podieiachev-ilich'], // ъ → ie, ь dropped
    ['Іван Петренко', 'ivan-petrenko'], // Ukrainian
    ["Ґалина Їжак-Єфремова П'ятниця", 'galina-izhak-iefremova-piatnitsia'],
    ['Ўладзімір Барысевіч', 'uladzimir-barysevich'], // Belarusian
    ['Γιώργος Παπαδόπουλος', 'giorgos-papadopoulos'], // Greek, ELOT 743
    ['Ευάγγελος Ψαράς', 'evaggelos-psaras'],
    ['Õnne-Liis Šõmer', 'onne-liis-somer'], // Estonian letters folded
    ['ÄÖÜ Žõ', 'aou-zo'],
    ['Straße Łódź Ærø', 'strasse-lodz-aero'],
    ['王小明', ''], // no transliteration: reported per row
    ['محمد', ''],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

function rosterRepo(csv: string[]): string {
  return tempTree({
    'docs/ametijuhend.config.yaml': config,
    'docs/competencies.yaml': catalogue,
    'docs/ekspert.md': REFERENCE,
    // a description whose plain name is what a row would give
    'docs/ekspert-juhataja.md': REFERENCE.replace('title: Ekspert', 'title: Juhataja'),
    'roster.csv': csv.join('\n'),
  });
}

describe('build --roster: output names never collide', () => {
  const csv = [
    'id;employee',
    'ekspert;Tootaja', // 2: a real employee called Tootaja
    'ekspert;Иван Петров', // 3
    'ekspert;Іван Петренко', // 4
    'ekspert;王小明', // 5: no file name
    'ekspert;Jüri Tamm', // 6
    'ekspert;JURI TAMM', // 7: differs only by case and diacritics
    'ekspert;Jüri Tamm', // 8: the same person again
    'ekspert;Juhataja', // 9: would be the file of ekspert-juhataja.md
    'ekspert;Мария Тоотая', // 10
  ];

  it('writes one file per good row, reports every collision on the later row, overwrites nothing', async () => {
    const dir = rosterRepo(csv);
    const r = await buildRoster(['docs'], {
      formats: ['html'],
      outDir: 'out',
      cwd: dir,
      roster: 'roster.csv',
      lang: 'en',
      env: {},
    });
    const rosterErrors = r.diagnostics.filter((d) => d.rule === 'roster');
    expect(rosterErrors.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      [
        'roster.csv',
        5,
        1,
        'The employee name "王小明" gives no file name: only Cyrillic and Greek are transliterated to Latin letters. Write the name (also) in Latin letters.',
      ],
      [
        'roster.csv',
        7,
        1,
        'Line 6 has the employee "Jüri Tamm", whose output file is the same (ekspert-juri-tamm): file names do not tell case, diacritics or punctuation apart. Tell the names apart in the roster (e.g. add a middle initial).',
      ],
      [
        'roster.csv',
        8,
        1,
        'The same description and employee are already on line 6: the output would be the same (ekspert-juri-tamm).',
      ],
      [
        'roster.csv',
        9,
        1,
        'The output file of this row, ekspert-juhataja, would be that of the description docs/ekspert-juhataja.md: tell the employee apart in the roster.',
      ],
    ]);
    const names = [
      'ekspert-tootaja.html',
      'ekspert-ivan-petrov.html',
      'ekspert-ivan-petrenko.html',
      'ekspert-juri-tamm.html',
      'ekspert-mariia-tootaia.html',
    ];
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([...names].sort());
    expect(r.outputs.map((o) => o.slice(join(dir, 'out/').length))).toEqual(names);
    expect([r.built, r.failed]).toEqual([5, 4]);
    const html = (name: string): string => readFileSync(join(dir, 'out', name), 'utf8');
    expect(html('ekspert-tootaja.html')).toContain('Tootaja');
    expect(html('ekspert-ivan-petrov.html')).toContain('Иван Петров');
    expect(html('ekspert-ivan-petrenko.html')).toContain('Іван Петренко');
    expect(html('ekspert-juri-tamm.html')).toContain('Jüri Tamm');
    expect(html('ekspert-juri-tamm.html')).not.toContain('JURI TAMM');
    expect(existsSync(join(dir, 'out', 'ekspert-juhataja.html'))).toBe(false);
  });

  it('the CLI positions the errors at the CSV line and counts the files written', () => {
    const dir = rosterRepo(csv);
    const r = cli(
      ['build', 'docs', '--roster', 'roster.csv', '-o', 'out', '--format', 'html', '--lang', 'en'],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^roster\.csv:5:1: error The employee name "王小明" gives no file name.* \[roster\]$/m,
    );
    expect(r.stdout).toMatch(/^roster\.csv:7:1: error Line 6 has the employee "Jüri Tamm".* \[roster\]$/m);
    expect(r.stdout).toMatch(/^roster\.csv:9:1: error .*docs\/ekspert-juhataja\.md.* \[roster\]$/m);
    expect(r.stderr).toMatch(/Built 5 descriptions \(5 files\), 4 failed/);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(5);
  });
});
