/**
 * The name of each part of a description (src/model/fingerprint.ts PARTS) in the document's
 * language, as a change report and `verify` print it: the headings and field labels the outputs
 * themselves print (render/common/labels.ts), so a reader finds the part in the document.
 */
import type { DocLang } from '../model/types.js';
import { LABELS, type DocumentLabels } from '../render/common/labels.js';
import type { ChangeKind, ChangeSubject } from '../model/changes.js';

type Own = Record<
  'id' | 'formatVersion' | 'lang' | 'kind' | 'organisation' | 'approval' | 'reviewed' | 'knowledge',
  string
>;

const OWN: Record<DocLang, Own> = {
  et: {
    id: 'Tunnus (id)',
    formatVersion: 'Vormingu versioon',
    lang: 'Dokumendi keel',
    kind: 'Liik (töötaja või ametnik)',
    organisation: 'Asutus',
    approval: 'Kinnitamine',
    reviewed: 'Üle vaadatud',
    knowledge: 'Teadmised',
  },
  en: {
    id: 'Identifier (id)',
    formatVersion: 'Format version',
    lang: 'Document language',
    kind: 'Kind (employee or official)',
    organisation: 'Organisation',
    approval: 'Approval',
    reviewed: 'Reviewed',
    knowledge: 'Knowledge',
  },
};

const FROM_LABELS: Record<string, keyof DocumentLabels> = {
  title: 'title',
  unit: 'unit',
  reportsTo: 'reportsTo',
  substitutedBy: 'substitutedBy',
  substitutes: 'substitutes',
  version: 'version',
  'requirements.education': 'education',
  'requirements.experience': 'experience',
  'requirements.languages': 'languages',
  'requirements.computerSkills': 'computerSkills',
  'requirements.competencies': 'competencies',
  'requirements.additionalCompetencies': 'additionalCompetencies',
  'signatures.employer': 'employer',
  'signatures.employee': 'employee',
  'sections.purpose': 'purpose',
  'sections.duties': 'duties',
  'sections.rights': 'rights',
  'sections.responsibilities': 'responsibilities',
  'sections.tools': 'tools',
  'sections.changes': 'changes',
};

const OWN_PARTS: Record<string, keyof Own> = {
  id: 'id',
  formatVersion: 'formatVersion',
  lang: 'lang',
  kind: 'kind',
  organisation: 'organisation',
  approval: 'approval',
  reviewed: 'reviewed',
  'requirements.knowledge': 'knowledge',
};

/** "Tööülesanded" for `sections.duties` in an Estonian document; an extra section by its heading. */
export function partLabel(part: string, lang: DocLang): string {
  if (part.startsWith('extra:')) return part.slice('extra:'.length);
  const label = FROM_LABELS[part];
  if (label) {
    const value = LABELS[lang][label];
    if (typeof value === 'string') return value;
  }
  const own = OWN_PARTS[part];
  return own ? OWN[lang][own] : part;
}

/** The words of a change report (the document's language), beside the parts' labels. */
export interface ReportWords {
  /** The report's heading: "Muudatused võrreldes versiooniga 1.0". */
  heading: (version: string) => string;
  /** The heading when there is no old version. */
  headingNew: string;
  noChanges: string;
  isNew: string;
  kind: Record<ChangeKind, string>;
  /** What a change is about, as a noun after the kind ("lisatud ülesanne"); '' for none. */
  subject: Record<ChangeSubject, string>;
  was: string;
  now: string;
  /** "(varem nr 3)": where a moved or changed item was. */
  position: (n: number) => string;
  /** "Uus versioon: 1.1" / the document's title line. */
  newVersion: string;
  oldVersion: string;
  count: (n: number) => string;
}

export const REPORT_WORDS: Record<DocLang, ReportWords> = {
  et: {
    heading: (v) => `Muudatused võrreldes versiooniga ${v}`,
    headingNew: 'Muudatused: uus ametijuhend',
    noChanges: 'Muudatusi ei ole.',
    isNew: 'Ametijuhend on uus: varasemat versiooni ei ole.',
    kind: { added: 'lisatud', removed: 'eemaldatud', changed: 'muudetud', moved: 'ümber paigutatud' },
    subject: {
      value: '',
      item: '',
      language: 'keel',
      competency: 'kompetents',
      indicator: 'indikaator',
      task: 'ülesanne',
      result: 'tulemus',
      paragraph: 'lõik',
      listItem: 'loendi punkt',
      heading: 'pealkiri',
      block: 'plokk',
    },
    was: 'oli',
    now: 'on',
    position: (n) => `(varem nr ${n})`,
    newVersion: 'Uus versioon',
    oldVersion: 'Varasem versioon',
    count: (n) => (n === 1 ? '1 muudatus' : `${n} muudatust`),
  },
  en: {
    heading: (v) => `Changes since version ${v}`,
    headingNew: 'Changes: a new job description',
    noChanges: 'No changes.',
    isNew: 'The job description is new: there is no earlier version.',
    kind: { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved' },
    subject: {
      value: '',
      item: '',
      language: 'language',
      competency: 'competency',
      indicator: 'indicator',
      task: 'task',
      result: 'result',
      paragraph: 'paragraph',
      listItem: 'list item',
      heading: 'heading',
      block: 'block',
    },
    was: 'was',
    now: 'now',
    position: (n) => `(was no. ${n})`,
    newVersion: 'New version',
    oldVersion: 'Earlier version',
    count: (n) => (n === 1 ? '1 change' : `${n} changes`),
  },
};

/** partLabel, with the headings an official's description prints ("Ametikoha eesmärk"). */
export function partLabelFor(part: string, lang: DocLang, kind?: 'employee' | 'official'): string {
  if (kind === 'official') {
    if (part === 'sections.purpose') return LABELS[lang].purposeOfficial;
    if (part === 'sections.duties') return LABELS[lang].dutiesOfficial;
  }
  return partLabel(part, lang);
}
