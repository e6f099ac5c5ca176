/**
 * Safe output: every file is written to a temporary file beside its target and renamed into place,
 * so an interrupted build never leaves a half-written output. Temporary files still in flight when
 * the process is interrupted are removed; those a killed process left behind (`kill -9`, a crash, a
 * power cut) are removed by the next build (removeStaleTempFiles).
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
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { bilingual } from '../messages/index.js';
import { isInside, realPath, resolved, shownPath } from './root.js';

const inFlight = new Set<string>();
let handlersInstalled = false;
/** Set by ownSignals: a long-running caller handles SIGINT / SIGTERM itself. */
let signalsOwned = false;
const installed: Array<[NodeJS.Signals, () => void]> = [];

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // not there, or its folder cannot be: nothing to remove
  }
}

/**
 * On SIGINT / SIGTERM: remove the temporary files in flight and exit 130 / 143. Installed once, at
 * the start of a build (and by the first write), so a signal never kills a build by default. Not
 * installed (and removed if it was) once a caller owns the signals (ownSignals).
 */
export function installHandlers(): void {
  if (handlersInstalled || signalsOwned) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      removeInFlightTemps();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    installed.push([signal, onSignal]);
    process.once(signal, onSignal);
  }
}

/**
 * For a long-running caller (the preview server) that stops cleanly on SIGINT / SIGTERM itself:
 * builds in this process no longer install handlers that exit the process, and those installed
 * already are removed. The caller removes the temporary files in flight when it stops
 * (removeInFlightTemps).
 */
export function ownSignals(): void {
  signalsOwned = true;
  for (const [signal, onSignal] of installed.splice(0)) process.off(signal, onSignal);
  handlersInstalled = false;
}

/** Removes the temporary files of the writes still in flight (what a signal's handler does before exiting). */
export function removeInFlightTemps(): void {
  for (const tmp of inFlight) removeQuietly(tmp);
}

let tempCounter: number | undefined;

/**
 * The `<pid>.<8 hex>` that makes a temporary file's name unique: this process's id and a counter
 * that starts at a random number (a build names thousands: one random start, not 4 random bytes
 * each). Names are still created exclusively, so a clash fails instead of writing through.
 */
export function tempSuffix(): string {
  tempCounter = tempCounter === undefined ? randomBytes(4).readUInt32BE(0) : (tempCounter + 1) >>> 0;
  return `${process.pid}.${tempCounter.toString(16).padStart(8, '0')}`;
}

/** The name of a temporary file: `.<name>.<pid>.<8 hex>.tmp` beside its target. */
const tempName = (target: string): string => `.${basename(target)}.${tempSuffix()}.tmp`;
/** Exactly the temporary files this tool makes: writeFileAtomic's, and the cache's link-then-rename ones. */
const TEMP_FILE = /^\..+\.([1-9][0-9]{0,9})\.[0-9a-f]{8}\.tmp$/;
const CACHE_TEMP_FILE = /^[0-9a-f]{64}\.([1-9][0-9]{0,9})\.[0-9a-f]{8}\.tmp$/;
/** A temporary file this old is stale even if its PID is now some other live process. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, another user's process
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** removeStaleTempFiles for the output folders a build writes to, skipping one reached through a link out of the out-dir. */
export function removeStaleTempFilesIn(folders: Iterable<string>, outDir: string): void {
  for (const folder of new Set(folders)) if (!linkOutside(folder, outDir)) removeStaleTempFiles(folder);
}

/**
 * Removes the temporary files that processes no longer running left in `root` (a folder the build
 * writes outputs to; with `recursive`, the cache folder and everything below it): only regular files
 * named exactly as this tool names them, whose PID is not a live process or that are older than six
 * hours (a PID reused by another process). Symbolic links are neither followed nor removed; hidden
 * folders and node_modules are not entered. Without `recursive` no subfolder is entered, so an
 * output folder of `~` or `/` is not walked. Returns the paths removed.
 */
export function removeStaleTempFiles(root: string, now = Date.now(), recursive = false): string[] {
  const removed: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // missing or unreadable: nothing to clean
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        // outputs never go to hidden folders or node_modules (discover skips them): an out-dir of
        // "." does not walk .git or node_modules
        if (recursive && !e.name.startsWith('.') && e.name !== 'node_modules') walk(path);
        continue;
      }
      if (!e.isFile()) continue;
      const m = TEMP_FILE.exec(e.name) ?? CACHE_TEMP_FILE.exec(e.name);
      if (!m) continue;
      try {
        if (isAlive(Number(m[1])) && now - lstatSync(path).mtimeMs < STALE_AFTER_MS) continue;
        rmSync(path, { force: true });
        removed.push(path);
      } catch {
        // gone meanwhile, or not ours to remove
      }
    }
  };
  walk(root);
  return removed;
}

/** Throws unless `path` is inside `root`: a write outside the output folder (or cache) is a bug or a damaged input. */
export function assertInside(root: string, path: string): void {
  if (!isInside(path, root)) throw new Error(bilingual('project.writeOutside', { path, root }));
}

/** A folder that cannot be written (or created), with the file in the way when there is one. */
export class FolderNotWritable extends Error {
  constructor(
    readonly folder: string,
    readonly code: string,
    readonly blocker?: string,
  ) {
    super('');
    this.message = this.describe();
  }

  /** The message, with paths relative to `cwd` when given. */
  describe(cwd?: string): string {
    const show = (p: string): string => (cwd === undefined ? p : shownPath(p, cwd));
    const folder = show(this.folder);
    if (this.blocker !== undefined) {
      const b = show(this.blocker);
      return bilingual('project.writeBlocked', { folder, blocker: b });
    }
    return bilingual('project.writeFailed', { folder, code: this.code });
  }
}

/** The nearest ancestor of `dir` (or itself) that exists but is not a folder. */
function fileInTheWay(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      return statSync(d).isDirectory() ? undefined : d;
    } catch {
      if (dirname(d) === d) return undefined;
    }
  }
}

function notWritable(dir: string, e: unknown): FolderNotWritable {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new FolderNotWritable(resolve(dir), code, fileInTheWay(dir));
}

/** The real paths of the roots linkOutside was last asked about (a build's output folder, its cache). */
const realRoots = new Map<string, string>();

/**
 * The symbolic link through which `dir` (below `root`; it need not exist yet) leads out of `root`,
 * compared by real path; undefined when every existing part of it stays inside. A dangling link
 * counts as leading out: creating the folder would create it wherever the link points.
 */
export function linkOutside(dir: string, root: string): { link: string; target: string } | undefined {
  // the common case: a folder that exists and is inside the root's real path (as it was when last
  // asked: a build asks for every file it writes) is written inside, whatever links lead there. A
  // real path never goes through a link, so a root that became a link since has nothing inside its
  // old real path, and is asked again below.
  const real = realPath(dir);
  const rootKey = resolved(root);
  const known = realRoots.get(rootKey);
  if (real !== undefined && known !== undefined && isInside(real, known)) return undefined;
  const realRoot = realPath(root);
  if (realRoot === undefined) {
    realRoots.delete(rootKey);
    return undefined; // nothing below a missing root exists yet
  }
  if (realRoots.size >= 64) realRoots.clear();
  realRoots.set(rootKey, realRoot);
  // (the walk below finds the link to name when it is not inside)
  if (real !== undefined && isInside(real, realRoot)) return undefined;
  let p = resolve(root);
  for (const part of relative(p, resolve(dir)).split(sep)) {
    if (part === '') continue;
    p = join(p, part);
    let link: boolean;
    try {
      link = lstatSync(p).isSymbolicLink();
    } catch {
      return undefined; // the rest does not exist yet: mkdir creates it here
    }
    if (!link) continue;
    const real = realPath(p);
    if (real === undefined || !isInside(real, realRoot)) {
      let target = real;
      try {
        target ??= readlinkSync(p);
      } catch {
        target = '?';
      }
      return { link: p, target };
    }
  }
  return undefined;
}

/** A folder to be written that is (or is under) a symbolic link leading out of the output folder or cache. */
export class LinkOutside extends FolderNotWritable {
  constructor(
    folder: string,
    readonly link: string,
    readonly target: string,
    readonly root: string,
  ) {
    super(folder, 'ELINK');
    this.message = this.describe();
  }

  override describe(cwd?: string): string {
    const show = (p: string): string => (cwd === undefined ? p : shownPath(p, cwd));
    const [link, root] = [show(this.link), show(this.root)];
    const data = { folder: show(this.folder), link, target: this.target, root };
    return bilingual('project.writeLinkOutside', data);
  }
}

/** Throws LinkOutside when `dir` leads out of `root` through a symbolic link. */
export function assertNoLinkOut(dir: string, root: string): void {
  const out = linkOutside(dir, root);
  if (out) throw new LinkOutside(resolve(dir), out.link, out.target, resolve(root));
}

/** Folders writeFileAtomic made or found under a root, in this process. */
const madeFolders = new Set<string>();

/** Makes `dir` (and its parents) below `root`, refusing a link planted on its way meanwhile. */
function makeFolder(dir: string, root: string): void {
  let made: string | undefined;
  try {
    made = mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw notWritable(dir, e);
  }
  // a folder just made: a link may have been planted on its way meanwhile
  if (made !== undefined) assertNoLinkOut(dir, root);
  if (madeFolders.size >= 4096) madeFolders.clear();
  madeFolders.add(dir);
}

/**
 * Writes `data` to `target` through a temporary file beside it, creating the folder when it is
 * missing. With `root` (the output folder, the cache), the folder must stay inside it by real path:
 * a symbolic link in the way that leads out is refused (LinkOutside), before and after the folder
 * is created. The temporary file is created exclusively, so nothing already at its name (a link
 * planted there) is written through. Returns the written file's status (size, mtime), read before
 * it is closed.
 */
export function writeFileAtomic(target: string, data: Uint8Array, root?: string): Stats {
  installHandlers();
  const dir = dirname(target);
  if (root !== undefined) {
    assertNoLinkOut(dir, root);
    // a folder this process made or found is not made again for each file (a build writes
    // thousands); one removed since is made again when the file cannot be created in it
    if (!madeFolders.has(dir)) makeFolder(dir, root);
  }
  const tmp = join(dir, tempName(target));
  inFlight.add(tmp);
  let fd: number | undefined;
  try {
    try {
      try {
        fd = openSync(tmp, 'wx');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        if (root === undefined) mkdirSync(dir, { recursive: true });
        else makeFolder(dir, root);
        fd = openSync(tmp, 'wx');
      }
    } catch (e) {
      // name the folder, not the temporary file nobody asked for
      throw notWritable(dir, e);
    }
    for (let done = 0; done < data.length;) done += writeSync(fd, data, done);
    const stats = fstatSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    return stats;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    // rmSync's own lstat fails where the folder cannot be (ENOTDIR): the first error is the one to say
    removeQuietly(tmp);
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
}

/** Registers a temporary file made elsewhere (the cache's link-then-rename) for removal on Ctrl+C / SIGTERM. */
export function trackTemp(tmp: string): () => void {
  installHandlers();
  inFlight.add(tmp);
  return () => inFlight.delete(tmp);
}
