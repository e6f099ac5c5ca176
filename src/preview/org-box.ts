/**
 * One box of the organisation chart: its lines of text (marks, title, unit, id), its size estimated
 * from them, and its SVG. A description's box is a link; an outside title's box is not.
 */
import { escapeXml } from '../util/xml.js';
import { message } from '../messages/index.js';
import type { MessageLang } from '../validate/diagnostic.js';
import type { OrgBox } from './org-graph.js';
import type { Point } from './org-layout.js';
import { monoWidth, textWidth, wrapText, type Measure } from './org-text.js';
import { BOLD, COLOUR, INNER, LINE, MONO, PAD, SIZE } from './org-style.js';

type LineKind =
  | 'mark-error'
  | 'mark-cycle'
  | 'mark-unknown'
  | 'mark-known'
  | 'title'
  | 'untitled'
  | 'unit'
  | 'id'
  | 'crowded';

interface TextLine {
  kind: LineKind;
  text: string;
  /** What separates it from the next line when read: a space, or nothing inside a broken word. */
  sep: ' ' | '';
}

export interface SizedBox {
  box: OrgBox;
  lines: TextLine[];
  width: number;
  height: number;
  /** The box's words in one line: its link's accessible name and tooltip. */
  label: string;
}

const measure = (kind: LineKind): Measure => {
  if (kind === 'id') return (t) => monoWidth(t, SIZE.id);
  if (kind === 'title') return (t) => textWidth(t, SIZE.title) * BOLD;
  if (kind.startsWith('mark')) return (t) => textWidth(t, SIZE.mark) * BOLD;
  return (t) => textWidth(t, kind === 'untitled' ? SIZE.title : SIZE.unit);
};

const lineHeight = (kind: LineKind): number =>
  kind === 'title' || kind === 'untitled' ? LINE.title : kind === 'id' ? LINE.id : LINE.mark;

/** The marks of a box, as words (never colour alone). */
function marks(box: OrgBox, lang: MessageLang): Omit<TextLine, 'sep'>[] {
  const out: Omit<TextLine, 'sep'>[] = [];
  if (box.kind === 'unknown') out.push({ kind: 'mark-unknown', text: `? ${message('org.unknown', lang)}` });
  if (box.kind === 'known') out.push({ kind: 'mark-known', text: message('org.known', lang) });
  if (box.errorCount > 0) {
    out.push({ kind: 'mark-error', text: `⚠ ${message('org.errors', lang, { n: box.errorCount })}` });
  }
  if (box.inCycle) out.push({ kind: 'mark-cycle', text: `↻ ${message('org.cycle', lang)}` });
  return out;
}

/** Each wrapped line of `text` with what followed it there: a space, or nothing (a word broken). */
function separated(text: string, lines: readonly string[]): [string, ' ' | ''][] {
  const source = text.replace(/\s+/g, ' ').trim();
  let at = 0;
  return lines.map((line) => {
    at += line.length;
    const space = source[at] === ' ';
    if (space) at++;
    return [line, space || at >= source.length ? ' ' : ''];
  });
}

/** A box's lines wrapped to a width that fits its title, unit and id (within INNER's bounds). */
export function sizeBox(box: OrgBox, lang: MessageLang): SizedBox {
  const head = marks(box, lang);
  const title = box.title ?? message('org.untitled', lang);
  const titleKind: LineKind = box.title === undefined ? 'untitled' : 'title';
  const crowded = (box.crowded ?? []).map((c) =>
    message(`org.crowded.${c.key}`, lang, { title: c.title, n: c.count }),
  );
  const natural = Math.max(
    measure(titleKind)(title) / Math.min(3, Math.ceil(measure(titleKind)(title) / INNER.max)),
    ...head.map((l) => measure(l.kind)(l.text)),
    box.unit !== undefined ? Math.min(measure('unit')(box.unit), INNER.max) : 0,
    box.id !== undefined ? measure('id')(box.id) : 0,
    ...crowded.map((c) => Math.min(measure('crowded')(c), INNER.max)),
  );
  const inner = Math.ceil(Math.min(INNER.max, Math.max(INNER.min, natural)));
  const wrap = (kind: LineKind, text: string, max: number): TextLine[] =>
    separated(text, wrapText(text, inner, measure(kind), max)).map(([t, sep]) => ({ kind, text: t, sep }));
  const lines = [
    ...head.flatMap((l) => wrap(l.kind, l.text, 2)),
    ...wrap(titleKind, title, 6),
    ...(box.unit !== undefined ? wrap('unit', box.unit, 2) : []),
    ...(box.id !== undefined ? wrap('id', box.id, 2) : []),
    ...crowded.flatMap((c) => wrap('crowded', c, 3)),
  ];
  const height = PAD * 2 + lines.reduce((h, l) => h + lineHeight(l.kind), 0);
  // the name a screen reader says is the text the box shows, in its order (WCAG 2.5.3, label in name)
  const shown = lines.map((l, i) => l.text + (i < lines.length - 1 ? l.sep : '')).join('');
  const words = [title, box.unit, box.id, ...crowded].filter((w): w is string => w !== undefined);
  const label = lines.some((l) => l.text.endsWith('…')) ? `${shown} (${words.join(', ')})` : shown;
  return { box, lines, width: inner + PAD * 2, height, label };
}

/** A number for an attribute: one decimal at most, never "-0". */
export const num = (n: number): string => {
  const r = Math.round(n * 10) / 10;
  return String(r === 0 ? 0 : r);
};

const attr = (text: string): string => escapeXml(text, { attribute: true });

/** The fill and border of a box. */
function frame(s: SizedBox, at: Point): string {
  const { box } = s;
  const look =
    box.kind === 'unknown'
      ? { ...COLOUR.unknown, width: 2, dash: ' stroke-dasharray="6 4"' }
      : box.kind === 'known'
        ? { ...COLOUR.known, width: 1.5, dash: '' }
        : box.errorCount > 0
          ? { fill: COLOUR.description.fill, stroke: COLOUR.error.stroke, width: 3, dash: '' }
          : { ...COLOUR.description, width: 1.5, dash: '' };
  const [x, y] = [at.x - s.width / 2, at.y - s.height / 2];
  return (
    `<rect x="${num(x)}" y="${num(y)}" width="${num(s.width)}" height="${num(s.height)}" rx="6"` +
    ` fill="${look.fill}" stroke="${look.stroke}" stroke-width="${look.width}"${look.dash}/>`
  );
}

/** The look of each kind of line: size, weight, family, colour. */
const LOOK: Record<LineKind, string> = {
  'mark-unknown': `font-size="${SIZE.mark}" font-weight="bold" fill="${COLOUR.unknown.mark}"`,
  'mark-known': `font-size="${SIZE.mark}" font-style="italic" fill="${COLOUR.known.mark}"`,
  'mark-error': `font-size="${SIZE.mark}" font-weight="bold" fill="${COLOUR.error.mark}"`,
  'mark-cycle': `font-size="${SIZE.mark}" font-weight="bold" fill="${COLOUR.cycle.mark}"`,
  title: `font-size="${SIZE.title}" font-weight="bold" fill="${COLOUR.text}"`,
  untitled: `font-size="${SIZE.title}" font-style="italic" fill="${COLOUR.muted}"`,
  unit: `font-size="${SIZE.unit}" fill="${COLOUR.muted}"`,
  id: `font-size="${SIZE.id}" font-family="${attr(MONO)}" fill="${COLOUR.muted}"`,
  crowded: `font-size="${SIZE.unit}" font-style="italic" fill="${COLOUR.muted}"`,
};

/** A box at its centre `at`: a link to `href` for a description, a plain group for an outside title. */
export function boxSvg(s: SizedBox, at: Point, href: string | undefined): string {
  let y = at.y - s.height / 2 + PAD;
  // a space between two lines' elements where the text has one, so that the link's text reads as words
  const texts = s.lines.map((l, i) => {
    const h = lineHeight(l.kind);
    y += h;
    const sep = i < s.lines.length - 1 ? l.sep : '';
    return `<text x="${num(at.x)}" y="${num(y - h * 0.28)}" text-anchor="middle" ${LOOK[l.kind]}>${escapeXml(l.text)}</text>${sep}`;
  });
  const body = `<title>${escapeXml(s.label)}</title>${frame(s, at)}${texts.join('')}`;
  const cls = `org-box org-${s.box.kind}${s.box.errorCount > 0 ? ' org-errors' : ''}${s.box.inCycle ? ' org-cycle' : ''}`;
  const data = `class="${cls}" data-key="${s.box.key}"${s.box.id !== undefined ? ` data-id="${attr(s.box.id)}"` : ''}`;
  if (href === undefined) return `<g ${data}>${body}</g>`;
  const link = attr(href);
  return `<a ${data} href="${link}" xlink:href="${link}" aria-label="${attr(s.label)}">${body}</a>`;
}
