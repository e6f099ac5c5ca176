/**
 * The signing lifecycle's shared types (issue 11): what reading an output or an ASiC-E container
 * gives, handed between the container reader (container.ts, signatures.ts), the provenance readers
 * (embedded.ts) and the drivers (verify.ts, signed-status.ts).
 *
 * Nothing here validates cryptography: a signature is read for what it claims (who, when, over which
 * digest); whether the certificate chain, the OCSP answer and the time stamp are valid is DigiDoc's
 * job, and every report says so.
 */
import type { Provenance } from '../util/provenance.js';

export type { Provenance } from '../util/provenance.js';

/** The kinds of file `verify` reads. */
export type VerifiedKind = 'pdf' | 'docx' | 'html' | 'container';

/** The media type of an ASiC-E container (the `mimetype` entry's exact content). */
export const ASICE_MEDIA_TYPE = 'application/vnd.etsi.asic-e+zip';

/** A data file of a container, as its manifest names it. */
export interface ContainerDataFile {
  /** The entry's name (flat in a container we write; as stored otherwise). */
  name: string;
  /** From META-INF/manifest.xml. */
  mediaType: string;
  bytes: Uint8Array;
}

/** Who a signature's certificate names (never validated: read as it claims). */
export interface Signer {
  /** "Given Surname" from GN and SN when present, else CN. */
  name: string;
  givenName?: string;
  surname?: string;
  commonName?: string;
  /** The personal identification code from serialNumber (`PNOEE-38001085718` → `38001085718`). */
  personalCode?: string;
  /** The semantics identifier's country (`EE` of `PNOEE-…`), when present. */
  country?: string;
  /** The certificate's issuer CN (e.g. "ESTEID2018"). */
  issuer?: string;
  /** The certificate's validity, ISO 8601. */
  validFrom?: string;
  validTo?: string;
}

/** One `ds:Reference` of a signature's SignedInfo (the SignedProperties reference left out). */
export interface SignedReference {
  /** The URI as written. */
  uri: string;
  /** The data file it names (URI percent-decoded, without a leading "./"), or undefined for "#…". */
  file?: string;
  /** The DigestMethod's Algorithm URI. */
  algorithm: string;
  /** node:crypto's name for it ("sha256"), when known. */
  hash?: 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
  /** base64 as written (white space removed). */
  digest: string;
}

export interface ContainerSignature {
  /** The entry it was read from (META-INF/signatures0.xml). */
  entry: string;
  /** The ds:Signature's Id attribute. */
  id?: string;
  /** Absent when the certificate is missing or unreadable (`problems` says so). */
  signer?: Signer;
  /** xades:SigningTime as claimed by the signer's own clock, ISO 8601. */
  signingTime?: string;
  /** Whether a xades:SignatureTimeStamp is present (the trusted time; not validated). */
  timestamped: boolean;
  /** xades:ClaimedRole values. */
  roles: string[];
  references: SignedReference[];
  /** What could not be read in this signature (message text, "en / et"). */
  problems: string[];
}

/** A container as read (structure checked, cryptography not). */
export interface Container {
  /** The `mimetype` entry's content. */
  mimetype: string;
  /** The data files, in manifest order. */
  files: ContainerDataFile[];
  /** One per ds:Signature, in entry then document order. */
  signatures: ContainerSignature[];
}

/**
 * A file that is not what it should be (not a container, a mimetype not first, a bomb, a path that
 * escapes …): `id` names the message in src/messages/signing.ts, `data` fills it.
 */
export class SigningFailure extends Error {
  constructor(
    readonly id: string,
    readonly data: Readonly<Record<string, string | number>> = {},
  ) {
    super(id);
    this.name = 'SigningFailure';
  }
}

/** Limits every container read keeps, so a hostile file fails fast and small. */
export const CONTAINER_LIMITS = {
  /** The largest container read at all. */
  fileBytes: 100 * 1024 * 1024,
  /** The most all entries together may inflate to. */
  unzippedBytes: 200 * 1024 * 1024,
  /** The most one entry may inflate to (a data file, a signature). */
  entryBytes: 100 * 1024 * 1024,
  /** The most entries a container may have. */
  entries: 1000,
} as const;

/** What an output file says of its source, as read back (embedded.ts). */
export interface Embedded {
  kind: Exclude<VerifiedKind, 'container'>;
  /** Undefined: the file has no (readable) provenance. */
  provenance?: Provenance;
}
