/**
 * Reading an input file safely: only a regular file is read (a FIFO, socket, device or folder is
 * refused before anything blocks on it), never more than a hard byte limit (the size `stat` reports
 * is not trusted: /proc files say 0, /dev/zero has no end, a file may grow while it is read), and
 * every file-system error comes back as a reason, never as an exception.
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readlinkSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { isInside, realPath } from './root.js';

/** What kind of thing a path is, when it is not a regular file. */
export type SpecialKind = 'folder' | 'fifo' | 'socket' | 'device' | 'other';

export type ReadFailure =
  | { reason: 'missing' }
  | { reason: 'special'; kind: SpecialKind }
  | { reason: 'denied' }
  /** At least `size` bytes (the file's size when known, else limit + 1). */
  | { reason: 'tooLarge'; size: number }
  | { reason: 'io'; code: string };

export type ReadResult = { ok: true; bytes: Buffer } | ({ ok: false } & ReadFailure);
/** What was opened is not below the allowed root (the path was swapped for a link after it was checked). */
export interface ReadOutside {
  ok: false;
  reason: 'outside';
  /** The real path of what was opened (or the path given, when that cannot be told). */
  real: string;
}

export function specialKind(st: Stats): SpecialKind | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'other';
}

/** The reason for a file-system error (ENOENT, EACCES …). */
export function failureOf(e: unknown): ReadFailure {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { reason: 'missing' };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'denied' };
    case 'EISDIR':
      return { reason: 'special', kind: 'folder' };
    default:
      return { reason: 'io', code };
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The real path of the file open as `fd`: /proc/self/fd/<fd> where there is /proc, else the real
 * path of `path` when that is the very file opened (same device and inode); undefined otherwise.
 */
function openedPath(fd: number, path: string, st: Stats): string | undefined {
  try {
    const p = readlinkSync(`/proc/self/fd/${fd}`);
    if (p.startsWith('/')) return p;
  } catch {
    // no /proc
  }
  const real = realPath(path);
  if (real === undefined) return undefined;
  try {
    const named = statSync(real);
    return named.dev === st.dev && named.ino === st.ino ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a regular file of at most `limit` bytes. Symbolic links are followed (which paths may be
 * read is the caller's decision); what is opened is checked again on the open descriptor. With
 * `allowedRoot` (a real path), the file actually opened must be below it: a path checked by real
 * path and then swapped for a link out before it is opened is refused (reason 'outside').
 */
export function readRegularFile(path: string, limit: number): ReadResult;
export function readRegularFile(path: string, limit: number, allowedRoot: string): ReadResult | ReadOutside;
export function readRegularFile(path: string, limit: number, allowedRoot?: string): ReadResult | ReadOutside {
  // refuse special files before opening them: opening a device can have effects of its own
  let before: Stats;
  try {
    before = statSync(path);
  } catch (e) {
    return { ok: false, ...failureOf(e) };
  }
  const kind = specialKind(before);
  if (kind) return { ok: false, reason: 'special', kind };
  let fd: number;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since, opening it does not wait for a writer
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, ...failureOf(e) };
  }
  try {
    const st = fstatSync(fd);
    const openedKind = specialKind(st);
    if (openedKind) return { ok: false, reason: 'special', kind: openedKind };
    if (allowedRoot !== undefined) {
      const real = openedPath(fd, path, st);
      if (real === undefined || !isInside(real, allowedRoot))
        return { ok: false, reason: 'outside', real: real ?? path };
    }
    if (st.size > limit) return { ok: false, reason: 'tooLarge', size: st.size };
    // read until end of file, but never more than limit + 1 bytes (one more tells "too large")
    let buffer = Buffer.allocUnsafe(Math.min(limit, Math.max(st.size, 4096)) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) return { ok: false, reason: 'tooLarge', size: Math.max(st.size, length) };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { ok: false, ...failureOf(e) };
  } finally {
    closeSync(fd);
  }
}
