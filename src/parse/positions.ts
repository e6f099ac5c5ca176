/**
 * Source positions of frontmatter keys and values: a path such as ['requirements', 'languages', 1, 'level']
 * is found in the YAML document and its range turned into file line and column numbers.
 */
import type { Position } from 'unist';
import type { Node, Pair, YAMLMap } from 'yaml';
import { yaml } from './yaml-lib.js';
import type { YamlSource } from './markdown.js';

export type YamlPath = readonly (string | number)[];

function toFilePosition(y: YamlSource, start: number, end: number): Position {
  const a = y.lineCounter.linePos(start);
  const b = y.lineCounter.linePos(Math.max(start, end));
  return {
    start: { line: a.line + y.firstLine - 1, column: a.col, offset: start },
    end: { line: b.line + y.firstLine - 1, column: b.col, offset: end },
  };
}

function rangeOf(node: Node | undefined): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/**
 * Each mapping's pairs by key, built once per mapping on its first lookup: a document with
 * 100,000 keys is located key by key in linear time, not quadratic. The first pair of a key wins,
 * as a linear search would find it.
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair<unknown, unknown>>>();

/** How many mapping indexes were built (tests count them to show each mapping is indexed once). */
export const positionStats = { indexedMaps: 0 };

function findPair(parent: unknown, key: string | number): Pair<unknown, unknown> | undefined {
  const { isMap, isPair, isScalar } = yaml();
  if (!isMap(parent)) return undefined;
  let index = pairIndex.get(parent);
  if (!index) {
    index = new Map();
    for (const item of parent.items) {
      if (!isPair(item)) continue;
      const k = item.key;
      const name = String(isScalar(k) ? k.value : k);
      if (!index.has(name)) index.set(name, item as Pair<unknown, unknown>);
    }
    pairIndex.set(parent, index);
    positionStats.indexedMaps++;
  }
  return index.get(String(key));
}

function child(
  parent: unknown,
  key: string | number,
): { node: Node | undefined; pair?: Pair<unknown, unknown> } {
  const { isNode, isSeq } = yaml();
  if (isSeq(parent) && typeof key === 'number') {
    const item = parent.items[key];
    return { node: isNode(item) ? item : undefined };
  }
  const pair = findPair(parent, key);
  return { node: pair && isNode(pair.value) ? pair.value : undefined, pair };
}

/**
 * Position of the key (`part: 'key'`) or the value at `path`. When the path does not exist, the
 * position of the deepest existing ancestor's key is returned (so "missing key" points at its parent).
 */
export function locate(y: YamlSource, path: YamlPath, part: 'key' | 'value' = 'value'): Position {
  const { isNode } = yaml();
  let node: unknown = y.doc.contents;
  let lastKey: Node | undefined;
  let lastNode: Node | undefined = isNode(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const step = child(node, path[i]!);
    const isLast = i === path.length - 1;
    if (step.pair && isNode(step.pair.key)) {
      lastKey = step.pair.key;
      if (isLast && part === 'key') {
        const r = rangeOf(lastKey)!;
        return toFilePosition(y, r[0], r[1]);
      }
    } else if (isLast && part === 'key' && step.node) {
      // a sequence item has no key: point at the item
      const r = rangeOf(step.node);
      if (r) return toFilePosition(y, r[0], r[1]);
    }
    if (!step.node) {
      if (step.pair) {
        // key present with an empty value: point at the key
        const r = rangeOf(lastKey);
        if (r) return toFilePosition(y, r[0], r[1]);
      }
      break;
    }
    node = step.node;
    lastNode = step.node;
    if (isLast) {
      const r = rangeOf(step.node);
      if (r) return toFilePosition(y, r[0], r[1]);
    }
  }
  // fall back: the deepest key found, else the deepest node, else the frontmatter block
  const r = rangeOf(lastKey) ?? rangeOf(lastNode);
  if (r && path.length > 0) return toFilePosition(y, r[0], r[1]);
  return {
    start: { ...y.position.start },
    end: { line: y.position.start.line, column: 4, offset: (y.position.start.offset ?? 0) + 3 },
  };
}

/** Position of a byte range of the YAML text (for YAML syntax errors). */
export function positionOfRange(y: YamlSource, start: number, end: number): Position {
  return toFilePosition(y, start, end);
}
