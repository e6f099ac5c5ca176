/**
 * The organisation chart of `/org`: the reportsTo / substitutes graph of every description as one
 * standalone SVG (CONTRACT: written by the lead; the org branch implements it).
 *
 * The pieces: org-graph.ts (boxes and edges from the summaries; references matched by title as the
 * `unknown-reference` rule matches them; shared titles; cycles), org-layout.ts (dagre per connected
 * part, parts packed in rows), org-box.ts / org-edges.ts / org-legend.ts (the SVG), org-text.ts
 * (text widths estimated from the characters), org-style.ts (fonts, colours).
 *
 * Accessibility: the `<svg>` has role="graphics-document" (its role in SVG-AAM), named by its
 * `<title>` and described by its `<desc>`. Not role="img": an image's children are presentational,
 * which would hide the boxes' links from screen readers. Everything is drawn with presentation
 * attributes (no `<style>`, no `style=""`), so a page's Content-Security-Policy cannot strip it.
 */
import type { DescriptionSummary } from '../validate/summary.js';
import type { MessageLang } from '../validate/diagnostic.js';
import { escapeXml } from '../util/xml.js';
import { message } from '../messages/index.js';
import { orgGraph, type OrgGraph } from './org-graph.js';
import { layoutChart, type Layout } from './org-layout.js';
import { boxSvg, sizeBox, type SizedBox } from './org-box.js';
import { markers, reportsToSvg, straightRoute, substitutesSvg, type Placed } from './org-edges.js';
import { legendSvg } from './org-legend.js';
import { COLOUR, FONT, MARGIN, SIZE } from './org-style.js';

export interface OrgChartOptions {
  /** Language of the SVG's own words (title, legend, "unknown" marks). */
  lang: MessageLang;
  /**
   * The link of a description's box, by its id and its file (the summary's `file`: two descriptions
   * may share an id; the preview gives `/d/<the file's page key>`).
   */
  href(id: string, file: string): string;
}

export { orgGraph, type OrgGraph, type OrgBox, type OrgEdge } from './org-graph.js';

/** The ids of the chart's `<title>` and `<desc>` (a page embedding the chart must not reuse them). */
export const ORG_TITLE_ID = 'org-chart-title';
export const ORG_DESC_ID = 'org-chart-desc';

/** The boxes laid out: the hierarchy's edges go from the manager (upper) to the report (lower). */
function place(sized: readonly SizedBox[], graph: OrgGraph): Layout {
  const pairs = new Set<string>();
  const edges = [];
  for (const e of graph.edges) {
    if (e.kind !== 'reportsTo' || e.from === e.to || pairs.has(`${e.to} ${e.from}`)) continue;
    pairs.add(`${e.to} ${e.from}`);
    edges.push({ upper: e.to, lower: e.from });
  }
  return layoutChart(
    sized.map((s) => ({ key: s.box.key, width: s.width, height: s.height })),
    edges,
  );
}

/** The lines, then the boxes over them, all moved down by `top` and right by MARGIN. */
function chartBody(
  sized: readonly SizedBox[],
  graph: OrgGraph,
  layout: Layout,
  top: number,
  options: OrgChartOptions,
): string {
  const shift = (p: { x: number; y: number }): { x: number; y: number } => ({
    x: p.x + MARGIN,
    y: p.y + top,
  });
  const placed = new Map<string, Placed>();
  for (const s of sized)
    placed.set(s.box.key, {
      centre: shift(layout.centres.get(s.box.key)!),
      width: s.width,
      height: s.height,
    });
  const lines = graph.edges.map((e) => {
    if (e.kind === 'substitutes') return substitutesSvg(e, placed.get(e.from)!, placed.get(e.to)!);
    const routed = layout.routes.get(`${e.to} ${e.from}`)?.map(shift);
    const route = routed?.length ? routed : straightRoute(placed.get(e.to)!, placed.get(e.from)!);
    return reportsToSvg(e, route, placed.get(e.from)!);
  });
  // in reading order, top to bottom and left to right: the order the links are reached by Tab
  const upper = (s: SizedBox): number => placed.get(s.box.key)!.centre.y - s.height / 2;
  const left = (s: SizedBox): number => placed.get(s.box.key)!.centre.x - s.width / 2;
  const reading = [...sized].sort((a, b) => upper(a) - upper(b) || left(a) - left(b));
  const boxes = reading.map((s) =>
    boxSvg(
      s,
      placed.get(s.box.key)!.centre,
      s.box.kind === 'description' ? options.href(s.box.id!, s.box.file!) : undefined,
    ),
  );
  return `<g class="org-edges">${lines.join('')}</g><g class="org-boxes">${boxes.join('')}</g>`;
}

/**
 * An SVG (a complete `<svg>` element, UTF-8, no scripts, no external references) drawing one box per
 * description (title, unit, id) with an arrow to its manager's box for `reportsTo` and a dashed line
 * for `substitutes` / `substitutedBy`; a title no description has (and not a known title of the
 * config) drawn as a box marked "unknown", a known outside title as a plain box without a link.
 * Same input, same bytes.
 */
export function orgChartSvg(summaries: readonly DescriptionSummary[], options: OrgChartOptions): string {
  const { lang } = options;
  const graph = orgGraph(summaries);
  const sized = graph.boxes.map((b) => sizeBox(b, lang));
  const layout = place(sized, graph);
  const legend = legendSvg(lang, MARGIN, MARGIN);
  const top = MARGIN * 2 + legend.height;
  const empty = graph.boxes.length === 0;
  const body = empty
    ? `<text x="${MARGIN}" y="${top + SIZE.title}" font-size="${SIZE.title}" fill="${COLOUR.text}">${escapeXml(message('org.empty', lang))}</text>`
    : chartBody(sized, graph, layout, top, options);
  const width = Math.ceil(Math.max(legend.width, layout.width, 200) + MARGIN * 2);
  const height = Math.ceil(top + (empty ? SIZE.title * 2 : layout.height) + MARGIN);
  const described = graph.boxes.filter((b) => b.kind === 'description');
  const desc = message('org.desc', lang, {
    descriptions: described.length,
    unknown: graph.boxes.filter((b) => b.kind === 'unknown').length,
    cycles: described.filter((b) => b.inCycle).length,
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"` +
    ` width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="graphics-document"` +
    ` aria-labelledby="${ORG_TITLE_ID}" aria-describedby="${ORG_DESC_ID}" lang="${lang}" xml:lang="${lang}"` +
    ` font-family="${escapeXml(FONT, { attribute: true })}" text-anchor="start">` +
    `<title id="${ORG_TITLE_ID}">${escapeXml(message('org.title', lang))}</title>` +
    `<desc id="${ORG_DESC_ID}">${escapeXml(desc)}</desc>` +
    `${markers()}<rect width="${width}" height="${height}" fill="${COLOUR.background}"/>` +
    `${legend.svg}${body}</svg>`
  );
}
