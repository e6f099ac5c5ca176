import { defineRule } from '../rule.js';

/**
 * A file that is not there: a description named on the command line or found and then removed or
 * renamed before it was read, or a file a config names (catalogue, default section) that vanished
 * between the config's check of its path (rule config-file) and its reading. Reported by reportReadFailure (unreadable-file.ts) for the reason 'missing'.
 * `{name}` names the file when the message is shown at the place that refers to it (a config key).
 */
export default defineRule({
  id: 'missing-file',
  severity: 'error',
  description: {
    et: 'Faili ei ole: ametijuhend on kustutatud või ümber nimetatud või seadistuses nimetatud fail (kataloog, vaikejaotis) puudub.',
    en: 'A file is not there: a description was deleted or renamed, or a file the config names (catalogue, default section) is missing.',
  },
  messages: {
    self: {
      et: 'Faili ei ole olemas: kas see on kustutatud, ümber nimetatud või teise kausta viidud? Kontrolli nime ja kausta.',
      en: 'The file does not exist: was it deleted, renamed or moved to another folder? Check the name and the folder.',
    },
    ref: {
      et: 'Faili „{name}“ ei ole olemas: kas see on kustutatud, ümber nimetatud või teise kausta viidud?',
      en: 'The file "{name}" does not exist: was it deleted, renamed or moved to another folder?',
    },
  },
});
