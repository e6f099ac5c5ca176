/**
 * The PDF renderer: A4, Source Sans 3 (embedded, subset), tagged PDF/A-2a by default, running
 * footer "lk N / M" on every page, reproducible bytes (fixed dates, no randomness). It uses pdfkit
 * internals for speed only through ./internals/ (see there for when it takes pdfkit's public path).
 */
import PDFDocument from 'pdfkit';
import { buildOutline, type Outline } from '../common/outline.js';
import type { PdfStandard, RenderOptions } from '../types.js';
import { documentFlow } from './document.js';
import { FONT_KEYS, getFaces } from './fonts.js';
import { singleLine, type Line } from './inline.js';
import { pdfInternals, type PdfInternals } from './internals/index.js';
import { documentInfo, provenanceInfo, publicMetadata, xmp } from './metadata.js';
import { Paginator, registerFace } from './paginate.js';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from './style.js';
import { Tagger, TagNode } from './tags.js';
import type { JobDescription, Provenance } from '../../model/types.js';
import { shortCode } from '../../util/provenance.js';

type Doc = InstanceType<typeof PDFDocument>;
type DocOptions = ConstructorParameters<typeof PDFDocument>[0];

/**
 * Why renders take pdfkit's public path (other bytes: put it in cache keys), or undefined when
 * they use the internals. Pass the render option as `wanted`.
 */
export { internalsOff as pdfInternalsOff } from './internals/index.js';

export interface PdfRenderOptions extends RenderOptions {
  /**
   * false: pdfkit's public path only (its own font subsets, text and metadata; slower, larger
   * files). The internals are also off with AMETIJUHEND_PDF_INTERNALS=0 or another pdfkit or
   * fontkit version than they were written for.
   */
  internals?: boolean;
}

const STANDARDS: Record<PdfStandard, Pick<NonNullable<DocOptions>, 'subset' | 'pdfVersion'>> = {
  'a-2a': { subset: 'PDF/A-2a', pdfVersion: '1.7' },
  'a-2b': { subset: 'PDF/A-2b', pdfVersion: '1.7' },
  'a-1b': { subset: 'PDF/A-1b', pdfVersion: '1.4' },
  none: { pdfVersion: '1.7' },
};

function keywords(model: JobDescription, outline: Outline): string[] {
  return [outline.documentTitle, model.title, ...model.unit, model.organisation ?? ''];
}

/**
 * Running footer on every page: "Organisation · Title" left, "lk N / M" right; on the last page a
 * line below it with the short code of the provenance ("Dokumendi kood: 3f9a0c1b22c2"), so a person
 * can match the paper to its source. All of it an artifact (pagination, not content).
 */
function drawFooters(
  doc: Doc,
  outline: Outline,
  paginator: Paginator,
  tagger: Tagger,
  provenance: Provenance | undefined,
): void {
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
      if (provenance && i === count - 1) {
        const code = singleLine(
          outline.labels.documentCode(shortCode(provenance.fingerprint)),
          { color: COLOR.muted },
          SIZE.footer,
          CONTENT_WIDTH,
        );
        paginator.line({ kind: 'text', x: PAGE.left, y: PAGE.footerY + h, h, line: code, tag: null });
      }
    });
  }
}

/** A new document with its fonts and metadata, on the internals path or pdfkit's public one. */
function createDocument(
  model: JobDescription,
  outline: Outline,
  options: PdfRenderOptions,
  internals: PdfInternals | undefined,
): Doc {
  const info = documentInfo(outline, options, keywords(model, outline));
  const { provenance } = options;
  const metadata = internals
    ? { info, xml: xmp(info, outline.locale, provenance) }
    : publicMetadata(info, outline.locale, provenance);
  const doc = new PDFDocument({
    ...STANDARDS[options.pdfStandard ?? 'a-2a'],
    size: [PAGE.width, PAGE.height],
    margin: 0,
    bufferPages: true,
    tagged: true,
    lang: outline.locale,
    displayTitle: true,
    ...internals?.documentOptions,
    // pdfkit writes every key into the Info dictionary (the provenance's after the standard ones)
    info: { ...metadata.info, ...provenanceInfo(provenance) } as Partial<typeof info>,
  });
  if (internals) internals.prepare(doc, metadata.xml);
  else doc.appendXML(metadata.xml);
  const faces = getFaces();
  for (const key of FONT_KEYS) registerFace(doc, faces[key], internals);
  return doc;
}

export const renderPdf = async (model: JobDescription, options: PdfRenderOptions): Promise<Uint8Array> => {
  const outline = buildOutline(model);
  const internals = pdfInternals(options.internals);
  const doc = createDocument(model, outline, options, internals);
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve());
    doc.on('error', (e: Error) => reject(e));
  });

  const root = new TagNode('Document', null);
  const tagger = new Tagger(doc, root);
  tagger.attachRoot();
  // Without the internals pdfkit writes no /Count in the outline root, which PDF/A requires.
  const bookmarks = internals !== undefined || (options.pdfStandard ?? 'a-2a') === 'none';
  const paginator = new Paginator(doc, tagger, { internals, bookmarks });
  const flow = documentFlow(outline, root);
  paginator.run(flow);
  drawFooters(doc, outline, paginator, tagger, options.provenance);
  tagger.finish();
  doc.end();
  await done;
  return Buffer.concat(chunks);
};
