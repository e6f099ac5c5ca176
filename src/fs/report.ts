/**
 * A failed read in the user's words, in both languages (a failed read as a diagnostic is the rule
 * unreadable-file's: src/validate/rules/unreadable-file.ts).
 */
import type { ReadFailure, SpecialKind } from './read.js';

export const KIND: Record<SpecialKind, { et: string; en: string }> = {
  folder: { et: 'kaust', en: 'a folder' },
  fifo: { et: 'nimega toru (FIFO)', en: 'a named pipe (FIFO)' },
  socket: { et: 'sokkel', en: 'a socket' },
  device: { et: 'seadmefail', en: 'a device' },
  other: { et: 'erifail', en: 'a special file' },
};

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
