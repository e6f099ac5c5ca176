import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../compiler/compile.js';
import { ConfigLoader } from '../../config/load.js';
import { ENGLISH_PATH, ROOT, tempProject } from '../../../test/helpers.js';
import { readFileSync } from 'node:fs';
import { clearSchemaCommentCache } from './schema-comment.js';

const ENGLISH = readFileSync(ENGLISH_PATH, 'utf8');
const LINE = '# yaml-language-server: $schema=../schemas/job-description.schema.json';

function compileAt(dir: string, name: string, text: string) {
  clearSchemaCommentCache();
  return compileSource(text, {
    path: join(dir, name),
    cwd: dir,
    configLoader: new ConfigLoader({ cwd: dir }),
  });
}

const withLine = (path: string): string => ENGLISH.replace(LINE, `# yaml-language-server: $schema=${path}`);

describe('schema-comment', () => {
  const schema = { 'node_modules/ametijuhend/schemas/job-description.schema.json': '{}' };

  it('warns about a path that does not resolve from a sub-folder, and suggests the one that does', () => {
    const dir = tempProject(schema);
    const text = withLine('node_modules/ametijuhend/schemas/job-description.schema.json');
    const r = compileAt(dir, 'unit/a/data-analyst.md', text);
    const list = r.diagnostics.filter((d) => d.rule === 'schema-comment');
    expect(list).toHaveLength(1);
    const d = list[0]!;
    expect([d.line, d.column, d.endLine, d.endColumn, d.severity]).toEqual([
      2,
      33,
      2,
      33 + 'node_modules/ametijuhend/schemas/job-description.schema.json'.length,
      'warning',
    ]);
    expect(d.suggestions).toEqual(['../../node_modules/ametijuhend/schemas/job-description.schema.json']);
    const et = compileSource(text, { path: join(dir, 'unit/a/data-analyst.md'), cwd: dir, lang: 'et' });
    expect(et.diagnostics.find((x) => x.rule === 'schema-comment')?.message).toContain(
      'Skeemifaili „node_modules/ametijuhend/schemas/job-description.schema.json“ ei ole',
    );
    const en = compileSource(text, { path: join(dir, 'unit/a/data-analyst.md'), cwd: dir, lang: 'en' });
    expect(en.diagnostics.find((x) => x.rule === 'schema-comment')?.message).toBe(
      'The schema file "node_modules/ametijuhend/schemas/job-description.schema.json" does not exist (the path is relative to this file\'s folder), so editors do not check the frontmatter: write "$schema=../../node_modules/ametijuhend/schemas/job-description.schema.json".',
    );
  });

  it('leaves a resolving path, a URL and an absolute path alone', () => {
    const dir = tempProject(schema);
    const ok = compileAt(
      dir,
      'data-analyst.md',
      withLine('node_modules/ametijuhend/schemas/job-description.schema.json'),
    );
    expect(ok.diagnostics.filter((d) => d.rule === 'schema-comment')).toEqual([]);
    const url = compileAt(
      dir,
      'x/data-analyst.md',
      withLine('https://example.org/job-description.schema.json'),
    );
    expect(url.diagnostics.filter((d) => d.rule === 'schema-comment')).toEqual([]);
    const abs = compileAt(dir, 'x/data-analyst.md', withLine('/nowhere/schema.json'));
    expect(abs.diagnostics.filter((d) => d.rule === 'schema-comment')).toEqual([]);
  });

  it('says nothing when there is no schema to point to (nothing installed)', () => {
    const dir = tempProject({});
    const r = compileAt(
      dir,
      'x/data-analyst.md',
      withLine('node_modules/ametijuhend/schemas/job-description.schema.json'),
    );
    expect(r.diagnostics.filter((d) => d.rule === 'schema-comment')).toEqual([]);
  });

  it('inside this repository, points to its own schemas/', () => {
    // the example resolves as it is; one folder deeper it does not
    const r = compileSource(ENGLISH, { path: join(ROOT, 'examples', 'deeper', 'x.md'), cwd: ROOT });
    const d = r.diagnostics.find((x) => x.rule === 'schema-comment');
    expect(d?.suggestions).toEqual(['../../schemas/job-description.schema.json']);
    const clean = compileSource(ENGLISH, { path: ENGLISH_PATH, cwd: ROOT });
    expect(clean.diagnostics.filter((x) => x.rule === 'schema-comment')).toEqual([]);
  });

  it('a line with CRLF endings is read the same', () => {
    const dir = tempProject(schema);
    const text = withLine('schemas/job-description.schema.json').replace(/\n/g, '\r\n');
    const d = compileAt(dir, 'a/data-analyst.md', text).diagnostics.find((x) => x.rule === 'schema-comment');
    expect(d?.suggestions).toEqual(['../node_modules/ametijuhend/schemas/job-description.schema.json']);
    expect(d?.endColumn).toBe(33 + 'schemas/job-description.schema.json'.length);
  });
});
