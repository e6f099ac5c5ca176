/**
 * The PDF renderer: A4, Source Sans 3 (embedded, subset), tagged PDF/A-2a by default, running
 * footer "lk N / M" on every page, reproducible bytes (fixed dates, no randomness).
 */
import PDFDocument from 'pdfkit';
import { buildOutline, type Outline } from '../common/outline.js';
import type { PdfStandard, Renderer } from '../types.js';
import { documentFlow } from './document.js';
import { FONT_KEYS, getFaces } from './fonts.js';
import { singleLine, type Line } from './inline.js';
import { documentInfo, installXmp } from './metadata.js';
import { Paginator } from './paginate.js';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from './style.js';
import { Tagger, TagNode } from './tags.js';
import type { JobDescription } from '../../model/types.js';

type Doc = InstanceType<typeof PDFDocument>;
type DocOptions = ConstructorParameters<typeof PDFDocument>[0];

const STANDARDS: Record<PdfStandard, Pick<NonNullable<DocOptions>, 'subset' | 'pdfVersion'>> = {
  'a-2a': { subset: 'PDF/A-2a', pdfVersion: '1.7' },
  'a-2b': { subset: 'PDF/A-2b', pdfVersion: '1.7' },
  'a-1b': { subset: 'PDF/A-1b', pdfVersion: '1.4' },
  none: { pdfVersion: '1.7' },
};

function keywords(model: JobDescription, outline: Outline): string[] {
  return [outline.documentTitle, model.title, ...model.unit, model.organisation ?? ''];
}

/** Running footer on every page: "Organisation · Title" left, "lk N / M" right; an artifact. */
function drawFooters(doc: Doc, outline: Outline, paginator: Paginator, tagger: Tagger): void {
  const { start, count } = doc.bufferedPageRange();
  const left = outline.version
    ? `${outline.runningHeader} · ${outline.labels.version} ${outline.version}`
    : outline.runningHeader;
  // the left part depends only on the room the page label leaves: fitted once per room
  const fitted = new Map<number, Line>();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    paginator.resetFont();
    const page = singleLine(outline.labels.page(i + 1, count), { color: COLOR.muted }, SIZE.footer);
    const room = CONTENT_WIDTH - page.width - 24;
    let text = fitted.get(room);
    if (!text) {
      text = singleLine(left, { color: COLOR.muted }, SIZE.footer, room);
      fitted.set(room, text);
    }
    const h = SIZE.footer * 1.4;
    tagger.artifact('Pagination', () => {
      paginator.line({ kind: 'text', x: PAGE.left, y: PAGE.footerY, h, line: text, tag: null });
      paginator.line({
        kind: 'text',
        x: PAGE.left + CONTENT_WIDTH - page.width,
        y: PAGE.footerY,
        h,
        line: page,
        tag: null,
      });
    });
  }
}

export const renderPdf: Renderer = async (model, options) => {
  const outline = buildOutline(model);
  const faces = getFaces();
  const standard = STANDARDS[options.pdfStandard ?? 'a-2a'];
  const info = documentInfo(outline, options, keywords(model, outline));
  const doc = new PDFDocument({
    ...standard,
    size: [PAGE.width, PAGE.height],
    margin: 0,
    bufferPages: true,
    tagged: true,
    lang: outline.locale,
    displayTitle: true,
    // No default font: pdfkit would load Helvetica (never used, and costly to compare with ours).
    font: null as unknown as string,
    info,
  });
  // pdfkit turns every line it writes into bytes with a JavaScript loop (charCode & 0xff per
  // character); Node's latin1 encoder gives the same bytes natively.
  const internals = doc as unknown as { push(chunk: Uint8Array): boolean; _offset: number };
  (doc as unknown as { _write(data: string | Uint8Array): void })._write = (data) => {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    internals.push(bytes);
    internals._offset += bytes.length;
  };
  for (const key of FONT_KEYS) doc.registerFont(key, faces[key].font as unknown as Uint8Array);
  installXmp(doc, info, outline.locale);
  // The bookmark root needs /Count (PDF/A); pdfkit writes it only for an "expanded" outline.
  (doc.outline as unknown as { options: { expanded: boolean } }).options = { expanded: true };

  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve());
    doc.on('error', (e: Error) => reject(e));
  });

  const root = new TagNode('Document', null);
  const tagger = new Tagger(doc, root);
  tagger.attachRoot();
  const paginator = new Paginator(doc, tagger);
  const flow = documentFlow(outline, root);
  paginator.run(flow);
  drawFooters(doc, outline, paginator, tagger);
  tagger.finish();
  doc.end();
  await done;
  return Buffer.concat(chunks);
};
