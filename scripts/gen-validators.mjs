// Generates src/validate/validators.generated.ts: ajv's validation code for the two JSON Schemas,
// compiled ahead of time (ajv standalone), so no process pays for loading ajv and compiling the
// schemas (~100 ms of every `check`). The options are those the validators always had.
// `node scripts/gen-validators.mjs --check` fails when the committed file is out of date (run in CI).
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { readFile } from 'node:fs/promises';
import { writeOrCheck } from './generated.mjs';

const standaloneCode = standaloneCodeModule.default ?? standaloneCodeModule;
const addFormats = addFormatsModule.default ?? addFormatsModule;
const out = new URL('../src/validate/validators.generated.ts', import.meta.url);
const schema = async (name) =>
  JSON.parse(await readFile(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'));

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, code: { source: true, esm: true } });
addFormats(ajv);
ajv.addSchema(await schema('job-description'), 'description');
ajv.addSchema(await schema('config'), 'config');
const code = standaloneCode(ajv, { description: 'description', config: 'config' });
const text = [
  '/* Generated from schemas/*.schema.json by scripts/gen-validators.mjs (ajv standalone). Do not edit by hand. */',
  '// @ts-nocheck',
  '/* eslint-disable */',
  "import { createRequire } from 'node:module';",
  // ajv's ESM output still loads its runtime helpers with require
  'const require = createRequire(import.meta.url);',
  code,
  '',
].join('\n');

await writeOrCheck(out, text, 'npm run gen:validators');
