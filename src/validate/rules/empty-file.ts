import { defineRule, type Reporter } from '../rule.js';

const emptyFile = defineRule({
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

export default emptyFile;

/** The rule's logic: reports a file with nothing but white space; true when it did. */
export function reportEmpty(text: string, reporter: Reporter): boolean {
  if (text.trim() !== '') return false;
  reporter.report(emptyFile, 'empty', {}, undefined);
  return true;
}
