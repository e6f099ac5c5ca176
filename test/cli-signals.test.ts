/**
 * A user can always stop a build: Ctrl+C (SIGINT) and SIGTERM end `build` (also `build --roster`)
 * at once even while a long render runs (renders run in a worker thread, so the main thread is free
 * to act on the signal), and also before anything is written, with exit status 130 / 143, no
 * temporary files and no half-written outputs. And `--jobs` is capped at the core count, with a
 * notice.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPaths } from '../src/build/build.js';
import { BIN, cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const CONFIG = 'organisation: Sotsiaalkindlustusamet\nlang: et\ncompetencies: competencies.yaml\n';

/** Every file under a folder (hidden ones too), relative. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/**
 * A folder with a small description (a.md, built first) and eight that take seconds each to render
 * (b1.md…b8.md: 9,900 paragraphs of 15 words, under the 1 MiB source limit and the markdown-limit
 * rule's 10,000 paragraphs), so the build of b1…b8 takes far longer than the test waits.
 */
/** A description that takes seconds to render: 9,900 paragraphs of 15 words (see project). */
function slowDescription(): string {
  const slow = reference.replace(
    'Ametijuhend vaadatakse',
    `${`${'tekst '.repeat(15)}\n\n`.repeat(9_900)}Ametijuhend vaadatakse`,
  );
  expect(Buffer.byteLength(slow)).toBeLessThan(1024 * 1024);
  return slow;
}

function project(): string {
  const slow = slowDescription();
  const files: Record<string, string> = {
    'ametijuhend.config.yaml': CONFIG,
    'competencies.yaml': catalogue,
    'docs/a.md': reference.replace('title: Ekspert', 'id: a\ntitle: Ekspert'),
  };
  for (let i = 1; i <= 8; i++)
    files[`docs/b${i}.md`] = slow.replace('title: Ekspert', `id: b${i}\ntitle: Ekspert`);
  return tempTree(files);
}

describe.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('%s during a long render', (signal, status) => {
  it(`stops the build at once with status ${status}, leaving whole outputs only`, async () => {
    const dir = project();
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'build', 'docs', '-o', 'out', '--jobs', '1'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    try {
      // the small description is written first (its three files), then b renders
      const end = Date.now() + 45_000;
      while (!existsSync(join(out, 'a.docx'))) {
        if (Date.now() > end) throw new Error(`a was never built\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300)); // b is rendering now
      child.kill(signal);
      // rendering b1…b8 takes far longer than this (about 20 s on this machine): only a build that
      // acts on the signal during the render exits in time
      const result = await Promise.race([
        exited,
        new Promise<'hung'>((r) => setTimeout(() => r('hung'), 8_000)),
      ]);
      expect(result, stderr).toEqual({ code: status, signal: null });
    } finally {
      child.kill('SIGKILL');
    }
    expect(files(out).filter((f) => !f.startsWith('.ametijuhend-cache'))).toEqual([
      'a.docx',
      'a.html',
      'a.pdf',
    ]);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // the outputs that exist are whole
    expect(readFileSync(join(out, 'a.pdf'), 'latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(readFileSync(join(out, 'a.html'), 'utf8').trimEnd().endsWith('</html>')).toBe(true);
  }, 90_000);
});

/**
 * A roster: a small description's row first (its three files), then sixteen rows of one description
 * that takes seconds to render (the markdown-limit rule bounds one description, so the rows make
 * the build long).
 */
function rosterProject(): string {
  const rows = ['id,employee', 'a,Ants Aas'];
  for (const c of 'abcdefghijklmnop') rows.push(`slow,Töötaja ${c}`);
  return tempTree({
    'ametijuhend.config.yaml': CONFIG,
    'competencies.yaml': catalogue,
    'docs/a.md': reference.replace('title: Ekspert', 'id: a\ntitle: Ekspert'),
    'docs/slow.md': slowDescription().replace('title: Ekspert', 'id: slow\ntitle: Ekspert'),
    'roster.csv': rows.join('\n') + '\n',
    // the slow rows only: nothing is written for seconds
    'slow.csv': [rows[0], ...rows.slice(2)].join('\n') + '\n',
  });
}

/** Starts the CLI in `dir`; `exited` settles with its exit code or signal. */
function start(dir: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  const waitFor = async (done: () => boolean, what: string): Promise<void> => {
    const end = Date.now() + 45_000;
    while (!done()) {
      if (Date.now() > end) throw new Error(`${what}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  // far less than the rest of the build takes: only a build that acts on the signal exits in time
  const stopped = () =>
    Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 8_000))]);
  return { child, stderr: () => stderr, waitFor, stopped };
}

describe.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('%s during a long roster render', (signal, status) => {
  it(`stops build --roster at once with status ${status}, leaving whole outputs only`, async () => {
    const dir = rosterProject();
    const out = join(dir, 'out');
    const run = start(dir, ['build', 'docs', '--roster', 'roster.csv', '-o', 'out', '--jobs', '1']);
    try {
      await run.waitFor(() => existsSync(join(out, 'a-ants-aas.docx')), 'the first row was never built');
      await new Promise((r) => setTimeout(r, 300)); // a slow row is rendering now
      run.child.kill(signal);
      // the sixteen slow rows take far longer than the wait (over 15 s on this machine)
      expect(await run.stopped(), run.stderr()).toEqual({ code: status, signal: null });
    } finally {
      run.child.kill('SIGKILL');
    }
    expect(files(out)).toEqual(['a-ants-aas.docx', 'a-ants-aas.html', 'a-ants-aas.pdf']);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(out, 'a-ants-aas.pdf'), 'latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(readFileSync(join(out, 'a-ants-aas.html'), 'utf8').trimEnd().endsWith('</html>')).toBe(true);
  }, 90_000);
});

describe.each([
  ['build', ['build', 'docs/slow.md', '-o', 'out', '--jobs', '1']],
  ['build --roster', ['build', 'docs', '--roster', 'slow.csv', '-o', 'out', '--jobs', '1']],
] as const)('SIGTERM before anything is written (%s)', (_, args) => {
  it('exits 143 instead of being killed, and writes nothing', async () => {
    const dir = rosterProject();
    const out = join(dir, 'out');
    // a temporary file of a process that cannot exist: the build removes it before rendering, which
    // shows it has started (the slow description takes seconds more to render)
    const stale = join(out, '.slow.html.999999999.0123abcd.tmp');
    mkdirSync(out, { recursive: true });
    writeFileSync(stale, 'x');
    const run = start(dir, [...args]);
    try {
      await run.waitFor(() => !existsSync(stale), 'the build never started');
      run.child.kill('SIGTERM');
      expect(await run.stopped(), run.stderr()).toEqual({ code: 143, signal: null });
    } finally {
      run.child.kill('SIGKILL');
    }
    expect(files(out).filter((f) => !f.startsWith('.ametijuhend-cache'))).toEqual([]);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 90_000);
});

describe('--jobs', () => {
  it('is capped at the core count, with a notice', () => {
    const cores = availableParallelism();
    const dir = tempTree({
      'ametijuhend.config.yaml': CONFIG,
      'competencies.yaml': catalogue,
      'docs/a.md': reference,
    });
    const asked = cores + 62;
    const et = cli(['build', 'docs', '-o', 'out', '--format', 'html', '--jobs', String(asked)], dir);
    expect(et.code, et.stderr).toBe(0);
    expect(et.stderr).toContain(
      `--jobs ${asked} on rohkem kui protsessorituumi (${cores}): kasutan ${cores} lõime`,
    );
    const en = cli(
      ['build', 'docs', '-o', 'out2', '--format', 'html', '--jobs', String(asked), '--lang', 'en'],
      dir,
    );
    expect(en.stderr).toContain(`--jobs ${asked} is more than the cores (${cores}): using ${cores} threads`);
    // within the cap: no notice
    const fine = cli(['build', 'docs', '-o', 'out3', '--format', 'html', '--jobs', String(cores)], dir);
    expect(fine.code).toBe(0);
    expect(fine.stderr).not.toContain('--jobs');
  });
});

describe('buildPaths', () => {
  it('never starts more workers than cores, and isolates a small batch in one worker', async () => {
    const dir = tempTree({
      'ametijuhend.config.yaml': CONFIG,
      'competencies.yaml': catalogue,
      'docs/a.md': reference.replace('title: Ekspert', 'id: a\ntitle: Ekspert'),
      'docs/b.md': reference.replace('title: Ekspert', 'id: b\ntitle: Ekspert'),
    });
    const common = { formats: ['html'] as const, cwd: dir, noCache: true, env: {} };
    const many = await buildPaths(['docs'], { ...common, outDir: 'o1', jobs: 64, poolThreshold: 1 });
    expect(many.workers).toBe(availableParallelism());
    const isolated = await buildPaths(['docs'], { ...common, outDir: 'o2', jobs: 1, isolate: true });
    expect(isolated.workers).toBe(1);
    const main = await buildPaths(['docs'], { ...common, outDir: 'o3', jobs: 1 });
    expect(main.workers).toBe(0);
    for (const r of [many, isolated, main]) expect(r.built).toBe(2);
  });
});
