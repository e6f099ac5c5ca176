import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of `ametijuhend import` (src/import), keyed "import.<name>"; see src/import/types.ts
 * (ImportNote, ImportFailure). {placeholders} are filled by message(); a count is a plural form.
 * These are the driver's and the command's (src/import/document.ts, convert.ts, run.ts,
 * src/cli/commands/import.ts); the readers and the recogniser keep theirs in import-*.ts.
 */
export const IMPORT_MESSAGES = {
  // the command's help
  'import.help.command': {
    et: 'impordi Wordi (DOCX) ja PDF-failid ametijuhenditeks (Markdown), seejärel kontrolli neid',
    en: 'import Word (DOCX) and PDF files as descriptions (Markdown), then check them',
  },
  'import.help.paths': {
    et: 'failid või kaustad (kaustast loetakse kõik .docx- ja .pdf-failid)',
    en: 'files or folders (a folder: every .docx and .pdf file below it)',
  },
  'import.help.outDir': {
    et: 'kuhu ametijuhendid kirjutada (vaikimisi praegune kaust)',
    en: 'where to write the descriptions (default: the current folder)',
  },
  'import.help.force': {
    et: 'kirjuta olemasolevad failid üle',
    en: 'overwrite existing files',
  },
  'import.help.quiet': {
    et: 'näita ainult vigu ja kokkuvõtet',
    en: 'print only errors and the summary',
  },
  'import.help.lang': {
    et: 'teadete keel ja dokumentide keele vihje: et | en',
    en: 'language of messages, and a hint of the documents’ language: et | en',
  },

  // where a note points (run.ts): "ekspert.docx: lõik 37"
  'import.at.paragraph': { et: 'lõik {n}', en: 'paragraph {n}' },
  'import.at.page': { et: 'lk {n}', en: 'page {n}' },
  'import.at.header': { et: 'lehekülje päis', en: 'page header' },
  'import.at.footer': { et: 'lehekülje jalus', en: 'page footer' },
  'import.severity.error': { et: 'viga', en: 'error' },
  'import.severity.warning': { et: 'hoiatus', en: 'warning' },

  'import.outDirNotFolder': {
    et: '--out-dir {path} ei ole kaust',
    en: '--out-dir {path} is not a folder',
  },

  // what cannot be imported (document.ts, convert.ts, run.ts)
  'import.convertFirst': {
    et:
      '{format}-faili ei saa otse importida: ava see Wordis või LibreOffice’is ja salvesta kui… ' +
      'Word-dokument (.docx), siis impordi .docx-fail (või paigalda LibreOffice: kui soffice on ' +
      'PATH-is, teisendab import faili ise)',
    en:
      'the {format} format cannot be imported as it is: open the file in Word or LibreOffice, Save as… Word ' +
      'document (.docx), and import the .docx file (or install LibreOffice: with soffice on the PATH, ' +
      'import converts the file itself)',
  },
  'import.unknownFormat': {
    et: 'see pole Wordi (.docx) ega PDF-fail (sisu algus ei vasta kummalegi)',
    en: 'this is neither a Word (.docx) nor a PDF file (its content does not start like either)',
  },
  'import.notWordZip': {
    et: 'see on zip-fail, aga mitte Wordi dokument (selles pole word/document.xml)',
    en: 'this is a zip file but not a Word document (it has no word/document.xml)',
  },
  'import.fileTooLarge': {
    et: 'fail on liiga suur ({size} MB, lubatud kuni {max} MB)',
    en: 'the file is too large ({size} MB, at most {max} MB)',
  },
  'import.unreadable': {
    et: 'faili ei saa lugeda ({detail})',
    en: 'the file cannot be read ({detail})',
  },
  'import.convertFailed': {
    et: 'LibreOffice ei suutnud faili .docx-iks teisendada ({detail}); salvesta see ise Wordis või LibreOffice’is .docx-failina',
    en: 'LibreOffice could not convert the file to .docx ({detail}); save it as .docx in Word or LibreOffice yourself',
  },
  'import.internal': {
    et: 'import katkes ootamatu vea tõttu: {detail}',
    en: 'the import stopped on an unexpected error: {detail}',
  },
  'import.unknownFailure': {
    et: 'faili ei saa importida ({id})',
    en: 'the file cannot be imported ({id})',
  },

  // notes of the run
  'import.converted': {
    et: '{format}-fail teisendati LibreOffice’iga .docx-iks ja imporditi sellest; kontrolli tulemust',
    en: 'converted from {format} to .docx with LibreOffice and imported from that; check the result',
  },
  'import.renamed': {
    et: 'sama nimega sisend oli juba eespool ({other}): kirjutan faili {file}',
    en: 'an input of the same name comes first ({other}): writing {file}',
  },
  'import.noSlug': {
    et: 'failinimest ei saa ametijuhendi nime (ainult a–z, 0–9, -): kirjutan faili {file}',
    en: 'the file name gives no description name (only a–z, 0–9, -): writing {file}',
  },

  // the command's output (cli/commands/import.ts)
  'import.cli.failed': {
    et: 'ametijuhend: {file}: importimine ebaõnnestus: {reason}',
    en: 'ametijuhend: {file}: import failed: {reason}',
  },
  'import.cli.exists': {
    et: 'ametijuhend: {file}: {output} on juba olemas, jätan vahele (üle kirjutamiseks: --force)',
    en: 'ametijuhend: {file}: {output} exists, skipped (use --force to overwrite)',
  },
  'import.cli.written': {
    et: '{file} → {output}',
    en: '{file} → {output}',
  },
  'import.cli.summary': {
    et:
      'Imporditud {imported, plural, one {# ametijuhend} other {# ametijuhendit}}, probleemidega ' +
      '{problems}, ebaõnnestus {failed}{skipped}.',
    en:
      'Imported {imported, plural, one {# description} other {# descriptions}}, with problems ' +
      '{problems}, failed {failed}{skipped}.',
  },
  'import.cli.skipped': {
    et: ', vahele jäetud {skipped} (olemas)',
    en: ', skipped {skipped} (exist)',
  },
} as const satisfies Record<string, Template>;
