/**
 * The frontmatter that is safe to check after YAML syntax errors: the keys whose nodes lie clear of
 * every error, as plain data, and the maps an error lies in (a key missing from one of those may be
 * in the broken part, so no "missing key" is said there). A list an error lies in is left out whole
 * (its items' paths would shift otherwise).
 */
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { YamlSource } from '../parse/markdown.js';

export interface PartialFrontmatter {
  data: Record<string, unknown>;
  /** JSON pointers ("", "/requirements") of the maps an error lies in. */
  incomplete: Set<string>;
}

/** The errors' ranges sorted by start, with the greatest end of each prefix: a lookup in log time. */
interface Errors {
  starts: number[];
  maxEnd: number[];
}

function errorIndex(ranges: [number, number][]): Errors {
  ranges.sort((x, y) => x[0] - y[0]);
  let most = -Infinity;
  return { starts: ranges.map((r) => r[0]), maxEnd: ranges.map((r) => (most = Math.max(most, r[1]))) };
}

/** Whether an error range meets [start, end]: of the errors starting by `end`, one ends at `start` or later. */
function touches(errors: Errors, start: number, end: number): boolean {
  let lo = 0;
  let hi = errors.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (errors.starts[mid]! <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && errors.maxEnd[lo - 1]! >= start;
}

function pairRange(pair: Pair): [number, number] | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[2] ?? key?.range?.[2];
  return start === undefined || end === undefined ? undefined : [start, end];
}

function safeMap(
  y: YamlSource,
  map: YAMLMap,
  pointer: string,
  errors: Errors,
  incomplete: Set<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  map.items.forEach((pair, i) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    // up to the next key: what lies between (a line the parser could not place) counts as this pair's
    const next = map.items[i + 1] ? pairRange(map.items[i + 1]!)?.[0] : map.range?.[2];
    const own = pairRange(pair);
    const range = own && next !== undefined ? ([own[0], Math.max(own[1], next - 1)] as const) : own;
    if (typeof key !== 'string' || !range) {
      incomplete.add(pointer);
      return;
    }
    if (!touches(errors, range[0], range[1])) {
      out[key] = (pair.value as Node | null)?.toJS(y.doc) ?? null;
      return;
    }
    incomplete.add(pointer);
    const keyRange = (pair.key as Node).range!;
    const value = pair.value;
    // a block map below its key (not one the parser made of the rest of the key's line) is looked into
    const below =
      isMap(value) && !value.flow && value.range && y.text.slice(keyRange[2], value.range[0]).includes('\n');
    if (isMap(value) && below && !touches(errors, keyRange[0], keyRange[2])) {
      const inner = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      out[key] = safeMap(y, value, inner, errors, incomplete);
    }
  });
  return out;
}

/** The safe part of a frontmatter with syntax errors; undefined when nothing can be told. */
export function partialFrontmatter(y: YamlSource): PartialFrontmatter | undefined {
  const root = y.doc.contents;
  if (y.tooDeep !== undefined || y.collectionKey || y.aliasLimit || !isMap(root)) return undefined;
  const errors = errorIndex(y.doc.errors.map((e) => [e.pos[0], e.pos[1]]));
  const incomplete = new Set<string>(['']);
  return { data: safeMap(y, root, '', errors, incomplete), incomplete };
}
