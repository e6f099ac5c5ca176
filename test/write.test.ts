/**
 * Safe output: temporary files a killed build left behind are removed by the next build (only ours,
 * only of dead processes or very old), and a folder that cannot be written is named in the message.
 * A folder a write made is remembered, but a folder removed or swapped for a link since is not trusted.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPaths } from '../src/build/build.js';
import { cacheDirFor } from '../src/build/cache.js';
import {
  FolderNotWritable,
  LinkOutside,
  removeStaleTempFiles,
  tempSuffix,
  writeFileAtomic,
} from '../src/fs/write.js';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const repo = (extra: Record<string, string> = {}): string =>
  tempTree({
    'docs/ametijuhend.config.yaml': config,
    'docs/competencies.yaml': catalogue,
    'docs/ekspert-kriisiabi.md': reference,
    'docs/sub/teine.md': reference.replace('title: Ekspert', 'id: teine\ntitle: Teine ekspert'),
    ...extra,
  });

/** The PID of a process that has exited (a child that ran and was reaped). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;
// a live process other than this one
const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
afterAll(() => {
  sleeper.kill();
});

describe('stale temporary files', () => {
  it('the next build removes those of dead processes (and very old ones), and nothing else', async () => {
    const dir = repo();
    const build = () =>
      buildPaths(['docs'], { formats: ['html'], outDir: 'out', cwd: dir, jobs: 1, env: {} });
    await build();
    const dead = deadPid();
    const live = sleeper.pid!;
    const out = join(dir, 'out');
    const cache = cacheDirFor(dir, 'out');
    const entry = readdirSync(join(cache, 'o'))[0]!;
    const key = readdirSync(join(cache, 'o', entry))[0]!;
    const stale = [
      join(out, `.ekspert-kriisiabi.html.${dead}.0123abcd.tmp`),
      join(out, 'sub', `.teine.html.${dead}.deadbeef.tmp`),
      join(cache, `.index.json.${dead}.00ff00ff.tmp`),
      join(cache, 'o', entry, `${key}.${dead}.a1b2c3d4.tmp`),
      join(out, `.old.html.${live}.11112222.tmp`), // live PID but seven hours old: a reused PID
    ];
    const kept = [
      join(out, `.ekspert-kriisiabi.html.${live}.0123abcd.tmp`), // a build still running
      join(out, `.ekspert-kriisiabi.html.${process.pid}.0123abcd.tmp`),
      join(out, `.notes.${dead}.tmp`), // not our pattern from here on
      join(out, `notes.html.${dead}.0123abcd.tmp`),
      join(out, `.x.html.${dead}.0123ABCD.tmp`),
      join(out, `.x.html.${dead}.0123abcd.tmp.bak`),
      join(out, `.x.html.0.0123abcd.tmp`),
      join(out, 'sub', `.teine.html.${dead}.0123abc.tmp`),
      // folders outputs never go to are not entered (an out-dir of "." does not walk them)
      join(out, 'node_modules', `.x.html.${dead}.0123abcd.tmp`),
      join(out, '.git', `.x.html.${dead}.0123abcd.tmp`),
    ];
    mkdirSync(join(out, 'node_modules'));
    mkdirSync(join(out, '.git'));
    for (const f of [...stale, ...kept]) writeFileSync(f, '');
    const hoursAgo = Date.now() / 1000 - 7 * 3600;
    utimesSync(stale[4]!, hoursAgo, hoursAgo);
    // a folder named like a temporary file is not removed
    mkdirSync(join(out, `.dir.html.${dead}.0123abcd.tmp`));
    await build();
    for (const f of stale) expect(existsSync(f), f).toBe(false);
    for (const f of kept) expect(existsSync(f), f).toBe(true);
    expect(existsSync(join(out, `.dir.html.${dead}.0123abcd.tmp`))).toBe(true);
    expect(existsSync(join(out, 'ekspert-kriisiabi.html'))).toBe(true);
  });

  it('a missing folder is nothing to clean', () => {
    expect(removeStaleTempFiles(join(tempTree({}), 'none'))).toEqual([]);
  });
});

describe('an output folder that cannot be written', () => {
  // As root, chmod does not stop writes; a path whose parent is a regular file cannot be created
  // by anyone, so the tests put the output folder under (or at) a file.
  it('a write names the folder and the file in the way, in both languages (not a temporary file)', () => {
    const dir = tempTree({ blocker: 'a file' });
    let caught: unknown;
    try {
      writeFileAtomic(join(dir, 'blocker', 'out', 'x.html'), new TextEncoder().encode('x'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FolderNotWritable);
    expect((caught as FolderNotWritable).describe(dir)).toBe(
      'cannot write to the folder blocker/out: blocker is a file, not a folder / kausta blocker/out ei saa kirjutada: blocker on fail, mitte kaust',
    );
    expect((caught as Error).message).not.toMatch(/\.tmp|lstat|ENOTDIR/);
    expect(readFileSync(join(dir, 'blocker'), 'utf8')).toBe('a file');
  });

  it('a build refuses it before any work, naming the folder', async () => {
    const dir = repo({ blocker: 'a file' });
    await expect(
      buildPaths(['docs'], { formats: ['html'], outDir: 'blocker/out', cwd: dir, jobs: 1, env: {} }),
    ).rejects.toThrow(/blocker/);
    expect(readFileSync(join(dir, 'blocker'), 'utf8')).toBe('a file');
  });

  it('through the CLI: the out-dir itself a file (usage error, exit 2, nothing written)', () => {
    const dir = repo({ out: 'a file' });
    const r = cli(['build', 'docs', '-o', 'out', '--format', 'html', '--lang', 'en', '-q'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the output folder out is a file, not a folder / väljundkaust out on fail, mitte kaust',
    );
    expect(r.stderr).not.toMatch(/\.tmp|lstat|ENOTDIR/);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('a file');
  });
});

describe('writes in a folder written to before (what a build remembers between its files)', () => {
  const data = new TextEncoder().encode('x');

  it('a folder removed since is made again', () => {
    const root = tempTree({});
    writeFileAtomic(join(root, 'a', 'b', 'one.html'), data, root);
    rmSync(join(root, 'a'), { recursive: true });
    writeFileAtomic(join(root, 'a', 'b', 'two.html'), data, root);
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['two.html']);
  });

  it('a folder swapped for a link leading out is refused, and nothing is written there', () => {
    const root = tempTree({});
    const outside = tempTree({});
    writeFileAtomic(join(root, 'a', 'one.html'), data, root);
    rmSync(join(root, 'a'), { recursive: true });
    symlinkSync(outside, join(root, 'a'));
    expect(() => writeFileAtomic(join(root, 'a', 'two.html'), data, root)).toThrow(LinkOutside);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a folder removed and its parent swapped for a link leading out is refused', () => {
    const root = tempTree({});
    const outside = tempTree({});
    writeFileAtomic(join(root, 'a', 'b', 'one.html'), data, root);
    rmSync(join(root, 'a'), { recursive: true });
    mkdirSync(join(outside, 'b'));
    symlinkSync(outside, join(root, 'a'));
    expect(() => writeFileAtomic(join(root, 'a', 'b', 'two.html'), data, root)).toThrow(LinkOutside);
    expect(readdirSync(join(outside, 'b'))).toEqual([]);
  });

  it('the root itself now a link: written where it leads, as to any root given as a link', () => {
    const parent = tempTree({});
    const first = join(parent, 'first');
    const second = join(parent, 'second');
    const root = join(parent, 'out');
    mkdirSync(first);
    mkdirSync(second);
    symlinkSync(first, root);
    writeFileAtomic(join(root, 'a', 'one.html'), data, root);
    rmSync(root);
    symlinkSync(second, root);
    writeFileAtomic(join(root, 'a', 'two.html'), data, root);
    expect(readdirSync(join(second, 'a'))).toEqual(['two.html']);
    expect(readdirSync(join(first, 'a'))).toEqual(['one.html']);
  });

  it('temporary names are unique and of the form the next build recognises', () => {
    const names = new Set<string>();
    for (let i = 0; i < 10_000; i++) names.add(tempSuffix());
    expect(names.size).toBe(10_000);
    for (const suffix of [...names].slice(0, 100))
      expect(suffix).toMatch(new RegExp(`^${process.pid}\\.[0-9a-f]{8}$`));
  });
});
