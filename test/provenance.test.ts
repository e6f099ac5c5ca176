/**
 * The provenance fields' strings (src/util/provenance.ts): what every format embeds and reads back.
 */
import { describe, expect, it } from 'vitest';
import {
  infoKey,
  isDocumentCodeLine,
  parseProvenance,
  propertyName,
  provenanceFields,
  shortCode,
  type Provenance,
} from '../src/util/provenance.js';

const FINGERPRINT = '3f9a0c1b22c2'.padEnd(64, '0');
const P: Provenance = {
  id: 'ekspert',
  version: '1.0',
  reviewed: '2026-03-01',
  tool: '0.1.0',
  fingerprint: FINGERPRINT,
  parts: { title: '0123456789', 'extra:Muud ülesanded; a=b%': 'abcdefabcd' },
  personalisation: { employee: 'Õie Mägi', role: 'juht' },
};

const roundTrip = (p: Provenance): Provenance | undefined => {
  const fields = new Map(provenanceFields(p));
  return parseProvenance((f) => fields.get(f));
};

describe('provenance fields', () => {
  it('name the keys of each format', () => {
    expect(infoKey('fingerprint')).toBe('AmetijuhendFingerprint');
    expect(propertyName('fingerprint')).toBe('ametijuhend.fingerprint');
    expect(shortCode(FINGERPRINT)).toBe('3f9a0c1b22c2');
  });

  it('read back as they were written, a part named by any heading too', () => {
    expect(roundTrip(P)).toEqual(P);
    const parts = new Map(provenanceFields(P)).get('parts');
    expect(parts).toBe('extra:Muud%20%C3%BClesanded%3B%20a%3Db%25=abcdefabcd;title=0123456789');
  });

  it('are no provenance without an id, a tool or a 64-digit fingerprint', () => {
    const fields = new Map(provenanceFields(P));
    for (const missing of ['id', 'tool', 'fingerprint'] as const)
      expect(parseProvenance((f) => (f === missing ? undefined : fields.get(f)))).toBeUndefined();
    expect(parseProvenance((f) => (f === 'fingerprint' ? 'abc' : fields.get(f)))).toBeUndefined();
  });

  it('drop a malformed parts entry and keep the rest', () => {
    const fields = new Map(provenanceFields(P));
    fields.set('parts', 'title=0123456789;bad;=ff;x%E0=00;extra:a=zz;unit=ABCDEF0123');
    expect(parseProvenance((f) => fields.get(f))?.parts).toEqual({ title: '0123456789', unit: 'abcdef0123' });
  });
});

describe('isDocumentCodeLine', () => {
  it.each(['Dokumendi kood: 3f9a0c1b22c2', 'Document code: 3f9a0c1b22c2', '  Dokumendi  kood:3F9A0C1B22C2 '])(
    'is the printed code: %s',
    (line) => expect(isDocumentCodeLine(line)).toBe(true),
  );
  it.each([
    'Dokumendi kood: 3f9a0c',
    'Dokumendi kood: 3f9a0c1b22c2 ja muu',
    'Kood: 3f9a0c1b22c2',
    'dokumendi kood',
  ])('is text of the description: %s', (line) => expect(isDocumentCodeLine(line)).toBe(false));
});
