/**
 * `build --watch`: after a first build, rebuild what changed: a description, or every description
 * a changed config, catalogue or default section applies to. Keeps running when a build has errors.
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import { filterChanged } from './changed.js';
import { ConfigLoader, CONFIG_NAME } from './config/load.js';
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

export async function watchPaths(paths: readonly string[], options: WatchOptions): Promise<Watcher> {
  const cwd = options.cwd ?? process.cwd();
  const ignore = options.ignore ? resolve(cwd, options.ignore) : undefined;
  let files = await discover(paths, new ConfigLoader({ cwd }), cwd);
  const roots = [...new Set(files.map((f) => f.root))];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

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
      const todo = filterChanged(files, changed, loader).concat(
        files.filter((f) => !before.has(f.path) && !changed.has(f.path)),
      );
      if (todo.length) await options.rebuild(todo);
    });
  };

  const watchers: FSWatcher[] = [];
  for (const root of roots) {
    const w = fsWatch(root, { recursive: true }, (_event, name) => {
      if (!name) return;
      const path = resolve(root, name.toString());
      if (ignore && (path === ignore || path.startsWith(`${ignore}/`))) return;
      if (!/\.(md|ya?ml)$/i.test(path) && !path.endsWith(CONFIG_NAME)) return;
      pending.add(path);
      clearTimeout(timer);
      timer = setTimeout(flush, options.debounceMs ?? 150);
    });
    watchers.push(w);
  }
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
