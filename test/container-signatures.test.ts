/**
 * The signature reader (src/signing/signatures.ts): what a signatures*.xml claims, read whatever
 * prefixes its writer chose, and every malformed file a problem, never a crash.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateNames, readSignatures, signerOf } from '../src/signing/signatures.js';
import { makeCertificate, OID, signatureXml, type SignatureXmlOptions } from './signing-fixtures.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const mari = makeCertificate();

const options = (more: Partial<SignatureXmlOptions> = {}): SignatureXmlOptions => ({
  file: 'kokk.pdf',
  bytes: PDF,
  certificate: mari.der,
  signingTime: '2026-01-05T10:00:00Z',
  ...more,
});

const readOne = (xml: string) => {
  const all = readSignatures('META-INF/signatures0.xml', enc(xml));
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('readSignatures', () => {
  it.each([
    ['asic/ds/xades', { asic: 'asic', ds: 'ds', xades: 'xades' }],
    ['other prefixes', { asic: 'a', ds: 'dsig', xades: 'xa' }],
    ['ds as the default namespace', { asic: 'asic', ds: '', xades: 'xades' }],
    ['xades as the default namespace', { asic: 'asic', ds: 'ds', xades: '' }],
    ['asic as the default namespace', { asic: '', ds: 'ds', xades: 'xades' }],
  ])('reads a signature written with %s', (_, prefixes) => {
    const s = readOne(signatureXml(options({ prefixes, role: 'Töötaja' })));
    expect(s.problems).toEqual([]);
    expect(s.signer?.name).toBe('MARI TAMM');
    expect(s.signingTime).toBe('2026-01-05T10:00:00Z');
    expect(s.roles).toEqual(['Töötaja']);
    expect(s.timestamped).toBe(true);
    expect(s.references).toEqual([
      {
        uri: 'kokk.pdf',
        file: 'kokk.pdf',
        algorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
        hash: 'sha256',
        digest: createHash('sha256').update(PDF).digest('base64'),
      },
    ]);
  });

  it('skips the SignedProperties reference, decodes percent-encoded URIs, knows the digest names', () => {
    const s = readOne(signatureXml(options({ file: 'ametijuhend kokk ä.pdf', digestAlgorithm: 'sha512' })));
    expect(s.references).toHaveLength(1);
    expect(s.references[0]).toMatchObject({
      uri: 'ametijuhend%20kokk%20%C3%A4.pdf',
      file: 'ametijuhend kokk ä.pdf',
      hash: 'sha512',
      digest: createHash('sha512').update(PDF).digest('base64'),
    });
    const dotted = readOne(signatureXml(options({ uri: './kokk.pdf' })));
    expect(dotted.references[0]!.file).toBe('kokk.pdf');
  });

  it('reads roles of the older SignerRole element, several roles, and none', () => {
    expect(
      readOne(signatureXml(options({ role: ['Juhataja', 'Esindaja'], roleElement: 'SignerRole' }))).roles,
    ).toEqual(['Juhataja', 'Esindaja']);
    expect(readOne(signatureXml(options())).roles).toEqual([]);
    expect(readOne(signatureXml(options({ timestamp: false }))).timestamped).toBe(false);
  });

  it('two signatures in one file, in document order', () => {
    const one = signatureXml(options({ id: 'S0' }));
    const two = signatureXml(options({ id: 'S1', signingTime: '2026-02-01T00:00:00+02:00' }));
    const inner = (xml: string) =>
      xml.slice(xml.indexOf('<ds:Signature '), xml.indexOf('</asic:XAdESSignatures>'));
    const both = one.replace('</asic:XAdESSignatures>', `${inner(two)}</asic:XAdESSignatures>`);
    const read = readSignatures('META-INF/signatures0.xml', enc(both));
    expect(read.map((s) => [s.id, s.signingTime])).toEqual([
      ['S0', '2026-01-05T10:00:00Z'],
      ['S1', '2026-01-31T22:00:00Z'],
    ]);
  });

  it.each([
    ['not XML at all', 'this is not xml', /is not readable XML/],
    [
      'unclosed elements',
      '<asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#"><ds:Signature>',
      /is not readable XML/,
    ],
    [
      'another root',
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>',
      /not an XAdES signature file/,
    ],
    [
      'the right root name in no namespace',
      '<asic:XAdESSignatures xmlns:asic="urn:other"/>',
      /not an XAdES signature file/,
    ],
    [
      'no signature',
      '<asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#"/>',
      /holds no ds:Signature/,
    ],
    [
      'an entity expansion attack',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#">&lol2;</asic:XAdESSignatures>',
      /declares a DOCTYPE/,
    ],
    ['an external entity', '<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>', /declares a DOCTYPE/],
  ])('%s: one entry with a problem, in both languages', (_, xml, problem) => {
    const s = readOne(xml);
    expect(s.entry).toBe('META-INF/signatures0.xml');
    expect(s.signer).toBeUndefined();
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]).toMatch(problem);
    expect(s.problems[0]).toContain(' / '); // "en / et"
  });

  it('bytes that are not UTF-8', () => {
    const s = readSignatures('META-INF/signatures0.xml', new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]))[0]!;
    expect(s.problems[0]).toMatch(/not readable XML: not UTF-8/);
  });

  it('a missing, broken or non-base64 certificate, a missing or bad signing time, a reference without digest', () => {
    const xml = signatureXml(options());
    const noCert = readOne(xml.replace(/<ds:X509Certificate>[^<]*<\/ds:X509Certificate>/, ''));
    expect(noCert.signer).toBeUndefined();
    expect(noCert.problems.join()).toMatch(/carries no signer certificate/);
    const broken = readOne(xml.replace(/<ds:X509Certificate>[^<]*</, '<ds:X509Certificate>MIIBkTCB+wIJAK<'));
    expect(broken.problems.join()).toMatch(/signer certificate cannot be read/);
    const notB64 = readOne(xml.replace(/<ds:X509Certificate>[^<]*</, '<ds:X509Certificate>%%%<'));
    expect(notB64.problems.join()).toMatch(/signer certificate cannot be read/);
    const noTime = readOne(xml.replace(/<xades:SigningTime>[^<]*<\/xades:SigningTime>/, ''));
    expect(noTime.signingTime).toBeUndefined();
    expect(noTime.problems.join()).toMatch(/gives no signing time/);
    const badTime = readOne(xml.replace('2026-01-05T10:00:00Z', 'yesterday'));
    expect(badTime.problems.join()).toMatch(/"yesterday" is not a date and time/);
    const noDigest = readOne(xml.replace(/<ds:DigestValue>[^<]*<\/ds:DigestValue>/, ''));
    expect(noDigest.problems.join()).toMatch(/without URI, DigestMethod or DigestValue/);
    expect(noDigest.problems.join()).toMatch(/names no data file/);
    // the rest is still read
    expect(noDigest.signer?.name).toBe('MARI TAMM');
  });
});

describe('signerOf', () => {
  const signer = (opts: Parameters<typeof makeCertificate>[0]) =>
    signerOf(new X509Certificate(makeCertificate(opts).der));

  it('an ID card: name from GN and SN, the code from serialNumber, the issuer CN, the validity', () => {
    expect(signer({})).toEqual({
      name: 'MARI TAMM',
      givenName: 'MARI',
      surname: 'TAMM',
      commonName: 'TAMM,MARI,38001085718',
      personalCode: '38001085718',
      country: 'EE',
      issuer: 'TEST of ESTEID2018',
      validFrom: '2025-01-01T00:00:00Z',
      validTo: '2030-01-01T00:00:00Z',
    });
  });

  it('Smart-ID: the CN holds no code, and no code is ever taken from a CN', () => {
    const s = signer({
      commonName: 'Mari Tamm',
      givenName: 'Mari',
      surname: 'Tamm',
      serialNumber: 'PNOEE-38001085718',
    });
    expect(s).toMatchObject({ name: 'Mari Tamm', personalCode: '38001085718' });
    const noSerial = signer({ serialNumber: null });
    expect(noSerial.personalCode).toBeUndefined();
    expect(noSerial.commonName).toBe('TAMM,MARI,38001085718');
  });

  it('the fixture certificate parses as DER and as PEM, with the subject asked for', () => {
    const { der, pem } = makeCertificate({ commonName: 'Mari Tamm', givenName: 'Mari', surname: 'Tamm' });
    const fromPem = new X509Certificate(pem);
    expect(fromPem.raw.equals(der)).toBe(true);
    expect(fromPem.subject.split('\n')).toEqual([
      'C=EE',
      'CN=Mari Tamm',
      'SN=Tamm',
      'GN=Mari',
      'serialNumber=PNOEE-38001085718',
    ]);
    expect(fromPem.issuer).toContain('CN=TEST of ESTEID2018');
  });

  it('no GN and SN: the CN', () => {
    expect(signer({ givenName: null, surname: null, commonName: 'Mari Tamm' }).name).toBe('Mari Tamm');
  });

  it('an older ID card with the bare code, and identifiers that are not personal codes', () => {
    expect(signer({ serialNumber: '38001085718' })).toMatchObject({
      personalCode: '38001085718',
      country: 'EE',
    });
    expect(signer({ serialNumber: 'IDCEE-AS0123456' }).personalCode).toBeUndefined();
    expect(signer({ serialNumber: 'PNOLV-010180-12345' })).toMatchObject({
      personalCode: '010180-12345',
      country: 'LV',
    });
  });

  it('multi-valued RDNs and characters node escapes in its text form', () => {
    const subject = [
      [[OID.C, 'EE']],
      [
        [OID.CN, 'TAMM-KASK, MARI "+" ÕIE'],
        [OID.GN, 'MARI ÕIE'],
        [OID.SN, 'TAMM-KASK'],
      ],
      [[OID.serialNumber, 'PNOEE-48001085718']],
    ] as [string, string][][];
    const cert = new X509Certificate(makeCertificate({ subject }).der);
    expect(cert.subject).toContain('\\,'); // node's text form escapes: hence the DER reader
    expect(signerOf(cert)).toMatchObject({
      name: 'MARI ÕIE TAMM-KASK',
      commonName: 'TAMM-KASK, MARI "+" ÕIE',
      personalCode: '48001085718',
    });
    expect(certificateNames(cert.raw).subject).toEqual(subject.flat());
  });
});
