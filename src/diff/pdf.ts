/**
 * A change report as a PDF (`diff --format pdf`, `<id>.muudatused.pdf`): A4, the project's fonts
 * (Source Sans 3, DejaVu Sans for what it lacks: src/render/pdf/fonts.ts), PDF/A-2b, pdfkit's public
 * path. Reproducible bytes: the date is the new version's (documentDate: SOURCE_DATE_EPOCH, else its
 * review date, else its approval date, else its source's last commit when given, else a fixed
 * date: the same date the description's build outputs carry), never the clock.
 *
 * A report `build --changes-since` writes carries a mark of its own in the Info dictionary
 * (CHANGE_REPORT_KEY: the description's id, the ref, its commit and the source's path in the
 * repository), so that a later build knows the file is one it wrote and may move it aside when it
 * goes stale (./stale-reports.ts). An Info entry with no XMP equivalent is allowed by PDF/A.
 */
import PDFDocument from 'pdfkit';
import type { ChangeReport } from '../model/changes.js';
import { drawable, drawFace, getFaces, segments, type DrawKey, type FontKey } from '../render/pdf/fonts.js';
import { publicMetadata, type Info } from '../render/pdf/metadata.js';
import { LABELS } from '../render/common/labels.js';
import { documentDate } from '../util/dates.js';
import { VERSION } from '../util/version.js';
import { REPORT_WORDS } from './labels.js';
import { present, type Entry } from './present.js';

type Doc = InstanceType<typeof PDFDocument>;

/** The Info dictionary key that marks a change report `build --changes-since` wrote. */
export const CHANGE_REPORT_KEY = 'AmetijuhendChangeReport';

const PAGE = { width: 595.28, height: 841.89, margin: 56, footer: 40 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const INDENT = 14;
const COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  added: '#0b6e2b',
  removed: '#a61b1b',
  changed: '#7a5200',
  moved: '#1d4f91',
};

interface Run {
  text: string;
  font: FontKey;
  color?: string;
}

export interface ChangesPdfOptions {
  /** The dates the PDF carries (default: the new version's, see documentDate). */
  date?: Date;
  /** The environment documentDate reads SOURCE_DATE_EPOCH from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** The last commit date of the description's source (as build dates its outputs: build/git-dates.ts). */
  committed?: Date;
  /** The mark of a report `build --changes-since` writes (./stale-reports.ts changeReportMark). */
  mark?: string;
  toolVersion?: string;
  /**
   * PDF/A-2b (default), or PDF/A-1b: the same document for a checker of part 1 only (the tests
   * validate it with PDFBox Preflight, which checks PDF/A-1b, as test/render-pdf.test.ts does).
   */
  pdfStandard?: 'a-2b' | 'a-1b';
}

class Writer {
  private registered = new Set<DrawKey>();

  constructor(private readonly doc: Doc) {
    const faces = getFaces();
    for (const key of Object.keys(faces) as FontKey[]) {
      doc.registerFont(key, faces[key].data as Buffer);
      this.registered.add(key);
    }
  }

  private face(key: DrawKey): DrawKey {
    if (!this.registered.has(key)) {
      this.doc.registerFont(key, drawFace(key).data as Buffer);
      this.registered.add(key);
    }
    return key;
  }

  /** A paragraph of runs at indent `depth`, wrapped to the page, `gap` points below it. */
  paragraph(runs: readonly Run[], size: number, depth = 0, gap = 3): void {
    const pieces: { text: string; face: DrawKey; color: string }[] = [];
    for (const run of runs) {
      const text = drawable(run.text);
      if (!text) continue;
      const color = run.color ?? COLOR.text;
      for (const s of segments(run.font, text) ?? [{ text, face: run.font as DrawKey }])
        pieces.push({ text: s.text, face: s.face, color });
    }
    if (!pieces.length) return;
    const x = PAGE.margin + depth * INDENT;
    const width = WIDTH - depth * INDENT;
    const doc = this.doc;
    if (doc.y + size * 1.3 > PAGE.height - PAGE.margin) doc.addPage();
    pieces.forEach((p, i) => {
      doc.font(this.face(p.face)).fontSize(size).fillColor(p.color);
      const last = i === pieces.length - 1;
      const options = { width, continued: !last, lineGap: 1.5 };
      if (i === 0) doc.text(p.text, x, doc.y, options);
      else doc.text(p.text, options);
    });
    doc.y += gap;
  }

  /** "lk 1 / 2" at the foot of every page. */
  footers(label: (n: number, total: number) => string, left: string): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = 0; i < count; i++) {
      doc.switchToPage(start + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = PAGE.height - PAGE.footer;
      doc.font('regular').fontSize(8.5).fillColor(COLOR.muted);
      const page = label(i + 1, count);
      const pageWidth = doc.widthOfString(page);
      doc.text(drawable(left), PAGE.margin, y, {
        width: WIDTH - pageWidth - 24,
        lineBreak: false,
        ellipsis: true,
      });
      doc.text(page, PAGE.margin + WIDTH - pageWidth, y, { lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}

function entry(w: Writer, e: Entry, depth: number, words: (typeof REPORT_WORDS)['et']): void {
  const color = COLOR[e.kind];
  if (e.was !== undefined && e.now !== undefined) {
    w.paragraph([{ text: e.head, font: 'semibold', color }], 10.5, depth, 1);
    w.paragraph(
      [
        { text: `${words.was}: `, font: 'italic', color: COLOR.muted },
        { text: e.was, font: 'regular' },
      ],
      10.5,
      depth + 1,
      1,
    );
    w.paragraph(
      [
        { text: `${words.now}: `, font: 'italic', color: COLOR.muted },
        { text: e.now, font: 'regular' },
      ],
      10.5,
      depth + 1,
    );
  } else {
    const runs: Run[] = [{ text: e.text !== undefined ? `${e.head}: ` : e.head, font: 'semibold', color }];
    if (e.text !== undefined) runs.push({ text: e.text, font: 'regular' });
    w.paragraph(runs, 10.5, depth);
  }
  for (const d of e.details) entry(w, d, depth + 1, words);
}

/** A new PDF document with its metadata, and the bytes it will have written once ended. */
function createDocument(
  info: Info,
  locale: string,
  options: ChangesPdfOptions,
): { doc: Doc; done: Promise<Uint8Array> } {
  const metadata = publicMetadata(info, locale);
  const entries: Record<string, unknown> = { ...metadata.info };
  if (options.mark !== undefined) entries[CHANGE_REPORT_KEY] = options.mark;
  const doc = new PDFDocument({
    ...(options.pdfStandard === 'a-1b'
      ? { subset: 'PDF/A-1b' as const, pdfVersion: '1.4' as const }
      : { subset: 'PDF/A-2b' as const, pdfVersion: '1.7' as const }),
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: entries as Partial<Info>,
  });
  doc.appendXML(metadata.xml);
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (e: Error) => reject(e));
  });
  return { doc, done };
}

/** The report as PDF/A-2b bytes. */
export async function renderChangesPdf(
  report: ChangeReport,
  dated: { reviewed?: string; approval?: { date?: string } },
  options: ChangesPdfOptions = {},
): Promise<Uint8Array> {
  const p = present(report);
  const words = REPORT_WORDS[report.lang];
  const date = options.date ?? documentDate(dated, options.env ?? process.env, options.committed);
  const tool = options.toolVersion ?? VERSION;
  const info: Info = {
    Title: `${p.heading} · ${report.title}`,
    Subject: p.heading,
    Keywords: [report.id, report.title].join(', '),
    Creator: `ametijuhend ${tool}`,
    Producer: `ametijuhend ${tool} (PDFKit)`,
    CreationDate: date,
    ModDate: date,
  };
  const { doc, done } = createDocument(info, report.lang === 'et' ? 'et-EE' : 'en-GB', options);
  const w = new Writer(doc);
  doc.y = PAGE.margin;
  w.paragraph([{ text: p.heading, font: 'bold' }], 16, 0, 4);
  w.paragraph([{ text: p.document, font: 'regular' }], 11, 0, 2);
  w.paragraph(
    p.versions.flatMap((v, i) => [
      { text: `${i ? ' · ' : ''}${v.label}: `, font: 'regular' as const, color: COLOR.muted },
      { text: v.value, font: 'semibold' as const },
    ]),
    10,
    0,
    10,
  );
  if (p.summary) w.paragraph([{ text: p.summary, font: 'bold' }], 11, 0, 8);
  for (const part of p.parts) {
    doc.y += 6;
    w.paragraph([{ text: part.label, font: 'bold' }], 12.5, 0, 4);
    for (const e of part.entries) entry(w, e, 1, words);
  }
  w.footers(LABELS[report.lang].page, `${report.title} · ${p.heading}`);
  doc.end();
  return done;
}
