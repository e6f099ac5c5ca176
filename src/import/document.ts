/**
 * One document through the stages of import: its format found from its bytes (not its name
 * alone), read by the reader of that format, recognised, written as Markdown. The readers are
 * loaded when first needed, so nothing else of the tool ever loads pdfjs.
 */
import { extname } from 'node:path';
import { unzipSync } from 'fflate';
import { convertToDocx, sofficePath, type ConvertibleFormat } from './convert.js';
import { writeMarkdown } from './markdown.js';
import { recognise } from './recognise/index.js';
import {
  IMPORT_LIMITS,
  ImportFailure,
  type Draft,
  type ImportNote,
  type RecogniseContext,
  type SourceDocument,
} from './types.js';

/** What the bytes are, as far as import is concerned. */
export type SniffedFormat = 'pdf' | 'docx' | 'ole' | 'odt' | 'rtf' | 'zip' | 'unknown';

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  Buffer.from(bytes.subarray(from, Math.min(to, bytes.length))).toString('latin1');

/** The names of a zip's entries, read from its directory without inflating any (undefined: not readable). */
function zipNames(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
}

/**
 * The format by magic bytes: "%PDF-" (within the first KiB, as PDF readers allow), a zip holding
 * word/document.xml (DOCX) or an OpenDocument text, an OLE compound file (a Word 97–2003 .doc or an
 * encrypted DOCX), "{\rtf". A zip whose directory cannot be read is left to the DOCX reader.
 */
export function sniff(bytes: Uint8Array): SniffedFormat {
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (ascii(bytes, 0, 4) === 'PK\u0003\u0004') {
    const names = zipNames(bytes);
    if (!names) return 'docx';
    if (names.some((n) => n.replace(/^\//, '') === 'word/document.xml')) return 'docx';
    if (
      names.includes('content.xml') &&
      ascii(bytes, 30, 100).includes('application/vnd.oasis.opendocument.text')
    )
      return 'odt';
    if (names.includes('content.xml')) return 'odt';
    return 'zip';
  }
  return 'unknown';
}

/** UTF-16LE text, as the names of an OLE file's streams are stored. */
const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');

/** Whether an OLE compound file is a Word 97–2003 document (not an encrypted DOCX, which holds "EncryptionInfo"). */
function isWordBinary(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return !b.includes(utf16('EncryptionInfo')) && b.includes(utf16('WordDocument'));
}

/** What LibreOffice would have to convert these bytes from, or undefined when import reads them itself. */
export function convertibleFormat(bytes: Uint8Array, format = sniff(bytes)): ConvertibleFormat | undefined {
  if (format === 'odt' || format === 'rtf') return format;
  return format === 'ole' && isWordBinary(bytes) ? 'doc' : undefined;
}

export const FORMAT_NAMES: Record<ConvertibleFormat, string> = { doc: '.doc', odt: '.odt', rtf: '.rtf' };

export interface ImportDocumentOptions {
  /** The LibreOffice program to convert .doc/.odt/.rtf with; default: soffice on the PATH; false: never. */
  soffice?: string | false;
  /** The bytes are a .docx that LibreOffice made from a file of this format (noted in the draft). */
  convertedFrom?: ConvertibleFormat;
}

export interface ImportedDocument {
  source: SourceDocument;
  draft: Draft;
  markdown: string;
}

/**
 * A document's bytes imported: read (DOCX or PDF; .doc, .odt and .rtf through LibreOffice when it
 * is there), recognised with what the docs repository knows (`ctx`), written as FORMAT v1 Markdown.
 * Throws ImportFailure for a file that cannot be imported (its `id` says why). `draft.notes` holds
 * every note of the reader and the recogniser.
 */
export async function importDocument(
  bytes: Uint8Array,
  fileName: string,
  ctx: RecogniseContext,
  options: ImportDocumentOptions = {},
): Promise<ImportedDocument> {
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes) {
    const mb = (n: number): number => Math.ceil(n / (1024 * 1024));
    throw new ImportFailure('import.fileTooLarge', {
      size: mb(bytes.byteLength),
      max: mb(IMPORT_LIMITS.fileBytes),
    });
  }
  const converted: ImportNote[] = [];
  if (options.convertedFrom)
    converted.push({
      id: 'import.converted',
      data: { format: FORMAT_NAMES[options.convertedFrom] },
      severity: 'warning',
    });
  const source = await read(bytes, fileName, options, converted);
  const draft = recognise(source, ctx);
  // the readers' notes first, then the recogniser's (which may pass some of them on)
  const notes = [...converted, ...source.notes];
  for (const n of draft.notes) if (!notes.includes(n)) notes.push(n);
  const full: Draft = { ...draft, notes };
  return { source, draft: full, markdown: writeMarkdown(full) };
}

async function read(
  bytes: Uint8Array,
  fileName: string,
  options: ImportDocumentOptions,
  notes: ImportNote[],
): Promise<SourceDocument> {
  const format = sniff(bytes);
  const ext = extname(fileName).toLowerCase();
  const soffice = options.soffice === false ? undefined : (options.soffice ?? sofficePath());
  const convertible = convertibleFormat(bytes, format);
  if (convertible) {
    if (!soffice) {
      // an OLE file is the DOCX reader's to judge (it tells a .doc from a password-protected DOCX)
      if (format === 'ole') return docx(bytes);
      throw new ImportFailure('import.convertFirst', { format: FORMAT_NAMES[convertible] });
    }
    const [out] = await convertToDocx([{ bytes, format: convertible }], soffice);
    if (out instanceof ImportFailure) throw out;
    notes.push({ id: 'import.converted', data: { format: FORMAT_NAMES[convertible] }, severity: 'warning' });
    return docx(out!);
  }
  switch (format) {
    case 'pdf':
      return (await import('./pdf/read.js')).readPdf(bytes);
    case 'docx':
    case 'ole':
      return docx(bytes);
    case 'zip':
      throw new ImportFailure('import.notWordZip');
    default:
      // a name that says .doc, .odt or .rtf: how to convert is the more helpful answer
      if (ext === '.doc' || ext === '.odt' || ext === '.rtf')
        throw new ImportFailure('import.convertFirst', { format: ext });
      throw new ImportFailure('import.unknownFormat');
  }
}

async function docx(bytes: Uint8Array): Promise<SourceDocument> {
  return (await import('./docx/read.js')).readDocx(bytes);
}
