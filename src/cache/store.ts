/**
 * The build cache: content-addressed, one per output folder, kept beside the project in
 * `<cwd>/.ametijuhend-cache/<hash of the output folder>/` (not inside the output folder, whose
 * listing stays exactly the outputs; one per output folder, so building the same sources into two
 * folders, say in two time zones, renders both).
 *
 * - `m/<key>.json`: what compiling one source gave (its id, whether it is valid, its diagnostics).
 *   The key hashes everything the compile depends on: the source bytes, its path (the default id and
 *   the paths in messages), the config fingerprint (config + catalogue + default sections), the tool
 *   version, the message language and SOURCE_DATE_EPOCH.
 * - `o/<key>`: one rendered output, keyed by the compile key plus the format and its options. Stored
 *   with a header and the SHA-256 of the bytes, so a damaged entry is detected and ignored.
 * - `state.json`: which cache entry each output file was last written from, with its size and mtime,
 *   so a rebuild with nothing changed neither reads nor writes outputs.
 *
 * Every read is defensive: anything unexpected is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../validate/diagnostic.js';
import { writeFileAtomic } from '../write.js';

export const CACHE_DIR = '.ametijuhend-cache';
/** Bump when the layout or meaning of entries changes. */
const LAYOUT = '1';
const MAGIC = Buffer.from('AJC1');
const HEADER = MAGIC.length + 32;

export interface CompileKeyInput {
  toolVersion: string;
  configFingerprint: string;
  cwd: string;
  path: string;
  lang: string | undefined;
  sourceDateEpoch: string | undefined;
  bytes: Uint8Array;
}

/** The cache folder for builds into `outDir` run from `cwd`. */
export function cacheDirFor(cwd: string, outDir: string): string {
  return join(cwd, CACHE_DIR, createHash('sha256').update(resolve(cwd, outDir)).digest('hex').slice(0, 16));
}

export function compileKey(input: CompileKeyInput): string {
  const h = createHash('sha256');
  for (const part of [
    LAYOUT,
    input.toolVersion,
    input.configFingerprint,
    input.cwd,
    input.path,
    input.lang ?? '',
    input.sourceDateEpoch ?? '',
  ])
    h.update(part).update('\0');
  h.update(input.bytes);
  return h.digest('hex');
}

/** The key of one output: the compile key plus the format and the options that change its bytes. */
export function outputKey(key: string, format: string, formatOptions: string): string {
  return createHash('sha256').update(`${key}\0${format}\0${formatOptions}`).digest('hex');
}

export interface CompileMeta {
  /** The description's id (present when it is valid). */
  id?: string;
  ok: boolean;
  /** Path shown in build failures (the source's display path). */
  sourcePath: string;
  diagnostics: Diagnostic[];
}

interface TargetState {
  key: string;
  size: number;
  mtimeMs: number;
}

function isDiagnostic(d: unknown): d is Diagnostic {
  if (typeof d !== 'object' || d === null) return false;
  const r = d as Record<string, unknown>;
  return (
    typeof r.file === 'string' &&
    typeof r.line === 'number' &&
    typeof r.column === 'number' &&
    typeof r.endLine === 'number' &&
    typeof r.endColumn === 'number' &&
    (r.severity === 'error' || r.severity === 'warning') &&
    typeof r.rule === 'string' &&
    typeof r.message === 'string'
  );
}

function isMeta(v: unknown): v is CompileMeta {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.ok === 'boolean' &&
    typeof r.sourcePath === 'string' &&
    (r.id === undefined || typeof r.id === 'string') &&
    (!r.ok || typeof r.id === 'string') &&
    Array.isArray(r.diagnostics) &&
    r.diagnostics.every(isDiagnostic)
  );
}

export class BuildCache {
  readonly dir: string;
  private state = new Map<string, TargetState>();
  private stateChanged = false;

  /** Counters, for tests and the summary line. */
  readonly stats = { metaHits: 0, outputHits: 0, corrupt: 0 };

  constructor(dir: string) {
    this.dir = dir;
    try {
      const raw = JSON.parse(readFileSync(join(this.dir, 'state.json'), 'utf8')) as unknown;
      if (typeof raw === 'object' && raw !== null && (raw as { layout?: unknown }).layout === LAYOUT) {
        const targets = (raw as { targets?: unknown }).targets;
        if (typeof targets === 'object' && targets !== null) {
          for (const [target, s] of Object.entries(targets as Record<string, unknown>)) {
            const t = s as Partial<TargetState> | null;
            if (t && typeof t.key === 'string' && typeof t.size === 'number' && typeof t.mtimeMs === 'number')
              this.state.set(target, { key: t.key, size: t.size, mtimeMs: t.mtimeMs });
          }
        }
      }
    } catch {
      // no state yet, or unreadable: every output is (re)written
    }
  }

  private metaPath(key: string): string {
    return join(this.dir, 'm', `${key}.json`);
  }

  private outputPath(key: string): string {
    return join(this.dir, 'o', key.slice(0, 2), key);
  }

  getMeta(key: string): CompileMeta | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.metaPath(key), 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.stats.corrupt++;
      return undefined;
    }
    if (!isMeta(raw)) {
      this.stats.corrupt++;
      return undefined;
    }
    this.stats.metaHits++;
    return raw;
  }

  putMeta(key: string, meta: CompileMeta): void {
    writeFileAtomic(this.metaPath(key), Buffer.from(JSON.stringify(meta)));
  }

  hasOutput(key: string): boolean {
    return existsSync(this.outputPath(key));
  }

  /** The stored bytes of an output, or undefined when missing or damaged. */
  getOutput(key: string): Uint8Array | undefined {
    let raw: Buffer;
    try {
      raw = readFileSync(this.outputPath(key));
    } catch {
      return undefined;
    }
    const data = raw.subarray(HEADER);
    if (
      raw.length < HEADER ||
      !raw.subarray(0, MAGIC.length).equals(MAGIC) ||
      !createHash('sha256').update(data).digest().equals(raw.subarray(MAGIC.length, HEADER))
    ) {
      this.stats.corrupt++;
      return undefined;
    }
    this.stats.outputHits++;
    return data;
  }

  putOutput(key: string, data: Uint8Array): void {
    const digest = createHash('sha256').update(data).digest();
    writeFileAtomic(this.outputPath(key), Buffer.concat([MAGIC, digest, data]));
  }

  /** True when `target` is still exactly what was written from the entry `key`. */
  isCurrent(target: string, key: string): boolean {
    const s = this.state.get(target);
    if (!s || s.key !== key) return false;
    try {
      const st = statSync(target);
      return st.size === s.size && st.mtimeMs === s.mtimeMs;
    } catch {
      return false;
    }
  }

  /** Records that `target` was just written from the entry `key`. */
  wrote(target: string, key: string): void {
    try {
      const st = statSync(target);
      this.state.set(target, { key, size: st.size, mtimeMs: st.mtimeMs });
      this.stateChanged = true;
    } catch {
      this.state.delete(target);
    }
  }

  forget(target: string): void {
    if (this.state.delete(target)) this.stateChanged = true;
  }

  saveState(): void {
    if (!this.stateChanged) return;
    const targets: Record<string, TargetState> = {};
    for (const [t, s] of this.state) targets[t] = s;
    writeFileAtomic(join(this.dir, 'state.json'), Buffer.from(JSON.stringify({ layout: LAYOUT, targets })));
    this.stateChanged = false;
  }
}
