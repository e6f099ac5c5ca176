/**
 * pdfjs-dist, imported once on first use (the import costs a few hundred ms), and a document opened
 * the one way every reader of ours opens one: no eval, no font faces, no system fonts, silent,
 * reading on past errors. Shared by the import's PDF reader and the provenance reader.
 */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

let pdfjsModule: Promise<Pdfjs> | undefined;

export const loadPdfjs = (): Promise<Pdfjs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Opens `bytes` (never handed over: pdfjs transfers its buffer, so it gets a copy); rejects as pdfjs does. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  return pdfjs.getDocument({
    // a copy as a plain Uint8Array: a Node Buffer's slice() is a view, and pdfjs refuses Buffers
    data: Uint8Array.from(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  }).promise;
}
