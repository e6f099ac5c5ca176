/**
 * Safe output: every file is written to a temporary file beside its target and renamed into place,
 * so an interrupted build never leaves a half-written output. Temporary files still in flight when
 * the process is interrupted are removed.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
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

/**
 * Writes `data` to `target` through a temporary file beside it, creating the folder when it is
 * missing. Returns the written file's status (size, mtime), read before it is closed.
 */
export function writeFileAtomic(target: string, data: Uint8Array): Stats {
  installHandlers();
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  inFlight.add(tmp);
  let fd: number | undefined;
  try {
    try {
      fd = openSync(tmp, 'w');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dir, { recursive: true });
      fd = openSync(tmp, 'w');
    }
    for (let done = 0; done < data.length;) done += writeSync(fd, data, done);
    const stats = fstatSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    return stats;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
}
