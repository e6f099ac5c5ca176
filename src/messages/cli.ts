import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of the cli area, keyed "cli.<name>"; {placeholders} are filled by message(). The help's
 * descriptions (cli.help.*) are shown in both languages, English first; everything else in the
 * user's language (src/cli/ui.ts).
 */
export const CLI_MESSAGES = {
  // help: the program, commands, arguments and options
  'cli.help.program': {
    et: 'Koostab ametijuhendid (Markdown + YAML) kontrollitud, allkirjastamiseks valmis PDF-, HTML- ja DOCX-failideks.',
    en: 'Compile job descriptions (Markdown + YAML) into validated, ready-to-sign PDF, HTML and DOCX.',
  },
  'cli.help.lang': {
    et: 'teadete keel',
    en: 'language of messages: et | en (default: the document’s or config’s)',
  },
  'cli.help.paths': {
    et: 'failid, kaustad või mustrid',
    en: 'files, folders or globs (default: .)',
  },
  'cli.help.check': {
    et: 'kontrolli ametijuhendeid',
    en: 'check descriptions and report every problem',
  },
  'cli.help.checkFormat': {
    et: 'väljundi vorm',
    en: 'output: stylish | json | github | sarif | junit',
  },
  'cli.help.maxWarnings': { et: 'lubatud hoiatuste arv', en: 'fail when there are more warnings' },
  'cli.help.checkQuiet': { et: 'näita ainult vigu', en: 'report errors only' },
  'cli.help.checkCache': {
    et: 'kasuta muutmata failide varasemaid tulemusi (.ametijuhend-cache/)',
    en: 'reuse results of unchanged files (.ametijuhend-cache/)',
  },
  'cli.help.changedSince': {
    et: 'ainult muudetud',
    en: 'only descriptions changed since a git ref, and those a changed config affects',
  },
  'cli.help.build': {
    et: 'koosta PDF-, HTML- ja DOCX-failid',
    en: 'build PDF, HTML and DOCX from descriptions',
  },
  'cli.help.buildFormat': { et: 'vormingud komadega', en: 'comma-separated: pdf,html,docx' },
  'cli.help.outDir': { et: 'väljundkaust', en: 'output folder' },
  'cli.help.pdfStandard': { et: 'PDF-i standard', en: 'PDF conformance' },
  'cli.help.buildQuiet': {
    et: 'näita ainult probleeme ja kokkuvõtet',
    en: 'print only problems and the summary',
  },
  'cli.help.force': {
    et: 'ära kasuta vahemälu, koosta kõik uuesti',
    en: 'ignore the build cache: compile and render everything',
  },
  'cli.help.jobs': {
    et: 'lõimede arv (vaikimisi üks tuuma kohta, kuni 4; kunagi rohkem kui tuumi)',
    en: 'worker threads (default: one per core, at most 4; at most one per core)',
  },
  'cli.help.roster': {
    et: 'isikustatud dokumendid',
    en: 'one document per employee from an HR export (columns id, employee, employer, role)',
  },
  'cli.help.asice': {
    et: 'kirjuta ka <id>.asice: allkirjastamata ASiC-E konteiner DigiDoc4 jaoks, sees <id>.pdf (PDF koostatakse ka siis, kui --format seda ei nimeta, aga eraldi faili siis ei kirjutata); mitte kunagi git-hoidlasse, kui kaust pole ignoreeritud (allkirjastatud konteinerites on isikukoodid)',
    en: 'also write <id>.asice: an unsigned ASiC-E container for DigiDoc4 holding <id>.pdf (the PDF is rendered for it even without pdf in --format, then not written beside it); never into a git work tree unless ignored there (signed containers hold personal codes)',
  },
  'cli.help.watch': {
    et: 'jälgi muudatusi ja koosta uuesti',
    en: 'keep running and rebuild what changes',
  },
  'cli.help.status': {
    et: 'ametijuhendite ülevaade',
    en: 'list every description with its version, review dates and problems',
  },
  'cli.help.statusFormat': { et: 'väljundi vorm', en: 'output: table | json | csv' },
  'cli.help.statusExcel': {
    et: 'CSV Exceli jaoks (eesti piirkonnasätted): eraldaja ; ja UTF-8 BOM',
    en: 'CSV for Excel with Estonian (and most European) regional settings: ";" separator and a UTF-8 BOM',
  },
  'cli.help.csvSeparator': {
    et: 'CSV eraldaja: comma (koma, RFC 4180, vaikimisi) või semicolon (semikoolon, --excel)',
    en: 'CSV separator: comma (RFC 4180, the default) or semicolon (the default of --excel)',
  },
  'cli.help.init': {
    et: 'loo ametijuhendite hoidla',
    en: 'start a docs repository: config, catalogue, an example, CI',
  },
  'cli.help.initDir': { et: 'sihtkaust', en: 'target folder' },
  'cli.help.organisation': { et: 'asutuse nimi', en: 'the organisation’s name' },
  'cli.help.initLang': {
    et: 'failide ja teadete keel',
    en: 'language of the files and messages: et | en',
  },
  'cli.help.schema': {
    et: 'trüki JSON-skeem',
    en: 'print the JSON Schema of the frontmatter (or the config)',
  },
  'cli.help.schemaConfig': {
    et: 'seadistusfaili skeem',
    en: 'the schema of ametijuhend.config.yaml',
  },
  'cli.help.rules': { et: 'reeglite loend', en: 'list the rules with their ids and severities' },
  'cli.help.help': { et: 'näita abi', en: 'display help for command' },
  'cli.help.version': { et: 'näita versiooni', en: 'output the version number' },
  // help headings (commander's titles)
  'cli.heading.usage': { et: 'Kasutus:', en: 'Usage:' },
  'cli.heading.arguments': { et: 'Argumendid:', en: 'Arguments:' },
  'cli.heading.options': { et: 'Võtmed:', en: 'Options:' },
  'cli.heading.globalOptions': { et: 'Üldised võtmed:', en: 'Global Options:' },
  'cli.heading.commands': { et: 'Käsud:', en: 'Commands:' },
  // usage errors from commander, by its error code
  'cli.usage.unknownOption': {
    et: 'viga: tundmatu võti „{flag}“',
    en: "error: unknown option '{flag}'",
  },
  'cli.usage.unknownCommand': {
    et: 'viga: tundmatu käsk „{command}“',
    en: "error: unknown command '{command}'",
  },
  'cli.usage.didYouMean': { et: '(Kas mõtlesid {suggestion}?)', en: '(Did you mean {suggestion}?)' },
  'cli.usage.missingArgument': {
    et: 'viga: kohustuslik argument „{name}“ puudub',
    en: "error: missing required argument '{name}'",
  },
  'cli.usage.optionMissingArgument': {
    et: 'viga: võtmel „{option}“ puudub väärtus',
    en: "error: option '{option}' argument missing",
  },
  'cli.usage.missingMandatoryOptionValue': {
    et: 'viga: kohustuslik võti „{option}“ puudub',
    en: "error: required option '{option}' not specified",
  },
  'cli.usage.excessArguments': {
    et: 'viga: liiga palju argumente{forCommand}: oodati {expected}, anti {received}.',
    en: 'error: too many arguments{forCommand}. Expected {expected} but got {received}.',
  },
  'cli.usage.arguments': {
    et: '{count}',
    en: '{count, plural, one {# argument} other {# arguments}}',
  },
  'cli.usage.forCommand': { et: ' käsule „{command}“', en: " for '{command}'" },
  'cli.usage.invalidOptionValue': {
    et: 'viga: võtme „{option}“ väärtus „{value}“ ei sobi. {detail}',
    en: "error: option '{option}' argument '{value}' is invalid. {detail}",
  },
  'cli.usage.invalidArgumentValue': {
    et: 'viga: argumendi „{name}“ väärtus „{value}“ ei sobi. {detail}',
    en: "error: command-argument value '{value}' is invalid for argument '{name}'. {detail}",
  },
  'cli.usage.choices': { et: 'Lubatud on {choices}.', en: 'Allowed choices are {choices}.' },
  'cli.usage.useEtOrEn': { et: 'kasuta „et“ või „en“', en: 'use "et" or "en"' },
  'cli.usage.wholeNumber': { et: 'oodati täisarvu', en: 'expected a whole number' },
  // check
  'cli.check.tooManyWarnings': {
    et: 'ametijuhend: {count, plural, one {# hoiatus} other {# hoiatust}}, lubatud on kuni {max} (--max-warnings).',
    en: 'ametijuhend: {count, plural, one {# warning} other {# warnings}}, at most {max} allowed (--max-warnings).',
  },
  // status
  'cli.status.csvOptionsWithJson': {
    et: '--excel ja --csv-separator annavad CSV-faili: need ei sobi kokku võtmega --format json',
    en: '--excel and --csv-separator write CSV: they do not go with --format json',
  },
  // rules
  'cli.rules.error': { et: 'viga   ', en: 'error  ' },
  'cli.rules.warning': { et: 'hoiatus', en: 'warning' },
  // init
  'cli.init.created': { et: '  loodud  {file}', en: '  created  {file}' },
  'cli.init.skipped': {
    et: '  jäetud vahele  {file} (on juba olemas)',
    en: '  skipped  {file} (already exists)',
  },
  'cli.init.cannotWrite': {
    et: 'ametijuhend: sihtkausta ei saa kirjutada: {detail}',
    en: 'ametijuhend: cannot write the target folder: {detail}',
  },
  'cli.init.summary': {
    et: 'Loodud {created, plural, one {# fail} other {# faili}}, vahele jäetud {skipped} (olemasolevaid faile ei muudeta).',
    en: 'Created {created, plural, one {# file} other {# files}}, skipped {skipped} (existing files are never changed).',
  },
  'cli.init.next': {
    et: 'Edasi: {prefix}npm install && npx ametijuhend check && npx ametijuhend build . --out-dir dist',
    en: 'Next: {prefix}npm install && npx ametijuhend check && npx ametijuhend build . --out-dir dist',
  },
  'cli.init.organisation': {
    et: 'Kirjuta asutuse nimi faili ametijuhend.config.yaml (organisation) või kasuta --organisation.',
    en: 'Put the organisation’s name in ametijuhend.config.yaml (organisation), or use --organisation.',
  },
  // build
  'cli.build.unknownFormat': {
    et: 'tundmatu vorming „{formats}“',
    en: 'unknown format "{formats}": use pdf, html, docx',
  },
  'cli.build.watchWithRoster': { et: 'ei sobi kokku', en: '--watch and --roster do not go together' },
  'cli.build.built': { et: 'valmis {file} → {outputs}', en: 'built {file} → {outputs}' },
  'cli.build.notBuilt': { et: 'EI KOOSTATUD {file}', en: 'FAILED {file}' },
  'cli.build.tooManyJobs': {
    et: 'ametijuhend: --jobs {jobs} on rohkem kui protsessorituumi ({cores}): kasutan {cores, plural, one {# lõime} other {# lõime}}',
    en: 'ametijuhend: --jobs {jobs} is more than the cores ({cores}): using {cores, plural, one {# thread} other {# threads}}',
  },
  'cli.build.changed': { et: 'Muutus: {files}', en: 'Changed: {files}' },
  'cli.build.rebuilt': { et: 'Koostatud uuesti.', en: 'Rebuilt.' },
  'cli.build.watching': {
    et: 'Jälgin muudatusi (lõpetamiseks Ctrl+C) …',
    en: 'Watching for changes (Ctrl+C to stop) …',
  },
  'cli.build.failed': {
    et: 'ametijuhend: {file}: koostamine ebaõnnestus: {detail}',
    en: 'ametijuhend: {file}: build failed: {detail}',
  },
  'cli.build.cached': {
    et: ' ({rendered} uuesti koostatud, {cached} vahemälust)',
    en: ' ({rendered} rendered, {cached} cached)',
  },
  'cli.build.summary': {
    et: 'Koostatud {built, plural, one {# ametijuhend} other {# ametijuhendit}} ({outputs, plural, one {# fail} other {# faili}}), ebaõnnestus {failed}, aeg {time}{cached}.',
    en: 'Built {built, plural, one {# description} other {# descriptions}} ({outputs, plural, one {# file} other {# files}}), {failed} failed, in {time}{cached}.',
  },
} satisfies Record<`cli.${string}`, Template>;
