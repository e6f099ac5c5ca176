/**
 * Config discovery and loading: the nearest `ametijuhend.config.yaml` from a description's folder
 * upwards, with its competency catalogue and default sections loaded once and cached per run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { parseMarkdown, parseYaml, type YamlSource } from '../parse/markdown.js';
import { locate, positionOfRange } from '../parse/positions.js';
import { decodeSource } from '../parse/source.js';
import { SECTION_KEYS, type AmetijuhendConfig, type SectionKey } from '../model/types.js';
import { Collector } from '../validate/rule.js';
import type { MessageLang } from '../validate/diagnostic.js';
import { validateYaml } from '../validate/schema.js';
import { RULES, catalogueFormat, configFile, encoding } from '../validate/rules/index.js';
import { reportYamlProblems } from '../validate/yaml-problems.js';
import { closest, isRecord } from '../validate/util.js';
import type { Catalogue, CatalogueEntry, DefaultSection, ResolvedConfig } from './types.js';

export const CONFIG_NAME = 'ametijuhend.config.yaml';

const WHOLE: YamlSource['position'] = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

/** Reads a text file for the config machinery; problems go to the collector. */
function readText(path: string, collector: Collector, display: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    collector.report(encoding, 'unreadable', { detail: (e as Error).message }, undefined, display);
    return undefined;
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    const at = { line: decoded.line, column: decoded.column };
    collector.report(
      encoding,
      decoded.reason === 'binary' ? 'binary' : 'invalidUtf8',
      {},
      { start: at, end: at },
      display,
    );
    return undefined;
  }
  return decoded.text;
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

function loadCatalogue(path: string, display: string, collector: Collector): Catalogue | undefined {
  const text = readText(path, collector, display);
  if (text === undefined) return undefined;
  const y = parseYaml(text, 1, WHOLE);
  // a broken catalogue has its own errors; without it the names cannot be checked (unknown-competency skips them)
  if (reportYamlProblems(y, collector, display) > 0) return undefined;
  const entries = new Map<string, CatalogueEntry>();
  const root = y.doc.contents;
  if (root === null || root === undefined) return { path: display, entries };
  if (!isMap(root)) {
    collector.report(catalogueFormat, 'notMap', {}, locate(y, []), display);
    return { path: display, entries };
  }
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const value = pair.value;
    const keyRange = pair.key.range ?? [0, 0, 0];
    const position = positionOfRange(y, keyRange[0], keyRange[1]);
    const indicators =
      isSeq(value) &&
      value.items.length > 0 &&
      value.items.every((i) => isScalar(i) && typeof i.value === 'string' && i.value.trim())
        ? value.items.map((i) => String((i as { value: unknown }).value))
        : undefined;
    if (!indicators) {
      collector.report(catalogueFormat, 'badEntry', { name }, position, display);
      // still a known name: the entry's own error is enough, descriptions naming it are not wrong
      entries.set(name, { indicators: [], position });
      continue;
    }
    entries.set(name, { indicators, position });
  }
  return { path: display, entries };
}

function loadDefault(path: string, display: string, collector: Collector): DefaultSection | undefined {
  const text = readText(path, collector, display);
  if (text === undefined) return undefined;
  const tree = parseMarkdown(text);
  let blocks = tree.children.filter((n) => n.type !== 'yaml' && n.type !== 'html');
  // a default file may carry its own heading; the description's numbering replaces it
  if (blocks[0]?.type === 'heading') blocks = blocks.slice(1);
  return { path: display, blocks };
}

export interface ConfigLoaderOptions {
  /** Language of the messages about config problems. */
  lang?: MessageLang;
  /** Paths in messages are shown relative to this folder (default: the current directory). */
  cwd?: string;
}

/** Loads configs, caching by folder so a batch reads each config, catalogue and default once. */
export class ConfigLoader {
  private readonly byDir = new Map<string, string | null>();
  private readonly byFile = new Map<string, ResolvedConfig>();
  constructor(private readonly options: ConfigLoaderOptions = {}) {}

  private display(path: string): string {
    const rel = relative(this.options.cwd ?? process.cwd(), path);
    return rel && !rel.startsWith('..') ? rel : path;
  }

  /** The config file that applies to a folder, searching upwards; null when there is none. */
  find(dir: string): string | null {
    const start = resolve(dir);
    const visited: string[] = [];
    let current = start;
    let found: string | null = null;
    for (;;) {
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
      if (parent === current) break;
      current = parent;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  /** The resolved config for a description in `dir` (an empty config when none is found). */
  forDir(dir: string): ResolvedConfig {
    const file = this.find(dir);
    if (!file) return emptyConfig(resolve(dir));
    return this.load(file);
  }

  load(file: string): ResolvedConfig {
    const abs = resolve(file);
    const cached = this.byFile.get(abs);
    if (cached) return cached;
    const config = this.loadUncached(abs);
    this.byFile.set(abs, config);
    return config;
  }

  private loadUncached(abs: string): ResolvedConfig {
    const display = this.display(abs);
    const collector = new Collector(this.options.lang ?? 'et', display);
    const config = emptyConfig(dirname(abs));
    config.path = display;
    const hash = createHash('sha256');
    const text = readText(abs, collector, display);
    let y: YamlSource | undefined;
    if (text !== undefined) {
      hash.update(text);
      y = parseYaml(text, 1, WHOLE);
      if (reportYamlProblems(y, collector, display) === 0 && y.data !== null && y.data !== undefined) {
        validateYaml('config', y, display, collector, RULES);
      }
    }
    const data: AmetijuhendConfig = y && isRecord(y.data) ? (y.data as AmetijuhendConfig) : {};
    config.data = data;
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
    if (isRecord(data.rules)) {
      const known = RULES.map((r) => r.id);
      for (const [rule, setting] of Object.entries(data.rules)) {
        if (!known.includes(rule)) {
          const hint = closest(rule, known, 1)[0];
          collector.report(
            configFile,
            'unknownRule',
            {
              rule,
              hint_et: hint ? `; kas mõtlesid „${hint}“?` : '',
              hint_en: hint ? `; did you mean "${hint}"?` : '',
            },
            y ? locate(y, ['rules', rule], 'key') : undefined,
            display,
          );
        } else if (setting === 'error' || setting === 'warning' || setting === 'off')
          config.severities[rule] = setting;
      }
    }
    const resolveRef = (ref: string, path: (string | number)[]): string | undefined => {
      const target = resolve(config.dir, ref);
      if (!existsSync(target)) {
        collector.report(
          configFile,
          'missing',
          { file: ref, resolved: this.display(target) },
          y ? locate(y, path) : undefined,
          display,
        );
        return undefined;
      }
      config.referencedFiles.add(target);
      return target;
    };
    if (typeof data.competencies === 'string') {
      const target = resolveRef(data.competencies, ['competencies']);
      if (target) {
        config.catalogue = loadCatalogue(target, this.display(target), collector);
        hash.update('\0catalogue\0').update(readFileSync(target));
      }
    }
    if (isRecord(data.defaults)) {
      for (const key of SECTION_KEYS) {
        const ref = data.defaults[key];
        if (typeof ref !== 'string') continue;
        const target = resolveRef(ref, ['defaults', key]);
        if (!target) continue;
        const section = loadDefault(target, this.display(target), collector);
        if (section) config.defaults[key as SectionKey] = section;
        hash.update(`\0default:${key}\0`).update(readFileSync(target));
      }
    }
    config.diagnostics = collector.diagnostics;
    config.fingerprint = hash.digest('hex');
    return config;
  }
}
