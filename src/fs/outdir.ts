/**
 * The output folder, checked before any work: it must be (or become) an ordinary folder. Under
 * /proc, /sys or /dev there are no ordinary folders (and Node's recursive mkdir never returns
 * there: it loops on /proc), a file of that name cannot be a folder, and a folder that cannot be
 * written ends the run at once rather than after every description has failed.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { usageError } from '../messages/index.js';
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
        throw usageError('project.outDirPartIsFile', { shown });
      }
      if (code !== 'ENOENT') {
        throw usageError('project.outDirUnusable', { shown, code: code ?? 'error' });
      }
      const parent = dirname(existing);
      if (parent === existing) break;
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
  const real = join(realPath(existing) ?? existing, ...rest);
  if (SYSTEM.some((s) => isInside(real, s))) {
    throw usageError('project.outDirSystem', { shown, system: SYSTEM.find((s) => isInside(real, s)) });
  }
  if (!statSync(existing).isDirectory()) {
    throw usageError(existing === outDir ? 'project.outDirIsFile' : 'project.outDirPartIsFile', { shown });
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw existing === outDir
      ? usageError('project.outDirDenied', { shown })
      : usageError('project.outDirCannotCreate', { shown, existing });
  }
}
