/**
 * The name of each part of a description (src/model/fingerprint.ts PARTS) in the document's
 * language, as a change report and `verify` print it: the headings and field labels the outputs
 * themselves print (render/common/labels.ts), so a reader finds the part in the document.
 */
import type { DocLang } from '../model/types.js';
import { LABELS, type DocumentLabels } from '../render/common/labels.js';

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
