/**
 * The organisation chart of `/org`: the reportsTo / substitutes graph of every description as one
 * standalone SVG (CONTRACT: written by the lead; the org branch implements it).
 */
import type { DescriptionSummary } from '../validate/summary.js';
import type { MessageLang } from '../validate/diagnostic.js';

export interface OrgChartOptions {
  /** Language of the SVG's own words (title, legend, "unknown" marks). */
  lang: MessageLang;
  /** The link of a description's box (the preview gives `/d/<id>`). */
  href(id: string): string;
}

/**
 * An SVG (a complete `<svg>` element, UTF-8, no scripts, no external references) drawing one box per
 * description (title, unit, id) with an arrow to its manager's box for `reportsTo` and a dashed line
 * for `substitutes` / `substitutedBy`; a title no description has (and not a known title of the
 * config) drawn as a box marked "unknown", a known outside title as a plain box without a link.
 * Same input, same bytes.
 */
export function orgChartSvg(summaries: readonly DescriptionSummary[], options: OrgChartOptions): string {
  void summaries;
  void options;
  throw new Error('orgChartSvg: not built yet');
}
