/**
 * The byte writers of patches.ts (fastWrite: the file's lines; textWrites: the lines of each
 * stream) must give exactly pdfkit's own bytes, also when text and bytes interleave in one stream
 * and for characters above U+00FF (pdfkit keeps the low byte of each code unit). A document made
 * after the prototype was patched but not marked keeps pdfkit's own code. A word shaped to
 * measure it is kept as the very run pdfkit would shape to draw it.
 */
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
  textWrites,
} from './patches.js';

type Doc = InstanceType<typeof PDFDocument>;

/** The same drawing on a fresh document, patched or not; its bytes. */
async function draw(patched: boolean): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    size: [200, 200],
    margin: 0,
    compress: true,
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
