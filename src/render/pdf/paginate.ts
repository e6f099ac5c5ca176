/**
 * Places measured blocks on pages: headings stay with what follows, unbreakable blocks (the
 * signature block, table rows) move whole to the next page, tables repeat their header row, and
 * long blocks are cut between lines. Drawing goes through the tagger so all content is tagged or an
 * artifact.
 */
import type PDFDocument from 'pdfkit';
import type { Block, FlowItem, RectAtom, TextAtom } from './blocks.js';
import { drawFace, isFallback, segments, type DrawKey, type Face } from './fonts.js';
import type { Frag } from './inline.js';
import type { PdfInternals } from './internals/index.js';
import { PAGE, SPACE } from './style.js';
import type { Tagger, TagNode } from './tags.js';

type Doc = InstanceType<typeof PDFDocument>;

const EPS = 0.01;
/** Space between text and the border where a block is cut at a page break. */
const CUT_PAD = SPACE.cellPadY;

/** Valid cut positions of a block (between lines, never through a line of text), ascending. */
function cutsOf(b: Block): number[] {
  const texts = b.atoms.filter((a): a is TextAtom => a.kind === 'text').sort((p, q) => p.y - q.y);
  const candidates = [...new Set(texts.map((a) => a.y + a.h))].sort((p, q) => p - q);
  // A cut c goes through a line when a line starting above it ends below it: sweep the lines in
  // order of their top, keeping the lowest bottom of those above (linear, not lines × cuts).
  const valid: number[] = [];
  let i = 0;
  let bottom = -Infinity;
  for (const c of candidates) {
    if (c >= b.height - EPS) break;
    for (; i < texts.length && (texts[i] as TextAtom).y < c - EPS; i++) {
      const a = texts[i] as TextAtom;
      bottom = Math.max(bottom, a.y + a.h);
    }
    if (!(bottom > c + EPS)) valid.push(c);
  }
  valid.push(b.height);
  return valid;
}

const cutCache = new WeakMap<Block, number[]>();
function cuts(b: Block): number[] {
  let c = cutCache.get(b);
  if (!c) {
    c = cutsOf(b);
    cutCache.set(b, c);
  }
  return c;
}

/** The least height of a block's first part on a page (one line; or all of an unbreakable block). */
function minHead(b: Block): number {
  return b.unbreakable ? b.height : (cuts(b)[0] ?? b.height);
}

/** Registers a face with the document: parsed once per process with the internals, as bytes without. */
export function registerFace(doc: Doc, face: Face<DrawKey>, internals: PdfInternals | undefined): void {
  if (internals) internals.registerFont(doc, face.key, face.font);
  else doc.registerFont(face.key, face.data);
}

export interface PaginatorSetup {
  /** pdfkit internals to use, or undefined for its public path. */
  internals: PdfInternals | undefined;
  /** Whether headings get bookmarks (the document outline). */
  bookmarks: boolean;
}

interface Repeat {
  height: number;
  draw: () => void;
}

export class Paginator {
  private y: number = PAGE.top;
  private atTop = true;
  private fontsSet = new Set<DrawKey>();
  private currentFont: DrawKey | undefined;
  private currentSize = 0;

  constructor(
    private readonly doc: Doc,
    private readonly tagger: Tagger,
    private readonly setup: PaginatorSetup,
  ) {}

  private get internals(): PdfInternals | undefined {
    return this.setup.internals;
  }

  run(items: readonly FlowItem[]): void {
    items.forEach((item, i) => {
      if (item.kind === 'table') this.placeTable(item, items, i);
      else this.placeBlock(item, this.keepNeed(items, i), this.repeatOf(item));
    });
  }

  /** A Markdown table's row repeats its table's header row (as an artifact) on a new page. */
  private repeatOf(b: Block): Repeat | undefined {
    const header = b.repeatHeader;
    if (!header) return undefined;
    return { height: header.height, draw: () => this.drawRegion(header, 0, header.height, this.y, true) };
  }

  /** Height that must fit below a keep-with-next block: the next item's first part (chained). */
  private keepNeed(items: readonly FlowItem[], i: number, depth = 0): number {
    const item = items[i];
    if (!item || item.kind !== 'block' || !item.keepWithNext || depth > 3) return 0;
    const next = items[i + 1];
    if (!next) return 0;
    const head =
      next.kind === 'table' ? next.header.height + (next.rows[0] ? minHead(next.rows[0]) : 0) : minHead(next);
    const chained =
      next.kind === 'block' && next.keepWithNext
        ? next.height - minHead(next) + this.keepNeed(items, i + 1, depth + 1)
        : 0;
    return next.spaceBefore + head + chained;
  }

  /** Forget the selected font (after a page switch pdfkit's state is not what we last set). */
  resetFont(): void {
    this.currentColor = undefined;
    this.currentFont = undefined;
    this.currentSize = 0;
  }

  private newPage(repeat?: Repeat): void {
    this.doc.addPage();
    this.resetFont();
    this.y = PAGE.top;
    if (repeat) {
      repeat.draw();
      this.y += repeat.height;
    }
    this.atTop = true;
  }

  private placeBlock(b: Block, keepNeed = 0, repeat?: Repeat): void {
    const capacity = PAGE.bottom - PAGE.top - (repeat?.height ?? 0);
    const whole = b.unbreakable && b.height <= capacity;
    const need = (whole || b.keepWithNext ? b.height : minHead(b)) + keepNeed;
    const space = this.atTop ? 0 : b.spaceBefore;
    if (!this.atTop && space + need > PAGE.bottom - this.y + EPS) this.newPage(repeat);
    else this.y += space;
    if (b.bookmark && this.setup.bookmarks) {
      // pdfkit measures `left` from the right edge and `top` from the bottom of the page (its
      // typings of addItem know only `expanded`).
      const dest: { expanded?: boolean; top: number; left: number } = { top: this.y, left: PAGE.width };
      this.doc.outline.addItem(b.bookmark, dest);
    }
    let s = 0;
    for (;;) {
      // A part continued from the previous page (or going on to the next) gets a little air
      // between its text and the clipped cell borders.
      const padTop = s > 0 ? CUT_PAD : 0;
      const avail = PAGE.bottom - this.y - padTop;
      if (b.height - s <= avail + EPS) {
        this.drawRegion(b, s, b.height, this.y, false, padTop, 0);
        this.y += padTop + b.height - s;
        break;
      }
      let cut = [...cuts(b)].reverse().find((c) => c > s + EPS && c - s <= avail - CUT_PAD + EPS);
      if (cut === undefined) {
        if (!this.atTop) {
          this.newPage(repeat);
          continue;
        }
        cut = s + avail - CUT_PAD; // a single line taller than a page: nothing better to do
      }
      this.drawRegion(b, s, cut, this.y, false, padTop, CUT_PAD);
      s = cut;
      this.newPage(repeat);
    }
    this.atTop = false;
  }

  private placeTable(
    t: { header: Block; rows: Block[]; spaceBefore: number },
    items: readonly FlowItem[],
    i: number,
  ): void {
    const first = t.rows[0];
    const headNeed = t.header.height + (first ? minHead(first) : 0);
    const space = this.atTop ? 0 : t.spaceBefore;
    if (!this.atTop && space + headNeed > PAGE.bottom - this.y + EPS) this.newPage();
    else this.y += space;
    this.drawRegion(t.header, 0, t.header.height, this.y);
    this.y += t.header.height;
    this.atTop = false;
    const repeat: Repeat = {
      height: t.header.height,
      draw: () => this.drawRegion(t.header, 0, t.header.height, this.y, true),
    };
    t.rows.forEach((row, r) =>
      this.placeBlock(row, r === t.rows.length - 1 ? this.keepNeed(items, i) : 0, repeat),
    );
  }

  /**
   * Draws the part [s, e) of a block with its top at page y `top`; `artifact` draws text untagged.
   * Rectangles cut at s or e grow by padTop / padBottom, and the text moves down by padTop.
   */
  private drawRegion(
    b: Block,
    s: number,
    e: number,
    top: number,
    artifact = false,
    padTop = 0,
    padBottom = 0,
  ): void {
    const dy = top + padTop - s;
    const rects: RectAtom[] = [];
    const texts: TextAtom[] = [];
    for (const a of b.atoms) {
      if (a.kind === 'rect') {
        const y0 = Math.max(a.y, s);
        const y1 = Math.min(a.y + a.h, e);
        if (y1 - y0 <= EPS) continue;
        let y = y0 + dy;
        let h = y1 - y0;
        if (a.y < s - EPS) {
          y -= padTop;
          h += padTop;
        }
        if (a.y + a.h > e + EPS) h += padBottom;
        rects.push({ ...a, y, h });
      } else if (a.y >= s - EPS && a.y < e - EPS) texts.push({ ...a, y: a.y + dy });
    }
    if (rects.length) this.tagger.artifact('Layout', () => rects.forEach((r) => this.rect(r)));
    if (artifact) {
      if (texts.length) this.tagger.artifact('Pagination', () => texts.forEach((t) => this.line(t)));
      return;
    }
    for (const t of texts) {
      if (t.tag) this.taggedLine(t, t.tag);
      else this.tagger.artifact('Layout', () => this.line(t));
    }
  }

  private rect(r: RectAtom): void {
    const doc = this.doc;
    this.currentColor = undefined;
    if (r.fill) doc.rect(r.x, r.y, r.w, r.h).fillColor(r.fill).fill();
    if (r.stroke) doc.lineWidth(0.6).rect(r.x, r.y, r.w, r.h).strokeColor(r.stroke).stroke();
  }

  /**
   * Selects a face. With the internals, its first use in a document hands pdfkit the process-wide
   * layout cache and puts the face's standard glyph set into the document's subset.
   */
  useFont(key: DrawKey, size: number): void {
    if (key !== this.currentFont) {
      const first = !this.fontsSet.has(key);
      // a fallback face is registered with the document only when its text needs it
      if (first && isFallback(key)) registerFace(this.doc, drawFace(key), this.internals);
      this.doc.font(key);
      if (first) {
        this.fontsSet.add(key);
        this.internals?.firstUse(this.doc, key);
      }
      this.currentFont = key;
    }
    if (size !== this.currentSize) {
      this.doc.fontSize(size);
      this.currentSize = size;
    }
  }

  private currentColor: string | undefined;

  private fill(color: string): void {
    if (color !== this.currentColor) {
      this.doc.fillColor(color);
      this.currentColor = color;
    }
  }

  private frag(f: Frag, x: number, y: number, h: number, characterSpacing?: number): void {
    this.fill(f.color);
    const face = drawFace(f.font);
    const top = y + (h - face.boxHeight * f.size) / 2;
    const left = x + f.x;
    const parts = segments(f.font, f.text);
    if (!parts) this.draw(f.font, f.text, f.size, left, top, characterSpacing);
    else {
      // characters Source Sans lacks are drawn with the fallback face, on the same baseline
      const baseline = top + face.ascent * f.size;
      let at = left;
      for (const part of parts) {
        const partFace = drawFace(part.face);
        this.draw(part.face, part.text, f.size, at, baseline - partFace.ascent * f.size, characterSpacing);
        at += partFace.width(part.text) * f.size;
        if (characterSpacing) at += characterSpacing * Array.from(part.text).length;
      }
    }
    if (f.link) {
      const underline = top + face.ascent * f.size + f.size * 0.12;
      this.doc
        .save()
        .moveTo(left, underline)
        .lineTo(left + f.width, underline)
        .lineWidth(0.5)
        .strokeColor(f.color)
        .stroke()
        .restore();
    }
  }

  /** Draws text in one face with the top of its line box at (x, top). */
  private draw(
    key: DrawKey,
    text: string,
    size: number,
    x: number,
    top: number,
    characterSpacing?: number,
  ): void {
    this.useFont(key, size);
    if (!this.internals?.writeText(this.doc, text, size, x, top, characterSpacing)) {
      const options: PDFKit.Mixins.TextOptions = { lineBreak: false };
      if (characterSpacing) options.characterSpacing = characterSpacing;
      this.doc.text(text, x, top, options);
    }
  }

  /** Draws a line without tags (inside an artifact). */
  line(t: TextAtom): void {
    for (const f of t.line.frags) this.frag(f, t.x, t.y, t.h, t.characterSpacing);
  }

  /** Draws a line as marked content of `tag`; linked text goes into its own Link element with the annotation. */
  private taggedLine(t: TextAtom, tag: TagNode): void {
    const frags = t.line.frags;
    let i = 0;
    while (i < frags.length) {
      const link = frags[i]?.link;
      let j = i;
      while (j < frags.length && frags[j]?.link === link) j++;
      const group = frags.slice(i, j);
      if (link) {
        const node = tag.child('Link');
        this.tagger.mark(node, () => group.forEach((f) => this.frag(f, t.x, t.y, t.h, t.characterSpacing)));
        const x0 = t.x + (group[0]?.x ?? 0);
        const width = group.reduce((w, f) => w + f.width, 0);
        const structParent = this.tagger.element(node);
        // pdfkit's typings miss structParent (it adds the annotation to the Link element as OBJR).
        const options = {
          structParent,
          Contents: new String(link),
        } as unknown as PDFKit.Mixins.AnnotationOption;
        this.doc.link(x0, t.y, width, t.h, link, options);
        this.tagger.end(node);
      } else {
        this.tagger.mark(tag, () => group.forEach((f) => this.frag(f, t.x, t.y, t.h, t.characterSpacing)));
      }
      i = j;
    }
  }
}
