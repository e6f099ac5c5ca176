import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of `ametijuhend lsp` (src/lsp/, src/cli/commands/lsp.ts), keyed "lsp.<name>": hover
 * texts, completion details, quick-fix titles.
 */
export const LSP_MESSAGES = {
  'lsp.help.command': {
    et: 'keeleserver redaktoritele (LSP üle stdio): kontrollid, sõnade lõpetamine ja kiirparandused',
    en: 'language server for editors (LSP over stdio): checks, completion and quick fixes',
  },
  'lsp.help.stdio': {
    et: 'suhtle standardsisendi ja -väljundi kaudu (vaikimisi; redaktorid lisavad selle ise)',
    en: 'talk over standard input and output (the default; editors add it themselves)',
  },
  'lsp.heading.default': {
    et: 'seadistuses on selle osa vaiketekst',
    en: 'the config has a default text for this section',
  },
  'lsp.fix.replace': {
    et: 'Asenda: {text}',
    en: 'Replace with {text}',
  },
  'lsp.fix.schema': {
    et: 'Paranda skeemi tee: {text}',
    en: 'Fix the schema path: {text}',
  },
} satisfies Record<string, Template>;
