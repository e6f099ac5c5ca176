import { defineRule } from '../rule.js';

export default defineRule({
  id: 'config-file',
  severity: 'error',
  description: {
    et: 'Seadistuses viidatud fail (kompetentsikataloog, vaikejaotis) puudub või ei ole loetav.',
    en: 'A file the config refers to (competency catalogue, default section) is missing or unreadable.',
  },
  messages: {
    missing: {
      et: 'Faili „{file}“ ei leitud (otsiti: {resolved}).',
      en: 'The file "{file}" was not found (looked for: {resolved}).',
    },
    unknownRule: {
      et: 'Tundmatu reegel „{rule}“{hint_et}.',
      en: 'Unknown rule "{rule}"{hint_en}.',
    },
  },
});
