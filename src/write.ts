/**
 * Safe output: every file is written to a temporary file beside its target and renamed into place,
 * so an interrupted build never leaves a half-written output. Temporary files still in flight when
 * the process is interrupted are removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const inFlight = new Set<string>();
let handlersInstalled = false;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const tmp of inFlight) rmSync(tmp, { force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

export function writeFileAtomic(target: string, data: Uint8Array): void {
  installHandlers();
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  inFlight.add(tmp);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
}
