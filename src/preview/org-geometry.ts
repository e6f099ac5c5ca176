/** The shapes the organisation chart's layout works with. */

export interface LayoutNode {
  key: string;
  width: number;
  height: number;
}

/** A hierarchy edge: `upper` (the manager) above `lower` (the report). */
export interface LayoutEdge {
  upper: string;
  lower: string;
}

export interface Point {
  x: number;
  y: number;
}
