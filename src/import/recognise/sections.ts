/**
 * Headings and the document's parts: which paragraph opens which part (a body section, the general
 * part, the requirements, the signatures), tolerant of case, diacritics, numbering and a trailing
 * colon, in Estonian and English, with the config's aliases and extra sections.
 */
import { SECTION_HEADINGS, cleanHeading, matchHeading, type HeadingConfig } from '../../model/sections.js';
import type { SectionKey } from '../../model/types.js';
import type { RecogniseContext, SourceBlock, SourceLocation, SourceParagraph } from '../types.js';
import { fold, flat, isUpper, splitAtLines, toLine, unspaced, type Line } from './text.js';

export type PartKind = SectionKey | 'front' | 'general' | 'requirements' | 'signatures' | 'extra';

export interface Part {
  kind: PartKind;
  /** The heading as written (numbering and colon dropped); absent for the front part. */
  heading?: string;
  /** For 'extra': declared in the config (kept without review). */
  declared?: boolean;
  blocks: SourceBlock[];
  loc?: SourceLocation;
}

type Lang = 'et' | 'en';

/** Headings of the parts that are not body sections, and more variants of the known sections. */
const MORE_HEADINGS: Record<Exclude<PartKind, 'front' | 'extra'>, { et: string[]; en: string[] }> = {
  general: {
    et: ['Üldosa', 'Üldandmed', 'Üldsätted', 'Üldinfo', 'Üldine osa', 'Üldised andmed'],
    en: ['General', 'General information', 'General part', 'General provisions'],
  },
  requirements: {
    et: [
      'Töökohale esitatavad nõuded',
      'Teenistuskohale esitatavad nõuded',
      'Ametikohale esitatavad nõuded',
      'Nõuded töötajale',
      'Nõuded ametnikule',
      'Nõuded teenistujale',
      'Nõuded teenistuja kvalifikatsioonile',
      'Nõuded ametniku kvalifikatsioonile',
      'Nõuded teenistuskoha täitjale',
      'Nõuded ametikoha täitjale',
      'Nõuded töökoha täitjale',
      'Nõuded teenistuskohale',
      'Nõuded ametikohale',
      'Nõuded töökohale',
      'Nõuded',
      'Kvalifikatsiooninõuded',
      'Kvalifikatsiooni nõuded',
      'Nõuded töötaja kvalifikatsioonile',
    ],
    en: ['Requirements', 'Qualification requirements', 'Requirements for the post', 'Qualifications'],
  },
  signatures: {
    et: ['Poolte allkirjad', 'Allkirjad'],
    en: ['Signatures', 'Signatures of the parties'],
  },
  purpose: {
    et: [
      'Eesmärk',
      'Töö eesmärk',
      'Ametikoha põhieesmärk',
      'Teenistuskoha põhieesmärk',
      'Töökoha põhieesmärk',
    ],
    en: ['Job purpose', 'Purpose of the job', 'Purpose of the position'],
  },
  duties: {
    et: [
      'Tööülesanded ja oodatavad tulemused',
      'Teenistusülesanded ja oodatavad tulemused',
      'Põhiülesanded ja oodatavad tulemused',
      'Teenistuskoha ülesanded ja soovitud töötulemus',
      'Ülesanded',
      'Kohustused',
    ],
    en: ['Main tasks', 'Tasks', 'Duties and expected results'],
  },
  rights: {
    et: ['Õigused ja kohustused', 'Töötaja õigused', 'Ametniku õigused', 'Teenistuja õigused'],
    en: ['Rights and obligations', 'Rights of the employee'],
  },
  responsibilities: {
    et: ['Töötaja vastutus', 'Ametniku vastutus', 'Teenistuja vastutus'],
    en: ['Responsibility', 'Liability'],
  },
  tools: { et: ['Töövahendid ja -keskkond'], en: ['Equipment', 'Work tools', 'Tools'] },
  changes: {
    et: ['Ametijuhendi muutmise kord', 'Ametijuhendi muudatused', 'Muutmine'],
    en: ['Amendments to the job description', 'Changes'],
  },
};

/** Headings (folded) that say the description is an official's. */
const OFFICIAL_HEADINGS = new Set(
  [
    'Ametikoha eesmärk',
    'Teenistuskoha eesmärk',
    'Ametikoha põhieesmärk',
    'Teenistuskoha põhieesmärk',
    'Teenistusülesanded',
    'Teenistuskohustused',
    'Teenistuskoha ülesanded',
    'Ametikoha tööülesanded',
    'Teenistusülesanded ja oodatavad tulemused',
    'Teenistuskoha ülesanded ja soovitud töötulemus',
    'Teenistuskohale esitatavad nõuded',
    'Ametikohale esitatavad nõuded',
    'Nõuded ametnikule',
    'Nõuded teenistujale',
    'Nõuded teenistuja kvalifikatsioonile',
    'Nõuded ametniku kvalifikatsioonile',
    'Nõuded teenistuskoha täitjale',
    'Nõuded ametikoha täitjale',
    'Nõuded teenistuskohale',
    'Nõuded ametikohale',
    'Ametniku õigused',
    'Ametniku vastutus',
    'Purpose of the post',
    'Duties of the post',
  ].map(fold),
);

export interface HeadingMatch {
  kind: Exclude<PartKind, 'front'>;
  heading: string;
  lang?: Lang;
  declared?: boolean;
  official: boolean;
}

interface Index {
  map: Map<string, { kind: Exclude<PartKind, 'front' | 'extra'>; lang: Lang }>;
  extra: Map<string, string>;
}

const indexes = new WeakMap<RecogniseContext, Index>();

function buildIndex(ctx: RecogniseContext): Index {
  const map: Index['map'] = new Map();
  const add = (name: string, kind: Exclude<PartKind, 'front' | 'extra'>, lang: Lang): void => {
    const k = fold(cleanHeading(name));
    if (!map.has(k)) map.set(k, { kind, lang });
  };
  for (const [key, names] of Object.entries(SECTION_HEADINGS) as [
    SectionKey,
    { et: readonly string[]; en: readonly string[] },
  ][]) {
    for (const n of names.et) add(n, key, 'et');
    for (const n of names.en) add(n, key, 'en');
  }
  for (const [kind, names] of Object.entries(MORE_HEADINGS) as [
    Exclude<PartKind, 'front' | 'extra'>,
    { et: string[]; en: string[] },
  ][]) {
    for (const n of names.et) add(n, kind, 'et');
    for (const n of names.en) add(n, kind, 'en');
  }
  for (const [key, names] of Object.entries(ctx.aliases ?? {})) {
    if (!names || !(key in SECTION_HEADINGS)) continue;
    for (const n of names) map.set(fold(cleanHeading(n)), { kind: key as SectionKey, lang: 'et' });
  }
  const extra = new Map<string, string>();
  for (const h of ctx.extraSections ?? []) extra.set(fold(cleanHeading(h)), cleanHeading(h));
  return { map, extra };
}

/** "TÖÖKOHA EESMÄRK" → "Töökoha eesmärk": headings in capitals are written as the format's are. */
export function sentenceCase(heading: string): string {
  if (!isUpper(heading)) return heading;
  const lower = heading.toLocaleLowerCase('et');
  return lower.charAt(0).toLocaleUpperCase('et') + lower.slice(1);
}

/** The known part a heading text names, or undefined. */
const NO_CONTEXT: RecogniseContext = {};
const configs = new WeakMap<RecogniseContext, HeadingConfig>();

/** The model's heading config of a context, one object per context (the model caches its index by it). */
export function headingConfig(ctx: RecogniseContext): HeadingConfig {
  let c = configs.get(ctx);
  if (!c) {
    c = { aliases: ctx.aliases ?? {}, extraSections: ctx.extraSections ?? [] };
    configs.set(ctx, c);
  }
  return c;
}

export function matchPartHeading(text: string, ctx: RecogniseContext = NO_CONTEXT): HeadingMatch | undefined {
  let index = indexes.get(ctx);
  if (!index) {
    index = buildIndex(ctx);
    indexes.set(ctx, index);
  }
  const heading = sentenceCase(
    cleanHeading(flat(text))
      .replace(/[?!]+$/u, '')
      .trim(),
  );
  if (heading === '' || heading.length > 90) return undefined;
  const k = fold(heading);
  const official = OFFICIAL_HEADINGS.has(k);
  const extra = index.extra.get(k);
  if (extra !== undefined) return { kind: 'extra', heading: extra, declared: true, official };
  // the config's aliases and extra sections first, as the model reads them
  const model = matchHeading(heading, headingConfig(ctx));
  const hit = index.map.get(k);
  if (model.kind === 'known' && !hit) return { kind: model.key, heading, official };
  if (!hit) return undefined;
  return { kind: hit.kind, heading, lang: hit.lang, official };
}

/** Whether a paragraph is numbered with one number ("2.", "3 ", "4)"): how section headings are. */
function singleNumbered(p: SourceParagraph): boolean {
  if (p.label !== undefined) return /^\d+[.)]?$/u.test(p.label.trim());
  return /^\s*\d{1,2}[.)]?\s+\S/u.test(p.text);
}

const SIG_LABELS =
  '(?:tooandja(?: esindaja)?|tootaja|kinnitaja|ametnik|teenistuja|(?:[a-z-]+ ){0,3}[a-z-]+ga tutvunud|tutvunud|employer|employee|approved by|acknowledged by|official)';
const SIG_ALONE = new RegExp(`^${SIG_LABELS}\\s*:?$`, 'u');
const SIG_NAMED = new RegExp(`^${SIG_LABELS}\\s*:\\s*\\S.{0,80}$`, 'u');
const SIG_PAIR = new RegExp(`^${SIG_LABELS}\\s*:?\\s+${SIG_LABELS}\\s*:?$`, 'u');

/** Whether a text is a signature line: "Tööandja:", "Töötaja: Helen Raja", "Tööandja: Töötaja:". */
export function isSignatureLine(text: string): boolean {
  const f = fold(flat(text)).replace(/:$/u, '');
  const withColon = fold(flat(text).replace(/:\s*$/u, ':').replace(/:$/u, ': x'));
  return SIG_ALONE.test(f) || SIG_PAIR.test(f) || (SIG_NAMED.test(withColon) && flat(text).includes(':'));
}

function blockStartsSignatures(b: SourceBlock): boolean {
  if (b.type === 'paragraph') return isSignatureLine(b.text);
  const first = b.rows[0]?.[0]?.blocks[0];
  return first !== undefined && isSignatureLine(first.text.split('\n')[0] ?? '');
}

/** The document's title word ("AMETIJUHEND"): styled as a title or heading, but no section. */
const DOC_TITLE = new Set([
  'ametijuhend',
  'job description',
  'tookoha kirjeldus',
  'ametikoha kirjeldus',
  'teenistuskoha kirjeldus',
]);

/** Whether the paragraph before or after body[i] is the document's title ("AMETIJUHEND"). */
function nextToTitle(body: readonly SourceBlock[], i: number): boolean {
  return [body[i - 1], body[i + 1]].some(
    (b) => b?.type === 'paragraph' && DOC_TITLE.has(fold(unspaced(toLine(b).text))),
  );
}

export interface Segmented {
  parts: Part[];
  /** English headings outnumber Estonian ones. */
  englishVotes: number;
  estonianVotes: number;
  official: boolean;
}

interface HeadingStyle {
  /** The heading level known sections use (9: none): an unknown heading below it is a sub-heading (text). */
  level: number;
  /** Whether the known sections' headings are numbered: then an unnumbered unknown heading is a sub-heading. */
  numbered: boolean;
}

function headingStyle(body: readonly SourceBlock[], ctx: RecogniseContext): HeadingStyle {
  let level = 9;
  let known = 0;
  let numbered = 0;
  for (const b of body) {
    if (b.type !== 'paragraph' || !matchPartHeading(toLine(b).text, ctx)) continue;
    known++;
    if (singleNumbered(b)) numbered++;
    if (b.heading !== undefined) level = Math.min(level, b.heading);
  }
  return { level, numbered: known > 0 && numbered * 2 >= known };
}

/**
 * An unknown heading that still opens a section: "N. CAPITALS" (bold or a heading style), or a heading
 * style at the known sections' level when those are not numbered. Never inside the requirements, where
 * bold lines are labels and competency names.
 */
function strongUnknown(b: SourceParagraph, line: Line, style: HeadingStyle, current: PartKind): boolean {
  if (DOC_TITLE.has(fold(unspaced(line.text))) || (line.item && !line.ordered)) return false;
  if (line.text.length > 90 || /[.;,]$/u.test(line.text)) return false;
  const numbered = singleNumbered(b) && (isUpper(line.text) || b.bold === true || b.heading !== undefined);
  if (numbered) return true;
  if (style.numbered || current === 'requirements' || line.text.endsWith(':')) return false;
  return b.heading !== undefined && b.heading <= style.level && style.level < 9;
}

/** Splits the body into parts at its headings. `skip`: paragraphs already taken (the approval). */
export function segment(
  source: readonly SourceBlock[],
  ctx: RecogniseContext,
  skip: ReadonlySet<SourceParagraph>,
): Segmented {
  const parts: Part[] = [{ kind: 'front', blocks: [] }];
  let englishVotes = 0;
  let estonianVotes = 0;
  let official = false;
  // the title "AMETIJUHEND" and the organisation's name in one paragraph of two lines: two paragraphs
  const isTitle = (l: string): boolean => DOC_TITLE.has(fold(unspaced(l)));
  const body = source.flatMap((b): SourceBlock[] =>
    b.type === 'paragraph' && !skip.has(b) ? splitAtLines(b, (l, prev) => isTitle(l) || isTitle(prev)) : [b],
  );
  const style = headingStyle(body, ctx);
  body.forEach((b, i) => {
    const current = parts[parts.length - 1] as Part;
    if (b.type === 'paragraph') {
      if (skip.has(b)) return;
      const line: Line = toLine(b);
      const bullet = line.item && !line.ordered;
      const m = bullet || line.text.length > 90 ? undefined : matchPartHeading(line.text, ctx);
      if (m && m.kind !== current.kind) {
        if (m.lang === 'en') englishVotes++;
        else if (m.lang === 'et') estonianVotes++;
        if (m.official) official = true;
        const part: Part = { kind: m.kind, heading: m.heading, blocks: [], loc: b.loc };
        if (m.declared) part.declared = true;
        parts.push(part);
        return;
      }
      if (!m && current.kind !== 'signatures' && isSignatureLine(b.text.split('\n')[0] ?? '')) {
        parts.push({ kind: 'signatures', blocks: [b], loc: b.loc });
        return;
      }
      // a heading of the same part (a repeated "Põhiülesanded") is text of it; the organisation's
      // name over or under the title "AMETIJUHEND" is often styled as the title is: no section
      if (
        !m &&
        current.kind !== 'signatures' &&
        !(current.kind === 'front' && nextToTitle(body, i)) &&
        strongUnknown(b, line, style, current.kind)
      ) {
        parts.push({ kind: 'extra', heading: sentenceCase(cleanHeading(line.text)), blocks: [], loc: b.loc });
        return;
      }
      current.blocks.push(b);
    } else {
      if (current.kind !== 'signatures' && blockStartsSignatures(b)) {
        parts.push({ kind: 'signatures', blocks: [b], loc: b.loc });
        return;
      }
      current.blocks.push(b);
    }
  });
  return { parts, englishVotes, estonianVotes, official };
}
