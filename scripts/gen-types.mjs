// Generates src/model/frontmatter.generated.ts from the JSON Schemas (the single source of truth).
// `node scripts/gen-types.mjs --check` fails when the committed file is out of date (run in CI).
import { compile } from 'json-schema-to-typescript';
import { readFile, writeFile } from 'node:fs/promises';

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
if (process.argv.includes('--check')) {
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(
      'src/model/frontmatter.generated.ts is out of date: run `npm run gen:types` and commit it.',
    );
    process.exit(1);
  }
  console.log('generated types are up to date');
} else {
  await writeFile(out, text);
  console.log('wrote src/model/frontmatter.generated.ts');
}
