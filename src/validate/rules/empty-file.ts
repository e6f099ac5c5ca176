import { defineRule } from '../rule.js';

export default defineRule({
  id: 'empty-file',
  severity: 'error',
  description: { et: 'Fail on tühi.', en: 'The file is empty.' },
  messages: {
    empty: {
      et: 'Fail on tühi: ametijuhend vajab esiosa (title, unit, reportsTo, requirements) ja jaotisi.',
      en: 'The file is empty: a job description needs frontmatter (title, unit, reportsTo, requirements) and sections.',
    },
  },
});
