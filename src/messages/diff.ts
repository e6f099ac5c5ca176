import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of `ametijuhend diff` and `build --changes-since` (src/diff, src/cli/commands/diff.ts),
 * keyed "diff.<name>". Words printed in a change report itself are the document's language and live
 * with the report's labels (src/diff/labels.ts REPORT_WORDS).
 */
export const DIFF_MESSAGES = {
  'diff.help.command': {
    et: 'ametijuhendi kahe versiooni muudatused osade kaupa (uuesti allkirjastamiseks)',
    en: 'the changes between two versions of a description, part by part (for signing it again)',
  },
  'diff.help.paths': {
    et: 'VANA UUS (kaks faili) või FAIL koos --since VIIDE',
    en: 'OLD NEW (two files), or FILE with --since REF',
  },
  'diff.help.since': {
    et: 'võrdle faili versiooniga git-viites (haru, silt, kommit)',
    en: 'compare the file with its version at a git ref (branch, tag, commit)',
  },
  'diff.help.format': {
    et: 'aruande vorming: text (vaikimisi), html, pdf või json',
    en: 'the format of the report: text (default), html, pdf or json',
  },
  'diff.help.output': {
    et: 'kirjuta aruanne faili (pdf vajab seda terminalis)',
    en: 'write the report to a file (pdf needs it at a terminal)',
  },
  'diff.help.lang': {
    et: 'aruande ja teadete keel: et või en (vaikimisi aruanne dokumendi keeles)',
    en: "the language of the report and messages: et or en (default: the report in the document's)",
  },
  'diff.help.changesSince': {
    et: 'kirjuta iga muudetud ametijuhendi kõrvale muudatuste aruanne <id>.muudatused.pdf võrreldes git-viitega',
    en: 'write a change report <id>.muudatused.pdf beside each description changed since a git ref',
  },
  'diff.usage.paths': {
    et: 'diff vajab kahte faili (VANA UUS) või ühte faili koos --since VIIDE',
    en: 'diff takes two files (OLD NEW), or one file with --since REF',
  },
  'diff.usage.pdfToTerminal': {
    et: 'PDF-i ei kirjutata terminali: anna -o FAIL',
    en: 'a PDF is not written to a terminal: give -o FILE',
  },
  'diff.usage.outputIsInput': {
    et: '-o {path} on võrreldav fail: aruanne ei kirjuta seda üle',
    en: '-o {path} is a file being compared: the report does not overwrite it',
  },
  'diff.notInGit': {
    et: '--since vajab git-hoidlat: {path} ei ole git-hoidlas',
    en: '--since needs a git repository: {path} is not in one',
  },
  'diff.unknownRef': {
    et: 'hoidlas {repo} pole viidet „{ref}“ (kas see on tõmmatud? git fetch)',
    en: 'no ref "{ref}" in the repository {repo} (has it been fetched? git fetch)',
  },
  'diff.hasErrors': {
    et: '{path}: ametijuhendis on vigu, muudatuste aruannet ei tehta',
    en: '{path}: the description has errors, so there is no change report',
  },
  'diff.oldHasErrors': {
    et: '{path}: versioonis {ref} on vigu, muudatuste aruannet ei tehta',
    en: '{path}: its version at {ref} has errors, so there is no change report',
  },
  'diff.cannotWrite': {
    et: '{path}: aruannet ei saa kirjutada: {reason}',
    en: '{path}: cannot write the report: {reason}',
  },
  'diff.notOurs': {
    et: '{path} on olemas ja ei ole ametijuhendi kirjutatud muudatuste aruanne: seda ei kirjutata üle (tõsta see mujale)',
    en: '{path} exists and is not a change report ametijuhend wrote: it is not overwritten (move it elsewhere)',
  },
  'diff.cannotMove': {
    et: '{path}: aegunud muudatuste aruannet ei saa kõrvale tõsta: {reason}',
    en: '{path}: cannot move the stale change report aside: {reason}',
  },
  'diff.movedAside': {
    et: 'Aegunud muudatuste aruanded tõstetud kausta {dir} (ametijuhend pole pärast {ref} muutunud, on vigane või seda pole enam):',
    en: 'Stale change reports moved aside to {dir} (the description is unchanged since {ref}, has errors or is gone):',
  },
  'diff.wrote': {
    et: 'kirjutatud {path}',
    en: 'wrote {path}',
  },
  'diff.build.summary': {
    et: '{written, plural, one {# muudatuste aruanne} other {# muudatuste aruannet}} kirjutatud, {unchanged, plural, one {# ametijuhend} other {# ametijuhendit}} muutmata',
    en: '{written, plural, one {# change report} other {# change reports}} written, {unchanged, plural, one {# description} other {# descriptions}} unchanged',
  },
} as const satisfies Record<string, Template>;
