import type { Nodes } from 'mdast';
import type { Position } from 'unist';
import { coverage, isRtl, type Coverage } from '../../render/pdf/coverage.js';
import { forEachNode } from '../../util/mdast-walk.js';
import { defineRule } from '../rule.js';

/**
 * Characters Source Sans surely draws (Latin, Estonian, typographic punctuation, € ▪): most
 * descriptions never get past this test. The rule's test checks the list against the fonts.
 */
const PLAIN_CLASS = String.raw`\t\n\r\x20-\x7e\xa0-\xac\xae-\u017f\u2010-\u201e\u2020-\u2023\u2026\u2030\u2039\u203a\u20ac\u2122\u2212\u25aa`;
export const PLAIN = new RegExp(`^[${PLAIN_CLASS}]*$`);
/** Finds the next character that is not plain. */
const NOT_PLAIN = new RegExp(`[^${PLAIN_CLASS}]`, 'g');

/** Names of the invisible characters people paste in by accident. */
const NAMES: Record<number, string> = {
  0xad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** Shown characters of a run at most (the code points are listed for these too). */
const SHOWN = 8;

const code = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function codes(cps: readonly number[]): string {
  const list = cps.slice(0, SHOWN).map(code).join(' ');
  return cps.length > SHOWN ? `${list} …` : list;
}

/** A printable form of characters (control characters as their code). */
function shown(cps: readonly number[], limit = SHOWN): string {
  const text = cps
    .slice(0, limit)
    .map((cp) => (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? code(cp) : String.fromCodePoint(cp)))
    .join('');
  return cps.length > limit ? `${text}…` : text;
}

/**
 * [start, end) offsets of source that no output shows: HTML (and its comments), YAML comments.
 * Sorted and merged, so they do not overlap. The walk is iterative: a hostile tree may be
 * thousands of levels deep.
 */
function hiddenRanges(text: string, tree: Nodes, frontmatterEnd: number): [number, number][] {
  const out: [number, number][] = [];
  forEachNode(tree, (node) => {
    if (node.type === 'html' || node.type === 'yaml') {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      if (s !== undefined && e !== undefined && node.type === 'html') out.push([s, e]);
      return false;
    }
    return true;
  });
  // whole-line YAML comments
  const yaml = text.slice(0, frontmatterEnd);
  for (const m of yaml.matchAll(/^[ \t]*#.*$/gm)) out.push([m.index, m.index + m[0].length]);
  out.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of out) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

interface Found {
  kind: 'missing' | 'invisible' | 'rtl';
  start: number;
  end: number;
  cps: number[];
}

/** Joiners and variation selectors: inside an emoji sequence they belong to its run. */
const isJoiner = (cp: number): boolean => cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f);

/**
 * The scan's state. Right-to-left text: RTL letters with the spaces and punctuation between them.
 * One word is drawn right (fontkit orders its glyphs); the words of several come out left to right.
 */
class GlyphScan {
  readonly out: Found[] = [];
  /** The run of missing or invisible characters being read. */
  current: Found | undefined;
  rtl: (Found & { words: number }) | undefined;
  /** Where the non-letters after the last RTL letter start (-1: none). */
  gap = -1;
  gapHasSpace = false;

  constructor(readonly text: string) {}

  closeRtl(): void {
    const rtl = this.rtl;
    if (rtl && rtl.words > 1) this.out.push({ kind: 'rtl', start: rtl.start, end: rtl.end, cps: rtl.cps });
    this.rtl = undefined;
    this.gap = -1;
  }

  /** Right-to-left runs: a letter extends (or starts) one, a gap is held, anything else ends it. */
  rightToLeft(cp: number, kind: Coverage, i: number, width: number): void {
    if (isRtl(cp) && kind !== 'invisible') {
      if (!this.rtl) this.rtl = { kind: 'rtl', start: i, end: i, cps: [], words: 1 };
      else if (this.gap >= 0) {
        if (this.gapHasSpace) this.rtl.words++;
        for (const ch of this.text.slice(this.gap, i)) this.rtl.cps.push(ch.codePointAt(0) ?? 0);
      }
      this.rtl.cps.push(cp);
      this.rtl.end = i + width;
      this.gap = -1;
    } else if (this.rtl && cp !== 0x0a && !/\p{L}/u.test(String.fromCodePoint(cp))) {
      if (this.gap < 0) {
        this.gap = i;
        this.gapHasSpace = false;
      }
      if (cp === 0x20 || cp === 0xa0) this.gapHasSpace = true;
    } else this.closeRtl();
  }

  /** Runs of missing or invisible characters (a joiner between missing ones is one of them). */
  lost(cp: number, kind: Coverage, i: number, width: number): void {
    const current = this.current;
    if (kind !== 'missing' && kind !== 'invisible') {
      if (current) this.out.push(current);
      this.current = undefined;
      return;
    }
    const next = this.text.codePointAt(i + width);
    if (
      kind === 'invisible' &&
      isJoiner(cp) &&
      current?.kind === 'missing' &&
      current.end === i &&
      next !== undefined &&
      coverage(next) === 'missing'
    )
      kind = 'missing';
    let run = current;
    if (run && run.kind === kind && run.end === i) run.cps.push(cp);
    else {
      if (run) this.out.push(run);
      run = { kind, start: i, end: i, cps: [cp] };
    }
    run.end = i + width;
    // a byte order mark opening the file is no text
    this.current = cp === 0xfeff && i === 0 ? undefined : run;
  }
}

/** Runs of characters the PDF loses or misorders, by source offset. */
function scan(text: string): Found[] {
  const state = new GlyphScan(text);
  for (let i = 0; i < text.length;) {
    if (!state.rtl && !state.current) {
      // skip plain text at once
      NOT_PLAIN.lastIndex = i;
      const next = NOT_PLAIN.exec(text);
      if (!next) break;
      i = next.index;
    }
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const kind: Coverage = coverage(cp);
    state.rightToLeft(cp, kind, i, width);
    state.lost(cp, kind, i, width);
    i += width;
  }
  if (state.current) state.out.push(state.current);
  state.closeRtl();
  return state.out.sort((a, b) => a.start - b.start);
}

export default defineRule({
  id: 'pdf-glyph',
  severity: 'warning',
  description: {
    et:
      'PDF-i fondid (Source Sans 3, puuduvad märgid DejaVu Sansist) ei suuda joonistada iga märki: ' +
      'puuduv märk (hiina, jaapani, korea, devanagari, tai kiri, enamik emojisid) on PDF-is „?“, ' +
      'nähtamatud vormindusmärgid (nulllaiusega tühik, suunamärgid) jäävad välja ja mitmesõnaline ' +
      'paremalt vasakule tekst (heebrea, araabia) on vastupidises sõnajärjekorras. HTML ja DOCX säilitavad need.',
    en:
      'The PDF fonts (Source Sans 3, with DejaVu Sans for what it lacks) cannot draw every character: ' +
      'a missing one (Chinese, Japanese, Korean, Devanagari, Thai, most emoji) prints as "?" in the PDF, ' +
      'invisible format characters (zero-width space, direction marks) are left out, and right-to-left ' +
      'text of several words (Hebrew, Arabic) comes out in reverse word order. HTML and DOCX keep them.',
  },
  messages: {
    missing: {
      et: 'PDF-i fontides pole märki „{chars}“ ({codes}): PDF näitab selle asemel „?“ (HTML ja DOCX säilitavad selle).',
      en: 'The PDF fonts have no glyph for "{chars}" ({codes}): the PDF shows "?" instead (HTML and DOCX keep it).',
    },
    invisible: {
      et: 'Nähtamatu vormindusmärk {codes} ({names}) jääb PDF-ist välja (HTML ja DOCX säilitavad selle): kustuta see, kui see pole taotluslik.',
      en: 'The invisible format character {codes} ({names}) is left out of the PDF (HTML and DOCX keep it): delete it unless it is meant to be there.',
    },
    rtl: {
      et: 'Paremalt vasakule tekst „{chars}“: PDF paigutab sõnad vasakult paremale, nii et nende järjekord on PDF-is vale (HTML ja DOCX näitavad seda õigesti).',
      en: 'Right-to-left text "{chars}": the PDF lays its words out left to right, so their order is wrong in the PDF (HTML and DOCX show it right).',
    },
  },
  check(ctx) {
    const { text, tree } = ctx.source;
    if (PLAIN.test(text)) return;
    const found = scan(text);
    if (found.length === 0) return;
    const fmEnd = ctx.source.frontmatter?.position.end.offset ?? 0;
    const hidden = hiddenRanges(text, tree, fmEnd);
    // `found` is sorted by start and `hidden` by start without overlaps: one pointer walks `hidden`
    // along (testing every range for every run was quadratic: 40,000 `中<b>` took 10 s)
    let h = 0;
    const isHidden = (offset: number): boolean => {
      while (h < hidden.length && hidden[h]![1] <= offset) h++;
      return h < hidden.length && hidden[h]![0] <= offset;
    };
    // line starts, for positions
    const starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    const point = (offset: number): { line: number; column: number; offset: number } => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - (starts[lo] as number) + 1, offset };
    };
    for (const f of found) {
      if (isHidden(f.start)) continue;
      const place: Position = { start: point(f.start), end: point(f.end) };
      if (f.kind === 'invisible') {
        const names = [...new Set(f.cps.map((cp) => NAMES[cp] ?? 'FORMAT CHARACTER'))].join(', ');
        ctx.report(this, 'invisible', { codes: codes(f.cps), names }, place);
      } else if (f.kind === 'rtl') ctx.report(this, 'rtl', { chars: shown(f.cps, 40) }, place);
      else ctx.report(this, 'missing', { chars: shown(f.cps), codes: codes(f.cps) }, place);
    }
  },
});
