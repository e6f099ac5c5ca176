/**
 * A bounded, read-only zip reader for containers (the approach of src/import/docx/zip.ts, stricter):
 * the central directory is read and checked whole before any entry is inflated, every entry's local
 * header is checked against it, and each entry is inflated with fflate's streaming Inflate in small
 * chunks, stopped as soon as its output passes what the directory declared. Nothing is written to
 * disk; a hostile file fails fast with a SigningFailure, within CONTAINER_LIMITS, whatever it claims:
 *
 * - a declared size over a limit (a "1 GB data file") fails before anything is allocated;
 * - entries that overlap (the "overlapping files" bomb), a local header that names another file or
 *   method than the directory, data past the end: corrupt;
 * - names that could escape a folder if ever extracted (`../`, absolute, backslashes, drive letters,
 *   control characters) and duplicated names: refused, even though nothing is extracted;
 * - encrypted entries, methods other than stored and deflate, zip64, split archives: refused.
 */
import { Inflate } from 'fflate';
import { CONTAINER_LIMITS, SigningFailure } from './types.js';

export interface ZipEntry {
  name: string;
  /** Position in the central directory. */
  index: number;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The local header's extra field length. */
  localExtraLength: number;
  /** The central directory entry's extra field length. */
  centralExtraLength: number;
  /** Where the entry's data starts. */
  dataOffset: number;
  directory: boolean;
}

const MB = 1024 * 1024;
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

let table: Uint32Array | undefined;
/** CRC-32 (IEEE), as zip stores it. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Why `name` is not a safe entry name, or undefined when it is one. */
export function unsafeName(name: string): string | undefined {
  if (name === '') return 'empty';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(name)) return 'drive';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..')) return 'parent';
  if (parts.some((p) => p === '.' || p === '')) return 'dot';
  return undefined;
}

/** A name as shown in a message: printable, not too long. */
export function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return printable.length > 120 ? `${printable.slice(0, 117)}…` : printable;
}

export class ZipReader {
  /** The entries in central directory order. */
  readonly entries: ZipEntry[] = [];
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length > CONTAINER_LIMITS.fileBytes) {
      throw new SigningFailure('signing.container.tooLarge', {
        size: Math.ceil(bytes.length / MB),
        max: CONTAINER_LIMITS.fileBytes / MB,
      });
    }
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 22 || this.u32(0) !== LOCAL) throw new SigningFailure('signing.container.notZip');
    this.readDirectory();
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  private corrupt(detail: string): never {
    throw new SigningFailure('signing.container.corrupt', { detail });
  }

  /** The end of central directory record's offset. */
  private findEnd(): number {
    const b = this.bytes;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (this.u32(i) === END) return i;
    }
    throw new SigningFailure('signing.container.notZip');
  }

  private readDirectory(): void {
    const eocd = this.findEnd();
    const disk = this.u16(eocd + 4);
    const cdDisk = this.u16(eocd + 6);
    const onDisk = this.u16(eocd + 8);
    const count = this.u16(eocd + 10);
    const cdSize = this.u32(eocd + 12);
    const cdOffset = this.u32(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
      throw new SigningFailure('signing.container.unsupported', { what: 'zip64' });
    if (disk !== 0 || cdDisk !== 0 || onDisk !== count)
      throw new SigningFailure('signing.container.unsupported', { what: 'split archive' });
    if (count > CONTAINER_LIMITS.entries)
      throw new SigningFailure('signing.container.tooManyEntries', {
        n: count,
        max: CONTAINER_LIMITS.entries,
      });
    if (cdOffset + cdSize > eocd) this.corrupt('central directory');
    let at = cdOffset;
    let declared = 0;
    for (let index = 0; index < count; index++) {
      const { entry, next } = this.centralEntry(at, index, eocd);
      declared += entry.size;
      if (declared > CONTAINER_LIMITS.unzippedBytes)
        throw new SigningFailure('signing.container.unzippedTooLarge', {
          max: CONTAINER_LIMITS.unzippedBytes / MB,
        });
      this.entries.push(entry);
      this.byName.set(entry.name, entry);
      at = next;
    }
    this.checkLocalHeaders(cdOffset);
  }

  /** The entry's name, checked: UTF-8, safe, not seen before. */
  private entryName(at: number, length: number): string {
    const raw = this.bytes.subarray(at, at + length);
    let name: string;
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      const shown = shownName(Buffer.from(raw).toString('latin1'));
      throw new SigningFailure('signing.container.unsafeName', { name: shown });
    }
    if (unsafeName(name) !== undefined)
      throw new SigningFailure('signing.container.unsafeName', { name: shownName(name) });
    if (this.byName.has(name))
      throw new SigningFailure('signing.container.duplicateName', { name: shownName(name) });
    return name;
  }

  /** The central directory entry at `at`, checked against the limits before anything is read. */
  private centralEntry(at: number, index: number, eocd: number): { entry: ZipEntry; next: number } {
    if (at + 46 > eocd || this.u32(at) !== CENTRAL) this.corrupt('central directory');
    const nameLength = this.u16(at + 28);
    const extraLength = this.u16(at + 30);
    const commentLength = this.u16(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > eocd) this.corrupt('central directory');
    const name = this.entryName(at + 46, nameLength);
    const entry: ZipEntry = {
      name,
      index,
      flags: this.u16(at + 8),
      method: this.u16(at + 10),
      crc: this.u32(at + 16),
      compressedSize: this.u32(at + 20),
      size: this.u32(at + 24),
      localOffset: this.u32(at + 42),
      centralExtraLength: extraLength,
      localExtraLength: 0,
      dataOffset: 0,
      directory: name.endsWith('/'),
    };
    const shown = shownName(name);
    const { method } = entry;
    if (entry.flags & 0x0001 || method === 99)
      throw new SigningFailure('signing.container.encrypted', { name: shown });
    if (method !== 0 && method !== 8)
      throw new SigningFailure('signing.container.unsupportedMethod', { name: shown, method });
    if ([entry.size, entry.compressedSize, entry.localOffset].includes(0xffffffff))
      throw new SigningFailure('signing.container.unsupported', { what: 'zip64' });
    // a declared size over the limits fails here, before anything is read or allocated
    if (entry.size > CONTAINER_LIMITS.entryBytes) {
      throw new SigningFailure('signing.container.entryTooLarge', {
        name: shown,
        size: Math.ceil(entry.size / MB),
        max: CONTAINER_LIMITS.entryBytes / MB,
      });
    }
    if (method === 0 && entry.size !== entry.compressedSize) this.corrupt(shown);
    if (entry.directory && entry.size !== 0) this.corrupt(shown);
    return { entry, next };
  }

  /** Each local header agrees with the directory, and no two entries' bytes overlap. */
  private checkLocalHeaders(cdOffset: number): void {
    const b = this.bytes;
    for (const e of this.entries) {
      const at = e.localOffset;
      const shown = shownName(e.name);
      if (at + 30 > cdOffset || this.u32(at) !== LOCAL) this.corrupt(shown);
      const nameLength = this.u16(at + 26);
      const extraLength = this.u16(at + 28);
      const localName = b.subarray(at + 30, at + 30 + nameLength);
      if (!Buffer.from(localName).equals(Buffer.from(e.name, 'utf8'))) this.corrupt(shown);
      if (this.u16(at + 8) !== e.method || (this.u16(at + 6) & 1) !== 0) this.corrupt(shown);
      e.localExtraLength = extraLength;
      e.dataOffset = at + 30 + nameLength + extraLength;
      if (e.dataOffset + e.compressedSize > cdOffset) this.corrupt(shown);
    }
    const sorted = [...this.entries].sort((x, y) => x.localOffset - y.localOffset);
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!;
      if (previous.dataOffset + previous.compressedSize > sorted[i]!.localOffset)
        this.corrupt(shownName(sorted[i]!.name));
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's bytes: inflated within its declared size, the CRC checked. */
  read(entry: ZipEntry): Uint8Array {
    const shown = shownName(entry.name);
    const data = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else out = this.inflate(data, entry.size, shown);
    if (out.length !== entry.size || crc32(out) !== entry.crc) this.corrupt(shown);
    this.inflated += out.length;
    if (this.inflated > CONTAINER_LIMITS.unzippedBytes)
      throw new SigningFailure('signing.container.unzippedTooLarge', {
        max: CONTAINER_LIMITS.unzippedBytes / MB,
      });
    return out;
  }

  private inflate(data: Uint8Array, declared: number, shown: string): Uint8Array {
    // chunks, not one buffer of the declared size: memory follows what actually inflates
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const inflate = new Inflate((chunk, final) => {
      // the actual output, whatever was declared: never more than the directory said
      if (size + chunk.length > declared) this.corrupt(shown);
      chunks.push(chunk);
      size += chunk.length;
      if (final) done = true;
    });
    const step = 16 * 1024;
    try {
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
      for (let i = 0; i < data.length; i += step) {
        inflate.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
      }
    } catch (error) {
      if (error instanceof SigningFailure) throw error;
      this.corrupt(shown);
    }
    if (!done || size !== declared) this.corrupt(shown);
    return chunks.length === 1 ? chunks[0]! : new Uint8Array(Buffer.concat(chunks));
  }
}
