/**
 * The DOCX package, as pandoc writes one: the parts that are the same in every document come from
 * the reference (reference.generated.ts, written once by scripts/gen-docx-reference.mjs); this module
 * writes the document's own parts — word/document.xml, header and footer, the document's
 * relationships, its list instances, the core and app properties — and zips them with fflate.
 *
 * The package is a pure function of the tree, the language, the date and the application name: no
 * clock, no random ids, parts in the reference's order, every entry stamped with noon of the
 * document's day (see entryTime).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import { escapeXml } from '../../util/xml.js';
import {
  DOCUMENT_OPEN,
  DOCUMENT_RELATIONSHIPS,
  FIXED_PARTS,
  FOOTER_OPEN,
  HEADER_OPEN,
  NUMBERING_XML,
  PART_ORDER,
  STYLES_XML,
} from './reference.generated.js';
import { PAGE } from './styles.js';
import type { DocTree } from './tree.js';
import { PartWriter } from './wordml.js';

const RELATIONSHIPS_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const CORE_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties' +
  ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
  ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
  ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';
const APP_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties' +
  ' xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"' +
  ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">';

/** The id of the relationship of `type` (…/header, …/footer) among the fixed ones before the links. */
function fixedId(type: string): string {
  const at = DOCUMENT_RELATIONSHIPS.beforeLinks.findIndex(([t]) => t.endsWith(`/${type}`));
  if (at < 0) throw new Error(`the DOCX reference has no ${type} relationship`);
  return `rId${at + 1}`;
}

const SECTION =
  `<w:sectPr><w:headerReference w:type="default" r:id="${fixedId('header')}"/>` +
  `<w:footerReference w:type="default" r:id="${fixedId('footer')}"/>` +
  `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
  `<w:pgMar w:top="${PAGE.marginTop}" w:right="${PAGE.marginRight}" w:bottom="${PAGE.marginBottom}"` +
  ` w:left="${PAGE.marginLeft}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
  '<w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>';

/** The id of the first hyperlink relationship: the links follow the fixed relationships before them. */
const FIRST_LINK_ID = DOCUMENT_RELATIONSHIPS.beforeLinks.length + 1;

function relationships(links: readonly string[]): string {
  let xml = RELATIONSHIPS_OPEN;
  let id = 1;
  for (const [type, target] of DOCUMENT_RELATIONSHIPS.beforeLinks)
    xml += `<Relationship Id="rId${id++}" Type="${type}" Target="${target}"/>`;
  for (const url of links)
    xml += `<Relationship Id="rId${id++}" Type="${HYPERLINK}" Target="${escapeXml(url, { attribute: true })}" TargetMode="External"/>`;
  for (const [type, target] of DOCUMENT_RELATIONSHIPS.afterLinks)
    xml += `<Relationship Id="rId${id++}" Type="${type}" Target="${target}"/>`;
  return `${xml}</Relationships>`;
}

/** The abstract list definition of each list of the document, in w:numId order (from 2). */
function listDefinitions(lists: ReadonlyMap<string, number>): number[] {
  return [...lists.keys()].map((key) => {
    const abstract = NUMBERING_XML.abstract[key.slice(0, key.lastIndexOf('-'))];
    if (abstract === undefined) throw new Error(`no list definition for ${key} in the DOCX reference`);
    return abstract;
  });
}

/** word/numbering.xml: the reference's definitions and one instance per list, numbered from 2. */
function numbering(definitions: readonly number[]): string {
  let xml = NUMBERING_XML.head;
  definitions.forEach((abstract, i) => {
    xml += `<w:num w:numId="${i + 2}"><w:abstractNumId w:val="${abstract}"/>${NUMBERING_XML.overrides}</w:num>`;
  });
  return xml + NUMBERING_XML.tail;
}

/** W3CDTF without milliseconds, as Word writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coreProperties(p: DocTree['properties'], date: Date): string {
  const stamp = w3cdtf(date);
  const e = (text: string): string => escapeXml(text);
  return (
    `${CORE_OPEN}<dc:title>${e(p.title)}</dc:title><dc:subject>${e(p.subject)}</dc:subject>` +
    `<dc:creator>${e(p.creator)}</dc:creator><cp:keywords>${e(p.keywords)}</cp:keywords>` +
    `<dc:description>${e(p.description)}</dc:description>` +
    `<cp:lastModifiedBy>${e(p.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`
  );
}

/** The fmtid every custom property of an OOXML package has (ECMA-376 part 1, 22.3.2.2). */
const CUSTOM_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/**
 * docProps/custom.xml: one vt:lpwstr property each, pid from 2 (0 and 1 are reserved). The reference
 * already declares the part in [Content_Types].xml and relates it from _rels/.rels; without
 * properties it is the reference's empty part.
 */
function customProperties(custom: NonNullable<DocTree['custom']> = []): string | undefined {
  if (custom.length === 0) return undefined;
  const open = FIXED_PARTS['docProps/custom.xml']?.replace(/\/>$/, '>');
  if (!open?.endsWith('docPropsVTypes">'))
    throw new Error('the DOCX reference has no custom properties part');
  let xml = open;
  custom.forEach(([name, value], i) => {
    xml +=
      `<property fmtid="${CUSTOM_FMTID}" pid="${i + 2}" name="${escapeXml(name, { attribute: true })}">` +
      `<vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`;
  });
  return `${xml}</Properties>`;
}

const encoder = new TextEncoder();

/** A part deflated, with what the zip records of it. */
interface Deflated {
  deflated: Uint8Array<ArrayBuffer>;
  crc: number;
  size: number;
}

function deflate(text: string): Deflated {
  const data = encoder.encode(text);
  return { deflated: deflateRawSync(data, { level: 6 }), crc: crc32(data), size: data.length };
}

/** The reference's fixed parts, deflated once per process. */
const FIXED_DEFLATED = new Map(Object.entries(FIXED_PARTS).map(([name, xml]) => [name, deflate(xml)]));

/** Parts many documents share — styles.xml per language, numbering.xml per list layout — deflated once. */
const shared = new Map<string, Deflated>();
const SHARED_LIMIT = 200;

function sharedPart(key: string, make: () => string): Deflated {
  let deflated = shared.get(key);
  if (!deflated) {
    if (shared.size >= SHARED_LIMIT) shared.clear();
    deflated = deflate(make());
    shared.set(key, deflated);
  }
  return deflated;
}

/** The document's parts, deflated: its own, then styles and numbering filled in from the reference. */
function documentParts(
  tree: DocTree,
  locale: string,
  date: Date,
  application: string,
): Map<string, Deflated> {
  const body = new PartWriter(FIRST_LINK_ID).blocks(tree.body);
  const header = new PartWriter(FIRST_LINK_ID).blocks(tree.header);
  const footer = new PartWriter(FIRST_LINK_ID).blocks(tree.footer);
  // the layout puts neither in the running header or footer (their ids would need parts of their own)
  if (header.links.length || footer.links.length || header.lists.size || footer.lists.size)
    throw new Error('a DOCX header or footer cannot hold links or lists');
  const lists = listDefinitions(body.lists);
  const app = `${APP_OPEN}<Application>${escapeXml(application)}</Application></Properties>`;
  const custom = customProperties(tree.custom);
  return new Map([
    ...(custom ? [['docProps/custom.xml', deflate(custom)] as const] : []),
    ['word/document.xml', deflate(`${DOCUMENT_OPEN}<w:body>${body.take()}${SECTION}</w:body></w:document>`)],
    ['word/_rels/document.xml.rels', deflate(relationships(body.links))],
    ['word/header1.xml', deflate(`${HEADER_OPEN}${header.take()}</w:hdr>`)],
    ['word/footer1.xml', deflate(`${FOOTER_OPEN}${footer.take()}</w:ftr>`)],
    ['docProps/core.xml', deflate(coreProperties(tree.properties, date))],
    ['docProps/app.xml', sharedPart(`app\u0000${application}`, () => app)],
    [
      'word/styles.xml',
      sharedPart(
        `styles\u0000${locale}`,
        () => `${STYLES_XML[0]}${escapeXml(locale, { attribute: true })}${STYLES_XML[1]}`,
      ),
    ],
    ['word/numbering.xml', sharedPart(`numbering\u0000${lists.join()}`, () => numbering(lists))],
  ]);
}

/**
 * The entries' modification time: a zip entry holds a local wall-clock time, which fflate takes from
 * a Date's local fields. Noon of the document's (UTC) day, built from local fields, reads the same in
 * every time zone; midnight would not (where summer time starts at midnight, that hour is missing).
 */
function entryTime(date: Date): Date {
  const year = Math.min(2099, Math.max(1980, date.getUTCFullYear()));
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
}

/**
 * The zip of the entries, in order, with fflate's Zip: each entry is handed over already deflated
 * (fflate's ZipInputFile, meant for custom compression), so the parts every package shares are
 * deflated once, not once per document.
 */
function zip(entries: readonly (readonly [string, Deflated])[], mtime: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  const archive = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, { deflated, crc, size }] of entries) {
    const file: ZipInputFile = { filename, size, crc, compression: 8, mtime };
    archive.add(file);
    file.ondata?.(null, deflated, true);
  }
  archive.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** The package of a document tree: the reference's parts and the document's, in the reference's order. */
export function writeDocxPackage(tree: DocTree, locale: string, date: Date, application: string): Uint8Array {
  const own = documentParts(tree, locale, date, application);
  const entries = PART_ORDER.map((name) => {
    const entry = own.get(name) ?? FIXED_DEFLATED.get(name);
    if (!entry) throw new Error(`the DOCX reference has no part ${name}`);
    return [name, entry] as const;
  });
  return zip(entries, entryTime(date));
}
