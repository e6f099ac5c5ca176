import type { Position } from 'unist';
import type { ReadFailure } from '../../fs/read.js';
import { KIND } from '../../fs/report.js';
import type { TemplateData } from '../diagnostic.js';
import { defineRule, type Reporter } from '../rule.js';
import missingFile from './missing-file.js';

/**
 * A file that cannot be read as an input at all (one that is not there is the rule missing-file's):
 * not a regular file (a folder, a named
 * pipe, a device …), not permitted, or larger than any input. `{name}` / `{subject}` name the file when the message
 * is shown at the place that refers to it (a config key) rather than on the file itself.
 */
const unreadableFile = defineRule({
  id: 'unreadable-file',
  severity: 'error',
  description: {
    et: 'Sisendfaili (ametijuhend, seadistus, kataloog, vaikejaotis, nimekiri) ei saa lugeda: see ei ole tavaline fail (vaid kaust, nimega toru, seade …), lugemisõigus puudub, nimeviidad moodustavad ringi või on see liiga suur.',
    en: 'An input file (description, config, catalogue, default section, roster) cannot be read: it is not a regular file (but a folder, a named pipe, a device …), not permitted, a loop of symbolic links or too large.',
  },
  messages: {
    special: {
      et: '{subject} ei ole tavaline fail, vaid {kind}: seda ei loeta.',
      en: '{subject} is not a regular file but {kind}: it is not read.',
    },
    denied: {
      et: 'Faili {name}lugemiseks puudub õigus: faili omanik või arvuti haldaja saab lugemisõiguse anda.',
      en: 'Permission denied: the file {name}may not be read. Its owner or the administrator of the computer can allow reading it.',
    },
    loop: {
      et: 'Faili {name}ei saa avada: see on nimeviit (symbolic link), mis viitab lõpuks iseendale. Asenda viit failiga või õige viitega.',
      en: 'The file {name}cannot be opened: it is a symbolic link that leads back to itself. Replace the link with the file or a correct link.',
    },
    nameTooLong: {
      et: 'Faili {name}ei saa avada: selle nimi või tee on liiga pikk. Lühenda faili või kausta nime.',
      en: 'The file {name}cannot be opened: its name or path is too long. Shorten the name of the file or folder.',
    },
    tooLarge: {
      et: 'Fail {name}on suurem kui {limit} MiB: seda ei loeta. Kas see on õige fail?',
      en: 'The file {name}is larger than {limit} MiB: it is not read. Is this the right file?',
    },
    io: {
      et: 'Faili {name}ei saa lugeda: süsteem andis lugemisel vea (kood {code}). Proovi uuesti; kui viga kordub, kontrolli ketast või võrgukausta.',
      en: 'The file {name}cannot be read: the system failed to read it (code {code}). Try again; if it happens again, check the disk or network folder.',
    },
  },
});

export default unreadableFile;

type UnreadableId = keyof typeof unreadableFile.messages;

/** System errors that have a message of their own (the rest name their code). */
const IO_MESSAGES: Record<string, UnreadableId> = { ELOOP: 'loop', ENAMETOOLONG: 'nameTooLong' };

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
  if (failure.reason === 'missing') {
    if (ref) reporter.report(missingFile, 'ref', { name: ref }, place, file);
    else reporter.report(missingFile, 'self', {}, place, file);
    return;
  }
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
  const id = failure.reason === 'io' ? (IO_MESSAGES[failure.code] ?? 'io') : (failure.reason as UnreadableId);
  reporter.report(unreadableFile, id, data, place, file);
}
