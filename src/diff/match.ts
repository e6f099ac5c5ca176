/**
 * Pairing the items of two lists (tasks, results, paragraphs, indicators): equal items first, in
 * order; then the most alike of the rest, when alike enough (a reworded item is one item changed,
 * not one removed and one added). Pairs whose order changed relative to the others are "moved".
 */
import { profile, profileSimilarity, type Profile } from './text.js';

/** Items alike at least this much (0…1, see similarity) are one item changed. */
export const SIMILAR_ENOUGH = 0.5;

/** Above this many candidate pairs the unequal rest is not paired by likeness (removed and added). */
const PAIRING_LIMIT = 250_000;
/** Above this many candidate pairs likeness is judged by the words only (no edit distances). */
const EDIT_PAIRS_LIMIT = 20_000;

export interface Matching {
  /** [old index, new index] pairs, sorted by the new index. */
  pairs: [number, number][];
  /** Pairs (by their index in `pairs`) whose relative order changed. */
  moved: Set<number>;
  /** Old indices without a partner. */
  removed: number[];
  /** New indices without a partner. */
  added: number[];
}

/** Indices (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

interface Pairing {
  oldKeys: readonly string[];
  newKeys: readonly string[];
  restOld: readonly number[];
  restNew: readonly number[];
  partnerOfNew: number[];
  usedOld: Set<number>;
}

/** Pairs the most alike of the items left unpaired, when alike enough (the greediest first). */
function pairAlike(p: Pairing, likeness: ((i: number, j: number) => number) | undefined): void {
  const { restOld, restNew, partnerOfNew, usedOld } = p;
  if (restOld.length * restNew.length > PAIRING_LIMIT) return;
  const edit = restOld.length * restNew.length <= EDIT_PAIRS_LIMIT;
  const profiles = new Map<string, Profile>();
  const of = (text: string): Profile => {
    let found = profiles.get(text);
    if (!found) profiles.set(text, (found = profile(text)));
    return found;
  };
  const like =
    likeness ?? ((i: number, j: number) => profileSimilarity(of(p.oldKeys[i]!), of(p.newKeys[j]!), edit));
  const candidates: { i: number; j: number; s: number }[] = [];
  for (const i of restOld)
    for (const j of restNew) {
      const s = like(i, j);
      if (s >= SIMILAR_ENOUGH) candidates.push({ i, j, s });
    }
  // the most alike first; of equally alike ones, the nearest in place
  candidates.sort((a, b) => b.s - a.s || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.j - b.j);
  for (const { i, j } of candidates) {
    if (usedOld.has(i) || partnerOfNew[j] !== -1) continue;
    partnerOfNew[j] = i;
    usedOld.add(i);
  }
}

/**
 * Pairs `oldKeys` with `newKeys` (the texts to compare). `likeness` says how alike two items are
 * (default: similarity of their keys); `alike` false pairs equal items only.
 */
export function matchLists(
  oldKeys: readonly string[],
  newKeys: readonly string[],
  options: { alike?: boolean; likeness?: (oldIndex: number, newIndex: number) => number } = {},
): Matching {
  const partnerOfNew = new Array<number>(newKeys.length).fill(-1);
  const usedOld = new Set<number>();
  // equal items, in order
  const byKey = new Map<string, number[]>();
  oldKeys.forEach((k, i) => {
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  newKeys.forEach((k, j) => {
    const i = byKey.get(k)?.shift();
    if (i !== undefined) {
      partnerOfNew[j] = i;
      usedOld.add(i);
    }
  });
  // the most alike of the rest
  const restOld = oldKeys.map((_, i) => i).filter((i) => !usedOld.has(i));
  const restNew = newKeys.map((_, j) => j).filter((j) => partnerOfNew[j] === -1);
  if ((options.alike ?? true) && restOld.length && restNew.length)
    pairAlike({ oldKeys, newKeys, restOld, restNew, partnerOfNew, usedOld }, options.likeness);
  const pairs: [number, number][] = [];
  partnerOfNew.forEach((i, j) => {
    if (i !== -1) pairs.push([i, j]);
  });
  const inOrder = longestIncreasing(pairs.map(([i]) => i));
  const moved = new Set<number>();
  pairs.forEach((_, k) => {
    if (!inOrder.has(k)) moved.add(k);
  });
  return {
    pairs,
    moved,
    removed: oldKeys.map((_, i) => i).filter((i) => !usedOld.has(i)),
    added: restNew.filter((j) => partnerOfNew[j] === -1),
  };
}

/**
 * A sort key placing each item of the merged list where a reader expects it: a new item at its
 * place in the new list, a removed one just after its old predecessor's partner.
 */
export function mergedOrder(m: Matching): {
  newKey: (j: number) => number;
  removedKey: (i: number) => number;
} {
  const partnerOfOld = new Map<number, number>();
  for (const [i, j] of m.pairs) partnerOfOld.set(i, j);
  return {
    newKey: (j) => j,
    removedKey: (i) => {
      for (let k = i - 1; k >= 0; k--) {
        const j = partnerOfOld.get(k);
        if (j !== undefined) return j + 0.5;
      }
      return -0.5;
    },
  };
}
