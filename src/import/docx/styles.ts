/**
 * styles.xml and numbering.xml: what a paragraph's style gives (heading level, numbering, bold,
 * indent, through w:basedOn), and list labels computed as Word shows them.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { wAttr, wChild, wChildren, wOnOff, wVal } from './xml.js';

interface StyleDef {
  id: string;
  type: string;
  name: string;
  basedOn?: string;
  pPr?: Element;
  rPr?: Element;
}

export interface NumPr {
  numId: string;
  ilvl: number;
}

const TWIPS_PER_POINT = 20;

/** Heading level from a style's id or name ("Heading1", "heading 1", "Pealkiri 1", "Title"). */
function headingFromName(s: string): number | undefined {
  const m = /^(?:heading|pealkiri|überschrift|rubrik)\s*([1-6])$/i.exec(s.trim());
  if (m) return Number(m[1]);
  if (/^(title|tiitel|pealkiri)$/i.test(s.trim())) return 1;
  return undefined;
}

function numPrOf(pPr: Element | undefined): Partial<NumPr> | undefined {
  const numPr = wChild(pPr, 'numPr');
  if (!numPr) return undefined;
  const numId = wVal(numPr, 'numId');
  const ilvl = wVal(numPr, 'ilvl');
  return {
    ...(numId !== undefined ? { numId } : {}),
    ...(ilvl !== undefined ? { ilvl: Number(ilvl) || 0 } : {}),
  };
}

/** Left indent in points of a w:pPr (w:ind w:left or w:start), when set. */
export function indentOf(pPr: Element | undefined): number | undefined {
  const ind = wChild(pPr, 'ind');
  const v = wAttr(ind, 'left') ?? wAttr(ind, 'start');
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v) / TWIPS_PER_POINT;
}

export class Styles {
  private readonly byId = new Map<string, StyleDef>();
  private defaultParagraph?: string;
  private defaultBold = false;

  constructor(doc: Document | undefined) {
    if (!doc) return;
    const root = doc.documentElement!;
    const defaults = wChild(wChild(wChild(root, 'docDefaults'), 'rPrDefault'), 'rPr');
    this.defaultBold = wOnOff(defaults, 'b') ?? false;
    for (const s of wChildren(root, 'style')) {
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      const type = wAttr(s, 'type') ?? 'paragraph';
      const basedOn = wVal(s, 'basedOn');
      const pPr = wChild(s, 'pPr');
      const rPr = wChild(s, 'rPr');
      this.byId.set(id, {
        id,
        type,
        name: wVal(s, 'name') ?? id,
        ...(basedOn ? { basedOn } : {}),
        ...(pPr ? { pPr } : {}),
        ...(rPr ? { rPr } : {}),
      });
      if (type === 'paragraph' && /^(1|true|on)$/i.test(wAttr(s, 'default') ?? ''))
        this.defaultParagraph = id;
    }
  }

  /** The style and its ancestors (w:basedOn), nearest first, cycles cut. */
  private chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = id;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const s = this.byId.get(cur);
      if (!s) break;
      out.push(s);
      cur = s.basedOn;
    }
    return out;
  }

  paragraphStyle(id: string | undefined): string | undefined {
    return id && this.byId.has(id) ? id : this.defaultParagraph;
  }

  /**
   * Whether the paragraph style is one of Word's table-of-contents entry styles ("toc 1" … "toc 9":
   * built-in styles keep their English w:name whatever the id, "Sisukord1" in Estonian Word).
   */
  isTocEntry(id: string | undefined): boolean {
    const s = id ? this.byId.get(id) : undefined;
    return s !== undefined && /^toc [1-9]$/i.test(s.name);
  }

  /** Heading level 1–6 of a paragraph style (outline level or a heading style's name), inherited. */
  heading(id: string | undefined): number | undefined {
    for (const s of this.chain(this.paragraphStyle(id))) {
      const outline = wVal(s.pPr, 'outlineLvl');
      if (outline !== undefined) {
        const n = Number(outline);
        return n >= 0 && n <= 5 ? n + 1 : undefined;
      }
      const named = headingFromName(s.id) ?? headingFromName(s.name);
      if (named) return named;
    }
    return undefined;
  }

  /** The numbering a paragraph style gives (w:numPr, inherited; ilvl defaults to 0). */
  numbering(id: string | undefined): Partial<NumPr> | undefined {
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (const s of this.chain(this.paragraphStyle(id))) {
      const n = numPrOf(s.pPr);
      if (!n) continue;
      numId ??= n.numId;
      ilvl ??= n.ilvl;
    }
    if (numId === undefined && ilvl === undefined) return undefined;
    return { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}) };
  }

  /** The style that a numbering definition links to (w:numStyleLink) has this numId. */
  numIdOfStyle(id: string): string | undefined {
    return this.numbering(id)?.numId;
  }

  indent(id: string | undefined): number | undefined {
    for (const s of this.chain(this.paragraphStyle(id))) {
      const v = indentOf(s.pPr);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Bold from a style chain (paragraph or character style), else from the document defaults. */
  bold(id: string | undefined, paragraph: boolean): boolean | undefined {
    for (const s of this.chain(paragraph ? this.paragraphStyle(id) : id)) {
      const b = wOnOff(s.rPr, 'b');
      if (b !== undefined) return b;
    }
    return paragraph ? this.defaultBold : undefined;
  }

  numPrOf = numPrOf;
}

// ---------------------------------------------------------------------------------------------

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
  isLgl: boolean;
  indent?: number;
  font?: string;
  /** w:lvlRestart: restart after this (1-based) level; 0 never. */
  restart?: number;
}

interface NumDef {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

export interface ListLabel {
  label?: string;
  level: number;
  ordered: boolean;
  indent?: number;
}

/** Bullet characters of the symbol fonts (private-use or font-mapped) as the Unicode a reader sees. */
const SYMBOL_CHARS: Record<string, Record<number, string>> = {
  symbol: {
    0xb7: '•',
    0x2d: '–',
    0xae: '→',
    0xb0: '°',
    0xd7: '×',
    0xb3: '≥',
    0xa3: '≤',
    0xb1: '±',
    0x6f: '◦',
  },
  wingdings: {
    0xa7: '▪',
    0xa8: '▫',
    0x6e: '■',
    0x6f: '□',
    0x6c: '●',
    0x71: '❑',
    0x76: '❖',
    0xd8: '➢',
    0xe0: '→',
    0xe8: '➔',
    0xfc: '✓',
    0xfb: '✗',
    0x9f: '•',
  },
};

/** A character of a symbol font (w:sym, a bullet's w:lvlText) as Unicode. */
export function symbolChar(code: number, font: string | undefined): string {
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const f = (font ?? '').toLowerCase();
  const table = f.startsWith('wingdings')
    ? SYMBOL_CHARS.wingdings
    : f === 'symbol'
      ? SYMBOL_CHARS.symbol
      : undefined;
  if (table?.[low] !== undefined) return table[low];
  if (code >= 0xf000 && code <= 0xf0ff) {
    return SYMBOL_CHARS.symbol![low] ?? SYMBOL_CHARS.wingdings![low] ?? '•';
  }
  if (table) return '•';
  return String.fromCodePoint(code);
}

function roman(n: number): string {
  const parts: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of parts) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** A counter in a w:numFmt, as Word writes it. */
function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
    case 'upperLetter': {
      // Word: a … z, aa … zz, aaa …
      const letter = String.fromCharCode(97 + ((n - 1) % 26));
      const s = letter.repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? s.toUpperCase() : s;
    }
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, { levels: Map<number, Level>; styleLink?: string }>();
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    doc: Document | undefined,
    private readonly styles: Styles,
  ) {
    if (!doc) return;
    const root = doc.documentElement!;
    for (const a of wChildren(root, 'abstractNum')) {
      const id = wAttr(a, 'abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const l of wChildren(a, 'lvl')) levels.set(Number(wAttr(l, 'ilvl') ?? 0), this.level(l));
      const styleLink = wVal(a, 'numStyleLink');
      this.abstracts.set(id, { levels, ...(styleLink ? { styleLink } : {}) });
    }
    for (const n of wChildren(root, 'num')) {
      const id = wAttr(n, 'numId');
      const abstractId = wVal(n, 'abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const o of wChildren(n, 'lvlOverride')) {
        const ilvl = Number(wAttr(o, 'ilvl') ?? 0);
        const start = wVal(o, 'startOverride');
        if (start !== undefined) starts.set(ilvl, Number(start));
        const lvl = wChild(o, 'lvl');
        if (lvl) levels.set(ilvl, this.level(lvl));
      }
      this.nums.set(id, { abstractId, starts, levels });
    }
  }

  private level(l: Element): Level {
    const indent = indentOf(wChild(l, 'pPr'));
    const fonts = wChild(wChild(l, 'rPr'), 'rFonts');
    const font = wAttr(fonts, 'ascii') ?? wAttr(fonts, 'hAnsi');
    const restart = wVal(l, 'lvlRestart');
    return {
      numFmt: wVal(l, 'numFmt') ?? 'decimal',
      lvlText: wVal(l, 'lvlText') ?? '',
      start: Number(wVal(l, 'start') ?? 1) || 0,
      isLgl: wOnOff(l, 'isLgl') ?? false,
      ...(indent !== undefined ? { indent } : {}),
      ...(font ? { font } : {}),
      ...(restart !== undefined ? { restart: Number(restart) } : {}),
    };
  }

  /** The abstract definition's levels, following w:numStyleLink to the style's numbering. */
  private abstractLevels(abstractId: string, depth = 0): Map<number, Level> | undefined {
    const a = this.abstracts.get(abstractId);
    if (!a) return undefined;
    if (a.styleLink && depth < 3) {
      const numId = this.styles.numIdOfStyle(a.styleLink);
      const target = numId !== undefined ? this.nums.get(numId) : undefined;
      if (target && target.abstractId !== abstractId) {
        return this.abstractLevels(target.abstractId, depth + 1) ?? a.levels;
      }
    }
    return a.levels;
  }

  private levelOf(num: NumDef, ilvl: number): Level | undefined {
    return num.levels.get(ilvl) ?? this.abstractLevels(num.abstractId)?.get(ilvl);
  }

  /**
   * The next label of list `numId` at level `ilvl` (advances the counters): Word's counters run per
   * list; numbering instances of one abstract definition continue each other unless they restart
   * (w:startOverride). A higher level restarts the levels below it.
   */
  next(numId: string, ilvl: number): ListLabel | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const lvl = this.levelOf(num, ilvl);
    if (!lvl) return undefined;
    const key = num.starts.size || num.levels.size ? `n${numId}` : `a${num.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) this.counters.set(key, (counters = []));
    const startOf = (level: number): number => num.starts.get(level) ?? this.levelOf(num, level)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = this.levelOf(num, deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) counters[deeper] = undefined;
    }
    const ordered = lvl.numFmt !== 'bullet' && lvl.numFmt !== 'none';
    let label: string;
    if (lvl.numFmt === 'bullet') {
      label = [...lvl.lvlText].map((ch) => symbolChar(ch.codePointAt(0)!, lvl.font)).join('');
    } else {
      label = lvl.lvlText.replace(/%([1-9])/g, (_m, d: string) => {
        const level = Number(d) - 1;
        const value = counters[level] ?? startOf(level);
        const fmt = lvl.isLgl && level < ilvl ? 'decimal' : (this.levelOf(num, level)?.numFmt ?? 'decimal');
        return formatNumber(value, lvl.isLgl ? 'decimal' : fmt);
      });
    }
    label = label.trim();
    return {
      ...(label ? { label } : {}),
      level: ilvl,
      ordered,
      ...(lvl.indent !== undefined ? { indent: lvl.indent } : {}),
    };
  }
}
