/**
 * `build --watch` (watchPaths) never rebuilds what a config's `ignore:` excludes: not at the start,
 * not when an ignored file is saved, not when one is made; a saved description still is. Waits are on
 * the watcher's own rebuild calls, never on time.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discover } from '../src/project/discover.js';
import { ConfigLoader } from '../src/config/load.js';
import { watchPaths, type Watcher } from '../src/project/watch.js';

const english = readFileSync(join(import.meta.dirname, '..', 'examples', 'data-analyst.md'), 'utf8');
let dir = '';
let watcher: Watcher | undefined;
afterEach(() => {
  watcher?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('watch and ignore:', () => {
  it('rebuilds a saved description, never an ignored file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ametijuhend-watch-ignore-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'ametijuhend.config.yaml'), 'ignore:\n  - drafts/\n  - "*.mall.md"\n');
    writeFileSync(join(dir, 'a.md'), english);
    writeFileSync(join(dir, 'drafts', 'x.md'), '# x\n');
    writeFileSync(join(dir, 'b.mall.md'), '# mall\n');
    const first = await discover(['.'], new ConfigLoader({ cwd: dir }), dir);
    expect(first.map((f) => f.path)).toEqual([join(dir, 'a.md')]);

    const rebuilt: string[][] = [];
    let wake: (() => void) | undefined;
    watcher = await watchPaths(['.'], {
      cwd: dir,
      debounceMs: 50,
      rebuild: (files) => {
        rebuilt.push(files.map((f) => f.path));
        wake?.();
        return Promise.resolve();
      },
    });
    const seen = (path: string): boolean => rebuilt.some((r) => r.includes(path));
    const until = (done: () => boolean): Promise<void> =>
      new Promise((resolve) => {
        wake = () => done() && resolve();
        if (done()) resolve();
      });
    // ignored files saved and made first, then the description: whatever is rebuilt comes after
    writeFileSync(join(dir, 'drafts', 'x.md'), '# x changed\n');
    writeFileSync(join(dir, 'drafts', 'new.md'), '# new\n');
    writeFileSync(join(dir, 'b.mall.md'), '# mall changed\n');
    writeFileSync(join(dir, 'c.mall.md'), '# another\n');
    writeFileSync(join(dir, 'a.md'), english.replace('Data Analyst', 'Data Analyst II'));
    await until(() => seen(join(dir, 'a.md')));
    expect(rebuilt.flat().every((p) => p === join(dir, 'a.md'))).toBe(true);
  }, 60_000);
});
