/**
 * Runs before every test file: points TMPDIR (so os.tmpdir(), and every program the tests start) at a
 * folder of the file's own, and removes that folder after the file, so no test leaves anything behind
 * in /tmp, whichever way it made its temporary folders.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const previous = process.env.TMPDIR;
const dir = mkdtempSync(join(tmpdir(), 'ametijuhend-tests-'));
process.env.TMPDIR = dir;

/** Gives the owner every permission on a tree a test made unreadable, so it can be removed. */
function unlock(path: string): void {
  try {
    chmodSync(path, 0o700);
    for (const e of readdirSync(path, { withFileTypes: true }))
      if (e.isDirectory()) unlock(join(path, e.name));
  } catch {
    // removed below, or reported there
  }
}

afterAll(() => {
  if (previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previous;
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    unlock(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});
