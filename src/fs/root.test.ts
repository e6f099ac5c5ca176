/**
 * isInside's and shownPath's text comparisons (normal absolute POSIX paths) must answer exactly as
 * the comparison of resolved paths does, for every shape of path: `.`/`..` parts, doubled and trailing slashes,
 * names that start with dots, the root folder itself.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolved, shownPath } from './root.js';

/** The comparison by resolved paths (isInside's general case). */
function resolvedInside(path: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

describe('isInside', () => {
  it('answers as resolved paths do, for every shape of path', () => {
    const parts = ['', '/', 'a', 'b', 'ab', '..', '.', '..shared', '.x', 'a/', '/a', '//', 'a/..', 'a/./b'];
    const mismatches: string[] = [];
    let cases = 0;
    for (const x of parts)
      for (const y of parts)
        for (const z of parts)
          for (const w of parts) {
            const p = `/${x}/${y}${z}`;
            const r = `/${z}${w}`;
            for (const [a, b] of [
              [p, r],
              [r, p],
              [`/a/b${x}`, `/a${y}`],
              [p.replace(/\/+$/, ''), `${r}/`],
            ] as const) {
              cases++;
              if (isInside(a, b) !== resolvedInside(a, b)) mismatches.push(`${a} in ${b}`);
            }
          }
    expect(cases).toBeGreaterThan(100_000);
    expect(mismatches).toEqual([]);
  });

  it('shows paths as relative() of resolved paths does, for every shape of path', () => {
    const general = (path: string, cwd: string): string => {
      const rel = relative(resolve(cwd), resolve(path));
      return rel && resolvedInside(path, cwd) ? rel : path;
    };
    const parts = ['', '/', 'a', 'b', 'ab', '..', '.', '..shared', '.x', 'a/', '/a', '//', 'a/..', 'a/./b'];
    const mismatches: string[] = [];
    let cases = 0;
    for (const x of parts)
      for (const y of parts)
        for (const z of parts) {
          for (const [path, cwd] of [
            [`/${x}/${y}${z}`, `/${z}`],
            [`/a/${x}${y}`, `/a${z}`],
            [`/a/b/${x}`, `/${y}/`],
            [`/${x}`, '/'],
          ] as const) {
            cases++;
            if (shownPath(path, cwd) !== general(path, cwd)) mismatches.push(`${path} from ${cwd}`);
          }
        }
    expect(cases).toBeGreaterThan(10_000);
    expect(mismatches).toEqual([]);
    expect(shownPath('/work/docs/osakond/a.md', '/work/docs')).toBe('osakond/a.md');
    expect(shownPath('/work/docs', '/work/docs')).toBe('/work/docs');
    expect(shownPath('/work/other/a.md', '/work/docs')).toBe('/work/other/a.md');
  });

  it('resolves as resolve() does, for every shape of path', () => {
    const parts = ['', '/', 'a', 'b', '..', '.', '..shared', '.x', 'a/', '/a', '//', 'a/..', 'a/./b'];
    const mismatches: string[] = [];
    for (const x of parts)
      for (const y of parts)
        for (const z of parts)
          for (const p of [`/${x}${y}${z}`, `${x}${y}/${z}`, `/${x}/${y}/${z}/`])
            if (resolved(p) !== resolve(p)) mismatches.push(p);
    expect(mismatches).toEqual([]);
    expect(resolved('/work/docs/a.md')).toBe('/work/docs/a.md');
  });

  it('knows the plain cases', () => {
    expect(isInside('/work/out/a.pdf', '/work/out')).toBe(true);
    expect(isInside('/work/out', '/work/out/')).toBe(true);
    expect(isInside('/work/output/a.pdf', '/work/out')).toBe(false);
    expect(isInside('/work/out/../x', '/work/out')).toBe(false);
    expect(isInside('/work/out/..shared', '/work/out')).toBe(true);
    expect(isInside('/anything', '/')).toBe(true);
    expect(isInside('out/a.pdf', 'out')).toBe(true);
  });
});
