/**
 * The signature block: "Tööandja: Name" / "Töötaja: Name" lines, a label line over both names
 * ("Tööandja: Töötaja:"), a two-column table with a slot per cell, and what the renderer prints
 * (label, name, role, "(allkirjastatud digitaalselt)"; for an official "Kinnitaja" and
 * "Ametijuhendiga tutvunud").
 */
import type { SourceBlock, SourceLocation, SourceTable } from '../types.js';
import { flat, fold, textLine, toLine, typedMarker, type Line } from './text.js';

type SlotKind = 'employer' | 'employee' | 'approver' | 'acknowledged';

const SLOT_LABELS: [string, SlotKind][] = [
  ['tooandja', 'employer'],
  ['tooandja esindaja', 'employer'],
  ['employer', 'employer'],
  ['tootaja', 'employee'],
  ['employee', 'employee'],
  ['ametnik', 'acknowledged'],
  ['teenistuja', 'acknowledged'],
  ['official', 'acknowledged'],
  ['kinnitaja', 'approver'],
  ['approved by', 'approver'],
  ['ametijuhendiga tutvunud', 'acknowledged'],
  ['tutvunud', 'acknowledged'],
  ['acknowledged by', 'acknowledged'],
];

/** "<the document>ga tutvunud" (folded), alone or with the name after a colon. */
const ACQUAINTED = /^(?:[a-z-]+ ){0,3}[a-z-]+ga tutvunud(?:$|(:))/u;

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
function slotLabel(text: string): { kind: SlotKind; rest: string; label?: string } | undefined {
  const t = flat(text);
  const f = fold(t);
  for (const [label, kind] of SLOT_LABELS) {
    if (f === label) return { kind, rest: '' };
    if (f.startsWith(`${label}:`)) return { kind, rest: t.slice(t.indexOf(':') + 1).trim() };
  }
  // "Teenistuskoha kirjeldusega tutvunud:", "Töökorraldusega tutvunud": whatever the document calls itself
  const read = ACQUAINTED.exec(f);
  if (read) {
    const label = read[1] ? t.slice(0, t.indexOf(':')).trim() : t.replace(/:$/u, '');
    return { kind: 'acknowledged', rest: read[1] ? t.slice(t.indexOf(':') + 1).trim() : '', label };
  }
  return undefined;
}

/** A name or a role: no colon, no digits, no list marker, no sentence ("Kuupäev: 01.02.2026" is none). */
function isNameOrRole(text: string): boolean {
  const t = flat(text);
  return !/[:\d]/u.test(t) && !typedMarker(t) && !/[.!?;]$/u.test(t) && t.split(' ').length <= 8;
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
  /** The document's own label, when the renderer prints another ("Teenistuskoha kirjeldusega tutvunud"). */
  label?: string;
}

export interface Signatory {
  name: string;
  role?: string;
  /** The document's own label of the slot, when the renderer prints another: kept as a comment. */
  label?: string;
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

/** The signature block as it is read: the slots found, the text that is no slot's. */
interface Reader {
  slots: Slot[];
  rest: Line[];
  current?: Slot | undefined;
  pair?: [Slot, Slot] | undefined;
}

const SIGNED_PAIR = /^(\((allkirjastatud digitaalselt|signed digitally)\)\s*){2}$/iu;

/** A line of two columns under a label pair ("Maret Maripuu\tHelen Raja"). */
function pushPairLine(r: Reader, pair: [Slot, Slot], text: string, loc: SourceLocation, line?: Line): void {
  const t = flat(text);
  if (SIGNED.test(t) || SIGNED_PAIR.test(t)) return;
  const cols = twoColumns(
    text
      .replace(/\((?:allkirjastatud digitaalselt|signed digitally)\)/giu, '\t')
      .replace(/^\s*\t|\t\s*$/gu, ''),
  );
  if (cols) {
    pair[0].lines.push(cols[0]);
    pair[1].lines.push(cols[1]);
  } else if (!/[:\d]/u.test(t)) {
    // one column only: the left one, unless the text starts after a tab (the right one)
    (/^\t/u.test(text) ? pair[1] : pair[0]).lines.push(t);
  } else r.rest.push(line ?? textLine(t, loc));
}

function pushLine(r: Reader, text: string, loc: SourceLocation, line?: Line): void {
  const t = flat(text);
  if (t === '') return;
  if (r.pair) return pushPairLine(r, r.pair, text, loc, line);
  if (SIGNED.test(t) || LEADS.has(fold(t))) return;
  // a name or a role has no colon and no digits ("Kuupäev: 01.02.2026" is no name)
  if (r.current && isNameOrRole(text)) r.current.lines.push(t);
  else r.rest.push(line ?? textLine(t, loc));
}

function readParagraph(r: Reader, text: string, loc: SourceLocation, line: Line): void {
  for (const piece of text.split('\n')) {
    const lp = labelPair(piece);
    if (lp) {
      const a: Slot = { kind: lp[0], lines: [], loc };
      const b: Slot = { kind: lp[1], lines: [], loc };
      r.slots.push(a, b);
      r.pair = [a, b];
      r.current = undefined;
      continue;
    }
    const sl = slotLabel(piece);
    if (sl) {
      r.pair = undefined;
      r.current = {
        kind: sl.kind,
        lines: sl.rest ? [sl.rest] : [],
        loc,
        ...(sl.label ? { label: sl.label } : {}),
      };
      r.slots.push(r.current);
      continue;
    }
    pushLine(r, piece, loc, text.includes('\n') ? undefined : line);
  }
}

/** A table: a slot per column; a label row may stand over the value rows. */
function readTable(r: Reader, t: SourceTable): void {
  r.pair = undefined;
  r.current = undefined;
  const columns = new Map<number, Slot>();
  for (const row of t.rows) {
    row.forEach((cell, c) => {
      for (const p of cell.blocks) {
        for (const piece of p.text.split('\n')) {
          const sl = slotLabel(piece);
          if (sl) {
            const slot: Slot = {
              kind: sl.kind,
              lines: sl.rest ? [sl.rest] : [],
              loc: p.loc,
              ...(sl.label ? { label: sl.label } : {}),
            };
            r.slots.push(slot);
            columns.set(c, slot);
            continue;
          }
          const text = flat(piece);
          if (text === '' || SIGNED.test(text) || LEADS.has(fold(text))) continue;
          const slot = columns.get(c);
          // under a label in its own cell, the name and the role are what the cell holds: a name
          // or role may have digits or a colon there ("</p><script>alert(1)</script>")
          if (slot && (isNameOrRole(piece) || (slot.lines.length < 2 && !/[.!?;]$/u.test(text))))
            slot.lines.push(text);
          else r.rest.push(textLine(text, p.loc));
        }
      }
    });
  }
}

export function readSignatures(blocks: readonly SourceBlock[]): SignaturesResult {
  const r: Reader = { slots: [], rest: [] };
  for (const b of blocks) {
    if (b.type === 'paragraph') readParagraph(r, b.text, b.loc, toLine(b));
    else readTable(r, b);
  }
  const out: SignaturesResult = { official: false, rest: r.rest };
  for (const s of r.slots) {
    const [name, role, ...more] = s.lines;
    for (const m of more) r.rest.push(textLine(m, s.loc));
    if (s.kind === 'approver' || s.kind === 'acknowledged') out.official = true;
    if (!name) continue;
    const who: Signatory = { name, ...(role ? { role } : {}), ...(s.label ? { label: s.label } : {}) };
    const key = s.kind === 'acknowledged' ? 'employee' : s.kind;
    if (out[key]) r.rest.push(textLine(s.lines.join(' '), s.loc));
    else out[key] = who;
  }
  return out;
}
