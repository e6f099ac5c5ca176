import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of the PDF reader of `ametijuhend import` (src/import/pdf), keyed "import.pdf.<name>"; see
 * src/import/types.ts (ImportNote, ImportFailure). The driver says them with the file's name before
 * them. {placeholders} are filled by message(); a count is a plural form.
 */
export const IMPORT_PDF_MESSAGES = {
  'import.pdf.corrupt': {
    et: 'see ei ole PDF-fail või on fail rikutud ({reason}); ava see PDF-lugejas ja salvesta uuesti',
    en: 'this is not a PDF or the file is damaged ({reason}); open it in a PDF reader and save it again',
  },
  'import.pdf.encrypted': {
    et:
      'PDF on parooliga kaitstud: eemalda parool (nt qpdf --decrypt --password=PAROOL sisse.pdf ' +
      'välja.pdf või PDF-lugejas „Salvesta ilma paroolita“) ja impordi uuesti',
    en:
      'the PDF is password-protected: remove the password (e.g. qpdf --decrypt --password=PASSWORD ' +
      'in.pdf out.pdf, or save it without a password in a PDF reader) and import it again',
  },
  'import.pdf.noText': {
    et:
      'PDF-is pole tekstikihti (skannitud {pages, plural, one {# lehekülg} other {# lehekülge}}): ' +
      'seda ei imporditud. Tuvasta enne tekst (OCR), nt ocrmypdf -l est sisse.pdf välja.pdf, ja impordi väljund',
    en:
      'the PDF has no text layer ({pages, plural, one {# scanned page} other {# scanned pages}}): it was ' +
      'not imported. Recognise its text (OCR) first, e.g. ocrmypdf -l est in.pdf out.pdf, and import the result',
  },
  'import.pdf.empty': {
    et: 'PDF on tühi: selles pole ühtegi teksti sisaldavat lehekülge',
    en: 'the PDF is empty: it has no page with text',
  },
  'import.pdf.tooLarge': {
    et: 'fail on liiga suur ({size} MB, lubatud kuni {max} MB)',
    en: 'the file is too large ({size} MB, at most {max} MB)',
  },
  'import.pdf.tooManyPages': {
    et:
      'PDF-is on {n, plural, one {# lehekülg} other {# lehekülge}}, loeti ainult esimesed {max}; ' +
      'ülejäänu jäi importimata',
    en: 'the PDF has {n, plural, one {# page} other {# pages}}, only the first {max} were read; the rest was not imported',
  },
  'import.pdf.pageTooBig': {
    et: 'leheküljel on üle {max} tekstiosa või joonistuskäsu; ülejäänu jäeti lugemata',
    en: 'the page has more than {max} text pieces or drawing operators; the rest was not read',
  },
  'import.pdf.pageNoText': {
    et: 'leheküljel on ainult pilt (skannitud?), selle teksti ei imporditud: tuvasta see enne (OCR) või lisa käsitsi',
    en: 'the page is only a picture (scanned?), its text was not imported: recognise it first (OCR) or add it by hand',
  },
  'import.pdf.timeout': {
    et: 'PDF-i lugemine võttis üle {seconds} s (katkestati leheküljel {page}); fail võib olla rikutud',
    en: 'reading the PDF took more than {seconds} s (stopped at page {page}); the file may be damaged',
  },
} as const satisfies Record<string, Template>;
