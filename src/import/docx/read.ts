/**
 * The DOCX reader: a Word file's bytes into a SourceDocument (src/import/types.ts), by walking the
 * package parts ourselves (fflate + @xmldom/xmldom; see LIBRARIES.md for why not mammoth):
 * word/document.xml in order, styles.xml and numbering.xml for headings, bold and list labels as
 * Word shows them, the page headers and footers of the sections, footnotes and endnotes (appended
 * to the body), docProps/core.xml. Tracked changes are taken as accepted (one warning), fields as
 * their shown result, page numbers left out. Throws ImportFailure for a file it cannot read.
 *
 * `loc.paragraph` counts the paragraphs the reader gives (empty ones are left out), body and table
 * cells together in document order, then footnotes; a header's or footer's within its part kind.
 */
import type { Document, Element } from '@xmldom/xmldom';
import {
  ImportFailure,
  type ImportNote,
  type SourceBlock,
  type SourceCell,
  type SourceDocument,
  type SourceLocation,
  type SourceParagraph,
  type SourceTable,
} from '../types.js';
import { indentOf, Numbering, Styles, symbolChar } from './styles.js';
import {
  elementChildren,
  isElement,
  isW,
  MC_NS,
  ownText,
  parseXml,
  W_NS,
  wAttr,
  wChild,
  wChildren,
  wDescendants,
  wOnOff,
  wVal,
} from './xml.js';
import { ZipPackage } from './zip.js';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/** Fields whose result is a page number (never text of the description). */
const PAGE_FIELDS = new Set(['PAGE', 'NUMPAGES', 'SECTIONPAGES', 'PAGEREF', 'NUMWORDS', 'NUMCHARS']);

/** A header or footer line that is only a page number once the page fields are gone: "lk 1 / 3", "Page 1 of 3", "1", "lk /", "- 2 -". */
const PAGE_NUMBER_LINE =
  /^[-–—\s]*(?:(?:lk|lehekülg|lehek\.|leht|page|p\.|pg\.?|seite|sivu)\s*)?\d{0,3}\s*(?:(?:\/|of|kokku|\(|-|–|—)\s*\d{0,3}\s*\)?)?[-–—\s.]*$/i;

interface Piece {
  text: string;
  bold: boolean;
}

interface Field {
  instr: string;
  result: boolean;
}

interface Rel {
  type: string;
  target: string;
}

/** The parts and definitions a walk needs, and what it noticed. */
interface Context {
  styles: Styles;
  numbering: Numbering;
  changes: Set<string>;
  /** Where content the reader cannot read sits (w:altChunk: an embedded HTML, RTF or Word part). */
  unread: SourceLocation[];
}

/** Resolves a relationship target against the folder of its source part. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function readRels(pkg: ZipPackage, part: string): Map<string, Rel> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, Rel>();
  const bytes = pkg.read(relsName);
  if (!bytes) return out;
  const doc = parseXml(bytes, relsName);
  const list = doc.getElementsByTagNameNS(REL_NS, 'Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list.item(i)!;
    const id = r.getAttribute('Id');
    const target = r.getAttribute('Target');
    if (!id || !target || r.getAttribute('TargetMode') === 'External') continue;
    out.set(id, { type: r.getAttribute('Type') ?? '', target: resolveTarget(part, target) });
  }
  return out;
}

function relOfType(rels: Map<string, Rel>, suffix: string): string | undefined {
  for (const r of rels.values()) if (r.type.endsWith(`/${suffix}`)) return r.target;
  return undefined;
}

/** Whitespace as types.ts says: runs of spaces (any kind) to one, none around tabs and line breaks, none at the ends. */
function clean(text: string): string {
  return text
    .replace(/[\u200b\u200e\u200f\ufeff]/g, '')
    .replace(/[ \u00a0\u2000-\u200a\u202f\u205f\u3000\r\f\v]+/g, ' ')
    .replace(/ *([\n\t]) */g, '$1')
    .replace(/^[\s]+|[\s]+$/g, '');
}

/** Walks one part (body, a header, a footer, the notes) into blocks, numbering its paragraphs. */
class Walker {
  private fields: Field[] = [];
  private carry: Piece[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly part: 'header' | 'footer' | undefined,
    private readonly counter: { n: number },
  ) {}

  private change(el: Element): void {
    const id = wAttr(el, 'id');
    this.ctx.changes.add(
      id !== undefined ? `${el.localName}:${id}` : `${el.localName}:#${this.ctx.changes.size}`,
    );
  }

  /** Block-level content of a container (body, cell, header, sdtContent, text box). */
  blocks(container: Element): SourceBlock[] {
    const out: SourceBlock[] = [];
    this.blockChildren(container, out);
    if (this.carry.length) {
      const rest = this.carry;
      this.carry = [];
      const p = this.emit(rest, {});
      if (p) out.push(p);
    }
    return out;
  }

  private blockChildren(container: Element, out: SourceBlock[]): void {
    for (const el of elementChildren(container)) {
      if (isW(el, 'p')) out.push(...this.paragraph(el));
      else if (isW(el, 'tbl')) {
        const t = this.table(el);
        if (t) out.push(t);
      } else if (isW(el, 'sdt')) {
        const content = wChild(el, 'sdtContent');
        if (content) this.blockChildren(content, out);
      } else if (isW(el, 'customXml') || isW(el, 'ins') || isW(el, 'moveTo')) {
        if (!isW(el, 'customXml')) this.change(el);
        this.blockChildren(el, out);
      } else if (isW(el, 'del') || isW(el, 'moveFrom')) this.change(el);
      else if (isW(el, 'altChunk')) {
        this.ctx.unread.push({ paragraph: this.counter.n + 1, ...(this.part ? { part: this.part } : {}) });
      } else if (el.localName === 'AlternateContent' && el.namespaceURI === MC_NS) {
        const branch = this.branch(el);
        if (branch) this.blockChildren(branch, out);
      }
    }
  }

  /** The branch of mc:AlternateContent to read: the first Choice, else the Fallback. */
  private branch(el: Element): Element | undefined {
    const kids = elementChildren(el).filter((c) => c.namespaceURI === MC_NS);
    return kids.find((c) => c.localName === 'Choice') ?? kids.find((c) => c.localName === 'Fallback');
  }

  private paragraph(p: Element): SourceParagraph[] {
    const pPr = wChild(p, 'pPr');
    const styleId = this.ctx.styles.paragraphStyle(wVal(pPr, 'pStyle'));
    const paraBold = this.ctx.styles.bold(styleId, true) ?? false;
    const markRPr = wChild(pPr, 'rPr');
    const markDeleted = wChild(markRPr, 'del') ?? wChild(markRPr, 'moveFrom');
    const markInserted = wChild(markRPr, 'ins') ?? wChild(markRPr, 'moveTo');
    if (markInserted) this.change(markInserted);

    const segments: Piece[][] = [[...this.carry]];
    this.carry = [];
    const boxes: Element[] = [];
    this.inline(p, segments, boxes, paraBold);
    // A field's instruction never runs past its paragraph in what Word writes: one that does is
    // broken (no separate / end), and its instruction phase would hide all the text after it.
    for (const f of this.fields) f.result = true;
    // a table of contents repeats the headings (with page numbers): the headings themselves are read.
    // Its paragraphs are still walked, for the field characters they hold (the TOC field's own).
    if (this.ctx.styles.isTocEntry(styleId)) return [];

    if (markDeleted) {
      // accepted: the paragraph mark is gone, the text joins the next paragraph
      this.change(markDeleted);
      this.carry = segments.flat();
      return this.boxes(boxes);
    }

    // numbering: on the paragraph, else through its style (numId 0 switches it off)
    const direct = pPr ? this.ctx.styles.numPrOf(pPr) : undefined;
    const fromStyle = this.ctx.styles.numbering(styleId);
    const numId = direct?.numId ?? fromStyle?.numId;
    const ilvl = direct?.ilvl ?? fromStyle?.ilvl ?? 0;
    const list = numId !== undefined && numId !== '0' ? this.ctx.numbering.next(numId, ilvl) : undefined;

    const outline = wVal(pPr, 'outlineLvl');
    const heading =
      outline !== undefined
        ? Number(outline) >= 0 && Number(outline) <= 5
          ? Number(outline) + 1
          : undefined
        : this.ctx.styles.heading(styleId);
    const indent = indentOf(pPr) ?? list?.indent ?? this.ctx.styles.indent(styleId);

    const out: SourceParagraph[] = [];
    segments.forEach((pieces, i) => {
      const extra: Partial<SourceParagraph> =
        i === 0
          ? {
              // a level with no label (numFmt none: LibreOffice's heading outline) is no list item
              ...(list?.label !== undefined
                ? { label: list.label, level: list.level, ordered: list.ordered }
                : {}),
              ...(heading !== undefined ? { heading } : {}),
              ...(indent !== undefined && indent !== 0 ? { indent } : {}),
            }
          : {};
      const para = this.emit(pieces, extra);
      if (para) out.push(para);
    });
    out.push(...this.boxes(boxes));
    return out;
  }

  /** The paragraphs of text boxes met in a paragraph, after it. */
  private boxes(boxes: Element[]): SourceParagraph[] {
    const out: SourceParagraph[] = [];
    for (const box of boxes) out.push(...flatten(this.blocks(box)));
    return out;
  }

  private emit(pieces: Piece[], extra: Partial<SourceParagraph>): SourceParagraph | undefined {
    const text = clean(pieces.map((x) => x.text).join(''));
    if (!text) return undefined;
    const visible = pieces.filter((x) => /\S/.test(x.text));
    const bold = visible.length > 0 && visible.every((x) => x.bold);
    this.counter.n++;
    return {
      type: 'paragraph',
      text,
      ...extra,
      ...(bold ? { bold: true } : {}),
      loc: { paragraph: this.counter.n, ...(this.part ? { part: this.part } : {}) },
    };
  }

  private visible(): boolean {
    return this.fields.every((f) => f.result && !PAGE_FIELDS.has(fieldName(f.instr)));
  }

  /** Inline content of a paragraph (runs and their wrappers) into `segments` (split at page breaks). */
  private inline(node: Element, segments: Piece[][], boxes: Element[], paraBold: boolean): void {
    for (const el of elementChildren(node)) {
      if (el.namespaceURI === MC_NS) {
        if (el.localName === 'AlternateContent') {
          const branch = this.branch(el);
          if (branch) this.inline(branch, segments, boxes, paraBold);
        }
        continue;
      }
      if (el.namespaceURI === MATH_NS) {
        if (el.localName === 't') this.push(segments, el.textContent ?? '', false);
        else this.inline(el, segments, boxes, paraBold);
        continue;
      }
      if (!W_NS.has(el.namespaceURI ?? '')) {
        // drawings and VML: only their text boxes hold text
        for (const box of wDescendants(el, 'txbxContent')) boxes.push(box);
        continue;
      }
      switch (el.localName) {
        case 'r':
          this.run(el, segments, boxes, paraBold);
          break;
        case 'pPr':
        case 'rPr':
        case 'sdtPr':
        case 'sdtEndPr':
        case 'customXmlPr':
        case 'smartTagPr':
        case 'commentRangeStart':
        case 'commentRangeEnd':
        case 'bookmarkStart':
        case 'bookmarkEnd':
        case 'proofErr':
        case 'permStart':
        case 'permEnd':
          break;
        case 'del':
        case 'moveFrom':
          this.change(el);
          break;
        case 'ins':
        case 'moveTo':
          this.change(el);
          this.inline(el, segments, boxes, paraBold);
          break;
        case 'fldSimple': {
          const instr = wAttr(el, 'instr') ?? '';
          if (!PAGE_FIELDS.has(fieldName(instr))) this.inline(el, segments, boxes, paraBold);
          break;
        }
        default:
          // hyperlink, smartTag, customXml, sdt/sdtContent, bdo, dir …: their content
          this.inline(el, segments, boxes, paraBold);
      }
    }
  }

  private push(segments: Piece[][], text: string, bold: boolean): void {
    if (!text || !this.visible()) return;
    segments[segments.length - 1]!.push({ text, bold });
  }

  private run(r: Element, segments: Piece[][], boxes: Element[], paraBold: boolean): void {
    const rPr = wChild(r, 'rPr');
    const bold = wOnOff(rPr, 'b') ?? this.ctx.styles.bold(wVal(rPr, 'rStyle'), false) ?? paraBold;
    for (const el of elementChildren(r)) {
      if (!W_NS.has(el.namespaceURI ?? '')) {
        if (el.namespaceURI === MC_NS && el.localName === 'AlternateContent') {
          const branch = this.branch(el);
          if (branch) for (const box of wDescendants(branch, 'txbxContent')) boxes.push(box);
        } else if (isElement(el)) for (const box of wDescendants(el, 'txbxContent')) boxes.push(box);
        continue;
      }
      switch (el.localName) {
        case 't':
          this.push(segments, ownText(el), bold);
          break;
        case 'instrText': {
          const top = this.fields[this.fields.length - 1];
          if (top && !top.result) top.instr += ownText(el);
          break;
        }
        case 'fldChar': {
          const type = wAttr(el, 'fldCharType');
          if (type === 'begin') this.fields.push({ instr: '', result: false });
          else if (type === 'separate') {
            const top = this.fields[this.fields.length - 1];
            if (top) top.result = true;
          } else if (type === 'end') this.fields.pop();
          break;
        }
        case 'tab':
        case 'ptab':
          this.push(segments, '\t', bold);
          break;
        case 'br': {
          const type = wAttr(el, 'type');
          if (type === 'page' || type === 'column') {
            if (this.visible()) segments.push([]);
          } else this.push(segments, '\n', bold);
          break;
        }
        case 'cr':
          this.push(segments, '\n', bold);
          break;
        case 'noBreakHyphen':
          this.push(segments, '-', bold);
          break;
        case 'sym': {
          const code = parseInt(wAttr(el, 'char') ?? '', 16);
          if (Number.isFinite(code)) this.push(segments, symbolChar(code, wAttr(el, 'font')), bold);
          break;
        }
        case 'drawing':
        case 'pict':
        case 'object':
          for (const box of wDescendants(el, 'txbxContent')) boxes.push(box);
          break;
        default:
        // rPr, delText, softHyphen, footnoteReference, lastRenderedPageBreak …: nothing shown as text
      }
    }
  }

  private table(tbl: Element): SourceTable | undefined {
    const first = this.counter.n + 1;
    const rows: SourceCell[][] = [];
    /** The cell a vertical merge continues, by its first grid column. */
    const open = new Map<number, SourceCell>();
    for (const tr of collect(tbl, 'tr')) {
      const trPr = wChild(tr, 'trPr');
      const deleted = wChild(trPr, 'del');
      if (deleted) {
        this.change(deleted);
        continue;
      }
      const inserted = wChild(trPr, 'ins');
      if (inserted) this.change(inserted);
      const row: SourceCell[] = [];
      let col = Number(wVal(trPr, 'gridBefore') ?? 0) || 0;
      /** The merges this row continues or starts; the others end here (a gap from w:gridBefore too). */
      const kept = new Set<number>();
      for (const tc of collect(tr, 'tc')) {
        const tcPr = wChild(tc, 'tcPr');
        const span = Math.max(1, Number(wVal(tcPr, 'gridSpan') ?? 1) || 1);
        const vMergeEl = wChild(tcPr, 'vMerge');
        const vMerge = vMergeEl ? (wAttr(vMergeEl, 'val') ?? 'continue') : undefined;
        const blocks = flatten(this.blocks(tc));
        const above = open.get(col);
        if (vMerge === 'continue' && above) {
          above.rowSpan++;
          above.blocks.push(...blocks);
          kept.add(col);
        } else {
          const cell: SourceCell = { blocks, colSpan: span, rowSpan: 1 };
          row.push(cell);
          for (let c = col; c < col + span; c++) open.delete(c);
          if (vMerge === 'restart') {
            open.set(col, cell);
            kept.add(col);
          }
        }
        col += span;
      }
      for (const c of [...open.keys()]) if (!kept.has(c)) open.delete(c);
      rows.push(row);
    }
    if (!rows.some((r) => r.length)) return undefined;
    return { type: 'table', rows, loc: { paragraph: first, ...(this.part ? { part: this.part } : {}) } };
  }
}

/** The name of a field instruction ("PAGE \* MERGEFORMAT" → PAGE). */
function fieldName(instr: string): string {
  return /^\s*(\w+)/.exec(instr)?.[1]?.toUpperCase() ?? '';
}

/** Rows of a table or cells of a row, through the content controls and custom XML around them. */
function collect(parent: Element, name: 'tr' | 'tc'): Element[] {
  const out: Element[] = [];
  for (const el of elementChildren(parent)) {
    if (isW(el, name)) out.push(el);
    else if (isW(el, 'sdt')) {
      const content = wChild(el, 'sdtContent');
      if (content) out.push(...collect(content, name));
    } else if (isW(el, 'customXml')) out.push(...collect(el, name));
  }
  return out;
}

/** Blocks as paragraphs only: a table's cells' paragraphs in reading order. */
function flatten(blocks: SourceBlock[]): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(b);
    else for (const row of b.rows) for (const cell of row) out.push(...cell.blocks);
  }
  return out;
}

/** What a zip that is not a Word document is, for the failure. */
function notWord(pkg: ZipPackage): ImportFailure {
  const mimetype = pkg.has('mimetype') ? new TextDecoder().decode(pkg.read('mimetype')).trim() : '';
  if (mimetype.startsWith('application/vnd.oasis.opendocument')) {
    return new ImportFailure(
      mimetype.endsWith('.text') ? 'import.docx.isOdt' : 'import.docx.isOpenDocument',
      { ext: mimetype.includes('spreadsheet') ? 'ods' : mimetype.includes('presentation') ? 'odp' : 'odt' },
    );
  }
  if (pkg.has('xl/workbook.xml')) return new ImportFailure('import.docx.isOffice', { ext: 'xlsx' });
  if (pkg.has('ppt/presentation.xml')) return new ImportFailure('import.docx.isOffice', { ext: 'pptx' });
  return new ImportFailure('import.docx.notWord');
}

function parsePart(pkg: ZipPackage, name: string | undefined): Document | undefined {
  if (!name) return undefined;
  const bytes = pkg.read(name);
  return bytes ? parseXml(bytes, name) : undefined;
}

function readMetadata(pkg: ZipPackage, rootRels: Map<string, Rel>): SourceDocument['metadata'] {
  const doc = parsePart(pkg, relOfType(rootRels, 'core-properties') ?? 'docProps/core.xml');
  if (!doc) return {};
  const get = (name: string): string | undefined => {
    const el = doc.getElementsByTagNameNS(DC_NS, name).item(0);
    const v = el ? clean(el.textContent ?? '') : '';
    return v || undefined;
  };
  const title = get('title');
  const language = get('language');
  return { ...(title ? { title } : {}), ...(language ? { language } : {}) };
}

/** The paragraphs of the page headers (or footers) of every section: default first, then first and even pages, each part once, page numbers left out. */
function readRunning(
  pkg: ZipPackage,
  ctx: Context,
  rels: Map<string, Rel>,
  sections: Element[],
  kind: 'header' | 'footer',
): SourceParagraph[] {
  const order = ['default', 'first', 'even'];
  const refs: { type: string; target: string }[] = [];
  for (const s of sections) {
    for (const ref of wChildren(s, `${kind}Reference`)) {
      const rid = ref.getAttributeNS(
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
        'id',
      );
      const rel = rid ? rels.get(rid) : undefined;
      if (rel) refs.push({ type: wAttr(ref, 'type') ?? 'default', target: rel.target });
    }
  }
  refs.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  const out: SourceParagraph[] = [];
  const seen = new Set<string>();
  for (const name of new Set(refs.map((r) => r.target))) {
    const part = parsePart(pkg, name);
    if (!part) continue;
    for (const p of flatten(new Walker(ctx, kind, { n: 0 }).blocks(part.documentElement!))) {
      if (PAGE_NUMBER_LINE.test(p.text)) continue;
      // the same line in the default and the first-page header: once
      const key = `${p.label ?? ''}|${p.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // numbered within the part kind, as the lines a person sees (page numbers are none)
      out.push({ ...p, loc: { paragraph: out.length + 1, part: kind } });
    }
  }
  return out;
}

/** Footnotes and endnotes, appended to `blocks` so that no text is lost; how many. */
function appendNotes(
  pkg: ZipPackage,
  ctx: Context,
  rels: Map<string, Rel>,
  counter: { n: number },
  blocks: SourceBlock[],
): number {
  let noteCount = 0;
  for (const kind of ['footnote', 'endnote'] as const) {
    const part = parsePart(pkg, relOfType(rels, `${kind}s`));
    if (!part) continue;
    const walker = new Walker(ctx, undefined, counter);
    for (const note of wChildren(part.documentElement!, kind)) {
      const type = wAttr(note, 'type');
      if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
      const got = walker.blocks(note);
      if (got.length) {
        noteCount++;
        blocks.push(...got);
      }
    }
  }
  return noteCount;
}

export function readDocx(bytes: Uint8Array): SourceDocument {
  const pkg = new ZipPackage(bytes);
  const rootRels = readRels(pkg, '');
  let main = relOfType(rootRels, 'officeDocument');
  if (!main || !pkg.has(main)) main = pkg.has('word/document.xml') ? 'word/document.xml' : undefined;
  if (!main) throw notWord(pkg);

  const rels = readRels(pkg, main);
  const styles = new Styles(parsePart(pkg, relOfType(rels, 'styles') ?? 'word/styles.xml'));
  const numbering = new Numbering(
    parsePart(pkg, relOfType(rels, 'numbering') ?? 'word/numbering.xml'),
    styles,
  );
  const ctx: Context = { styles, numbering, changes: new Set(), unread: [] };
  const doc = parseXml(pkg.read(main)!, main);
  const body = wChild(doc.documentElement!, 'body');
  if (!body) throw new ImportFailure('import.docx.badXml', { part: main, detail: 'no w:body' });

  const counter = { n: 0 };
  const blocks = new Walker(ctx, undefined, counter).blocks(body);

  const sections = wDescendants(body, 'sectPr');
  const header = readRunning(pkg, ctx, rels, sections, 'header');
  const footer = readRunning(pkg, ctx, rels, sections, 'footer');

  const notesStart = counter.n + 1;
  const noteCount = appendNotes(pkg, ctx, rels, counter, blocks);

  const notes: ImportNote[] = [];
  if (ctx.changes.size) {
    notes.push({ id: 'import.docx.trackedChanges', data: { n: ctx.changes.size }, severity: 'warning' });
  }
  for (const loc of ctx.unread) notes.push({ id: 'import.docx.altChunk', severity: 'warning', loc });
  if (noteCount) {
    notes.push({
      id: 'import.docx.notesAppended',
      data: { n: noteCount },
      severity: 'warning',
      loc: { paragraph: notesStart },
    });
  }
  return { format: 'docx', header, footer, body: blocks, metadata: readMetadata(pkg, rootRels), notes };
}
