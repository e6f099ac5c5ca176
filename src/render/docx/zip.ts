/**
 * Writes the DOCX package (a plain zip: deflate, no zip64, no extra fields) with Node's zlib.
 *
 * Most of a description's package is the same in every document of its language (styles, theme,
 * settings, font table …): the renderer deflates those entries once (precompressed) and hands the
 * stored compressed bytes and CRC-32 in again, which are exactly what deflating them again gives.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** The entry's text, when it is text. */
  text?: string;
  /** Its compressed form, when the caller keeps it (see precompressed). */
  compressed?: Compressed;
}

export interface Compressed {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

function compress(entry: ZipEntry): Compressed {
  return (
    entry.compressed ?? {
      deflated: deflateRawSync(entry.data, { level: 6 }),
      crc: crc32(entry.data),
      size: entry.data.length,
    }
  );
}

const encoder = new TextEncoder();

/** The entry with its compressed form attached, for an entry that is zipped again and again. */
export function precompressed(entry: ZipEntry): ZipEntry {
  return { ...entry, compressed: compress(entry) };
}

/** MS-DOS time and date of the UTC fields of `date` (zip has no time zone; 1980–2099). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2099, Math.max(1980, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The zip of `entries`, in that order, every entry stamped with `mtime`. */
export function zipEntries(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  const stamp = dosDateTime(mtime);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const { deflated, crc, size } = compress(entry);
    const utf8 = /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0;

    // The local header and the central directory record share a run of fields (from "version
    // needed" to the file name's length); the central record has "made by" before it.
    const fields = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      header.writeUInt16LE(utf8, at + 2);
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt16LE(stamp.time, at + 6);
      header.writeUInt16LE(stamp.date, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(deflated.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    local.set(name, 30);

    const header = Buffer.alloc(46 + name.length);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    fields(header, 6);
    // extra length, comment length, disk number, internal and external attributes: 0
    header.writeUInt32LE(offset, 42);
    header.set(name, 46);

    chunks.push(local, deflated);
    central.push(header);
    offset += local.length + deflated.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
