/**
 * Everything read from the cache is untrusted input: a damaged index or state (ids with `../`,
 * absolute paths, wrong sizes or hashes, truncated JSON) is a miss, the description is rendered
 * again, nothing is written outside the output folder, and the summary counts the files written.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPaths } from '../src/build/build.js';
import { BuildCache, cacheDirFor, isMeta } from '../src/build/cache.js';
import { EXAMPLES, hashes, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

interface Index {
  layout: string;
  compiled: Record<string, { id?: string; ok: boolean; sourcePath: string; diagnostics: unknown[] }>;
  outputs: Record<string, string>;
}
interface State {
  layout: string;
  targets: Record<string, { key: string; size: number; mtimeMs: number }>;
}

function repo(): string {
  return tempTree({
    'docs/ametijuhend.config.yaml': config,
    'docs/competencies.yaml': catalogue,
    'docs/ekspert-kriisiabi.md': reference,
    'docs/teine.md': reference.replace('title: Ekspert', 'id: teine\ntitle: Teine ekspert'),
  });
}

const build = (dir: string) =>
  buildPaths(['docs'], { formats: ['pdf', 'html', 'docx'], outDir: 'out', cwd: dir, jobs: 1, env: {} });
const cacheDir = (dir: string): string => cacheDirFor(dir, 'out');
const readJson = <T>(dir: string, name: string): T =>
  JSON.parse(readFileSync(join(cacheDir(dir), name), 'utf8')) as T;
const writeJson = (dir: string, name: string, value: unknown): void =>
  writeFileSync(join(cacheDir(dir), name), JSON.stringify(value));

/** Builds, damages the cache, builds again: the outputs are the first build's, and only those. */
async function damaged(damage: (dir: string) => void) {
  const dir = repo();
  const first = await build(dir);
  expect(first.outputs).toHaveLength(6);
  const built = hashes(join(dir, 'out'));
  damage(dir);
  const r = await build(dir);
  expect(r.failures).toEqual([]);
  expect(hashes(join(dir, 'out'))).toEqual(built);
  expect(r.outputs).toEqual(first.outputs); // the summary counts these: 6 files, all in out/
  expect(readdirSync(dir).sort()).toEqual(['.ametijuhend-cache', 'docs', 'out']);
  return { dir, r };
}

describe('a damaged cache', () => {
  it('a cached id with ../ is a miss: rendered again, nothing written outside the output folder', async () => {
    const escaped = `escaped-${process.pid}-${Date.now()}`;
    const { dir, r } = await damaged((dir) => {
      const index = readJson<Index>(dir, 'index.json');
      for (const meta of Object.values(index.compiled)) meta.id = `../../${escaped}`;
      writeJson(dir, 'index.json', index);
    });
    expect(r.rendered).toBe(2);
    for (const ext of ['pdf', 'html', 'docx']) {
      expect(existsSync(join(dirname(dir), `${escaped}.${ext}`))).toBe(false);
      expect(existsSync(join(dir, `${escaped}.${ext}`))).toBe(false);
    }
    // the damaged entries are gone from the index
    const ids = Object.values(readJson<Index>(dir, 'index.json').compiled).map((m) => m.id);
    expect(ids.sort()).toEqual(['ekspert-kriisiabi', 'teine']);
  });

  it('a cached id that is an absolute path is a miss', async () => {
    const target = join(tmpdir(), `ametijuhend-escape-${process.pid}`);
    const { r } = await damaged((dir) => {
      const index = readJson<Index>(dir, 'index.json');
      for (const meta of Object.values(index.compiled)) meta.id = target;
      writeJson(dir, 'index.json', index);
    });
    expect(r.rendered).toBe(2);
    for (const ext of ['pdf', 'html', 'docx']) expect(existsSync(`${target}.${ext}`)).toBe(false);
  });

  it('a wrong, negative or non-numeric size in the state rewrites the outputs from the cache', async () => {
    const { r } = await damaged((dir) => {
      const state = readJson<State>(dir, 'state.json');
      const sizes: unknown[] = [1, -5, 'big', null, 1e300, 0.5];
      Object.values(state.targets).forEach((t, i) => ((t as { size: unknown }).size = sizes[i]));
      writeJson(dir, 'state.json', state);
    });
    expect([r.rendered, r.cached]).toEqual([0, 2]);
  });

  it('a wrong hash in the index renders the description again', async () => {
    const { r } = await damaged((dir) => {
      const index = readJson<Index>(dir, 'index.json');
      for (const k of Object.keys(index.outputs)) index.outputs[k] = 'a'.repeat(64);
      writeJson(dir, 'index.json', index);
    });
    expect([r.rendered, r.cached]).toEqual([2, 0]);
  });

  it('a truncated index or state is a cold cache', async () => {
    const { r } = await damaged((dir) => {
      for (const name of ['index.json', 'state.json']) {
        const text = readFileSync(join(cacheDir(dir), name), 'utf8');
        writeFileSync(join(cacheDir(dir), name), text.slice(0, text.length >> 1));
      }
    });
    expect([r.rendered, r.cached]).toEqual([2, 0]);
  });

  it('diagnostics with bad fields or extra fields, and bad keys, are dropped as they are loaded', async () => {
    const { dir, r } = await damaged((dir) => {
      const index = readJson<Index>(dir, 'index.json');
      const [a, b] = Object.values(index.compiled);
      a!.diagnostics = [
        {
          file: 'x',
          line: 0,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
          rule: 'r',
          message: 'm',
        },
      ];
      b!.diagnostics = [
        {
          file: 'x',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
          rule: 'r',
          message: 'm',
          path: '/etc',
        },
      ];
      index.compiled['../../victim'] = { ok: false, sourcePath: 'x.md', diagnostics: [] };
      index.outputs['../../victim'] = 'b'.repeat(64);
      writeJson(dir, 'index.json', index);
    });
    expect(r.rendered).toBe(2);
    expect(r.diagnostics).toEqual([]);
    const index = readJson<Index>(dir, 'index.json');
    expect(Object.keys(index.compiled).every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
    expect(Object.keys(index.outputs).every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
  });

  it('an output edited in place with its size and mtime kept is caught by its SHA-256 and rebuilt', async () => {
    const { dir, r } = await damaged((dir) => {
      const path = join(dir, 'out', 'teine.html');
      const text = readFileSync(path, 'utf8');
      const edited = text.replace('Teine ekspert', 'Teine EKSPERT');
      expect(edited).not.toBe(text);
      writeFileSync(path, edited); // in place: the cache entry (a hard link) is edited too
      // the mtime put back: to a whole second (utimes cannot restore sub-millisecond times), and the
      // state says that is the time it was written, as if nothing had touched it
      utimesSync(path, 1_700_000_000, 1_700_000_000);
      const st = statSync(path);
      const state = readJson<State>(dir, 'state.json');
      const recorded = state.targets[path]!;
      expect(st.size).toBe(recorded.size);
      recorded.mtimeMs = st.mtimeMs;
      writeJson(dir, 'state.json', state);
    });
    expect([r.rendered, r.cached]).toEqual([1, 1]);
    expect(readFileSync(join(dir, 'out', 'teine.html'), 'utf8')).not.toContain('Teine EKSPERT');
  });
});

describe('the record of outputs written (state.json produced)', () => {
  it('moves nothing it names outside the out-dir, in a hidden folder, of another name or other bytes', async () => {
    const dir = repo();
    await build(dir);
    const victims = {
      outside: join(dirname(dir), `victim-${process.pid}.pdf`),
      source: join(dir, 'docs', 'teine.md'),
      hidden: join(dir, 'out', '.mine', 'x.pdf'),
      named: join(dir, 'out', 'Notes.pdf'),
      edited: join(dir, 'out', 'oma.pdf'),
    };
    const state = readJson<State & { produced: Record<string, unknown> }>(dir, 'state.json');
    for (const [what, path] of Object.entries(victims)) {
      mkdirSync(dirname(path), { recursive: true });
      if (what !== 'source') writeFileSync(path, what);
      const bytes = readFileSync(path);
      const digest = createHash('sha256').update(bytes).digest('hex');
      // its description gone: each would be moved aside, were it an output this tool wrote
      const record = { source: join(dir, 'gone.md'), digest, size: bytes.length };
      state.produced[path] = what === 'edited' ? { ...record, digest: 'c'.repeat(64) } : record;
    }
    state.produced[join(dir, 'out', 'extra.pdf')] = {
      source: 'x',
      digest: 'd'.repeat(64),
      size: 1,
      path: '/',
    };
    writeJson(dir, 'state.json', state);
    const files = (): Record<string, string> =>
      Object.fromEntries(Object.entries(hashes(dir)).filter(([f]) => !f.startsWith('.ametijuhend-cache')));
    const before = files();
    const r = await build(dir);
    expect(r.stale).toEqual([]);
    expect(r.failures).toEqual([]);
    expect(existsSync(victims.outside)).toBe(true);
    expect(files()).toEqual(before);
    const produced = readJson<{ produced: Record<string, unknown> }>(dir, 'state.json').produced;
    expect(Object.keys(produced).sort()).toEqual(r.outputs.slice().sort());
    rmSync(victims.outside);
  });
});

describe('BuildCache', () => {
  it('refuses a key that is not 64 hex digits (it would become a path)', () => {
    const cache = new BuildCache(join(tempTree({}), 'c'));
    expect(() => cache.putOutput('../../x', Buffer.from('x'))).toThrow(/not a cache key/);
    expect(cache.getOutput('../../x')).toBeUndefined();
  });
});

describe('cached diagnostics', () => {
  const base = {
    file: 'docs/x.md',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'warning',
    rule: 'pdf-glyph',
    message: 'and 70 more',
  };
  const meta = (d: unknown) => ({ id: 'x', ok: true, sourcePath: 'docs/x.md', diagnostics: [d] });
  it('keep the count of a capped rule (omitted), and refuse a bad count', () => {
    expect(isMeta(meta({ ...base, omitted: 70 }))).toBe(true);
    expect(isMeta(meta(base))).toBe(true);
    for (const omitted of [0, -1, 1.5, '70', null]) expect(isMeta(meta({ ...base, omitted }))).toBe(false);
  });
});
