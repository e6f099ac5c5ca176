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
    invalidDescription: {
      et: 'Ametijuhendis „{id}“ on vigu, seega selle rea dokumenti ei koostata.',
      en: 'The description "{id}" has errors, so this row is not built.',
    },
    duplicate: {
      et: 'Sama ametijuhend ja töötaja on juba real {line}: väljundfail oleks sama ({name}).',
      en: 'The same description and employee are already on line {line}: the output would be the same ({name}).',
    },
    noRows: {
      et: 'Nimekirjas pole ühtegi rida.',
      en: 'The roster has no rows.',
    },
  },
});
