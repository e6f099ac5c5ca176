/**
 * The unsigned container writer (src/signing/container-write.ts) byte by byte, and the container
 * reader (src/signing/container.ts) on containers DigiDoc writes and on hostile ones.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { deflateSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeContainer, manifestXml as ourManifest } from '../src/signing/container-write.js';
import { containerPdf, readContainer, readContainerFile } from '../src/signing/container.js';
import { message, type MessageId } from '../src/messages/index.js';
import { SigningFailure, type Container } from '../src/signing/types.js';
import {
  ASICE_MIMETYPE,
  crc32,
  digidocContainer,
  makeCertificate,
  manifestXml,
  rawZip,
  signatureXml,
  type RawEntry,
} from './signing-fixtures.js';

const enc = new TextEncoder();
const PDF = enc.encode('%PDF-1.7\n% a test PDF\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The SigningFailure `read` throws (the test fails when it throws none, or something else). */
function failure(read: () => unknown): SigningFailure {
  try {
    read();
  } catch (e) {
    if (e instanceof SigningFailure) {
      // every id has its message in both languages
      for (const lang of ['et', 'en'] as const) {
        const text = message(e.id as MessageId, lang, e.data);
        expect(text).not.toMatch(/\{\w+\}/);
      }
      return e;
    }
    throw e;
  }
  throw new Error('no SigningFailure thrown');
}

/** The local headers of a zip, in file order. */
function localHeaders(bytes: Uint8Array): {
  name: string;
  method: number;
  flags: number;
  extra: number;
  data: number;
  time: number;
  date: number;
}[] {
  const b = Buffer.from(bytes);
  const out = [];
  for (let at = 0; b.readUInt32LE(at) === 0x04034b50;) {
    const nameLength = b.readUInt16LE(at + 26);
    const extra = b.readUInt16LE(at + 28);
    const size = b.readUInt32LE(at + 18);
    out.push({
      name: b.subarray(at + 30, at + 30 + nameLength).toString('utf8'),
      flags: b.readUInt16LE(at + 6),
      method: b.readUInt16LE(at + 8),
      time: b.readUInt16LE(at + 10),
      date: b.readUInt16LE(at + 12),
      extra,
      data: at + 30 + nameLength + extra,
    });
    at += 30 + nameLength + extra + size;
  }
  return out;
}

const stored = (name: string, text: string | Uint8Array): RawEntry => ({
  name,
  data: typeof text === 'string' ? enc.encode(text) : text,
});

const deflated = (name: string, data: Uint8Array): RawEntry => ({
  name,
  data: deflateSync(data),
  method: 8,
  uncompressedSize: data.length,
  crc: crc32(data),
});

/** A container by hand: mimetype, the PDF, the manifest, then `more`. */
function handmade(more: RawEntry[] = [], manifestFiles = [{ name: 'a.pdf' }]): Uint8Array {
  return rawZip([
    stored('mimetype', ASICE_MIMETYPE),
    stored('a.pdf', PDF),
    stored('META-INF/manifest.xml', manifestXml(manifestFiles)),
    ...more,
  ]);
}

describe('writeContainer', () => {
  const bytes = writeContainer([{ name: 'kokk.pdf', bytes: PDF }]);

  it('starts with mimetype: stored, no extra field, no data descriptor, the content at offset 38', () => {
    const b = Buffer.from(bytes);
    expect(b.readUInt32LE(0)).toBe(0x04034b50);
    expect(b.readUInt16LE(6) & 0x0008).toBe(0); // no data descriptor
    expect(b.readUInt16LE(8)).toBe(0); // stored
    expect(b.readUInt32LE(18)).toBe(ASICE_MIMETYPE.length); // compressed size
    expect(b.readUInt32LE(22)).toBe(ASICE_MIMETYPE.length);
    expect(b.readUInt16LE(26)).toBe(8);
    expect(b.readUInt16LE(28)).toBe(0); // extra field length
    expect(b.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(b.subarray(38, 38 + 31).toString('latin1')).toBe('application/vnd.etsi.asic-e+zip');
    expect(b.readUInt32LE(38 + 31)).toBe(0x04034b50); // the next entry follows at once: no newline
  });

  it('holds exactly mimetype, the PDF (deflated, flat name) and the manifest, in that order', () => {
    const headers = localHeaders(bytes);
    expect(headers.map((h) => h.name)).toEqual(['mimetype', 'kokk.pdf', 'META-INF/manifest.xml']);
    expect(headers.map((h) => h.method)).toEqual([0, 8, 8]);
    expect(headers.every((h) => h.extra === 0 && (h.flags & 0x0008) === 0)).toBe(true);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['mimetype', 'kokk.pdf', 'META-INF/manifest.xml']);
    expect(Buffer.from(files['kokk.pdf']!).equals(Buffer.from(PDF))).toBe(true);
  });

  it('writes an OpenDocument 1.2 manifest with "/" and one entry per data file', () => {
    const xml = new TextDecoder().decode(unzipSync(bytes)['META-INF/manifest.xml']);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const ns = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
    const root = doc.documentElement!;
    expect(root.localName).toBe('manifest');
    expect(root.namespaceURI).toBe(ns);
    expect(root.getAttributeNS(ns, 'version')).toBe('1.2');
    const entries = [...Array(root.getElementsByTagNameNS(ns, 'file-entry').length).keys()].map((i) => {
      const e = root.getElementsByTagNameNS(ns, 'file-entry').item(i)!;
      return [e.getAttributeNS(ns, 'full-path'), e.getAttributeNS(ns, 'media-type')];
    });
    expect(entries).toEqual([
      ['/', 'application/vnd.etsi.asic-e+zip'],
      ['kokk.pdf', 'application/pdf'],
    ]);
  });

  it('dates every entry 2000-01-01 12:00:00 (DOS time, whatever the zone)', () => {
    for (const h of localHeaders(bytes)) {
      expect(h.date).toBe(((2000 - 1980) << 9) | (1 << 5) | 1);
      expect(h.time).toBe(12 << 11);
    }
  });

  it('is the same bytes every time', () => {
    expect(Buffer.from(writeContainer([{ name: 'kokk.pdf', bytes: PDF }])).equals(Buffer.from(bytes))).toBe(
      true,
    );
  });

  it('passes its own strict reading', () => {
    const c = readContainer(bytes, { strict: true });
    expect(c.mimetype).toBe(ASICE_MIMETYPE);
    expect(c.files.map((f) => [f.name, f.mediaType])).toEqual([['kokk.pdf', 'application/pdf']]);
    expect(Buffer.from(c.files[0]!.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(c.signatures).toEqual([]);
  });

  it('refuses names that are not flat or not unique', () => {
    for (const name of ['a/b.pdf', '../a.pdf', 'mimetype', '']) {
      expect(() => writeContainer([{ name, bytes: PDF }])).toThrow(/flat/);
    }
    expect(() =>
      writeContainer([
        { name: 'a.pdf', bytes: PDF },
        { name: 'a.pdf', bytes: PDF },
      ]),
    ).toThrow(/unique/);
  });

  it('escapes names in the manifest', () => {
    expect(ourManifest([{ name: 'a&"b<.pdf' }])).toContain('manifest:full-path="a&amp;&quot;b&lt;.pdf"');
  });
});

describe('readContainer on containers DigiDoc writes', () => {
  const mari = makeCertificate();
  const jaan = makeCertificate({
    commonName: 'Jaan Kask',
    givenName: 'Jaan',
    surname: 'Kask',
    serialNumber: 'PNOEE-37605030299',
    issuerCommonName: 'TEST of EID-SK 2016',
  });
  const signed = digidocContainer(
    [{ name: 'kokk.pdf', bytes: PDF }],
    [
      signatureXml({
        file: 'kokk.pdf',
        bytes: PDF,
        certificate: mari.der,
        signingTime: '2026-01-05T10:00:00Z',
        role: 'Töötaja',
      }),
      signatureXml({
        file: 'kokk.pdf',
        bytes: PDF,
        certificate: jaan.der,
        signingTime: '2026-01-06T08:30:00Z',
        role: ['Juhataja', 'Tööandja esindaja'],
        id: 'S1',
        prefixes: { asic: 'a', ds: '', xades: 'x' },
        timestamp: false,
      }),
    ],
  );

  it('gives the data files and both signers with names, codes, times, roles and digests', () => {
    const c: Container = readContainer(signed);
    expect(c.files.map((f) => f.name)).toEqual(['kokk.pdf']);
    expect(containerPdf(c).name).toBe('kokk.pdf');
    expect(c.signatures).toHaveLength(2);
    const [first, second] = c.signatures;
    const digest = createHash('sha256').update(PDF).digest('base64');
    expect(first).toMatchObject({
      entry: 'META-INF/signatures0.xml',
      id: 'S0',
      signingTime: '2026-01-05T10:00:00Z',
      timestamped: true,
      roles: ['Töötaja'],
      references: [{ uri: 'kokk.pdf', file: 'kokk.pdf', hash: 'sha256', digest }],
      problems: [],
    });
    expect(first!.signer).toMatchObject({
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
    expect(second).toMatchObject({
      entry: 'META-INF/signatures1.xml',
      id: 'S1',
      signingTime: '2026-01-06T08:30:00Z',
      timestamped: false,
      roles: ['Juhataja', 'Tööandja esindaja'],
      references: [{ file: 'kokk.pdf', digest }],
      problems: [],
    });
    expect(second!.signer).toMatchObject({
      name: 'Jaan Kask',
      personalCode: '37605030299',
      issuer: 'TEST of EID-SK 2016',
    });
  });

  it('accepts what libdigidocpp accepts: a deflated mimetype with a trailing newline', () => {
    const bytes = rawZip([
      deflated('mimetype', enc.encode(`${ASICE_MIMETYPE}\n`)),
      stored('a.pdf', PDF),
      stored('META-INF/manifest.xml', manifestXml([{ name: 'a.pdf' }])),
    ]);
    expect(readContainer(bytes).files[0]!.name).toBe('a.pdf');
    expect(failure(() => readContainer(bytes, { strict: true })).id).toBe(
      'signing.container.mimetypeCompressed',
    );
    const newline = rawZip([
      stored('mimetype', `${ASICE_MIMETYPE}\n`),
      stored('a.pdf', PDF),
      stored('META-INF/manifest.xml', manifestXml([{ name: 'a.pdf' }])),
    ]);
    expect(failure(() => readContainer(newline, { strict: true })).id).toBe(
      'signing.container.mimetypeNotExact',
    );
    const extra = rawZip([
      { ...stored('mimetype', ASICE_MIMETYPE), extra: new Uint8Array([0xfe, 0xca, 0, 0]) },
      stored('a.pdf', PDF),
      stored('META-INF/manifest.xml', manifestXml([{ name: 'a.pdf' }])),
    ]);
    expect(readContainer(extra).files).toHaveLength(1);
    expect(failure(() => readContainer(extra, { strict: true })).id).toBe(
      'signing.container.mimetypeExtraField',
    );
  });

  it('reads entries with data descriptors (as Java zip writers make them); strict refuses one on mimetype', () => {
    const bytes = rawZip([
      stored('mimetype', ASICE_MIMETYPE),
      { ...deflated('a.pdf', PDF), descriptor: true },
      {
        ...deflated('META-INF/manifest.xml', enc.encode(manifestXml([{ name: 'a.pdf' }]))),
        descriptor: true,
      },
    ]);
    const c = readContainer(bytes, { strict: true });
    expect(Buffer.from(c.files[0]!.bytes).equals(Buffer.from(PDF))).toBe(true);
    const described = rawZip([
      { ...stored('mimetype', ASICE_MIMETYPE), descriptor: true },
      stored('a.pdf', PDF),
      stored('META-INF/manifest.xml', manifestXml([{ name: 'a.pdf' }])),
    ]);
    expect(readContainer(described).files).toHaveLength(1);
    expect(failure(() => readContainer(described, { strict: true })).id).toBe(
      'signing.container.mimetypeDescriptor',
    );
  });

  it('ignores other META-INF files and directory entries, as libdigidocpp does', () => {
    const bytes = handmade([stored('META-INF/', ''), stored('META-INF/container.xml', '<x/>')]);
    expect(readContainer(bytes).files.map((f) => f.name)).toEqual(['a.pdf']);
  });
});

describe('readContainer on bad input', () => {
  const id = (bytes: Uint8Array): string => failure(() => readContainer(bytes)).id;

  it('a file that is not a zip', () => {
    expect(id(PDF)).toBe('signing.container.notZip');
    expect(id(new Uint8Array(0))).toBe('signing.container.notZip');
    expect(id(enc.encode('PK\u0003\u0004 and then nothing of a zip at all, just text'))).toBe(
      'signing.container.notZip',
    );
  });

  it('a zip that is not a container (a DOCX-like zip, no mimetype)', () => {
    const bytes = rawZip([
      stored('[Content_Types].xml', '<Types/>'),
      stored('word/document.xml', '<w:document/>'),
    ]);
    expect(id(bytes)).toBe('signing.container.noMimetype');
    expect(message('signing.container.noMimetype', 'en')).toMatch(/not an ASiC-E container/);
  });

  it('a mimetype that is not first', () => {
    const bytes = rawZip([
      stored('a.pdf', PDF),
      stored('mimetype', ASICE_MIMETYPE),
      stored('META-INF/manifest.xml', manifestXml([{ name: 'a.pdf' }])),
    ]);
    expect(id(bytes)).toBe('signing.container.mimetypeNotFirst');
    // first in the central directory (what libdigidocpp lists) but not first in the file
    const entries = [
      stored('a.pdf', PDF),
      stored('mimetype', ASICE_MIMETYPE),
      stored('META-INF/manifest.xml', manifestXml([{ name: 'a.pdf' }])),
    ];
    expect(id(rawZip(entries, [1, 0, 2]))).toBe('signing.container.mimetypeNotFirst');
    // and the other way round
    const reordered = [entries[1]!, entries[0]!, entries[2]!];
    expect(id(rawZip(reordered, [1, 0, 2]))).toBe('signing.container.mimetypeNotFirst');
    expect(readContainer(rawZip(reordered, [0, 1, 2])).files).toHaveLength(1);
  });

  it('a wrong mimetype, or one in UTF-16', () => {
    expect(id(rawZip([stored('mimetype', 'application/vnd.etsi.asic-s+zip')]))).toBe(
      'signing.container.wrongMimetype',
    );
    expect(failure(() => readContainer(rawZip([stored('mimetype', 'application/zip')]))).data).toEqual({
      found: 'application/zip',
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ASICE_MIMETYPE, 'utf16le')]);
    expect(id(rawZip([stored('mimetype', utf16)]))).toBe('signing.container.wrongMimetype');
  });

  it('no manifest, a manifest that does not parse, or one without "/"', () => {
    expect(id(rawZip([stored('mimetype', ASICE_MIMETYPE), stored('a.pdf', PDF)]))).toBe(
      'signing.container.noManifest',
    );
    const broken = rawZip([
      stored('mimetype', ASICE_MIMETYPE),
      stored('META-INF/manifest.xml', '<manifest:manifest'),
    ]);
    expect(id(broken)).toBe('signing.container.badManifest');
    const noRoot = manifestXml([{ name: 'a.pdf' }]).replace(/.*full-path="\/".*\n/, '');
    expect(
      id(
        rawZip([
          stored('mimetype', ASICE_MIMETYPE),
          stored('a.pdf', PDF),
          stored('META-INF/manifest.xml', noRoot),
        ]),
      ),
    ).toBe('signing.container.manifestNoRoot');
    const bomb = `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><m>&b;</m>`;
    expect(
      failure(() =>
        readContainer(rawZip([stored('mimetype', ASICE_MIMETYPE), stored('META-INF/manifest.xml', bomb)])),
      ).data,
    ).toEqual({
      detail: 'DOCTYPE',
    });
  });

  it('a top-level file not in the manifest, a manifest entry missing, a path listed twice', () => {
    expect(id(handmade([stored('extra.txt', 'x')]))).toBe('signing.container.notInManifest');
    expect(id(handmade([], [{ name: 'a.pdf' }, { name: 'b.pdf' }]))).toBe('signing.container.missingFile');
    expect(id(handmade([], [{ name: 'a.pdf' }, { name: 'a.pdf' }]))).toBe(
      'signing.container.manifestDuplicate',
    );
  });

  it('a container with no data file, and one with no PDF', () => {
    const none = rawZip([
      stored('mimetype', ASICE_MIMETYPE),
      stored('META-INF/manifest.xml', manifestXml([])),
    ]);
    expect(id(none)).toBe('signing.container.noDataFiles');
    const text = rawZip([
      stored('mimetype', ASICE_MIMETYPE),
      stored('notes.txt', 'hello'),
      stored('META-INF/manifest.xml', manifestXml([{ name: 'notes.txt', mediaType: 'text/plain' }])),
    ]);
    const c = readContainer(text);
    expect(c.files.map((f) => f.name)).toEqual(['notes.txt']);
    const e = failure(() => containerPdf(c));
    expect(e.id).toBe('signing.container.noPdf');
    expect(message('signing.container.noPdf', 'et', e.data)).toContain('notes.txt');
  });

  it('path traversal and unsafe names in entries or the manifest', () => {
    for (const name of [
      '../evil.pdf',
      'a/../../evil.pdf',
      '/etc/passwd',
      'C:/evil.pdf',
      'c:evil.pdf',
      'a\\..\\evil.pdf',
      'a\u0000.pdf',
      './a.pdf',
    ]) {
      const e = failure(() => readContainer(handmade([stored(name, 'x')])));
      expect(e.id).toBe('signing.container.unsafeName');
    }
    const listed = manifestXml([{ name: 'a.pdf' }, { name: '../../evil.pdf' }]);
    expect(
      id(
        rawZip([
          stored('mimetype', ASICE_MIMETYPE),
          stored('a.pdf', PDF),
          stored('META-INF/manifest.xml', listed),
        ]),
      ),
    ).toBe('signing.container.unsafeName');
  });

  it('a name given twice', () => {
    expect(id(handmade([stored('a.pdf', 'other bytes')]))).toBe('signing.container.duplicateName');
  });

  it('a 1 GB data file claim fails fast, before anything is allocated', () => {
    const bytes = handmade([
      {
        name: 'huge.pdf',
        data: deflateSync(new Uint8Array(1000)),
        method: 8,
        uncompressedSize: 1024 * 1024 * 1024,
      },
    ]);
    const before = process.memoryUsage().arrayBuffers;
    const start = performance.now();
    let thrown: unknown;
    try {
      readContainer(bytes);
    } catch (error) {
      thrown = error;
    }
    // no inflating, no allocating: a small fraction of what reading 1 GB would take
    expect(performance.now() - start).toBeLessThan(500);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    expect(thrown).toBeInstanceOf(SigningFailure);
    const e = failure(() => readContainer(bytes));
    expect(e.id).toBe('signing.container.entryTooLarge');
    expect(e.data).toMatchObject({ name: 'huge.pdf', size: 1024 });
  });

  it('a deflate stream that inflates past its declared size (a bomb in disguise) stops there', () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bytes = handmade([], [{ name: 'a.pdf' }]);
    const bomb = rawZip([
      stored('mimetype', ASICE_MIMETYPE),
      { name: 'a.pdf', data: deflateSync(zeros), method: 8, uncompressedSize: 1000, crc: 0 },
      stored('META-INF/manifest.xml', manifestXml([{ name: 'a.pdf' }])),
    ]);
    expect(readContainer(bytes).files).toHaveLength(1);
    expect(id(bomb)).toBe('signing.container.corrupt');
  });

  it('entries that overlap, or a local header naming another file', () => {
    const good = handmade();
    const b = Buffer.from(good);
    // point the manifest's central directory entry at the PDF's local header
    const cd = b.readUInt32LE(b.length - 22 + 16);
    let at = cd;
    const offsets: number[] = [];
    for (let i = 0; i < 3; i++) {
      offsets.push(at);
      at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    }
    const pdfLocal = b.readUInt32LE(offsets[1]! + 42);
    const moved = Buffer.from(b);
    moved.writeUInt32LE(pdfLocal, offsets[2]! + 42);
    expect(id(new Uint8Array(moved))).toBe('signing.container.corrupt');
  });

  it('encrypted entries and other compression methods', () => {
    expect(id(handmade([{ ...stored('x.pdf', 'x'), flags: 0x0801 }]))).toBe('signing.container.encrypted');
    expect(id(handmade([{ ...stored('x.pdf', 'x'), method: 99 }]))).toBe('signing.container.encrypted');
    const e = failure(() => readContainer(handmade([{ ...stored('x.pdf', 'x'), method: 12 }])));
    expect(e.id).toBe('signing.container.unsupportedMethod');
    expect(e.data).toMatchObject({ method: 12 });
  });

  it('a damaged entry (wrong CRC)', () => {
    expect(
      id(
        rawZip([
          stored('mimetype', ASICE_MIMETYPE),
          { ...stored('a.pdf', PDF), crc: 1 },
          stored('META-INF/manifest.xml', manifestXml([{ name: 'a.pdf' }])),
        ]),
      ),
    ).toBe('signing.container.corrupt');
  });

  it('too many entries', () => {
    const many = Array.from({ length: 1001 }, (_, i) => stored(`f${i}.pdf`, ''));
    expect(id(rawZip([stored('mimetype', ASICE_MIMETYPE), ...many]))).toBe(
      'signing.container.tooManyEntries',
    );
  });

  it('a malformed signature XML is a problem of that signature, not a crash', () => {
    const good = signatureXml({
      file: 'a.pdf',
      bytes: PDF,
      certificate: makeCertificate().der,
      signingTime: '2026-01-05T10:00:00Z',
    });
    const c = readContainer(
      handmade([
        stored('META-INF/signatures0.xml', good),
        stored('META-INF/signatures1.xml', '<asic:XAdESSignatures xmlns:asic="x"><unclosed>'),
      ]),
    );
    expect(c.signatures).toHaveLength(2);
    expect(c.signatures[0]!.problems).toEqual([]);
    expect(c.signatures[1]!.entry).toBe('META-INF/signatures1.xml');
    expect(c.signatures[1]!.signer).toBeUndefined();
    expect(c.signatures[1]!.problems.join()).toMatch(/signatures1\.xml is not readable XML/);
    expect(c.signatures[1]!.problems.join()).toMatch(/ei ole loetav XML/);
  });
});

describe('readContainerFile', () => {
  it('reads a file, and says why when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'container-'));
    writeFileSync(join(dir, 'a.asice'), writeContainer([{ name: 'a.pdf', bytes: PDF }]));
    expect(readContainerFile(join(dir, 'a.asice')).files[0]!.name).toBe('a.pdf');
    const missing = failure(() => readContainerFile(join(dir, 'none.asice')));
    expect(missing.id).toBe('signing.container.cannotRead');
    expect(message('signing.container.cannotRead', 'en', missing.data)).toMatch(
      /cannot read .*none\.asice: /,
    );
    mkdirSync(join(dir, 'folder.asice'));
    expect(failure(() => readContainerFile(join(dir, 'folder.asice'))).id).toBe(
      'signing.container.cannotRead',
    );
  });
});

describe('readContainer on damaged bytes', () => {
  it('any single damaged byte, or a truncation, gives a container or a SigningFailure, never a crash', () => {
    const good = digidocContainer(
      [{ name: 'a.pdf', bytes: PDF }],
      [
        signatureXml({
          file: 'a.pdf',
          bytes: PDF,
          certificate: makeCertificate().der,
          signingTime: '2026-01-05T10:00:00Z',
        }),
      ],
    );
    // a fixed sequence (xorshift), so a failure is the same every run
    let seed = 0x2545f491;
    const next = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 0x100000000;
    };
    const outcomes = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const bytes = new Uint8Array(good);
      if (i % 10 === 9) {
        const cut = Math.floor(next() * bytes.length);
        outcomes.add(tryRead(bytes.subarray(0, cut)));
      } else {
        bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
        outcomes.add(tryRead(bytes));
      }
    }
    // the damage was noticed, in more than one way
    expect(outcomes.size).toBeGreaterThan(3);
  });
});

function tryRead(bytes: Uint8Array): string {
  try {
    readContainer(bytes);
    return 'read';
  } catch (e) {
    if (!(e instanceof SigningFailure)) throw e;
    return e.id;
  }
}
