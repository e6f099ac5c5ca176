/**
 * The organisation chart's look: fonts, sizes and colours. Every colour of text is at least 4.5:1
 * against the fill it stands on, and every line and border at least 3:1 against white (WCAG 2.1 AA,
 * 1.4.3 and 1.4.11; org.test.ts computes the ratios). Nothing is told by colour alone: unknown
 * titles, errors and cycles also have a word in the box, substitutes a dashed line.
 */

export const FONT = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif";
export const MONO = "'DejaVu Sans Mono', Consolas, 'Courier New', monospace";

export const SIZE = { title: 13, unit: 11, id: 11, mark: 11, legend: 12, heading: 14 } as const;
export const LINE = { title: 17, unit: 14, id: 14, mark: 14 } as const;
/** Bold text is estimated this much wider than regular text. */
export const BOLD = 1.15;
export const PAD = 10;
export const INNER = { min: 120, max: 200 } as const;
export const MARGIN = 24;

export const COLOUR = {
  background: '#ffffff',
  text: '#1a1a1a',
  muted: '#4a4a4a',
  description: { fill: '#ffffff', stroke: '#1f4e79' },
  known: { fill: '#f0f0f0', stroke: '#5c5c5c', mark: '#404040' },
  unknown: { fill: '#fff4f4', stroke: '#b00020', mark: '#9e001c' },
  error: { stroke: '#b00020', mark: '#9e001c' },
  cycle: { stroke: '#8a4500', mark: '#7a3d00' },
  reportsTo: '#1f4e79',
  substitutes: '#6a3d9a',
} as const;

/** Pairs of [text colour, the fill behind it] the chart uses, for the contrast test. */
export const TEXT_ON_FILL: readonly (readonly [string, string])[] = [
  [COLOUR.text, COLOUR.description.fill],
  [COLOUR.muted, COLOUR.description.fill],
  [COLOUR.text, COLOUR.known.fill],
  [COLOUR.muted, COLOUR.known.fill],
  [COLOUR.known.mark, COLOUR.known.fill],
  [COLOUR.text, COLOUR.unknown.fill],
  [COLOUR.muted, COLOUR.unknown.fill],
  [COLOUR.unknown.mark, COLOUR.unknown.fill],
  [COLOUR.error.mark, COLOUR.description.fill],
  [COLOUR.cycle.mark, COLOUR.description.fill],
  [COLOUR.text, COLOUR.background],
];

/** Lines and borders, drawn on white, for the contrast test (3:1). */
export const GRAPHICS: readonly string[] = [
  COLOUR.description.stroke,
  COLOUR.known.stroke,
  COLOUR.unknown.stroke,
  COLOUR.error.stroke,
  COLOUR.cycle.stroke,
  COLOUR.reportsTo,
  COLOUR.substitutes,
];
