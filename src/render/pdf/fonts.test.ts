/**
 * Widths (fonts.ts): a text of several words is measured as pdfkit draws it (chunk by chunk, see
 * CHUNK), so the layout's widths and the drawn text agree; a chunk is shaped once per process, so
 * fitting a second document's footer shapes almost nothing.
 */
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { getFaces, measureStats, FONT_KEYS, fontPath } from './fonts.js';

const TEXTS = [
  'Sotsiaalkindlustusamet · Ekspert (psühhosotsiaalne kriisiabi) · Versioon 3',
  'Dokumendi kood: 3f9a0c1b22c2',
  'To  two\tspaces, a tab, “quotes” – and ffi ligatures: office, affine',
  'Tere',
  ' leading and trailing blanks ',
];

describe('face widths', () => {
  it.each(FONT_KEYS)('equal what pdfkit measures for the same text (%s)', (key) => {
    const doc = new PDFDocument({ size: [200, 200], margin: 0 });
    doc.registerFont(key, fontPath(key));
    doc.font(key).fontSize(10);
    for (const text of TEXTS)
      expect(getFaces()[key].width(text) * 10).toBeCloseTo(doc.widthOfString(text), 9);
  });

  it('shape a chunk once: a new text of known words costs only its new words', () => {
    const face = getFaces().regular;
    face.width('Riigi Infosüsteemi Amet · Peaspetsialist · Versioon 12');
    const before = measureStats.chars;
    const w = face.width('Riigi Infosüsteemi Amet · Peaspetsialist · Versioon 13');
    expect(measureStats.chars - before).toBe(2); // "13"
    expect(w).toBeGreaterThan(0);
  });
});
