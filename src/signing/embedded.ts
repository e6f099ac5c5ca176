/**
 * Reading back the provenance an output carries (src/util/provenance.ts): from a PDF's XMP (or its
 * Info dictionary), a DOCX's docProps/custom.xml, an HTML file's meta elements.
 *
 * - PDF: pdfkit writes the XMP packet uncompressed, so it is found by a byte scan and parsed
 *   namespace-aware (both RDF spellings of a property: an element or an attribute of
 *   rdf:Description). When no packet carries the provenance (another program re-saved the file with
 *   compressed object streams, or dropped the XMP), pdfjs-dist, loaded on first use, reads the Info
 *   dictionary's `Ametijuhend…` entries and the metadata stream wherever they are.
 * - DOCX: docProps/custom.xml through the import's bounded zip reader (src/import/docx/zip.ts: the
 *   directory first, each part inflated in small chunks within IMPORT_LIMITS).
 * - HTML: a scan of the start tags before `<body>` (comments and the text of raw-text elements
 *   skipped), attributes read as the HTML tokenizer reads them (any order, either quote or none,
 *   character references decoded), so a page a browser saved again still reads.
 * A file with no provenance gives `provenance: undefined`; a damaged one throws SigningFailure.
 */
import type { Element } from '@xmldom/xmldom';
import { ZipPackage } from '../import/docx/zip.js';
import { ImportFailure } from '../import/types.js';
import {
  infoKey,
  parseProvenance,
  propertyName,
  PROVENANCE_FIELDS,
  PROVENANCE_NS,
  type Provenance,
  type ProvenanceField,
} from '../util/provenance.js';
import { CONTAINER_LIMITS, SigningFailure, type Embedded } from './types.js';
import { openPdf, type PdfDocument } from '../util/pdfjs.js';
import { parseXml as parseXmlBytes } from './xml.js';

/** What `bytes` (an output of `kind`) says of its source; throws SigningFailure for a damaged file. */
export async function readEmbedded(bytes: Uint8Array, kind: Embedded['kind']): Promise<Embedded> {
  if (bytes.length > CONTAINER_LIMITS.fileBytes) {
    throw new SigningFailure('signing.embedded.tooLarge', {
      size: Math.ceil(bytes.length / 1048576),
      max: CONTAINER_LIMITS.fileBytes / 1048576,
    });
  }
  const provenance =
    kind === 'pdf' ? await fromPdf(bytes) : kind === 'docx' ? fromDocx(bytes) : fromHtml(bytes);
  return provenance ? { kind, provenance } : { kind };
}

/** The provenance from values by field name (the first of each), or undefined. */
function fromValues(values: ReadonlyMap<ProvenanceField, string>): Provenance | undefined {
  return parseProvenance((field) => values.get(field));
}

// ---------------------------------------------------------------------------------------------
// XML

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const ELEMENT_NODE = 1;

/** A namespace-aware parse (./xml.ts: no DOCTYPE); undefined when the text is not well-formed XML. */
function parseXml(text: string): Element | undefined {
  try {
    return parseXmlBytes(new TextEncoder().encode(text)).documentElement ?? undefined;
  } catch {
    return undefined;
  }
}

function elements(root: Element, ns: string, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, local));
}

const isField = (name: string): name is ProvenanceField =>
  (PROVENANCE_FIELDS as readonly string[]).includes(name);

/** The provenance properties of an XMP packet (either RDF spelling), by field. */
function xmpValues(root: Element): Map<ProvenanceField, string> {
  const values = new Map<ProvenanceField, string>();
  for (const description of elements(root, RDF_NS, 'Description')) {
    for (const attr of Array.from(description.attributes)) {
      if (
        attr.namespaceURI === PROVENANCE_NS &&
        isField(attr.localName ?? '') &&
        !values.has(attr.localName as ProvenanceField)
      )
        values.set(attr.localName as ProvenanceField, attr.value);
    }
    for (const child of Array.from(description.childNodes)) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as Element;
      const local = el.localName ?? '';
      if (el.namespaceURI === PROVENANCE_NS && isField(local) && !values.has(local))
        values.set(local, el.textContent ?? '');
    }
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// PDF

const XMP_OPEN = Buffer.from('<x:xmpmeta');
const XMP_CLOSE = Buffer.from('</x:xmpmeta>');
const NS_BYTES = Buffer.from(PROVENANCE_NS);

/**
 * The provenance of the uncompressed XMP packets, the last packet first (an incremental update
 * appends the newer one); `malformed` when a packet that names the namespace does not parse.
 */
function scanXmp(bytes: Buffer): { provenance?: Provenance; malformed: boolean } {
  const packets: [number, number][] = [];
  for (let at = bytes.indexOf(XMP_OPEN); at >= 0; at = bytes.indexOf(XMP_OPEN, at + 1)) {
    const end = bytes.indexOf(XMP_CLOSE, at);
    if (end < 0) break;
    packets.push([at, end + XMP_CLOSE.length]);
  }
  let malformed = false;
  for (const [start, end] of packets.reverse()) {
    const packet = bytes.subarray(start, end);
    if (!packet.includes(NS_BYTES)) continue;
    const root = parseXml(new TextDecoder('utf-8').decode(packet));
    if (!root) {
      malformed = true;
      continue;
    }
    const provenance = fromValues(xmpValues(root));
    if (provenance) return { provenance, malformed };
  }
  return { malformed };
}

const damagedPdf = (reason: string): SigningFailure =>
  new SigningFailure('signing.embedded.damagedPdf', { reason });

/** The Info dictionary's entries and the metadata stream's provenance, as pdfjs reads them. */
async function pdfjsProvenance(bytes: Uint8Array): Promise<Provenance | undefined> {
  let doc: PdfDocument;
  try {
    doc = await openPdf(bytes);
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    throw damagedPdf(name === 'PasswordException' ? 'encrypted' : e instanceof Error ? e.message : String(e));
  }
  try {
    const { info, metadata } = await doc.getMetadata();
    const raw = metadata?.getRaw();
    const root = typeof raw === 'string' && raw.includes(PROVENANCE_NS) ? parseXml(raw) : undefined;
    const fromXmp = root ? fromValues(xmpValues(root)) : undefined;
    if (fromXmp) return fromXmp;
    const custom = (info as { Custom?: Record<string, unknown> } | undefined)?.Custom ?? {};
    const values = new Map<ProvenanceField, string>();
    for (const field of PROVENANCE_FIELDS) {
      const value = custom[infoKey(field)];
      if (typeof value === 'string') values.set(field, value);
      // pdfjs gives a name (/Foo) as an object with a name: never a value of ours
    }
    return fromValues(values);
  } catch (e) {
    throw damagedPdf(e instanceof Error ? e.message : String(e));
  } finally {
    await doc.destroy();
  }
}

async function fromPdf(input: Uint8Array): Promise<Provenance | undefined> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // a PDF starts with "%PDF-" within its first kilobyte
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw damagedPdf('no %PDF header');
  const scanned = scanXmp(bytes);
  if (scanned.provenance) return scanned.provenance;
  const provenance = await pdfjsProvenance(input);
  if (!provenance && scanned.malformed) throw damagedPdf('malformed XMP metadata');
  return provenance;
}

// ---------------------------------------------------------------------------------------------
// DOCX

const damagedDocx = (reason: string): SigningFailure =>
  new SigningFailure('signing.embedded.damagedDocx', { reason });

function fromDocx(bytes: Uint8Array): Provenance | undefined {
  let xml: Uint8Array | undefined;
  try {
    const pkg = new ZipPackage(bytes);
    if (!pkg.has('[Content_Types].xml')) throw damagedDocx('not an OOXML package');
    xml = pkg.read('docProps/custom.xml');
  } catch (e) {
    if (e instanceof SigningFailure) throw e;
    if (e instanceof ImportFailure && e.id === 'import.docx.tooLarge')
      throw new SigningFailure('signing.embedded.tooLarge', e.data);
    throw damagedDocx(e instanceof ImportFailure ? e.id.replace(/^import\.docx\./, '') : String(e));
  }
  if (!xml) return undefined;
  const root = parseXml(new TextDecoder('utf-8').decode(xml));
  if (root?.namespaceURI !== CUSTOM_NS || root.localName !== 'Properties')
    throw damagedDocx('malformed docProps/custom.xml');
  const byName = new Map<string, ProvenanceField>(PROVENANCE_FIELDS.map((f) => [propertyName(f), f]));
  const values = new Map<ProvenanceField, string>();
  for (const property of elements(root, CUSTOM_NS, 'property')) {
    const field = byName.get(property.getAttribute('name') ?? '');
    if (field === undefined || values.has(field)) continue;
    // the value is the property's one child (vt:lpwstr as we write it; another string type as edited)
    const value = Array.from(property.childNodes).find((n) => n.nodeType === ELEMENT_NODE);
    if (value) values.set(field, value.textContent ?? '');
  }
  return fromValues(values);
}

// ---------------------------------------------------------------------------------------------
// HTML

const damagedHtml = (reason: string): SigningFailure =>
  new SigningFailure('signing.embedded.damagedHtml', { reason });

/** Elements whose content is text, never tags (a `<meta` inside them is no element). */
const RAW_TEXT = new Set([
  'script',
  'style',
  'title',
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** An attribute value with its character references decoded (numeric ones and the common named ones). */
function decodeReferences(value: string): string {
  return value.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));?/g,
    (whole, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return NAMED[name] ?? whole;
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\ufffd';
    },
  );
}

/** The attributes of a start tag from `at` (just after its name) and the index after its `>`. */
function readAttributes(s: string, at: number): { attrs: Map<string, string>; end: number } {
  const attrs = new Map<string, string>();
  let i = at;
  const space = /[\t\n\f\r /]/;
  while (i < s.length) {
    while (i < s.length && space.test(s[i]!)) i++;
    if (i >= s.length) break;
    if (s[i] === '>') return { attrs, end: i + 1 };
    let name = '';
    while (i < s.length && !/[\t\n\f\r />=]/.test(s[i]!)) name += s[i++];
    if (name === '' && s[i] === '=') name = s[i++]!; // "=" as the first character of a name
    while (i < s.length && /[\t\n\f\r ]/.test(s[i]!)) i++;
    let value = '';
    if (s[i] === '=') {
      i++;
      while (i < s.length && /[\t\n\f\r ]/.test(s[i]!)) i++;
      const quote = s[i];
      if (quote === '"' || quote === "'") {
        const close = s.indexOf(quote, i + 1);
        const stop = close < 0 ? s.length : close;
        value = s.slice(i + 1, stop);
        i = stop + 1;
      } else {
        while (i < s.length && !/[\t\n\f\r >]/.test(s[i]!)) value += s[i++];
      }
    }
    const key = name.toLowerCase();
    if (key && !attrs.has(key)) attrs.set(key, decodeReferences(value));
  }
  return { attrs, end: s.length };
}

function fromHtml(bytes: Uint8Array): Provenance | undefined {
  const s = new TextDecoder('utf-8').decode(bytes);
  if (s.includes('\u0000') || !/<(?:!doctype|html|head|meta|body)\b/i.test(s))
    throw damagedHtml('no HTML markup');
  const byName = new Map<string, ProvenanceField>(PROVENANCE_FIELDS.map((f) => [propertyName(f), f]));
  const values = new Map<ProvenanceField, string>();
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      i = end < 0 ? s.length : end + 3;
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][^\t\n\f\r />]*)/.exec(s.slice(lt, lt + 64));
    if (!tag) {
      i = lt + 1;
      continue;
    }
    const name = tag[2]!.toLowerCase();
    const { attrs, end } = readAttributes(s, lt + tag[0].length);
    i = end;
    if (tag[1]) continue;
    if (name === 'body') break;
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'giu');
      close.lastIndex = i;
      i = close.exec(s)?.index ?? s.length;
      continue;
    }
    if (name !== 'meta') continue;
    const field = byName.get(attrs.get('name') ?? '');
    const content = attrs.get('content');
    if (field !== undefined && content !== undefined && !values.has(field)) values.set(field, content);
  }
  return fromValues(values);
}
