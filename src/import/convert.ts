/**
 * Files import cannot read itself (.doc, .odt, .rtf) converted to .docx through LibreOffice, when
 * `soffice` is on the PATH: one headless call for a whole batch (LibreOffice takes seconds to
 * start), with a profile folder of its own (so it works beside a LibreOffice the user has open),
 * a time limit, and every temporary file removed afterwards.
 *
 * AMETIJUHEND_SOFFICE names the program to use instead of the one on the PATH; set to "" or
 * "none" it turns conversion off (import then says how to convert by hand).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportFailure } from './types.js';

/** The formats LibreOffice converts for import, by what `sniff` calls them. */
export type ConvertibleFormat = 'doc' | 'odt' | 'rtf';

/** How long one conversion call may take, for its first file and each further one. */
const TIMEOUT_MS = 60_000;
const TIMEOUT_PER_FILE_MS = 10_000;

let found: string | null | undefined;

/** The LibreOffice program to convert with, or undefined when there is none. */
export function sofficePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.AMETIJUHEND_SOFFICE;
  if (override !== undefined) return override === '' || override === 'none' ? undefined : override;
  if (found !== undefined) return found ?? undefined;
  found = null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        found = join(dir, name);
        return found;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export interface ConvertInput {
  bytes: Uint8Array;
  format: ConvertibleFormat;
}

/**
 * Each input converted to .docx bytes, or the ImportFailure that says why not; in input order.
 * Throws nothing: a missing program, a crash or a time-out fails every input of the call.
 */
export async function convertToDocx(
  inputs: readonly ConvertInput[],
  soffice: string,
  timeoutMs?: number,
): Promise<(Uint8Array | ImportFailure)[]> {
  if (inputs.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'ametijuhend-convert-'));
  try {
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    const names = inputs.map((input, i) => {
      const name = join(inDir, `f${i}.${input.format}`);
      writeFileSync(name, input.bytes);
      return name;
    });
    const timeout = timeoutMs ?? TIMEOUT_MS + TIMEOUT_PER_FILE_MS * (inputs.length - 1);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'docx',
      '--outdir',
      outDir,
      ...names,
    ];
    const problem = await run(soffice, args, timeout);
    return inputs.map((_, i) => {
      try {
        return new Uint8Array(readFileSync(join(outDir, `f${i}.docx`)));
      } catch {
        return new ImportFailure('import.convertFailed', { detail: problem ?? 'no output' });
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the program in a process group of its own; resolves to what went wrong (undefined when it
 * ended well). On time-out the whole group is killed: `soffice` is a script that starts
 * `soffice.bin`, which would outlive a kill of the script alone.
 */
function run(program: string, args: string[], timeout: number): Promise<string | undefined> {
  return new Promise((resolvePromise) => {
    let stderr = '';
    let timedOut = false;
    const child = spawn(program, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolvePromise(e.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolvePromise(`timeout ${Math.round(timeout / 1000)} s`);
      else if (code === 0) resolvePromise(undefined);
      else resolvePromise(stderr.trim().split('\n').pop() || `exit ${code ?? signal}`);
    });
  });
}
