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
} satisfies Record<string, Template>;
