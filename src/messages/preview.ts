import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of `ametijuhend preview` (src/preview/, src/cli/commands/preview.ts), keyed
 * "preview.<name>": the terminal lines and every word the preview's pages show.
 */
export const PREVIEW_MESSAGES = {
  // help
  'preview.help.command': {
    et: 'ava ametijuhendite eelvaade brauseris; see uueneb faili salvestamisel',
    en: 'preview the descriptions in a browser, updated as the files are saved',
  },
  'preview.help.paths': {
    et: 'failid, kaustad või mustrid (vaikimisi praegune kaust)',
    en: 'files, folders or globs (default: the current folder)',
  },
  'preview.help.port': {
    et: 'port (vaikimisi 4321; hõivatud pordi asemel järgmine vaba)',
    en: 'port (default 4321; the next free one when it is taken)',
  },
  'preview.help.host': {
    et: 'liides, millel kuulata (vaikimisi 127.0.0.1: ainult see arvuti)',
    en: 'interface to listen on (default 127.0.0.1: this computer only)',
  },
  'preview.help.open': { et: 'ava eelvaade brauseris', en: 'open the preview in the browser' },
  'preview.help.lang': { et: 'lehtede keel: et | en', en: 'language of the pages: et | en' },
} satisfies Record<string, Template>;
