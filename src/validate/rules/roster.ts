import { defineRule } from '../rule.js';

export default defineRule({
  id: 'roster',
  severity: 'error',
  description: {
    et: 'Isikustatud väljundi nimekiri (--roster CSV): päis veergudega id, employee (valikuliselt employer, role) ja üks rida töötaja kohta.',
    en: 'The roster for personalised export (--roster CSV): a header with the columns id, employee (optionally employer, role) and one row per employee.',
  },
  messages: {
    missingColumn: {
      et: 'Nimekirja päises puudub veerg „{column}“ (leitud: {found}).',
      en: 'The roster header has no column "{column}" (found: {found}).',
    },
    unknownColumn: {
      et: 'Tundmatu veerg „{column}“; lubatud on {allowed}.',
      en: 'Unknown column "{column}"; allowed: {allowed}.',
    },
    fieldCount: {
      et: 'Real on {count} välja, päises {expected}: kontrolli eraldajaid ja jutumärke.',
      en: 'The row has {count} fields but the header {expected}: check the separators and quotes.',
    },
    unclosedQuote: {
      et: 'Jutumärk on sulgemata: rida lõpeb enne sulgevat jutumärki.',
      en: 'A quote is not closed: the row ends before the closing quote.',
    },
    empty: {
      et: 'Veerg „{column}“ on tühi.',
      en: 'The column "{column}" is empty.',
    },
    unknownId: {
      et: 'Ametijuhendit id-ga „{id}“ ei ole{hint_et}',
      en: 'There is no description with the id "{id}"{hint_en}',
    },
    duplicateId: {
      et: 'Id „{id}“ on mitmel ametijuhendil ({files}), seega pole teada, millisest selle rea dokument koostada: anna igale ametijuhendile oma id.',
      en: 'The id "{id}" is used by more than one description ({files}), so it is not known which one this row is built from: give every description its own id.',
    },
    invalidDescription: {
      et: 'Ametijuhendis „{id}“ on vigu, seega selle rea dokumenti ei koostata.',
      en: 'The description "{id}" has errors, so this row is not built.',
    },
    duplicate: {
      et: 'Sama ametijuhend ja töötaja on juba real {line}: väljundfail oleks sama ({name}).',
      en: 'The same description and employee are already on line {line}: the output would be the same ({name}).',
    },
    sameFileName: {
      et: 'Real {line} on töötaja „{employee}“, kelle väljundfail on sama ({name}): failinimes on suur- ja väiketäht, täpid ja kirjavahemärgid ühesugused. Erista nimed nimekirjas (nt lisa teise eesnime täht).',
      en: 'Line {line} has the employee "{employee}", whose output file is the same ({name}): file names do not tell case, diacritics or punctuation apart. Tell the names apart in the roster (e.g. add a middle initial).',
    },
    descriptionName: {
      et: 'Selle rea väljundfail {name} oleks sama mis ametijuhendi {file} oma: erista töötaja nimi nimekirjas.',
      en: 'The output file of this row, {name}, would be that of the description {file}: tell the employee apart in the roster.',
    },
    noFileName: {
      et: 'Töötaja nimest „{employee}“ ei saa failinime: ladina tähtedeks teisendatakse ainult kirillitsa ja kreeka kiri. Kirjuta nimi (ka) ladina tähtedega.',
      en: 'The employee name "{employee}" gives no file name: only Cyrillic and Greek are transliterated to Latin letters. Write the name (also) in Latin letters.',
    },
    noRows: {
      et: 'Nimekirjas pole ühtegi rida.',
      en: 'The roster has no rows.',
    },
  },
});
