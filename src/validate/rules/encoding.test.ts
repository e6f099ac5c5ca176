import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, only, REFERENCE, replace } from '../../../test/helpers.js';
import { Collector } from '../rule.js';
import { decodeText } from './encoding.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The reference document's bytes with `insert` put in at byte `offset`. */
function withBytes(offset: number, insert: number[]): Uint8Array {
  const bytes = utf8(REFERENCE);
  return new Uint8Array([...bytes.subarray(0, offset), ...insert, ...bytes.subarray(offset)]);
}

describe('encoding', () => {
  it('reports an invalid UTF-8 byte at its line and column (characters, not bytes)', () => {
    // byte 30 is inside "psühhosotsiaalne" on line 2, after 25 characters (ü takes two bytes)
    const r = compileRef(withBytes(30, [0xff]));
    const d = only(r, 'encoding');
    expect([d.line, d.column, d.severity]).toEqual([2, 26, 'error']);
    expect(d.message).toContain('UTF-8');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.model).toBeUndefined();
    expect(only(compileRef(withBytes(30, [0xff]), { lang: 'en' }), 'encoding').message).toContain(
      'not UTF-8',
    );
  });

  it('reports a Windows-1257 "õ" (0xF5) where it is', () => {
    const text = utf8(REFERENCE);
    const at = utf8(REFERENCE.slice(0, REFERENCE.indexOf('Tiimijuht'))).length;
    const d = only(
      compileRef(new Uint8Array([...text.subarray(0, at), 0x54, 0xf5, 0x0a, ...text.subarray(at)])),
      'encoding',
    );
    expect([d.line, d.column]).toEqual([6, 13]);
  });

  it('reports a truncated multi-byte sequence at the end of the file', () => {
    const d = only(compileRef(new Uint8Array([...utf8(REFERENCE), 0xc3])), 'encoding');
    expect(d.line).toBe(REFERENCE.split('\n').length);
  });

  it('reports binary content with NUL bytes', () => {
    const r = compileRef(withBytes(30, [0x00, 0x01, 0x02]));
    const d = only(r, 'encoding');
    expect([d.line, d.column]).toEqual([2, 26]);
    expect(d.message).toContain('binaar');
    expect(
      only(compileRef(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), { lang: 'en' }), 'encoding')
        .message,
    ).toContain('NUL');
  });

  it('reports a binary file that is not UTF-8 either (a PNG header)', () => {
    const d = only(
      compileRef(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
      'encoding',
    );
    expect([d.line, d.column]).toEqual([1, 1]);
  });

  it('accepts a BOM and CRLF line endings with the same line numbers', () => {
    const crlf = REFERENCE.replace(/\n/g, '\r\n');
    expectClean(compileRef(utf8(`\uFEFF${crlf}`)));
    expectClean(compileRef(`\uFEFF${crlf}`));
    expectClean(compileRef(crlf));
    const broken = `\uFEFF${replace(REFERENCE, 'level: C1', 'level: C3').replace(/\n/g, '\r\n')}`;
    expect(only(compileRef(utf8(broken)), 'language-level')).toMatchObject({ line: 14, column: 14 });
    const heading = replace(REFERENCE, '## Tööülesanded', '## Tööülesanded2').replace(/\n/g, '\r\n');
    expect(only(compileRef(utf8(`\uFEFF${heading}`)), 'unknown-section')).toMatchObject({
      line: 54,
      column: 1,
    });
  });

  it('accepts old Mac CR line endings', () => {
    expectClean(compileRef(REFERENCE.replace(/\n/g, '\r')));
  });
});

describe('decodeText (the rule’s logic, as compile and the config loader call it)', () => {
  it('gives the text of UTF-8 bytes (no BOM, LF line ends) and reports nothing', () => {
    const c = new Collector('en', 'a.md');
    expect(decodeText(Buffer.from('\uFEFFa\r\nb', 'utf8'), c)).toBe('a\nb');
    expect(c.diagnostics).toEqual([]);
  });

  it('reports bytes that are not UTF-8, or a NUL, at their place in the named file', () => {
    const c = new Collector('en', 'a.md');
    expect(decodeText(Buffer.from([0x61, 0x0a, 0x62, 0xe4]), c, 'b.yaml')).toBeUndefined();
    expect(decodeText('x\0', c)).toBeUndefined();
    expect(c.diagnostics.map((d) => [d.file, d.line, d.column, d.rule])).toEqual([
      ['b.yaml', 2, 2, 'encoding'],
      ['a.md', 1, 2, 'encoding'],
    ]);
    expect(c.diagnostics[1]!.message).toContain('NUL');
  });
});
