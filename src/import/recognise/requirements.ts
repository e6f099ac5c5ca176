/**
 * The requirements part ("Töökohale esitatavad nõuded"), as a table (label | value, a label row over
 * a value row, a cell with the label over the value) or as label paragraphs over their values or
 * "Label: value" lines: education, experience, languages, computer skills, knowledge, competencies.
 */
import type { ImportNote, SourceBlock, SourceCell, SourceLocation } from '../types.js';
import { readCompetencies, type CompetencyItem } from './competencies.js';
import { readLanguages, type LanguageReq } from './languages.js';
import { flat, fold, splitAtLines, textLine, toLine, type Line } from './text.js';

export type RequirementKey =
  | 'education'
  | 'experience'
  | 'languages'
  | 'computerSkills'
  | 'knowledge'
  | 'competencies'
  | 'additionalCompetencies';

const LABELS: Record<RequirementKey, { et: string[]; en: string[] }> = {
  education: {
    et: ['Haridus', 'Nõutav haridus', 'Hariduse nõue', 'Haridusnõue', 'Haridustase'],
    en: ['Education', 'Educational requirements'],
  },
  experience: {
    et: ['Töökogemus', 'Kogemus', 'Eelnev töökogemus', 'Nõutav töökogemus', 'Töökogemuse nõue'],
    en: ['Work experience', 'Experience', 'Professional experience'],
  },
  languages: {
    et: [
      'Keeleoskus',
      'Keelteoskus',
      'Keeleoskuse nõue',
      'Keeleoskuse nõuded',
      'Keelteoskuse nõuded',
      'Keeled',
    ],
    en: ['Language skills', 'Languages', 'Language', 'Language requirements'],
  },
  computerSkills: {
    et: [
      'Arvutikasutamise oskus',
      'Arvutioskus',
      'Arvutikasutusoskus',
      'Arvutialased oskused',
      'Arvutialane oskus',
      'IT-oskused',
      'Arvutioskused',
    ],
    en: ['Computer skills', 'IT skills', 'Digital skills'],
  },
  knowledge: {
    et: ['Teadmised', 'Erialased teadmised', 'Teadmised ja oskused', 'Erialased teadmised ja oskused'],
    en: ['Knowledge', 'Professional knowledge'],
  },
  competencies: {
    et: [
      'Tööks vajalikud kompetentsid',
      'Kompetentsid',
      'Põhikompetentsid',
      'Vajalikud kompetentsid',
      'Üldkompetentsid',
      'Teenistuseks vajalikud kompetentsid',
    ],
    en: ['Required competencies', 'Competencies', 'Core competencies'],
  },
  additionalCompetencies: {
    et: [
      'Täiendavad kompetentsid',
      'Täiendavad kompetentsid, isikuomadused ja teadmised',
      'Täiendavad kompetentsid ja isikuomadused',
      'Isikuomadused',
      'Isikuomadused ja teadmised',
    ],
    en: [
      'Additional competencies',
      'Additional competencies, personal qualities and knowledge',
      'Personal qualities',
    ],
  },
};

const INDEX = new Map<string, { key: RequirementKey; lang: 'et' | 'en' }>();
for (const [key, names] of Object.entries(LABELS) as [RequirementKey, { et: string[]; en: string[] }][]) {
  for (const n of names.et) INDEX.set(fold(n), { key, lang: 'et' });
  for (const n of names.en) INDEX.set(fold(n), { key, lang: 'en' });
}

/** The requirement a label names ("Haridus", "7.1 Haridus:", "Täiendavad kompetentsid, …"), or undefined. */
export function matchRequirementLabel(text: string): { key: RequirementKey; lang: 'et' | 'en' } | undefined {
  const t = flat(text)
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s*/u, '')
    .replace(/\s*:\s*$/u, '');
  if (t.length > 80) return undefined;
  const f = fold(t);
  const hit = INDEX.get(f);
  if (hit) return hit;
  if (/^taiendavad kompetentsid\b/u.test(f)) return { key: 'additionalCompetencies', lang: 'et' };
  if (/^additional competencies\b/u.test(f)) return { key: 'additionalCompetencies', lang: 'en' };
  return undefined;
}

function colonLabel(text: string): { key: RequirementKey; lang: 'et' | 'en'; value: string } | undefined {
  const i = text.indexOf(':');
  if (i <= 0) return undefined;
  const m = matchRequirementLabel(text.slice(0, i));
  const value = text.slice(i + 1).trim();
  return m && value !== '' ? { ...m, value } : undefined;
}

/** Column headings of a competency table (folded). */
const COMPETENCY_HEADER = new Set(
  [
    'Kompetents',
    'Kompetentsid',
    'Kompetentsi nimetus',
    'Käitumisindikaatorid',
    'Käitumisindikaator',
    'Käitumisnäitajad',
    'Indikaatorid',
    'Kirjeldus',
    'Competency',
    'Competencies',
    'Behavioural indicators',
    'Behavioral indicators',
    'Indicators',
    'Description',
  ].map(fold),
);

/** Whether a text is a competency table's column heading ("Käitumisindikaatorid"). */
export function isCompetencyHeading(text: string): boolean {
  return COMPETENCY_HEADER.has(fold(flat(text)));
}

/** Whether a table row is a competency table's header: every cell one heading of it, two at least. */
function isCompetencyHeader(row: readonly SourceCell[]): boolean {
  return (
    row.length >= 2 && row.every((c) => c.blocks.length === 1 && isCompetencyHeading(c.blocks[0]?.text ?? ''))
  );
}

/** A label line or a value line, in reading order. */
type Item = { label: RequirementKey; lang: 'et' | 'en'; loc: SourceLocation } | { line: Line };

/**
 * The label a line starts with and how many of its soft-broken lines it takes: the whole text first
 * (a label wrapped in a narrow cell, "Tööks vajalikud\nkompetentsid", as a PDF gives it), else the
 * first line (a label over its value in one paragraph).
 */
function lineLabel(line: Line): { key: RequirementKey; lang: 'et' | 'en'; taken: number } | undefined {
  const whole = line.lines.length > 1 ? matchRequirementLabel(line.text) : undefined;
  if (whole) return { ...whole, taken: line.lines.length };
  const first = matchRequirementLabel(line.lines[0] ?? '');
  return first ? { ...first, taken: 1 } : undefined;
}

function cellFirstLabel(cell: SourceCell): ReturnType<typeof matchRequirementLabel> {
  const p = cell.blocks[0];
  return p ? lineLabel(toLine(p)) : undefined;
}

/** A line that starts a requirement: "Haridus: …", or a label alone ending in a colon. */
const startsLabel = (l: string): boolean =>
  colonLabel(l) !== undefined || (l.endsWith(':') && matchRequirementLabel(l) !== undefined);

/**
 * A column of labels beside a column of values, line by line ("Töökogemus:\nKeeleoskus:" | "3 aastat.\n
 * Eesti keel C1."): how a PDF reads labels and values aligned with tabs. Pushes the items: whether it was one.
 */
function labelColumn(row: readonly SourceCell[], out: Item[]): boolean {
  const [labels, values] = row.map((c) => c.blocks.flatMap((p) => toLine(p).lines.map((l) => ({ l, p }))));
  if (row.length !== 2 || !labels || !values || labels.length < 2 || values.length !== labels.length)
    return false;
  const matches = labels.map(({ l }) => matchRequirementLabel(l));
  if (!matches.every((m) => m)) return false;
  matches.forEach((m, i) => {
    const v = values[i];
    if (!m || !v) return;
    out.push({ label: m.key, lang: m.lang, loc: labels[i]?.p.loc ?? v.p.loc });
    out.push({ line: textLine(v.l, v.p.loc) });
  });
  return true;
}

/** The part's blocks as label and value items (tables flattened so each label precedes its value). */
function items(blocks: readonly SourceBlock[]): Item[] {
  const out: Item[] = [];
  const para = (line: Line): void => {
    // a bullet is a value ("• Kõrgharidus"); a numbered item may be a label ("6.1. Haridus: …")
    const bullet = line.item && !line.ordered;
    const alone = bullet ? undefined : lineLabel(line);
    const colon = alone || bullet ? undefined : colonLabel(line.text);
    if (alone) {
      out.push({ label: alone.key, lang: alone.lang, loc: line.loc });
      for (const rest of line.lines.slice(alone.taken)) out.push({ line: textLine(rest, line.loc, line) });
    } else if (colon) {
      out.push({ label: colon.key, lang: colon.lang, loc: line.loc });
      out.push({ line: textLine(colon.value, line.loc, line) });
    } else out.push({ line });
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      // "Haridus: …" lines joined into one paragraph (a PDF's reading): one paragraph each
      for (const p of splitAtLines(b, startsLabel)) para(toLine(p));
      continue;
    }
    // a competency table's header row ("Kompetents | Käitumisindikaatorid"): printed by no one, consumed
    const first = b.type === 'table' && isCompetencyHeader(b.rows[0] ?? []) ? 1 : 0;
    for (let r = first; r < b.rows.length; r++) {
      const row = b.rows[r] as SourceCell[];
      const labels = row.map(cellFirstLabel);
      const next = b.rows[r + 1];
      if (
        row.length > 1 &&
        labels.every((l) => l) &&
        row.every((c) => c.blocks.length === 1) &&
        next &&
        next.length === row.length &&
        next.every((c) => !cellFirstLabel(c))
      ) {
        row.forEach((c, i) => {
          const l = labels[i];
          if (l) out.push({ label: l.key, lang: l.lang, loc: c.blocks[0]?.loc ?? b.loc });
          for (const p of next[i]?.blocks ?? []) out.push({ line: toLine(p) });
        });
        r++;
        continue;
      }
      if (labelColumn(row, out)) continue;
      for (const cell of row) for (const p of cell.blocks) para(toLine(p));
    }
  }
  return out;
}

export interface RequirementsResult {
  values: {
    education?: string;
    experience?: string;
    languages?: LanguageReq[];
    computerSkills?: string;
    knowledge?: string[];
    competencies?: CompetencyItem[];
    additionalCompetencies?: CompetencyItem[];
  };
  comments: { path: (string | number)[]; text: string }[];
  /** Lines that are no requirement (kept for review). */
  rest: Line[];
  notes: ImportNote[];
  english: number;
  estonian: number;
}

export interface RequirementsOptions {
  catalogue?: Readonly<Record<string, readonly string[]>>;
  lang: 'et' | 'en';
}

/** Reads the requirements part (and the requirement lines found in other parts). */
export function readRequirements(
  blocks: readonly SourceBlock[],
  opts: RequirementsOptions,
): RequirementsResult {
  const fields = new Map<RequirementKey, Line[]>();
  const rest: Line[] = [];
  let english = 0;
  let estonian = 0;
  let current: RequirementKey | undefined;
  for (const it of items(blocks)) {
    if ('label' in it) {
      current = it.label;
      if (it.lang === 'en') english++;
      else estonian++;
      if (!fields.has(current)) fields.set(current, []);
      continue;
    }
    if (current) fields.get(current)?.push(it.line);
    else rest.push(it.line);
  }
  const result: RequirementsResult = { values: {}, comments: [], rest, notes: [], english, estonian };
  const v = result.values;
  const prose = (key: 'education' | 'experience' | 'computerSkills'): void => {
    const ls = fields.get(key);
    const text = ls ? flat(ls.map((l) => l.text).join(' ')) : '';
    if (text !== '') v[key] = text;
  };
  prose('education');
  prose('experience');
  const lang = fields.get('languages');
  if (lang) {
    const r = readLanguages(lang);
    if (r.languages.length) v.languages = r.languages;
    result.notes.push(...r.notes);
    for (const o of r.orphans) {
      result.comments.push({ path: ['requirements', 'languages'], text: o });
      result.notes.push({
        id: 'import.recognise.languageNoLevel',
        data: { text: o },
        severity: 'warning',
        ...(lang[0] ? { loc: lang[0].loc } : {}),
      });
    }
  }
  prose('computerSkills');
  const knowledge: string[] = (fields.get('knowledge') ?? []).map((l) => l.text);
  for (const key of ['competencies', 'additionalCompetencies'] as const) {
    const ls = fields.get(key);
    if (!ls) continue;
    const r = readCompetencies(ls, opts, key === 'additionalCompetencies');
    if (r.items.length) v[key] = r.items;
    for (const c of r.comments) result.comments.push({ path: ['requirements', key, c.index], text: c.text });
    knowledge.push(...r.knowledge);
    result.notes.push(...r.notes);
    rest.push(...r.rest);
  }
  if (knowledge.length) v.knowledge = knowledge;
  return result;
}
