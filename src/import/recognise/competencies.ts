/**
 * Competencies: a name followed by its indicators (a name paragraph "Kliendikesksus:" over bulleted
 * indicators, "Name: indicator sentences." in one paragraph or bullet, "Name – a; b; c."), matched
 * against the config's catalogue.
 *
 * Matching the name: exact, then case- and diacritic-insensitive, then a catalogue name the
 * document's name starts with ("Pingetaluvus (tasakaalukus)", "Suhtlemis- ja mõjutamisoskus, sh …"),
 * then a near name (edit distance at most 15 % of the length, at least 2), reported as a note.
 *
 * Comparing the indicators: the document's wording (whatever of the name follows the catalogue's
 * name, then the indicators) and the catalogue's, both as letters and digits only (case, white space,
 * punctuation, quotes and hyphens ignored; the split into items does not matter). The same → a
 * reference (the name). Nearly the same, similarity ≥ NEAR_SIMILARITY (1 − Levenshtein distance /
 * the longer length: a few words differ) → a reference, and the document's wording kept as a comment
 * with a warning. Otherwise an inline definition with the document's own name and indicators.
 */
import { distance } from 'fastest-levenshtein';
import type { ImportNote, SourceLocation } from '../types.js';
import { flat, fold, letters, sentences, type Line } from './text.js';

/** How alike the document's indicators and the catalogue's must be to count as the same competency. */
export const NEAR_SIMILARITY = 0.9;

export type CompetencyItem = string | { name: string; indicators: string[] };

interface Raw {
  name: string;
  indicators: string[];
  /** Started by a name line: bullets that follow are its indicators. */
  block: boolean;
  loc: SourceLocation;
}

export interface CompetenciesResult {
  items: CompetencyItem[];
  /** Comments at an item's index: the document's wording of a nearly-matching competency. */
  comments: { index: number; text: string }[];
  knowledge: string[];
  rest: Line[];
  notes: ImportNote[];
}

const KNOWLEDGE = /^(teadmised|teadmine|teab|tunneb\s+hästi|knowledge|knows)\b/iu;

function isNameLine(l: Line): boolean {
  const t = l.text;
  const words = t.split(' ').length;
  if (words > 10) return false;
  if (/:$/u.test(t) && t.indexOf(':') === t.length - 1) return true;
  return l.bold && !/[.;!?]$/u.test(t) && !t.includes(':');
}

/** "Name: indicators." or "Name – a; b; c." in one text. */
function inlineCompetency(text: string): { name: string; indicators: string[] } | undefined {
  const colon = /^([^:]{2,120}?):\s+(\S.*)$/u.exec(text);
  if (colon && (colon[1] ?? '').split(' ').length <= 12) {
    return { name: (colon[1] ?? '').trim(), indicators: sentences(colon[2] ?? '') };
  }
  const dash = /^([^–—]{2,80}?)\s+[–—-]\s+(\S.*)$/u.exec(text);
  if (dash && (dash[1] ?? '').split(' ').length <= 6) {
    const rest = dash[2] ?? '';
    const parts = rest.includes(';') ? rest.split(/\s*;\s*/u) : sentences(rest);
    return { name: (dash[1] ?? '').trim(), indicators: parts.map((p) => p.trim()).filter((p) => p !== '') };
  }
  return undefined;
}

/**
 * A paragraph whose soft-broken lines hold several "Name – a; b." competencies (a PDF gives a table
 * cell's paragraphs as one paragraph of lines): split where a line after a finished sentence starts
 * a competency of its own.
 */
function splitInline(lines: readonly Line[]): Line[] {
  return lines.flatMap((l) => {
    if (l.lines.length < 2 || !inlineCompetency(l.lines[0] ?? '')) return [l];
    const pieces: string[][] = [];
    l.lines.forEach((t, i) => {
      const starts = i > 0 && /[.!?]$/u.test(l.lines[i - 1] ?? '') && inlineCompetency(t) !== undefined;
      if (i === 0 || starts) pieces.push([t]);
      else pieces[pieces.length - 1]?.push(t);
    });
    if (pieces.length < 2) return [l];
    return pieces.map((p, i) => ({
      ...l,
      raw: p.join('\n'),
      text: flat(p.join(' ')),
      lines: p,
      ...(i > 0 && l.item ? { item: false } : {}),
    }));
  });
}

/** Splits a competency field's lines into competencies, knowledge and the rest. */
/**
 * `additional`: the field that ends with the knowledge lines (the renderer prints them there, after
 * the additional competencies): a bullet that belongs to no competency is knowledge.
 */
function parse(
  lines: readonly Line[],
  additional: boolean,
  names: readonly string[],
): { raws: Raw[]; knowledge: string[]; rest: Line[] } {
  const raws: Raw[] = [];
  const knowledge: string[] = [];
  const rest: Line[] = [];
  let current: Raw | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const next = lines[i + 1];
    if (KNOWLEDGE.test(l.text) && !l.text.endsWith(':') && (l.item || !current || !current.block)) {
      knowledge.push(l.text);
      continue;
    }
    const nameByLayout =
      !l.item &&
      !/[.;!?:]$/u.test(l.text) &&
      l.text.split(' ').length <= 6 &&
      next !== undefined &&
      next.item;
    if (isNameLine(l) || nameByLayout) {
      current = { name: l.text.replace(/\s*:$/u, ''), indicators: [], block: true, loc: l.loc };
      raws.push(current);
      continue;
    }
    if (current?.block && (l.item || l.level > 0)) {
      current.indicators.push(l.text);
      continue;
    }
    const inline = inlineCompetency(l.text);
    // "Name: sentences." starts a competency; among a named one's indicators only with a catalogue name
    const mixed =
      inline !== undefined && current?.block === true && matchName(inline.name, names)?.how === 'exact';
    if (inline && (l.item || !current || !current.block || mixed)) {
      current = { ...inline, block: false, loc: l.loc };
      raws.push(current);
      continue;
    }
    if (additional && l.item && (!current || !current.block)) {
      knowledge.push(l.text);
      continue;
    }
    const bareName = !l.item && !/[.;!?]$/u.test(l.text) && l.text.split(' ').length <= 6;
    if (current && !(bareName && current.block && current.indicators.length > 0)) {
      current.indicators.push(l.text);
      continue;
    }
    if (bareName) {
      raws.push({ name: l.text, indicators: [], block: true, loc: l.loc });
      continue;
    }
    rest.push(l);
  }
  return { raws, knowledge, rest };
}

export interface NameMatch {
  name: string;
  /** What of the document's name follows the catalogue's name ("(tasakaalukus)"). */
  rest: string;
  how: 'exact' | 'folded' | 'prefix' | 'near';
}

/** The catalogue name a document's competency name means, or undefined. */
export function matchName(docName: string, names: readonly string[]): NameMatch | undefined {
  const name = flat(docName);
  if (names.includes(name)) return { name, rest: '', how: 'exact' };
  const f = fold(name);
  const folded = names.find((n) => fold(n) === f);
  if (folded) return { name: folded, rest: '', how: 'folded' };
  let best: string | undefined;
  for (const n of names) {
    const fn = fold(n);
    if (f.startsWith(fn) && /^[^\p{L}\p{N}]/u.test(f.slice(fn.length)) && (!best || n.length > best.length))
      best = n;
  }
  if (best) return { name: best, rest: name.slice(best.length), how: 'prefix' };
  let near: string | undefined;
  let nearD = Infinity;
  for (const n of names) {
    const fn = fold(n);
    const d = distance(f, fn);
    if (d <= Math.max(2, Math.floor(Math.max(f.length, fn.length) * 0.15)) && d < nearD) {
      near = n;
      nearD = d;
    }
  }
  return near ? { name: near, rest: '', how: 'near' } : undefined;
}

/** 1 for the same text, less the more edits it takes (on letters and digits only). */
export function similarity(a: string, b: string): number {
  const x = letters(a);
  const y = letters(b);
  const max = Math.max(x.length, y.length);
  return max === 0 ? 1 : 1 - distance(x, y) / max;
}

export interface CompetencyOptions {
  catalogue?: Readonly<Record<string, readonly string[]>>;
  lang: 'et' | 'en';
}

/** Reads a competency field (its lines) into catalogue references and inline definitions. */
export function readCompetencies(
  lines: readonly Line[],
  opts: CompetencyOptions,
  additional = false,
): CompetenciesResult {
  const catalogue = opts.catalogue ?? {};
  const names = Object.keys(catalogue);
  const { raws, knowledge, rest } = parse(splitInline(lines), additional, names);
  const items: CompetencyItem[] = [];
  const comments: { index: number; text: string }[] = [];
  const notes: ImportNote[] = [];
  for (const raw of raws) {
    const indicators = raw.indicators.filter((t) => t !== '');
    const m = matchName(raw.name, names);
    const wording = `${raw.name}: ${indicators.join(' ')}`;
    if (m) {
      if (m.how === 'near') {
        notes.push({
          id: 'import.recognise.competencyNear',
          data: { name: raw.name, match: m.name },
          severity: 'warning',
          loc: raw.loc,
        });
      }
      const docText = `${m.rest} ${indicators.join(' ')}`;
      const catText = (catalogue[m.name] ?? []).join(' ');
      const same =
        letters(docText) === letters(catText) || (indicators.length === 0 && letters(m.rest) === '');
      if (same) {
        items.push(m.name);
        if (m.how === 'near') {
          comments.push({ index: items.length - 1, text: commentText(opts.lang, wording) });
        }
        continue;
      }
      if (similarity(docText, catText) >= NEAR_SIMILARITY) {
        items.push(m.name);
        comments.push({ index: items.length - 1, text: commentText(opts.lang, wording) });
        notes.push({
          id: 'import.recognise.competencyWording',
          data: { name: m.name },
          severity: 'warning',
          loc: raw.loc,
        });
        continue;
      }
      notes.push({
        id: 'import.recognise.competencyDiffers',
        data: { name: raw.name, match: m.name },
        severity: 'warning',
        loc: raw.loc,
      });
    }
    items.push(indicators.length ? { name: raw.name, indicators } : raw.name);
  }
  return { items, comments, knowledge, rest, notes };
}

function commentText(lang: 'et' | 'en', wording: string): string {
  return lang === 'en'
    ? `Wording in the imported document: ${wording}`
    : `Imporditud dokumendi sõnastus: ${wording}`;
}
