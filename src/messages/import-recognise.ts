import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of the recogniser of `ametijuhend import` (src/import/recognise), keyed
 * "import.recognise.<name>"; see src/import/types.ts (ImportNote). {placeholders} are filled by message().
 */
export const IMPORT_RECOGNISE_MESSAGES = {
  'import.recognise.unmapped': {
    et: 'tekst „{text}“ ({n, plural, one {# lõik} other {# lõiku}}) ei vasta ühelegi ametijuhendi osale: see on märgitud ülevaatamiseks',
    en: 'text "{text}" ({n, plural, one {# paragraph} other {# paragraphs}}) matches no part of a job description: it is marked for review',
  },
  'import.recognise.unknownSection': {
    et: 'tundmatu jaotis „{heading}“: see on säilitatud ülevaatamiseks (lisa pealkiri seadistuse loendisse extraSections või tõsta sisu mujale)',
    en: 'unknown section "{heading}": kept for review (add the heading to the config’s extraSections or move its content)',
  },
  'import.recognise.organisationCase': {
    et: 'asutuse nimi on dokumendis suurtähtedega („{text}“): see on kirjutatud kujul „{name}“, kontrolli, kas nimes on veel suurtähti',
    en: 'the organisation’s name is in capitals in the document ("{text}"): it is written as "{name}"; check whether the name has other capitals',
  },
  'import.recognise.organisationFromApproval': {
    et: 'dokumendis pole asutuse nime: see on tuletatud kinnitaja nimetusest („{name}“), kontrolli seda',
    en: 'the document does not name the organisation: it was inferred from the approver ("{name}"); check it',
  },
  'import.recognise.oldLevel': {
    et: 'vana keeleoskuse tase „{word}“ on teisendatud tasemeks {level}',
    en: 'the old language level "{word}" was converted to {level}',
  },
  'import.recognise.languageNoLevel': {
    et: 'keeleoskuse lauses „{text}“ pole taset: see on säilitatud kommentaarina',
    en: 'the language sentence "{text}" has no level: it is kept as a comment',
  },
  'import.recognise.competencyNear': {
    et: 'kompetents „{name}“ on seostatud kataloogi kompetentsiga „{match}“ (nimi on sarnane, mitte sama)',
    en: 'the competency "{name}" was matched to the catalogue’s "{match}" (a similar name, not the same)',
  },
  'import.recognise.competencyWording': {
    et: 'kompetentsi „{name}“ käitumisnäitajad erinevad kataloogi omadest veidi: kasutatakse kataloogi sõnastust, dokumendi sõnastus on kommentaaris',
    en: 'the indicators of the competency "{name}" differ slightly from the catalogue’s: the catalogue’s wording is used, the document’s is kept as a comment',
  },
  'import.recognise.competencyDiffers': {
    et: 'kompetentsi „{name}“ käitumisnäitajad erinevad kataloogi kompetentsi „{match}“ omadest: see on kirja pandud dokumendi sõnastuses',
    en: 'the indicators of the competency "{name}" differ from those of the catalogue’s "{match}": it is written with the document’s own indicators',
  },
  'import.recognise.approvalIncomplete': {
    et: 'kinnitamise plokist ei leitud kinnitajat, käskkirja numbrit ja kuupäeva: see on märgitud ülevaatamiseks',
    en: 'the approval block does not give the approver, the directive number and the date: it is marked for review',
  },
} as const satisfies Record<string, Template>;
