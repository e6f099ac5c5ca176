/**
 * `init --tool-spec SPEC`: where the docs repository installs ametijuhend from, as the value of
 * `devDependencies.ametijuhend` in its package.json (npm reads it in `npm install` / `npm ci`, which
 * both CI files run).
 *
 * - nothing: `^<this version>` from the registry;
 * - `ametijuhend@RANGE` or a bare range or tag (`^0.2.0`, `0.2.1`, `latest`): from the registry;
 * - a local tarball or folder (`./ametijuhend-0.1.0.tgz`, `/opt/ametijuhend`, `file:…`): written as
 *   `file:` and a path relative to the docs repository, as npm resolves it from there. A path outside
 *   the repository is not there in CI: {@link ToolDependency.outside} says so, and the CLI warns;
 * - anything with a protocol or a host shorthand (`git+https://…`, `github:owner/repo`,
 *   `https://…/x.tgz`, `owner/repo`, `npm:…`): written as given.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { VERSION } from '../util/version.js';

export interface ToolDependency {
  /** The value for `devDependencies.ametijuhend`. */
  value: string;
  /** For a local path: its absolute path. */
  local?: string;
  /** A local path that is not inside the docs repository (CI will not have it). */
  outside?: boolean;
  /** A local path that does not exist (yet). */
  missing?: boolean;
}

/** The spec is not one npm can install ametijuhend from (a usage problem, exit 2). */
export class ToolSpecError extends Error {}

const PROTOCOL = /^(?:[a-z][a-z0-9+.-]*:|git@)/i;
const LOCAL_PREFIX = /^(?:\.{1,2}(?:[/\\]|$)|[/\\]|~[/\\]|[a-z]:[/\\])/i;
const TARBALL = /\.(?:tgz|tar\.gz|tar)$/i;
/** A semver range or a dist-tag as npm accepts them after `name@`. */
const RANGE_OR_TAG = /^[\w.^~<>=|*x -]+$/;

function localPath(path: string, repoDir: string, cwd: string): ToolDependency {
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '';
  const expanded = /^~[/\\]/.test(path) && home ? home + path.slice(1) : path;
  const absolute = resolve(cwd, expanded);
  const rel = relative(repoDir, absolute).split(sep).join('/');
  const outside = rel === '..' || rel.startsWith('../') || isAbsolute(rel);
  const shown = outside && isAbsolute(rel) ? absolute.split(sep).join('/') : rel || '.';
  return {
    value: `file:${shown}`,
    local: absolute,
    ...(outside ? { outside: true } : {}),
    ...(existsSync(absolute) ? {} : { missing: true }),
  };
}

/**
 * The package.json value for `spec` (see the module comment). `repoDir` is the docs repository,
 * `cwd` the folder a relative path on the command line is relative to.
 */
export function toolDependency(
  spec: string | undefined,
  repoDir: string,
  cwd: string = process.cwd(),
): ToolDependency {
  const s = spec?.trim() ?? '';
  if (s === '' || s === 'ametijuhend') return { value: `^${VERSION}` };
  if (s.startsWith('file:')) return localPath(s.slice('file:'.length), repoDir, cwd);
  if (LOCAL_PREFIX.test(s)) return localPath(s, repoDir, cwd);
  if (PROTOCOL.test(s)) return { value: s };
  if (TARBALL.test(s) || existsSync(resolve(cwd, s))) return localPath(s, repoDir, cwd);
  const named = /^ametijuhend@(.+)$/.exec(s);
  if (named) {
    const rest = named[1]!;
    if (RANGE_OR_TAG.test(rest) || PROTOCOL.test(rest)) return { value: rest };
    throw new ToolSpecError(s);
  }
  // GitHub shorthand owner/repo (optionally #ref), as npm reads it
  if (/^[\w.-]+\/[\w.-]+(?:#\S+)?$/.test(s)) return { value: s };
  if (RANGE_OR_TAG.test(s) && !s.includes('@')) return { value: s };
  throw new ToolSpecError(s);
}
