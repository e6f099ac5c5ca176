/**
 * The one entry to every use of pdfkit's and fontkit's internals (nothing else in the renderer
 * touches them): the shared font subsets (font-subset.ts), the direct text writer (text-writer.ts)
 * and the per-document patches (patches.ts). They were written against exactly the versions in
 * WRITTEN_FOR; with any other installed version, with AMETIJUHEND_PDF_INTERNALS=0, or when a render
 * asks, pdfInternals() gives undefined and the renderer takes pdfkit's public path: fonts registered
 * as bytes and subset by pdfkit, doc.text(), pdfkit's own XMP and outline. Both paths give valid
 * PDF/A with the same text, fonts and pages; this one is faster and its files are byte-reproducible
 * across a batch.
 */
import type PDFDocument from 'pdfkit';
import type { FontkitFont } from 'fontkit';
import { isFallback, observeShaping, type DrawKey } from '../fonts.js';
import { subsetStats, useStandardSubset } from './font-subset.js';
import {
  currentFont,
  expandOutlineRoot,
  fastWrite,
  keepShaped,
  registerParsedFont,
  replaceXmpInfo,
  shareLayoutCache,
  textWrites,
} from './patches.js';
import { writeText } from './text-writer.js';
import { installedVersions, type InstalledVersions } from './version.js';

type Doc = InstanceType<typeof PDFDocument>;
type DocOptions = NonNullable<ConstructorParameters<typeof PDFDocument>[0]>;

/** The exact versions the internals were written for (package.json pins them). */
export const WRITTEN_FOR = { pdfkit: '0.20.2', fontkit: '2.0.4' } as const;

/** `AMETIJUHEND_PDF_INTERNALS=0` turns the internals off (any other value leaves them on). */
export const INTERNALS_ENV = 'AMETIJUHEND_PDF_INTERNALS';

export { subsetStats };
export type { InstalledVersions };

/** What the renderer does differently on the internals path. */
export interface PdfInternals {
  /** Constructor options of this path (no default font: pdfkit would load Helvetica, never used). */
  readonly documentOptions: Pick<DocOptions, 'font'>;
  /** Right after the document is made: the fast writer, our XMP packet `xmp`, the outline root's /Count. */
  prepare(doc: Doc, xmp: string): void;
  /** Registers a face with the document as the parsed font object (no parsing per document). */
  registerFont(doc: Doc, key: DrawKey, font: FontkitFont): void;
  /** Call right after doc.font(key) selected `key` for the first time in the document. */
  firstUse(doc: Doc, key: DrawKey): void;
  /**
   * Draws `text` in the current font with the top of its line box at (x, top); false (drawing
   * nothing) when the text needs glyph offsets: then draw it with doc.text().
   */
  writeText(doc: Doc, text: string, size: number, x: number, top: number, characterSpacing?: number): boolean;
}

const INTERNALS: PdfInternals = {
  documentOptions: { font: null as unknown as string },
  prepare(doc, xmp) {
    observeShaping(keepShaped);
    fastWrite(doc);
    textWrites(doc);
    replaceXmpInfo(doc, xmp);
    expandOutlineRoot(doc);
  },
  registerFont: registerParsedFont,
  firstUse(doc, key) {
    shareLayoutCache(doc, key);
    if (!isFallback(key)) useStandardSubset(key, currentFont(doc));
  },
  writeText,
};

/** Why these versions cannot use the internals, or undefined when they are the ones written for. */
export function versionMismatch(installed: InstalledVersions): string | undefined {
  for (const name of ['pdfkit', 'fontkit'] as const) {
    const found = installed[name];
    if (found !== WRITTEN_FOR[name]) return `${name} ${found ?? '(not found)'} is not ${WRITTEN_FOR[name]}`;
  }
  if (!installed.sameFontkit) return 'pdfkit resolves another copy of fontkit';
  return undefined;
}

/** Checked once, when the renderer is loaded. */
const mismatch = versionMismatch(installedVersions());

/** Why the internals are off for a render (`wanted`: the render option), or undefined when they are on. */
export function internalsOff(wanted = true, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (mismatch !== undefined) return mismatch;
  if (env[INTERNALS_ENV] === '0') return `${INTERNALS_ENV}=0`;
  if (!wanted) return 'turned off by the render option';
  return undefined;
}

/** The internals for a render, or undefined for pdfkit's public path. */
export function pdfInternals(wanted?: boolean): PdfInternals | undefined {
  return internalsOff(wanted) === undefined ? INTERNALS : undefined;
}
