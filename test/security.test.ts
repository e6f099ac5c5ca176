/**
 * Review findings on what a build may read and write: a config above the git work tree is not
 * used, writes never follow a symbolic link out of the output folder or the cache, cache files are
 * read like any untrusted input (no FIFO hang, no unbounded lists), `..name` is a name inside, stale
 * temporary files are removed only where the build writes, and a damaged cache hit re-rendered from
 * a source edited meanwhile is not cached under the old key. Every hostile input is made here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPaths } from '../src/build/build.js';
import { buildRoster } from '../src/build/roster-build.js';
import { cacheDirFor, MAX_CACHED_DIAGNOSTICS } from '../src/build/cache.js';
import { isInside, shownPath } from '../src/fs/root.js';
import { FolderNotWritable, removeStaleTempFiles, writeFileAtomic } from '../src/fs/write.js';
import { allText, cliUnblocked, EXAMPLES, printed, ROOT, tempTree } from './cli.js';
import { dropSection } from './helpers.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const CONFIG = 'organisation: Sotsiaalkindlustusamet\nlang: et\ncompetencies: competencies.yaml\n';

/** The reference without its "Töövahendid" section, so a configured default fills it. */
const withoutTools = dropSection(reference, 'Töövahendid');

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = tempTree(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const run = cliUnblocked;

describe('a config above the git work tree is not used', () => {
  const SECRET = '- SECRET-MARKER-8812\n';
  const layout = (git: boolean): string => {
    const outer = tree({
      'ametijuhend.config.yaml': `${CONFIG}defaults:\n  tools: secret.txt\n`,
      'competencies.yaml': catalogue,
      'secret.txt': SECRET,
      'repo/docs/ekspert.md': withoutTools,
    });
    if (git) mkdirSync(join(outer, 'repo', '.git'));
    return join(outer, 'repo');
  };

  it('without a work tree the lookup goes on upwards (the control: the default fills the section)', () => {
    const repo = layout(false);
    const r = run(['build', 'docs', '--format', 'html'], repo);
    expect(r.code, printed(r)).toBe(0);
    expect(allText(join(repo, 'dist'))).toContain('SECRET-MARKER-8812');
  });

  it('inside a work tree, the outer config and the file it names are never read', () => {
    const repo = layout(true);
    const build = run(['build', 'docs', '--format', 'html', '--lang', 'en'], repo);
    const check = run(['check', 'docs', '--format', 'json'], repo);
    expect(allText(join(repo, 'dist'))).not.toContain('SECRET-MARKER-8812');
    expect(printed(build) + printed(check)).not.toContain('SECRET-MARKER-8812');
    // nor is the outer config named (it is not this repository's)
    expect(printed(build) + printed(check)).not.toContain('secret.txt');
    expect(printed(build) + printed(check)).not.toContain(join(repo, '..', 'ametijuhend.config.yaml'));
    expect(printed(build) + printed(check)).not.toContain('../ametijuhend.config.yaml');
  });
});

describe('writes never follow a symbolic link out of the output folder or the cache', () => {
  const project = (): string =>
    tree({
      'docs/ametijuhend.config.yaml': CONFIG,
      'docs/competencies.yaml': catalogue,
      'docs/ekspert-kriisiabi.md': reference,
      'docs/sub/teine.md': reference.replace('title: Ekspert', 'id: teine\ntitle: Teine ekspert'),
    });

  it('out/sub -> a folder outside: refused, naming the link in both languages; nothing written there', async () => {
    const dir = project();
    const outside = tree({});
    mkdirSync(join(dir, 'out'));
    symlinkSync(outside, join(dir, 'out', 'sub'));
    const r = await buildPaths(['docs'], { formats: ['html'], outDir: 'out', cwd: dir, jobs: 1, env: {} });
    expect(readdirSync(outside)).toEqual([]);
    expect(r.failures).toEqual([
      expect.objectContaining({
        message:
          `refusing to write to out/sub: out/sub is a symbolic link to ${outside}, outside out / ` +
          `kausta out/sub ei kirjutata: out/sub on nimeviide kohta ${outside}, väljaspool kausta out`,
      }),
    ]);
    // the description beside it is built
    expect(existsSync(join(dir, 'out', 'ekspert-kriisiabi.html'))).toBe(true);
  });

  it('a roster build: out/sub -> a folder outside is refused per row; the row beside it is built', async () => {
    const dir = project();
    writeFileSync(join(dir, 'roster.csv'), 'id,employee\nteine,Mari Maasikas\nekspert-kriisiabi,Jüri Tamm\n');
    const outside = tree({});
    mkdirSync(join(dir, 'out'));
    symlinkSync(outside, join(dir, 'out', 'sub'));
    const r = await buildRoster(['docs'], {
      formats: ['html'],
      outDir: 'out',
      cwd: dir,
      roster: 'roster.csv',
      env: {},
    });
    expect(readdirSync(outside)).toEqual([]);
    expect(r.failures.map((f) => f.message).join('\n')).toContain(
      `refusing to write to out/sub: out/sub is a symbolic link to ${outside}, outside out`,
    );
    expect(existsSync(join(dir, 'out', 'ekspert-kriisiabi-juri-tamm.html'))).toBe(true);
  });

  it('a link further down, and one to a folder inside, are told apart', () => {
    const root = tree({});
    const outside = tree({});
    mkdirSync(join(root, 'in'));
    symlinkSync(join(root, 'in'), join(root, 'ok'));
    symlinkSync(outside, join(root, 'ok2'));
    const data = new TextEncoder().encode('x');
    writeFileAtomic(join(root, 'ok', 'a', 'x.html'), data, root);
    expect(readFileSync(join(root, 'in', 'a', 'x.html'), 'utf8')).toBe('x');
    let caught: unknown;
    try {
      writeFileAtomic(join(root, 'ok2', 'a', 'b', 'x.html'), data, root);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FolderNotWritable);
    expect((caught as FolderNotWritable).describe(root)).toContain(`ok2 is a symbolic link to ${outside}`);
    // the folders below the link were not created outside either
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a symbolic link as .ametijuhend-cache is refused (exit 2), nothing read or written there', () => {
    const dir = project();
    const outside = tree({});
    symlinkSync(outside, join(dir, '.ametijuhend-cache'));
    const r = run(['build', 'docs', '--format', 'html', '-o', 'out'], dir);
    expect(r.code, printed(r)).toBe(2);
    expect(r.stderr).toContain('.ametijuhend-cache is a symbolic link to');
    expect(r.stderr).toContain('on nimeviide kohta');
    expect(readdirSync(outside)).toEqual([]);
    // without the link the same build works
    rmSync(join(dir, '.ametijuhend-cache'));
    expect(run(['build', 'docs', '--format', 'html', '-o', 'out'], dir).code).toBe(0);
  });

  it('a link inside the cache folder (its o/ folder) is not written through', async () => {
    const dir = project();
    const outside = tree({});
    const cache = cacheDirFor(dir, 'out');
    mkdirSync(cache, { recursive: true });
    symlinkSync(outside, join(cache, 'o'));
    const r = await buildPaths(['docs'], { formats: ['html'], outDir: 'out', cwd: dir, jobs: 1, env: {} });
    expect(r.failures).toEqual([]);
    expect(r.built).toBe(2);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('cache files are untrusted input', () => {
  const project = (): string =>
    tree({
      'ametijuhend.config.yaml': CONFIG,
      'competencies.yaml': catalogue,
      'ekspert-kriisiabi.md': reference,
    });

  it('a named pipe as index.json, state.json or a stored output is a miss, never a hang', () => {
    const dir = project();
    expect(run(['build', '.', '--format', 'html', '-o', 'out'], dir).code).toBe(0);
    const cache = cacheDirFor(dir, 'out');
    const sub = readdirSync(join(cache, 'o'))[0]!;
    const entry = join(cache, 'o', sub, readdirSync(join(cache, 'o', sub))[0]!);
    for (const f of [entry, join(cache, 'index.json')]) {
      rmSync(f);
      execFileSync('mkfifo', [f]);
    }
    rmSync(join(dir, 'out', 'ekspert-kriisiabi.html'));
    const r = run(['build', '.', '--format', 'html', '-o', 'out'], dir);
    expect(r.code, printed(r)).toBe(0);
    expect(existsSync(join(dir, 'out', 'ekspert-kriisiabi.html'))).toBe(true);
    rmSync(join(cache, 'state.json'));
    execFileSync('mkfifo', [join(cache, 'state.json')]);
    expect(run(['build', '.', '--format', 'html', '-o', 'out'], dir).code).toBe(0);
  });

  it('an entry with 200,000 cached diagnostics is damage: rendered again, no stack overflow', async () => {
    const dir = project();
    const build = () => buildPaths(['.'], { formats: ['html'], outDir: 'out', cwd: dir, jobs: 1, env: {} });
    const first = await build();
    expect(first.built).toBe(1);
    const indexPath = join(cacheDirFor(dir, 'out'), 'index.json');
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as {
      compiled: Record<string, { diagnostics: unknown[] }>;
    };
    const many = 200_000;
    expect(many).toBeGreaterThan(MAX_CACHED_DIAGNOSTICS);
    for (const meta of Object.values(index.compiled)) {
      meta.diagnostics = Array.from({ length: many }, (_, i) => ({
        file: 'ekspert-kriisiabi.md',
        line: i + 1,
        column: 1,
        endLine: i + 1,
        endColumn: 2,
        severity: 'warning',
        rule: 'fake-rule',
        message: `fake ${i}`,
      }));
    }
    writeFileSync(indexPath, JSON.stringify(index));
    const second = await build();
    expect(second.built).toBe(1);
    expect(second.rendered).toBe(1);
    expect(second.diagnostics.filter((d) => d.rule === 'fake-rule')).toEqual([]);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });
});

describe('isInside', () => {
  it('a name starting with ".." is inside; "..", "../x" and a sibling with the same prefix are not', () => {
    expect(isInside('/repo/..shared/c.yaml', '/repo')).toBe(true);
    expect(isInside('/repo/..', '/repo')).toBe(false);
    expect(isInside('/repo/../x', '/repo')).toBe(false);
    expect(isInside('/repository', '/repo')).toBe(false);
    expect(isInside('/repo', '/repo')).toBe(true);
  });

  it('messages show a path inside the working folder relative to it (".." names too), others as given', () => {
    expect(shownPath('/repo/docs/a.md', '/repo')).toBe('docs/a.md');
    expect(shownPath('/repo/..shared/c.yaml', '/repo')).toBe('..shared/c.yaml');
    expect(shownPath('/elsewhere/a.md', '/repo')).toBe('/elsewhere/a.md');
    expect(shownPath('/repo', '/repo')).toBe('/repo');
  });

  it('competencies: ..shared/competencies.yaml inside the repository is read, not "outside"', () => {
    const dir = tree({
      'ametijuhend.config.yaml': 'organisation: X\ncompetencies: ..shared/competencies.yaml\n',
      '..shared/competencies.yaml': catalogue,
      'ekspert-kriisiabi.md': reference,
    });
    const r = run(['check', '.', '--format', 'json', '--lang', 'en'], dir);
    expect(r.stdout).not.toContain('outside the repository');
    expect(r.code, r.stdout).toBe(0);
  });
});

describe('stale temporary files are removed only where the build writes', () => {
  it('-o at a folder with other content: its unrelated subfolders are not walked', async () => {
    const dir = tree({
      'docs/ametijuhend.config.yaml': CONFIG,
      'docs/competencies.yaml': catalogue,
      'docs/ekspert-kriisiabi.md': reference,
    });
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const home = join(dir, 'home');
    const unrelated = join(home, 'Documents', `.report.html.${dead}.0123abcd.tmp`);
    const ours = join(home, `.ekspert-kriisiabi.html.${dead}.0123abcd.tmp`);
    mkdirSync(join(home, 'Documents'), { recursive: true });
    writeFileSync(unrelated, 'keep me');
    writeFileSync(ours, '');
    const r = await buildPaths(['docs'], { formats: ['html'], outDir: 'home', cwd: dir, jobs: 1, env: {} });
    expect(r.built).toBe(1);
    expect(existsSync(ours)).toBe(false);
    expect(readFileSync(unrelated, 'utf8')).toBe('keep me');
    // called on a folder without `recursive`, no subfolder is entered
    writeFileSync(ours, '');
    expect(removeStaleTempFiles(home)).toEqual([ours]);
    expect(existsSync(unrelated)).toBe(true);
  });
});

describe('a damaged cache hit re-rendered from a source edited meanwhile', () => {
  it('is not cached under the key of the earlier bytes', async () => {
    const dir = tree({
      'ametijuhend.config.yaml': CONFIG,
      'competencies.yaml': catalogue,
      'ekspert-kriisiabi.md': reference,
    });
    const source = join(dir, 'ekspert-kriisiabi.md');
    const output = join(dir, 'out', 'ekspert-kriisiabi.html');
    const edited = reference.replace('title: Ekspert', 'title: EDITED-MARKER Ekspert');
    expect(edited).not.toBe(reference);
    const build = (onStart?: () => void) =>
      buildPaths(['.'], {
        formats: ['html'],
        outDir: 'out',
        cwd: dir,
        jobs: 1,
        env: {},
        onProgress: (e) => {
          if (e.type === 'start') onStart?.();
        },
      });
    await build();
    const cache = cacheDirFor(dir, 'out');
    // the stored output vanishes, and the output file with it: the next build's hit must re-render
    const wipe = (): void => {
      const sub = readdirSync(join(cache, 'o'))[0]!;
      rmSync(join(cache, 'o', sub), { recursive: true });
      rmSync(output);
    };
    wipe();
    // planned as a hit on the original bytes; the source changes before the re-render reads it
    const second = await build(() => writeFileSync(source, edited));
    expect(second.built).toBe(1);
    expect(readFileSync(output, 'utf8')).toContain('EDITED-MARKER');
    // back to the original: its outputs must be the original's, not the edit cached under its key
    writeFileSync(source, reference);
    rmSync(output);
    const third = await build();
    expect(third.built).toBe(1);
    expect(readFileSync(output, 'utf8')).not.toContain('EDITED-MARKER');
  });
});

describe("the cache's link-then-rename temporary file", () => {
  it('is removed on SIGTERM like every temporary file (trackTemp registers it)', () => {
    const dir = tree({});
    const tmp = join(dir, `${'a'.repeat(64)}.${process.pid}.0123abcd.tmp`);
    writeFileSync(tmp, '');
    const write = join(ROOT, 'dist', 'fs', 'write.js');
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { trackTemp } = await import(${JSON.stringify(write)});` +
          `trackTemp(${JSON.stringify(tmp)}); process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 30000);`,
      ],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(r.status, r.stderr).toBe(143);
    expect(existsSync(tmp)).toBe(false);
  });
});
