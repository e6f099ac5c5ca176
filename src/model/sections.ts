import type { SectionKey } from './types.js';

/** Headings recognised for each known section (FORMAT.md, "Body"). The first Estonian one is canonical. */
export const SECTION_HEADINGS: Record<SectionKey, { et: readonly string[]; en: readonly string[] }> = {
  purpose: {
    et: ['Töökoha eesmärk', 'Ametikoha eesmärk', 'Teenistuskoha eesmärk'],
    en: ['Purpose', 'Purpose of the post'],
  },
  duties: {
    et: [
      'Tööülesanded',
      'Ametikoha tööülesanded',
      'Teenistusülesanded',
      'Teenistuskohustused',
      'Teenistuskoha ülesanded',
      'Põhiülesanded',
      'Põhikohustused',
    ],
    en: ['Duties', 'Duties of the post'],
  },
  rights: { et: ['Õigused'], en: ['Rights'] },
  responsibilities: { et: ['Vastutus'], en: ['Responsibilities'] },
  tools: { et: ['Töövahendid'], en: ['Work equipment'] },
  changes: { et: ['Ametijuhendi muutmine'], en: ['Amendments'] },
};

/** Sections a document must have (rights and responsibilities unless the config supplies them). */
export const REQUIRED_SECTIONS: readonly SectionKey[] = ['purpose', 'duties', 'rights', 'responsibilities'];

/**
 * Normalises a heading for matching: leading numbering ("2", "2.", "2)", "3.1") and a trailing
 * colon are dropped, white space is folded and case is ignored.
 */
export function normaliseHeading(text: string): string {
  return text
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s*/u, '')
    .replace(/\s*:\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase('et');
}

/** The heading as the author wrote it, without numbering and trailing colon. */
export function cleanHeading(text: string): string {
  return text
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s*/u, '')
    .replace(/\s*:\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

export type SectionMatch =
  { kind: 'known'; key: SectionKey } | { kind: 'extra'; heading: string } | { kind: 'unknown' };

export interface HeadingConfig {
  aliases?: Partial<Record<SectionKey, readonly string[]>>;
  extraSections?: readonly string[];
}

const indexCache = new WeakMap<HeadingConfig, Map<string, SectionMatch>>();
let defaultIndex: Map<string, SectionMatch> | undefined;

function buildIndex(config: HeadingConfig | undefined): Map<string, SectionMatch> {
  const index = new Map<string, SectionMatch>();
  for (const [key, names] of Object.entries(SECTION_HEADINGS) as [
    SectionKey,
    { et: readonly string[]; en: readonly string[] },
  ][]) {
    for (const name of [...names.et, ...names.en, ...(config?.aliases?.[key] ?? [])]) {
      index.set(normaliseHeading(name), { kind: 'known', key });
    }
  }
  for (const heading of config?.extraSections ?? []) {
    const n = normaliseHeading(heading);
    if (!index.has(n)) index.set(n, { kind: 'extra', heading: cleanHeading(heading) });
  }
  return index;
}

/** Which section a level-2 heading opens, given the config's aliases and extra sections. */
export function matchHeading(text: string, config?: HeadingConfig): SectionMatch {
  let index: Map<string, SectionMatch>;
  if (config) {
    index = indexCache.get(config) ?? buildIndex(config);
    indexCache.set(config, index);
  } else {
    index = defaultIndex ??= buildIndex(undefined);
  }
  return index.get(normaliseHeading(text)) ?? { kind: 'unknown' };
}

/** All headings a user may write, in the given language first (for suggestions and help). */
export function knownHeadings(lang: 'et' | 'en', config?: HeadingConfig): string[] {
  const out: string[] = [];
  for (const key of Object.keys(SECTION_HEADINGS) as SectionKey[]) {
    const names = SECTION_HEADINGS[key];
    // loops, not spreads: a config may list 300,000 headings, too many arguments for push
    for (const name of lang === 'en' ? names.en : names.et) out.push(name);
    for (const name of config?.aliases?.[key] ?? []) out.push(name);
  }
  for (const name of config?.extraSections ?? []) out.push(name);
  return out;
}
