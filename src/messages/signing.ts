import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of the signing lifecycle's containers (src/signing: container.ts, signatures.ts,
 * embedded.ts and `build --asice`), keyed "signing.<name>"; SigningFailure ids name them.
 */
export const SIGNING_MESSAGES = {
  // provenance (embedded.ts)
  'signing.embedded.damagedPdf': {
    et: 'see ei ole PDF-fail või on fail rikutud ({reason}); selle päritolu ei saa lugeda',
    en: 'this is not a PDF or the file is damaged ({reason}); its provenance cannot be read',
  },
  'signing.embedded.damagedDocx': {
    et: 'see ei ole DOCX-fail või on fail rikutud ({reason}); selle päritolu ei saa lugeda',
    en: 'this is not a DOCX file or the file is damaged ({reason}); its provenance cannot be read',
  },
  'signing.embedded.damagedHtml': {
    et: 'see ei ole HTML-fail või on fail rikutud ({reason}); selle päritolu ei saa lugeda',
    en: 'this is not an HTML file or the file is damaged ({reason}); its provenance cannot be read',
  },
  'signing.embedded.tooLarge': {
    et: 'fail on liiga suur ({size} MB, lubatud kuni {max} MB); selle päritolu ei loetud',
    en: 'the file is too large ({size} MB, at most {max} MB); its provenance was not read',
  },
} as const satisfies Record<string, Template>;
