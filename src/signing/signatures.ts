/**
 * Reading META-INF/signatures*.xml of a container for what it claims (issue 11 §3), without
 * validating any cryptography: who signed (the certificate's subject), when by their own clock
 * (xades:SigningTime), in which role (xades:ClaimedRole), over which digests (ds:Reference), and
 * whether a time stamp is present. Namespace-aware (prefixes vary between writers).
 *
 * The certificate is parsed by node:crypto's X509Certificate; its subject and issuer are read from
 * the DER itself (a small reader below) rather than from X509Certificate.subject, whose text form
 * escapes (`TAMM\,MARI\,…`), joins multi-valued RDNs with " + " and names attributes as OpenSSL
 * knows them. The personal code comes from serialNumber (2.5.4.5: `PNOEE-38001085718`, or the bare
 * code of older ID cards), never from CN: a Smart-ID CN holds none, and a CN is free text.
 *
 * A file that cannot be read gives one signature entry whose `problems` say why (never a throw): the
 * caller still reports the container's data files, and says the signature could not be read.
 */
import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { bilingual, type MessageId } from '../messages/index.js';
import type { ContainerSignature, SignedReference, Signer } from './types.js';
import { attr, child, children, descendants, parseXml, text, XmlProblem } from './xml.js';

export const SIGNATURE_NS = {
  asic: 'http://uri.etsi.org/02918/v1.2.1#',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
} as const;

/** A signature file larger than this is not one (libdigidocpp's are a few tens of kB). */
export const MAX_SIGNATURE_BYTES = 16 * 1024 * 1024;

/** XML-DSig / XML-Enc digest algorithm URIs → node:crypto's names. */
const DIGESTS: Readonly<Record<string, SignedReference['hash']>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#sha224': 'sha224',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

const SIGNED_PROPERTIES = /#SignedProperties$/;

// ---------------------------------------------------------------------------------------------
// DER: just enough to walk a certificate to its issuer and subject names

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function tlv(b: Uint8Array, at: number, limit: number): Tlv {
  if (at + 2 > limit) throw new Error('truncated');
  const tag = b[at]!;
  let length = b[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4 || start + n > limit) throw new Error('bad length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + b[start + i]!;
    start += n;
  }
  const end = start + length;
  if (end > limit) throw new Error('truncated');
  return { tag, start, end };
}

function items(b: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const t = tlv(b, at, parent.end);
    out.push(t);
    at = t.end;
  }
  return out;
}

function oidOf(b: Uint8Array, t: Tlv): string {
  const bytes = b.subarray(t.start, t.end);
  if (bytes.length === 0) throw new Error('empty OID');
  const parts: number[] = [];
  let v = 0;
  for (let i = 0; i < bytes.length; i++) {
    v = v * 128 + (bytes[i]! & 0x7f);
    if (!(bytes[i]! & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function stringOf(b: Uint8Array, t: Tlv): string {
  const bytes = Buffer.from(b.subarray(t.start, t.end));
  switch (t.tag) {
    case 0x1e: // BMPString: UTF-16BE
      return bytes.swap16().toString('utf16le');
    case 0x1c: {
      // UniversalString: UTF-32BE
      let s = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) s += String.fromCodePoint(bytes.readUInt32BE(i));
      return s;
    }
    case 0x14: // TeletexString: read as Latin-1 (what it holds in practice)
      return bytes.toString('latin1');
    default: // UTF8String, PrintableString, IA5String …
      return bytes.toString('utf8');
  }
}

/** A distinguished name as [OID, value] pairs, in order (a multi-valued RDN's values in turn). */
type Name = [string, string][];

function nameOf(b: Uint8Array, t: Tlv): Name {
  const out: Name = [];
  for (const rdn of items(b, t)) {
    for (const atv of items(b, rdn)) {
      const [type, value] = items(b, atv);
      if (!type || !value || type.tag !== 0x06) throw new Error('bad attribute');
      out.push([oidOf(b, type), stringOf(b, value)]);
    }
  }
  return out;
}

/** The issuer and subject of a certificate's DER. */
export function certificateNames(der: Uint8Array): { issuer: Name; subject: Name } {
  const cert = tlv(der, 0, der.length);
  const [tbs] = items(der, cert);
  if (!tbs) throw new Error('no TBSCertificate');
  const parts = items(der, tbs);
  const offset = parts[0]?.tag === 0xa0 ? 1 : 0; // the explicit [0] version
  const issuer = parts[offset + 2];
  const subject = parts[offset + 4];
  if (!issuer || !subject || issuer.tag !== 0x30 || subject.tag !== 0x30) throw new Error('no names');
  return { issuer: nameOf(der, issuer), subject: nameOf(der, subject) };
}

const OID = { CN: '2.5.4.3', SN: '2.5.4.4', serialNumber: '2.5.4.5', C: '2.5.4.6', GN: '2.5.4.42' };

const values = (name: Name, oid: string): string[] =>
  name
    .filter(([o]) => o === oid)
    .map(([, v]) => v.trim())
    .filter((v) => v !== '');

/** Who a certificate names (never validated). */
export function signerOf(certificate: X509Certificate): Signer {
  const { issuer, subject } = certificateNames(certificate.raw);
  const given = values(subject, OID.GN).join(' ');
  const surname = values(subject, OID.SN).join(' ');
  const common = values(subject, OID.CN)[0];
  const name =
    given && surname
      ? `${given} ${surname}`
      : (common ?? ([given, surname].filter(Boolean).join(' ') || '?'));
  const signer: Signer = { name };
  if (given) signer.givenName = given;
  if (surname) signer.surname = surname;
  if (common !== undefined) signer.commonName = common;
  const serial = values(subject, OID.serialNumber)[0];
  // ETSI EN 319 412-1 semantics identifier: PNO = a national personal number (IDC, PAS … are not)
  const semantics = serial !== undefined ? /^PNO([A-Z]{2})-(.+)$/.exec(serial) : null;
  if (semantics) {
    signer.country = semantics[1]!;
    signer.personalCode = semantics[2]!;
  } else if (serial !== undefined && /^\d{11}$/.test(serial)) {
    // ID cards before 2018: the bare code
    signer.personalCode = serial;
    const country = values(subject, OID.C)[0];
    if (country) signer.country = country;
  }
  const issuerCn = values(issuer, OID.CN)[0];
  if (issuerCn !== undefined) signer.issuer = issuerCn;
  const iso = (s: string): string | undefined => {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace('.000Z', 'Z');
  };
  const from = iso(certificate.validFrom);
  const to = iso(certificate.validTo);
  if (from) signer.validFrom = from;
  if (to) signer.validTo = to;
  return signer;
}

// ---------------------------------------------------------------------------------------------

const problem = (id: MessageId, data: Record<string, string | number> = {}): string => bilingual(id, data);

function reference(el: Element, problems: string[], entry: string): SignedReference | undefined {
  const uri = attr(el, 'URI');
  const method = child(el, SIGNATURE_NS.ds, 'DigestMethod');
  const algorithm = attr(method, 'Algorithm');
  const digest = text(child(el, SIGNATURE_NS.ds, 'DigestValue'))?.replace(/\s+/g, '');
  if (uri === undefined || algorithm === undefined || !digest) {
    problems.push(problem('signing.signature.badReference', { entry, uri: uri ?? '' }));
    return undefined;
  }
  const out: SignedReference = { uri, algorithm, digest };
  const hash = DIGESTS[algorithm];
  if (hash) out.hash = hash;
  if (!uri.startsWith('#')) {
    let file = uri;
    try {
      file = decodeURIComponent(uri);
    } catch {
      // not percent-encoded after all: as written
    }
    out.file = file.replace(/^(\.\/)+/, '');
  }
  return out;
}

function certificateOf(signature: Element, problems: string[], entry: string): Signer | undefined {
  const keyInfo = child(signature, SIGNATURE_NS.ds, 'KeyInfo');
  const data = children(keyInfo, SIGNATURE_NS.ds, 'X509Data');
  const cert = data.map((d) => child(d, SIGNATURE_NS.ds, 'X509Certificate')).find((c) => c !== undefined);
  const b64 = text(cert)?.replace(/\s+/g, '');
  if (!b64) {
    problems.push(problem('signing.signature.noCertificate', { entry }));
    return undefined;
  }
  try {
    if (!/^[A-Za-z0-9+/]+=*$/.test(b64)) throw new Error('not base64');
    return signerOf(new X509Certificate(Buffer.from(b64, 'base64')));
  } catch {
    problems.push(problem('signing.signature.badCertificate', { entry }));
    return undefined;
  }
}

function readOne(signature: Element, entry: string): ContainerSignature {
  const problems: string[] = [];
  const out: ContainerSignature = { entry, timestamped: false, roles: [], references: [], problems };
  const id = attr(signature, 'Id');
  if (id !== undefined) out.id = id;
  const signedInfo = child(signature, SIGNATURE_NS.ds, 'SignedInfo');
  for (const el of children(signedInfo, SIGNATURE_NS.ds, 'Reference')) {
    if (SIGNED_PROPERTIES.test(attr(el, 'Type') ?? '')) continue;
    const ref = reference(el, problems, entry);
    if (ref) out.references.push(ref);
  }
  if (!out.references.some((r) => r.file !== undefined))
    problems.push(problem('signing.signature.noReference', { entry }));
  const signer = certificateOf(signature, problems, entry);
  if (signer) out.signer = signer;
  const properties = descendants(signature, SIGNATURE_NS.xades, 'SignedSignatureProperties')[0];
  const time = text(child(properties, SIGNATURE_NS.xades, 'SigningTime'))?.trim();
  if (time === undefined) problems.push(problem('signing.signature.noSigningTime', { entry }));
  else {
    const d = new Date(time);
    if (!/^\d{4}-\d\d-\d\dT/.test(time) || Number.isNaN(d.getTime()))
      problems.push(problem('signing.signature.badSigningTime', { entry, time: time.slice(0, 40) }));
    else out.signingTime = d.toISOString().replace('.000Z', 'Z');
  }
  if (properties) {
    for (const role of descendants(properties, SIGNATURE_NS.xades, 'ClaimedRole')) {
      const value = (role.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (value) out.roles.push(value);
    }
  }
  out.timestamped = descendants(signature, SIGNATURE_NS.xades, 'SignatureTimeStamp').length > 0;
  return out;
}

/** The signatures in one signatures*.xml entry (one entry with problems when it cannot be read). */
export function readSignatures(entry: string, bytes: Uint8Array): ContainerSignature[] {
  const unreadable = (id: MessageId, data: Record<string, string> = {}): ContainerSignature[] => [
    { entry, timestamped: false, roles: [], references: [], problems: [problem(id, { entry, ...data })] },
  ];
  if (bytes.length > MAX_SIGNATURE_BYTES)
    return unreadable('signing.signature.tooLarge', { max: String(MAX_SIGNATURE_BYTES / 1048576) });
  let root: Element;
  try {
    root = parseXml(bytes).documentElement!;
  } catch (e) {
    if (e instanceof XmlProblem && e.kind === 'doctype') return unreadable('signing.signature.doctype');
    return unreadable('signing.signature.unreadable', { detail: (e as Error).message });
  }
  if (root.localName !== 'XAdESSignatures' || root.namespaceURI !== SIGNATURE_NS.asic) {
    const found = `${root.namespaceURI ? `{${root.namespaceURI}}` : ''}${root.localName ?? root.nodeName}`;
    return unreadable('signing.signature.wrongRoot', { found: found.slice(0, 120) });
  }
  const signatures = children(root, SIGNATURE_NS.ds, 'Signature');
  if (signatures.length === 0) return unreadable('signing.signature.none');
  return signatures.map((s) => readOne(s, entry));
}
