/**
 * The build cache: content-addressed, one per output folder, kept beside the project in
 * `<base>/.ametijuhend-cache/<hash of the output folder>/`, where base is the root of the git work
 * tree of the inputs, else the working folder (cacheBase) (not inside the output folder, whose
 * listing stays exactly the outputs; one per output folder, so building the same sources into two
 * folders, say in two time zones, renders both).
 *
 * - `index.json`: what compiling each source gave (its id, whether it is valid, its diagnostics),
 *   by compile key, and the SHA-256 of every stored output, by output key. The compile key hashes
 *   everything the compile depends on: the source bytes, its path (the default id and the paths in
 *   messages), the config fingerprint (config + catalogue + default sections), the tool version, the
 *   versions of the rendering and parsing libraries (versions.ts), the message language and
 *   SOURCE_DATE_EPOCH. One file, written at the end of a build (and now and
 *   then during a long one), rather than one file per description: creating thousands of small
 *   files costs more than the rest of the cache. It also records the last build that used each
 *   entry; beyond a bound, the entries unused the longest are dropped (BuildCache's constructor).
 * - `o/<xx>/<key>`: one rendered output, keyed by the compile key plus the format and its options.
 *   Where the file system allows, a hard link to the output file just written (no second copy of
 *   the bytes); otherwise a copy. Read back only when its SHA-256 is the recorded one, so a damaged
 *   entry, or an output edited in place through the link, is detected and rendered again.
 * - `state.json`: which cache entry each output file was last written from, with its size and mtime,
 *   so a rebuild with nothing changed neither reads nor writes outputs; and which description each
 *   output file was written for, with its SHA-256 (`produced`), so a later build can move aside the
 *   outputs no description produces any more (stale.ts). Only the files recorded there, and only
 *   while they still hold exactly the bytes written, are ever moved.
 *
 * Everything read from the cache is untrusted input (a damaged disk, a hand edit, another tool):
 * every field is schema-checked as it is loaded (keys are 64 hex digits, ids match the id pattern
 * of the schema, sizes and times are non-negative numbers, diagnostics have exactly their fields
 * and sane positions); an entry that fails is a miss, dropped from the index, and the description is
 * rendered again. Nothing read from the cache names a path: output paths are built from the output
 * folder and the id, and both the build and the cache refuse to write outside their folders.
 */
import { bilingual } from '../messages/index.js';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gitWorkTree } from '../fs/root.js';
import { ID_PATTERN } from '../util/slug.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { UsageError } from '../project/discover.js';
import { readRegularFile } from '../fs/read.js';
import {
  assertInside,
  assertNoLinkOut,
  linkOutside,
  tempSuffix,
  trackTemp,
  writeFileAtomic,
} from '../fs/write.js';

export const CACHE_DIR = '.ametijuhend-cache';
/** Bump when the layout or meaning of entries changes. */
const LAYOUT = '2';
/**
 * Save the index after this many new entries (about four per description: its compile and three
 * outputs), so an interrupted batch keeps most of its work.
 */
const SAVE_EVERY = 1000;
/**
 * Read limits: a file beyond them is damage (or a hostile hand edit), read as a cold cache or a
 * miss. The index of the largest bound (four entries per description, a few kept diagnostics each)
 * stays far below 256 MiB; an output as large as that is not one this tool renders.
 */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;
const MAX_STATE_BYTES = 64 * 1024 * 1024;
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
/**
 * Kept diagnostics of one compile entry: MAX_PER_RULE (50) plus a count line for each of the
 * three dozen rules is under 2,000; more is damage (and would cost memory and time on every hit).
 */
export const MAX_CACHED_DIAGNOSTICS = 5_000;

export interface CompileKeyInput {
  toolVersion: string;
  /** The versions of the rendering and parsing libraries (versions.ts: libraryFingerprint). */
  libraries: string;
  configFingerprint: string;
  cwd: string;
  path: string;
  lang: string | undefined;
  sourceDateEpoch: string | undefined;
  /** The last git commit time of the source (ms; see git-dates.ts), when it dates the outputs. */
  committed?: number | undefined;
  bytes: Uint8Array;
}

/**
 * The folder the caches are kept in (`<base>/.ametijuhend-cache`): the root of the git work tree
 * of the first input, so builds and checks run from any folder of a repository share one cache;
 * `cwd` when the inputs are not in a git work tree (or there are none).
 */
export function cacheBase(cwd: string, inputs: readonly string[]): string {
  const first = inputs[0];
  return (first !== undefined ? gitWorkTree(dirname(resolve(cwd, first))) : undefined) ?? cwd;
}

/** The cache folder for builds into `outDir` (relative to `base`), kept under `base` (see cacheBase). */
export function cacheDirFor(base: string, outDir: string): string {
  return join(base, CACHE_DIR, createHash('sha256').update(resolve(base, outDir)).digest('hex').slice(0, 16));
}

export function compileKey(input: CompileKeyInput): string {
  const h = createHash('sha256');
  for (const part of [
    LAYOUT,
    input.toolVersion,
    input.libraries,
    input.configFingerprint,
    input.cwd,
    input.path,
    input.lang ?? '',
    input.sourceDateEpoch ?? '',
    input.committed === undefined ? '' : String(input.committed),
  ])
    h.update(part).update('\0');
  h.update(input.bytes);
  return h.digest('hex');
}

/** The key of a compile entry whose diagnostics depend on the date `day` (YYYY-MM-DD). */
export function metaKey(key: string, day: string): string {
  return createHash('sha256').update(`${key}\0today\0${day}`).digest('hex');
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

/** An output file this tool wrote (see stale.ts): from which description, and exactly what. */
export interface Produced {
  /** The description's absolute path. */
  source: string;
  /** The roster CSV (absolute) of a roster row's document. */
  roster?: string;
  /** SHA-256 (hex) and size of the bytes written. */
  digest: string;
  size: number;
}

/** A produced record as stored: every field checked (it only ever names a file to check). */
function isProduced(v: unknown): v is Produced {
  if (!isRecord(v) || !only(v, PRODUCED_FIELDS)) return false;
  return (
    typeof v.source === 'string' &&
    v.source !== '' &&
    (v.roster === undefined || (typeof v.roster === 'string' && v.roster !== '')) &&
    typeof v.digest === 'string' &&
    KEY.test(v.digest) &&
    Number.isSafeInteger(v.size) &&
    (v.size as number) >= 0
  );
}

/** A cache key: a SHA-256 in hex (anything else in an index is damage, and never becomes a path). */
const KEY = /^[0-9a-f]{64}$/;
const DIAGNOSTIC_FIELDS = new Set([
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'severity',
  'rule',
  'message',
  'suggestions',
  'omitted',
]);
const META_FIELDS = new Set(['id', 'ok', 'sourcePath', 'diagnostics']);
const PRODUCED_FIELDS = new Set(['source', 'roster', 'digest', 'size']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const only = (r: Record<string, unknown>, fields: ReadonlySet<string>): boolean =>
  Object.keys(r).every((k) => fields.has(k));
/** A line or column: a positive integer. */
const isPlace = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 1;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function isDiagnostic(d: unknown): d is Diagnostic {
  if (!isRecord(d) || !only(d, DIAGNOSTIC_FIELDS)) return false;
  return (
    typeof d.file === 'string' &&
    isPlace(d.line) &&
    isPlace(d.column) &&
    isPlace(d.endLine) &&
    isPlace(d.endColumn) &&
    (d.severity === 'error' || d.severity === 'warning') &&
    typeof d.rule === 'string' &&
    /^[a-z0-9-]+$/.test(d.rule) &&
    typeof d.message === 'string' &&
    (d.omitted === undefined || (Number.isSafeInteger(d.omitted) && (d.omitted as number) >= 1)) &&
    (d.suggestions === undefined ||
      (Array.isArray(d.suggestions) && d.suggestions.every((s) => typeof s === 'string')))
  );
}

/** A compile entry as stored: every field checked; the id is one the schema accepts (it names files). */
export function isMeta(v: unknown): v is CompileMeta {
  if (!isRecord(v) || !only(v, META_FIELDS)) return false;
  return (
    typeof v.ok === 'boolean' &&
    typeof v.sourcePath === 'string' &&
    v.sourcePath !== '' &&
    (v.id === undefined || (typeof v.id === 'string' && ID_PATTERN.test(v.id))) &&
    (!v.ok || typeof v.id === 'string') &&
    Array.isArray(v.diagnostics) &&
    v.diagnostics.length <= MAX_CACHED_DIAGNOSTICS &&
    v.diagnostics.every(isDiagnostic)
  );
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export class BuildCache {
  readonly dir: string;
  /** The folder the cache must stay inside by real path (the project folder for the default cache). */
  readonly root: string;
  private state = new Map<string, TargetState>();
  /** Output file → what this tool wrote there (kept in state.json; see stale.ts). */
  private produced = new Map<string, Produced>();
  private stateChanged = false;
  private compiled = new Map<string, unknown>();
  /** Output key → SHA-256 (hex) of the stored bytes. */
  private outputs = new Map<string, string>();
  private unsaved = 0;
  private createdDirs = new Set<string>();
  /** This build's number (one more than the last saved), and the last build that used each entry. */
  private readonly run: number;
  private used = new Map<string, number>();
  private readonly maxEntries: number;

  /** Counters, for tests and the summary line. */
  readonly stats = { metaHits: 0, outputHits: 0, corrupt: 0 };

  /**
   * `maxEntries`: entries (compile results and outputs) kept at least; beyond it and beyond four
   * times what the current build uses, the entries unused the longest are dropped when the index is
   * saved, with their files, so the cache of a repository edited for years stays bounded.
   */
  constructor(dir: string, options: { maxEntries?: number; root?: string } = {}) {
    this.dir = resolve(dir);
    this.root = resolve(options.root ?? dir);
    this.maxEntries = options.maxEntries ?? 20_000;
    // nothing is read from, or written to, where a symbolic link in the cache's path leads
    const out = linkOutside(this.dir, this.root);
    if (out) {
      throw new UsageError(
        bilingual('build.cacheLinkOut', {
          dir: this.dir,
          root: this.root,
          link: out.link,
          target: out.target,
        }),
      );
    }
    const read = (name: string, limit: number): Record<string, unknown> | undefined => {
      try {
        // a named pipe, a device or a huge file in its place is a cold cache, never a hang
        const file = readRegularFile(join(this.dir, name), limit);
        if (!file.ok) return undefined;
        const raw = JSON.parse(file.bytes.toString('utf8')) as unknown;
        if (typeof raw === 'object' && raw !== null && (raw as { layout?: unknown }).layout === LAYOUT)
          return raw as Record<string, unknown>;
      } catch {
        // none yet, or unreadable: a cold cache
      }
      return undefined;
    };
    const state = read('state.json', MAX_STATE_BYTES);
    const targets = state?.targets;
    if (typeof targets === 'object' && targets !== null) {
      for (const [target, t] of Object.entries(targets as Record<string, unknown>)) {
        if (
          isRecord(t) &&
          typeof t.key === 'string' &&
          KEY.test(t.key) &&
          Number.isSafeInteger(t.size) &&
          (t.size as number) >= 0 &&
          isTime(t.mtimeMs)
        )
          this.state.set(target, { key: t.key, size: t.size as number, mtimeMs: t.mtimeMs });
      }
    }
    const produced = state?.produced;
    if (isRecord(produced))
      for (const [target, p] of Object.entries(produced)) if (isProduced(p)) this.produced.set(target, p);
    const index = read('index.json', MAX_INDEX_BYTES);
    const compiled = index?.compiled;
    if (typeof compiled === 'object' && compiled !== null)
      for (const [key, meta] of Object.entries(compiled)) if (KEY.test(key)) this.compiled.set(key, meta);
    const outputs = index?.outputs;
    if (typeof outputs === 'object' && outputs !== null) {
      for (const [key, digest] of Object.entries(outputs as Record<string, unknown>))
        if (KEY.test(key) && typeof digest === 'string' && KEY.test(digest)) this.outputs.set(key, digest);
    }
    this.run = (typeof index?.run === 'number' && Number.isSafeInteger(index.run) ? index.run : 0) + 1;
    const used = index?.used;
    if (typeof used === 'object' && used !== null) {
      for (const [key, run] of Object.entries(used as Record<string, unknown>))
        if (KEY.test(key) && Number.isSafeInteger(run)) this.used.set(key, run as number);
    }
  }

  private use(key: string): void {
    if (this.used.get(key) !== this.run) {
      this.used.set(key, this.run);
      this.unsaved++;
    }
  }

  private outputPath(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key}`);
    return join(this.dir, 'o', key.slice(0, 2), key);
  }

  getMeta(key: string): CompileMeta | undefined {
    const raw = this.compiled.get(key);
    if (raw === undefined) return undefined;
    if (!isMeta(raw)) {
      // damaged: a miss, and dropped from the index when it is next saved
      this.stats.corrupt++;
      this.compiled.delete(key);
      this.touched();
      return undefined;
    }
    this.stats.metaHits++;
    this.use(key);
    return raw;
  }

  putMeta(key: string, meta: CompileMeta): void {
    this.compiled.set(key, meta);
    this.use(key);
    this.touched();
  }

  /** True when the entry is recorded (its file is checked when it is read). */
  hasOutput(key: string): boolean {
    if (!this.outputs.has(key)) return false;
    this.use(key);
    return true;
  }

  /** The stored bytes of an output, or undefined when missing, damaged or edited. */
  getOutput(key: string): Uint8Array | undefined {
    const digest = this.outputs.get(key);
    if (digest === undefined) return undefined;
    const file = readRegularFile(this.outputPath(key), MAX_OUTPUT_BYTES);
    if (!file.ok) {
      this.outputs.delete(key);
      this.touched();
      return undefined;
    }
    const data = file.bytes;
    if (sha256(data) !== digest) {
      this.stats.corrupt++;
      this.outputs.delete(key);
      try {
        rmSync(this.outputPath(key), { force: true });
      } catch {
        // rewritten when the description is rendered again
      }
      this.touched();
      return undefined;
    }
    this.stats.outputHits++;
    return data;
  }

  /**
   * Stores `data` as the output `key`. `writtenTo` is a file that holds exactly these bytes (the
   * output just written): the entry is then a hard link to it, else a copy.
   */
  putOutput(key: string, data: Uint8Array, writtenTo?: string): void {
    const path = this.outputPath(key);
    assertInside(this.dir, path);
    const folder = join(this.dir, 'o', key.slice(0, 2));
    if (!this.createdDirs.has(folder)) {
      assertNoLinkOut(folder, this.root);
      mkdirSync(folder, { recursive: true });
      this.createdDirs.add(folder);
    }
    // checked on every write: a folder may be swapped for a link during a long build
    assertNoLinkOut(folder, this.root);
    let linked = false;
    if (writtenTo !== undefined) {
      // link beside the entry, then rename over it: the entry is always whole
      try {
        linkSync(writtenTo, path);
        linked = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          // an entry from an earlier run: link beside it, then rename over it, so it is always whole
          const tmp = `${path}.${tempSuffix()}.tmp`;
          // removed on Ctrl+C / SIGTERM like every other temporary file
          const untrack = trackTemp(tmp);
          try {
            linkSync(writtenTo, tmp);
            renameSync(tmp, path);
            linked = true;
          } catch {
            rmSync(tmp, { force: true });
          } finally {
            untrack();
          }
        }
      }
    }
    if (!linked) writeFileAtomic(path, data, this.root);
    this.outputs.set(key, sha256(data));
    this.use(key);
    this.touched();
  }

  /** Drops the entries unused the longest while there are more than the bound (see constructor). */
  private prune(): void {
    const total = this.compiled.size + this.outputs.size;
    let thisRun = 0;
    for (const r of this.used.values()) if (r === this.run) thisRun++;
    const bound = Math.max(this.maxEntries, 4 * thisRun);
    if (total <= bound) return;
    const keys = [...this.compiled.keys(), ...this.outputs.keys()];
    keys.sort((a, b) => (this.used.get(a) ?? 0) - (this.used.get(b) ?? 0));
    for (const key of keys.slice(0, total - bound)) {
      if (this.used.get(key) === this.run) break;
      this.compiled.delete(key);
      if (this.outputs.delete(key)) rmSync(this.outputPath(key), { force: true });
      this.used.delete(key);
    }
  }

  private touched(): void {
    if (++this.unsaved >= SAVE_EVERY) this.save();
  }

  /**
   * True when `target` is still exactly what was written from the entry `key`: the same size and
   * mtime as recorded, and then its SHA-256 the entry's (an output edited in place with its size
   * and mtime put back is caught; hashing only what is about to be reused keeps it cheap).
   */
  isCurrent(target: string, key: string): boolean {
    const s = this.state.get(target);
    const digest = this.outputs.get(key);
    if (!s || s.key !== key || digest === undefined) return false;
    try {
      const st = statSync(target);
      if (!st.isFile() || st.size !== s.size || st.mtimeMs !== s.mtimeMs) return false;
      const file = readRegularFile(target, MAX_OUTPUT_BYTES);
      return file.ok && sha256(file.bytes) === digest;
    } catch {
      return false;
    }
  }

  /** Records that `target` was just written from the entry `key`. */
  wrote(target: string, key: string, written?: Stats): void {
    try {
      const st = written ?? statSync(target);
      this.state.set(target, { key, size: st.size, mtimeMs: st.mtimeMs });
      this.stateChanged = true;
    } catch {
      this.state.delete(target);
    }
  }

  forget(target: string): void {
    if (this.state.delete(target)) this.stateChanged = true;
  }

  /** The SHA-256 recorded for the output entry `key`. */
  digestOf(key: string): string | undefined {
    return this.outputs.get(key);
  }

  /** Records that this tool wrote `target` (or found it exactly as written) for `what.source`. */
  recordProduced(target: string, what: Produced): void {
    const old = this.produced.get(target);
    if (
      old?.source === what.source &&
      old.roster === what.roster &&
      old.digest === what.digest &&
      old.size === what.size
    )
      return;
    this.produced.set(target, what);
    this.stateChanged = true;
  }

  forgetProduced(target: string): void {
    if (this.produced.delete(target)) this.stateChanged = true;
  }

  /** Every output file recorded as written by this tool (a copy: entries may be dropped meanwhile). */
  producedFiles(): [string, Produced][] {
    return [...this.produced];
  }

  /** Writes the index and the output state (when anything changed). */
  save(): void {
    if (this.unsaved > 0) {
      this.prune();
      const compiled: Record<string, unknown> = {};
      for (const [k, m] of this.compiled) compiled[k] = m;
      const outputs: Record<string, string> = {};
      for (const [k, d] of this.outputs) outputs[k] = d;
      const used: Record<string, number> = {};
      for (const [k, r] of this.used) if (this.compiled.has(k) || this.outputs.has(k)) used[k] = r;
      writeFileAtomic(
        join(this.dir, 'index.json'),
        Buffer.from(JSON.stringify({ layout: LAYOUT, run: this.run, compiled, outputs, used })),
        this.root,
      );
      this.unsaved = 0;
    }
    if (this.stateChanged) {
      const targets: Record<string, TargetState> = {};
      for (const [t, s] of this.state) targets[t] = s;
      const produced: Record<string, Produced> = {};
      for (const [t, p] of this.produced) produced[t] = p;
      writeFileAtomic(
        join(this.dir, 'state.json'),
        Buffer.from(JSON.stringify({ layout: LAYOUT, targets, produced })),
        this.root,
      );
      this.stateChanged = false;
    }
  }
}
