/**
 * The output folder, checked before any work: it must be (or become) an ordinary folder. Under
 * /proc, /sys or /dev there are no ordinary folders (and Node's recursive mkdir never returns
 * there: it loops on /proc), a file of that name cannot be a folder, and a folder that cannot be
 * written ends the run at once rather than after every description has failed.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { UsageError } from '../util/usage-error.js';
import { isInside, realPath } from './root.js';

const SYSTEM = ['/proc', '/sys', '/dev'];

/** Throws a UsageError naming `shown` when `outDir` (absolute) cannot be the output folder. */
export function checkOutDir(outDir: string, shown: string): void {
  // the nearest part of the path that exists, and the rest to be created below it
  let existing = outDir;
  const rest: string[] = [];
  for (;;) {
    try {
      statSync(existing);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') {
        throw new UsageError(
          `the output folder ${shown} cannot be created: a part of its path is a file / ` +
            `väljundkausta ${shown} ei saa luua: osa selle teest on fail`,
        );
      }
      if (code !== 'ENOENT') {
        throw new UsageError(
          `the output folder ${shown} cannot be used (${code ?? 'error'}) / väljundkausta ${shown} ei saa kasutada`,
        );
      }
      const parent = dirname(existing);
      if (parent === existing) break;
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
  const real = join(realPath(existing) ?? existing, ...rest);
  if (SYSTEM.some((s) => isInside(real, s))) {
    throw new UsageError(
      `the output folder ${shown} is inside ${SYSTEM.find((s) => isInside(real, s))}, a system folder: choose another with --out-dir / ` +
        `väljundkaust ${shown} on süsteemikaustas: vali --out-dir abil muu kaust`,
    );
  }
  if (!statSync(existing).isDirectory()) {
    throw new UsageError(
      existing === outDir
        ? `the output folder ${shown} is a file, not a folder / väljundkaust ${shown} on fail, mitte kaust`
        : `the output folder ${shown} cannot be created: a part of its path is a file / ` +
            `väljundkausta ${shown} ei saa luua: osa selle teest on fail`,
    );
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(
      existing === outDir
        ? `the output folder ${shown} cannot be written (permission denied) / väljundkausta ${shown} ei saa kirjutada (õigus puudub)`
        : `the output folder ${shown} cannot be created (permission denied in ${existing}) / ` +
            `väljundkausta ${shown} ei saa luua (kaustas ${existing} puudub kirjutusõigus)`,
    );
  }
}
