/**
 * A description compiled as it was at a git ref, with its config as it was there too: the nearest
 * `ametijuhend.config.yaml` at the ref (the one ConfigLoader would have found) and the files it
 * names (the competency catalogue, the default sections), all read from git into a temporary folder
 * laid out as the repository, then compiled there. So a change to the catalogue or a default
 * section since the ref shows in the report, as it does in the fingerprint (`verify`).
 *
 * A config or a file it names that git does not have at the ref is simply absent there (the
 * compiler reports it, as it would have then). A file a config names outside the repository is
 * refused by the config rules, as in the repository.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { compileSource, type CompileResult } from '../compiler/compile.js';
import { ConfigLoader, CONFIG_NAME } from '../config/load.js';
import { isInside } from '../fs/root.js';
import type { MessageLang } from '../validate/diagnostic.js';
import { blobAtRef } from './git.js';

/** The paths (from the repository's top) a config at `configPath` names, as it names them. */
function namedFiles(configText: string, configPath: string): string[] {
  let data: unknown;
  try {
    data = parse(configText, { maxAliasCount: 100 });
  } catch {
    return []; // a broken config: the compiler reports it
  }
  if (typeof data !== 'object' || data === null) return [];
  const record = data as { competencies?: unknown; defaults?: unknown };
  const refs: unknown[] = [record.competencies];
  if (typeof record.defaults === 'object' && record.defaults !== null)
    refs.push(...Object.values(record.defaults as Record<string, unknown>));
  const dir = posix.dirname(configPath);
  const out: string[] = [];
  for (const ref of refs) {
    if (typeof ref !== 'string' || ref === '' || isAbsolute(ref) || /^[a-zA-Z]:[\\/]/.test(ref)) continue;
    const path = posix.normalize(posix.join(dir, ref.replace(/\\/g, '/')));
    // outside the repository: never read (the config rule reports it)
    if (path === '..' || path.startsWith('../')) continue;
    out.push(path);
  }
  return out;
}

export interface AtRefOptions {
  /** Paths in messages are shown relative to this folder. */
  cwd?: string;
  lang?: MessageLang;
}

/**
 * Compiles `bytes` (the description at `ref`, at `path` from the top of the repository `top`) with
 * its config as it was at `ref`. Diagnostics name the files as `REF:path`.
 */
export function compileAtRef(
  top: string,
  ref: string,
  path: string,
  bytes: Uint8Array,
  options: AtRefOptions = {},
): CompileResult {
  const tmp = mkdtempSync(join(tmpdir(), 'ametijuhend-at-ref-'));
  try {
    // the bound of config discovery, as the repository's top is
    mkdirSync(join(tmp, '.git'));
    const put = (rel: string, data: Uint8Array): void => {
      const target = resolve(tmp, rel);
      if (!isInside(target, tmp)) return;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    };
    put(path, bytes);
    // the nearest config at the ref, from the description's folder up to the top
    for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
      const configPath = dir === '.' ? CONFIG_NAME : `${dir}/${CONFIG_NAME}`;
      const config = blobAtRef(top, ref, configPath);
      if (config) {
        put(configPath, config);
        for (const named of namedFiles(Buffer.from(config).toString('utf8'), configPath)) {
          const file = blobAtRef(top, ref, named);
          if (file) put(named, file);
        }
        break;
      }
      if (dir === '.') break;
    }
    const file = join(tmp, path);
    const cwd = options.cwd ?? process.cwd();
    const result = compileSource(bytes, {
      path: file,
      cwd,
      configLoader: new ConfigLoader({ cwd, ...(options.lang ? { lang: options.lang } : {}) }),
      ...(options.lang ? { lang: options.lang } : {}),
    });
    // name the files as git does at the ref, not by the temporary folder
    for (const d of result.diagnostics) {
      const abs = resolve(cwd, d.file);
      if (isInside(abs, tmp)) d.file = `${ref}:${relative(tmp, abs).split('\\').join('/')}`;
    }
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
