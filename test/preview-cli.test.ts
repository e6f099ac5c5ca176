/**
 * `ametijuhend preview` as a program: it prints its address, answers there, says when the port it
 * was given is taken and which one it uses, opens the browser with --open (a failure only warns),
 * and stops on SIGINT / SIGTERM with exit status 0, leaving no process and no listener behind.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './cli.js';
import { exampleFolder, get } from './preview-helpers.js';

interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the CLI and waits for the address it prints. */
function preview(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'preview', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no address printed: ${out} ${err}`));
    }, 30_000);
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, port: Number(m[2]), stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before printing its address: ${out} ${err}`));
    });
  });
}

const refuses = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(true));
  });

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('ametijuhend preview', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints its address, serves, and stops cleanly on %s (exit 0)',
    async (signal) => {
      const dir = exampleFolder();
      const run = await preview(['--port', '0', '--lang', 'en'], dir);
      expect(run.stdout()).toMatch(/^Preview: http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl\+C to stop\)\n$/);
      const page = await get(run.port, '/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Data Analyst');
      run.child.kill(signal);
      const { code } = await run.exited;
      expect(code).toBe(0);
      expect(run.stderr()).toContain('Preview stopped.');
      expect(alive(run.child.pid!)).toBe(false);
      expect(await refuses(run.port)).toBe(true);
    },
  );

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'after a PDF download (a build in the process) still stops cleanly on %s (exit 0)',
    async (signal) => {
      const run = await preview(['--port', '0', '--lang', 'en'], exampleFolder());
      const pdf = await get(run.port, '/d/data-analyst/pdf');
      expect(pdf.status).toBe(200);
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      run.child.kill(signal);
      const { code, signal: killedBy } = await run.exited;
      expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
      expect(run.stderr()).toContain('Preview stopped.');
      expect(await refuses(run.port)).toBe(true);
    },
    60_000,
  );

  it('a closed stderr and stdout (a pipe to `head`) are harmless: updates and the stop still exit 0', async () => {
    const dir = exampleFolder();
    const run = await preview(['--port', '0', '--lang', 'en'], dir);
    run.child.stdout!.destroy();
    run.child.stderr!.destroy();
    const file = join(dir, 'data-analyst.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Data Analyst', 'Data Analyst II'));
    await expect
      .poll(async () => (await get(run.port, '/')).text, { timeout: 10_000 })
      .toContain('Data Analyst II');
    // the update's line is written (and fails) after the page shows it
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill('SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });

  it('in a git repository: a link under the given folder to a file outside it is not served, and said why', async () => {
    const dir = exampleFolder();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(join(dir, 'sub'));
    symlinkSync('../data-analyst.md', join(dir, 'sub', 'link.md'));
    const run = await preview(['sub', '--port', '0', '--lang', 'en'], dir);
    try {
      const list = await get(run.port, '/');
      expect(list.text).not.toContain('href="/d/data-analyst"');
      expect(list.text).toContain('<code class="rule">skipped-path</code>');
      expect(list.text).toContain(
        'not shown: it is a link to data-analyst.md, which is outside the paths given to the preview',
      );
      expect((await get(run.port, '/d/data-analyst')).status).toBe(404);
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toEqual({ code: 0, signal: null });
    // the link named itself is served
    const named = await preview(['sub/link.md', '--port', '0', '--lang', 'en'], dir);
    try {
      expect((await get(named.port, '/d/data-analyst')).status).toBe(200);
    } finally {
      named.child.kill('SIGINT');
    }
    expect(await named.exited).toEqual({ code: 0, signal: null });
  });

  it('speaks the config’s language by default', async () => {
    const run = await preview(['--port', '0'], exampleFolder(), { LANG: 'en_US.UTF-8' });
    expect(run.stdout()).toContain('Eelvaade: http://127.0.0.1:');
    expect((await get(run.port, '/')).text).toContain('<html lang="et">');
    run.child.kill('SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });

  it('Ctrl-C the moment the address is printed still stops it cleanly (status 0, not the signal)', async () => {
    // the address used to be printed before the signal handlers were installed: a signal sent as
    // soon as it was read ended the process by the signal's default action (a flaky test, and a
    // script's `preview & wait for the URL; kill -INT` got status 130)
    const outcomes: { code: number | null; signal: NodeJS.Signals | null }[] = [];
    const dir = exampleFolder();
    for (let i = 0; i < 8; i++) {
      const child = spawn(process.execPath, [BIN, 'preview', '--port', '0', '--lang', 'en'], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let out = '';
      // signalled in the very callback that reads the address (the old order lost 3 runs in 4 so)
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (/http:\/\/127\.0\.0\.1:\d+\//.test(out)) child.kill('SIGINT');
      });
      outcomes.push(
        await new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
      );
    }
    expect(outcomes).toEqual(Array.from({ length: 8 }, () => ({ code: 0, signal: null })));
  });

  it('a taken port: says so and uses the next free one', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen({ port: 0, host: '127.0.0.1' }, r));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const run = await preview(['--port', String(taken), '--lang', 'en'], exampleFolder());
      expect(run.port).toBeGreaterThan(taken);
      expect(run.stderr()).toContain(`port ${taken} is taken, using port ${run.port}`);
      run.child.kill('SIGINT');
      expect(await run.exited).toEqual({ code: 0, signal: null });
    } finally {
      blocker.close();
    }
  });

  it('--open starts the browser with the address; a browser that fails only warns', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'bin-'));
    const log = join(bin, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > "${log}"\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const run = await preview(['--port', '0', '--open', '--lang', 'en'], exampleFolder(), {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    });
    await expect
      .poll(() => existsSync(log) && readFileSync(log, 'utf8'), { timeout: 10_000 })
      .toBe(`${run.url}\n`);
    run.child.kill('SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });

    const failing = mkdtempSync(join(tmpdir(), 'bin-'));
    writeFileSync(join(failing, 'xdg-open'), '#!/bin/sh\nexit 3\n');
    chmodSync(join(failing, 'xdg-open'), 0o755);
    const broken = await preview(['--port', '0', '--open', '--lang', 'en'], exampleFolder(), {
      PATH: `${failing}:${process.env.PATH ?? ''}`,
    });
    await expect
      .poll(() => broken.stderr(), { timeout: 10_000 })
      .toContain('warning: could not open the browser');
    expect((await get(broken.port, '/')).status).toBe(200);
    broken.child.kill('SIGINT');
    expect(await broken.exited).toEqual({ code: 0, signal: null });
  });

  it('a path that does not exist: a usage error, exit 2, nothing listening', async () => {
    const child = spawn(process.execPath, [BIN, 'preview', 'no-such', '--port', '0'], {
      cwd: exampleFolder(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(err).toContain('no such file or folder: no-such');
  });
});
