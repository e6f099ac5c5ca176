/**
 * `build --watch`: after a first build, rebuild what changed: a description, or every description
 * a changed config, catalogue or default section applies to. Keeps running when a build has errors.
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { filterChanged } from './changed.js';
import { ConfigLoader, CONFIG_NAME } from '../config/load.js';
import { discover, type InputFile } from './discover.js';

export interface WatchOptions {
  cwd?: string;
  /** Builds the given files (relative to their roots, as discovered). */
  rebuild: (files: InputFile[]) => Promise<void>;
  /** Wait this long after the last change before rebuilding (ms). */
  debounceMs?: number;
  /** Ignore changes below this folder (the output folder). */
  ignore?: string;
}

export interface Watcher {
  close(): void;
}

/** Folders outside the watched roots that hold a config or a file a config refers to. */
function outsideFolders(
  files: readonly InputFile[],
  roots: readonly string[],
  loader: ConfigLoader,
): string[] {
  const inside = (p: string): boolean => roots.some((r) => p === r || p.startsWith(`${r}${sep}`));
  const folders = new Set<string>();
  for (const f of files) {
    const configPath = loader.find(dirname(f.path));
    if (!configPath) continue;
    for (const p of [resolve(configPath), ...loader.load(configPath).referencedFiles]) {
      if (!inside(p)) folders.add(dirname(p));
    }
  }
  return [...folders];
}

export async function watchPaths(paths: readonly string[], options: WatchOptions): Promise<Watcher> {
  const cwd = options.cwd ?? process.cwd();
  const ignore = options.ignore ? resolve(cwd, options.ignore) : undefined;
  const firstLoader = new ConfigLoader({ cwd });
  let files = await discover(paths, firstLoader, cwd);
  const roots = [...new Set(files.map((f) => f.root))];
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
        return; // a watched path vanished: wait for the next change
      }
      for (const folder of outsideFolders(files, roots, loader)) watchFolder(folder, false);
      const todo = filterChanged(files, changed, loader).concat(
        files.filter((f) => !before.has(f.path) && !changed.has(f.path)),
      );
      if (todo.length) await options.rebuild(todo);
    });
  };

  function watchFolder(folder: string, recursive: boolean): void {
    if (watchers.has(folder)) return;
    try {
      const w = fsWatch(folder, { recursive }, (_event, name) => {
        if (!name) return;
        const path = resolve(folder, name.toString());
        if (ignore && (path === ignore || path.startsWith(`${ignore}${sep}`))) return;
        if (!/\.(md|ya?ml)$/i.test(path) && !path.endsWith(CONFIG_NAME)) return;
        pending.add(path);
        clearTimeout(timer);
        timer = setTimeout(flush, options.debounceMs ?? 150);
      });
      watchers.set(folder, w);
    } catch {
      // a folder that cannot be watched (gone, no permission): changes there are not seen
    }
  }

  for (const root of roots) watchFolder(root, true);
  // the config, catalogue and default sections may live above the watched folders
  for (const folder of outsideFolders(files, roots, firstLoader)) watchFolder(folder, false);
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
    },
  };
}
