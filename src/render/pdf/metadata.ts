/**
 * Document information and XMP metadata. pdfkit writes XMP without escaping (a title with "&" or "<"
 * gives invalid PDF/A metadata) and without a modification date. On the internals path its XMP
 * writer is replaced by xmp(), which escapes every value and mirrors the Info dictionary exactly; on
 * the public path publicMetadata() gives pdfkit only what it writes correctly and appends the rest.
 */
import type { Outline } from '../common/outline.js';
import type { RenderOptions } from '../types.js';
import { escapeXml } from '../../util/xml.js';

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

/** The Info fields pdfkit mirrors into its XMP packet, unescaped, and their XMP elements. */
const MIRRORED = {
  Title: ['dc', (v) => `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${v}</rdf:li></rdf:Alt></dc:title>`],
  Author: ['dc', (v) => `<dc:creator><rdf:Seq><rdf:li>${v}</rdf:li></rdf:Seq></dc:creator>`],
  Subject: [
    'dc',
    (v) => `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${v}</rdf:li></rdf:Alt></dc:description>`,
  ],
  Keywords: ['pdf', (v) => `<pdf:Keywords>${v}</pdf:Keywords>`],
} as const satisfies Record<string, readonly ['dc' | 'pdf', (escaped: string) => string]>;

/**
 * Metadata for pdfkit's own XMP writer (the public path). pdfkit mirrors Title, Author, Subject,
 * Keywords, Creator, Producer and CreationDate into the XMP as they are: a value with an XML markup
 * character is left out of the Info dictionary (PDF/A lets the XMP say more than the Info, never
 * something else) and goes, escaped, into `xml` with what pdfkit does not write (the modification
 * dates, format and language). Append `xml` with doc.appendXML().
 */
export function publicMetadata(info: Info, lang: string): { info: Partial<Info>; xml: string } {
  const e = escapeXml;
  const safe = (v: string): boolean => e(v) === v;
  const kept: Partial<Info> = { ...info };
  const dc: string[] = ['<dc:format>application/pdf</dc:format>'];
  const pdf: string[] = [];
  for (const [key, [ns, element]] of Object.entries(MIRRORED)) {
    const value = info[key as keyof typeof MIRRORED];
    if (value === undefined || safe(value)) continue;
    delete kept[key as keyof typeof MIRRORED];
    (ns === 'dc' ? dc : pdf).push(element(e(value)));
  }
  // pdfkit would write its own name in place of an unsafe Creator or Producer: the same in both places
  if (!safe(info.Creator)) delete kept.Creator;
  if (!safe(info.Producer)) delete kept.Producer;
  dc.push(`<dc:language><rdf:Bag><rdf:li>${e(lang)}</rdf:li></rdf:Bag></dc:language>`);
  const xml = [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    ...dc,
    '</rdf:Description>',
    ...(pdf.length
      ? [
          '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
          ...pdf,
          '</rdf:Description>',
        ]
      : []),
  ];
  return { info: kept, xml: xml.join('\n') };
}
