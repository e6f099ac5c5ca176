import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of the DOCX reader of `ametijuhend import` (src/import/docx), keyed "import.docx.<name>";
 * see src/import/types.ts (ImportNote, ImportFailure). {placeholders} are filled by message(); a
 * count is a plural form. The driver says which file.
 */
export const IMPORT_DOCX_MESSAGES = {
  'import.docx.corrupt': {
    et: 'fail ei ole loetav Wordi dokument: selle zip-pakett on vigane või poolik (kas fail sai lõpuni alla laaditud?). Ava see Wordis või LibreOffice’is ja salvesta uuesti .docx-vormingus.',
    en: 'the file is not a readable Word document: its zip package is damaged or incomplete (was it downloaded completely?). Open it in Word or LibreOffice and save it again as .docx.',
  },
  'import.docx.notWord': {
    et: 'fail on zip-pakett, aga mitte Wordi dokument (selles pole osa word/document.xml)',
    en: 'the file is a zip package but not a Word document (it has no word/document.xml part)',
  },
  'import.docx.isOdt': {
    et: 'see on OpenDocumenti tekstifail (.{ext}), mitte Wordi dokument: salvesta see LibreOffice’is või Wordis .docx-vormingus (Fail → Salvesta kui → Word 2007–365 (.docx)) ja impordi uuesti',
    en: 'this is an OpenDocument text file (.{ext}), not a Word document: save it as .docx in LibreOffice or Word (File → Save As → Word 2007–365 (.docx)) and import it again',
  },
  'import.docx.isOpenDocument': {
    et: 'see on OpenDocumenti fail (.{ext}), mitte tekstidokument: ametijuhendit saab importida ainult Wordi (.docx) või PDF-failist',
    en: 'this is an OpenDocument file (.{ext}), not a text document: a job description can only be imported from a Word (.docx) or PDF file',
  },
  'import.docx.isOffice': {
    et: 'see on Office’i fail (.{ext}), mitte Wordi dokument: ametijuhendit saab importida ainult Wordi (.docx) või PDF-failist',
    en: 'this is an Office file (.{ext}), not a Word document: a job description can only be imported from a Word (.docx) or PDF file',
  },
  'import.docx.encrypted': {
    et: 'dokument on parooliga kaitstud ja krüpteeritud, seda ei saa lugeda: ava see Wordis, eemalda parool (Fail → Teave → Kaitse dokumenti → Krüpti parooliga, kustuta parool) ja salvesta',
    en: 'the document is password-protected and encrypted and cannot be read: open it in Word, remove the password (File → Info → Protect Document → Encrypt with Password, delete the password) and save it',
  },
  'import.docx.legacyDoc': {
    et: 'see on vana Wordi binaarvormingus fail (.doc): ava see Wordis või LibreOffice’is ja salvesta .docx-vormingus (Fail → Salvesta kui → Wordi dokument (.docx)), või teisenda: soffice --headless --convert-to docx FAIL.doc',
    en: 'this is an old binary Word file (.doc): open it in Word or LibreOffice and save it as .docx (File → Save As → Word Document (.docx)), or convert it: soffice --headless --convert-to docx FILE.doc',
  },
  'import.docx.compoundNotWord': {
    et: 'see on vana Office’i binaarvormingus fail, mitte Wordi dokument',
    en: 'this is an old binary Office file, not a Word document',
  },
  'import.docx.tooLarge': {
    et: 'fail on liiga suur ({size} MB, lubatud on kuni {max} MB): ükski ametijuhend pole nii suur; kas failis on suuri pilte? Eemalda need ja proovi uuesti',
    en: 'the file is too large ({size} MB, at most {max} MB): no job description is that large; does it hold big images? Remove them and try again',
  },
  'import.docx.zipBomb': {
    et: 'faili sisu lahtipakituna on üle {max} MB: see ei ole tavaline Wordi dokument (võimalik zip-pomm), lugemine katkestati',
    en: 'the file unpacks to more than {max} MB: this is no ordinary Word document (possibly a zip bomb), reading stopped',
  },
  'import.docx.badXml': {
    et: 'dokumendi osa {part} ei ole korrektne XML ({detail}): ava fail Wordis või LibreOffice’is ja salvesta uuesti',
    en: 'the document part {part} is not well-formed XML ({detail}): open the file in Word or LibreOffice and save it again',
  },
  'import.docx.trackedChanges': {
    et: 'dokumendis on {n, plural, one {# jälitatud muudatus} other {# jälitatud muudatust}}: need võeti vastu (kustutatud tekst jäeti välja, lisatud tekst võeti sisse); vaata tulemus üle',
    en: 'the document has {n, plural, one {# tracked change} other {# tracked changes}}: they were taken as accepted (deleted text left out, inserted text kept); review the result',
  },
  'import.docx.altChunk': {
    et: 'siin on dokumenti põimitud teine dokument (altChunk), mille teksti ei saanud lugeda: ava fail Wordis ja salvesta see uuesti (siis saab põimitud sisust tavaline tekst) ning impordi uuesti',
    en: 'another document is embedded here (altChunk) and its text could not be read: open the file in Word and save it again (the embedded content then becomes ordinary text), and import it again',
  },
  'import.docx.notesAppended': {
    et: 'dokumendi {n, plural, one {# allmärkus} other {# allmärkust}} lisati teksti lõppu, et midagi ei kaoks: paiguta need sobivasse kohta',
    en: 'the document’s {n, plural, one {# footnote} other {# footnotes}} were appended to the end of the text so that nothing is lost: move them where they belong',
  },
} as const satisfies Record<string, Template>;
