import type { Position } from 'unist';
import type { ReadFailure } from '../../fs/read.js';
import { KIND } from '../../fs/report.js';
import type { TemplateData } from '../diagnostic.js';
import { defineRule, type Reporter } from '../rule.js';

/**
 * A file that cannot be read as an input at all: missing, not a regular file (a folder, a named
 * pipe, a device …), not permitted, or larger than any input. `{name}` / `{subject}` name the file when the message
 * is shown at the place that refers to it (a config key) rather than on the file itself.
 */
const unreadableFile = defineRule({
  id: 'unreadable-file',
  severity: 'error',
  description: {
    et: 'Sisendfaili (ametijuhend, seadistus, kataloog, vaikejaotis, nimekiri) ei saa lugeda: see puudub, ei ole tavaline fail (vaid kaust, nimega toru, seade …), lugemisõigus puudub või on see liiga suur.',
    en: 'An input file (description, config, catalogue, default section, roster) cannot be read: it is missing, not a regular file (but a folder, a named pipe, a device …), not permitted or too large.',
  },
  messages: {
    missing: { et: 'Faili {name}ei ole olemas.', en: 'The file {name}does not exist.' },
    special: {
      et: '{subject} ei ole tavaline fail, vaid {kind}: seda ei loeta.',
      en: '{subject} is not a regular file but {kind}: it is not read.',
    },
    denied: {
      et: 'Faili {name}lugemiseks puudub õigus.',
      en: 'Permission denied: the file {name}may not be read.',
    },
    tooLarge: {
      et: 'Fail {name}on suurem kui {limit} MiB: seda ei loeta. Kas see on õige fail?',
      en: 'The file {name}is larger than {limit} MiB: it is not read. Is this the right file?',
    },
    io: {
      et: 'Faili {name}ei saa lugeda (süsteemi viga {code}).',
      en: 'The file {name}cannot be read (system error {code}).',
    },
  },
});

export default unreadableFile;

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
