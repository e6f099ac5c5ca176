import { defineRule, type Reporter } from '../rule.js';

/** A job description is a few pages: anything larger than this is not one (and is not parsed). */
export const MAX_SOURCE_BYTES = 1024 * 1024;

const fileTooLarge = defineRule({
  id: 'file-too-large',
  severity: 'error',
  description: {
    et: 'Fail on suurem kui 1 MiB: see ei ole ametijuhend ja seda ei loeta.',
    en: 'The file is larger than 1 MiB: it is not a job description and is not read.',
  },
  messages: {
    tooLarge: {
      et: 'Fail on liiga suur ({size} MiB): ametijuhend on kuni 1 MiB. Kas see on õige fail?',
      en: 'The file is too large ({size} MiB): a job description is at most 1 MiB. Is this the right file?',
    },
  },
});

export default fileTooLarge;

/** The rule's logic: reports a source of more than MAX_SOURCE_BYTES; true when it did. */
export function reportTooLarge(size: number, reporter: Reporter): boolean {
  if (size <= MAX_SOURCE_BYTES) return false;
  reporter.report(fileTooLarge, 'tooLarge', { size: (size / 1024 / 1024).toFixed(1) }, undefined);
  return true;
}
