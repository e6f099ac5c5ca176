/**
 * The zip package of a DOCX, read within IMPORT_LIMITS: the central directory is parsed here (no
 * part is inflated until asked for), and each part is inflated with fflate's streaming Inflate in
 * small chunks, so a zip bomb is stopped as soon as its output passes the limit, whatever sizes
 * the directory declares. Compound (OLE) files are recognised first: a password-protected DOCX and
 * an old binary .doc both are one.
 */
import { Inflate } from 'fflate';
import { IMPORT_LIMITS, ImportFailure } from '../types.js';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether `bytes` holds the UTF-16LE spelling of `name` (the form names take in a compound file's directory). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(pattern));
}

/** Throws the ImportFailure that says what a compound (OLE) file is, when `bytes` is one. */
function rejectCompoundFile(bytes: Uint8Array): void {
  if (bytes.length < 512 || !OLE_MAGIC.every((b, i) => bytes[i] === b)) return;
  // An encrypted OOXML package (ECMA-376 Agile/Standard encryption) is a compound file whose
  // directory has the streams "EncryptionInfo" and "EncryptedPackage".
  if (hasUtf16Name(bytes, 'EncryptionInfo') || hasUtf16Name(bytes, 'EncryptedPackage')) {
    throw new ImportFailure('import.docx.encrypted');
  }
  if (hasUtf16Name(bytes, 'WordDocument')) throw new ImportFailure('import.docx.legacyDoc');
  throw new ImportFailure('import.docx.compoundNotWord');
}

export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length > IMPORT_LIMITS.fileBytes) {
      throw new ImportFailure('import.docx.tooLarge', {
        size: Math.ceil(bytes.length / 1048576),
        max: IMPORT_LIMITS.fileBytes / 1048576,
      });
    }
    rejectCompoundFile(bytes);
    if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new ImportFailure('import.docx.corrupt');
    }
    this.readDirectory();
  }

  private readDirectory(): void {
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // the end-of-central-directory record: the last 22 bytes, or up to 64 KiB earlier with a comment
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ImportFailure('import.docx.corrupt');
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    if (count === 0xffff || at === 0xffffffff) throw new ImportFailure('import.docx.corrupt'); // zip64: never a Word file under 50 MB
    let declared = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) {
        throw new ImportFailure('import.docx.corrupt');
      }
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      if (at + 46 + nameLength > b.length) throw new ImportFailure('import.docx.corrupt');
      const entry: ZipEntry = {
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localOffset: view.getUint32(at + 42, true),
        name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, '/'),
      };
      declared += entry.size;
      this.entries.set(entry.name.replace(/^\//, ''), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    // A declared size beyond the limits: a zip bomb (or no Word file), refused before inflating.
    if (declared > IMPORT_LIMITS.unzippedBytes) this.bomb();
  }

  private bomb(): never {
    throw new ImportFailure('import.docx.zipBomb', { max: IMPORT_LIMITS.unzippedBytes / 1048576 });
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The part's bytes, or undefined when the package has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.size > IMPORT_LIMITS.partBytes) this.bomb();
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const local = entry.localOffset;
    if (local + 30 > b.length || view.getUint32(local, true) !== 0x04034b50) {
      throw new ImportFailure('import.docx.corrupt');
    }
    if (entry.flags & 1) throw new ImportFailure('import.docx.encrypted'); // zip-level encryption
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new ImportFailure('import.docx.corrupt');
    const data = b.subarray(start, end);
    if (entry.method === 0) return this.count(data);
    if (entry.method !== 8) throw new ImportFailure('import.docx.corrupt');
    if (data.length === 0) return this.count(data);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const inflate = new Inflate((chunk, final) => {
      size += chunk.length;
      // the actual output, whatever was declared: stop at the limit
      if (size > IMPORT_LIMITS.partBytes || this.inflated + size > IMPORT_LIMITS.unzippedBytes) this.bomb();
      chunks.push(chunk);
      if (final) done = true;
    });
    // small input chunks bound each push's output (deflate inflates at most ~1032:1)
    const step = 16 * 1024;
    try {
      for (let i = 0; i < data.length; i += step) {
        inflate.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
      }
    } catch (error) {
      if (error instanceof ImportFailure) throw error;
      throw new ImportFailure('import.docx.corrupt');
    }
    if (!done) throw new ImportFailure('import.docx.corrupt');
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return this.count(out);
  }

  private count(data: Uint8Array): Uint8Array {
    if (data.length > IMPORT_LIMITS.partBytes) this.bomb();
    this.inflated += data.length;
    if (this.inflated > IMPORT_LIMITS.unzippedBytes) this.bomb();
    return data;
  }
}
