/**
 * The byte writers of patches.ts (fastWrite: the file's lines; textWrites: the lines of each
 * stream) must give exactly pdfkit's own bytes, also when text and bytes interleave in one stream
 * and for characters above U+00FF (pdfkit keeps the low byte of each code unit). A document made
 * after the prototype was patched but not marked keeps pdfkit's own code. A word shaped to
 * measure it is kept as the very run pdfkit would shape to draw it. Deflated streams hold
 * pdfkit's data: page content at TEXT_STREAM_LEVEL, bytes (the ICC profile) as pdfkit deflates them.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import type { FontkitGlyphRun } from 'fontkit';
import { drawFace, getFaces } from '../fonts.js';
import {
  fastWrite,
  keepShaped,
  pdfkitRun,
  registerParsedFont,
  shareLayoutCache,
  TEXT_STREAM_LEVEL,
  textWrites,
} from './patches.js';

type Doc = InstanceType<typeof PDFDocument>;

/** The same drawing on a fresh document, patched or not; its bytes (`compress`: PDF/A, deflated). */
async function draw(patched: boolean, compress = false): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    size: [200, 200],
    margin: 0,
    compress,
    ...(compress ? { subset: 'PDF/A-2b' as const } : {}),
    info: { CreationDate: new Date(0), ModDate: new Date(0) },
  });
  if (patched) {
    fastWrite(doc);
    textWrites(doc);
  }
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  doc.rect(10, 10, 50, 20).fill('#336699');
  doc.addContent('% a line with Ł € and 😀 (code units above U+00FF)');
  doc.text('Tere, maailm', 20, 40);
  // a stream that takes text, then bytes, then text again
  const ref = doc.ref({ Type: 'EmbeddedFile' });
  ref.write('first line');
  ref.write(new Uint8Array([0, 1, 2, 255]));
  ref.end('last line Ž');
  doc.addPage();
  doc.text('Teine lehekülg', 20, 20);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('the byte writers', () => {
  it('write exactly the bytes pdfkit writes', async () => {
    const own = await draw(false);
    const patched = await draw(true);
    expect(patched.length).toBeGreaterThan(1000);
    expect(patched.equals(own)).toBe(true);
    // and a document made after the patch, unmarked, still writes the same
    expect((await draw(false)).equals(own)).toBe(true);
  });

  it('record the offsets of every object right (the cross-reference table points at "N 0 obj")', async () => {
    const bytes = await draw(true);
    const text = bytes.toString('latin1');
    const xref = text.lastIndexOf('\nxref\n');
    const rows = text.slice(xref + 6).split('\n');
    const count = Number(rows[0]?.split(' ')[1]);
    expect(count).toBeGreaterThan(5);
    for (let id = 1; id < count; id++) {
      const offset = Number(rows[1 + id]?.slice(0, 10));
      expect(text.startsWith(`${id} 0 obj`, offset)).toBe(true);
    }
  });
});

/** Each stream object of a PDF: its dictionary without /Length, its bytes, and those inflated. */
function streams(pdf: Buffer): Map<string, { dict: string; raw: Buffer; data: Buffer }> {
  const text = pdf.toString('latin1');
  const out = new Map<string, { dict: string; raw: Buffer; data: Buffer }>();
  for (const m of text.matchAll(/(\d+) 0 obj\n(<<[\s\S]*?>>)\nstream\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(m[2] ?? '')?.[1]);
    const raw = pdf.subarray(start, start + length);
    const dict = (m[2] ?? '').replace(/\/Length \d+/, '');
    out.set(m[1] ?? '', { dict, raw, data: /FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return out;
}

describe('the streams of a compressed document', () => {
  it('hold the same data as pdfkit writes; text is deflated fast, bytes as pdfkit does and once', async () => {
    const own = streams(await draw(false, true));
    const patched = streams(await draw(true, true));
    expect([...patched.keys()]).toEqual([...own.keys()]);
    let text = 0;
    let icc = 0;
    for (const [id, ours] of patched) {
      const theirs = own.get(id)!;
      expect(ours.dict, `object ${id}`).toBe(theirs.dict);
      expect(ours.data.equals(theirs.data), `object ${id}`).toBe(true);
      if (!/FlateDecode/.test(ours.dict)) continue;
      if (/\/N 3/.test(ours.dict)) {
        // the ICC profile: zlib's default level, as pdfkit
        icc++;
        expect(ours.raw.equals(theirs.raw)).toBe(true);
      } else if (ours.data.includes('Tf')) {
        // a page's content
        text++;
        expect(ours.raw.equals(deflateSync(ours.data, { level: TEXT_STREAM_LEVEL }))).toBe(true);
      }
    }
    expect(icc).toBe(1);
    expect(text).toBe(2);
    // the next document's profile is the same bytes (deflated once per process)
    const again = [...streams(await draw(true, true)).values()].find((s) => /\/N 3/.test(s.dict));
    expect(again?.raw.equals([...patched.values()].find((s) => /\/N 3/.test(s.dict))!.raw)).toBe(true);
  });
});

describe('keepShaped (a measured word kept for drawing)', () => {
  // Latin with kerning and ligatures, a trailing blank, Cyrillic and Greek, combining marks
  // (glyph offsets) and Arabic (right to left), in a face of 1000 units per em and one of 2048
  const words = ['Tõnu', 'office ', 'AVAWAY', 'Ülesanne\t', 'Щука', 'λόγος', 'e\u0301\u0323', 'سلام', '1.'];
  const faces = [
    { key: 'regular', font: getFaces().regular.font },
    { key: 'regularFb', font: drawFace('regularFb').font },
  ] as const;

  it("gives exactly the run pdfkit's layoutRun makes for the text", () => {
    for (const { key, font } of faces) {
      const doc: Doc = new PDFDocument({ size: [200, 200], font: null as unknown as string });
      registerParsedFont(doc, key, font);
      doc.font(key);
      const pdfkitFont = (doc as unknown as { _font: { layoutRun(text: string): FontkitGlyphRun } })._font;
      for (const word of words) {
        const ours = pdfkitRun(font, font.layout(word));
        const theirs = pdfkitFont.layoutRun(word);
        const plain = (run: FontkitGlyphRun): unknown => ({
          glyphs: run.glyphs.map((g) => g.id),
          positions: (run as unknown as { positions: unknown[] }).positions.map((p) => ({
            ...(p as object),
          })),
        });
        expect(plain(ours), `${key} ${word}`).toEqual(plain(theirs));
      }
    }
  });

  it('serves the next document that draws the word, which then shapes nothing', () => {
    const { font } = faces[0];
    const word = 'Kvaliteedijuhtimissüsteem';
    keepShaped('regular', font, word, font.layout(word));
    keepShaped('regular', font, 'two words', font.layout('two words')); // not one of pdfkit's pieces
    const doc: Doc = new PDFDocument({ size: [200, 200], font: null as unknown as string });
    registerParsedFont(doc, 'regular', font);
    doc.font('regular');
    shareLayoutCache(doc, 'regular');
    const cache = (doc as unknown as { _font: { layoutCache: Record<string, unknown> } })._font.layoutCache;
    expect(cache[word]).toBeDefined();
    expect(cache['two words']).toBeUndefined();
    const layout = font.layout.bind(font);
    let shaped = 0;
    font.layout = (text: string) => {
      shaped++;
      return layout(text);
    };
    try {
      (doc as unknown as { _font: { encode(text: string): unknown } })._font.encode(word);
    } finally {
      font.layout = layout;
    }
    expect(shaped).toBe(0);
  });
});
