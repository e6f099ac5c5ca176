/**
 * `check --cache` (as eslint's): what checking each file gave (its diagnostics and its summary),
 * kept in `<repository root>/.ametijuhend-cache/check/index.json` beside the build's cache, keyed by
 *
 * - the SHA-256 of the file's bytes,
 * - the config fingerprint (the config text, the catalogue and the default sections it names) and
 *   the config's path (config problems are reported in every file under it),
 * - the tool version (a new release may have new rules or messages),
 * - the file's path and the working folder (the default id, the paths in messages), the message
 *   language, and, when the config asks for reviews, today's date (review-overdue compares with it;
 *   without a review period nothing depends on the date, and a cache outlives the day).
 *
 * The repository-wide rules (duplicate ids, references between descriptions) are never cached: they
 * run on the summaries, cached or fresh, so a change in one file is seen in every other.
 *
 * Beside the entries, the index keeps what each config text parsed to (`configs`, keyed by the
 * text's SHA-256 and the tool version): the configs are read before the files are discovered (their
 * `ignore:` decides which files there are), and with their data known a warm check never loads the
 * YAML parser (~30 ms of a check of 1,000 unchanged files). Only the settings are taken from it
 * (config/load.ts ParsedConfigs); whatever needs the document itself parses the text.
 *
 * Everything read back is untrusted (a damaged disk, a hand edit, another tool): each entry is
 * checked field by field as it is used; one that fails is a miss, compiled again and replaced. The
 * index is written (atomically, never through a symbolic link out of the project) only when an
 * entry was added or dropped, so a check with nothing changed writes nothing.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Position } from 'unist';
import { CACHE_DIR, MAX_CACHED_DIAGNOSTICS, isDiagnostic } from '../build/cache.js';
import type { CompileResult } from '../compiler/compile.js';
import type { ConfigLoader, ParsedConfigs } from '../config/load.js';
import { readRegularFile } from '../fs/read.js';
import { gitWorkTree, resolved, shownPath } from '../fs/root.js';
import { linkOutside, removeStaleTempFiles, writeFileAtomic } from '../fs/write.js';
import { summarize } from '../compiler/summary.js';
import type { DescriptionSummary } from '../validate/summary.js';
import { today } from '../util/dates.js';
import { VERSION } from '../util/version.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import { MAX_SOURCE_BYTES } from '../validate/rules/file-too-large.js';
import { UsageError, type InputFile } from './discover.js';

/** Bump when the layout or meaning of entries changes. */
const LAYOUT = '1';
/** An index larger than this is damage: a cold cache. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;
/** Entries kept at least; beyond it (and beyond twice what a check uses) the oldest unused go. */
const MAX_ENTRIES = 20_000;
/** Parsed configs kept at least; beyond it (and beyond twice what a check uses) the oldest unused go. */
const MAX_CONFIGS = 200;

export interface CheckCacheOptions {
  /** Cache folder (default: `.ametijuhend-cache/check` under cwd, which it must stay inside). */
  dir?: string;
  /** The tool version in the key (default: this package's); for tests. */
  toolVersion?: string;
}

/** What checking one file gave, as stored. */
export interface CheckEntry {
  diagnostics: Diagnostic[];
  summary: DescriptionSummary;
}

const KEY = /^[0-9a-f]{64}$/;
const RULE_ID = /^[a-z0-9-]+$/;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const onlyFields = (r: Record<string, unknown>, fields: readonly string[]): boolean =>
  Object.keys(r).every((k) => fields.includes(k));
const optional = (v: unknown, test: (v: unknown) => boolean): boolean => v === undefined || test(v);

function isPoint(v: unknown): boolean {
  return (
    isRecord(v) &&
    onlyFields(v, ['line', 'column', 'offset']) &&
    Number.isSafeInteger(v.line) &&
    (v.line as number) >= 1 &&
    Number.isSafeInteger(v.column) &&
    (v.column as number) >= 1 &&
    optional(v.offset, isCount)
  );
}

function isPosition(v: unknown): v is Position {
  return isRecord(v) && onlyFields(v, ['start', 'end']) && isPoint(v.start) && isPoint(v.end);
}

function isReference(v: unknown): boolean {
  return (
    isRecord(v) &&
    onlyFields(v, ['key', 'value', 'position']) &&
    (v.key === 'reportsTo' || v.key === 'substitutedBy' || v.key === 'substitutes') &&
    typeof v.value === 'string' &&
    isPosition(v.position)
  );
}

function isSeverities(v: unknown): boolean {
  return (
    isRecord(v) &&
    Object.entries(v).every(
      ([rule, s]) => RULE_ID.test(rule) && (s === 'error' || s === 'warning' || s === 'off'),
    )
  );
}

const SUMMARY_FIELDS = [
  'file',
  'id',
  'idPosition',
  'title',
  'titlePosition',
  'unit',
  'version',
  'reviewed',
  'reviewedPosition',
  'lang',
  'references',
  'reviewMonths',
  'knownTitles',
  'config',
  'severities',
  'errorCount',
  'warningCount',
] as const;

/** A stored summary: exactly the fields of DescriptionSummary, each of its type. */
export function isSummary(v: unknown): v is DescriptionSummary {
  if (!isRecord(v) || !onlyFields(v, SUMMARY_FIELDS)) return false;
  const str = (x: unknown): boolean => typeof x === 'string';
  return (
    typeof v.file === 'string' &&
    typeof v.id === 'string' &&
    optional(v.idPosition, isPosition) &&
    optional(v.title, str) &&
    optional(v.titlePosition, isPosition) &&
    isStrings(v.unit) &&
    optional(v.version, str) &&
    optional(v.reviewed, str) &&
    optional(v.reviewedPosition, isPosition) &&
    (v.lang === 'et' || v.lang === 'en') &&
    Array.isArray(v.references) &&
    v.references.every(isReference) &&
    optional(v.reviewMonths, (m) => Number.isSafeInteger(m) && (m as number) >= 1) &&
    isStrings(v.knownTitles) &&
    optional(v.config, str) &&
    isSeverities(v.severities) &&
    isCount(v.errorCount) &&
    isCount(v.warningCount)
  );
}

/** A stored entry: its diagnostics and summary checked, and its counts those of its diagnostics. */
export function isEntry(v: unknown, file: string): v is CheckEntry {
  if (!isRecord(v) || !onlyFields(v, ['diagnostics', 'summary'])) return false;
  const { diagnostics, summary } = v;
  if (!Array.isArray(diagnostics) || diagnostics.length > MAX_CACHED_DIAGNOSTICS) return false;
  if (!diagnostics.every(isDiagnostic) || !isSummary(summary) || summary.file !== file) return false;
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors += d.omitted ?? 1;
    else warnings += d.omitted ?? 1;
  }
  return errors === summary.errorCount && warnings === summary.warningCount;
}

export interface CheckKeyInput {
  toolVersion: string;
  configFingerprint: string;
  configPath: string | undefined;
  cwd: string;
  path: string;
  lang: string | undefined;
  today: string;
  bytes: Uint8Array;
}

export function checkKey(input: CheckKeyInput): string {
  const h = createHash('sha256');
  for (const part of [
    LAYOUT,
    input.toolVersion,
    input.configFingerprint,
    input.configPath ?? '',
    input.cwd,
    input.path,
    input.lang ?? '',
    input.today,
  ])
    h.update(part).update('\0');
  h.update(input.bytes);
  return h.digest('hex');
}

/**
 * Values by key in order of last use, remembering which were used by this run: when saved, the
 * oldest of the others go once there are more than `min` (and more than twice what the run used).
 */
class RecentlyUsed {
  readonly values = new Map<string, unknown>();
  private readonly usedNow = new Set<string>();
  constructor(private readonly min: number) {}

  use(key: string, value: unknown): void {
    this.values.delete(key);
    this.values.set(key, value);
    this.usedNow.add(key);
  }

  /** What is kept, oldest first, as a JSON object. */
  kept(): Record<string, unknown> {
    const bound = Math.max(this.min, 2 * this.usedNow.size);
    for (const key of this.values.keys()) {
      if (this.values.size <= bound) break;
      if (!this.usedNow.has(key)) this.values.delete(key);
    }
    return Object.fromEntries(this.values);
  }
}

export class CheckCache {
  readonly dir: string;
  /** The folder the cache must stay inside by real path. */
  readonly root: string;
  /** Entries as read (unchecked until used), then as stored. */
  private entries = new RecentlyUsed(MAX_ENTRIES);
  /** What config texts parsed to (config/load.ts ParsedConfigs), by their key. */
  private configs = new RecentlyUsed(MAX_CONFIGS);
  private changed = false;
  readonly stats = { hits: 0, misses: 0, corrupt: 0 };

  constructor(dir: string, root: string = dir) {
    this.dir = resolve(dir);
    this.root = resolve(root);
    const out = linkOutside(this.dir, this.root);
    if (out) {
      throw new UsageError(
        `the cache folder ${this.dir} leads out of ${this.root}: ${out.link} is a symbolic link to ${out.target}; ` +
          `remove the link / vahemälu kaust ${this.dir} viib kaustast ${this.root} välja: ` +
          `${out.link} on nimeviide kohta ${out.target}; eemalda viide`,
      );
    }
    try {
      // a named pipe, a device or a huge file in its place is a cold cache, never a hang
      const file = readRegularFile(join(this.dir, 'index.json'), MAX_INDEX_BYTES);
      if (!file.ok) return;
      const raw = JSON.parse(file.bytes.toString('utf8')) as unknown;
      if (!isRecord(raw) || raw.layout !== LAYOUT || !isRecord(raw.entries)) return;
      for (const [key, entry] of Object.entries(raw.entries))
        if (KEY.test(key)) this.entries.values.set(key, entry);
      if (isRecord(raw.configs))
        for (const [key, data] of Object.entries(raw.configs))
          if (KEY.test(key)) this.configs.values.set(key, data);
    } catch {
      // unreadable or not JSON: a cold cache
    }
  }

  /** The entry stored under `key` for `file` (its shown path), or undefined (a miss, or damage). */
  get(key: string, file: string): CheckEntry | undefined {
    const raw = this.entries.values.get(key);
    if (raw === undefined) {
      this.stats.misses++;
      return undefined;
    }
    if (!isEntry(raw, file)) {
      this.stats.corrupt++;
      this.stats.misses++;
      this.entries.values.delete(key);
      this.changed = true;
      return undefined;
    }
    this.stats.hits++;
    this.entries.use(key, raw);
    // the caller adds the repository rules' counts to the summary: never to the stored one
    return { diagnostics: [...raw.diagnostics], summary: { ...raw.summary } };
  }

  put(key: string, entry: CheckEntry): void {
    // stored as it is now: the summary is changed afterwards (the repository rules' counts)
    this.entries.use(key, JSON.parse(JSON.stringify(entry)) as CheckEntry);
    this.changed = true;
  }

  /**
   * What config texts parsed to, for a ConfigLoader: by the text's hash and the tool version (a new
   * release may parse differently). Read back untrusted: the loader checks each setting's type.
   */
  parsedConfigs(toolVersion: string = VERSION): ParsedConfigs {
    const keyOf = (textHash: string): string =>
      createHash('sha256').update(`${LAYOUT}\0config\0${toolVersion}\0${textHash}`).digest('hex');
    return {
      get: (textHash) => {
        const key = keyOf(textHash);
        const data = this.configs.values.get(key);
        if (data !== undefined) this.configs.use(key, data);
        return data;
      },
      set: (textHash, data) => {
        this.configs.use(keyOf(textHash), data);
        this.changed = true;
      },
    };
  }

  /** Writes the index when an entry was added or dropped; a cache that cannot be written is skipped. */
  save(): void {
    if (!this.changed) return;
    const entries = this.entries.kept();
    const configs = this.configs.kept();
    try {
      // what a check killed while saving left behind (never anything else)
      removeStaleTempFiles(this.dir);
      writeFileAtomic(
        join(this.dir, 'index.json'),
        Buffer.from(JSON.stringify({ layout: LAYOUT, entries, configs })),
        this.root,
      );
      this.changed = false;
    } catch {
      // a read-only checkout, a full disk: the check itself is done, the next one starts cold
    }
  }
}

/**
 * The check cache for a check of `paths` (as given on the command line; none: the current folder)
 * run from `cwd`: at the root of the git work tree the first path is in, else in `cwd`. Opened
 * before the files are discovered: discovery reads the configs, whose parsed data it keeps.
 */
export function openCheckCache(
  cwd: string,
  options: CheckCacheOptions = {},
  paths: readonly string[] = [],
): CheckCache {
  const first = resolve(cwd, paths[0] ?? '.');
  let folder = dirname(first);
  try {
    if (statSync(first).isDirectory()) folder = first;
  } catch {
    // a glob or a missing path: its folder part
  }
  const base = gitWorkTree(folder) ?? cwd;
  return options.dir !== undefined
    ? new CheckCache(resolve(cwd, options.dir))
    : new CheckCache(join(base, CACHE_DIR, 'check'), base);
}

export interface CachedCompileOptions {
  loader: ConfigLoader;
  cwd: string;
  lang?: MessageLang;
  toolVersion?: string;
}

/**
 * Compiles `files` (or takes what the cache has for them) and summarizes each: the same results
 * and summaries as compiling them all, except that a cached file's result has no model or source.
 */
export async function compileCached(
  files: readonly InputFile[],
  cache: CheckCache,
  options: CachedCompileOptions,
): Promise<{ results: CompileResult[]; summaries: DescriptionSummary[] }> {
  const { loader, cwd, lang } = options;
  // the compiler (and with it the parser, the schema and the rules) is loaded on the first miss only
  let compiler: typeof import('../compiler/compile.js') | undefined;
  const compile = async (): Promise<typeof import('../compiler/compile.js')> =>
    (compiler ??= await import('../compiler/compile.js'));
  const compileOptions = { configLoader: loader, cwd, ...(lang ? { lang } : {}) };
  const day = today();
  const results: CompileResult[] = [];
  const summaries: DescriptionSummary[] = [];
  for (const f of files) {
    const file = shownPath(f.path, cwd);
    const read = readRegularFile(f.path, MAX_SOURCE_BYTES);
    if (!read.ok) {
      // unreadable, too large, not a file: reported as without the cache, never stored
      const result = (await compile()).compileFile(f.path, compileOptions);
      results.push(result);
      summaries.push(summarize(result, file));
      continue;
    }
    const config = loader.forDir(dirname(resolved(f.path)));
    const key = checkKey({
      toolVersion: options.toolVersion ?? VERSION,
      configFingerprint: config.fingerprint,
      configPath: config.path,
      cwd,
      path: f.path,
      lang,
      today: config.reviewMonths ? day : '',
      bytes: read.bytes,
    });
    const hit = cache.get(key, file);
    if (hit) {
      const { errorCount, warningCount } = hit.summary;
      results.push({ diagnostics: hit.diagnostics, errorCount, warningCount, config });
      summaries.push(hit.summary);
      continue;
    }
    // the very bytes the key was made from
    const result = (await compile()).compileSource(read.bytes, { ...compileOptions, path: f.path });
    const summary = summarize(result, file);
    cache.put(key, { diagnostics: result.diagnostics, summary });
    results.push(result);
    summaries.push(summary);
  }
  cache.save();
  return { results, summaries };
}
