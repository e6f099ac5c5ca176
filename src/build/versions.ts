/**
 * The versions of the libraries whose code decides the bytes of an output (renderers, the zip, the
 * fonts) or what compiling says (parsers, the schema validator): part of every build cache key, so
 * upgrading one of them renders everything again even when the tool's own version is unchanged.
 * Read once per process from each package's package.json, found the way Node resolves the package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The libraries the key covers; one not installed counts as "missing". Not docx: only the generator of
 * the DOCX reference uses it, and what it made is the tool's own code.
 */
export const KEYED_LIBRARIES = [
  'pdfkit',
  'fontkit',
  'fflate',
  'hast-util-to-html',
  'hast-util-sanitize',
  'hastscript',
  'mdast-util-to-hast',
  'dejavu-fonts-ttf',
  'source-sans',
  'yaml',
  'unified',
  'remark-parse',
  'remark-frontmatter',
  'ajv',
] as const;

const require = createRequire(import.meta.url);

/** The version in `name`'s package.json, or "missing" when Node would not find the package. */
function versionOf(name: string): string {
  // the folders Node searches, not require(name/package.json): an `exports` map may hide that file
  for (const folder of require.resolve.paths(name) ?? []) {
    try {
      const raw = JSON.parse(readFileSync(join(folder, name, 'package.json'), 'utf8')) as unknown;
      const version = (raw as { version?: unknown }).version;
      if (typeof version === 'string') return version;
    } catch {
      // not in this folder: the next one
    }
  }
  return 'missing';
}

let versions: Readonly<Record<string, string>> | undefined;

/** `name → version` of every keyed library (resolved once). */
export function libraryVersions(): Readonly<Record<string, string>> {
  versions ??= Object.fromEntries(KEYED_LIBRARIES.map((name) => [name, versionOf(name)]));
  return versions;
}

/** Versions as one string for a cache key: `name@version` lines in a fixed order. */
export function libraryFingerprint(all: Readonly<Record<string, string>>): string {
  return Object.keys(all)
    .sort()
    .map((name) => `${name}@${all[name]}`)
    .join('\n');
}
