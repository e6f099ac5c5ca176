/**
 * The organisation chart's layout: each connected part of the reportsTo hierarchy is laid out by
 * dagre (managers above their reports), then the parts are packed into rows, the largest first.
 * Laying out the parts separately keeps dagre's work small (its crossing minimisation grows faster
 * than the number of boxes) and keeps boxes that stand alone from making one endless row.
 * Substitutes do not take part: they are drawn afterwards between the placed boxes, so that they
 * never pull the hierarchy out of shape. dagre breaks cycles itself (it turns an edge round).
 * A manager's many reports without reports of their own are stacked in columns (org-stack.ts).
 */
import dagre from '@dagrejs/dagre';
import { stackLeaves, unstack } from './org-stack.js';
import type { LayoutEdge, LayoutNode, Point } from './org-geometry.js';

export type { LayoutEdge, LayoutNode, Point } from './org-geometry.js';

export interface Layout {
  width: number;
  height: number;
  /** Each node's centre. */
  centres: Map<string, Point>;
  /** Each edge's points from `upper` to `lower`, keyed "upper lower". */
  routes: Map<string, Point[]>;
}

const NODE_SEP = 28;
const RANK_SEP = 56;
const PART_GAP = 48;
/**
 * Above this many boxes in one part, dagre orders each rank once instead of sweeping for fewer
 * crossings: measured on a tree of 4,000 boxes, 3.9 s with the sweeps, 1.5 s without.
 */
export const QUICK_ORDER_ABOVE = 1500;
/**
 * A part with more edges beyond a tree's than this is laid out by a spanning forest
 * (edgesToLayOut): DENSE_EXTRA plus DENSE_SHARE of its boxes (1,000 boxes: 75 extra edges).
 */
export const DENSE_EXTRA = 25;
export const DENSE_SHARE = 0.05;

interface Part {
  keys: string[];
  width: number;
  height: number;
  centres: Map<string, Point>;
  routes: Map<string, Point[]>;
}

/** A union-find over `keys`: `union` says whether the two were apart (and joins them). */
function unionFind(keys: Iterable<string>): {
  find(k: string): string;
  union(a: string, b: string): boolean;
} {
  const parent = new Map<string, string>();
  for (const k of keys) parent.set(k, k);
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let c = k; c !== r;) {
      const up = parent.get(c)!;
      parent.set(c, r);
      c = up;
    }
    return r;
  };
  const union = (a: string, b: string): boolean => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent.set(y, x);
    return x !== y;
  };
  return { find, union };
}

/** The connected parts of the graph, each part's keys in input order, parts by their first key. */
function parts(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): string[][] {
  const sets = unionFind(nodes.map((n) => n.key));
  for (const e of edges) sets.union(e.upper, e.lower);
  const groups = new Map<string, string[]>();
  for (const n of nodes) {
    const root = sets.find(n.key);
    const group = groups.get(root);
    if (group) group.push(n.key);
    else groups.set(root, [n.key]);
  }
  return [...groups.values()];
}

/**
 * The edges dagre is given for a part. A part with many more edges than a tree has (people with
 * several managers, cycles through many boxes) can take dagre minutes: 300 boxes with five
 * managers each took 126 s, a tree of 1,000 with 240 more edges 6.5 s. Such a part is laid out by a spanning forest of its edges (each edge
 * in order, unless it would close a loop); the other edges get no route and are drawn straight.
 */
function edgesToLayOut(keys: readonly string[], edges: readonly LayoutEdge[]): readonly LayoutEdge[] {
  if (edges.length - (keys.length - 1) <= DENSE_EXTRA + keys.length * DENSE_SHARE) return edges;
  const sets = unionFind(keys);
  return edges.filter((e) => sets.union(e.upper, e.lower));
}

/** One part laid out by dagre, its coordinates from (0, 0). */
function layoutPart(
  keys: readonly string[],
  size: Map<string, LayoutNode>,
  edges: readonly LayoutEdge[],
): Part {
  if (keys.length === 1) {
    const n = size.get(keys[0]!)!;
    return {
      keys: [...keys],
      width: n.width,
      height: n.height,
      centres: new Map([[n.key, { x: n.width / 2, y: n.height / 2 }]]),
      routes: new Map(),
    };
  }
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: NODE_SEP, ranksep: RANK_SEP, edgesep: 12, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const k of keys) g.setNode(k, { width: size.get(k)!.width, height: size.get(k)!.height });
  for (const e of edges) g.setEdge(e.upper, e.lower);
  dagre.layout(g, { disableOptimalOrderHeuristic: keys.length > QUICK_ORDER_ABOVE });
  const centres = new Map<string, Point>();
  for (const k of keys) {
    const n = g.node(k) as { x: number; y: number };
    centres.set(k, { x: n.x, y: n.y });
  }
  const routes = new Map<string, Point[]>();
  for (const e of edges) {
    const label = g.edge(e.upper, e.lower) as { points?: Point[] };
    routes.set(
      `${e.upper} ${e.lower}`,
      (label.points ?? []).map((p) => ({ x: p.x, y: p.y })),
    );
  }
  const graph = g.graph() as { width?: number; height?: number };
  return { keys: [...keys], width: graph.width ?? 0, height: graph.height ?? 0, centres, routes };
}

/**
 * Lays out the nodes (their sizes given) and the hierarchy edges (no self-loops; each pair once).
 * Same input, same output: dagre has no randomness, and the input is taken in its given order.
 */
export function layoutChart(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Layout {
  const stacked = stackLeaves(nodes, edges);
  const layout = layoutParts(stacked.nodes, stacked.edges);
  for (const b of stacked.blocks) {
    const trunk = `${b.upper} ${b.key}`;
    unstack(b, layout.centres.get(b.key)!, layout.routes.get(trunk) ?? [], layout.centres, layout.routes);
    layout.centres.delete(b.key);
    layout.routes.delete(trunk);
  }
  return layout;
}

/** Each connected part laid out by dagre, the parts packed. */
function layoutParts(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Layout {
  const size = new Map(nodes.map((n) => [n.key, n]));
  const groups = parts(nodes, edges);
  const partOf = new Map<string, number>();
  groups.forEach((keys, i) => keys.forEach((k) => partOf.set(k, i)));
  const edgesOf = groups.map((): LayoutEdge[] => []);
  for (const e of edges) edgesOf[partOf.get(e.upper)!]!.push(e);
  const laid = groups
    .map((keys, i) => layoutPart(keys, size, edgesToLayOut(keys, edgesOf[i]!)))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.keys.length - a.p.keys.length || b.p.height - a.p.height || a.i - b.i)
    .map(({ p }) => p);
  return pack(laid);
}

/** The parts placed in rows (shelves) about as wide as a screen-shaped whole, each row top-aligned. */
function pack(laid: readonly Part[]): Layout {
  const area = laid.reduce((sum, p) => sum + (p.width + PART_GAP) * (p.height + PART_GAP), 0);
  const widest = laid.reduce((w, p) => Math.max(w, p.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area * 2));
  const centres = new Map<string, Point>();
  const routes = new Map<string, Point[]>();
  let [x, y, rowHeight, width] = [0, 0, 0, 0];
  for (const p of laid) {
    if (x > 0 && x + p.width > rowWidth) {
      [x, y, rowHeight] = [0, y + rowHeight + PART_GAP, 0];
    }
    for (const [k, c] of p.centres) centres.set(k, { x: c.x + x, y: c.y + y });
    for (const [k, r] of p.routes)
      routes.set(
        k,
        r.map((pt) => ({ x: pt.x + x, y: pt.y + y })),
      );
    width = Math.max(width, x + p.width);
    rowHeight = Math.max(rowHeight, p.height);
    x += p.width + PART_GAP;
  }
  return { width, height: y + rowHeight, centres, routes };
}
