/**
 * The build cache: a hit gives the same bytes as a build and renders nothing; anything the outputs
 * depend on invalidates it; --force ignores it; a damaged entry is ignored safely.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildPaths, planBuild, type BuildOptions } from '../src/build/build.js';
import { cacheDirFor, compileKey } from '../src/build/cache.js';
import { KEYED_LIBRARIES, libraryVersions } from '../src/build/versions.js';
import { cli, EXAMPLES, hashes, tempTree } from './cli.js';

/** Library versions the build sees: the installed ones, unless a test pretends one was upgraded. */
const libraries = vi.hoisted(() => ({ changed: undefined as Record<string, string> | undefined }));
vi.mock('../src/build/versions.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/build/versions.js')>();
  return { ...real, libraryVersions: () => libraries.changed ?? real.libraryVersions() };
});

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

function repo(): string {
  return tempTree({
    'docs/ametijuhend.config.yaml': config,
    'docs/competencies.yaml': catalogue,
    'docs/ekspert-kriisiabi.md': reference,
    'docs/teine.md': reference.replace('title: Ekspert', 'id: teine\ntitle: Teine ekspert'),
    'docs/vigane.md': reference.replace('level: C1', 'level: C7'),
  });
}

function cacheFiles(out: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else found.push(p);
    }
  };
  walk(cacheDirFor(dirname(out), 'out'));
  return found;
}

const build = (dir: string, extra: Partial<BuildOptions> = {}) =>
  buildPaths(['docs'], {
    formats: ['pdf', 'html', 'docx'],
    outDir: 'out',
    cwd: dir,
    jobs: 1,
    env: {},
    ...extra,
  });

describe('build cache', () => {
  it('a rebuild with nothing changed renders nothing and gives the same files and messages', async () => {
    const dir = repo();
    const first = await build(dir);
    expect([first.rendered, first.cached, first.built, first.failed]).toEqual([2, 0, 2, 1]);
    const before = hashes(join(dir, 'out'));
    const second = await build(dir);
    expect([second.rendered, second.cached, second.built, second.failed]).toEqual([0, 2, 2, 1]);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.outputs).toEqual(first.outputs);
    expect(hashes(join(dir, 'out'))).toEqual(before);
  });

  it('a cache hit gives the same bytes as a build (outputs deleted, restored from the cache)', async () => {
    const dir = repo();
    await build(dir);
    const built = hashes(join(dir, 'out'));
    for (const f of Object.keys(built)) rmSync(join(dir, 'out', f));
    const again = await build(dir);
    expect(again.rendered).toBe(0);
    expect(hashes(join(dir, 'out'))).toEqual(built);
    // and the same bytes as a build without any cache
    await build(dir, { outDir: 'fresh', noCache: true });
    expect(hashes(join(dir, 'fresh'))).toEqual(built);
  });

  it('--force ignores the cache', async () => {
    const dir = repo();
    await build(dir);
    const forced = await build(dir, { force: true });
    expect([forced.rendered, forced.cached]).toEqual([2, 0]);
  });

  it('changing a description re-renders only that one', async () => {
    const dir = repo();
    await build(dir);
    writeFileSync(
      join(dir, 'docs/teine.md'),
      reference.replace('title: Ekspert', 'id: teine\ntitle: Muudetud'),
    );
    const r = await build(dir);
    expect([r.rendered, r.cached]).toEqual([1, 1]);
  });

  it('the config, the catalogue, a default section, options and SOURCE_DATE_EPOCH invalidate it', async () => {
    const dir = repo();
    await build(dir);
    writeFileSync(join(dir, 'docs/competencies.yaml'), `${catalogue}\nUus: [Näitaja.]\n`);
    expect((await build(dir)).rendered).toBe(2);
    writeFileSync(
      join(dir, 'docs/ametijuhend.config.yaml'),
      config.replace('Sotsiaalkindlustusamet', 'Muu amet'),
    );
    expect((await build(dir)).rendered).toBe(2);
    writeFileSync(join(dir, 'docs/vahendid.md'), 'Arvuti.\n');
    writeFileSync(join(dir, 'docs/ametijuhend.config.yaml'), `${config}defaults:\n  tools: vahendid.md\n`);
    expect((await build(dir)).rendered).toBe(2);
    expect((await build(dir)).rendered).toBe(0);
    writeFileSync(join(dir, 'docs/vahendid.md'), 'Arvuti ja telefon.\n');
    expect((await build(dir)).rendered).toBe(2);
    expect((await build(dir, { pdfStandard: 'a-1b' })).rendered).toBe(2);
    expect((await build(dir, { env: { SOURCE_DATE_EPOCH: '1700000000' } })).rendered).toBe(2);
    expect((await build(dir, { env: { SOURCE_DATE_EPOCH: '1700000000' } })).rendered).toBe(0);
    expect((await build(dir, { lang: 'en', env: { SOURCE_DATE_EPOCH: '1700000000' } })).rendered).toBe(2);
    // a format not built before is rendered; one built before comes from the cache
    const html = await build(dir, { formats: ['html'], outDir: 'other', env: {} });
    expect(html.rendered).toBe(2);
  });

  it('the key covers the tool version, the library versions and every input', () => {
    const base = {
      toolVersion: '1.0.0',
      libraries: 'pdfkit@0.20.2',
      configFingerprint: 'f',
      cwd: '/a',
      path: '/a/x.md',
      lang: undefined,
      sourceDateEpoch: undefined,
      bytes: new Uint8Array([1, 2]),
    };
    const key = compileKey(base);
    for (const change of [
      { toolVersion: '1.0.1' },
      { libraries: 'pdfkit@0.20.3' },
      { configFingerprint: 'g' },
      { cwd: '/b' },
      { path: '/a/y.md' },
      { lang: 'en' },
      { sourceDateEpoch: '1' },
      { bytes: new Uint8Array([1, 3]) },
    ])
      expect(compileKey({ ...base, ...change })).not.toBe(key);
  });

  it('the plan decides per description, with its reason, before anything is rendered', async () => {
    const dir = repo();
    const options: BuildOptions = { formats: ['html', 'pdf'], outDir: 'out', cwd: dir, env: {} };
    const decisions = async (extra: Partial<BuildOptions> = {}) =>
      (await planBuild(['docs'], { ...options, ...extra })).plan.jobs.map(
        (j) => `${j.file.path.slice(dir.length + 1)} ${j.decision} (${j.reason})`,
      );
    const cold = [
      'docs/ekspert-kriisiabi.md fresh (not in the cache)',
      'docs/teine.md fresh (not in the cache)',
      'docs/vigane.md fresh (not in the cache)',
    ];
    expect(await decisions()).toEqual(cold);
    expect(readdirSync(dir)).not.toContain('out'); // planning writes nothing
    await buildPaths(['docs'], options);
    expect(await decisions()).toEqual([
      'docs/ekspert-kriisiabi.md cached (cache hit)',
      'docs/teine.md cached (cache hit)',
      'docs/vigane.md skip (has errors)',
    ]);
    expect(await decisions({ force: true })).toEqual(
      cold.map((d) => d.replace('not in the cache', 'forced')),
    );
    expect(await decisions({ noCache: true })).toEqual(
      cold.map((d) => d.replace('not in the cache', 'no cache')),
    );
    // a format not built yet: compiling is cached, its outputs are not
    expect((await decisions({ formats: ['docx'] }))[0]).toBe(
      'docs/ekspert-kriisiabi.md fresh (outputs not in the cache)',
    );
  });

  it('reads the installed versions of the rendering libraries from their package.json', () => {
    const versions = libraryVersions();
    expect(Object.keys(versions)).toEqual([...KEYED_LIBRARIES]);
    for (const name of ['pdfkit', 'fontkit', 'fflate', 'hast-util-to-html', 'dejavu-fonts-ttf']) {
      const pkg = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(versions[name], name).toBe(pkg.version);
    }
  });

  it('a changed version of a rendering library invalidates every entry', async () => {
    const dir = repo();
    expect((await build(dir)).rendered).toBe(2);
    expect((await build(dir)).rendered).toBe(0);
    const before = hashes(join(dir, 'out'));
    for (const name of ['pdfkit', 'hast-util-to-html', 'fflate']) {
      libraries.changed = { ...libraryVersions(), [name]: '0.0.0-upgraded' };
      try {
        const upgraded = await build(dir);
        expect([upgraded.rendered, upgraded.cached], name).toEqual([2, 0]);
        expect((await build(dir)).rendered, name).toBe(0);
      } finally {
        libraries.changed = undefined;
      }
    }
    // the same outputs (the libraries did not really change), and the real versions' entries kept
    expect(hashes(join(dir, 'out'))).toEqual(before);
    expect((await build(dir)).rendered).toBe(0);
  });

  it('a damaged cache entry is ignored: the description is rendered again, with the same bytes', async () => {
    const dir = repo();
    await build(dir);
    const built = hashes(join(dir, 'out'));
    for (const f of cacheFiles(join(dir, 'out'))) {
      if (f.endsWith('state.json')) continue;
      const bytes = readFileSync(f);
      if (f.endsWith('.json')) writeFileSync(f, '{"ok": tru');
      else
        writeFileSync(
          f,
          Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from([bytes.at(-1)! ^ 1])]),
        );
    }
    for (const f of Object.keys(built)) rmSync(join(dir, 'out', f));
    const r = await build(dir);
    expect(r.rendered).toBe(2);
    expect(r.failures).toEqual([]);
    expect(hashes(join(dir, 'out'))).toEqual(built);
    // only the output entries damaged (the compile entries intact): still rendered again
    for (const f of cacheFiles(join(dir, 'out')))
      if (!f.endsWith('.json')) writeFileSync(f, 'AJC1 not an entry');
    for (const f of Object.keys(built)) rmSync(join(dir, 'out', f));
    const r2 = await build(dir);
    expect([r2.rendered, r2.failures.length]).toEqual([2, 0]);
    expect(hashes(join(dir, 'out'))).toEqual(built);
  });

  it('an output edited by hand is replaced on the next build', async () => {
    const dir = repo();
    await build(dir);
    const built = hashes(join(dir, 'out'));
    // saved as a new file (as most editors do): restored from the cache
    writeFileSync(join(dir, 'out/teine.html.new'), 'edited');
    renameSync(join(dir, 'out/teine.html.new'), join(dir, 'out/teine.html'));
    const r = await build(dir);
    expect(r.rendered).toBe(0);
    expect(hashes(join(dir, 'out'))).toEqual(built);
    // written in place: the cache entry may be the same file (a hard link), so it no longer matches
    // its SHA-256 and the description is rendered again, to the same bytes
    writeFileSync(join(dir, 'out/teine.html'), 'edited');
    const again = await build(dir);
    expect(again.rendered).toBeLessThanOrEqual(1);
    expect(again.failures).toEqual([]);
    expect(hashes(join(dir, 'out'))).toEqual(built);
  });

  it('stores outputs as hard links to the written files, not second copies, and keeps one index', async () => {
    const dir = repo();
    await build(dir);
    const files = cacheFiles(join(dir, 'out'));
    const entries = files.filter((f) => !f.endsWith('.json'));
    expect(entries).toHaveLength(6); // two valid descriptions × three formats
    for (const f of entries) expect(statSync(f).nlink).toBe(2);
    expect(
      files
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.split('/').pop())
        .sort(),
    ).toEqual(['index.json', 'state.json']);
  });

  it('the summary line says how many were rendered and how many came from the cache', () => {
    const dir = repo();
    expect(cli(['build', 'docs', '-o', 'out', '--lang', 'en', '-q'], dir).stderr).toMatch(
      /Built 2 descriptions \(6 files\), 1 failed, in [\d.]+ s \(2 rendered, 0 cached\)\./,
    );
    const again = cli(['build', 'docs', '-o', 'out', '--lang', 'en', '-q'], dir);
    expect(again.stderr).toMatch(/\(0 rendered, 2 cached\)\./);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^docs\/vigane\.md:14:14: error .*C7.* \[language-level\]$/m);
  });
});

describe('build cache size', () => {
  it('drops the entries unused the longest, with their files, beyond its bound', async () => {
    const { BuildCache } = await import('../src/build/cache.js');
    const dir = tempTree({});
    const cacheDir = join(dir, 'cache');
    const meta = { ok: true, id: 'x', sourcePath: 'x.md', diagnostics: [] };
    const key = (run: number, i: number): string => `${run}`.padStart(4, '0') + `${i}`.padStart(60, '0');
    // an output key: also 64 hex digits (the cache takes no other key)
    const okey = (run: number, i: number): string => `f${key(run, i).slice(1)}`;
    // eight builds, each storing four new compile results and four outputs and using one old one:
    // the bound is then max(20, 4 × 9 entries used by the build) = 36
    for (let run = 1; run <= 8; run++) {
      const cache = new BuildCache(cacheDir, { maxEntries: 20 });
      for (let i = 0; i < 4; i++) {
        cache.putMeta(key(run, i), meta);
        cache.putOutput(okey(run, i), Buffer.from(`output ${run} ${i}`));
      }
      // the first build's first entry is used again by every build
      cache.getMeta(key(1, 0));
      cache.save();
    }
    const cache = new BuildCache(cacheDir, { maxEntries: 20 });
    expect(cache.getMeta(key(1, 0))).toEqual(meta); // used every time: kept
    expect(cache.getMeta(key(1, 1))).toBeUndefined(); // unused since the first build: dropped
    expect(cache.getOutput(okey(1, 1))).toBeUndefined();
    expect(cache.getMeta(key(8, 3))).toEqual(meta);
    expect(Buffer.from(cache.getOutput(okey(8, 3))!).toString()).toBe('output 8 3');
    const index = JSON.parse(readFileSync(join(cacheDir, 'index.json'), 'utf8')) as {
      compiled: object;
      outputs: object;
    };
    expect(Object.keys(index.compiled).length + Object.keys(index.outputs).length).toBe(36);
    // the dropped outputs' files are gone too: one file per output still listed
    const stored = readdirSync(join(cacheDir, 'o'), { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    expect(stored.length).toBe(Object.keys(index.outputs).length);
  });
});
