/**
 * `init` and the files an editor keeps (.vscode/extensions.json, .vscode/settings.json): when one is
 * already there, init adds its entries instead of skipping the file, and keeps everything the user
 * has. It rewrites only a file that is plain JSON (an object): a file with comments or trailing commas
 * (JSON with comments, which VS Code allows) or one that does not parse is left exactly as it is, and
 * init says what to add by hand; rewriting it would lose the comments.
 *
 * The merge only adds: a key the user has keeps the user's value (a schema mapped to another glob
 * stays so), an array gets the items it lacks, and a recommendation the user listed under
 * `unwantedRecommendations` is not added.
 */

export type MergeOutcome =
  { kind: 'present' } | { kind: 'merged'; text: string; added: string[] } | { kind: 'unsafe'; add: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds what `theirs` lacks from `ours`; the paths of what was added ("a.b", "a[]"). */
function addMissing(theirs: Record<string, Json>, ours: Record<string, Json>, at = ''): string[] {
  const added: string[] = [];
  for (const [key, value] of Object.entries(ours)) {
    const path = at === '' ? key : `${at}.${key}`;
    const existing = theirs[key];
    if (!(key in theirs)) {
      theirs[key] = value;
      added.push(path);
    } else if (isObject(existing) && isObject(value)) {
      added.push(...addMissing(existing, value, path));
    } else if (Array.isArray(existing) && Array.isArray(value)) {
      const unwanted = key === 'recommendations' ? theirs.unwantedRecommendations : undefined;
      for (const item of value) {
        const has = existing.some((e) => JSON.stringify(e) === JSON.stringify(item));
        const refused = Array.isArray(unwanted) && unwanted.includes(item);
        if (!has && !refused) {
          existing.push(item);
          added.push(`${path}[${JSON.stringify(item)}]`);
        }
      }
    }
  }
  return added;
}

/** The indentation the file uses (a tab or N spaces), 2 spaces when it has none. */
function indentOf(text: string): string | number {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return 2;
  return m[1]!.startsWith('\t') ? '\t' : m[1]!.length;
}

/** `existing`: the file's text; `template`: init's text for it (JSON). */
export function mergeJson(existing: string, template: string): MergeOutcome {
  const ours = JSON.parse(template) as Json;
  if (!isObject(ours)) throw new Error('a merged template must be a JSON object');
  const add = JSON.stringify(ours);
  let theirs: unknown;
  try {
    theirs = JSON.parse(existing.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'unsafe', add };
  }
  if (!isObject(theirs)) return { kind: 'unsafe', add };
  const added = addMissing(theirs, ours);
  if (added.length === 0) return { kind: 'present' };
  const bom = existing.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(theirs, null, indentOf(existing)).replace(/\n/g, eol);
  return {
    kind: 'merged',
    text: `${bom}${body}${existing.endsWith('\n') || existing === '' ? eol : ''}`,
    added,
  };
}
