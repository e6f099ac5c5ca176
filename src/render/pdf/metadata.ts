/**
 * Document information and XMP metadata. pdfkit writes XMP without escaping (a title with "&" or "<"
 * gives invalid PDF/A metadata) and without a modification date, so the document's XMP writer is
 * replaced by one that escapes every value and mirrors the Info dictionary exactly.
 */
import type PDFDocument from 'pdfkit';
import type { Outline } from '../common/outline.js';
import type { RenderOptions } from '../types.js';
import { escapeXml } from '../../util/xml.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface Info {
  Title: string;
  Author?: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

/** The same bytes for the same input: the date comes from the options, never from the clock. */
export function documentInfo(outline: Outline, options: RenderOptions, keywords: readonly string[]): Info {
  const info: Info = {
    Title: outline.title,
    Subject: outline.documentTitle,
    Keywords: [...new Set(keywords.map((k) => k.trim()).filter(Boolean))].join(', '),
    Creator: `ametijuhend ${options.toolVersion}`,
    Producer: `ametijuhend ${options.toolVersion} (PDFKit)`,
    CreationDate: options.date,
    ModDate: options.date,
  };
  if (outline.organisation) info.Author = outline.organisation;
  return info;
}

function xmpDate(d: Date): string {
  return `${d.toISOString().split('.')[0]}Z`;
}

export function xmp(info: Info, lang: string): string {
  const e = escapeXml;
  const author = info.Author
    ? `<dc:creator><rdf:Seq><rdf:li>${e(info.Author)}</rdf:li></rdf:Seq></dc:creator>`
    : '';
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${e(info.Creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.Title)}</rdf:li></rdf:Alt></dc:title>`,
    author,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.Subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${e(lang)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${e(info.Producer)}</pdf:Producer>`,
    `<pdf:Keywords>${e(info.Keywords)}</pdf:Keywords>`,
    '</rdf:Description>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Replaces pdfkit's XMP info writer on this document only. */
export function installXmp(doc: Doc, info: Info, lang: string): void {
  (doc as unknown as { _addInfo: () => void })._addInfo = () => doc.appendXML(xmp(info, lang));
}
