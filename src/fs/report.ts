/** A failed read as a diagnostic in the user's terms (rule unreadable-file), in both languages. */
import type { Position } from 'unist';
import type { TemplateData } from '../validate/diagnostic.js';
import type { Reporter } from '../validate/rule.js';
import unreadableFile from '../validate/rules/unreadable-file.js';
import type { ReadFailure, SpecialKind } from './read.js';

export const KIND: Record<SpecialKind, { et: string; en: string }> = {
  folder: { et: 'kaust', en: 'a folder' },
  fifo: { et: 'nimega toru (FIFO)', en: 'a named pipe (FIFO)' },
  socket: { et: 'sokkel', en: 'a socket' },
  device: { et: 'seadmefail', en: 'a device' },
  other: { et: 'erifail', en: 'a special file' },
};

/**
 * Reports why a file could not be read. `ref`: the file as the referring place names it (a config
 * key's value); without it the message is shown on the file itself.
 */
export function reportReadFailure(
  reporter: Reporter,
  failure: ReadFailure,
  limit: number,
  place: Position | undefined,
  file: string,
  ref?: string,
): void {
  const data: TemplateData = ref
    ? { name_et: `„${ref}“ `, name_en: `"${ref}" `, subject_et: `„${ref}“`, subject_en: `"${ref}"` }
    : { name: '', subject_et: 'See', subject_en: 'This' };
  if (failure.reason === 'special') {
    data.kind_et = KIND[failure.kind].et;
    data.kind_en = KIND[failure.kind].en;
  } else if (failure.reason === 'tooLarge') {
    data.limit = String(Math.round((limit / 1024 / 1024) * 10) / 10);
  } else if (failure.reason === 'io') {
    data.code = failure.code;
  }
  reporter.report(unreadableFile, failure.reason, data, place, file);
}

/** Why a file could not be read, in a few words of each language (for usage errors). */
export function readFailureWords(failure: ReadFailure, limit: number): { et: string; en: string } {
  switch (failure.reason) {
    case 'missing':
      return { et: 'faili ei ole', en: 'the file does not exist' };
    case 'special':
      return {
        et: `see ei ole tavaline fail, vaid ${KIND[failure.kind].et}`,
        en: `it is not a regular file but ${KIND[failure.kind].en}`,
      };
    case 'denied':
      return { et: 'lugemisõigus puudub', en: 'permission denied' };
    case 'tooLarge': {
      const mib = String(Math.round((limit / 1024 / 1024) * 10) / 10);
      return { et: `fail on suurem kui ${mib} MiB`, en: `the file is larger than ${mib} MiB` };
    }
    case 'io':
      return { et: `süsteemi viga ${failure.code}`, en: `system error ${failure.code}` };
  }
}
