/**
 * `check --cache`: the same diagnostics, counts and exit code as a check without it; an entry is
 * reused only for the same bytes, config, catalogue and tool version; repository rules see the
 * cached files too; a damaged cache is ignored, never trusted.
 */
import { existsSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigLoader } from '../src/config/load.js';
import { checkPaths, type CheckOptions, type CheckResult } from '../src/project/check.js';
import { compileCached, openCheckCache, type CheckCache } from '../src/project/check-cache.js';
import { discover } from '../src/project/discover.js';
import { cli, cliModules, COMPILER_MODULES } from './cli.js';
import { RULES } from '../src/validate/rules/index.js';
import { REPOSITORY_RULES } from '../src/validate/repository.js';
import { BASE_CONFIG, CATALOGUE, ENGLISH_PATH, REFERENCE, replace, tempProject } from './helpers.js';

const ENGLISH = readFileSync(ENGLISH_PATH, 'utf8');
const INDEX = join('.ametijuhend-cache', 'check', 'index.json');
const CONFIG = `${BASE_CONFIG}review:\n  months: 12\n`;

/** A repository with clean, warned, broken and clashing descriptions. */
function repository(): string {
  return tempProject({
    'ametijuhend.config.yaml': CONFIG,
    'competencies.yaml': CATALOGUE,
    'ekspert.md': REFERENCE,
    'en/data-analyst.md': ENGLISH,
    'vale-tase.md': replace(REFERENCE, 'level: C1', 'level: C9'),
    'yaml.md': replace(REFERENCE, 'title: Ekspert', 'title: [Ekspert'),
    'a/sama.md': replace(REFERENCE, 'title: Ekspert', 'id: sama\ntitle: Ekspert'),
    'b/sama.md': replace(REFERENCE, 'title: Ekspert', 'id: sama\ntitle: Ekspert'),
    'vana.md': replace(REFERENCE, 'title: Ekspert', 'reviewed: 2020-01-15\ntitle: Ekspert'),
  });
}

/** What a check reports, for comparing runs. */
const outcome = (r: CheckResult): unknown => ({
  files: r.files.map((f) => f.path),
  diagnostics: r.diagnostics,
  errorCount: r.errorCount,
  warningCount: r.warningCount,
  summaries: r.summaries,
  perFile: r.results.map((x) => [x.diagnostics, x.errorCount, x.warningCount]),
});

/** Runs the cache over `dir` directly, to see its hits and misses. */
async function cachedRun(dir: string, toolVersion?: string): Promise<CheckCache['stats']> {
  const loader = new ConfigLoader({ cwd: dir });
  const files = await discover(['.'], loader, dir);
  const cache = openCheckCache(dir, toolVersion ? { toolVersion } : {});
  await compileCached(files, cache, { loader, cwd: dir, ...(toolVersion ? { toolVersion } : {}) });
  return cache.stats;
}

const savedToday = process.env.AMETIJUHEND_TODAY;
afterEach(() => {
  if (savedToday === undefined) delete process.env.AMETIJUHEND_TODAY;
  else process.env.AMETIJUHEND_TODAY = savedToday;
});

describe('check --cache', () => {
  it('gives exactly what a check without it gives, cold and warm, in every language', async () => {
    const dir = repository();
    for (const lang of [undefined, 'en', 'et'] as const) {
      const options: CheckOptions = { cwd: dir, ...(lang ? { lang } : {}) };
      const plain = outcome(await checkPaths([], options));
      const cold = outcome(await checkPaths([], { ...options, cache: true }));
      const warm = outcome(await checkPaths([], { ...options, cache: true }));
      expect(cold).toEqual(plain);
      expect(warm).toEqual(plain);
    }
    const plain = await checkPaths([], { cwd: dir });
    // the corpus really has errors, warnings and repository-rule findings to compare
    expect(plain.errorCount).toBeGreaterThan(0);
    expect(plain.warningCount).toBeGreaterThan(0);
    const rules = plain.diagnostics.map((d) => d.rule);
    for (const rule of [
      'duplicate-id',
      'unknown-reference',
      'review-overdue',
      'yaml-syntax',
      'language-level',
    ])
      expect(rules).toContain(rule);
  });

  it('the CLI prints the same and exits the same, and a warm check is all hits and writes nothing', async () => {
    const dir = repository();
    for (const args of [
      ['check', '--format', 'json', '--lang', 'en'],
      ['check', 'ekspert.md', 'en', '--max-warnings', '0'],
      ['check'],
    ]) {
      const plain = cli(args, dir);
      const cold = cli([...args, '--cache'], dir);
      const warm = cli([...args, '--cache'], dir);
      for (const run of [cold, warm]) {
        expect(run.stdout).toBe(plain.stdout);
        expect(run.stderr).toBe(plain.stderr);
        expect(run.code).toBe(plain.code);
      }
    }
    // the runs compared include a failing one
    expect(cli(['check'], dir).code).toBe(1);
    const written = statSync(join(dir, INDEX)).mtimeMs;
    const stats = await cachedRun(dir);
    expect(stats).toEqual({ hits: 7, misses: 0, corrupt: 0 });
    expect(statSync(join(dir, INDEX)).mtimeMs).toBe(written);
  });

  it('a warm check loads neither the compiler, the parsers, the schema nor the other rules', () => {
    const dir = repository();
    const loaded = (): string[] => {
      const r = cliModules(['check', '--cache'], dir);
      expect(r.code).toBe(1); // the repository has errors: reported from the cache
      return r.modules;
    };
    const cold = loaded();
    expect(cold.some((m) => COMPILER_MODULES.test(m))).toBe(true);
    expect(cold.some((m) => m.includes('/node_modules/yaml/'))).toBe(true);
    // the YAML parser neither: the cache knows what the config's text parses to
    const warm = loaded();
    expect(warm.length).toBeGreaterThan(10);
    expect(warm.filter((m) => COMPILER_MODULES.test(m))).toEqual([]);
  });

  it('the repository rules run alone are every rule with a repository step', () => {
    expect(REPOSITORY_RULES.map((r) => r.id).sort()).toEqual(
      RULES.filter((r) => r.repository)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('is not used for a file whose content changed; the others still are', async () => {
    const dir = repository();
    await checkPaths([], { cwd: dir, cache: true });
    writeFileSync(join(dir, 'ekspert.md'), replace(REFERENCE, 'level: C1', 'level: C7'));
    expect(await cachedRun(dir)).toEqual({ hits: 6, misses: 1, corrupt: 0 });
    const cached = await checkPaths([], { cwd: dir, cache: true });
    expect(cached.diagnostics.filter((d) => d.file === 'ekspert.md').map((d) => d.rule)).toContain(
      'language-level',
    );
    expect(outcome(cached)).toEqual(outcome(await checkPaths([], { cwd: dir })));
  });

  it('is not used when the config, the catalogue, the tool version or the date changes', async () => {
    const dir = repository();
    await checkPaths([], { cwd: dir, cache: true });
    const all = { hits: 0, misses: 7, corrupt: 0 };
    writeFileSync(join(dir, 'ametijuhend.config.yaml'), `${CONFIG}rules:\n  unknown-reference: error\n`);
    expect(await cachedRun(dir)).toEqual(all);
    const afterConfig = await checkPaths([], { cwd: dir, cache: true });
    expect(afterConfig.diagnostics.find((d) => d.rule === 'unknown-reference')?.severity).toBe('error');
    expect(outcome(afterConfig)).toEqual(outcome(await checkPaths([], { cwd: dir })));

    writeFileSync(join(dir, 'competencies.yaml'), replace(CATALOGUE, 'Kliendikesksus:', 'Klienditeenindus:'));
    expect(await cachedRun(dir)).toEqual(all);
    const afterCatalogue = await checkPaths([], { cwd: dir, cache: true });
    expect(afterCatalogue.diagnostics.map((d) => d.rule)).toContain('unknown-competency');
    expect(outcome(afterCatalogue)).toEqual(outcome(await checkPaths([], { cwd: dir })));

    expect(await cachedRun(dir, '999.0.0')).toEqual(all);
    expect(await cachedRun(dir, '999.0.0')).toEqual({ hits: 7, misses: 0, corrupt: 0 });

    // review-overdue compares with today: a cached answer from yesterday is not today's
    const overdue = (r: CheckResult): string[] =>
      r.diagnostics.filter((d) => d.file === 'vana.md' && d.rule === 'review-overdue').map((d) => d.message);
    expect(overdue(afterCatalogue)).toHaveLength(1);
    process.env.AMETIJUHEND_TODAY = '2020-06-01';
    expect(await cachedRun(dir)).toEqual(all);
    const before = await checkPaths([], { cwd: dir, cache: true });
    expect(overdue(before)).toEqual([]);
    expect(outcome(before)).toEqual(outcome(await checkPaths([], { cwd: dir })));
  });

  it('outlives the day when the config asks for no reviews', async () => {
    const dir = tempProject({
      'ametijuhend.config.yaml': BASE_CONFIG,
      'competencies.yaml': CATALOGUE,
      'ekspert.md': replace(REFERENCE, 'title: Ekspert', 'reviewed: 2020-01-15\ntitle: Ekspert'),
    });
    process.env.AMETIJUHEND_TODAY = '2020-06-01';
    const first = outcome(await checkPaths([], { cwd: dir, cache: true }));
    process.env.AMETIJUHEND_TODAY = '2031-06-01';
    expect(await cachedRun(dir)).toEqual({ hits: 1, misses: 0, corrupt: 0 });
    expect(outcome(await checkPaths([], { cwd: dir }))).toEqual(first);
  });

  it('runs the repository rules over cached and fresh files alike', async () => {
    const dir = tempProject({
      'ametijuhend.config.yaml': BASE_CONFIG,
      'competencies.yaml': CATALOGUE,
      'yks.md': replace(REFERENCE, 'title: Ekspert', 'id: yks\ntitle: Ekspert'),
      'kaks.md': replace(REFERENCE, 'title: Ekspert', 'id: kaks\ntitle: Ekspert'),
    });
    const first = await checkPaths([], { cwd: dir, cache: true });
    expect(first.diagnostics.map((d) => d.rule)).not.toContain('duplicate-id');
    writeFileSync(join(dir, 'kaks.md'), replace(REFERENCE, 'title: Ekspert', 'id: yks\ntitle: Ekspert'));
    const second = await checkPaths([], { cwd: dir, cache: true });
    // yks.md comes from the cache, and is told about the clash too
    expect(second.diagnostics.filter((d) => d.rule === 'duplicate-id').map((d) => d.file)).toEqual([
      'kaks.md',
      'yks.md',
    ]);
    expect(outcome(second)).toEqual(outcome(await checkPaths([], { cwd: dir })));
    // the counts added for the clash are not stored: undoing it gives the first answer again
    writeFileSync(join(dir, 'kaks.md'), replace(REFERENCE, 'title: Ekspert', 'id: kaks\ntitle: Ekspert'));
    expect(await cachedRun(dir)).toEqual({ hits: 2, misses: 0, corrupt: 0 });
    expect(outcome(await checkPaths([], { cwd: dir, cache: true }))).toEqual(outcome(first));
  });

  it('reads a known config from what its text parsed to, and parses a changed one', async () => {
    const dir = tempProject({
      'ametijuhend.config.yaml': `${BASE_CONFIG}knownTitles:\n  - Direktor\nignore:\n  - mustand/\n`,
      'competencies.yaml': CATALOGUE,
      'ekspert.md': REFERENCE,
      'mustand/pooleli.md': replace(REFERENCE, 'level: C1', 'level: C9'),
    });
    const plain = (): Promise<unknown> => checkPaths([], { cwd: dir }).then(outcome);
    const cached = (): Promise<unknown> => checkPaths([], { cwd: dir, cache: true }).then(outcome);
    const configs = (): Record<string, unknown> =>
      (JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as { configs: Record<string, unknown> }).configs;
    expect(await cached()).toEqual(await plain());
    expect(Object.values(configs())).toEqual([
      {
        organisation: 'Sotsiaalkindlustusamet',
        lang: 'et',
        competencies: 'competencies.yaml',
        knownTitles: ['Direktor'],
        ignore: ['mustand/'],
      },
    ]);
    // warm: the ignored folder stays ignored, the known title known
    const warm = await checkPaths([], { cwd: dir, cache: true });
    expect(warm.files.map((f) => f.path)).toEqual([join(dir, 'ekspert.md')]);
    expect(outcome(warm)).toEqual(await plain());
    // a changed config is parsed again: its new settings apply at once
    writeFileSync(join(dir, 'ametijuhend.config.yaml'), `${BASE_CONFIG}knownTitles:\n  - Direktor\n`);
    const changed = await checkPaths([], { cwd: dir, cache: true });
    expect(changed.files).toHaveLength(2);
    expect(changed.diagnostics.map((d) => d.rule)).toContain('language-level');
    expect(outcome(changed)).toEqual(await plain());
    expect(Object.keys(configs())).toHaveLength(2);
  });

  it('reports the problems of a known config where they are, when a file under it is compiled again', async () => {
    // a catalogue that is not there, a default section out of the repository, an unknown rule
    const config =
      'organisation: Amet\nlang: et\ncompetencies: puudub.yaml\ndefaults:\n  workConditions: /etc/passwd\n' +
      'rules:\n  no-such-rule: off\n';
    const dir = tempProject({
      'ametijuhend.config.yaml': config,
      'ekspert.md': REFERENCE,
      'teine.md': replace(REFERENCE, 'title: Ekspert', 'id: teine\ntitle: Teine'),
    });
    const plain = outcome(await checkPaths([], { cwd: dir }));
    const first = await checkPaths([], { cwd: dir, cache: true });
    const configProblems = first.diagnostics.filter((d) => d.file === 'ametijuhend.config.yaml');
    expect(configProblems.length).toBeGreaterThanOrEqual(3);
    expect(configProblems.every((d) => d.line > 1)).toBe(true);
    expect(outcome(first)).toEqual(plain);
    // the config comes from the cache, one description does not: the config is parsed for it
    writeFileSync(join(dir, 'teine.md'), replace(REFERENCE, 'title: Ekspert', 'id: teine\ntitle: Kolmas'));
    const again = outcome(await checkPaths([], { cwd: dir, cache: true }));
    expect(again).toEqual(outcome(await checkPaths([], { cwd: dir })));
    expect(outcome(await checkPaths([], { cwd: dir, cache: true }))).toEqual(again);
  });

  it('keeps no parsed config that JSON would change, and trusts no damaged one', async () => {
    // `.inf` is a number JSON has not: such a config is parsed every time
    const dir = tempProject({
      'ametijuhend.config.yaml': `${BASE_CONFIG}review:\n  months: .inf\n`,
      'competencies.yaml': CATALOGUE,
      'ekspert.md': REFERENCE,
    });
    const plain = outcome(await checkPaths([], { cwd: dir }));
    expect(outcome(await checkPaths([], { cwd: dir, cache: true }))).toEqual(plain);
    const index = JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as Record<string, unknown>;
    expect(index.configs).toEqual({});
    expect(outcome(await checkPaths([], { cwd: dir, cache: true }))).toEqual(plain);

    // a stored config of the wrong shape: each setting is checked for its type as parsed data is
    writeFileSync(join(dir, 'ametijuhend.config.yaml'), BASE_CONFIG);
    const good = outcome(await checkPaths([], { cwd: dir }));
    await checkPaths([], { cwd: dir, cache: true });
    const stored = JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as { configs: Record<string, unknown> };
    const [key] = Object.keys(stored.configs);
    for (const junk of [
      {
        ignore: 'ekspert.md',
        knownTitles: 5,
        review: [],
        defaults: 'x',
        competencies: ['competencies.yaml'],
      },
      ['a list'],
      'text',
      null,
    ]) {
      stored.configs[key!] = junk;
      writeFileSync(join(dir, INDEX), JSON.stringify(stored));
      const r = await checkPaths([], { cwd: dir, cache: true });
      expect(r.files.map((f) => f.path)).toEqual([join(dir, 'ekspert.md')]);
      // the entries still match (same fingerprint): the answers are the stored ones
      expect(outcome(r)).toEqual(good);
    }
    for (const junk of ['configs', '[1,2]', '"x"']) {
      writeFileSync(
        join(dir, INDEX),
        `{"layout":"1","entries":{},"configs":${junk === 'configs' ? '{}' : junk}}`,
      );
      expect(outcome(await checkPaths([], { cwd: dir, cache: true }))).toEqual(good);
    }
  });

  it('ignores a damaged entry or index, and replaces it', async () => {
    const dir = repository();
    const plain = outcome(await checkPaths([], { cwd: dir }));
    await checkPaths([], { cwd: dir, cache: true });
    const index = JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as {
      entries: Record<string, { diagnostics: unknown[]; summary: Record<string, unknown> }>;
    };
    const entries = Object.values(index.entries);
    entries[0]!.summary.errorCount = 'many';
    entries[1]!.diagnostics.push({ file: 'x', line: 0, column: 1 });
    entries[2]!.summary.file = 'somewhere-else.md';
    // a valid shape whose counts do not match its diagnostics
    entries[3]!.summary.warningCount = 1000;
    entries[4]!.summary.extra = true;
    writeFileSync(join(dir, INDEX), JSON.stringify(index));
    expect(await cachedRun(dir)).toEqual({ hits: 2, misses: 5, corrupt: 5 });
    writeFileSync(join(dir, INDEX), JSON.stringify(index));
    expect(outcome(await checkPaths([], { cwd: dir, cache: true }))).toEqual(plain);
    // replaced: the next run is all hits
    expect(await cachedRun(dir)).toEqual({ hits: 7, misses: 0, corrupt: 0 });
    for (const junk of ['{not json', '[]', '{"layout":"1","entries":[]}', '']) {
      writeFileSync(join(dir, INDEX), junk);
      expect(outcome(await checkPaths([], { cwd: dir, cache: true }))).toEqual(plain);
    }
    rmSync(join(dir, INDEX));
    expect(outcome(await checkPaths([], { cwd: dir, cache: true }))).toEqual(plain);
  });

  it('removes the temporary index a killed check left behind when it next saves', async () => {
    const dir = repository();
    await checkPaths([], { cwd: dir, cache: true });
    // a PID no process has (above the kernel's pid_max)
    const stale = join(dir, '.ametijuhend-cache', 'check', '.index.json.4999999.0123abcd.tmp');
    const other = join(dir, '.ametijuhend-cache', 'check', 'notes.txt');
    writeFileSync(stale, '{"layout":"1"');
    writeFileSync(other, 'mine');
    writeFileSync(join(dir, 'ekspert.md'), replace(REFERENCE, 'level: C1', 'level: C2'));
    await checkPaths([], { cwd: dir, cache: true });
    expect(existsSync(stale)).toBe(false);
    expect(readFileSync(other, 'utf8')).toBe('mine');
  });

  it('refuses a cache folder that is a link out of the project', async () => {
    const dir = repository();
    const elsewhere = tempProject({});
    symlinkSync(elsewhere, join(dir, '.ametijuhend-cache'));
    await expect(checkPaths([], { cwd: dir, cache: true })).rejects.toThrow(/symbolic link/);
    const r = cli(['check', '--cache'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/symbolic link|nimeviide/);
  });
});
