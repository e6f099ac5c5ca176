/**
 * The `# yaml-language-server: $schema=…` line of a description's frontmatter names the schema by a
 * path relative to the description's file: a description moved into a sub-folder (or one written
 * from the `init` template's line in a sub-folder) points at nothing, and the editor silently stops
 * checking and completing. Warned, with the path that does resolve as the fix, when there is one: the
 * installed package's schema (`node_modules/ametijuhend/schemas/…` in the folder or above) or, inside
 * this tool's own repository, its `schemas/`. A URL, an absolute path or a path that resolves is left
 * alone; so is a path with nothing to point it to (nothing installed yet).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { defineRule } from '../rule.js';

const SCHEMA_FILE = 'job-description.schema.json';
const MODELINE = /^(\s*#\s*yaml-language-server:\s*\$schema=)(\S+)/;

/** Folder → the schema file found from it (null: none); path → exists. Bounded; cleared by clearSchemaCommentCache. */
const found = new Map<string, string | null>();
const exists = new Map<string, boolean>();
const CACHE_LIMIT = 10_000;

/** Forget what was looked up (a long-running process, the language server, after files changed). */
export function clearSchemaCommentCache(): void {
  found.clear();
  exists.clear();
}

function fileExists(path: string): boolean {
  let known = exists.get(path);
  if (known === undefined) {
    known = existsSync(path);
    if (exists.size >= CACHE_LIMIT) exists.clear();
    exists.set(path, known);
  }
  return known;
}

function isOwnRepository(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === 'ametijuhend';
  } catch {
    return false;
  }
}

/** The schema a description in `dir` should point to, searched upwards (each folder looked at once). */
function schemaFrom(dir: string): string | undefined {
  const known = found.get(dir);
  if (known !== undefined) return known ?? undefined;
  let result: string | null = null;
  const installed = join(dir, 'node_modules', 'ametijuhend', 'schemas', SCHEMA_FILE);
  const own = join(dir, 'schemas', SCHEMA_FILE);
  if (fileExists(installed)) result = installed;
  else if (fileExists(own) && isOwnRepository(dir)) result = own;
  else {
    const parent = dirname(dir);
    if (parent !== dir) result = schemaFrom(parent) ?? null;
  }
  if (found.size >= CACHE_LIMIT) found.clear();
  found.set(dir, result);
  return result ?? undefined;
}

export default defineRule({
  id: 'schema-comment',
  severity: 'warning',
  description: {
    et: 'Esiosa rida „# yaml-language-server: $schema=…“ peab viitama olemasolevale skeemifailile (tee on suhteline kirjelduse kaustast); muidu redaktor ei kontrolli ega paku võtmeid.',
    en: 'The frontmatter line "# yaml-language-server: $schema=…" must point to an existing schema file (the path is relative to the description\'s folder); otherwise the editor neither checks nor completes the keys.',
  },
  messages: {
    missing: {
      et: 'Skeemifaili „{path}“ ei ole (tee on suhteline selle faili kaustast), nii et redaktor ei kontrolli esiosa: kirjuta „$schema={suggestion}“.',
      en: 'The schema file "{path}" does not exist (the path is relative to this file\'s folder), so editors do not check the frontmatter: write "$schema={suggestion}".',
    },
  },
  check(ctx) {
    const fm = ctx.source.frontmatter;
    if (!fm || !ctx.dir || !fm.text.includes('yaml-language-server')) return;
    const lines = fm.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = MODELINE.exec(lines[i]!);
      if (!m) continue;
      const path = m[2]!;
      // a URL (http:, https:, file: …) or an absolute path: not this rule's business
      if (/^[a-z][a-z\d+.-]*:/i.test(path) || isAbsolute(path)) return;
      if (fileExists(resolve(ctx.dir, path))) return;
      const target = schemaFrom(ctx.dir);
      if (!target) return;
      const suggestion = relative(ctx.dir, target).split(sep).join('/');
      const line = fm.firstLine + i;
      const column = m[1]!.length + 1;
      const place = { start: { line, column }, end: { line, column: column + path.length } };
      ctx.report(this, 'missing', { path, suggestion }, place, undefined, { suggestions: [suggestion] });
      return;
    }
  },
});
