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
    name: string;
    ascender: number;
    encode(text: string): [string[], GlyphPosition[]];
    ref(): unknown;
    /** Set by font-subset.ts when the face's standard glyph set leads the document's subset. */
    standardSubset?: { length: number };
  };
  page: { fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * Encoded runs of text in the standard glyph set, by face and text. With the standard set leading
 * every document's subset (font-subset.ts), a glyph of that set has the same code in every
 * document, so a run made of such glyphs encodes the same everywhere and is encoded once.
 */
const runs = new Map<string, string | null>();
const RUN_CACHE_LIMIT = 50_000;

/** The TJ operand of `text` (glyph codes with kerning), or undefined when it needs glyph offsets. */
function glyphRun(font: Internals['_font'], text: string): string | undefined {
  const standard = font.standardSubset?.length;
  const key = standard === undefined ? undefined : `${font.name}\0${text}`;
  if (key !== undefined) {
    const known = runs.get(key);
    if (known !== undefined) return known ?? undefined;
  }
  const [encoded, positions] = font.encode(text);
  let body: string | null;
  if (positions.some((p) => p.xOffset || p.yOffset)) body = null;
  else {
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
    body = parts.join(' ');
  }
  // only runs whose every glyph is in the standard set have the same codes in other documents
  if (key !== undefined && standard !== undefined && encoded.every((code) => parseInt(code, 16) < standard)) {
    if (runs.size >= RUN_CACHE_LIMIT) runs.clear();
    runs.set(key, body);
  }
  return body ?? undefined;
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
  const body = glyphRun(font, text);
  if (body === undefined) return false;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const baseline = top + (font.ascender / 1000) * size;
  // The page's user space is flipped (y down); the text matrix flips back so glyphs stand upright.
  let content = `BT\n1 0 0 -1 ${num(x)} ${num(baseline)} Tm\n/${font.id} ${num(size)} Tf\n`;
  if (characterSpacing) content += `${num(characterSpacing)} Tc\n`;
  content += `[${body}] TJ\n`;
  if (characterSpacing) content += '0 Tc\n';
  content += 'ET';
  d.addContent(content);
  return true;
}
