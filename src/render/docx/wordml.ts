/**
 * The writer of the document's own WordprocessingML: the document tree (tree.ts) as the content of
 * word/document.xml, header1.xml and footer1.xml, with the numbering instances and hyperlink
 * relationships it needs (package.ts writes those parts). Every text and attribute value goes
 * through util/xml.ts, which also drops the characters XML cannot carry.
 */
import { escapeXml } from '../../util/xml.js';
import type { BlockNode, Border, CellNode, InlineNode, ParagraphNode, RunNode, TableNode } from './tree.js';

/** An attribute value. */
const attr = (value: string): string => escapeXml(value, { attribute: true });

/** The list a numbered paragraph belongs to: its kind and instance. */
function listKey(reference: string, instance = 0): string {
  return `${reference}-${instance}`;
}

/** Per-part state: list ids in the order lists are first used, hyperlink targets in document order. */
export class PartWriter {
  /** list key → w:numId; 1 is the reference's own default list (see NUMBERING_XML), ours follow from 2. */
  readonly lists = new Map<string, number>();
  /** Hyperlink targets, one relationship each, in the order they appear. */
  readonly links: string[] = [];
  private out = '';

  constructor(
    /** The id of the first hyperlink relationship (rId<n>). */
    private readonly firstLinkId: number,
  ) {}

  /** The lists used, in first-use order ("reference-instance"). */
  get listOrder(): string[] {
    return [...this.lists.keys()];
  }

  take(): string {
    const text = this.out;
    this.out = '';
    return text;
  }

  blocks(blocks: readonly BlockNode[]): this {
    for (const b of blocks) {
      if (b.kind === 'p') this.paragraph(b);
      else this.table(b);
    }
    return this;
  }

  paragraph(p: ParagraphNode): void {
    let pPr = '';
    if (p.numbering && !p.style) pPr += '<w:pStyle w:val="ListParagraph"/>';
    if (p.style) pPr += `<w:pStyle w:val="${attr(p.style)}"/>`;
    if (p.keepNext) pPr += '<w:keepNext/>';
    if (p.numbering) {
      const key = listKey(p.numbering.reference, p.numbering.instance);
      let id = this.lists.get(key);
      if (id === undefined) {
        id = this.lists.size + 2;
        this.lists.set(key, id);
      }
      pPr += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${id}"/></w:numPr>`;
    }
    if (p.ruleBelow) pPr += '<w:pBdr><w:bottom w:val="single" w:color="auto" w:sz="4" w:space="1"/></w:pBdr>';
    if (p.tabStops?.length) {
      pPr += '<w:tabs>';
      for (const t of p.tabStops) pPr += `<w:tab w:val="${t.type}" w:pos="${t.position}"/>`;
      pPr += '</w:tabs>';
    }
    if (p.spacing) {
      const { after, before } = p.spacing;
      pPr += `<w:spacing${after !== undefined ? ` w:after="${after}"` : ''}${before !== undefined ? ` w:before="${before}"` : ''}/>`;
    }
    if (p.indent) {
      const { left, hanging } = p.indent;
      pPr += `<w:ind w:left="${left}"${hanging !== undefined ? ` w:hanging="${hanging}"` : ''}/>`;
    }
    if (p.align) pPr += `<w:jc w:val="${p.align}"/>`;
    if (!pPr && !p.children.length) {
      this.out += '<w:p/>';
      return;
    }
    this.out += pPr ? `<w:p><w:pPr>${pPr}</w:pPr>` : '<w:p>';
    for (const child of p.children) this.inline(child);
    this.out += '</w:p>';
  }

  private inline(node: InlineNode): void {
    if (node.kind === 'run') {
      this.run(node);
      return;
    }
    this.links.push(node.url);
    this.out += `<w:hyperlink w:history="1" r:id="rId${this.firstLinkId + this.links.length - 1}">`;
    for (const r of node.runs) this.run(r);
    this.out += '</w:hyperlink>';
  }

  private run(r: RunNode): void {
    if (r.field) {
      this.out +=
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
        `<w:r><w:instrText xml:space="preserve">${r.field}</w:instrText></w:r>` +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
      return;
    }
    let rPr = '';
    if (r.style) rPr += `<w:rStyle w:val="${attr(r.style)}"/>`;
    if (r.bold) rPr += '<w:b/><w:bCs/>';
    if (r.italics) rPr += '<w:i/><w:iCs/>';
    if (r.strike) rPr += '<w:strike/>';
    let xml = rPr ? `<w:r><w:rPr>${rPr}</w:rPr>` : '<w:r>';
    if (r.break) xml += '<w:br/>';
    if (r.tab) xml += '<w:tab/>';
    else if (r.text !== undefined) xml += `<w:t xml:space="preserve">${escapeXml(r.text)}</w:t>`;
    this.out += `${xml}</w:r>`;
  }

  private table(t: TableNode): void {
    let xml = '<w:tbl><w:tblPr>';
    if (t.style) xml += `<w:tblStyle w:val="${attr(t.style)}"/>`;
    const unit = t.percent ? 'pct' : 'dxa';
    xml += `<w:tblW w:type="${unit}" w:w="${t.width}"/>`;
    if (t.noBorders) {
      xml += '<w:tblBorders>';
      for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'])
        xml += `<w:${side} w:val="none" w:color="auto" w:sz="0"/>`;
      xml += '</w:tblBorders>';
    }
    xml += '<w:tblLayout w:type="fixed"/>';
    if (t.margins) {
      const m = t.margins;
      xml +=
        `<w:tblCellMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/>` +
        `<w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tblCellMar>`;
    }
    if (t.firstRowLook !== undefined) {
      xml +=
        `<w:tblLook w:firstRow="${t.firstRowLook}" w:lastRow="false" w:firstColumn="false" ` +
        'w:lastColumn="false" w:noHBand="true" w:noVBand="true"/>';
    }
    xml += '</w:tblPr><w:tblGrid>';
    for (const w of t.columnWidths) xml += `<w:gridCol w:w="${w}"/>`;
    this.out += `${xml}</w:tblGrid>`;
    for (const row of t.rows) {
      this.out += '<w:tr>';
      if (row.cantSplit || row.header)
        this.out += `<w:trPr>${row.cantSplit ? '<w:cantSplit/>' : ''}${row.header ? '<w:tblHeader/>' : ''}</w:trPr>`;
      for (const c of row.cells) this.cell(c, unit);
      this.out += '</w:tr>';
    }
    this.out += '</w:tbl>';
  }

  private cell(c: CellNode, unit: 'pct' | 'dxa'): void {
    let xml = `<w:tc><w:tcPr><w:tcW w:type="${unit}" w:w="${c.width}"/>`;
    if (c.span && c.span > 1) xml += `<w:gridSpan w:val="${c.span}"/>`;
    if (c.borders) {
      const b = c.borders;
      xml += `<w:tcBorders>${border('top', b.top)}${border('left', b.left)}${border('bottom', b.bottom)}${border('right', b.right)}</w:tcBorders>`;
    }
    if (c.fill) xml += `<w:shd w:fill="${attr(c.fill)}" w:color="auto" w:val="clear"/>`;
    this.out += `${xml}</w:tcPr>`;
    this.blocks(c.children);
    // a cell must end with a paragraph (a Markdown table last in a duty's cell)
    if (c.children[c.children.length - 1]?.kind === 'table') this.out += '<w:p/>';
    this.out += '</w:tc>';
  }
}

function border(side: string, b: Border): string {
  return `<w:${side} w:val="${b.style}" w:color="${attr(b.color)}" w:sz="${b.size}"/>`;
}
