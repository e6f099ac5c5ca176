/**
 * The small part of fontkit 2 (which ships no types) that the PDF renderer uses. pdfkit's ESM build
 * imports the same module, so fonts parsed here can be handed to pdfkit as they are.
 */
declare module 'fontkit' {
  export interface FontkitGlyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  export interface FontkitGlyphRun {
    glyphs: FontkitGlyph[];
    advanceWidth: number;
  }
  export interface FontkitFont {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    layout(text: string): FontkitGlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
