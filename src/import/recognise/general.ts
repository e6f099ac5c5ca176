/**
 * The general part ("Üldosa"): title, unit, reportsTo, substitutedBy, substitutes, in three layouts
 * (cells holding "1.1. Ametinimetus" over the value; label | value rows, or a label row over a
 * value row; "Label: value" lines and a label paragraph over its value), and the heading block
 * above it (the word "AMETIJUHEND", the organisation).
 */
import type { SourceBlock, SourceCell, SourceLocation } from '../types.js';
import type { Part, PartKind } from './sections.js';
import {
  flat,
  fold,
  letters,
  oneOrMany,
  splitAtLines,
  splitList,
  stripMarker,
  toLine,
  unspaced,
  type Line,
} from './text.js';

export type GeneralKey = 'title' | 'unit' | 'reportsTo' | 'substitutedBy' | 'substitutes';

const LABELS: Record<GeneralKey, { et: string[]; en: string[] }> = {
  title: {
    et: [
      'Ametinimetus',
      'Ametikoha nimetus',
      'Teenistuskoha nimetus',
      'Töökoha nimetus',
      'Ametikoht',
      'Teenistuskoht',
    ],
    en: ['Job title', 'Position', 'Title', 'Position title', 'Post'],
  },
  unit: {
    et: ['Struktuuriüksus', 'Struktuuriüksuse nimetus', 'Osakond', 'Allüksus', 'Üksus'],
    en: ['Organisational unit', 'Organizational unit', 'Structural unit', 'Unit', 'Department'],
  },
  reportsTo: {
    et: ['Vahetu juht', 'Allub', 'Kellele allub', 'Otsene juht', 'Vahetu ülem'],
    en: ['Reports to', 'Line manager', 'Direct superior', 'Immediate superior'],
  },
  substitutedBy: {
    et: ['Kes asendab', 'Asendaja', 'Teda asendab', 'Asendajad'],
    en: ['Substituted by', 'Deputy', 'Replaced by'],
  },
  substitutes: {
    et: ['Keda asendab', 'Asendab', 'Keda ta asendab'],
    en: ['Substitutes', 'Substitutes for', 'Replaces'],
  },
};

const OFFICIAL_LABELS = new Set(['ametikoha nimetus', 'teenistuskoha nimetus', 'ametikoht', 'teenistuskoht']);

const LABEL_INDEX = new Map<string, { key: GeneralKey; lang: 'et' | 'en' }>();
for (const [key, names] of Object.entries(LABELS) as [GeneralKey, { et: string[]; en: string[] }][]) {
  for (const n of names.et) LABEL_INDEX.set(fold(n), { key, lang: 'et' });
  for (const n of names.en) LABEL_INDEX.set(fold(n), { key, lang: 'en' });
}

/** Strips "1.1.", "1.1", "1)" and a trailing colon from a label. */
function labelText(text: string): string {
  return flat(text)
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s*/u, '')
    .replace(/\s*:\s*$/u, '');
}

/** The field a label names ("1.1. Ametinimetus", "Vahetu juht:"), or undefined. */
export function matchGeneralLabel(
  text: string,
): { key: GeneralKey; lang: 'et' | 'en'; official: boolean } | undefined {
  const f = fold(labelText(text));
  const hit = LABEL_INDEX.get(f);
  return hit ? { ...hit, official: OFFICIAL_LABELS.has(f) } : undefined;
}

export interface Field {
  key: GeneralKey;
  lines: string[];
  loc: SourceLocation;
}

export interface GeneralResult {
  fields: Field[];
  /** Lines that are no field (kept for review). */
  rest: Line[];
  /** Table rows that hold another part of the description, as parts. */
  parts: Part[];
  english: number;
  estonian: number;
  official: boolean;
}

/** Which part a table row's first cell names (a template that holds the whole description in one table). */
export type RowPart = (label: string) => { kind: PartKind; heading: string } | undefined;

interface Acc {
  fields: Field[];
  rest: Line[];
  /** Rows that are another part of the description: "Tööülesanded | …", "Haridus | …". */
  parts: Part[];
  rowPart?: RowPart | undefined;
  english: number;
  estonian: number;
  official: boolean;
}

function note(acc: Acc, m: { lang: 'et' | 'en'; official: boolean }): void {
  if (m.lang === 'en') acc.english++;
  else acc.estonian++;
  if (m.official) acc.official = true;
}

/** "Label: value" in one text, or undefined. */
function labelColonValue(
  text: string,
): { key: GeneralKey; value: string; lang: 'et' | 'en'; official: boolean } | undefined {
  const i = text.indexOf(':');
  if (i <= 0) return undefined;
  const m = matchGeneralLabel(text.slice(0, i));
  const value = text.slice(i + 1).trim();
  return m && value !== '' ? { ...m, value } : undefined;
}

/** A cell's lines: every paragraph's soft-broken lines, markers stripped. */
function cellLines(cell: SourceCell): { text: string; loc: SourceLocation }[] {
  return cell.blocks.flatMap((p) =>
    p.text
      .split('\n')
      .map((l) => stripMarker(flat(l)))
      .filter((l) => l !== '')
      .map((text) => ({ text, loc: p.loc })),
  );
}

function restOfCell(acc: Acc, cell: SourceCell): void {
  for (const p of cell.blocks) acc.rest.push(toLine(p));
}

type CellLines = { text: string; loc: SourceLocation }[];

/** Fields of a row whose every cell starts with a label: the value under it, or in `values` (the next row). */
function labelledCells(acc: Acc, cells: CellLines[], values?: CellLines[]): void {
  cells.forEach((c, i) => {
    const m = c[0] ? matchGeneralLabel(c[0].text) : undefined;
    if (!m || !c[0]) return;
    note(acc, m);
    const lines = values ? (values[i] ?? []) : c.slice(1);
    acc.fields.push({ key: m.key, lines: lines.map((l) => l.text), loc: c[0].loc });
  });
}

/** Label | value rows (the label may be in any even cell: label | value | label | value). */
function labelValueRow(acc: Acc, row: SourceCell[], cells: CellLines[], loc: SourceLocation): void {
  const head = cells[0]?.length === 1 ? cells[0][0] : undefined;
  const other =
    head && row.length >= 2 && !matchGeneralLabel(head.text) ? acc.rowPart?.(head.text) : undefined;
  if (other && head) {
    const blocks: SourceBlock[] =
      other.kind === 'requirements'
        ? [{ type: 'table', rows: [row], loc }]
        : row.slice(1).flatMap((c) => c.blocks);
    acc.parts.push({ kind: other.kind, heading: other.heading, blocks, loc: head.loc });
    return;
  }
  let i = 0;
  while (i < row.length) {
    const c = cells[i] ?? [];
    const first = c[0];
    const m = c.length === 1 && first ? matchGeneralLabel(first.text) : undefined;
    const colon = first ? labelColonValue(first.text) : undefined;
    if (m && first && i + 1 < row.length) {
      note(acc, m);
      acc.fields.push({ key: m.key, lines: (cells[i + 1] ?? []).map((l) => l.text), loc: first.loc });
      i += 2;
      continue;
    }
    if (colon && first) {
      note(acc, colon);
      acc.fields.push({
        key: colon.key,
        lines: [colon.value, ...c.slice(1).map((l) => l.text)],
        loc: first.loc,
      });
    } else restOfCell(acc, row[i] as SourceCell);
    i++;
  }
}

/**
 * A column of labels beside a column of values, line by line ("Vahetu juht:\nKes asendab:" |
 * "Juhataja\nTeine projektijuht"): how a PDF reads labels and values aligned with tabs.
 */
function labelColumn(acc: Acc, cells: CellLines[]): boolean {
  const [labels, values] = cells;
  if (cells.length !== 2 || !labels || !values || labels.length < 2 || values.length !== labels.length)
    return false;
  const matches = labels.map((l) => matchGeneralLabel(l.text));
  if (!matches.every((m) => m)) return false;
  matches.forEach((m, i) => {
    if (!m) return;
    note(acc, m);
    acc.fields.push({ key: m.key, lines: [values[i]?.text ?? ''], loc: labels[i]?.loc ?? {} });
  });
  return true;
}

/** Reads a table of the general part. */
function readTable(acc: Acc, rows: SourceCell[][], loc: SourceLocation): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as SourceCell[];
    const cells = row.map(cellLines);
    if (labelColumn(acc, cells)) continue;
    const allLabels =
      cells.length > 0 && cells.every((c) => c[0] !== undefined && matchGeneralLabel(c[0].text));
    if (!allLabels) {
      labelValueRow(acc, row, cells, loc);
      continue;
    }
    if (cells.some((c) => c.length > 1)) {
      // cells holding "1.1. Ametinimetus" over the value
      labelledCells(acc, cells);
      continue;
    }
    // a label row over a value row
    const next = rows[r + 1]?.map(cellLines);
    if (next && next.length === cells.length && next.every((c) => !c[0] || !matchGeneralLabel(c[0].text))) {
      labelledCells(acc, cells, next);
      r++;
    } else labelledCells(acc, cells);
  }
}

/** Reads the general part's blocks: tables and paragraphs. */
/** "Label: value" lines joined into one paragraph (a PDF's reading): one paragraph each. */
const splitLabelLines = (source: readonly SourceBlock[]): SourceBlock[] =>
  source.flatMap((b): SourceBlock[] =>
    b.type === 'paragraph' ? splitAtLines(b, (l) => labelColonValue(stripMarker(l)) !== undefined) : [b],
  );

export function readGeneral(source: readonly SourceBlock[], rowPart?: RowPart): GeneralResult {
  const acc: Acc = { fields: [], rest: [], parts: [], rowPart, english: 0, estonian: 0, official: false };
  const blocks = splitLabelLines(source);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as SourceBlock;
    if (block.type === 'table') {
      readTable(acc, block.rows, block.loc);
      continue;
    }
    const lines = block.text
      .split('\n')
      .map((l) => stripMarker(flat(l)))
      .filter((l) => l !== '');
    const first = lines[0] ?? '';
    const colon = labelColonValue(first.replace(/\t/gu, ' '));
    const tab = block.text.includes('\t') ? block.text.split('\t') : undefined;
    const tabLabel = tab && tab.length >= 2 ? matchGeneralLabel(tab[0] ?? '') : undefined;
    const alone = matchGeneralLabel(first);
    const labelRow = alone || colon ? undefined : labelsInLine(first);
    if (labelRow) {
      // "1.1. Ametinimetus 1.2. Struktuuriüksus" over "Ekspert\tArendustalitus" (a table read as lines)
      const next = blocks[b + 1];
      const values = next?.type === 'paragraph' ? next.text.split(/\t+|\s{3,}/u).map(flat) : [];
      const paired = values.length === labelRow.length;
      labelRow.forEach((m, i) => {
        note(acc, m);
        acc.fields.push({ key: m.key, lines: paired && values[i] ? [values[i]] : [], loc: block.loc });
      });
      if (paired) b++;
      continue;
    }
    if (colon) {
      note(acc, colon);
      acc.fields.push({ key: colon.key, lines: [colon.value, ...lines.slice(1)], loc: block.loc });
    } else if (tabLabel && tab) {
      note(acc, tabLabel);
      acc.fields.push({ key: tabLabel.key, lines: [flat(tab.slice(1).join(' '))], loc: block.loc });
    } else if (alone) {
      note(acc, alone);
      const value = lines.slice(1);
      // the value is the next paragraph(s) up to the next label
      while (value.length === 0 || (alone.key === 'unit' && value.length > 0)) {
        const next = blocks[b + 1];
        if (!next || next.type !== 'paragraph') break;
        const nl = toLine(next);
        if (matchGeneralLabel(nl.lines[0] ?? '') || labelColonValue(nl.text) || nl.heading !== undefined)
          break;
        value.push(...nl.lines);
        b++;
        if (alone.key !== 'unit') break;
      }
      acc.fields.push({ key: alone.key, lines: value, loc: block.loc });
    } else {
      const titled = titleLine(first);
      if (titled && lines.length === 1) {
        note(acc, titled);
        acc.fields.push({ key: 'title', lines: [titled.value], loc: block.loc });
      } else acc.rest.push(toLine(block));
    }
  }
  return acc;
}

/** Several numbered labels on one line ("1.3. Vahetu juht 1.4. Kes asendab"), or undefined. */
type LabelMatch = NonNullable<ReturnType<typeof matchGeneralLabel>>;

function labelsInLine(text: string): LabelMatch[] | undefined {
  const pieces = text.split(/\s+(?=\d+\.\d+\.?\s)/u);
  if (pieces.length < 2) return undefined;
  const labels: LabelMatch[] = [];
  for (const x of pieces) {
    const m = matchGeneralLabel(x);
    if (!m) return undefined;
    labels.push(m);
  }
  return labels;
}

const TITLE_PREFIX =
  /^(ametinimetus|ametikoha nimetus|teenistuskoha nimetus|tookoha nimetus|job title)\s+(\S.{0,100})$/u;

/** "Ametinimetus Ekspert": a title label and its value on one line without a colon. */
function titleLine(text: string): { value: string; lang: 'et' | 'en'; official: boolean } | undefined {
  const t = flat(text).replace(/^\s*\d+(?:\.\d+)*[.)]?\s*/u, '');
  const m = TITLE_PREFIX.exec(fold(t));
  if (!m) return undefined;
  const label = m[1] ?? '';
  return {
    value: t.slice(label.length).trim(),
    lang: label === 'job title' ? 'en' : 'et',
    official: OFFICIAL_LABELS.has(label),
  };
}

/**
 * A list value's lines as its items' lines: a list written with commas ("A, B") has its line breaks
 * from wrapping (a PDF's narrow cell), so they are spaces; a line starting in lower case goes on the
 * line before. Else each line is an item ("Osakond" over "Talitus").
 */
function unwrap(lines: readonly string[]): string[] {
  if (lines.some((l) => /,\s*\S/u.test(l))) return [lines.join(' ')];
  const out: string[] = [];
  for (const l of lines) {
    if (out.length > 0 && /^\p{Ll}/u.test(l)) out[out.length - 1] = `${out[out.length - 1] ?? ''} ${l}`;
    else out.push(l);
  }
  return out;
}

/**
 * The frontmatter values of the fields: the first field with a value of each key wins; a later one
 * with other text is returned in `again` (kept for review), one with the same text is consumed.
 */
export function generalValues(fields: readonly Field[]): {
  values: Partial<Record<GeneralKey, string | string[]>>;
  again: Field[];
} {
  const first = new Map<GeneralKey, Field>();
  const again: Field[] = [];
  for (const f of fields) {
    if (f.lines.length === 0) continue;
    const had = first.get(f.key);
    if (!had) first.set(f.key, f);
    else if (letters(had.lines.join(' ')) !== letters(f.lines.join(' '))) again.push(f);
  }
  const values: Partial<Record<GeneralKey, string | string[]>> = {};
  for (const [key, f] of first) {
    if (key === 'title' || key === 'reportsTo') {
      const v = flat(f.lines.join(' '));
      if (v !== '') values[key] = v;
    } else {
      const v = oneOrMany(splitList(unwrap(f.lines)));
      if (v !== undefined) values[key] = v;
    }
  }
  return { values, again };
}

/** The document-title words the renderer prints ("AMETIJUHEND"): consumed, not reported. */
const DOC_TITLES = new Set(
  [
    'Ametijuhend',
    'Job description',
    'Töökoha kirjeldus',
    'Ametikoha kirjeldus',
    'Teenistuskoha kirjeldus',
    'Ametijuhend (töökoha kirjeldus)',
  ].map(fold),
);

export function isDocumentTitle(text: string): boolean {
  return DOC_TITLES.has(fold(unspaced(text)));
}

/**
 * Whether a line could be an agency's name: short, no sentence, no label. `nextToTitle`: the line
 * stands over or under "AMETIJUHEND", where the renderer prints the organisation: any short line.
 */
export function looksLikeOrganisation(text: string, nextToTitle = false): boolean {
  const t = flat(text);
  const words = t.split(' ');
  if (t.length < 2 || t.length > 100 || words.length > 10 || /[.;:!?]$/u.test(t) || matchGeneralLabel(t))
    return false;
  return nextToTitle || (words.length <= 8 && !/\d/u.test(t) && /^\p{Lu}/u.test(t));
}
