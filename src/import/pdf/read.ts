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
import { loadPdfjs, openPdf, type PdfDocument, type Pdfjs } from '../../util/pdfjs.js';

/** The most text runs of one page that are laid out. */
const PAGE_RUNS = 20_000;
/** The most drawing operators of one page searched for table rulings. */
const PAGE_OPS = 200_000;
/** The longest the pages may take to read, all together. */
const READ_MS = 120_000;
/** Fewer visible characters than this per page, on average, is no text layer. */
const MIN_CHARS_PER_PAGE = 40;

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
    doc = await openPdf(bytes);
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
    const pageChars = read.input.runs.reduce((a, r) => a + r.str.replace(/\s/g, '').length, 0);
    chars += pageChars;
    pictures += read.pictures;
    // a scanned page inside a text PDF (a signed last page): its text is not there, say so
    if (read.pictures > 0 && pageChars < MIN_CHARS_PER_PAGE / 4)
      notes.push({ id: 'import.pdf.pageNoText', severity: 'warning', loc: { page: n } });
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

/**
 * Whether a font is bold, by its name ("…-Bold", "Arial,Bold", "SemiBold"): pdfjs puts the fonts
 * into the page's commonObjs while it builds the operator list.
 */
function boldness(page: PdfPage): (fontName: string) => boolean {
  const known = new Map<string, boolean>();
  return (fontName) => {
    let bold = known.get(fontName);
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
      known.set(fontName, bold);
    }
    return bold;
  };
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
  const isBold = boldness(page);
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
      x: e - (x0 ?? 0),
      y: f - (y0 ?? 0),
      width: item.width,
      size: Math.round(size * 10) / 10,
      bold: isBold(item.fontName),
      // text turned more than 45° (a stamp in the margin) is not on the lines' baselines
      ...(Math.abs(b) > Math.abs(a) ? { rotated: true } : {}),
    });
  }
  const drawn = rulings(pdfjs, ops, n, notes);
  // page coordinates from the page's lower left corner (a crop box may start elsewhere)
  const segments = drawn.segments.map((g) => {
    const shift = g.dir === 'h' ? [y0 ?? 0, x0 ?? 0] : [x0 ?? 0, y0 ?? 0];
    return { ...g, at: g.at - (shift[0] ?? 0), a0: g.a0 - (shift[1] ?? 0), a1: g.a1 - (shift[1] ?? 0) };
  });
  const pictures = drawn.pictures;
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

/** The operators that paint a path (and which of them only fill it), and those that paint a picture. */
function opSets(OPS: Pdfjs['OPS']): { paintOps: Set<number>; fills: Set<number>; pictureOps: Set<number> } {
  return {
    paintOps: new Set<number>([
      OPS.stroke,
      OPS.closeStroke,
      OPS.fill,
      OPS.eoFill,
      OPS.fillStroke,
      OPS.eoFillStroke,
      OPS.closeFillStroke,
      OPS.closeEOFillStroke,
    ]),
    fills: new Set<number>([OPS.fill, OPS.eoFill]),
    pictureOps: new Set<number>([
      OPS.paintImageXObject,
      OPS.paintInlineImageXObject,
      OPS.paintImageMaskXObject,
      OPS.paintImageXObjectRepeat,
      OPS.paintInlineImageXObjectGroup,
      OPS.paintImageMaskXObjectGroup,
      OPS.paintSolidColorImageMask,
    ]),
  };
}

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
  const { paintOps, fills, pictureOps } = opSets(pdfjs.OPS);
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

type Point = [number, number];

/**
 * The subpaths of one pdfjs path (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadratic, 4 close) in
 * page coordinates; undefined for a path with curves or data it does not know (no rulings there).
 */
function subpaths(path: ArrayLike<number>, ctm: Matrix): Point[][] | undefined {
  const out: Point[][] = [];
  let sub: Point[] = [];
  for (let k = 0; k < path.length;) {
    const op = path[k];
    if (op === 0) {
      if (sub.length) out.push(sub);
      sub = [apply(ctm, path[k + 1] ?? 0, path[k + 2] ?? 0)];
      k += 3;
    } else if (op === 1) {
      sub.push(apply(ctm, path[k + 1] ?? 0, path[k + 2] ?? 0));
      k += 3;
    } else if (op === 4) {
      const first = sub[0];
      if (first) sub.push(first);
      k += 1;
    } else return undefined;
  }
  if (sub.length) out.push(sub);
  return out;
}

/** The straight lines of one path: every edge of a stroked one; of a filled one, a thin bar or a cell's edges. */
function addPath(
  path: ArrayLike<number>,
  ctm: Matrix,
  filled: boolean,
  addLine: (ax: number, ay: number, bx: number, by: number) => void,
): void {
  for (const s of subpaths(path, ctm) ?? []) {
    if (!filled) {
      for (let k = 1; k < s.length; k++) {
        const a = s[k - 1];
        const b = s[k];
        if (a && b) addLine(a[0], a[1], b[0], b[1]);
      }
      continue;
    }
    let [l, r, b, t] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const [x, y] of s) {
      l = Math.min(l, x);
      r = Math.max(r, x);
      b = Math.min(b, y);
      t = Math.max(t, y);
    }
    // a thin filled rectangle is a line; a bigger one (a cell's background) gives its edges
    if (t - b <= 3 && r - l > 2) addLine(l, (b + t) / 2, r, (b + t) / 2);
    else if (r - l <= 3 && t - b > 2) addLine((l + r) / 2, b, (l + r) / 2, t);
    else if (s.length >= 4 && s.length <= 6) {
      addLine(l, b, r, b);
      addLine(l, t, r, t);
      addLine(l, b, l, t);
      addLine(r, b, r, t);
    }
  }
}
