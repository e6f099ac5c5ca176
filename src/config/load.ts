/**
 * Config discovery and loading: the nearest `ametijuhend.config.yaml` from a description's folder
 * upwards, with its competency catalogue and default sections loaded once and cached per run.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Position } from 'unist';
import { parseYaml, type YamlSource } from '../parse/yaml.js';
import { locate } from '../parse/positions.js';
import { SECTION_KEYS, type AmetijuhendConfig, type SectionKey } from '../model/types.js';
import { readRegularFile } from '../fs/read.js';
import { reportReadFailure } from '../validate/rules/unreadable-file.js';
import { isInside, realPath, repositoryRoot, resolved, shownPath } from '../fs/root.js';
import { Collector } from '../validate/rule.js';
import { MAX_SOURCE_BYTES } from '../validate/rules/file-too-large.js';
import type { Diagnostic, MessageLang, SeveritySetting } from '../validate/diagnostic.js';
import { reportLinkOutside, resolveConfigRef } from '../validate/rules/config-file.js';
import { decodeText } from '../validate/rules/encoding.js';
import { isRecord } from '../validate/util.js';
import type { Catalogue, DefaultSection, ResolvedConfig } from './types.js';
import { compileIgnore, decide, type IgnoredBy, type IgnoreList } from './ignore.js';

export const CONFIG_NAME = 'ametijuhend.config.yaml';

const WHOLE: YamlSource['position'] = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

/** Where a referenced file is named in the config: messages about it are shown there. */
interface RefPlace {
  /** The config file (display path). */
  file: string;
  place: Position | undefined;
  /** The path as the config writes it. */
  ref: string;
}

/** The largest config, catalogue or default section read (as a description: larger is not one). */
const MAX_CONFIG_BYTES = MAX_SOURCE_BYTES;

/**
 * Reads a text file for the config machinery (only a regular file, at most MAX_CONFIG_BYTES);
 * problems go to the collector, at the referring config key when `at` is given.
 */
function readText(
  path: string,
  collector: Collector,
  display: string,
  at?: RefPlace,
  allowed?: { root: string; outside: () => void },
): { text: string; bytes: Uint8Array } | undefined {
  const read = allowed
    ? readRegularFile(path, MAX_CONFIG_BYTES, allowed.root)
    : readRegularFile(path, MAX_CONFIG_BYTES);
  if (!read.ok && read.reason === 'outside') {
    // checked inside by real path, then swapped for a link out before it was opened
    allowed?.outside();
    return undefined;
  }
  if (!read.ok) {
    if (at) reportReadFailure(collector, read, MAX_CONFIG_BYTES, at.place, at.file, at.ref);
    else reportReadFailure(collector, read, MAX_CONFIG_BYTES, undefined, display);
    return undefined;
  }
  const text = decodeText(read.bytes, collector, display);
  return text === undefined ? undefined : { text, bytes: read.bytes };
}

export function emptyConfig(dir: string): ResolvedConfig {
  return {
    dir,
    data: {},
    defaults: {},
    extraSections: [],
    knownTitles: [],
    aliases: {},
    severities: {},
    diagnostics: [],
    referencedFiles: new Set(),
    fingerprint: 'none',
  };
}

export interface ConfigLoaderOptions {
  /** Language of the messages about config problems. */
  lang?: MessageLang;
  /** Paths in messages are shown relative to this folder (default: the current directory). */
  cwd?: string;
  /** What config texts parsed to in earlier runs (see ParsedConfigs). */
  parsedConfigs?: ParsedConfigs;
}

/**
 * What config texts parse to, kept between runs (the check cache keeps it): the settings of a
 * config whose text is known are read from it, and the YAML parser is loaded only when something
 * needs the document itself (a problem's position, the schema check, compiling a description).
 * What it gives back is untrusted: only the settings are read from it, each checked for its type
 * as the parsed data is; `ResolvedConfig.data` and the config's details always come from parsing.
 */
export interface ParsedConfigs {
  /** The data of the config text whose SHA-256 (hex) is `textHash`, if known. */
  get(textHash: string): unknown;
  /** Keeps the data the text with this hash parsed to (only data that JSON keeps as it is). */
  set(textHash: string, data: unknown): void;
}

/** Loads configs, caching by folder so a batch reads each config, catalogue and default once. */
export class ConfigLoader {
  private readonly byDir = new Map<string, string | null>();
  private readonly byFile = new Map<string, ResolvedConfig>();
  /** The `ignore:` lists that apply in a folder (outer config first), by the folder's config. */
  private readonly ignoreChains = new Map<string, IgnoreList[]>();
  /** Folders already judged: ignored (why), or not (null). */
  private readonly ignoredFolders = new Map<string, IgnoredBy | null>();
  constructor(private readonly options: ConfigLoaderOptions = {}) {}

  /** Takes what earlier runs parsed configs to (before any config is loaded: later ones only). */
  useParsedConfigs(store: ParsedConfigs): void {
    this.options.parsedConfigs = store;
  }

  /** The language messages about config problems are given in (undefined: each file's own). */
  get lang(): MessageLang | undefined {
    return this.options.lang;
  }

  private display(path: string): string {
    return shownPath(path, this.options.cwd);
  }

  /**
   * The config file that applies to a folder, searching upwards but never above the git work tree
   * the folder is in (a config outside the repository is not the repository's: it could name any
   * file beside it); without a work tree, up to the file-system root. Null when there is none.
   */
  find(dir: string): string | null {
    const start = resolved(dir);
    // a folder seen before: no walk up to the work tree's root again
    const known = this.byDir.get(start);
    if (known !== undefined) return known;
    const root = repositoryRoot(start);
    // no .git above: repositoryRoot is the folder itself, and there is no boundary to keep
    const bounded = existsSync(join(root, '.git'));
    const visited: string[] = [];
    let current = start;
    let found: string | null = null;
    for (;;) {
      // compared by real path: a folder reached through a link is where the link leads
      const real = bounded ? (realPath(current) ?? current) : current;
      if (bounded && !isInside(real, root)) break;
      const cached = this.byDir.get(current);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(current);
      const candidate = join(current, CONFIG_NAME);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(current);
      if (parent === current || (bounded && real === root)) break;
      current = parent;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  /** The resolved config for a description in `dir` (an empty config when none is found). */
  forDir(dir: string): ResolvedConfig {
    const file = this.find(dir);
    if (!file) return emptyConfig(resolved(dir));
    return this.load(file);
  }

  /**
   * The `ignore:` lists of the config that applies in `dir` and of every config above it up to the
   * work tree's root (the same bound as `find`), the outermost first.
   */
  private ignoreLists(dir: string): IgnoreList[] {
    const file = this.find(dir);
    if (!file) return [];
    const known = this.ignoreChains.get(file);
    if (known) return known;
    const config = this.load(file);
    const root = repositoryRoot(config.dir);
    const parent = dirname(config.dir);
    // the root of the work tree (or of the file system): no config above it applies
    const top =
      parent === config.dir ||
      (existsSync(join(root, '.git')) && (realPath(config.dir) ?? config.dir) === root);
    const outer = top ? [] : this.ignoreLists(parent);
    const chain = config.ignore ? [...outer, config.ignore] : outer;
    this.ignoreChains.set(file, chain);
    return chain;
  }

  /**
   * Whether the `ignore:` patterns of the configs above `path` exclude it (a folder when `isDir`),
   * and which pattern does: a path inside an ignored folder is ignored, whatever the patterns say
   * about the path itself.
   */
  ignoredBy(path: string, isDir = false): IgnoredBy | undefined {
    const abs = resolved(path);
    const parent = dirname(abs);
    if (parent === abs) return undefined;
    const lists = this.ignoreLists(parent);
    if (lists.length === 0) return undefined;
    let inside = this.ignoredFolders.get(parent);
    if (inside === undefined) {
      inside = this.ignoredBy(parent, true) ?? null;
      this.ignoredFolders.set(parent, inside);
    }
    if (inside) return inside;
    return decide(lists, isDir, (list) => below(list.base, abs));
  }

  load(file: string): ResolvedConfig {
    const abs = resolved(file);
    const cached = this.byFile.get(abs);
    if (cached) return cached;
    const config = this.loadUncached(abs);
    this.byFile.set(abs, config);
    return config;
  }

  private loadUncached(abs: string): ResolvedConfig {
    const display = this.display(abs);
    const config = emptyConfig(dirname(abs));
    config.path = display;
    const collector = new Collector(this.options.lang ?? 'et', display);
    const hash = createHash('sha256');
    const read = readConfigYaml(abs, { collector, display, hash }, this.options.parsedConfigs);
    const y = (): YamlSource | undefined => read?.parse();
    const ctx: LoadContext = {
      config,
      collector,
      display,
      y,
      hash,
      show: (path) => this.display(path),
      // the details read the document when they are made, not before
      pending: {
        get y() {
          return y();
        },
        collector,
        display,
        defaults: [],
      },
    };
    const settings = settingsData(config, ctx, read?.known);
    applySettings(config, settings);
    loadReferences(ctx, settings);
    config.fingerprint = ctx.hash.digest('hex');
    deferDetails(config, ctx.pending);
    return config;
  }
}

/** What the steps of loading one config share. */
interface LoadContext {
  config: ResolvedConfig;
  collector: Collector;
  /** The config file's display path. */
  display: string;
  /** The parsed config (undefined when it could not be read), parsed on the first call. */
  y: () => YamlSource | undefined;
  /** The config's fingerprint: its text and the bytes of every file it names. */
  hash: Hash;
  /** A path as messages show it. */
  show: (path: string) => string;
  /** What the details step reads. */
  pending: PendingDetails;
}

/**
 * What a config's details (config/details.ts) are made from: its parsed YAML, the texts of the
 * catalogue and the default sections, and the collector that already holds the reading problems.
 */
export interface PendingDetails {
  y: YamlSource | undefined;
  collector: Collector;
  /** The config file's display path. */
  display: string;
  catalogue?: { text: string; display: string };
  defaults: { key: SectionKey; text: string; display: string }[];
}

/** A config's details: what only compiling a description needs. */
export interface ConfigDetails {
  /** Every problem in the config, the catalogue and the default sections. */
  diagnostics: Diagnostic[];
  catalogue: Catalogue | undefined;
  defaults: Partial<Record<SectionKey, DefaultSection>>;
  severities: Record<string, SeveritySetting>;
}

type DetailsStep = (pending: PendingDetails) => ConfigDetails;
let detailsStep: DetailsStep | undefined;

/**
 * Called by config/details.ts when it is loaded (the compiler imports it): the schema, the rules
 * and the Markdown parser the details need are loaded only by what compiles, so a check that finds
 * every file in its cache never loads them.
 */
export function registerConfigDetails(step: DetailsStep): void {
  detailsStep = step;
}

/** The config's diagnostics, catalogue, default sections and severities: made when first read. */
function deferDetails(config: ResolvedConfig, pending: PendingDetails): void {
  let details: ConfigDetails | undefined;
  const get = (): ConfigDetails => {
    if (details) return details;
    if (!detailsStep) throw new Error('internal: config details read before config/details.js was loaded');
    details = detailsStep(pending);
    return details;
  };
  for (const key of ['diagnostics', 'catalogue', 'defaults', 'severities'] as const) {
    Object.defineProperty(config, key, { enumerable: true, configurable: true, get: () => get()[key] });
  }
}

const asConfig = (data: unknown): AmetijuhendConfig => (isRecord(data) ? (data as AmetijuhendConfig) : {});

/**
 * What the config's settings are read from: the data its text parsed to before (`known`), else
 * what parsing it gives. `config.data` is always what parsing gives: with `known`, parsed when
 * first read (a check whose every file is cached never reads it).
 */
function settingsData(config: ResolvedConfig, ctx: LoadContext, known: unknown): AmetijuhendConfig {
  if (known === undefined) return (config.data = asConfig(ctx.y()?.data));
  let parsed: AmetijuhendConfig | undefined;
  Object.defineProperty(config, 'data', {
    enumerable: true,
    configurable: true,
    get: () => (parsed ??= asConfig(ctx.y()?.data)),
  });
  return asConfig(known);
}

/**
 * Reads the config file itself (a link out of the repository is not read): its parser (parsing on
 * the first call, once) and, when `store` knows the text, the data it parsed to before.
 */
function readConfigYaml(
  abs: string,
  ctx: Pick<LoadContext, 'collector' | 'display' | 'hash'>,
  store: ParsedConfigs | undefined,
): { parse: () => YamlSource; known: unknown } | undefined {
  const { collector, display } = ctx;
  // a config that is a symbolic link out of the repository is not the repository's config
  const outside = reportLinkOutside(abs, repositoryRoot(dirname(abs)), collector, display);
  const text = outside ? undefined : readText(abs, collector, display)?.text;
  if (text === undefined) return undefined;
  ctx.hash.update(text);
  let y: YamlSource | undefined;
  // its syntax problems and the schema: in the details
  const parse = (): YamlSource => (y ??= parseYaml(text, 1, WHOLE));
  if (!store) return { parse, known: undefined };
  const textHash = createHash('sha256').update(text).digest('hex');
  const known = store.get(textHash);
  if (known !== undefined) return { parse, known };
  const data = parse().data;
  // kept only when JSON gives it back as it is (no `.inf`, no key that JSON spells otherwise)
  if (data !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(data)) as unknown, data))
    store.set(textHash, data);
  return { parse, known: undefined };
}

/** `path` relative to `base` when it is below it (undefined otherwise). */
function below(base: string, path: string): string | undefined {
  if (!path.startsWith(base.endsWith(sep) ? base : base + sep)) return undefined;
  return relative(base, path);
}

/** The plain settings: organisation, language, extra sections, aliases, review period, titles, ignores. */
function applySettings(config: ResolvedConfig, data: AmetijuhendConfig): void {
  if (typeof data.organisation === 'string') config.organisation = data.organisation;
  if (data.lang === 'et' || data.lang === 'en') config.lang = data.lang;
  if (Array.isArray(data.extraSections))
    config.extraSections = data.extraSections.filter((s) => typeof s === 'string');
  if (isRecord(data.aliases)) {
    for (const key of SECTION_KEYS) {
      const list = data.aliases[key];
      if (Array.isArray(list)) config.aliases[key] = list.filter((s) => typeof s === 'string');
    }
  }
  if (isRecord(data.review) && typeof data.review.months === 'number')
    config.reviewMonths = data.review.months;
  if (Array.isArray(data.knownTitles)) {
    config.knownTitles = data.knownTitles.filter((t): t is string => typeof t === 'string');
  }
  if (Array.isArray(data.ignore)) {
    const patterns = data.ignore.filter((p): p is string => typeof p === 'string');
    if (patterns.length) config.ignore = compileIgnore(patterns, config.dir, config.path ?? config.dir);
  }
}

/** A file the config names, resolved and allowed to be read. */
interface Ref {
  target: string;
  at: RefPlace;
  allowed: { root: string; outside: () => void };
}

/**
 * A path the config names, resolved against its folder; it must stay inside the repository
 * (real paths compared, so no symbolic link leads out). Outside, absolute or missing: reported
 * at the key's value, and the file is never read.
 */
function resolveRef(
  ctx: LoadContext,
  where: { root: string; realDir: string },
  ref: string,
  path: (string | number)[],
): Ref | undefined {
  const { collector, config, display } = ctx;
  const { root, realDir } = where;
  // located (and the YAML parsed for it) only when a problem is reported there
  let placed: { place: Position | undefined } | undefined;
  const placeOf = (): Position | undefined => {
    const y = ctx.y();
    return (placed ??= { place: y ? locate(y, path) : undefined }).place;
  };
  const at: RefPlace = {
    file: display,
    get place() {
      return placeOf();
    },
    ref,
  };
  const r = {
    ref,
    key: path.join('.'),
    get place() {
      return placeOf();
    },
    file: display,
    dir: config.dir,
    realDir,
    root,
    show: ctx.show,
  };
  const resolved = resolveConfigRef(r, collector);
  if (!resolved) return undefined;
  const { target, real, outside } = resolved;
  config.referencedFiles.add(target);
  config.referencedFiles.add(real);
  // what is opened is checked again on the descriptor: the name may be swapped for a link meanwhile
  return { target, at, allowed: { root, outside } };
}

/** The competency catalogue and the default sections the config names, each read once. */
function loadReferences(ctx: LoadContext, data: AmetijuhendConfig): void {
  const { config, hash } = ctx;
  const where = { root: repositoryRoot(config.dir), realDir: realPath(config.dir) ?? config.dir };
  const read = (found: Ref): { text: string; bytes: Uint8Array } | undefined =>
    readText(found.target, ctx.collector, ctx.show(found.target), found.at, found.allowed);
  if (typeof data.competencies === 'string') {
    const found = resolveRef(ctx, where, data.competencies, ['competencies']);
    if (found) {
      const file = read(found);
      if (file) ctx.pending.catalogue = { text: file.text, display: ctx.show(found.target) };
      hash.update('\0catalogue\0').update(file ? file.bytes : 'unreadable');
    }
  }
  if (!isRecord(data.defaults)) return;
  for (const key of SECTION_KEYS) {
    const ref = data.defaults[key];
    if (typeof ref !== 'string') continue;
    const found = resolveRef(ctx, where, ref, ['defaults', key]);
    if (!found) continue;
    const file = read(found);
    if (file) ctx.pending.defaults.push({ key, text: file.text, display: ctx.show(found.target) });
    hash.update(`\0default:${key}\0`).update(file ? file.bytes : 'unreadable');
  }
}
