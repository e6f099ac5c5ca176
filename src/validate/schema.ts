/**
 * JSON Schema validation of YAML data (a description's frontmatter or a config file) with ajv, every
 * error handed to the rules so that it is reported in the user's terms at the YAML node concerned.
 * The validators are ajv's code for the schemas, generated ahead of time (validators.generated.ts,
 * `npm run gen:validators`; CI fails when it is stale).
 */
import type { ErrorObject } from 'ajv';
import { createRequire } from 'node:module';
import type { YamlSource } from '../parse/markdown.js';
import { locate, type YamlPath } from '../parse/positions.js';
import type { Reporter, Rule, SchemaContext } from './rule.js';
import { config, description } from './validators.generated.js';

const require = createRequire(import.meta.url);
export const descriptionSchema = require('../../schemas/job-description.schema.json') as Record<
  string,
  unknown
>;
export const configSchema = require('../../schemas/config.schema.json') as Record<string, unknown>;

/** A generated validator: true when valid, else its errors in `errors`. */
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validators = { description, config } as unknown as Record<'description' | 'config', ValidateFunction>;

/** "/requirements/languages/0/level" → ['requirements', 'languages', 0, 'level']. */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** A path as the user would write it: `requirements.languages[2].level` (items counted from 1). */
export function yamlPathText(path: YamlPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg + 1}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/** Part of a document with syntax errors: the data that parsed cleanly, the maps that may lack keys. */
export interface PartialData {
  data: unknown;
  /** JSON pointers of the maps a syntax error lies in: no "missing key" is reported for them. */
  incomplete: ReadonlySet<string>;
}

export function validateYaml(
  kind: 'description' | 'config',
  yaml: YamlSource,
  file: string,
  reporter: Reporter,
  rules: readonly Rule[],
  partial?: PartialData,
): void {
  const validate = validators[kind];
  const data = partial ? partial.data : yaml.data;
  if (validate(data)) return;
  const ctx: SchemaContext = {
    yaml,
    data,
    file,
    report: (rule, id, d, place, f, extra) => reporter.report(rule, id, d, place, f ?? file, extra),
    at: (path, part) => locate(yaml, path, part),
    isOff: (ruleId) => reporter.isOff?.(ruleId) ?? false,
  };
  const errors = dropRedundant(validate.errors ?? []).filter(
    (e) => !(partial && e.keyword === 'required' && partial.incomplete.has(e.instancePath)),
  );
  for (const error of errors) {
    const path = pointerToPath(error.instancePath, data);
    for (const rule of rules) {
      if (rule.schemaError?.(error, path, ctx)) break;
    }
  }
}

/** With several errors at one place, keep the most telling (a type error hides the rest there). */
function dropRedundant(errors: readonly ErrorObject[]): ErrorObject[] {
  const typeAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter((e) => {
    if (e.keyword === 'type') return true;
    // a string-or-list that is a string gets no minItems/items errors, and vice versa: ajv already skips them
    return !typeAt.has(e.instancePath);
  });
}
