// Generates docs/rules.md from the rules' own metadata (id, severity, Estonian and English description).
// `--check` fails when the committed file is out of date. Needs the built library (npm run build).
import { writeOrCheck } from './generated.mjs';
import { RULES } from '../dist/validate/rules/index.js';

const out = new URL('../docs/rules.md', import.meta.url);
const lines = [
  '# Reeglid / Rules',
  '',
  '<!-- Generated from src/validate/rules/*.ts by scripts/gen-rule-docs.mjs: do not edit by hand. -->',
  '',
  'Iga probleem teatatakse kujul `fail:rida:veerg: tõsidus teade [reegel]`. Reegli tõsidust saab muuta',
  'seadistuses: `rules: { <reegel>: error | warning | off }`.',
  '',
  "Every problem is reported as `file:line:column: severity message [rule]`. A rule's severity can be",
  'changed in the config: `rules: { <rule>: error | warning | off }`.',
  '',
  '| reegel / rule | vaikimisi / default | kirjeldus | description |',
  '| --- | --- | --- | --- |',
  ...RULES.map(
    (r) =>
      `| \`${r.id}\` | ${r.severity} | ${r.description.et.replace(/\|/g, '\\|')} | ${r.description.en.replace(/\|/g, '\\|')} |`,
  ),
  '',
];
const text = lines.join('\n');
await writeOrCheck(out, text, 'npm run build && npm run gen:docs');
