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

  // terminal (src/cli/commands/preview.ts)
  'preview.listening': {
    et: 'Eelvaade: {url} (peatamiseks Ctrl+C)',
    en: 'Preview: {url} (Ctrl+C to stop)',
  },
  'preview.portTaken': {
    et: 'port {port} on hõivatud, kasutan porti {used}',
    en: 'port {port} is taken, using port {used}',
  },
  'preview.noFreePort': {
    et: 'pordid {from}–{to} on kõik hõivatud: vali --port abil muu port (0: süsteem valib)',
    en: 'ports {from}–{to} are all taken: choose another with --port (0: the system chooses)',
  },
  'preview.listenFailed': {
    et: 'eelvaade ei saa kuulata aadressil {host}:{port}: {reason}',
    en: 'the preview cannot listen on {host}:{port}: {reason}',
  },
  'preview.openFailed': {
    et: 'hoiatus: brauserit ei õnnestunud avada ({reason}); ava aadress ise: {url}',
    en: 'warning: could not open the browser ({reason}); open the address yourself: {url}',
  },
  'preview.updated': {
    et: 'uuendatud: {files}',
    en: 'updated: {files}',
  },
  'preview.updateFailed': {
    et: 'hoiatus: eelvaate uuendamine ebaõnnestus: {reason}',
    en: 'warning: the preview could not be updated: {reason}',
  },
  'preview.linkOutsidePaths': {
    et: 'ei näidata: see on link failile {target}, mis pole eelvaatele antud kaustades',
    en: 'not shown: it is a link to {target}, which is outside the paths given to the preview',
  },
  'preview.stopped': { et: 'Eelvaade peatatud.', en: 'Preview stopped.' },
  // pages (src/preview/pages.ts)
  'preview.page.indexTitle': { et: 'Ametijuhendid', en: 'Job descriptions' },
  'preview.page.site': { et: 'ametijuhendi eelvaade', en: 'job description preview' },
  'preview.page.skip': { et: 'Mine sisu juurde', en: 'Skip to content' },
  'preview.page.navAll': { et: 'Kõik ametijuhendid', en: 'All descriptions' },
  'preview.page.navOrg': { et: 'Organisatsiooni skeem', en: 'Organisation chart' },
  'preview.page.nav': { et: 'Eelvaate menüü', en: 'Preview menu' },
  'preview.page.filter': { et: 'Filtreeri', en: 'Filter' },
  'preview.page.filterHint': {
    et: 'ametinimetus, üksus, id või fail',
    en: 'title, unit, id or file',
  },
  'preview.page.filterClear': { et: 'Tühjenda filter', en: 'Clear the filter' },
  'preview.page.count': {
    et: '{shown, plural, one {# ametijuhend} other {# ametijuhendit}} ({total} kokku)',
    en: '{shown, plural, one {# description} other {# descriptions}} ({total} in all)',
  },
  'preview.page.none': {
    et: 'Ühtegi ametijuhendit ei leitud.',
    en: 'No descriptions found.',
  },
  'preview.page.noMatch': {
    et: 'Filtrile ei vasta ükski ametijuhend.',
    en: 'No description matches the filter.',
  },
  'preview.page.colTitle': { et: 'Ametinimetus', en: 'Title' },
  'preview.page.colUnit': { et: 'Üksus', en: 'Unit' },
  'preview.page.colId': { et: 'Id', en: 'Id' },
  'preview.page.colErrors': { et: 'Vead', en: 'Errors' },
  'preview.page.colWarnings': { et: 'Hoiatused', en: 'Warnings' },
  'preview.page.colDue': { et: 'Ülevaatus', en: 'Review due' },
  'preview.page.sortBy': {
    et: 'Järjesta veeru „{column}“ järgi, {direction}',
    en: 'Sort by {column}, {direction}',
  },
  'preview.page.ascending': { et: 'kasvavalt', en: 'ascending' },
  'preview.page.descending': { et: 'kahanevalt', en: 'descending' },
  'preview.page.tableCaption': {
    et: 'Ametijuhendid, nende probleemid ja ülevaatuse tähtaeg',
    en: 'The descriptions, their problems and review dates',
  },
  'preview.page.untitled': { et: '(ametinimetuseta)', en: '(no title)' },
  'preview.page.overdue': { et: '{date} (tähtaeg möödas)', en: '{date} (overdue)' },
  'preview.page.noReview': { et: '—', en: '—' },
  'preview.page.file': { et: 'Fail', en: 'File' },
  'preview.page.problems': {
    et: 'Probleemid: {errors, plural, one {# viga} other {# viga}}, {warnings, plural, one {# hoiatus} other {# hoiatust}}',
    en: 'Problems: {errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}',
  },
  'preview.page.noProblems': { et: 'Probleeme pole.', en: 'No problems.' },
  'preview.page.error': { et: 'viga', en: 'error' },
  'preview.page.warning': { et: 'hoiatus', en: 'warning' },
  'preview.page.lineColumn': { et: 'rida {line}, veerg {column}', en: 'line {line}, column {column}' },
  'preview.page.moreOmitted': {
    et: '(ja {n, plural, one {# samasugune veel} other {# samasugust veel}})',
    en: '(and {n, plural, one {# more like it} other {# more like it}})',
  },
  'preview.page.problemsHelp': {
    et: 'Vali probleem, et näha selle kohta lähtetekstis.',
    en: 'Choose a problem to see its place in the source.',
  },
  'preview.page.document': { et: 'Dokument', en: 'Document' },
  'preview.page.documentFrame': {
    et: 'Ametijuhend „{title}“ nii, nagu build selle HTML-iks teeb',
    en: 'The description "{title}" as build renders it to HTML',
  },
  'preview.page.noDocument': {
    et: 'Dokumenti ei saa näidata, kuni ametijuhendis on vigu. Paranda need (vt eespool) ja salvesta.',
    en: 'The document cannot be shown while the description has errors. Fix them (see above) and save.',
  },
  'preview.page.source': { et: 'Lähtetekst', en: 'Source' },
  'preview.page.sourceLabel': {
    et: 'Faili {file} lähtetekst ridade numbritega',
    en: 'The source of {file} with line numbers',
  },
  'preview.page.sourceUnavailable': {
    et: 'Lähteteksti ei saa näidata: {reason}',
    en: 'The source cannot be shown: {reason}',
  },
  'preview.page.reasonTooLarge': {
    et: 'fail on suurem kui {limit} baiti',
    en: 'the file is larger than {limit} bytes',
  },
  'preview.page.reasonUnreadable': { et: 'faili ei saa lugeda', en: 'the file cannot be read' },
  'preview.page.downloads': { et: 'Allalaadimine', en: 'Downloads' },
  'preview.page.downloadPdf': { et: 'Laadi alla PDF', en: 'Download PDF' },
  'preview.page.downloadDocx': { et: 'Laadi alla DOCX', en: 'Download DOCX' },
  'preview.page.openHtml': { et: 'Ava HTML eraldi', en: 'Open the HTML alone' },
  'preview.page.live': {
    et: 'Leht uueneb faili salvestamisel.',
    en: 'The page updates when the file is saved.',
  },
  'preview.page.updatedAt': { et: 'Uuendatud ({time}).', en: 'Updated ({time}).' },
  'preview.page.deleted': {
    et: 'Faili {file} enam pole (see kustutati või nimetati ümber). Vaata kõiki ametijuhendeid.',
    en: 'The file {file} is gone (deleted or renamed). See all descriptions.',
  },
  'preview.page.disconnected': {
    et: 'Ühendus eelvaate serveriga katkes; leht ei uuene enam.',
    en: 'The connection to the preview server is lost; the page no longer updates.',
  },
  'preview.page.notFound': { et: 'Lehte ei leitud', en: 'Page not found' },
  'preview.page.notFoundText': {
    et: 'Sellist ametijuhendit ega lehte pole. Eelvaade näitab ainult antud kaustade ametijuhendeid.',
    en: 'There is no such description or page. The preview shows only the descriptions under the given folders.',
  },
  'preview.page.badRequest': { et: 'Vigane päring', en: 'Bad request' },
  'preview.page.badRequestText': {
    et: 'Aadress ei ole lubatud (nt „..“, kaldkriips, NUL või topeltkodeering).',
    en: 'The address is not allowed (such as "..", a slash, NUL or a double encoding).',
  },
  'preview.page.badHost': {
    et: 'Host-päis „{host}“ ei ole selle eelvaate aadress.',
    en: 'The Host header "{host}" is not this preview\'s address.',
  },
  'preview.page.method': {
    et: 'Lubatud on ainult GET ja HEAD.',
    en: 'Only GET and HEAD are allowed.',
  },
  'preview.page.noDownloads': {
    et: 'PDF-i ja DOCX-i ei saa teha: {reason}',
    en: 'No PDF or DOCX can be built: {reason}',
  },
  'preview.page.tooManyClients': {
    et: 'Liiga palju avatud eelvaatelehti (üle {n}): sulge mõni ja proovi uuesti.',
    en: 'Too many preview pages open (over {n}): close some and try again.',
  },
  'preview.page.sourceCut': {
    et: 'Failis on {total, plural, one {# rida} other {# rida}}: näidatud on ainult {shown, plural, one {esimene} other {esimesed #}}, ülejäänut siin ei näidata.',
    en: 'The file has {total, plural, one {# line} other {# lines}}: only the first {shown, plural, one {# is} other {# are}} shown, the rest is not shown here.',
  },
  'preview.page.cannotBuild': {
    et: 'Faili {format} ei saa teha, kuni ametijuhendis on vigu.',
    en: 'The {format} cannot be made while the description has errors.',
  },
  'preview.page.buildFailed': {
    et: 'Faili {format} tegemine ebaõnnestus: {reason}',
    en: 'Making the {format} failed: {reason}',
  },
  'preview.page.orgTitle': { et: 'Organisatsiooni skeem', en: 'Organisation chart' },
  'preview.page.orgIntro': {
    et: 'Kes kellele allub (nool) ja kes keda asendab (katkendjoon). Kast viib ametijuhendi juurde.',
    en: 'Who reports to whom (arrow) and who substitutes whom (dashed line). A box links to its description.',
  },
  'preview.page.orgFailed': {
    et: 'Skeemi ei saanud joonistada: {reason}',
    en: 'The chart could not be drawn: {reason}',
  },
  'preview.page.serverError': { et: 'Serveri viga', en: 'Server error' },
} satisfies Record<string, Template>;
