/**
 * The message catalogue: every sentence the tool says outside its rules (build, project, CLI), in
 * Estonian and English, with {placeholders} filled like the rules' messages. Rules keep their own
 * messages beside their logic (src/validate/rules); everything else is here, one file per area. A
 * count is never a bare {placeholder} before its word: it is a plural form, so that both languages
 * say "1 fail" / "2 faili", "1 file" / "2 files" (messages.test.ts checks the catalogue).
 */
import { fill, type MessageLang, type Template, type TemplateData } from '../validate/diagnostic.js';
import { expandPlurals, formatNumbers } from '../util/plural.js';
import { UsageError } from '../util/usage-error.js';
import { BUILD_MESSAGES } from './build.js';
import { CLI_MESSAGES } from './cli.js';
import { IMPORT_MESSAGES } from './import.js';
import { IMPORT_DOCX_MESSAGES } from './import-docx.js';
import { IMPORT_PDF_MESSAGES } from './import-pdf.js';
import { IMPORT_RECOGNISE_MESSAGES } from './import-recognise.js';
import { PROJECT_MESSAGES } from './project.js';
import { SIGNING_MESSAGES } from './signing.js';
import { VERIFY_MESSAGES } from './verify.js';
import { DIFF_MESSAGES } from './diff.js';
import { PREVIEW_MESSAGES } from './preview.js';
import { LSP_MESSAGES } from './lsp.js';
import { ORG_MESSAGES } from './org.js';

export const MESSAGES = {
  ...BUILD_MESSAGES,
  ...PROJECT_MESSAGES,
  ...CLI_MESSAGES,
  ...IMPORT_MESSAGES,
  ...IMPORT_DOCX_MESSAGES,
  ...IMPORT_PDF_MESSAGES,
  ...IMPORT_RECOGNISE_MESSAGES,
  ...SIGNING_MESSAGES,
  ...VERIFY_MESSAGES,
  ...DIFF_MESSAGES,
  ...PREVIEW_MESSAGES,
  ...LSP_MESSAGES,
  ...ORG_MESSAGES,
} as const;

export type MessageId = keyof typeof MESSAGES;

/**
 * The catalogue's message `id` in `lang`, its placeholders filled from `data`: a count in a plural
 * form (`{n, plural, one {# fail} other {# faili}}`, src/util/plural.ts) gets the form its number asks
 * for in that language, and every number is written in the language's digit grouping.
 */
export function message(id: MessageId, lang: MessageLang, data: TemplateData = {}): string {
  const template: Template = MESSAGES[id];
  return fill(expandPlurals(template[lang], data, lang), formatNumbers(data, lang), lang);
}

/** A catalogue message in both languages, English first: "en / et" (usage errors, help). */
export function bilingual(id: MessageId, data: TemplateData = {}): string {
  return `${message(id, 'en', data)} / ${message(id, 'et', data)}`;
}

/** The catalogue's message `id` as a usage error (the CLI prints it and exits 2), "en / et". */
export function usageError(id: MessageId, data: TemplateData = {}): UsageError {
  return new UsageError(bilingual(id, data));
}
