import { defineRule } from '../rule.js';

export default defineRule({
  id: 'encoding',
  severity: 'error',
  description: {
    et: 'Fail peab olema UTF-8 tekstifail (mitte Windows-1257, UTF-16 ega binaarfail).',
    en: 'A file must be UTF-8 text (not Windows-1257, UTF-16 or a binary file).',
  },
  messages: {
    invalidUtf8: {
      et: 'Fail ei ole UTF-8 kodeeringus (vigane bait siin): salvesta see UTF-8-na.',
      en: 'The file is not UTF-8 (invalid byte here): save it as UTF-8.',
    },
    binary: {
      et: 'Fail sisaldab nullbaite: see on binaarfail, mitte Markdown.',
      en: 'The file contains NUL bytes: it is a binary file, not Markdown.',
    },
  },
});
