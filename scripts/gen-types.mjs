// Generates src/model/frontmatter.generated.ts from the JSON Schemas (the single source of truth).
// `node scripts/gen-types.mjs --check` fails when the committed file is out of date (run in CI).
import { compile } from 'json-schema-to-typescript';
import { readFile } from 'node:fs/promises';
import { writeOrCheck } from './generated.mjs';

const out = new URL('../src/model/frontmatter.generated.ts', import.meta.url);
const banner = '/* Generated from schemas/*.schema.json by scripts/gen-types.mjs. Do not edit by hand. */';
const parts = [];
for (const name of ['job-description', 'config']) {
  const schema = JSON.parse(
    await readFile(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8'),
  );
  parts.push(
    await compile(schema, schema.title, {
      bannerComment: '',
      additionalProperties: false,
      format: true,
      style: { singleQuote: true, printWidth: 110 },
    }),
  );
}
const text = `${banner}\n\n${parts.join('\n')}`;
await writeOrCheck(out, text, 'npm run gen:types');
