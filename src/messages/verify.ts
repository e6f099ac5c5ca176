import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of `ametijuhend verify` and `status --signed` (src/signing/verify.ts, signed-status.ts,
 * src/cli/commands/verify.ts), keyed "verify.<name>".
 */
export const VERIFY_MESSAGES = {
  // help
  'verify.help.command': {
    et: 'kontrolli, kas PDF-, DOCX-, HTML-fail või allkirjastatud konteiner vastab praegusele allikale',
    en: 'tell whether a PDF, DOCX or HTML file or a signed container is what its source gives now',
  },
  'verify.help.files': { et: 'kontrollitavad failid', en: 'files: .pdf .docx .html .asice .bdoc' },
  'verify.help.repo': {
    et: 'ametijuhendite kaust (vaikimisi praegune)',
    en: 'the folder of descriptions (default: the current folder)',
  },
  'verify.help.format': { et: 'väljundi vorm', en: 'output: text | json' },
  'verify.help.showCodes': {
    et: 'näita allkirjastajate isikukoode',
    en: 'show the signers’ personal identification codes',
  },
  'verify.help.pdfStandard': {
    et: 'PDF-standard, millega võrrelda (vaikimisi failist loetud)',
    en: 'the PDF standard to build with for comparison (default: read from the file)',
  },
  'verify.help.signed': {
    et: 'lisa allkirjastatud konteinerite (.asice, .bdoc) veerud sellest kaustast',
    en: 'add columns of the signed containers (.asice, .bdoc) found in this folder',
  },

  // states
  'verify.state.current': { et: 'ajakohane', en: 'current' },
  'verify.state.stale': { et: 'aegunud', en: 'stale' },
  'verify.state.unknown': { et: 'tundmatu', en: 'unknown' },
  'verify.state.unsigned': { et: 'allkirjastamata', en: 'unsigned' },

  // a file's report
  'verify.line': { et: '{file}: {state}', en: '{file}: {state}' },
  'verify.dataFile': { et: '{file} › {name}: {state}', en: '{file} › {name}: {state}' },
  'verify.description': {
    et: 'ametijuhend {id} ({source}), dokumendi kood {code}',
    en: 'description {id} ({source}), document code {code}',
  },
  'verify.codeNow': {
    et: 'praeguse allika dokumendi kood on {code}',
    en: 'the document code of the source now is {code}',
  },
  'verify.forEmployee': { et: 'isikustatud: {employee}', en: 'personalised for {employee}' },
  'verify.identical': {
    et: 'PDF on bait-baidilt see, mille annab praegu `build`',
    en: 'the PDF is byte for byte what `build` gives now',
  },
  'verify.otherVersion': {
    et: 'sisu on ajakohane, faili koostas teine versioon: ametijuhend {tool} (see on {version})',
    en: 'current content, built by another version: ametijuhend {tool} (this is {version})',
  },
  'verify.pdfDiffers': {
    et: 'sisu on sama mis praegu allikas, kuid PDF ei ole bait-baidilt see, mille annab praegu `build` (PDF-standardiga {standard}; teine kuupäev?)',
    en: 'the content is what the source says now, but the PDF is not byte for byte what `build` gives now (PDF standard {standard}; another date?)',
  },
  'verify.changed': { et: 'muutunud: {parts}', en: 'changed: {parts}' },
  'verify.added': { et: 'lisandunud: {parts}', en: 'added: {parts}' },
  'verify.removed': { et: 'eemaldatud: {parts}', en: 'removed: {parts}' },
  'verify.changedSomewhere': {
    et: 'allikas on muutunud (millised osad, ei ole failist näha)',
    en: 'the source changed (which parts, the file does not tell)',
  },

  // signatures
  'verify.signer': { et: 'allkiri {n}: {name}', en: 'signature {n}: {name}' },
  'verify.noSigner': {
    et: 'allkiri {n}: allkirjastaja sertifikaati ei saa lugeda',
    en: 'signature {n}: the signer’s certificate cannot be read',
  },
  'verify.personalCode': { et: 'isikukood {code}', en: 'personal code {code}' },
  'verify.signingTime': {
    et: 'allkirjastatud {time} (allkirjastaja arvuti kella järgi)',
    en: 'signed {time} (as the signer’s computer claims)',
  },
  'verify.noSigningTime': { et: 'allkirjastamise aeg puudub', en: 'no signing time' },
  'verify.role': { et: 'roll: {role}', en: 'role: {role}' },
  'verify.timestamped': { et: 'ajatempliga', en: 'time-stamped' },
  'verify.notTimestamped': { et: 'ajatemplita', en: 'no time stamp' },
  'verify.signedThisBuild': {
    et: 'allkirjastas täpselt praeguse väljundi',
    en: 'signed exactly this build',
  },
  'verify.notThisBuild': {
    et: 'ei allkirjastanud praegust väljundit',
    en: 'did not sign this build',
  },
  'verify.notThisFile': {
    et: 'allkiri ei kata konteineris olevat faili {name}',
    en: 'the signature does not cover the file {name} in the container',
  },
  'verify.problem': { et: 'hoiatus: {problem}', en: 'warning: {problem}' },
  'verify.noSignatures': { et: 'konteineris pole allkirju', en: 'the container has no signatures' },
  'verify.cryptoNotChecked': {
    et: 'Allkirjade krüptograafilist kehtivust EI kontrollitud: selleks ava konteiner DigiDoc4-s.',
    en: 'The cryptographic validity of the signatures is NOT checked: open the container in DigiDoc4 for that.',
  },
  'verify.summary': {
    et: '{total, plural, one {# fail} other {# faili}}: {current, plural, one {# ajakohane} other {# ajakohast}}, {stale, plural, one {# aegunud} other {# aegunut}}, {unknown, plural, one {# tundmatu} other {# tundmatut}}',
    en: '{total, plural, one {# file} other {# files}}: {current, plural, one {# current} other {# current}}, {stale, plural, one {# stale} other {# stale}}, {unknown, plural, one {# unknown} other {# unknown}}',
  },

  // why a file is unknown
  'verify.unknown.missing': { et: 'faili ei ole', en: 'no such file' },
  'verify.unknown.unreadable': {
    et: 'faili ei saa lugeda ({reason})',
    en: 'the file cannot be read ({reason})',
  },
  'verify.unknown.notAFile': {
    et: 'see ei ole tavaline fail ({kind})',
    en: 'not a regular file ({kind})',
  },
  'verify.unknown.tooLarge': {
    et: 'fail on suurem kui {megabytes, plural, one {# megabait} other {# megabaiti}}',
    en: 'the file is larger than {megabytes, plural, one {# megabyte} other {# megabytes}}',
  },
  'verify.unknown.notRecognised': {
    et: 'see ei ole PDF-, DOCX- ega HTML-fail ega ASiC-E-konteiner',
    en: 'not a PDF, DOCX or HTML file, nor an ASiC-E container',
  },
  'verify.unknown.noProvenance': {
    et: 'failis pole päritoluandmeid (selle ei koostanud ametijuhend või koostas vanem versioon)',
    en: 'the file carries no provenance (not built by ametijuhend, or by an older version)',
  },
  'verify.unknown.damaged': { et: 'fail on vigane: {reason}', en: 'the file is damaged: {reason}' },
  'verify.unknown.noSuchDescription': {
    et: 'kaustas {repo} pole ametijuhendit tunnusega {id}',
    en: 'no description with the id {id} in {repo}',
  },
  'verify.unknown.hasErrors': {
    et: 'ametijuhendis {id} ({source}) on praegu vigu: vaata `ametijuhend check`',
    en: 'the description {id} ({source}) has errors now: see `ametijuhend check`',
  },
  'verify.unknown.ambiguous': {
    et: 'tunnus {id} on mitmel ametijuhendil: {sources}',
    en: 'several descriptions have the id {id}: {sources}',
  },
  'verify.unknown.noPdf': { et: 'konteineris pole PDF-faili', en: 'the container holds no PDF' },
  'verify.unknown.cannotPersonalise': {
    et: 'isikustatud koopiat ei saa praegu koostada: {reason}',
    en: 'the personalised copy cannot be made now: {reason}',
  },
  'verify.unknown.buildFailed': {
    et: 'PDF-i ei saa praegu koostada: {reason}',
    en: 'the PDF cannot be built now: {reason}',
  },

  // status --signed
  'verify.status.signed': { et: 'Allkiri', en: 'Signed' },
  'verify.status.container': { et: 'Konteiner', en: 'Container' },
  'verify.status.signedBy': { et: 'Allkirjastajad', en: 'Signed by' },
  'verify.status.signedAt': { et: 'Allkirjastatud', en: 'Signed on' },
  'verify.status.unknownHeading': {
    et: 'Konteinerid, mida ei saa ühegi ametijuhendiga siduda:',
    en: 'Containers that match no description:',
  },
  'verify.status.unknownContainer': { et: '{container}: {reason}', en: '{container}: {reason}' },
  'verify.status.truncated': {
    et: 'kaustas {dir} loeti ainult {max, plural, one {# kirje} other {# kirjet}}: ülejäänuid ei vaadatud',
    en: 'only {max, plural, one {# entry} other {# entries}} of {dir} were read: the rest were not looked at',
  },
  'verify.status.tooDeep': {
    et: 'kaustas {dir} jäid vaatamata kaustad, mis on sügavamal kui {depth, plural, one {# tase} other {# taset}}',
    en: 'folders deeper than {depth, plural, one {# level} other {# levels}} in {dir} were not looked at',
  },
  'verify.status.notAFolder': {
    et: '--signed {dir}: sellist kausta ei ole',
    en: '--signed {dir}: no such folder',
  },
  'verify.usage.noRepo': { et: '--repo {dir}: sellist kausta ei ole', en: '--repo {dir}: no such folder' },
} as const satisfies Record<string, Template>;
