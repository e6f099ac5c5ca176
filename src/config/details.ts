/**
 * A config's details, made the first time a description under it is compiled: its YAML syntax
 * problems and schema check, the rule severities (an unknown rule id reported at its key), the
 * competency catalogue and the default sections parsed. Loading this module loads the schema, the
 * rules and the Markdown parser; config/load.ts does not, so a check whose every file is in its
 * cache never does.
 */
import type { Position } from 'unist';
import { parseMarkdown, parseYaml } from '../parse/markdown.js';
import { locate } from '../parse/positions.js';
import type { AmetijuhendConfig, SectionKey } from '../model/types.js';
import type { Collector } from '../validate/rule.js';
import { validateYaml } from '../validate/schema.js';
import { RULES } from '../validate/rules/index.js';
import { ruleSettings } from '../validate/rules/config-file.js';
import { readCatalogue } from '../validate/rules/catalogue-format.js';
import { reportYamlProblems } from '../validate/rules/yaml-syntax.js';
import { isRecord } from '../validate/util.js';
import { registerConfigDetails, type ConfigDetails, type PendingDetails } from './load.js';
import type { Catalogue, DefaultSection } from './types.js';

const WHOLE: Position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function loadCatalogue(text: string, display: string, collector: Collector): Catalogue | undefined {
  const y = parseYaml(text, 1, WHOLE);
  // a broken catalogue has its own errors; without it the names cannot be checked (unknown-competency skips them)
  // a file that is not a catalogue at all (a wrong path) must not have its lines echoed in messages
  if (reportYamlProblems(y, collector, display, { quoteLines: false }) > 0) return undefined;
  return readCatalogue(y, collector, display);
}

function loadDefault(text: string, display: string): DefaultSection {
  const tree = parseMarkdown(text);
  let blocks = tree.children.filter((n) => n.type !== 'yaml' && n.type !== 'html');
  // a default file may carry its own heading; the description's numbering replaces it
  if (blocks[0]?.type === 'heading') blocks = blocks.slice(1);
  return { path: display, blocks };
}

/** The config's syntax problems, its schema check and its rule severities. */
function checkConfig(p: PendingDetails): ConfigDetails['severities'] {
  const { y, collector, display } = p;
  if (!y) return {};
  if (reportYamlProblems(y, collector, display) === 0 && y.data !== null && y.data !== undefined) {
    validateYaml('config', y, display, collector, RULES);
  }
  const data = (isRecord(y.data) ? y.data : {}) as AmetijuhendConfig;
  if (!isRecord(data.rules)) return {};
  const at = (rule: string): Position | undefined => locate(y, ['rules', rule], 'key');
  const known = RULES.map((r) => r.id);
  return { ...ruleSettings(data.rules, known, at, collector, display) };
}

export function completeConfig(p: PendingDetails): ConfigDetails {
  const severities = checkConfig(p);
  const catalogue = p.catalogue
    ? loadCatalogue(p.catalogue.text, p.catalogue.display, p.collector)
    : undefined;
  const defaults: Partial<Record<SectionKey, DefaultSection>> = {};
  for (const d of p.defaults) defaults[d.key] = loadDefault(d.text, d.display);
  return { diagnostics: p.collector.diagnostics, catalogue, defaults, severities };
}

registerConfigDetails(completeConfig);
