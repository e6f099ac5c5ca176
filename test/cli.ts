import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'ametijuhend.js');
export const EXAMPLES = join(ROOT, 'examples');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would, in `cwd`, without a terminal. */
export function cli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The real CLI, and every module its main thread loaded: ES modules as Node's loader hook reports
 * them, CommonJS ones (yaml, commander …, which do not pass that hook) from the require cache at
 * exit. The hook files live outside `cwd`.
 */
export function cliModules(args: string[], cwd: string): Run & { modules: string[] } {
  const hooks = mkdtempSync(join(tmpdir(), 'ametijuhend-hook-'));
  try {
    writeFileSync(
      join(hooks, 'hooks.mjs'),
      'export async function load(u, c, n) {\n' +
        '  if (u.startsWith("file:")) process.stderr.write(`LOADED ${u}\\n`);\n' +
        '  return n(u, c);\n}\n',
    );
    writeFileSync(
      join(hooks, 'register.mjs'),
      `import { createRequire, register } from 'node:module';\n` +
        `register(${JSON.stringify(pathToFileURL(join(hooks, 'hooks.mjs')).href)});\n` +
        `const cache = createRequire(import.meta.url).cache;\n` +
        `process.on('exit', () => { for (const f of Object.keys(cache)) process.stderr.write('LOADED ' + f + '\\n'); });\n`,
    );
    const r = spawnSync(process.execPath, ['--import', join(hooks, 'register.mjs'), BIN, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    const lines = r.stderr.split('\n');
    return {
      code: r.status ?? -1,
      stdout: r.stdout,
      stderr: lines.filter((l) => !l.startsWith('LOADED ')).join('\n'),
      modules: lines.filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length)),
    };
  } finally {
    rmSync(hooks, { recursive: true, force: true });
  }
}

/** Modules only compiling a description needs: the compiler, the Markdown and YAML parsers, the schema, every rule. */
export const COMPILER_MODULES =
  /\/(compiler\/compile|parse\/markdown|validate\/schema|validate\/rules\/index|config\/details)\.js$|\/node_modules\/(micromark|remark-parse|unified|yaml)\//;

/**
 * The real CLI with a short timeout that fails the test when it runs out: a read blocked on a named
 * pipe would otherwise pass unnoticed until the test's own timeout.
 */
export function cliUnblocked(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  if (r.signal) throw new Error(`${args.join(' ')} was killed by ${r.signal} (it blocked)`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What a run printed, both streams. */
export const printed = (r: Run): string => r.stdout + r.stderr;

/** Everything under a folder as text (a missing folder: empty), to look for text that must not be there. */
export function allText(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // a folder a test made unwritable: test/temp-setup.ts unlocks and removes it after the file
    }
  }
});

/** A temporary folder with the given files (paths relative to it), removed after the test file. */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ametijuhend-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** The sha256 of every file under a folder, by relative path (hidden entries included). */
export function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
