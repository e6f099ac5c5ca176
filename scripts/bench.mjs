// Benchmark: `npm run bench [-- --n 1000 --runs 3 --sample 20 --keep --no-write]`
// (`-- --corpus-only DIR [--n N]` only writes the corpus, for profiling).
//
// Generates a deterministic corpus of N distinct, valid descriptions (with a config and a competency
// catalogue) in a temporary folder and times whole processes of the real CLI (bin/ametijuhend.js):
// check, build to each format and to all three, a rebuild with nothing changed and with one file
// changed, with the peak memory (RSS) of each. When installed, pandoc (+ weasyprint for PDF) runs on
// a sample of the same files, and markdownlint-cli2 on the whole corpus, in the same run, so ratios
// compare like with like on a noisy machine. Medians over --runs runs. Prints a table and writes
// docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem, availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'ametijuhend.js');

// ---------- options
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const N = opt('n', 1000);
const RUNS = opt('runs', 3);
const SAMPLE = opt('sample', 20);
const KEEP = argv.includes('--keep');
const WRITE = !argv.includes('--no-write');

// ---------- deterministic corpus
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPETENCIES = [
  'Kliendikesksus',
  'Asjatundlikkus',
  'Koostöövõime',
  'Efektiivsus',
  'Suhtlemis- ja mõjutamisoskus',
  'Analüüsi- ja üldistusvõime',
  'Korrektsus',
  'Empaatiavõime',
  'Juhendamisoskus',
  'Loovus',
  'Pingetaluvus',
  'Abivalmidus',
  'Suhete loomise oskus',
];
const ROLES = [
  'Ekspert',
  'Peaspetsialist',
  'Nõunik',
  'Analüütik',
  'Koordinaator',
  'Juhtivspetsialist',
  'Jurist',
];
const FIELDS = [
  'psühhosotsiaalne kriisiabi',
  'ohvriabi',
  'andmeanalüüs',
  'personalitöö',
  'hanked',
  'eelarve',
  'õigusloome',
  'infoturve',
  'kommunikatsioon',
  'välissuhted',
];
const UNITS = [
  'Ohvriabi ja ennetusteenuste osakond',
  'Arendustalitus',
  'Õigusosakond',
  'Finantsosakond',
  'IT-osakond',
];
const VERBS = [
  'Koostamine',
  'Korraldamine',
  'Analüüsimine',
  'Nõustamine',
  'Arendamine',
  'Ettevalmistamine',
  'Hindamine',
];
const OBJECTS = [
  'valdkonna analüüside ja ülevaadete',
  'koolituste ja õppematerjalide',
  'koostööpartnerite võrgustiku',
  'õigusaktide eelnõude',
  'infosüsteemide nõuete',
  'hangete ja lepingute',
  'teenuste kvaliteedi',
  'eelarve ja aruannete',
];
const RESULTS = [
  'Ülesanded on täidetud tähtaegselt ja korrektselt.',
  'Analüüsid on korraldatud ja tulemused on kättesaadavad.',
  'Koostööpartnerid on kaasatud ja informeeritud.',
  'Materjalid on välja töötatud ning ellu viidud.',
  'Muudatusettepanekud on tehtud ja põhjendatud.',
  'Teave on õige ja ajakohane.',
];
const RIGHTS = [
  'teha kaugtööd kokkuleppel vahetu juhiga',
  'saada tööülesannete täitmiseks vajalikku infot',
  'osaleda töörühmades ja koolitustel',
  'vastu võtta otsuseid oma pädevuse piires',
  'saada tööalast juhendamist',
];
const DUTIES = [
  'tööülesannete tulemusliku täitmise eest',
  'riigi vara heaperemeheliku kasutamise eest',
  'isikuandmete ja konfidentsiaalse info hoidmise eest',
  'oma kvalifikatsiooni hoidmise ning täiendamise eest',
];

function description(i) {
  const r = rng(i * 7919 + 17);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const some = (list, min, max) => {
    const copy = [...list];
    const n = min + Math.floor(r() * (max - min + 1));
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
    return out;
  };
  const field = pick(FIELDS);
  const comps = some(COMPETENCIES, 3, 7);
  const required = comps.slice(0, Math.max(1, Math.floor(comps.length / 2)));
  const additional = comps.slice(required.length);
  const levels = ['B1', 'B2', 'C1'];
  const foreign = ['A2', 'B1', 'B2', 'C1'];
  const tasks = 3 + Math.floor(r() * 10);
  // a share of the files uses inline markup (emphasis, links, code) and a few loose lists, so the
  // corpus is not only the simplest shape
  const rich = r() < 0.2;
  const loose = r() < 0.05;
  const lines = [
    '---',
    `id: ametijuhend-${i}`,
    `title: ${pick(ROLES)} (${field}) ${i}`,
    'unit:',
    ...some(UNITS, 1, 2).map((u) => `  - ${u}`),
    `reportsTo: ${pick(['Tiimijuht', 'Osakonnajuhataja', 'Talituse juhataja'])}`,
    `substitutedBy: [${pick(['Tiimijuht', 'Peaspetsialist'])}]`,
    'requirements:',
    `  education: ${pick(['Kõrgharidus', 'Magistrikraad või sellega võrdsustatud haridus', 'Rakenduskõrgharidus'])}`,
    `  experience: Vähemalt ${1 + Math.floor(r() * 5)}-aastane töökogemus valdkonnas (${field}).`,
    '  languages:',
    '    - lang: et',
    `      level: ${pick(levels)}`,
    `    - lang: ${pick(['en', '[en, ru]', 'fi', 'de'])}`,
    `      level: ${pick(foreign)}`,
    '  competencies:',
    ...required.map((c) => `    - ${c}`),
    ...(additional.length ? ['  additionalCompetencies:', ...additional.map((c) => `    - ${c}`)] : []),
    'signatures:',
    `  employer: Juht ${i}`,
    `  employee: Töötaja ${i}`,
    '---',
    '',
    '## Töökoha eesmärk',
    '',
    `Töökoha eesmärk on valdkonna (${field}) arendamine ja nõustamine, koostöösuhete hoidmine ning`,
    `osalemine protsesside kirjeldamises ${rich ? '**ameti eesmärkide**' : 'ameti eesmärkide'} täitmiseks (dokument ${i}).`,
    '',
    '## Tööülesanded',
    '',
  ];
  for (let t = 1; t <= tasks; t++) {
    const obj = pick(OBJECTS);
    const task =
      rich && t === 2
        ? `${pick(VERBS)} *${obj}* alusel ([juhend](https://example.ee/juhend/${i})) ja \`${field}\` valdkonnas.`
        : `${pick(VERBS)} ${obj} valdkonnas ${field} (ülesanne ${t}).`;
    lines.push(`${t}. ${task}`);
    const pad = ' '.repeat(String(t).length + 2);
    for (const res of some(RESULTS, 1, 3)) lines.push(`${pad}- ${res}`);
    if (loose && t < tasks) lines.push('');
  }
  lines.push('', '## Õigused', '', 'Töötajal on õigus:', '');
  for (const x of some(RIGHTS, 2, 5)) lines.push(`- ${x};`);
  lines.push('', '## Vastutus', '', 'Töötaja vastutab:', '');
  for (const x of some(DUTIES, 2, 4)) lines.push(`- ${x};`);
  lines.push(
    '',
    '## Töövahendid',
    '',
    'Töövahenditeks on sülearvuti tööks vajaliku tarkvaraga ja mobiiltelefon.',
    '',
    '## Ametijuhendi muutmine',
    '',
    'Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel.',
    '',
  );
  return restyle(lines, i);
}

/**
 * Two files in five are written as other editors and tutorials write them (from a random source of
 * their own, so the content stays that of the plain corpus): CRLF line endings, a BOM, nested lists
 * indented by four spaces or a tab, `*` bullets, numbered headings (`## 2. Tööülesanded`).
 */
function styleOf(i) {
  if (i % 5 >= 2) return undefined;
  const s = rng(i * 104729 + 3);
  return {
    crlf: s() < 0.5,
    bom: s() < 0.3,
    nested: ['    ', '\t', undefined][Math.floor(s() * 3)],
    star: s() < 0.5,
    numbered: s() < 0.5,
  };
}

function restyle(lines, i) {
  const style = styleOf(i);
  if (!style) return lines.join('\n');
  const bodyStart = lines.indexOf('---', 1) + 1;
  let section = 0;
  const body = lines.slice(bodyStart).map((line) => {
    let l = line;
    if (style.nested) l = l.replace(/^ {3,4}- /, `${style.nested}- `);
    if (style.star) l = l.replace(/^(\s*)- /, '$1* ');
    if (style.numbered) l = l.replace(/^## /, () => `## ${++section}. `);
    return l;
  });
  const text = [...lines.slice(0, bodyStart), ...body].join(style.crlf ? '\r\n' : '\n');
  return style.bom ? `\uFEFF${text}` : text;
}

/** The share of the corpus's descriptions that the Markdown fast path parses (dist/ must be built). */
async function fastPathShare(dir) {
  const { parseSource } = await import(join(ROOT, 'dist', 'parse', 'markdown.js'));
  const { decodeSource } = await import(join(ROOT, 'dist', 'parse', 'source.js'));
  let fast = 0;
  let total = 0;
  let styled = 0;
  for (const sub of readdirSync(dir).sort()) {
    if (!sub.startsWith('osakond-')) continue;
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const bytes = readFileSync(join(dir, sub, name));
      const decoded = decodeSource(new Uint8Array(bytes));
      if (!decoded.ok) continue;
      total++;
      if (styleOf(Number(name.match(/\d+/)[0]))) styled++;
      if (parseSource(decoded.text, name).fastPath) fast++;
    }
  }
  return { fast, total, styled, share: total ? fast / total : 0 };
}

const fmtShare = (s) =>
  `${s.fast} of ${s.total} (${((100 * s.fast) / Math.max(1, s.total)).toFixed(1)} %; ${s.styled} in other styles)`;

function makeCorpus(dir, n) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'ametijuhend.config.yaml'),
    'organisation: Näidisamet\nlang: et\ncompetencies: competencies.yaml\n',
  );
  writeFileSync(join(dir, 'competencies.yaml'), readFileSync(join(ROOT, 'examples', 'competencies.yaml')));
  for (let i = 1; i <= n; i++) {
    const sub = join(dir, `osakond-${i % 10}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `ametijuhend-${String(i).padStart(5, '0')}.md`), description(i));
  }
}

// ---------- measuring processes
const HAS_TIME = existsSync('/usr/bin/time');
const LAUNCHER = join(tmpdir(), `ametijuhend-bench-launcher-${process.pid}.mjs`);
writeFileSync(
  LAUNCHER,
  // preloaded into a Node child (--import): reports the process's own peak RSS (KiB) on fd 3 at exit
  `import { writeSync } from 'node:fs';
process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {}
});
`,
);

/** Runs a command as a whole process: wall time (ms), peak RSS (MB), exit code, output. */
function measure(cmd, args, cwd, env = {}) {
  const rssFile = join(tmpdir(), `ametijuhend-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const isNode = cmd === process.execPath;
  const full = HAS_TIME
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args]]
    : isNode
      ? [cmd, ['--import', LAUNCHER, ...args]]
      : [cmd, args];
  const start = performance.now();
  const r = spawnSync(full[0], full[1], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: HAS_TIME || !isNode ? 'pipe' : ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const ms = performance.now() - start;
  let rssKb = NaN;
  if (HAS_TIME) {
    try {
      rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    } catch {
      // no figure
    }
  } else if (isNode) rssKb = Number(r.output?.[3] || NaN);
  return { ms, rssMb: rssKb / 1024, code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const cli = (args, cwd, env) => measure(process.execPath, [BIN, ...args], cwd, env);

function version(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')[0]
      .trim();
  } catch {
    return undefined;
  }
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------- the run
// `--corpus-only DIR`: write the corpus (N descriptions) to DIR and stop, for profiling by hand
const corpusOnly = argv.indexOf('--corpus-only');
if (corpusOnly !== -1) {
  const dir = resolve(argv[corpusOnly + 1] ?? 'bench-corpus');
  makeCorpus(dir, N);
  if (existsSync(join(ROOT, 'dist', 'parse', 'markdown.js')))
    console.error(`fast Markdown path: ${fmtShare(await fastPathShare(dir))}`);
  process.exit(0);
}
console.error('compiling dist/ …');
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});

const work = mkdtempSync(join(tmpdir(), 'ametijuhend-bench-'));
const corpus = join(work, 'corpus');
console.error(`generating ${N} descriptions in ${corpus} …`);
makeCorpus(corpus, N);
const fastShare = await fastPathShare(corpus);
console.error(`fast Markdown path: ${fmtShare(fastShare)}`);
const quarter = Math.max(1, Math.round(N / 4));
const small = join(work, 'corpus-small');
makeCorpus(small, quarter);

const pandoc = existsSync('/usr/bin/pandoc') ? '/usr/bin/pandoc' : version('which', ['pandoc']) || undefined;
const weasy = existsSync('/usr/bin/weasyprint')
  ? '/usr/bin/weasyprint'
  : version('which', ['weasyprint']) || undefined;
const mdlint = join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2');
const hasMdlint = existsSync(mdlint);
const sampleFiles = [];
for (let k = 0; k < Math.min(SAMPLE, N); k++) {
  const i = 1 + Math.floor((k * N) / Math.min(SAMPLE, N));
  sampleFiles.push(join(corpus, `osakond-${i % 10}`, `ametijuhend-${String(i).padStart(5, '0')}.md`));
}

/** A build from nothing: no outputs and no cache. */
const fresh = (cwd, out) => {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(cwd, '.ametijuhend-cache'), { recursive: true, force: true });
};
const rows = new Map(); // name → { ms: [], rssMb: [], note }
const record = (name, r, note) => {
  const row = rows.get(name) ?? { ms: [], rssMb: [], notes: new Set() };
  row.ms.push(r.ms);
  row.rssMb.push(r.rssMb);
  if (note) row.notes.add(note);
  rows.set(name, row);
};
const ratios = { check: [], pdf: [], html: [], docx: [], all: [] };
const pandocPerDoc = { html: [], docx: [], pdf: [] };
const problems = [];
const expect = (name, r, codes = [0]) => {
  if (!codes.includes(r.code))
    problems.push(`${name}: exit ${r.code}\n${r.stdout.slice(-2000)}${r.stderr.slice(-2000)}`);
};

const changedFile = join(corpus, 'osakond-1', 'ametijuhend-00001.md');
const original = readFileSync(changedFile, 'utf8');

for (let run = 1; run <= RUNS; run++) {
  console.error(`run ${run}/${RUNS} …`);
  const check = cli(['check', '.'], corpus);
  expect('check', check);
  record('check', check);

  // check --cache: once to fill the cache, then with every file unchanged (CI with a restored cache)
  rmSync(join(corpus, '.ametijuhend-cache', 'check'), { recursive: true, force: true });
  const fill = cli(['check', '.', '--cache'], corpus);
  expect('check --cache (filling)', fill);
  record('check --cache, filling the cache', fill);
  const warm = cli(['check', '.', '--cache'], corpus);
  expect('check --cache (warm)', warm);
  record('check --cache, nothing changed', warm);
  rmSync(join(corpus, '.ametijuhend-cache', 'check'), { recursive: true, force: true });

  let lintMs;
  if (hasMdlint) {
    const lint = measure(mdlint, ['**/*.md'], corpus);
    lintMs = lint.ms;
    record('markdownlint-cli2 (same corpus)', lint);
    ratios.check.push(check.ms / lint.ms);
  }
  void lintMs;

  const perDoc = {};
  for (const format of ['html', 'docx', 'pdf']) {
    const out = join(work, `out-${format}`);
    fresh(corpus, out);
    const r = cli(['build', '.', '-o', out, '--format', format, '--quiet'], corpus);
    expect(`build ${format}`, r);
    record(`build → ${format}`, r);
    perDoc[format] = r.ms / N;
    rmSync(out, { recursive: true, force: true });
  }
  const out = join(work, 'out-all');
  fresh(corpus, out);
  const all = cli(['build', '.', '-o', out, '--quiet'], corpus);
  expect('build all', all);
  record('build → pdf + html + docx', all);
  perDoc.all = all.ms / N;

  const outSmall = join(work, 'out-small');
  fresh(small, outSmall);
  const smallRun = cli(['build', '.', '-o', outSmall, '--quiet'], small);
  expect('build all (N/4)', smallRun);
  record(`build → pdf + html + docx, N/4 = ${quarter} (memory growth)`, smallRun);
  rmSync(outSmall, { recursive: true, force: true });

  const again = cli(['build', '.', '-o', out, '--quiet'], corpus);
  expect('rebuild, nothing changed', again);
  record('rebuild, nothing changed', again, again.stderr.trim().split('\n').pop());

  writeFileSync(changedFile, original.replace('Töövahenditeks on', `Töövahenditeks (muudatus ${run}) on`));
  const one = cli(['build', '.', '-o', out, '--quiet'], corpus);
  expect('rebuild, one changed', one);
  record('rebuild, one description changed', one, one.stderr.trim().split('\n').pop());
  writeFileSync(changedFile, original);
  rmSync(out, { recursive: true, force: true });

  // pandoc, one process per document and format, on a sample of the same files
  if (pandoc) {
    const pout = join(work, 'pandoc');
    mkdirSync(pout, { recursive: true });
    const formats = weasy ? ['html', 'docx', 'pdf'] : ['html', 'docx'];
    let total = 0;
    for (const format of formats) {
      let ms = 0;
      for (const [k, f] of sampleFiles.entries()) {
        const args = [f, '-s', '-o', join(pout, `${k}.${format}`)];
        if (format === 'pdf') args.push(`--pdf-engine=${weasy}`);
        const r = measure(pandoc, args, corpus);
        if (r.code !== 0) problems.push(`pandoc ${format}: exit ${r.code}: ${r.stderr.slice(0, 500)}`);
        ms += r.ms;
      }
      const per = ms / sampleFiles.length;
      pandocPerDoc[format].push(per);
      ratios[format].push(per / perDoc[format]);
      total += per;
    }
    if (formats.length === 3) ratios.all.push(total / perDoc.all);
    rmSync(pout, { recursive: true, force: true });
  }
}

// ---------- report
const fmtS = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–');
const fmtMb = (mb) => (Number.isFinite(mb) ? `${Math.round(mb)} MB` : '–');
const fmtX = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 0)}×` : '–');
const med = (name) => median(rows.get(name)?.ms ?? []);
const medRss = (name) => median(rows.get(name)?.rssMb ?? []);

const table = [
  '| Measurement | Median time | Per description | Peak RSS (median) | Runs |',
  '| --- | ---: | ---: | ---: | ---: |',
];
for (const [name, row] of rows) {
  const perDesc =
    name.startsWith('build →') && !name.includes('N/4') ? `${(median(row.ms) / N).toFixed(1)} ms` : '';
  table.push(
    `| ${name} | ${fmtS(median(row.ms))} | ${perDesc} | ${fmtMb(median(row.rssMb))} | ${row.ms.length} |`,
  );
}
if (!hasMdlint) table.push('| markdownlint-cli2 (same corpus) | not installed | | | |');

const pandocLines = [];
if (pandoc) {
  pandocLines.push(
    `| Format | pandoc per document (sample of ${sampleFiles.length}) | ametijuhend per document (whole corpus) | Ratio (median of per-run ratios) |`,
    '| --- | ---: | ---: | ---: |',
  );
  for (const format of ['html', 'docx', 'pdf']) {
    if (!pandocPerDoc[format].length) continue;
    pandocLines.push(
      `| ${format} | ${fmtS(median(pandocPerDoc[format]))} | ${(med(`build → ${format}`) / N).toFixed(1)} ms | ${fmtX(median(ratios[format]))} |`,
    );
  }
  if (ratios.all.length) {
    const sum = median(pandocPerDoc.html) + median(pandocPerDoc.docx) + median(pandocPerDoc.pdf);
    pandocLines.push(
      `| all three | ${fmtS(sum)} | ${(med('build → pdf + html + docx') / N).toFixed(1)} ms | ${fmtX(median(ratios.all))} |`,
    );
  }
} else pandocLines.push('pandoc: not installed');

const targets = [];
const target = (what, ok, measured) =>
  targets.push(
    `| ${what} | ${measured} | ${ok === undefined ? 'not measured' : ok ? 'met' : '**not met**'} |`,
  );
const scale = N / 1000;
target(`check of ${N} ≤ ${(3 * scale).toFixed(1)} s`, med('check') <= 3000 * scale, fmtS(med('check')));
if (hasMdlint)
  target(
    'check ≤ ½ × markdownlint-cli2 (same run)',
    median(ratios.check) <= 0.5,
    `${fmtX(median(ratios.check))} of its time`,
  );
else target('check ≤ ½ × markdownlint-cli2 (same run)', undefined, 'markdownlint-cli2 not installed');
target(
  `check --cache of ${N} unchanged ≤ ${(0.3 * scale).toFixed(2)} s`,
  med('check --cache, nothing changed') <= 300 * scale,
  fmtS(med('check --cache, nothing changed')),
);
target(
  `build of ${N} to pdf + html + docx ≤ ${(20 * scale).toFixed(0)} s`,
  med('build → pdf + html + docx') <= 20000 * scale,
  fmtS(med('build → pdf + html + docx')),
);
if (ratios.all.length)
  target(
    '≥ 60× faster per document than pandoc (same run)',
    median(ratios.all) >= 60,
    fmtX(median(ratios.all)),
  );
target(
  'build peak memory ≤ 300 MB',
  medRss('build → pdf + html + docx') <= 300,
  fmtMb(medRss('build → pdf + html + docx')),
);
const growth =
  medRss('build → pdf + html + docx') / medRss(`build → pdf + html + docx, N/4 = ${quarter} (memory growth)`);
target(`memory flat as N grows (N/4 → N: ≤ 1.25×)`, growth <= 1.25, `${growth.toFixed(2)}×`);
target(
  'rebuild, one changed ≤ 1.5 s',
  med('rebuild, one description changed') <= 1500,
  fmtS(med('rebuild, one description changed')),
);
target(
  'rebuild, nothing changed ≤ 1 s',
  med('rebuild, nothing changed') <= 1000,
  fmtS(med('rebuild, nothing changed')),
);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const machine = [
  `- Cores (nproc): ${availableParallelism()}`,
  `- CPU: ${cpus()[0]?.model ?? 'unknown'}`,
  `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  `- Node: ${process.version}`,
  `- ametijuhend: ${pkg.version}`,
  `- pandoc: ${pandoc ? version(pandoc, ['--version']) : 'not installed'}`,
  `- weasyprint: ${weasy ? version(weasy, ['--version']) : 'not installed'}`,
  `- markdownlint-cli2: ${hasMdlint ? (version(mdlint, ['--help']) ?? 'installed') : 'not installed'}`,
  `- Peak memory from: ${HAS_TIME ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS, read in the child by a preloaded launcher'}`,
];
const notes = [...rows].flatMap(([name, row]) => [...row.notes].map((n) => `- ${name}: \`${n}\``));

const report = [
  '# Benchmarks',
  '',
  `Generated by \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}.`,
  `Corpus: ${N} distinct generated descriptions (3–12 tasks, 3–7 competencies, varied language levels;`,
  'about 20 % with inline markup and 5 % with loose lists; 40 % written in other styles: CRLF, BOM, nested',
  'lists by four spaces or a tab, `*` bullets, numbered headings), one config and one competency catalogue.',
  `Descriptions the Markdown fast path parses (the rest take micromark): ${fmtShare(fastShare)}.`,
  `Every figure is a whole process (\`node bin/ametijuhend.js …\`, including start-up), median of ${RUNS} runs;`,
  'ratios are computed within each run and then the median is taken. Builds start with an empty output',
  'folder and no cache unless the row says "rebuild".',
  '',
  '## Machine',
  '',
  ...machine,
  '',
  '## Figures',
  '',
  ...table,
  '',
  '## Against pandoc',
  '',
  ...pandocLines,
  '',
  '## Targets (issue 5)',
  '',
  '| Target | Measured | |',
  '| --- | --- | --- |',
  ...targets,
  '',
  ...(notes.length ? ['## Summary lines', '', ...notes, ''] : []),
  ...(problems.length ? ['## Problems', '', '```', ...problems, '```', ''] : []),
].join('\n');

console.log(report);
if (WRITE) {
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), report);
  console.error('wrote docs/benchmarks.md');
}
rmSync(LAUNCHER, { force: true });
if (!KEEP) rmSync(work, { recursive: true, force: true });
else console.error(`kept ${work}`);
if (problems.length) process.exitCode = 1;
