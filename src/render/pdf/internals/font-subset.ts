/**
 * A fixed font subset, so that a batch encodes each face once instead of once per document.
 *
 * pdfkit subsets every embedded font per document: at the end it re-encodes the glyphs the document
 * used into a new TrueType file and deflates it (about 5 ms of the ~14 ms a description takes).
 * Here every document's subset starts with the same standard set of glyphs (Latin-1, the Estonian
 * letters, typographic punctuation, the common ligatures), in the same order. When a document uses
 * nothing beyond that set, which is nearly always, its font objects are the same bytes as every
 * other such document's, so the encoded and deflated font program and its ToUnicode map are made
 * once per process and reused. A document that uses any other glyph (a Cyrillic name, a rare
 * symbol) takes pdfkit's own path: its subset is the standard set plus its extra glyphs.
 *
 * Costs: each PDF carries the whole standard set of every face it uses (a few tens of KB more).
 * Relies on pdfkit's EmbeddedFont internals (subset, widths, unicode, embed): used only with the
 * pdfkit and fontkit versions index.ts checks for; the PDF tests (Preflight, qpdf, pdffonts,
 * pdftotext) judge the result.
 */
import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import type { FontkitFont } from 'fontkit';
import type { FontKey } from '../fonts.js';

type Doc = InstanceType<typeof PDFDocument>;

/** Characters whose glyphs every subset holds, in this order (the order fixes the glyph ids). */
function standardCharacters(): string[] {
  const chars: string[] = [];
  for (let cp = 0x20; cp <= 0x7e; cp++) chars.push(String.fromCodePoint(cp));
  for (let cp = 0xa0; cp <= 0xff; cp++) chars.push(String.fromCodePoint(cp));
  chars.push(...'ŠšŽžŒœŸĀāČčĒēĢģĪīĶķĻļŅņŪūĄąĘęĖėĮįŲųŁłŃńŚśŹźŻżĆćŐőŰűĂăȘșȚțĞğİıŞş');
  chars.push(...'‐‑‒–—―‘’‚‛“”„‟†‡•…‰′″‹›⁄€№™−∙≤≥≠±×÷→←↑↓✓▪');
  return chars;
}

/** Common ligatures and pairs that shaping may turn into one glyph. */
const LIGATURES = ['fi', 'fl', 'ff', 'ffi', 'ffl', 'fj', 'ft', 'tt'];

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Subset {
  glyphs: number[];
  mapping: Record<number, number>;
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

/** The parts of pdfkit's EmbeddedFont used here. */
interface EmbeddedFont {
  font: FontkitFont & {
    createSubset(): Subset;
    getGlyph(id: number): Glyph;
    layout(text: string): { glyphs: Glyph[] };
  };
  id: string;
  subset: Subset;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  scale: number;
  /** Ascent and descent in 1/1000 em (pdfkit's scale). */
  ascender: number;
  descender: number;
  document: Doc;
  dictionary: { data: Record<string, unknown>; end(): void };
  embed(): void;
  /** Set here: the face's standard set is already in this font's subset. */
  standardSubset?: StandardSubset;
}

interface Ref {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array | string): void;
}

/** One face's standard set and, once made, its encoded artefacts. */
interface StandardSubset {
  /** Glyph ids in subset order (after .notdef). */
  glyphs: Glyph[];
  /** The subset's length (with .notdef) when a document used nothing else. */
  length: number;
  /** What pdfkit's subset and font hold after the set is included: copied into each document. */
  subsetGlyphs: number[];
  mapping: Record<number, number>;
  widths: number[];
  unicode: number[][];
  /** The descendant font's W array as PDF text (the same in every document that shares the set). */
  widthArray?: string;
  /** Deflated TrueType program of exactly that subset. */
  fontFile?: Uint8Array;
  /** Deflated ToUnicode CMap of exactly that subset. */
  toUnicode?: Uint8Array;
}

const standards = new Map<FontKey, StandardSubset>();
/** Fonts embedded with the shared artefacts, and with their own subset (for tests and profiling). */
export const subsetStats = { shared: 0, own: 0 };

function standardFor(key: FontKey, font: EmbeddedFont['font']): StandardSubset {
  let std = standards.get(key);
  if (!std) {
    const seen = new Set<number>([0]);
    const glyphs: Glyph[] = [];
    const unicode: number[][] = [];
    // A glyph's text is that of the first standard character (or ligature) that gives it, not the
    // code points fontkit remembers for it: fontkit keeps those from whichever text first used the
    // glyph in this process, and a glyph can stand for several characters (space and no-break
    // space, the hyphens, µ and μ). So the ToUnicode map, and the bytes, never depend on what else
    // the process rendered before; the ASCII character comes first, so a space extracts as a space.
    const add = (text: string): void => {
      const shaped = font.layout(text).glyphs;
      const g = shaped[0];
      if (shaped.length !== 1 || !g || seen.has(g.id)) return;
      seen.add(g.id);
      glyphs.push(g);
      unicode.push(Array.from(text, (ch) => ch.codePointAt(0) ?? 0));
    };
    for (const ch of standardCharacters()) if (font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)) add(ch);
    for (const lig of LIGATURES) add(lig);
    const scale = 1000 / font.unitsPerEm;
    const mapping: Record<number, number> = { 0: 0 };
    glyphs.forEach((g, i) => (mapping[g.id] = i + 1));
    std = {
      glyphs,
      length: glyphs.length + 1,
      subsetGlyphs: [0, ...glyphs.map((g) => g.id)],
      mapping,
      widths: glyphs.map((g) => g.advanceWidth * scale),
      unicode,
    };
    standards.set(key, std);
  }
  return std;
}

/**
 * Puts the face's standard set into the subset of a document's font (call on the font's first use,
 * before any text is encoded with it) and switches its embedding to the shared artefacts.
 */
export function useStandardSubset(key: FontKey, pdfFont: unknown): void {
  const font = pdfFont as EmbeddedFont;
  if (font.standardSubset || font.subset.glyphs.length !== 1) return;
  const std = standardFor(key, font.font);
  // what including each glyph (as pdfkit's encode does) would give, copied at once
  font.subset.glyphs = std.subsetGlyphs.slice();
  font.subset.mapping = { ...std.mapping };
  font.widths = [font.widths[0] as number, ...std.widths];
  font.unicode = [font.unicode[0] as number[], ...std.unicode];
  font.standardSubset = std;
  const ownEmbed = font.embed.bind(font);
  font.embed = () => {
    if (font.subset.glyphs.length === std.length) {
      subsetStats.shared++;
      embedShared(font, std);
    } else {
      subsetStats.own++;
      ownEmbed();
    }
  };
}

const toHex = (n: number): string => n.toString(16).padStart(4, '0');

/** pdfkit's ToUnicode CMap for the font's unicode table (same text as EmbeddedFont.toUnicodeCmap). */
function toUnicodeCmap(unicode: readonly (number[] | undefined)[]): string {
  const entries: string[] = [];
  for (const codePoints of unicode) {
    const encoded: string[] = [];
    for (let value of codePoints ?? []) {
      if (value > 0xffff) {
        value -= 0x10000;
        encoded.push(toHex(((value >>> 10) & 0x3ff) | 0xd800));
        value = 0xdc00 | (value & 0x3ff);
      }
      encoded.push(toHex(value));
    }
    entries.push(`<${encoded.join(' ')}>`);
  }
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${toHex(start)}> <${toHex(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;
}

/** Text that pdfkit writes into a PDF object as it is (its converter falls back to toString). */
class PdfText {
  constructor(private readonly text: string) {}
  get [Symbol.toStringTag](): string {
    return 'PdfText';
  }
  toString(): string {
    return this.text;
  }
}

/** `[0 [w0 w1 …]]` as pdfkit's converter writes `[0, widths]`. */
function widthArray(widths: readonly (number | undefined)[]): string {
  const items = Array.from(widths, (w) => (w === undefined ? 'null' : String(Math.round(w * 1e6) / 1e6)));
  return `[0 [${items.join(' ')}]]`;
}

/** A new indirect object of the document (pdfkit's untyped doc.ref). */
function newRef(doc: Doc, data: Record<string, unknown>): Ref {
  return (doc as unknown as { ref(data: Record<string, unknown>): Ref }).ref(data);
}

/** A stream object holding already-deflated bytes (pdfkit would deflate them again otherwise). */
function deflatedStream(doc: Doc, data: Record<string, unknown>, bytes: Uint8Array): Ref {
  const ref = newRef(doc, { ...data, Filter: 'FlateDecode' });
  ref.end(bytes);
  return ref;
}

/** The FontDescriptor of pdfkit's EmbeddedFont.embed (with the CIDSet for PDF/A-1), ended, and the font's name. */
function fontDescriptor(font: EmbeddedFont, fontFile: Ref): { descriptor: Ref; name: string } {
  const doc = font.document;
  const fontkit = font.font as unknown as {
    'OS/2'?: { sFamilyClass?: number };
    post: { isFixedPitch?: number };
    head: { macStyle: { italic?: boolean } };
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    italicAngle: number;
    capHeight: number;
    xHeight: number;
    ascent: number;
    postscriptName: string;
  };
  const familyClass = (fontkit['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 0;
  if (fontkit.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  flags |= 1 << 2;
  if (familyClass === 10) flags |= 1 << 3;
  if (fontkit.head.macStyle.italic) flags |= 1 << 6;
  const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((font.id.charCodeAt(i) || 73) + 17)).join('');
  const name = `${tag}+${fontkit.postscriptName.replaceAll(' ', '_')}`;
  const { bbox } = fontkit;
  const { scale } = font;
  const ref = (data: Record<string, unknown>): Ref => newRef(doc, data);
  const descriptor = ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: flags,
    FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
    ItalicAngle: fontkit.italicAngle,
    Ascent: font.ascender,
    Descent: font.descender,
    CapHeight: (fontkit.capHeight || fontkit.ascent) * scale,
    XHeight: (fontkit.xHeight || 0) * scale,
    StemV: 0,
    FontFile2: fontFile,
  });
  if ((doc as unknown as { subset?: number }).subset === 1) {
    // PDF/A-1: the CIDSet lists the glyphs present
    const maxCID = font.widths.length - 1;
    const cidSet = new Uint8Array(Math.ceil((maxCID + 1) / 8));
    for (let cid = 0; cid <= maxCID; cid++) {
      if (font.widths[cid] != null) cidSet[Math.floor(cid / 8)]! |= 0x80 >> (cid % 8);
    }
    const cidSetRef = ref({});
    cidSetRef.end(cidSet);
    descriptor.data.CIDSet = cidSetRef;
  }
  descriptor.end();
  return { descriptor, name };
}

/** pdfkit's EmbeddedFont.embed for a TrueType face, with the font program and CMap made once. */
function embedShared(font: EmbeddedFont, std: StandardSubset): void {
  const doc = font.document;
  if (!std.fontFile) {
    // the first document's subset is exactly the standard set: encode it once for the process
    std.fontFile = deflateSync(font.subset.encode());
    std.toUnicode = deflateSync(Buffer.from(toUnicodeCmap(font.unicode), 'latin1'));
  }
  const { descriptor, name } = fontDescriptor(font, deflatedStream(doc, {}, std.fontFile));
  const descendant = newRef(doc, {
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: {
      Registry: new String('Adobe'),
      Ordering: new String('Identity'),
      Supplement: 0,
    },
    FontDescriptor: descriptor,
    W: new PdfText((std.widthArray ??= widthArray(font.widths))),
    CIDToGIDMap: 'Identity',
  });
  descendant.end();
  font.dictionary.data = {
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [descendant],
    ToUnicode: deflatedStream(doc, {}, std.toUnicode!),
  };
  font.dictionary.end();
}
