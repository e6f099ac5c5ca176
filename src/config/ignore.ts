/**
 * The config's `ignore:` list: Markdown files that are not descriptions, written as .gitignore
 * lines. Each pattern is relative to the folder of the config that names it:
 *
 * - a pattern with a `/` at its start or in the middle is anchored there (`/notes.md`,
 *   `docs/drafts`); one without matches at any depth (`drafts`, `*.draft.md`);
 * - a pattern ending in `/` matches only folders (`drafts/`);
 * - `*` and `?` do not cross a `/`, `**` does; names starting with a dot match as any other;
 * - `!` re-includes what an earlier pattern ignored (`\!` and `\#` start a pattern with a literal
 *   `!` or `#`), but never a file inside an ignored folder (git does not look inside it either);
 * - an ignored folder is not walked at all.
 *
 * The configs from a file's folder up to the repository's root all apply (as every .gitignore
 * does), the outer first, so the nearest config's patterns decide last.
 */
import { lazyRequire } from '../util/lazy-require.js';

/** picomatch, loaded with the first pattern compiled (most configs have no `ignore:`). */
const picomatch = lazyRequire<typeof import('picomatch')>('picomatch');

/** One compiled `ignore:` entry. */
export interface IgnorePattern {
  /** As the config writes it. */
  source: string;
  negated: boolean;
  /** Matches only folders (the pattern ends in `/`). */
  dirOnly: boolean;
  match: (relativePath: string) => boolean;
}

/** The patterns of one config, relative to its folder. */
export interface IgnoreList {
  /** Absolute folder the patterns are relative to. */
  base: string;
  /** The config that names them (its display path). */
  config: string;
  patterns: IgnorePattern[];
}

/** Compiles one .gitignore-style line (undefined: it matches nothing, such as a lone `!`). */
export function compilePattern(source: string): IgnorePattern | undefined {
  let p = source.trim();
  const negated = p.startsWith('!');
  if (negated) p = p.slice(1);
  else if (p.startsWith('\\!') || p.startsWith('\\#')) p = p.slice(1);
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  // a slash at the start or in the middle anchors the pattern to the config's folder
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return undefined;
  const glob = anchored ? p : `**/${p}`;
  const match = picomatch()(glob, { dot: true });
  return { source, negated, dirOnly, match: (rel) => match(rel) };
}

/** Compiles a config's `ignore:` list. */
export function compileIgnore(patterns: readonly string[], base: string, config: string): IgnoreList {
  const compiled: IgnorePattern[] = [];
  for (const p of patterns) {
    const c = compilePattern(p);
    if (c) compiled.push(c);
  }
  return { base, config, patterns: compiled };
}

/** Why a path is ignored: the pattern that decided, and the config that names it. */
export interface IgnoredBy {
  pattern: string;
  config: string;
}

const posix = (path: string): string => path.split('\\').join('/');

/**
 * The last pattern of `lists` (outer config first) that matches `path` decides; undefined when
 * none matches or the deciding one is a negation. `rel(list)` is the path relative to a list's base
 * (undefined: the path is not below it).
 */
export function decide(
  lists: readonly IgnoreList[],
  isDir: boolean,
  rel: (list: IgnoreList) => string | undefined,
): IgnoredBy | undefined {
  let decided: IgnoredBy | undefined;
  for (const list of lists) {
    const r = rel(list);
    if (r === undefined || r === '') continue;
    const path = posix(r);
    for (const p of list.patterns) {
      if (p.dirOnly && !isDir) continue;
      if (!p.match(path)) continue;
      decided = p.negated ? undefined : { pattern: p.source, config: list.config };
    }
  }
  return decided;
}
