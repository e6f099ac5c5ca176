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
  // containers
  'signing.container.tooLarge': {
    en: 'the file is too large for a container ({size} MB, at most {max} MB are read)',
    et: 'fail on konteineri jaoks liiga suur ({size} MB, loetakse kuni {max} MB)',
  },
  'signing.container.cannotRead': {
    en: 'cannot read {path}: {why}',
    et: 'faili {path} ei saa lugeda: {why}',
  },
  'signing.container.notZip': {
    en: 'this is not an ASiC-E container (.asice, .bdoc): it is not a zip file',
    et: 'see ei ole ASiC-E konteiner (.asice, .bdoc): see ei ole zip-fail',
  },
  'signing.container.corrupt': {
    en: 'the container is damaged: the zip structure is broken at {detail}',
    et: 'konteiner on rikutud: zip-fail on katki kohas {detail}',
  },
  'signing.container.unsupported': {
    en: 'the container uses a zip feature DigiDoc does not write ({what})',
    et: 'konteiner kasutab zip-vormingu võimalust, mida DigiDoc ei kasuta ({what})',
  },
  'signing.container.tooManyEntries': {
    en: 'the zip file has {n, plural, one {# entry} other {# entries}} (at most {max} are read): this is no container',
    et: 'zip-failis on {n, plural, one {# kirje} other {# kirjet}} (loetakse kuni {max}): see ei ole konteiner',
  },
  'signing.container.entryTooLarge': {
    en: '"{name}" in the container claims {size} MB (at most {max} MB are read): reading stopped before unpacking anything',
    et: 'konteineris olev „{name}“ väidab oma suuruseks {size} MB (loetakse kuni {max} MB): lugemine katkestati enne lahtipakkimist',
  },
  'signing.container.unzippedTooLarge': {
    en: 'the container unpacks to more than {max} MB: this is no ordinary container (possibly a zip bomb), reading stopped',
    et: 'konteiner pakib lahti üle {max} MB: see ei ole tavaline konteiner (võimalik zip-pomm), lugemine katkestati',
  },
  'signing.container.unsafeName': {
    en: 'the container holds an entry named "{name}", a path that could lead out of a folder (.., /, \\ or a drive letter): refused, nothing was extracted',
    et: 'konteineris on kirje nimega „{name}“, tee, mis võib kaustast välja viia (.., /, \\ või kettatäht): keeldutud, midagi ei pakitud lahti',
  },
  'signing.container.duplicateName': {
    en: 'the container holds "{name}" twice: refused (which one would DigiDoc show?)',
    et: 'konteineris on „{name}“ kaks korda: keeldutud (kumba neist DigiDoc näitaks?)',
  },
  'signing.container.encrypted': {
    en: '"{name}" in the container is encrypted: a signed container never is',
    et: 'konteineris olev „{name}“ on krüpteeritud: allkirjastatud konteiner ei ole seda kunagi',
  },
  'signing.container.unsupportedMethod': {
    en: '"{name}" in the container is compressed with method {method}: only stored (0) and deflate (8) are read',
    et: 'konteineris olev „{name}“ on pakitud meetodiga {method}: loetakse ainult pakkimata (0) ja deflate (8) kirjeid',
  },
  'signing.container.noMimetype': {
    en: 'this zip file is not an ASiC-E container: it has no "mimetype" entry (DigiDoc refuses it too)',
    et: 'see zip-fail ei ole ASiC-E konteiner: selles pole kirjet „mimetype“ (ka DigiDoc ei ava seda)',
  },
  'signing.container.mimetypeNotFirst': {
    en: 'the container\'s "mimetype" is not its first entry: DigiDoc refuses such a container (was it repacked with another zip tool?)',
    et: 'konteineri „mimetype“ ei ole selle esimene kirje: DigiDoc ei ava sellist konteinerit (kas see pakiti ümber mõne muu zip-programmiga?)',
  },
  'signing.container.wrongMimetype': {
    en: 'the container\'s mimetype is "{found}", not application/vnd.etsi.asic-e+zip: not an ASiC-E container',
    et: 'konteineri mimetype on „{found}“, mitte application/vnd.etsi.asic-e+zip: see ei ole ASiC-E konteiner',
  },
  'signing.container.mimetypeCompressed': {
    en: 'the container\'s "mimetype" is compressed: ETSI TS 102 918 wants it stored',
    et: 'konteineri „mimetype“ on pakitud: ETSI TS 102 918 nõuab pakkimata kirjet',
  },
  'signing.container.mimetypeExtraField': {
    en: 'the container\'s "mimetype" has an extra field: its content must start at byte 38',
    et: 'konteineri „mimetype“ kirjel on lisaväli: selle sisu peab algama baidist 38',
  },
  'signing.container.mimetypeDescriptor': {
    en: 'the container\'s "mimetype" uses a data descriptor: its sizes must be in its header',
    et: 'konteineri „mimetype“ kasutab andmekirjeldit: selle suurused peavad olema päises',
  },
  'signing.container.mimetypeNotExact': {
    en: 'the container\'s "mimetype" is not exactly application/vnd.etsi.asic-e+zip (white space or a BOM)',
    et: 'konteineri „mimetype“ ei ole täpselt application/vnd.etsi.asic-e+zip (tühikud, reavahetus või BOM)',
  },
  'signing.container.noManifest': {
    en: 'the container has no META-INF/manifest.xml: DigiDoc refuses it',
    et: 'konteineris pole faili META-INF/manifest.xml: DigiDoc ei ava seda',
  },
  'signing.container.badManifest': {
    en: "the container's META-INF/manifest.xml cannot be read: {detail}",
    et: 'konteineri faili META-INF/manifest.xml ei saa lugeda: {detail}',
  },
  'signing.container.manifestNoRoot': {
    en: 'the container\'s manifest has no entry for "/" (the container itself): DigiDoc refuses it',
    et: 'konteineri manifestis pole kirjet „/“ (konteiner ise): DigiDoc ei ava seda',
  },
  'signing.container.manifestWrongType': {
    en: 'the container\'s manifest gives "/" the media type "{found}", not application/vnd.etsi.asic-e+zip',
    et: 'konteineri manifest annab kirjele „/“ meediatüübi „{found}“, mitte application/vnd.etsi.asic-e+zip',
  },
  'signing.container.manifestDuplicate': {
    en: 'the container\'s manifest lists "{name}" twice: DigiDoc refuses it',
    et: 'konteineri manifestis on „{name}“ kaks korda: DigiDoc ei ava seda',
  },
  'signing.container.notInManifest': {
    en: 'the container holds "{name}", which its manifest does not list: DigiDoc refuses such a container',
    et: 'konteineris on „{name}“, mida selle manifest ei nimeta: DigiDoc ei ava sellist konteinerit',
  },
  'signing.container.missingFile': {
    en: 'the container\'s manifest lists "{name}", which is not in the container',
    et: 'konteineri manifest nimetab faili „{name}“, mida konteineris ei ole',
  },
  'signing.container.noDataFiles': {
    en: 'the container holds no data file (nothing to sign or to compare)',
    et: 'konteineris pole ühtegi andmefaili (pole midagi allkirjastada ega võrrelda)',
  },
  'signing.container.noPdf': {
    en: "the container holds no PDF (its files: {files}): ametijuhend puts the description's PDF in every container",
    et: 'konteineris pole PDF-faili (selles on: {files}): ametijuhend paneb igasse konteinerisse ametijuhendi PDF-i',
  },
  'signing.container.gitTracked': {
    en: 'containers are not written into {dir}: it is inside the git work tree {root} and not ignored. Signed containers hold personal identification codes and do not belong in the repository: add the folder (or *.asice and *.bdoc) to .gitignore, or choose another --out-dir',
    et: 'konteinereid ei kirjutata kausta {dir}: see on git-hoidla {root} sees ega ole ignoreeritud. Allkirjastatud konteinerites on isikukoodid ja need ei kuulu hoidlasse: lisa kaust (või *.asice ja *.bdoc) faili .gitignore või vali teine --out-dir',
  },

  // signatures
  'signing.signature.tooLarge': {
    en: '{entry} is larger than {max} MB: not read as a signature',
    et: '{entry} on suurem kui {max} MB: seda ei loeta allkirjana',
  },
  'signing.signature.doctype': {
    en: '{entry} declares a DOCTYPE (entities): refused, a signature file never has one',
    et: '{entry} sisaldab DOCTYPE-deklaratsiooni (olemid): keeldutud, allkirjafailis seda kunagi pole',
  },
  'signing.signature.unreadable': {
    en: '{entry} is not readable XML: {detail}',
    et: '{entry} ei ole loetav XML: {detail}',
  },
  'signing.signature.wrongRoot': {
    en: '{entry} is not an XAdES signature file (its root is {found}, not asic:XAdESSignatures)',
    et: '{entry} ei ole XAdES-allkirjafail (selle juurelement on {found}, mitte asic:XAdESSignatures)',
  },
  'signing.signature.none': {
    en: '{entry} holds no ds:Signature',
    et: '{entry} ei sisalda ühtegi allkirja (ds:Signature)',
  },
  'signing.signature.badReference': {
    en: '{entry}: a ds:Reference without URI, DigestMethod or DigestValue ("{uri}")',
    et: '{entry}: viide (ds:Reference) ilma URI, DigestMethodi või DigestValue’ta („{uri}“)',
  },
  'signing.signature.noReference': {
    en: '{entry}: the signature names no data file (no ds:Reference to a file)',
    et: '{entry}: allkiri ei viita ühelegi andmefailile (ds:Reference puudub)',
  },
  'signing.signature.noCertificate': {
    en: '{entry}: the signature carries no signer certificate (ds:X509Certificate)',
    et: '{entry}: allkirjas pole allkirjastaja sertifikaati (ds:X509Certificate)',
  },
  'signing.signature.badCertificate': {
    en: '{entry}: the signer certificate cannot be read',
    et: '{entry}: allkirjastaja sertifikaati ei saa lugeda',
  },
  'signing.signature.noSigningTime': {
    en: '{entry}: the signature gives no signing time (xades:SigningTime)',
    et: '{entry}: allkirjas pole allkirjastamise aega (xades:SigningTime)',
  },
  'signing.signature.badSigningTime': {
    en: '{entry}: the signing time "{time}" is not a date and time',
    et: '{entry}: allkirjastamise aeg „{time}“ ei ole kuupäev ja kellaaeg',
  },
} as const satisfies Record<string, Template>;
