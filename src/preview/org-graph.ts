/**
 * The organisation chart's graph, before any layout: one box per description, one per title that
 * descriptions refer to but no description has (known outside, or unknown), and the edges between
 * them. References are by job title and are matched as the repository rule `unknown-reference`
 * matches them (its `norm`), so the chart marks unknown exactly what `check` warns about.
 *
 * A title several descriptions share (many "Ekspert", one "Osakonnajuhataja" per department): a
 * reference to it goes to the descriptions with that title whose unit is closest to the referring
 * description's (the longest common beginning of their unit paths), one edge to each of them; when
 * no unit is shared, to all of them. A description is never its own manager or substitute when
 * another description has the title too. When that still leaves more than MAX_TARGETS descriptions
 * (ten experts who substitute "Ekspert"), no lines are drawn for the reference, which would be a
 * thicket: the referring box says it in words instead ("substituted by: Ekspert (10)").
 *
 * A title is "known" when any description's config lists it in knownTitles (as for the rule). A
 * title neither described nor known is drawn "unknown" even where the config turns the rule off
 * (the examples do): the chart says what is there, a box with nothing to link to.
 */
import type { DescriptionSummary, ReferenceKey } from '../validate/summary.js';
import { norm } from '../validate/rules/unknown-reference.js';

export type OrgBoxKind = 'description' | 'known' | 'unknown';

export interface OrgBox {
  /** Stable key: "d<n>" for descriptions in sorted order, "t<n>" for outside titles. */
  key: string;
  kind: OrgBoxKind;
  /** The job title; absent for a description without one. */
  title?: string;
  /** Only descriptions: id, its file (as the summary names it: two may share an id), innermost unit, problem counts. */
  id?: string;
  file?: string;
  unit?: string;
  errorCount: number;
  warningCount: number;
  /** Part of a reportsTo cycle (A reports to B, B to A; or to itself). */
  inCycle: boolean;
  /** References to a title too many descriptions share to draw (see MAX_TARGETS), in order. */
  crowded?: { key: ReferenceKey; title: string; count: number }[];
}

/** At most this many lines for one reference to a shared title. */
export const MAX_TARGETS = 3;

export interface OrgEdge {
  /** reportsTo: from the report to the manager. substitutes: from the substitute to the substituted. */
  kind: 'reportsTo' | 'substitutes';
  from: string;
  to: string;
  /** A reportsTo edge inside a cycle. */
  inCycle: boolean;
}

export interface OrgGraph {
  boxes: OrgBox[];
  edges: OrgEdge[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Summaries in a fixed order, whatever order they came in: by id, file, title. */
function sorted(summaries: readonly DescriptionSummary[]): DescriptionSummary[] {
  return [...summaries].sort(
    (a, b) => compare(a.id, b.id) || compare(a.file, b.file) || compare(a.title ?? '', b.title ?? ''),
  );
}

/** Length of the common beginning of two unit paths. */
function sharedUnits(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && norm(a[n]!) === norm(b[n]!)) n++;
  return n;
}

interface Described {
  box: OrgBox;
  summary: DescriptionSummary;
}

/** The description boxes a reference of `from` to a title goes to (see the module comment). */
function targets(from: Described, candidates: readonly Described[]): Described[] {
  const others = candidates.length > 1 ? candidates.filter((c) => c !== from) : [...candidates];
  if (others.length <= 1) return others;
  const score = others.map((c) => sharedUnits(from.summary.unit, c.summary.unit));
  const best = Math.max(...score);
  return others.filter((_, i) => score[i] === best);
}

/** Boxes for the outside titles, keyed by normalised title, in sorted order. */
function outsideBoxes(
  summaries: readonly DescriptionSummary[],
  byTitle: Map<string, Described[]>,
): Map<string, OrgBox> {
  const known = new Set(summaries.flatMap((s) => s.knownTitles.map(norm)));
  const spelling = new Map<string, string>();
  for (const s of summaries) {
    for (const ref of s.references) {
      const key = norm(ref.value);
      if (key === '' || byTitle.has(key)) continue;
      const before = spelling.get(key);
      if (before === undefined || compare(ref.value, before) < 0) spelling.set(key, ref.value);
    }
  }
  const boxes = new Map<string, OrgBox>();
  [...spelling.keys()].sort(compare).forEach((key, i) => {
    const kind = known.has(key) ? 'known' : 'unknown';
    boxes.set(key, { key: `t${i}`, kind, title: spelling.get(key)!.replace(/\s+/g, ' ').trim(), ...EMPTY });
  });
  return boxes;
}

const EMPTY = { errorCount: 0, warningCount: 0, inCycle: false };

/** The chart's boxes and edges for the descriptions' summaries. Same summaries in any order, same graph. */
export function orgGraph(summaries: readonly DescriptionSummary[]): OrgGraph {
  const described: Described[] = sorted(summaries).map((summary, i) => ({
    summary,
    box: {
      key: `d${i}`,
      kind: 'description',
      ...(summary.title !== undefined && summary.title.trim() !== '' ? { title: summary.title } : {}),
      id: summary.id,
      file: summary.file,
      ...(summary.unit.length ? { unit: summary.unit[summary.unit.length - 1]! } : {}),
      errorCount: summary.errorCount,
      warningCount: summary.warningCount,
      inCycle: false,
    },
  }));
  const byTitle = new Map<string, Described[]>();
  for (const d of described) {
    if (d.box.title === undefined) continue;
    const key = norm(d.box.title);
    const same = byTitle.get(key);
    if (same) same.push(d);
    else byTitle.set(key, [d]);
  }
  const outside = outsideBoxes(summaries, byTitle);
  const edges = referenceEdges(described, byTitle, outside);
  const boxes = [...described.map((d) => d.box), ...outside.values()];
  markCycles(boxes, edges);
  return { boxes, edges };
}

/** Every reference as edges, each (kind, from, to) once, in a fixed order. */
function referenceEdges(
  described: readonly Described[],
  byTitle: Map<string, Described[]>,
  outside: Map<string, OrgBox>,
): OrgEdge[] {
  const edges = new Map<string, OrgEdge>();
  const add = (kind: OrgEdge['kind'], from: string, to: string): void => {
    const id = `${kind} ${from} ${to}`;
    if (!edges.has(id)) edges.set(id, { kind, from, to, inCycle: false });
  };
  for (const d of described) {
    for (const ref of d.summary.references) {
      const key = norm(ref.value);
      const candidates = byTitle.get(key);
      const ends = candidates ? targets(d, candidates).map((t) => t.box.key) : [outside.get(key)?.key];
      if (ends.length > MAX_TARGETS) {
        const title = ref.value.replace(/\s+/g, ' ').trim();
        d.box.crowded = [...(d.box.crowded ?? []), { key: ref.key, title, count: ends.length }];
        continue;
      }
      for (const end of ends) {
        if (end === undefined) continue;
        if (ref.key === 'reportsTo') add('reportsTo', d.box.key, end);
        else if (ref.key === 'substitutes') add('substitutes', d.box.key, end);
        else add('substitutes', end, d.box.key);
      }
    }
  }
  const order = (k: string): [number, number] => [k.startsWith('d') ? 0 : 1, Number(k.slice(1))];
  const byKey = (a: string, b: string): number => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1] - y[1];
  };
  return [...edges.values()].sort(
    (a, b) => compare(a.kind, b.kind) || byKey(a.from, b.from) || byKey(a.to, b.to),
  );
}

/**
 * Marks the boxes and reportsTo edges that are part of a cycle: the strongly connected components
 * (Tarjan's algorithm, without recursion, so a chain of thousands cannot overflow the stack) of
 * more than one box, and boxes that report to themselves.
 */
function markCycles(boxes: readonly OrgBox[], edges: readonly OrgEdge[]): void {
  const next = new Map<string, string[]>(boxes.map((b) => [b.key, []]));
  for (const e of edges) if (e.kind === 'reportsTo') next.get(e.from)!.push(e.to);
  const component = stronglyConnected(
    boxes.map((b) => b.key),
    next,
  );
  const size = new Map<number, number>();
  for (const c of component.values()) size.set(c, (size.get(c) ?? 0) + 1);
  for (const e of edges) {
    if (e.kind !== 'reportsTo') continue;
    const c = component.get(e.from)!;
    if (c === component.get(e.to) && (e.from === e.to || size.get(c)! > 1)) e.inCycle = true;
  }
  const cyclic = new Set(edges.filter((e) => e.inCycle).flatMap((e) => [e.from, e.to]));
  for (const b of boxes) b.inCycle = cyclic.has(b.key);
}

/** Each node's strongly connected component (a number), by an iterative Tarjan's algorithm. */
export function stronglyConnected(
  nodes: readonly string[],
  next: Map<string, string[]>,
): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  let components = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) {
        index.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
      }
      const out = next.get(v) ?? [];
      if (i < out.length) {
        frame[1] = i + 1;
        const w = out[i]!;
        if (!index.has(w)) work.push([w, 0]);
        else if (!component.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        let w: string;
        do {
          w = stack.pop()!;
          component.set(w, components);
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}
