// Fills the generated parts of docs/format.md from the JSON Schemas: every frontmatter key (from
// schemas/job-description.schema.json) and every config key (from schemas/config.schema.json) with
// its type, whether it is required and its Estonian and English description. The prose around them
// is written by hand; only the text between the BEGIN/END GENERATED markers is replaced.
// `--check` fails when the committed file is out of date (CI).
import { readFile } from 'node:fs/promises';
import { writeOrCheck } from './generated.mjs';

const out = new URL('../docs/format.md', import.meta.url);
const load = async (name) =>
  JSON.parse(await readFile(new URL(`../schemas/${name}`, import.meta.url), 'utf8'));

/** The schema a `$ref` points at (only local `#/$defs/…` references occur). */
function resolve(schema, root) {
  let s = schema;
  while (s && s.$ref) s = root.$defs[s.$ref.replace('#/$defs/', '')];
  return s ?? {};
}

const cell = (text) => String(text).replace(/\|/g, '\\|');
const code = (text) => `\`${cell(text)}\``;

/** "Eesti tekst. — English text." → { et, en } */
function describe(schema) {
  const text = schema.description ?? '';
  const at = text.indexOf(' — ');
  return at < 0 ? { et: text, en: text } : { et: text.slice(0, at), en: text.slice(at + 3) };
}

/** A short type in the reader's terms: string, date, list of strings, `A1` \| `A2`, … */
function typeOf(schema, root) {
  const s = resolve(schema, root);
  if (s.enum) return s.enum.map(code).join(' \\| ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const names = types.map((t) => {
    if (t === 'string' && s.format === 'date') return 'date (YYYY-MM-DD)';
    if (t === 'string' && s.pattern) return `string ${code(s.pattern)}`;
    if (t === 'array') return `list of ${plural(typeOf(s.items ?? {}, root))}`;
    if (t === 'object' && !s.properties && typeof s.additionalProperties === 'object')
      return `map: key → ${typeOf(s.additionalProperties, root)}`;
    return t;
  });
  return names.join(' or ') || 'any';
}
const plural = (type) =>
  type
    .split(' or ')
    .map((t) => t.replace(/^(string|number|object|integer)\b/, '$1s'))
    .join(' or ');

/** One row per key, nested keys as `a.b` and list items as `a[].b`, in schema order. */
function rows(schema, root, prefix = '') {
  const s = resolve(schema, root);
  const required = new Set(s.required ?? []);
  const lines = [];
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const path = `${prefix}${key}`;
    const { et, en } = describe(prop.$ref && !prop.description ? resolve(prop, root) : prop);
    lines.push(
      `| ${code(path)} | ${typeOf(prop, root)} | ${required.has(key) ? 'yes' : 'no'} | ${cell(en)} | ${cell(et)} |`,
    );
    const inner = resolve(prop, root);
    if (inner.properties) lines.push(...rows(inner, root, `${path}.`));
    const items = inner.items ? resolve(inner.items, root) : undefined;
    if (items?.properties) lines.push(...rows(items, root, `${path}[].`));
  }
  return lines;
}

function table(schema) {
  return [
    `<!-- Generated from schemas/${schema.file} by scripts/gen-format-doc.mjs: do not edit by hand. -->`,
    '',
    '| key | type | required | description | kirjeldus |',
    '| --- | --- | --- | --- | --- |',
    ...rows(schema.json, schema.json),
  ].join('\n');
}

const schemas = {
  frontmatter: { file: 'job-description.schema.json', json: await load('job-description.schema.json') },
  config: { file: 'config.schema.json', json: await load('config.schema.json') },
};
let text = await readFile(out, 'utf8');
for (const [name, schema] of Object.entries(schemas)) {
  const begin = `<!-- BEGIN GENERATED: ${name} -->`;
  const end = `<!-- END GENERATED: ${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/format.md: the ${begin} … ${end} markers are missing`);
  text = `${text.slice(0, from + begin.length)}\n${table(schema)}\n${text.slice(to)}`;
}
await writeOrCheck(out, text, 'node scripts/gen-format-doc.mjs');
