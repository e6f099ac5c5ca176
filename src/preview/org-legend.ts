/** The organisation chart's legend: a sample of each kind of box and line, with its words. */
import { escapeXml } from '../util/xml.js';
import { message, type MessageId } from '../messages/index.js';
import type { MessageLang } from '../validate/diagnostic.js';
import { num } from './org-box.js';
import { textWidth } from './org-text.js';
import { BOLD, COLOUR, SIZE } from './org-style.js';

const ROW = 22;
const SAMPLE = 40;

const box = (fill: string, stroke: string, width: number, dash = ''): string =>
  `<rect x="0" y="-8" width="${SAMPLE - 8}" height="16" rx="3" fill="${fill}" stroke="${stroke}" stroke-width="${width}"${dash}/>`;

const line = (stroke: string, width: number, marker: string, dash = ''): string =>
  `<path d="M0 0 L${SAMPLE - 8} 0" fill="none" stroke="${stroke}" stroke-width="${width}"${dash} marker-end="url(#${marker})"/>`;

/** Each row: its sample and its words. */
const ROWS: readonly [string, MessageId][] = [
  [box(COLOUR.description.fill, COLOUR.description.stroke, 1.5), 'org.legend.description'],
  [box(COLOUR.known.fill, COLOUR.known.stroke, 1.5), 'org.legend.known'],
  [box(COLOUR.unknown.fill, COLOUR.unknown.stroke, 2, ' stroke-dasharray="6 4"'), 'org.legend.unknown'],
  [box(COLOUR.description.fill, COLOUR.error.stroke, 3), 'org.legend.errors'],
  [line(COLOUR.reportsTo, 1.5, 'org-arrow'), 'org.legend.reportsTo'],
  [line(COLOUR.substitutes, 1.5, 'org-arrow-sub', ' stroke-dasharray="5 4"'), 'org.legend.substitutes'],
  [line(COLOUR.cycle.stroke, 2.5, 'org-arrow-cycle'), 'org.legend.cycle'],
];

/** Words that say what a sample's mark in a box is (the box's own text marks, repeated here). */
const MARK: Partial<Record<MessageId, string>> = {
  'org.legend.unknown': '? ',
  'org.legend.errors': '⚠ ',
  'org.legend.cycle': '↻ ',
};

export interface Legend {
  svg: string;
  width: number;
  height: number;
}

/** The legend, its top left corner at (x, y). */
export function legendSvg(lang: MessageLang, x: number, y: number): Legend {
  const heading = message('org.legend', lang);
  const rows = ROWS.map(([sample, id], i) => {
    const words = `${MARK[id] ?? ''}${message(id, lang)}`;
    const at = y + ROW * (i + 1) + ROW / 2;
    return {
      width: SAMPLE + textWidth(words, SIZE.legend),
      svg:
        `<g transform="translate(${num(x)} ${num(at)})">${sample}` +
        `<text x="${SAMPLE}" y="4" font-size="${SIZE.legend}" fill="${COLOUR.text}">${escapeXml(words)}</text></g>`,
    };
  });
  const title =
    `<text x="${num(x)}" y="${num(y + ROW * 0.7)}" font-size="${SIZE.heading}" font-weight="bold"` +
    ` fill="${COLOUR.text}">${escapeXml(heading)}</text>`;
  const width = Math.max(textWidth(heading, SIZE.heading) * BOLD, ...rows.map((r) => r.width));
  return {
    svg: `<g class="org-legend">${title}${rows.map((r) => r.svg).join('')}</g>`,
    width,
    height: ROW * (ROWS.length + 1),
  };
}
