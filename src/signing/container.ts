/**
 * Reading an ASiC-E (or BDOC: the same layout) container by its structure, within CONTAINER_LIMITS:
 * the zip (zip.ts: bounded, nothing written to disk), `mimetype`, META-INF/manifest.xml, the data
 * files, META-INF/signatures*.xml (signatures.ts). Cryptography is not validated.
 *
 * The rules follow libdigidocpp (the engine of DigiDoc4: ASiContainer::load, ZipSerialize::mimetype,
 * the ASiC_E constructor), strict where it is strict:
 *
 * - `mimetype` must be the first entry (libdigidocpp: "required mimetype not found"); it is first in
 *   the central directory (what libdigidocpp lists) and its local header at offset 0 (what the ETSI
 *   TS 102 918 "first in the archive" means to a sniffer); its content, trailing white space and a
 *   UTF-8 BOM removed as libdigidocpp removes them, is `application/vnd.etsi.asic-e+zip`; a UTF-16
 *   BOM is refused;
 * - META-INF/manifest.xml must exist and parse, with exactly one "/" entry of the container's media
 *   type; a path given twice is refused; directory entries (a path ending in "/") are skipped;
 * - every zip entry outside META-INF/ (and other than `mimetype`) must be in the manifest, and every
 *   manifest path must be in the zip; entries under META-INF/ whose name holds "signatures" are
 *   signature files, other META-INF/ entries are ignored.
 *
 * libdigidocpp accepts a deflated `mimetype`, one with an extra field, and a trailing newline. So
 * does readContainer by default (a container DigiDoc4 opens and signs must be readable here);
 * `{ strict: true }` checks the layout ETSI TS 102 918 and `build --asice` promise: stored, no extra
 * field, no data descriptor, the exact content.
 */
import { readRegularFile } from '../fs/read.js';
import { readFailureWords } from '../fs/report.js';
import { parseXml, XmlProblem, attr, children } from './xml.js';
import { readSignatures } from './signatures.js';
import {
  ASICE_MEDIA_TYPE,
  CONTAINER_LIMITS,
  SigningFailure,
  type Container,
  type ContainerDataFile,
  type ContainerSignature,
} from './types.js';
import { shownName, unsafeName, ZipReader, type ZipEntry } from './zip.js';

export const MANIFEST_NS = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
export const MANIFEST_PATH = 'META-INF/manifest.xml';

export interface ReadOptions {
  /** Check the exact layout `build --asice` writes (see above), not only what DigiDoc4 accepts. */
  strict?: boolean;
}

function readMimetype(zip: ZipReader, options: ReadOptions): string {
  const first = zip.entries[0];
  if (first?.name !== 'mimetype') {
    if (zip.get('mimetype')) throw new SigningFailure('signing.container.mimetypeNotFirst');
    throw new SigningFailure('signing.container.noMimetype');
  }
  if (first.localOffset !== 0) throw new SigningFailure('signing.container.mimetypeNotFirst');
  if (first.size > 256) throw new SigningFailure('signing.container.wrongMimetype', { found: '…' });
  const bytes = zip.read(first);
  if (options.strict) strictMimetype(first, bytes);
  const raw = Buffer.from(bytes);
  if ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff))
    throw new SigningFailure('signing.container.wrongMimetype', { found: 'UTF-16' });
  let text = raw.toString('utf8').replace(/[ \n\r\f\t\v]+$/, '');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  if (text !== ASICE_MEDIA_TYPE)
    throw new SigningFailure('signing.container.wrongMimetype', { found: shownName(text) });
  return text;
}

function strictMimetype(entry: ZipEntry, bytes: Uint8Array): void {
  if (entry.method !== 0) throw new SigningFailure('signing.container.mimetypeCompressed');
  if (entry.localExtraLength !== 0 || entry.centralExtraLength !== 0)
    throw new SigningFailure('signing.container.mimetypeExtraField');
  if (entry.flags & 0x0008) throw new SigningFailure('signing.container.mimetypeDescriptor');
  if (Buffer.from(bytes).toString('latin1') !== ASICE_MEDIA_TYPE)
    throw new SigningFailure('signing.container.mimetypeNotExact');
}

/** The manifest's data file entries (path → media type), in manifest order. */
function readManifest(zip: ZipReader, mimetype: string): Map<string, string> {
  const entry = zip.get(MANIFEST_PATH);
  if (!entry) throw new SigningFailure('signing.container.noManifest');
  let doc;
  try {
    doc = parseXml(zip.read(entry));
  } catch (e) {
    if (!(e instanceof XmlProblem)) throw e;
    throw new SigningFailure('signing.container.badManifest', {
      detail: e.kind === 'doctype' ? 'DOCTYPE' : e.message,
    });
  }
  const root = doc.documentElement!;
  if (root.localName !== 'manifest' || root.namespaceURI !== MANIFEST_NS)
    throw new SigningFailure('signing.container.badManifest', { detail: `root ${root.nodeName}` });
  const files = new Map<string, string>();
  let rootEntries = 0;
  for (const el of children(root, MANIFEST_NS, 'file-entry')) {
    const path = el.getAttributeNS(MANIFEST_NS, 'full-path') ?? attr(el, 'manifest:full-path');
    const type = el.getAttributeNS(MANIFEST_NS, 'media-type') ?? attr(el, 'manifest:media-type') ?? '';
    if (path === null || path === undefined || path === '')
      throw new SigningFailure('signing.container.badManifest', { detail: 'file-entry without full-path' });
    if (path === '/') {
      if (type !== mimetype)
        throw new SigningFailure('signing.container.manifestWrongType', { found: shownName(type) });
      rootEntries++;
      continue;
    }
    if (path.endsWith('/')) continue; // a directory entry (libdigidocpp skips them too)
    if (unsafeName(path) !== undefined)
      throw new SigningFailure('signing.container.unsafeName', { name: shownName(path) });
    if (files.has(path))
      throw new SigningFailure('signing.container.manifestDuplicate', { name: shownName(path) });
    files.set(path, type);
  }
  if (rootEntries === 0) throw new SigningFailure('signing.container.manifestNoRoot');
  if (rootEntries > 1) throw new SigningFailure('signing.container.manifestDuplicate', { name: '/' });
  return files;
}

/** The container in `bytes`; throws SigningFailure when it is not one or breaks a limit. */
export function readContainer(bytes: Uint8Array, options: ReadOptions = {}): Container {
  const zip = new ZipReader(bytes);
  const mimetype = readMimetype(zip, options);
  const manifest = readManifest(zip, mimetype);
  const signatureEntries: ZipEntry[] = [];
  for (const entry of zip.entries) {
    if (entry.directory || entry.name === 'mimetype') continue;
    if (entry.name.startsWith('META-INF/')) {
      if (entry.name.includes('signatures')) signatureEntries.push(entry);
      continue;
    }
    if (!manifest.has(entry.name))
      throw new SigningFailure('signing.container.notInManifest', { name: shownName(entry.name) });
  }
  const files: ContainerDataFile[] = [];
  for (const [name, mediaType] of manifest) {
    const entry = zip.get(name);
    if (!entry || entry.directory)
      throw new SigningFailure('signing.container.missingFile', { name: shownName(name) });
    files.push({ name, mediaType, bytes: zip.read(entry) });
  }
  if (files.length === 0) throw new SigningFailure('signing.container.noDataFiles');
  const signatures: ContainerSignature[] = [];
  for (const entry of signatureEntries)
    for (const s of readSignatures(entry.name, zip.read(entry))) signatures.push(s);
  return { mimetype, files, signatures };
}

/** Whether a data file is a PDF (by its media type, else its name). */
export function isPdf(file: Pick<ContainerDataFile, 'name' | 'mediaType'>): boolean {
  return file.mediaType === 'application/pdf' || (file.mediaType === '' && /\.pdf$/i.test(file.name));
}

/** The container's first PDF data file; throws SigningFailure `signing.container.noPdf` when it has none. */
export function containerPdf(container: Container): ContainerDataFile {
  const pdf = container.files.find(isPdf);
  if (!pdf) {
    const names = container.files.map((f) => shownName(f.name)).join(', ');
    throw new SigningFailure('signing.container.noPdf', { files: names });
  }
  return pdf;
}

/**
 * The container at `path`: a regular file read whole (never more than CONTAINER_LIMITS.fileBytes,
 * checked before reading); throws SigningFailure, `signing.container.cannotRead` when it cannot be read.
 */
export function readContainerFile(path: string, options: ReadOptions = {}): Container {
  const read = readRegularFile(path, CONTAINER_LIMITS.fileBytes);
  if (!read.ok) {
    if (read.reason === 'tooLarge') {
      throw new SigningFailure('signing.container.tooLarge', {
        size: Math.ceil(read.size / 1048576),
        max: CONTAINER_LIMITS.fileBytes / 1048576,
      });
    }
    const why = readFailureWords(read, CONTAINER_LIMITS.fileBytes);
    throw new SigningFailure('signing.container.cannotRead', { path, why_en: why.en, why_et: why.et });
  }
  return readContainer(read.bytes, options);
}
