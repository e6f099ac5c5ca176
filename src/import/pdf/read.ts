/**
 * The PDF reader: a text PDF's bytes (as Word, LibreOffice, DigiDoc and ametijuhend make them) into a
 * SourceDocument (src/import/types.ts). pdfjs-dist (legacy build, loaded on first use) gives each
 * page's text runs with their positions and font, and the operator list gives the drawn ruling lines
 * of tables; layout.ts rebuilds lines, tables, paragraphs and the running header and footer.
 * Throws ImportFailure for a file it cannot read: not a PDF or damaged, encrypted, too large, empty,
 * or scanned (no text layer).
 *
 * Bounds: files over IMPORT_LIMITS.fileBytes are refused before parsing; at most
 * IMPORT_LIMITS.pdfPages pages are read (a warning says so); a page gives at most PAGE_RUNS text
 * runs and PAGE_OPS drawing operators to the layout (the rest is ignored, with a warning); reading
 * stops with 'import.pdf.timeout' when the pages took longer than READ_MS in all. pdfjs runs in this
 * thread, so a single pdfjs call that never returns cannot be interrupted from here.
 */
import { IMPORT_LIMITS, ImportFailure, type ImportNote, type SourceDocument } from '../types.js';
import { layout, normaliseRuns, type PageInput, type Run, type Segment } from './layout.js';

/** The most text runs of one page that are laid out. */
const PAGE_RUNS = 20_000;
/** The most drawing operators of one page searched for table rulings. */
const PAGE_OPS = 200_000;
/** The longest the pages may take to read, all together. */
const READ_MS = 120_000;
/** Fewer visible characters than this per page, on average, is no text layer. */
const MIN_CHARS_PER_PAGE = 40;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<Pdfjs> | undefined;
/** pdfjs-dist, imported once, on the first PDF read (the import costs a few hundred ms). */
const loadPdfjs = (): Promise<Pdfjs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes)
    throw new ImportFailure('import.pdf.tooLarge', {
      size: Math.round(bytes.byteLength / 1024 / 1024),
      max: Math.round(IMPORT_LIMITS.fileBytes / 1024 / 1024),
    });
  // a PDF starts with "%PDF-" within its first kilobyte
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new ImportFailure('import.pdf.corrupt', { reason: 'no %PDF header' });

  const pdfjs = await loadPdfjs();
  let doc: PdfDocument;
  try {
    // pdfjs takes the buffer over (transfers it): give it a copy, the caller's bytes stay theirs
    doc = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    }).promise;
  } catch (e) {
    throw failureOf(e);
  }
  try {
    return await readDocument(pdfjs, doc);
  } catch (e) {
    throw failureOf(e);
  } finally {
    await doc.destroy();
  }
}

/** An error of pdfjs as the ImportFailure the user reads. */
function failureOf(e: unknown): ImportFailure {
  if (e instanceof ImportFailure) return e;
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') return new ImportFailure('import.pdf.encrypted');
  const reason = e instanceof Error ? e.message : String(e);
  return new ImportFailure('import.pdf.corrupt', { reason });
}

async function readDocument(pdfjs: Pdfjs, doc: PdfDocument): Promise<SourceDocument> {
  const notes: ImportNote[] = [];
  if (doc.numPages === 0) throw new ImportFailure('import.pdf.empty');
  const count = Math.min(doc.numPages, IMPORT_LIMITS.pdfPages);
  if (doc.numPages > count)
    notes.push({
      id: 'import.pdf.tooManyPages',
      severity: 'warning',
      data: { n: doc.numPages, max: count },
      loc: { page: count + 1 },
    });
  const started = Date.now();
  const pages: PageInput[] = [];
  let chars = 0;
  let pictures = 0;
  for (let n = 1; n <= count; n++) {
    if (Date.now() - started > READ_MS)
      throw new ImportFailure('import.pdf.timeout', { page: n, seconds: READ_MS / 1000 });
    const page = await doc.getPage(n);
    const read = await readPage(pdfjs, page, n, notes);
    pages.push(read.input);
    chars += read.input.runs.reduce((a, r) => a + r.str.replace(/\s/g, '').length, 0);
    pictures += read.pictures;
    page.cleanup();
  }
  if (chars < MIN_CHARS_PER_PAGE * count) {
    if (pictures > 0) throw new ImportFailure('import.pdf.noText', { pages: count });
    if (chars === 0) throw new ImportFailure('import.pdf.empty');
  }

  const metadata: SourceDocument['metadata'] = {};
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as Record<string, unknown>;
    const title = info['Title'];
    if (typeof title === 'string' && title.trim()) metadata.title = title.trim();
    const lang = info['Language'];
    if (typeof lang === 'string' && lang.trim()) metadata.language = lang.trim();
  } catch {
    // a damaged info dictionary: no metadata, the text is what counts
  }
  const { header, footer, body } = layout(pages);
  if (body.length === 0) throw new ImportFailure('import.pdf.empty');
  return { format: 'pdf', header, footer, body, metadata, notes };
}

/** One page: its text runs (with bold from the font's name) and its straight ruling lines. */
async function readPage(
  pdfjs: Pdfjs,
  page: PdfPage,
  n: number,
  notes: ImportNote[],
): Promise<{ input: PageInput; pictures: number }> {
  const [x0, y0, x1, y1] = page.view;
  const text = await page.getTextContent();
  // the operator list loads the fonts into commonObjs (their names tell bold) and holds the rulings
  const ops = await page.getOperatorList();
  const boldFonts = new Map<string, boolean>();
  const isBold = (fontName: string): boolean => {
    let bold = boldFonts.get(fontName);
    if (bold === undefined) {
      bold = false;
      try {
        if (page.commonObjs.has(fontName)) {
          const font = page.commonObjs.get(fontName) as { name?: unknown; bold?: unknown; black?: unknown };
          const name = typeof font.name === 'string' ? font.name : '';
          bold = font.bold === true || font.black === true || /bold|black|heavy|semibold|demi/i.test(name);
        }
      } catch {
        bold = false;
      }
      boldFonts.set(fontName, bold);
    }
    return bold;
  };
  const runs: Run[] = [];
  let itemCount = 0;
  for (const item of text.items) {
    if (!('str' in item)) continue;
    if (++itemCount > PAGE_RUNS) {
      notes.push({
        id: 'import.pdf.pageTooBig',
        severity: 'warning',
        data: { max: PAGE_RUNS },
        loc: { page: n },
      });
      break;
    }
    if (item.str === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    runs.push({
      str: item.str,
      x: e,
      y: f,
      width: item.width,
      size: Math.round(size * 10) / 10,
      bold: isBold(item.fontName),
    });
  }
  const { segments, pictures } = rulings(pdfjs, ops, n, notes);
  return {
    input: {
      page: n,
      width: (x1 ?? 595) - (x0 ?? 0),
      height: (y1 ?? 842) - (y0 ?? 0),
      runs: normaliseRuns(runs),
      segments,
    },
    pictures,
  };
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/**
 * The straight horizontal and vertical lines a page draws (stroked lines and rectangles, thin
 * filled rectangles, the edges of filled cell backgrounds), in page coordinates, and how many
 * pictures it paints (a page of pictures and no text is a scan).
 */
function rulings(
  pdfjs: Pdfjs,
  ops: { fnArray: number[]; argsArray: unknown[] },
  n: number,
  notes: ImportNote[],
): { segments: Segment[]; pictures: number } {
  const OPS = pdfjs.OPS;
  const segments: Segment[] = [];
  let pictures = 0;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const limit = Math.min(ops.fnArray.length, PAGE_OPS);
  if (ops.fnArray.length > PAGE_OPS)
    notes.push({
      id: 'import.pdf.pageTooBig',
      severity: 'warning',
      data: { max: PAGE_OPS },
      loc: { page: n },
    });
  const paintOps = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill]);
  const pictureOps = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintSolidColorImageMask,
  ]);
  const addLine = (ax: number, ay: number, bx: number, by: number): void => {
    if (Math.abs(ay - by) <= 0.8 && Math.abs(ax - bx) > 2)
      segments.push({ dir: 'h', at: (ay + by) / 2, a0: Math.min(ax, bx), a1: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) <= 0.8 && Math.abs(ay - by) > 2)
      segments.push({ dir: 'v', at: (ax + bx) / 2, a0: Math.min(ay, by), a1: Math.max(ay, by) });
  };
  for (let i = 0; i < limit; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && Array.isArray(args)) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && Array.isArray(args)) {
      stack.push(ctm);
      const m = args[0];
      if (Array.isArray(m) && m.length === 6) ctm = multiply(ctm, m as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn !== undefined && pictureOps.has(fn)) pictures++;
    else if (fn === OPS.constructPath && Array.isArray(args)) {
      const [paint, data] = args as [number, unknown];
      if (!paintOps.has(paint)) continue;
      const path = Array.isArray(data) ? (data[0] as ArrayLike<number> | null | undefined) : undefined;
      if (!path) continue;
      addPath(path, ctm, fills.has(paint), addLine);
    }
  }
  return { segments, pictures };
}

/** The straight lines of one path (pdfjs DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadratic, 4 close). */
function addPath(
  path: ArrayLike<number>,
  ctm: Matrix,
  filled: boolean,
  addLine: (ax: number, ay: number, bx: number, by: number) => void,
): void {
  const points: [number, number][][] = [];
  let sub: [number, number][] = [];
  let curved = false;
  for (let k = 0; k < path.length;) {
    const op = path[k];
    if (op === 0) {
      if (sub.length) points.push(sub);
      sub = [apply(ctm, path[k + 1] ?? 0, path[k + 2] ?? 0)];
      k += 3;
    } else if (op === 1) {
      sub.push(apply(ctm, path[k + 1] ?? 0, path[k + 2] ?? 0));
      k += 3;
    } else if (op === 2) {
      curved = true;
      sub.push(apply(ctm, path[k + 5] ?? 0, path[k + 6] ?? 0));
      k += 7;
    } else if (op === 3) {
      curved = true;
      sub.push(apply(ctm, path[k + 3] ?? 0, path[k + 4] ?? 0));
      k += 5;
    } else if (op === 4) {
      const first = sub[0];
      if (first) sub.push(first);
      k += 1;
    } else return; // unknown data: no rulings from this path
  }
  if (sub.length) points.push(sub);
  if (curved) return;
  for (const s of points) {
    const xs = s.map((p) => p[0]);
    const ys = s.map((p) => p[1]);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    if (filled) {
      // a thin filled rectangle is a line; a bigger one (a cell's background) gives its edges
      if (h <= 3 && w > 2)
        addLine(
          Math.min(...xs),
          (Math.min(...ys) + Math.max(...ys)) / 2,
          Math.max(...xs),
          (Math.min(...ys) + Math.max(...ys)) / 2,
        );
      else if (w <= 3 && h > 2)
        addLine(
          (Math.min(...xs) + Math.max(...xs)) / 2,
          Math.min(...ys),
          (Math.min(...xs) + Math.max(...xs)) / 2,
          Math.max(...ys),
        );
      else if (s.length >= 4 && s.length <= 6) {
        const [l, r, b, t] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        addLine(l, b, r, b);
        addLine(l, t, r, t);
        addLine(l, b, l, t);
        addLine(r, b, r, t);
      }
      continue;
    }
    for (let k = 1; k < s.length; k++) {
      const a = s[k - 1];
      const b = s[k];
      if (a && b) addLine(a[0], a[1], b[0], b[1]);
    }
  }
}
