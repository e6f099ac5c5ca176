import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheDirFor } from '../src/build/cache.js';
import { buildRoster } from '../src/build/roster-build.js';
import { checkRosterRows, parseRoster, personalise, slugify } from '../src/build/roster.js';
import { cli, EXAMPLES, hashes, tempTree } from './cli.js';
import { compileRef, REFERENCE } from './helpers.js';

/** Descriptions compiled on this thread (a roster build compiles nothing that the cache knows). */
const compiles = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/compiler/compile.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/compiler/compile.js')>();
  return {
    ...real,
    compileSource: (...args: Parameters<typeof real.compileSource>) => {
      compiles.count++;
      return real.compileSource(...args);
    },
  };
});

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
      'The row has 1 field but the header 2: check the separators and quotes.',
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
      { id: 'ekspert', file: 'ekspert.md', dir: '/out', ok: true },
      { id: 'vigane', file: 'vigane.md', dir: '/out', ok: false },
    ];
    const r = checkRosterRows(rows, descriptions, 'r.csv', 'en');
    expect(r.valid.map((x) => [x.row.line, x.description.file])).toEqual([[2, 'ekspert.md']]);
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

describe('checkRosterRows: one id, two descriptions', () => {
  const { rows } = parseRoster('id,employee\nekspert,Helen Raja\nmuu,Juhataja\n', 'r.csv');

  it('reports the row whether the other description is valid or not, naming both files', () => {
    for (const ok of [false, true]) {
      const r = checkRosterRows(
        rows.slice(0, 1),
        [
          { id: 'ekspert', file: 'a/ekspert.md', dir: '/out/a', ok: true },
          { id: 'ekspert', file: 'b/ekspert.md', dir: '/out/b', ok },
        ],
        'r.csv',
        'en',
      );
      expect(r.valid).toEqual([]);
      expect(r.diagnostics.map((d) => [d.line, d.rule, d.severity, d.message])).toEqual([
        [
          2,
          'roster',
          'error',
          'The id "ekspert" is used by more than one description (a/ekspert.md, b/ekspert.md), so it is not known which one this row is built from: give every description its own id.',
        ],
      ]);
      const et = checkRosterRows(
        rows.slice(0, 1),
        [
          { id: 'ekspert', file: 'a/ekspert.md', dir: '/out/a', ok: true },
          { id: 'ekspert', file: 'b/ekspert.md', dir: '/out/b', ok },
        ],
        'r.csv',
      );
      expect(et.diagnostics[0]!.message).toBe(
        'Id „ekspert“ on mitmel ametijuhendil (a/ekspert.md, b/ekspert.md), seega pole teada, millisest selle rea dokument koostada: anna igale ametijuhendile oma id.',
      );
    }
  });

  it('tests the plain name of other descriptions in the folder the row is written to', () => {
    const muu = { id: 'muu', file: 'a/muu.md', dir: '/out/a', ok: true };
    // muu-juhataja.md beside muu.md: the row would overwrite it
    const same = checkRosterRows(
      rows.slice(1),
      [muu, { id: 'muu-juhataja', file: 'a/muu-juhataja.md', dir: '/out/a', ok: true }],
      'r.csv',
      'en',
    );
    expect(same.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [
        3,
        'The output file of this row, muu-juhataja, would be that of the description a/muu-juhataja.md: tell the employee apart in the roster.',
      ],
    ]);
    // in another folder: no clash, the row is built from muu.md into /out/a
    const other = checkRosterRows(
      rows.slice(1),
      [muu, { id: 'muu-juhataja', file: 'b/muu-juhataja.md', dir: '/out/b', ok: true }],
      'r.csv',
      'en',
    );
    expect(other.diagnostics).toEqual([]);
    expect(other.valid.map((v) => v.description)).toEqual([muu]);
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

  it('refuses a name that gives no file name, in both languages', () => {
    const model = compileRef(REFERENCE).model!;
    expect(() => personalise(model, { line: 2, id: model.id, employee: '王小明' })).toThrow(
      'no file name for 王小明 / töötaja 王小明 nimest ei saa failinime',
    );
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

describe('build --roster: one id, two descriptions', () => {
  const csv = ['id,employee', 'ekspert,Helen Raja', 'juht,Jaan Tamm'];
  const repo = (second: string): string =>
    tempTree({
      'docs/ametijuhend.config.yaml': config,
      'docs/competencies.yaml': catalogue,
      'docs/a/ekspert.md': REFERENCE,
      'docs/b/ekspert.md': second,
      'docs/juht.md': REFERENCE.replace('title: Ekspert', 'id: juht\ntitle: Juhataja'),
      'roster.csv': csv.join('\n'),
    });

  it.each([
    ['with errors', REFERENCE.replace(/^title: .*$/m, 'title: 42')],
    ['valid too', REFERENCE],
  ])('is a duplicate-id error in both files and in the row (the other one %s)', async (_, second) => {
    const dir = repo(second);
    const r = await buildRoster(['docs'], {
      formats: ['html'],
      outDir: 'out',
      cwd: dir,
      roster: 'roster.csv',
      lang: 'en',
      env: {},
    });
    expect(
      r.diagnostics
        .filter((d) => d.rule === 'duplicate-id' || d.rule === 'roster')
        .map((d) => [d.file, d.line, d.rule]),
    ).toEqual([
      ['docs/a/ekspert.md', 1, 'duplicate-id'],
      ['docs/b/ekspert.md', 1, 'duplicate-id'],
      ['roster.csv', 2, 'roster'],
    ]);
    expect(r.diagnostics.find((d) => d.rule === 'roster')!.message).toMatch(
      /^The id "ekspert" is used by more than one description \(docs\/a\/ekspert\.md, docs\/b\/ekspert\.md\)/,
    );
    const ownErrors = r.diagnostics.filter(
      (d) => d.file === 'docs/b/ekspert.md' && d.rule !== 'duplicate-id' && d.severity === 'error',
    );
    expect(ownErrors.length > 0).toBe(second !== REFERENCE);
    // the other row is built; the ambiguous one from neither file
    expect(readdirSync(join(dir, 'out'), { recursive: true }).sort()).toEqual(['juht-jaan-tamm.html']);
    expect([r.built, r.failed]).toEqual([1, 1]);
    // again, with the descriptions in the cache: the same messages, the row still from the cache
    const again = await buildRoster(['docs'], {
      formats: ['html'],
      outDir: 'out',
      cwd: dir,
      roster: 'roster.csv',
      lang: 'en',
      env: {},
    });
    expect(again.diagnostics).toEqual(r.diagnostics);
    expect([again.built, again.failed, again.rendered, again.cached]).toEqual([1, 1, 0, 1]);
  });
});

describe('build --roster in worker threads', () => {
  it('renders off the main thread for isolate (the CLI) and gives the same bytes', async () => {
    const rows = ['id,employee', 'ekspert,Helen Raja', 'ekspert,Jaan Tamm', 'ekspert,Иван Петров'];
    const dir = rosterRepo(rows);
    const common = {
      formats: ['pdf', 'html', 'docx'] as const,
      cwd: dir,
      roster: 'roster.csv',
      env: {},
    };
    const main = await buildRoster(['docs'], { ...common, formats: [...common.formats], outDir: 'main' });
    const isolated = await buildRoster(['docs'], {
      ...common,
      formats: [...common.formats],
      outDir: 'isolated',
      isolate: true,
      jobs: 1,
    });
    const pooled = await buildRoster(['docs'], {
      ...common,
      formats: [...common.formats],
      outDir: 'pooled',
      jobs: 2,
      poolThreshold: 1,
    });
    expect([main.workers, isolated.workers, pooled.workers]).toEqual([
      0,
      1,
      Math.min(2, availableParallelism()),
    ]);
    for (const r of [main, isolated, pooled]) expect([r.built, r.failed, r.failures]).toEqual([3, 0, []]);
    const names = readdirSync(join(dir, 'main')).sort();
    expect(names).toHaveLength(9);
    for (const out of ['isolated', 'pooled']) {
      expect(readdirSync(join(dir, out)).sort()).toEqual(names);
      for (const name of names)
        expect(readFileSync(join(dir, out, name)).equals(readFileSync(join(dir, 'main', name))), name).toBe(
          true,
        );
    }
    expect(readFileSync(join(dir, 'isolated', 'ekspert-ivan-petrov.html'), 'utf8')).toContain('Иван Петров');
  });
});

describe('build --roster and the build cache', () => {
  const rows = ['id,employee,role', 'ekspert,Helen Raja,', 'ekspert,Jaan Tamm,', 'ekspert,Иван Петров,'];
  const build = (dir: string, extra: Partial<Parameters<typeof buildRoster>[1]> = {}) =>
    buildRoster(['docs'], {
      formats: ['pdf', 'html', 'docx'],
      outDir: 'out',
      cwd: dir,
      roster: 'roster.csv',
      env: {},
      jobs: 2,
      poolThreshold: 1,
      ...extra,
    });
  const mtimes = (dir: string): number[] =>
    readdirSync(join(dir, 'out'))
      .sort()
      .map((name) => statSync(join(dir, 'out', name)).mtimeMs);

  it('renders the rows in the pool, then reuses the cache: nothing rendered or rewritten, the same bytes', async () => {
    const dir = rosterRepo(rows);
    compiles.count = 0;
    const first = await build(dir);
    expect(compiles.count).toBe(2); // ekspert.md and ekspert-juhataja.md
    expect([first.rendered, first.cached, first.built, first.failed]).toEqual([3, 0, 3, 0]);
    expect(first.workers).toBe(Math.min(2, availableParallelism()));
    const bytes = hashes(join(dir, 'out'));
    expect(Object.keys(bytes)).toHaveLength(9);
    const times = mtimes(dir);

    compiles.count = 0;
    const second = await build(dir);
    expect(compiles.count).toBe(0); // both descriptions known to the cache: not even compiled
    expect([second.rendered, second.cached, second.built, second.failed]).toEqual([0, 3, 3, 0]);
    expect(second.workers).toBe(0); // nothing to render: no threads started
    expect(second.outputs).toEqual(first.outputs);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(hashes(join(dir, 'out'))).toEqual(bytes);
    expect(mtimes(dir)).toEqual(times);

    // a deleted output comes back from the cache with the same bytes, still without rendering
    rmSync(join(dir, 'out', 'ekspert-jaan-tamm.pdf'));
    const restored = await build(dir);
    expect([restored.rendered, restored.cached]).toEqual([0, 3]);
    expect(hashes(join(dir, 'out'))).toEqual(bytes);

    // a damaged cache (its stored outputs gone) renders the row whose output is missing, alone
    rmSync(join(cacheDirFor(dir, join(dir, 'out')), 'o'), { recursive: true });
    rmSync(join(dir, 'out', 'ekspert-helen-raja.docx'));
    const damaged = await build(dir);
    expect([damaged.rendered, damaged.cached, damaged.failures]).toEqual([1, 2, []]);
    expect(hashes(join(dir, 'out'))).toEqual(bytes);

    // --force renders every row again, to the same bytes
    const forced = await build(dir, { force: true });
    expect([forced.rendered, forced.cached]).toEqual([3, 0]);
    expect(hashes(join(dir, 'out'))).toEqual(bytes);
  });

  it('a changed row, or a changed description, renders again only what it changes', async () => {
    const dir = rosterRepo(rows);
    await build(dir);
    const before = hashes(join(dir, 'out'));
    writeFileSync(join(dir, 'roster.csv'), rows.join('\n').replace('Jaan Tamm,', 'Jaan Tamm,Juhataja'));
    const row = await build(dir);
    expect([row.rendered, row.cached]).toEqual([1, 2]);
    const after = hashes(join(dir, 'out'));
    expect(after['ekspert-jaan-tamm.html']).not.toBe(before['ekspert-jaan-tamm.html']);
    expect(readFileSync(join(dir, 'out', 'ekspert-jaan-tamm.html'), 'utf8')).toContain('Juhataja');
    expect(after['ekspert-helen-raja.pdf']).toBe(before['ekspert-helen-raja.pdf']);

    writeFileSync(
      join(dir, 'docs/ekspert.md'),
      REFERENCE.replace('Töövahenditeks on', 'Töövahenditeks (2) on'),
    );
    const edited = await build(dir);
    expect([edited.rendered, edited.cached]).toEqual([3, 0]);
  });

  it('noCache renders everything and leaves no cache behind', async () => {
    const dir = rosterRepo(rows.slice(0, 2));
    const r = await build(dir, { noCache: true, jobs: 1 });
    expect([r.rendered, r.cached, r.built]).toEqual([1, 0, 1]);
    expect(existsSync(join(dir, '.ametijuhend-cache'))).toBe(false);
  });
});
