/**
 * The organisation chart's lines: reportsTo along dagre's routes with an arrow at the manager, a
 * reportsTo cycle thicker and in the cycle colour, a box that reports to itself as a loop over it,
 * and substitutes as dashed curves between the placed boxes (not laid out, so they never bend the
 * hierarchy) with an open arrow at the one substituted.
 */
import type { OrgEdge } from './org-graph.js';
import type { Point } from './org-layout.js';
import { num } from './org-box.js';
import { COLOUR } from './org-style.js';

export interface Placed {
  centre: Point;
  width: number;
  height: number;
}

/** The arrow heads, referred to by the lines (`url(#…)` in the same document only). */
export function markers(): string {
  const head = (id: string, colour: string, open: boolean): string =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8"` +
    ` markerUnits="userSpaceOnUse" orient="auto">` +
    (open
      ? `<path d="M1 1 L9 5 L1 9" fill="none" stroke="${colour}" stroke-width="1.5"/>`
      : `<path d="M0 0 L10 5 L0 10 Z" fill="${colour}"/>`) +
    `</marker>`;
  return (
    `<defs>${head('org-arrow', COLOUR.reportsTo, false)}${head('org-arrow-cycle', COLOUR.cycle.stroke, false)}` +
    `${head('org-arrow-sub', COLOUR.substitutes, true)}</defs>`
  );
}

const path = (points: readonly Point[]): string =>
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ');

/** Where the line from the centre of `box` towards `to` leaves the box. */
function border(box: Placed, to: Point): Point {
  const [dx, dy] = [to.x - box.centre.x, to.y - box.centre.y];
  if (dx === 0 && dy === 0) return box.centre;
  const t = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return { x: box.centre.x + dx * t, y: box.centre.y + dy * t };
}

/** A straight route from `upper`'s border to `lower`'s, for an edge the layout did not route. */
export function straightRoute(upper: Placed, lower: Placed): Point[] {
  return [border(upper, lower.centre), border(lower, upper.centre)];
}

/** A reportsTo line from the report to the manager along `route` (dagre's, from the manager down). */
export function reportsToSvg(edge: OrgEdge, route: readonly Point[], from: Placed): string {
  const look = edge.inCycle
    ? `stroke="${COLOUR.cycle.stroke}" stroke-width="2.5" marker-end="url(#org-arrow-cycle)"`
    : `stroke="${COLOUR.reportsTo}" stroke-width="1.5" marker-end="url(#org-arrow)"`;
  const cls = `org-edge org-reports-to${edge.inCycle ? ' org-cycle' : ''}`;
  const data = `class="${cls}" data-from="${edge.from}" data-to="${edge.to}"`;
  if (edge.from === edge.to) {
    // a loop over the top of the box
    const top = from.centre.y - from.height / 2;
    const [x1, x2] = [from.centre.x - from.width / 4, from.centre.x + from.width / 4];
    const d = `M${num(x1)} ${num(top)} C${num(x1)} ${num(top - 36)} ${num(x2)} ${num(top - 36)} ${num(x2)} ${num(top)}`;
    return `<path ${data} d="${d}" fill="none" ${look}/>`;
  }
  return `<path ${data} d="${path([...route].reverse())}" fill="none" ${look}/>`;
}

/** A substitutes line: a dashed curve from the substitute's box to the substituted one's. */
export function substitutesSvg(edge: OrgEdge, from: Placed, to: Placed): string {
  if (edge.from === edge.to) return '';
  const [a, b] = [border(from, to.centre), border(to, from.centre)];
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length = Math.hypot(dx, dy) || 1;
  // bend to the side, so that the curve is not mistaken for a straight reportsTo line under it
  const bend = Math.min(60, length * 0.2);
  const c = { x: (a.x + b.x) / 2 - (dy / length) * bend, y: (a.y + b.y) / 2 + (dx / length) * bend };
  const d = `M${num(a.x)} ${num(a.y)} Q${num(c.x)} ${num(c.y)} ${num(b.x)} ${num(b.y)}`;
  return (
    `<path class="org-edge org-substitutes" data-from="${edge.from}" data-to="${edge.to}" d="${d}" fill="none"` +
    ` stroke="${COLOUR.substitutes}" stroke-width="1.5" stroke-dasharray="5 4" marker-end="url(#org-arrow-sub)"/>`
  );
}
