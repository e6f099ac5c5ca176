/**
 * Reports stacked under their manager, as org charts draw them: a manager's reports that have no
 * reports of their own (leaves) and no other line in the hierarchy, when there are at least
 * STACK_FROM of them, are laid out as one block (a grid of up to MAX_COLUMNS columns) instead of one
 * row, which dagre would make as wide as all of them side by side (a department of 40 experts:
 * 9,000 px). A line runs down the left of each column with a short arm to each box.
 */
import type { LayoutEdge, LayoutNode, Point } from './org-geometry.js';

export const STACK_FROM = 4;
const MAX_COLUMNS = 3;
const GAP_X = 20;
const GAP_Y = 12;
/** Room left of each column for its line. */
const BUS = 14;

export interface Block {
  key: string;
  upper: string;
  width: number;
  height: number;
  /** Each leaf's centre relative to the block's top left corner, and its column's line x. */
  cells: { key: string; x: number; y: number; left: number; bus: number }[];
}

/** The grid of `leaves` (in their order: down each column, then the next column). */
function block(key: string, upper: string, leaves: readonly LayoutNode[]): Block {
  const columns = Math.min(MAX_COLUMNS, Math.ceil(leaves.length / 5));
  const rows = Math.ceil(leaves.length / columns);
  const colWidth = Array.from({ length: columns }, (_, c) =>
    Math.max(...leaves.slice(c * rows, (c + 1) * rows).map((l) => l.width)),
  );
  const rowHeight = Array.from({ length: rows }, (_, r) =>
    Math.max(...leaves.filter((_, i) => i % rows === r).map((l) => l.height)),
  );
  const cells: Block['cells'] = [];
  let x = 0;
  for (let c = 0; c < columns; c++) {
    let y = 0;
    for (let r = 0; r < rows && c * rows + r < leaves.length; r++) {
      const leaf = leaves[c * rows + r]!;
      cells.push({
        key: leaf.key,
        x: x + BUS + leaf.width / 2,
        y: y + rowHeight[r]! / 2,
        left: x + BUS,
        bus: x + BUS / 2,
      });
      y += rowHeight[r]! + GAP_Y;
    }
    x += BUS + colWidth[c]! + GAP_X;
  }
  const height = rowHeight.reduce((h, r) => h + r, 0) + GAP_Y * (rows - 1);
  return { key, upper, width: x - GAP_X, height, cells };
}

/** The nodes and edges with the stackable leaves of each manager replaced by one block node. */
export function stackLeaves(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): { nodes: LayoutNode[]; edges: LayoutEdge[]; blocks: Block[] } {
  const degree = new Map<string, number>();
  for (const e of edges) for (const k of [e.upper, e.lower]) degree.set(k, (degree.get(k) ?? 0) + 1);
  const size = new Map(nodes.map((n) => [n.key, n]));
  const leavesOf = new Map<string, LayoutNode[]>();
  for (const e of edges) {
    if (degree.get(e.lower) !== 1 || e.upper === e.lower) continue;
    const leaves = leavesOf.get(e.upper);
    if (leaves) leaves.push(size.get(e.lower)!);
    else leavesOf.set(e.upper, [size.get(e.lower)!]);
  }
  const blocks: Block[] = [];
  const stacked = new Set<string>();
  for (const [upper, leaves] of leavesOf) {
    if (leaves.length < STACK_FROM) continue;
    blocks.push(block(`stack ${upper}`, upper, leaves));
    for (const l of leaves) stacked.add(l.key);
  }
  const kept = nodes.filter((n) => !stacked.has(n.key));
  return {
    nodes: [...kept, ...blocks.map((b) => ({ key: b.key, width: b.width, height: b.height }))],
    edges: [
      ...edges.filter((e) => !stacked.has(e.lower)),
      ...blocks.map((b) => ({ upper: b.upper, lower: b.key })),
    ],
    blocks,
  };
}

/**
 * The leaves' centres and routes once their block is placed (`centre`, and dagre's route from the
 * manager to the block's top): down the trunk to just above the block, along to the column's
 * line, down it, and in to the box's left side.
 */
export function unstack(
  b: Block,
  centre: Point,
  route: readonly Point[],
  centres: Map<string, Point>,
  routes: Map<string, Point[]>,
): void {
  const [left, top] = [centre.x - b.width / 2, centre.y - b.height / 2];
  const end = route[route.length - 1] ?? { x: centre.x, y: top };
  const above = top - GAP_Y / 2 - 2;
  for (const c of b.cells) {
    const at = { x: left + c.x, y: top + c.y };
    centres.set(c.key, at);
    routes.set(`${b.upper} ${c.key}`, [
      ...route.slice(0, -1),
      { x: end.x, y: above },
      { x: left + c.bus, y: above },
      { x: left + c.bus, y: at.y },
      { x: left + c.left, y: at.y },
    ]);
  }
}
