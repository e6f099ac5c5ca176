/**
 * Reading an input file safely: only a regular file is read (a FIFO, socket, device or folder is
 * refused before anything blocks on it), never more than a hard byte limit (the size `stat` reports
 * is not trusted: /proc files say 0, /dev/zero has no end, a file may grow while it is read), and
 * every file-system error comes back as a reason, never as an exception.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

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
 * Reads a regular file of at most `limit` bytes. Symbolic links are followed (which paths may be
 * read is the caller's decision); what is opened is checked again on the open descriptor.
 */
export function readRegularFile(path: string, limit: number): ReadResult {
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
