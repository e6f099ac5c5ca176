/**
 * `build --watch`: after a first build, rebuild what changed: a description, or every description
 * a changed config, catalogue or default section applies to. Keeps running when a build has errors.
 */
import { existsSync, lstatSync, readdirSync, watch as fsWatch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { filterChanged } from './changed.js';
import { ConfigLoader, CONFIG_NAME } from '../config/load.js';
import { discover, SKIP_DIRS, type InputFile } from './discover.js';

export interface WatchOptions {
  cwd?: string;
  /** Builds the given files (relative to their roots, as discovered). */
  rebuild: (files: InputFile[]) => Promise<void>;
  /** Wait this long after the last change before rebuilding (ms). */
  debounceMs?: number;
  /** Ignore changes below this folder (the output folder). */
  ignore?: string;
  /** Told the paths of descriptions found before and gone now (deleted, renamed, replaced by a folder). */
  removed?: (paths: string[]) => Promise<void> | void;
}

export interface Watcher {
  close(): void;
}

/**
 * The folders of every config and of every file a config refers to (catalogue, default sections):
 * above the watched roots, or inside them in a folder the walk skips (a hidden one).
 */
function configFolders(files: readonly InputFile[], loader: ConfigLoader): string[] {
  const folders = new Set<string>();
  for (const f of files) {
    const configPath = loader.find(dirname(f.path));
    if (!configPath) continue;
    for (const p of [resolve(configPath), ...loader.load(configPath).referencedFiles])
      folders.add(dirname(p));
  }
  return [...folders];
}

/** A real folder (not a link to one: a walk never follows those out). */
function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `root` and every folder below it (not the skipped ones, not `ignore`), each once. */
function foldersBelow(root: string, ignore: string | undefined): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    if (ignore && (dir === ignore || dir.startsWith(`${ignore}${sep}`))) continue;
    out.push(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // gone or not readable: its changes are not seen
    }
    for (const e of entries)
      if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(join(dir, e.name));
  }
  return out;
}

/**
 * Rebuilds `todo`, then tells `removed` of the descriptions of `before` not among `now` (without
 * `now`: no longer there).
 */
async function settle(
  options: WatchOptions,
  before: Set<string>,
  now?: readonly InputFile[],
  todo: InputFile[] = [],
): Promise<void> {
  if (todo.length) await options.rebuild(todo);
  if (!options.removed) return;
  const still = now ? new Set(now.map((f) => f.path)) : undefined;
  const gone = [...before].filter((p) => (still ? !still.has(p) : !existsSync(p)));
  if (gone.length) await options.removed(gone);
}

/** The folders given (one with no description yet too: what is made there is seen) and the roots found. */
function watchedRoots(paths: readonly string[], cwd: string, files: readonly InputFile[]): string[] {
  const given = paths.map((p) => resolve(cwd, p)).filter(isDirectory);
  return [...new Set([...given, ...files.map((f) => f.root)])];
}

export async function watchPaths(paths: readonly string[], options: WatchOptions): Promise<Watcher> {
  const cwd = options.cwd ?? process.cwd();
  const ignore = options.ignore ? resolve(cwd, options.ignore) : undefined;
  const firstLoader = new ConfigLoader({ cwd });
  let files = await discover(paths, firstLoader, cwd);
  const roots = watchedRoots(paths, cwd, files);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watchers = new Map<string, FSWatcher>();

  const flush = (): void => {
    const changed = new Set(pending);
    pending.clear();
    running = running.then(async () => {
      // configs and catalogues may have changed: read them afresh, and pick up new descriptions
      const loader = new ConfigLoader({ cwd });
      const before = new Set(files.map((f) => f.path));
      try {
        files = await discover(paths, loader, cwd);
      } catch {
        return settle(options, before); // a watched path vanished: wait for the next change
      }
      // folders made since: watched from now on
      for (const root of roots) for (const folder of foldersBelow(root, ignore)) watchFolder(folder);
      for (const folder of configFolders(files, loader)) watchFolder(folder);
      const todo = filterChanged(files, changed, loader).concat(
        files.filter((f) => !before.has(f.path) && !changed.has(f.path)),
      );
      await settle(options, before, files, todo);
    });
  };

  /**
   * One watcher per folder, not one recursive watcher per root: Node 20's recursive watcher on Linux
   * stops seeing a file once an editor has saved it by writing a new file and renaming it over.
   */
  function watchFolder(folder: string): void {
    if (watchers.has(folder)) return;
    try {
      const w = fsWatch(folder, (_event, name) => {
        if (!name) return;
        const path = resolve(folder, name.toString());
        if (ignore && (path === ignore || path.startsWith(`${ignore}${sep}`))) return;
        // a folder made (or moved in) below a root: watch it and what is below it at once
        const isFolder = roots.some((r) => path.startsWith(`${r}${sep}`)) && isDirectory(path);
        if (isFolder) for (const sub of foldersBelow(path, ignore)) watchFolder(sub);
        // a new folder's descriptions are found when the watched paths are discovered again
        if (!isFolder && !/\.(md|ya?ml)$/i.test(path) && !path.endsWith(CONFIG_NAME)) return;
        if (!isFolder) pending.add(path);
        clearTimeout(timer);
        timer = setTimeout(flush, options.debounceMs ?? 150);
      });
      // a folder removed: its watcher ends (a folder made again later is watched again)
      w.on('error', () => {
        w.close();
        watchers.delete(folder);
      });
      watchers.set(folder, w);
    } catch {
      // a folder that cannot be watched (gone, no permission): changes there are not seen
    }
  }

  for (const root of roots) for (const folder of foldersBelow(root, ignore)) watchFolder(folder);
  // the config, catalogue and default sections may live above the roots or in a hidden folder
  for (const folder of configFolders(files, firstLoader)) watchFolder(folder);
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
    },
  };
}
