/**
 * `build --asice` writes containers that are then signed, and a signed container holds the signers'
 * personal identification codes: it must never end up in the shared repository. So containers are
 * written only to a folder outside every git work tree, or one git ignores (`git check-ignore` says
 * a container there would be ignored, and no container there is tracked already). Where git cannot
 * answer (not installed, the repository unreadable), the build refuses rather than guess.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { usageError } from '../messages/index.js';
import { gitWorkTree, realPath } from '../fs/root.js';

/** The real path of `path` (its nearest existing ancestor resolved, the rest appended). */
function realish(path: string): string {
  const rest: string[] = [];
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    rest.unshift(basename(current));
    current = parent;
  }
  return join(realPath(current) ?? current, ...rest);
}

function git(root: string, args: readonly string[]): { status: number | null; stdout: string } {
  const r = spawnSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.error ? null : r.status, stdout: typeof r.stdout === 'string' ? r.stdout : '' };
}

/** Throws a usage error when containers written to `outDir` could be committed to git. */
export function assertContainersIgnored(outDir: string, shown: string): void {
  const root = gitWorkTree(outDir);
  if (root === undefined) return;
  const dir = relative(root, realish(outDir)).split(sep).join('/');
  const refuse = () => usageError('signing.container.gitTracked', { dir: shown, root });
  // a file that does not exist is asked about by name: would a container there be ignored?
  const probe = dir === '' ? 'ametijuhend-probe.asice' : `${dir}/ametijuhend-probe.asice`;
  const ignored = git(root, ['check-ignore', '-q', '--no-index', '--', probe]);
  if (ignored.status !== 0) throw refuse(); // 1: not ignored; anything else: git cannot tell
  // ignored now, but a container committed before (git add -f) is tracked all the same
  const tracked = git(root, ['--literal-pathspecs', 'ls-files', '-z', '--', dir === '' ? '.' : dir]);
  if (tracked.status !== 0) throw refuse();
  if (tracked.stdout.split('\0').some((f) => /\.(asice|bdoc)$/i.test(f))) throw refuse();
}
