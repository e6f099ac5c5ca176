/**
 * Writes a run of text straight into the page's content stream. pdfkit's text() re-measures,
 * re-shapes and transforms for every call; a line's fragments are already measured here, so this
 * writes one BT … TJ … ET per fragment with pdfkit's own glyph encoding (which also records the
 * glyphs for the font subset, its widths and ToUnicode map).
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** The parts of pdfkit's (untyped) internals used here. */
interface Internals {
  _font: {
    id: string;
    ascender: number;
    encode(text: string): [string[], GlyphPosition[]];
    ref(): unknown;
  };
  page: { fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * Draws `text` in the current font and fill colour with the top of its line box at (x, top).
 * Returns false (drawing nothing) for text that needs glyph offsets (combining marks): the caller
 * then falls back to pdfkit's text().
 */
export function writeText(
  doc: Doc,
  text: string,
  size: number,
  x: number,
  top: number,
  characterSpacing = 0,
): boolean {
  const d = doc as unknown as Internals;
  const font = d._font;
  const [encoded, positions] = font.encode(text);
  if (positions.some((p) => p.xOffset || p.yOffset)) return false;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const baseline = top + (font.ascender / 1000) * size;
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] as GlyphPosition;
    const adjust = p.xAdvance - p.advanceWidth;
    if (adjust !== 0) {
      parts.push(`<${encoded.slice(last, i + 1).join('')}> ${num(-adjust)}`);
      last = i + 1;
    }
  }
  if (last < encoded.length) parts.push(`<${encoded.slice(last).join('')}>`);
  // The page's user space is flipped (y down); the text matrix flips back so glyphs stand upright.
  let content = `BT\n1 0 0 -1 ${num(x)} ${num(baseline)} Tm\n/${font.id} ${num(size)} Tf\n`;
  if (characterSpacing) content += `${num(characterSpacing)} Tc\n`;
  content += `[${parts.join(' ')}] TJ\n`;
  if (characterSpacing) content += '0 Tc\n';
  content += 'ET';
  d.addContent(content);
  return true;
}
