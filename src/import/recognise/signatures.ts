/**
 * The signature block: "Tööandja: Name" / "Töötaja: Name" lines, a label line over both names
 * ("Tööandja: Töötaja:"), a two-column table with a slot per cell, and what the renderer prints
 * (label, name, role, "(allkirjastatud digitaalselt)"; for an official "Kinnitaja" and
 * "Ametijuhendiga tutvunud").
 */
import type { SourceBlock, SourceLocation } from '../types.js';
import { flat, fold, textLine, toLine, type Line } from './text.js';

type SlotKind = 'employer' | 'employee' | 'approver' | 'acknowledged';

const SLOT_LABELS: [string, SlotKind][] = [
  ['tooandja', 'employer'],
  ['tooandja esindaja', 'employer'],
  ['employer', 'employer'],
  ['tootaja', 'employee'],
  ['employee', 'employee'],
  ['ametnik', 'acknowledged'],
  ['official', 'acknowledged'],
  ['kinnitaja', 'approver'],
  ['approved by', 'approver'],
  ['ametijuhendiga tutvunud', 'acknowledged'],
  ['tutvunud', 'acknowledged'],
  ['acknowledged by', 'acknowledged'],
];

const SIGNED =
  /^[(/[]?\s*(allkirjastatud digitaalselt|signed digitally|digitally signed|digitaalselt allkirjastatud)\s*[)/\]]?\.?$/iu;
const LEADS = new Set(['poolte allkirjad', 'allkirjad', 'signatures', 'signatures of the parties']);

/** Whether a text is boilerplate the renderer prints in the signature block. */
export function isSignatureBoilerplate(text: string): boolean {
  const t = flat(text);
  return SIGNED.test(t) || LEADS.has(fold(t)) || flat(t.replace(SIGNED_ANY, ' ')) === '';
}

const SIGNED_ANY =
  /[(/[]?\s*(?:allkirjastatud digitaalselt|signed digitally|digitally signed|digitaalselt allkirjastatud)\s*[)/\]]?\.?/giu;

/** "Tööandja: Maret Maripuu" → [employer, "Maret Maripuu"]; "Tööandja" → [employer, ""]. */
function slotLabel(text: string): { kind: SlotKind; rest: string } | undefined {
  const t = flat(text);
  const f = fold(t);
  for (const [label, kind] of SLOT_LABELS) {
    if (f === label) return { kind, rest: '' };
    if (f.startsWith(`${label}:`)) return { kind, rest: t.slice(t.indexOf(':') + 1).trim() };
  }
  return undefined;
}

/** Two labels on one line ("Tööandja: Töötaja:"). */
function labelPair(text: string): [SlotKind, SlotKind] | undefined {
  const f = fold(flat(text)).replace(/:/gu, ' ').replace(/\s+/gu, ' ').trim();
  for (const [a, ka] of SLOT_LABELS) {
    if (!f.startsWith(`${a} `)) continue;
    const rest = f.slice(a.length + 1);
    for (const [b, kb] of SLOT_LABELS) if (rest === b) return [ka, kb];
  }
  return undefined;
}

interface Slot {
  kind: SlotKind;
  lines: string[];
  loc: SourceLocation;
}

export interface Signatory {
  name: string;
  role?: string;
}

export interface SignaturesResult {
  employer?: Signatory;
  employee?: Signatory;
  approver?: Signatory;
  official: boolean;
  rest: Line[];
}

/** Splits a line of two columns: at a tab or a wide gap, else four capitalised words as two names. */
function twoColumns(text: string): [string, string] | undefined {
  const byGap = text
    .split(/\t+|\s{2,}/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (byGap.length === 2) return [byGap[0] as string, byGap[1] as string];
  const words = flat(text).split(' ');
  if (words.length === 4 && words.every((w) => /^\p{Lu}/u.test(w))) {
    return [words.slice(0, 2).join(' '), words.slice(2).join(' ')];
  }
  return undefined;
}

export function readSignatures(blocks: readonly SourceBlock[]): SignaturesResult {
  const slots: Slot[] = [];
  const rest: Line[] = [];
  let current: Slot | undefined;
  let pair: [Slot, Slot] | undefined;
  const pushLine = (text: string, loc: SourceLocation, line?: Line): void => {
    const t = flat(text);
    if (t === '') return;
    if (pair) {
      const cols = twoColumns(
        text
          .replace(/\((?:allkirjastatud digitaalselt|signed digitally)\)/giu, '\t')
          .replace(/^\s*\t|\t\s*$/gu, ''),
      );
      if (SIGNED.test(t) || /^(\((allkirjastatud digitaalselt|signed digitally)\)\s*){2}$/iu.test(t)) return;
      if (cols) {
        pair[0].lines.push(cols[0]);
        pair[1].lines.push(cols[1]);
        return;
      }
      rest.push(line ?? textLine(t, loc));
      return;
    }
    if (SIGNED.test(t) || LEADS.has(fold(t))) return;
    // a name or a role has no colon and no digits ("Kuupäev: 01.02.2026" is no name)
    if (current && !/[:\d]/u.test(t)) current.lines.push(t);
    else rest.push(line ?? textLine(t, loc));
  };
  const para = (text: string, loc: SourceLocation, line?: Line): void => {
    for (const piece of text.split('\n')) {
      const lp = labelPair(piece);
      if (lp) {
        const a: Slot = { kind: lp[0], lines: [], loc };
        const b: Slot = { kind: lp[1], lines: [], loc };
        slots.push(a, b);
        pair = [a, b];
        current = undefined;
        continue;
      }
      const sl = slotLabel(piece);
      if (sl) {
        pair = undefined;
        current = { kind: sl.kind, lines: sl.rest ? [sl.rest] : [], loc };
        slots.push(current);
        continue;
      }
      pushLine(piece, loc, text.includes('\n') ? undefined : line);
    }
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      para(b.text, b.loc, toLine(b));
      continue;
    }
    pair = undefined;
    current = undefined;
    // a table: a slot per column; a label row may stand over the value rows
    const columns = new Map<number, Slot>();
    for (const row of b.rows) {
      row.forEach((cell, c) => {
        let slot = columns.get(c);
        for (const p of cell.blocks) {
          for (const piece of p.text.split('\n')) {
            const sl = slotLabel(piece);
            if (sl) {
              slot = { kind: sl.kind, lines: sl.rest ? [sl.rest] : [], loc: p.loc };
              slots.push(slot);
              columns.set(c, slot);
              continue;
            }
            const t = flat(piece);
            if (t === '' || SIGNED.test(t) || LEADS.has(fold(t))) continue;
            if (slot) slot.lines.push(t);
            else rest.push(textLine(t, p.loc));
          }
        }
      });
    }
  }
  const out: SignaturesResult = { official: false, rest };
  for (const s of slots) {
    const [name, role, ...more] = s.lines;
    for (const m of more) rest.push(textLine(m, s.loc));
    if (s.kind === 'approver' || s.kind === 'acknowledged') out.official = true;
    if (!name) continue;
    const who: Signatory = role ? { name, role } : { name };
    const key = s.kind === 'acknowledged' ? 'employee' : s.kind;
    if (out[key]) rest.push(textLine(s.lines.join(' '), s.loc));
    else out[key] = who;
  }
  return out;
}
