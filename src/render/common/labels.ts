/**
 * Everything a reader of a rendered document sees, in both languages. Renderers take labels from
 * here only, so the PDF, HTML and DOCX say the same thing.
 */
import type { DocLang } from '../../model/types.js';

export interface DocumentLabels {
  documentTitle: string;
  general: string;
  title: string;
  unit: string;
  reportsTo: string;
  substitutedBy: string;
  substitutes: string;
  purpose: string;
  purposeOfficial: string;
  duties: string;
  /** The duties heading of an official's description. */
  dutiesOfficial: string;
  dutiesTask: string;
  dutiesResults: string;
  rights: string;
  responsibilities: string;
  tools: string;
  requirements: string;
  changes: string;
  education: string;
  experience: string;
  languages: string;
  computerSkills: string;
  competencies: string;
  additionalCompetencies: string;
  signaturesLead: string;
  employer: string;
  employee: string;
  official: string;
  approver: string;
  signedDigitally: string;
  acknowledged: string;
  approvedLine: (directive: string, date: string) => string;
  approvedHeading: string;
  page: (n: number, total: number) => string;
  version: string;
  /** The short code of the provenance (src/util/provenance.ts): "Dokumendi kood: 3f9a0c1b22c2". */
  documentCode: (code: string) => string;
  /** "Valdab eesti keelt vähemalt tasemel C1." */
  languageSentence: (languageNames: string, level: string) => string;
}

function formatDateEt(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}.${m}.${y}` : iso;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2 March 2026" (British order; fixed names, so no locale data can change the output). */
function formatDateEn(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = MONTHS_EN[Number(m) - 1];
  return y && month && d ? `${Number(d)} ${month} ${y}` : iso;
}

export const LABELS: Record<DocLang, DocumentLabels> = {
  et: {
    documentTitle: 'Ametijuhend',
    general: 'Üldosa',
    title: 'Ametinimetus',
    unit: 'Struktuuriüksus',
    reportsTo: 'Vahetu juht',
    substitutedBy: 'Kes asendab',
    substitutes: 'Keda asendab',
    purpose: 'Töökoha eesmärk',
    purposeOfficial: 'Ametikoha eesmärk',
    duties: 'Tööülesanded',
    dutiesOfficial: 'Teenistusülesanded',
    dutiesTask: 'Põhiülesanded',
    dutiesResults: 'Oodatavad tulemused',
    rights: 'Õigused',
    responsibilities: 'Vastutus',
    tools: 'Töövahendid',
    requirements: 'Töökohale esitatavad nõuded',
    changes: 'Ametijuhendi muutmine',
    education: 'Haridus',
    experience: 'Töökogemus',
    languages: 'Keeleoskus',
    computerSkills: 'Arvutikasutamise oskus',
    competencies: 'Tööks vajalikud kompetentsid',
    additionalCompetencies: 'Täiendavad kompetentsid, isikuomadused ja teadmised',
    signaturesLead: 'Poolte allkirjad',
    employer: 'Tööandja',
    employee: 'Töötaja',
    official: 'Ametnik',
    approver: 'Kinnitaja',
    signedDigitally: '(allkirjastatud digitaalselt)',
    acknowledged: 'Ametijuhendiga tutvunud',
    approvedHeading: 'KINNITATUD',
    approvedLine: (directive, date) => `${formatDateEt(date)} käskkirjaga nr ${directive}`,
    page: (n, total) => `lk ${n} / ${total}`,
    version: 'Versioon',
    documentCode: (code) => `Dokumendi kood: ${code}`,
    languageSentence: (names, level) => `Valdab ${names} keelt vähemalt tasemel ${level}.`,
  },
  en: {
    documentTitle: 'Job description',
    general: 'General',
    title: 'Job title',
    unit: 'Organisational unit',
    reportsTo: 'Reports to',
    substitutedBy: 'Substituted by',
    substitutes: 'Substitutes for',
    purpose: 'Purpose',
    purposeOfficial: 'Purpose of the post',
    duties: 'Duties',
    dutiesOfficial: 'Duties of the post',
    dutiesTask: 'Main tasks',
    dutiesResults: 'Expected results',
    rights: 'Rights',
    responsibilities: 'Responsibilities',
    tools: 'Work equipment',
    requirements: 'Requirements',
    changes: 'Amendments',
    education: 'Education',
    experience: 'Work experience',
    languages: 'Language skills',
    computerSkills: 'Computer skills',
    competencies: 'Required competencies',
    additionalCompetencies: 'Additional competencies, personal qualities and knowledge',
    signaturesLead: 'Signatures',
    employer: 'Employer',
    employee: 'Employee',
    official: 'Official',
    approver: 'Approved by',
    signedDigitally: '(signed digitally)',
    acknowledged: 'Acknowledged by',
    approvedHeading: 'APPROVED',
    approvedLine: (directive, date) => `by directive No ${directive} of ${formatDateEn(date)}`,
    page: (n, total) => `Page ${n} of ${total}`,
    version: 'Version',
    documentCode: (code) => `Document code: ${code}`,
    languageSentence: (names, level) => `Command of ${names} at level ${level} or higher.`,
  },
};
