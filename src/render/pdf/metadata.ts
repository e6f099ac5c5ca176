/**
 * Document information and XMP metadata. pdfkit writes XMP without escaping (a title with "&" or "<"
 * gives invalid PDF/A metadata) and without a modification date. On the internals path its XMP
 * writer is replaced by xmp(), which escapes every value and mirrors the Info dictionary exactly; on
 * the public path publicMetadata() gives pdfkit only what it writes correctly and appends the rest.
 */
import type { Outline } from '../common/outline.js';
import type { RenderOptions } from '../types.js';
import {
  infoKey,
  PROVENANCE_FIELDS,
  PROVENANCE_NS,
  PROVENANCE_PREFIX,
  provenanceFields,
  type Provenance,
} from '../../util/provenance.js';
import { escapeXml, xmlChars } from '../../util/xml.js';

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

/** What each provenance property says, for the PDF/A extension schema that declares it. */
const FIELD_DESCRIPTIONS: Record<(typeof PROVENANCE_FIELDS)[number], string> = {
  id: 'The job description id',
  version: 'The job description version',
  reviewed: 'The date the job description was last reviewed',
  tool: 'The version of ametijuhend that built the file',
  fingerprint: 'SHA-256 of the canonical compiled job description',
  parts: 'Digests of the parts of the job description',
  employee: 'The employee of a personalised copy',
  employer: 'The employer of a personalised copy',
  role: 'The role of a personalised copy',
};

/**
 * The PDF/A extension schema (ISO 19005-1 6.7.8, also read by PDF/A-2) that declares the provenance
 * properties: PDF/A allows in XMP only properties of predefined or so declared schemas. The same
 * bytes in every document: every field is declared, whether the document has it or not.
 */
const PROVENANCE_SCHEMA = [
  '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"' +
    ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
  '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
  '<pdfaSchema:schema>ametijuhend provenance</pdfaSchema:schema>',
  `<pdfaSchema:namespaceURI>${PROVENANCE_NS}</pdfaSchema:namespaceURI>`,
  `<pdfaSchema:prefix>${PROVENANCE_PREFIX}</pdfaSchema:prefix>`,
  '<pdfaSchema:property><rdf:Seq>',
  ...PROVENANCE_FIELDS.map(
    (field) =>
      '<rdf:li rdf:parseType="Resource">' +
      `<pdfaProperty:name>${field}</pdfaProperty:name>` +
      '<pdfaProperty:valueType>Text</pdfaProperty:valueType>' +
      '<pdfaProperty:category>external</pdfaProperty:category>' +
      `<pdfaProperty:description>${FIELD_DESCRIPTIONS[field]}</pdfaProperty:description>` +
      '</rdf:li>',
  ),
  '</rdf:Seq></pdfaSchema:property>',
  '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
  '</rdf:Description>',
].join('\n');

/**
 * The provenance fields with the characters XML cannot carry dropped: the same value goes into the
 * XMP and the Info dictionary.
 */
function cleanFields(p: Provenance): [(typeof PROVENANCE_FIELDS)[number], string][] {
  return provenanceFields(p).map(([field, value]) => [field, xmlChars(value)]);
}

/** The provenance's Info dictionary entries (`AmetijuhendFingerprint` …), mirroring its XMP properties. */
export function provenanceInfo(p: Provenance | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (p) for (const [field, value] of cleanFields(p)) out[infoKey(field)] = value;
  return out;
}

/** The provenance as XMP (src/util/provenance.ts), with the extension schema PDF/A requires. */
export function provenanceXmp(p: Provenance | undefined): string {
  if (!p) return '';
  const properties = cleanFields(p).map(
    ([field, value]) => `<${PROVENANCE_PREFIX}:${field}>${escapeXml(value)}</${PROVENANCE_PREFIX}:${field}>`,
  );
  return [
    PROVENANCE_SCHEMA,
    `<rdf:Description rdf:about="" xmlns:${PROVENANCE_PREFIX}="${PROVENANCE_NS}">`,
    ...properties,
    '</rdf:Description>',
  ].join('\n');
}

export function xmp(info: Info, lang: string, provenance?: Provenance): string {
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
    provenanceXmp(provenance),
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
export function publicMetadata(
  info: Info,
  lang: string,
  provenance?: Provenance,
): { info: Partial<Info>; xml: string } {
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
    ...(provenance ? [provenanceXmp(provenance)] : []),
  ];
  return { info: kept, xml: xml.join('\n') };
}
