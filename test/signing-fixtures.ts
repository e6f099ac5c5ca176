/**
 * Signed-container fixtures made in the tests themselves (issue 11): a test certificate built with
 * node:crypto (a small DER writer below, an ECDSA P-256 key, crypto.sign; no openssl needed), an XAdES
 * signature XML in the structure libdigidocpp writes, and a container laid out the way DigiDoc4 writes
 * one after signing (mimetype, the data files, META-INF/manifest.xml, META-INF/signatures0.xml, …).
 *
 * Nothing here is cryptographically valid beyond the certificate's own signature: the XAdES
 * SignatureValue is filler (nothing in ametijuhend validates it, and every report says so).
 *
 * The API is stable (other tests use it): makeCertificate, signatureXml, digidocContainer, manifestXml,
 * NS, and the raw zip writer rawZip for hostile inputs.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';

/** The namespaces of a signature file. */
export const NS = {
  asic: 'http://uri.etsi.org/02918/v1.2.1#',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
} as const;

export const ASICE_MIMETYPE = 'application/vnd.etsi.asic-e+zip';

// ---------------------------------------------------------------------------------------------
// DER

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One DER TLV. */
export function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const seq = (...c: Buffer[]): Buffer => der(0x30, ...c);
const set = (...c: Buffer[]): Buffer => der(0x31, ...c);

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const base128: number[] = [];
    let v = p;
    do {
      base128.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < base128.length - 1; i++) base128[i]! |= 0x80;
    out.push(...base128);
  }
  return der(0x06, Buffer.from(out));
}

function integer(bytes: Buffer): Buffer {
  const b = bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return der(0x02, b);
}

const utf8 = (s: string): Buffer => der(0x0c, Buffer.from(s, 'utf8'));
const printable = (s: string): Buffer => der(0x13, Buffer.from(s, 'latin1'));

function time(iso: string): Buffer {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  const body = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  const year = d.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? der(0x17, Buffer.from(String(year % 100).padStart(2, '0') + body, 'latin1'))
    : der(0x18, Buffer.from(String(year) + body, 'latin1'));
}

/** Attribute types of a distinguished name. */
export const OID = {
  C: '2.5.4.6',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  SN: '2.5.4.4',
  GN: '2.5.4.42',
  serialNumber: '2.5.4.5',
  organizationIdentifier: '2.5.4.97',
} as const;

/** One attribute of a name: [OID, value]; C and serialNumber are PrintableString, the rest UTF8String. */
export type NameAttribute = [oid: string, value: string];

function name(rdns: NameAttribute[][]): Buffer {
  return seq(
    ...rdns.map((rdn) =>
      set(
        ...rdn.map(([type, value]) =>
          seq(oid(type), type === OID.C || type === OID.serialNumber ? printable(value) : utf8(value)),
        ),
      ),
    ),
  );
}

export interface CertificateOptions {
  /** Default "TAMM,MARI,38001085718" (ID-card style); "Mari Tamm" is Smart-ID style. */
  commonName?: string;
  /** Default "MARI"; null: no GN attribute. */
  givenName?: string | null;
  /** Default "TAMM"; null: no SN attribute. */
  surname?: string | null;
  /** Default "PNOEE-38001085718"; null: no serialNumber attribute. */
  serialNumber?: string | null;
  /** Default "EE"; null: no C attribute. */
  country?: string | null;
  /** The issuer's CN, default "TEST of ESTEID2018" (issuer C=EE, O=SK ID Solutions AS). */
  issuerCommonName?: string;
  /** Replaces the subject entirely: one inner array per RDN (several attributes: a multi-valued RDN). */
  subject?: NameAttribute[][];
  /** ISO 8601, defaults 2025-01-01T00:00:00Z … 2030-01-01T00:00:00Z. */
  validFrom?: string;
  validTo?: string;
  /** The certificate's serial number (hex), default "0102030405". */
  serial?: string;
}

/** The subject a CertificateOptions describes. */
export function subjectOf(opts: CertificateOptions = {}): NameAttribute[][] {
  if (opts.subject) return opts.subject;
  const rdns: NameAttribute[][] = [];
  const country = opts.country === undefined ? 'EE' : opts.country;
  if (country !== null) rdns.push([[OID.C, country]]);
  rdns.push([[OID.CN, opts.commonName ?? 'TAMM,MARI,38001085718']]);
  const surname = opts.surname === undefined ? 'TAMM' : opts.surname;
  if (surname !== null) rdns.push([[OID.SN, surname]]);
  const given = opts.givenName === undefined ? 'MARI' : opts.givenName;
  if (given !== null) rdns.push([[OID.GN, given]]);
  const serialNumber = opts.serialNumber === undefined ? 'PNOEE-38001085718' : opts.serialNumber;
  if (serialNumber !== null) rdns.push([[OID.serialNumber, serialNumber]]);
  return rdns;
}

let sharedKey: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
function key(): { privateKey: KeyObject; publicKey: KeyObject } {
  sharedKey ??= generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return sharedKey;
}

/**
 * A test certificate (X.509 v3, ECDSA P-256 with SHA-256, signed with its own key under the issuer
 * name given: it parses in node:crypto, it validates against nothing).
 */
export function makeCertificate(opts: CertificateOptions = {}): { der: Buffer; pem: string } {
  const { privateKey, publicKey } = key();
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const issuer = name([
    [[OID.C, 'EE']],
    [[OID.O, 'SK ID Solutions AS']],
    [[OID.CN, opts.issuerCommonName ?? 'TEST of ESTEID2018']],
  ]);
  const tbs = seq(
    der(0xa0, integer(Buffer.from([2]))),
    integer(Buffer.from(opts.serial ?? '0102030405', 'hex')),
    ecdsaSha256,
    issuer,
    seq(time(opts.validFrom ?? '2025-01-01T00:00:00Z'), time(opts.validTo ?? '2030-01-01T00:00:00Z')),
    name(subjectOf(opts)),
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, ecdsaSha256, der(0x03, Buffer.from([0]), signature));
  const b64 = cert.toString('base64');
  const pem = `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
  return { der: cert, pem };
}

// ---------------------------------------------------------------------------------------------
// XAdES

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const DIGEST_URI = {
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha224: 'http://www.w3.org/2001/04/xmldsig-more#sha224',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
} as const;

export interface SignatureXmlOptions {
  /** The data file's name in the container (the Reference URI, percent-encoded as DigiDoc does). */
  file: string;
  /** The data file's bytes (digested into DigestValue). */
  bytes: Uint8Array;
  /** The signer's certificate, DER. */
  certificate: Buffer;
  /** xades:SigningTime, e.g. "2026-01-05T10:00:00Z". */
  signingTime: string;
  /** ClaimedRole(s); none by default. */
  role?: string | string[];
  /** Prefixes of the three namespaces (default asic, ds, xades); "" makes one the default namespace. */
  prefixes?: { asic?: string; ds?: string; xades?: string };
  /** The ds:Signature's Id (default "S0"). */
  id?: string;
  /** Whether an (unvalidated, filler) xades:SignatureTimeStamp is present (default true). */
  timestamp?: boolean;
  /** The digest algorithm (default sha256). */
  digestAlgorithm?: keyof typeof DIGEST_URI;
  /** Overrides the DigestValue (e.g. a digest of other bytes). */
  digest?: string;
  /** Overrides the Reference URI (default: `file` percent-encoded). */
  uri?: string;
  /** "SignerRoleV2" (libdigidocpp ≥ 3.15, EN 319 132) or "SignerRole" (older); default SignerRoleV2. */
  roleElement?: 'SignerRole' | 'SignerRoleV2';
}

/** A META-INF/signaturesN.xml in the structure libdigidocpp writes (XAdES-BASELINE-LT shape). */
export function signatureXml(opts: SignatureXmlOptions): string {
  const p = { asic: 'asic', ds: 'ds', xades: 'xades', ...opts.prefixes };
  const empties = Object.values(p).filter((v) => v === '').length;
  if (empties > 1) throw new Error('only one namespace can be the default one');
  const q =
    (prefix: string) =>
    (local: string): string =>
      prefix ? `${prefix}:${local}` : local;
  const A = q(p.asic);
  const D = q(p.ds);
  const X = q(p.xades);
  const xmlns = (prefix: string, ns: string): string =>
    prefix ? `xmlns:${prefix}="${ns}"` : `xmlns="${ns}"`;
  const id = opts.id ?? 'S0';
  const alg = opts.digestAlgorithm ?? 'sha256';
  const digest = opts.digest ?? createHash(alg).update(opts.bytes).digest('base64');
  const uri = opts.uri ?? encodeURIComponent(opts.file);
  const certB64 = opts.certificate.toString('base64');
  const certDigest = createHash('sha256').update(opts.certificate).digest('base64');
  const roles = opts.role === undefined ? [] : Array.isArray(opts.role) ? opts.role : [opts.role];
  const roleEl = opts.roleElement ?? 'SignerRoleV2';
  const filler = Buffer.alloc(64, 7).toString('base64');
  const lines = [
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>`,
    `<${A('XAdESSignatures')} ${xmlns(p.asic, NS.asic)} ${xmlns(p.ds, NS.ds)} ${xmlns(p.xades, NS.xades)}>`,
    `<${D('Signature')} Id="${id}">`,
    `<${D('SignedInfo')}>`,
    `<${D('CanonicalizationMethod')} Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>`,
    `<${D('SignatureMethod')} Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>`,
    `<${D('Reference')} Id="${id}-RefId0" URI="${xmlEscape(uri)}">`,
    `<${D('DigestMethod')} Algorithm="${DIGEST_URI[alg]}"/>`,
    `<${D('DigestValue')}>${digest}</${D('DigestValue')}>`,
    `</${D('Reference')}>`,
    `<${D('Reference')} Id="${id}-RefId1" Type="http://uri.etsi.org/01903#SignedProperties" URI="#${id}-SignedProperties">`,
    `<${D('Transforms')}><${D('Transform')} Algorithm="http://www.w3.org/2006/12/xml-c14n11"/></${D('Transforms')}>`,
    `<${D('DigestMethod')} Algorithm="${DIGEST_URI.sha256}"/>`,
    `<${D('DigestValue')}>${filler.slice(0, 44)}</${D('DigestValue')}>`,
    `</${D('Reference')}>`,
    `</${D('SignedInfo')}>`,
    `<${D('SignatureValue')} Id="${id}-SIG">${filler}</${D('SignatureValue')}>`,
    `<${D('KeyInfo')} Id="${id}-KeyInfo">`,
    `<${D('X509Data')}><${D('X509Certificate')}>${certB64.replace(/.{64}/g, '$&\n')}</${D('X509Certificate')}></${D('X509Data')}>`,
    `</${D('KeyInfo')}>`,
    `<${D('Object')} Id="${id}-object-xades">`,
    `<${X('QualifyingProperties')} Id="${id}-QualifyingProperties" Target="#${id}">`,
    `<${X('SignedProperties')} Id="${id}-SignedProperties">`,
    `<${X('SignedSignatureProperties')} Id="${id}-SignedSignatureProperties">`,
    `<${X('SigningTime')}>${xmlEscape(opts.signingTime)}</${X('SigningTime')}>`,
    `<${X('SigningCertificateV2')}><${X('Cert')}><${X('CertDigest')}>`,
    `<${D('DigestMethod')} Algorithm="${DIGEST_URI.sha256}"/>`,
    `<${D('DigestValue')}>${certDigest}</${D('DigestValue')}>`,
    `</${X('CertDigest')}></${X('Cert')}></${X('SigningCertificateV2')}>`,
    ...(roles.length
      ? [
          `<${X(roleEl)}><${X('ClaimedRoles')}>`,
          ...roles.map((r) => `<${X('ClaimedRole')}>${xmlEscape(r)}</${X('ClaimedRole')}>`),
          `</${X('ClaimedRoles')}></${X(roleEl)}>`,
        ]
      : []),
    `</${X('SignedSignatureProperties')}>`,
    `<${X('SignedDataObjectProperties')}>`,
    `<${X('DataObjectFormat')} ObjectReference="#${id}-RefId0"><${X('MimeType')}>application/pdf</${X('MimeType')}></${X('DataObjectFormat')}>`,
    `</${X('SignedDataObjectProperties')}>`,
    `</${X('SignedProperties')}>`,
    ...(opts.timestamp === false
      ? []
      : [
          `<${X('UnsignedProperties')}><${X('UnsignedSignatureProperties')}>`,
          `<${X('SignatureTimeStamp')} Id="${id}-T0">`,
          `<${D('CanonicalizationMethod')} Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>`,
          `<${X('EncapsulatedTimeStamp')}>${filler}</${X('EncapsulatedTimeStamp')}>`,
          `</${X('SignatureTimeStamp')}>`,
          `</${X('UnsignedSignatureProperties')}></${X('UnsignedProperties')}>`,
        ]),
    `</${X('QualifyingProperties')}>`,
    `</${D('Object')}>`,
    `</${D('Signature')}>`,
    `</${A('XAdESSignatures')}>`,
  ];
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Containers

/** An OpenDocument manifest 1.2 listing the files (media type application/pdf unless given). */
export function manifestXml(files: { name: string; mediaType?: string }[]): string {
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>`,
    `<manifest:manifest xmlns:manifest="${NS.manifest}" manifest:version="1.2">`,
    ` <manifest:file-entry manifest:full-path="/" manifest:media-type="${ASICE_MIMETYPE}"/>`,
    ...files.map(
      (f) =>
        ` <manifest:file-entry manifest:full-path="${xmlEscape(f.name)}" manifest:media-type="${f.mediaType ?? 'application/pdf'}"/>`,
    ),
    `</manifest:manifest>`,
    '',
  ].join('\n');
}

/**
 * A signed container laid out as DigiDoc4 writes one: mimetype (stored, first), the data files
 * (deflated), META-INF/manifest.xml, META-INF/signatures0.xml, signatures1.xml, … (one per signer).
 */
export function digidocContainer(
  files: { name: string; bytes: Uint8Array; mediaType?: string }[],
  signatures: string[],
): Uint8Array {
  const enc = new TextEncoder();
  const mtime = new Date(2026, 0, 5, 10, 0, 0);
  const z: Zippable = { mimetype: [enc.encode(ASICE_MIMETYPE), { level: 0, mtime }] };
  for (const f of files) z[f.name] = [f.bytes, { level: 6, mtime }];
  z['META-INF/manifest.xml'] = [enc.encode(manifestXml(files)), { level: 6, mtime }];
  signatures.forEach((s, i) => {
    z[`META-INF/signatures${i}.xml`] = [enc.encode(s), { level: 6, mtime }];
  });
  return zipSync(z);
}

// ---------------------------------------------------------------------------------------------
// A raw zip writer for hostile inputs (fflate refuses to write most of them)

export interface RawEntry {
  name: string;
  /** The stored bytes (already compressed when `method` is 8). */
  data?: Uint8Array;
  /** 0 stored (default), 8 deflate, anything else. */
  method?: number;
  /** Defaults: the data's length. */
  compressedSize?: number;
  uncompressedSize?: number;
  /** Defaults to the real CRC-32 of `data` (wrong for method 8 unless `crc` is given). */
  crc?: number;
  /** General purpose flags (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8). */
  flags?: number;
  /** The local header's extra field. */
  extra?: Uint8Array;
  /** Left out of the central directory (present in the local headers only). */
  notInCentral?: boolean;
  /**
   * Sizes and CRC in a data descriptor after the data (flag bit 3, zeros in the local header), as
   * Java's ZipOutputStream (DigiDoc4j) writes deflated entries.
   */
  descriptor?: boolean;
}

let crcTable: Uint32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of data) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip with exactly these local headers, in this order, and their central directory entries in
 * the same order, or in `centralOrder` (indexes into `entries`).
 */
export function rawZip(entries: RawEntry[], centralOrder?: number[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const centralOf = new Map<number, Buffer>();
  let offset = 0;
  for (const [index, e] of entries.entries()) {
    const name = Buffer.from(e.name, 'utf8');
    const data = Buffer.from(e.data ?? new Uint8Array());
    const extra = Buffer.from(e.extra ?? new Uint8Array());
    const crc = e.crc ?? crc32(data);
    const csize = e.compressedSize ?? data.length;
    const usize = e.uncompressedSize ?? data.length;
    const flags = (e.flags ?? 0x0800) | (e.descriptor ? 0x0008 : 0);
    const method = e.method ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5c21, 12);
    local.writeUInt32LE(e.descriptor ? 0 : crc, 14);
    local.writeUInt32LE(e.descriptor ? 0 : csize >>> 0, 18);
    local.writeUInt32LE(e.descriptor ? 0 : usize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const descriptor = Buffer.alloc(e.descriptor ? 16 : 0);
    if (e.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(csize >>> 0, 8);
      descriptor.writeUInt32LE(usize >>> 0, 12);
    }
    const localBytes = Buffer.concat([local, name, extra, data, descriptor]);
    if (!e.notInCentral) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(method, 10);
      central.writeUInt16LE(0, 12);
      central.writeUInt16LE(0x5c21, 14);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(csize >>> 0, 20);
      central.writeUInt32LE(usize >>> 0, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt16LE(0, 30);
      central.writeUInt16LE(0, 32);
      central.writeUInt16LE(0, 34);
      central.writeUInt16LE(0, 36);
      central.writeUInt32LE(0, 38);
      central.writeUInt32LE(offset, 42);
      const bytes = Buffer.concat([central, name]);
      centrals.push(bytes);
      centralOf.set(index, bytes);
    }
    locals.push(localBytes);
    offset += localBytes.length;
  }
  const ordered = centralOrder ? centralOrder.map((i) => centralOf.get(i)!) : centrals;
  const cd = Buffer.concat(ordered);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(ordered.length, 8);
  end.writeUInt16LE(ordered.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
