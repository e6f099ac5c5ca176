/**
 * Unsigned ASiC-E containers, ready for DigiDoc4 to sign (issue 11 §2), written with fflate:
 *
 * - `mimetype` first, stored (level 0), no extra field, no data descriptor, exactly
 *   `application/vnd.etsi.asic-e+zip` (no newline): its data starts at offset 38;
 * - the data files under flat names, deflated;
 * - `META-INF/manifest.xml`: an OpenDocument 1.2 manifest with the "/" entry and one entry per file;
 * - nothing else (no signatures, no source: nobody would sign what they cannot see).
 *
 * Byte-reproducible: a fixed order and fixed entry times. A zip entry's time is a DOS date and time,
 * local time by convention, and fflate converts `mtime` with the local-time getters of Date
 * (getFullYear, getHours …). The date given here is built from local components
 * (`new Date(2000, 0, 1, 12)`), so those getters give 2000-01-01 12:00:00 in every time zone: the
 * same DOS bytes under TZ=UTC and TZ=Pacific/Kiritimati (UTC+14). Noon, not midnight: no zone skips
 * noon on 1 January for daylight saving time.
 */
import { zipSync, type Zippable } from 'fflate';
import { ASICE_MEDIA_TYPE } from './types.js';
import { unsafeName } from './zip.js';

/** A data file to put in a container. */
export interface ContainerInput {
  /** A flat file name (no folder). */
  name: string;
  bytes: Uint8Array;
  /** Default application/pdf. */
  mediaType?: string;
}

/** The entries' DOS time: 2000-01-01 12:00:00, whatever the time zone (see above). */
export const ENTRY_TIME = { year: 2000, month: 1, day: 1, hour: 12 } as const;

function entryTime(): Date {
  return new Date(ENTRY_TIME.year, ENTRY_TIME.month - 1, ENTRY_TIME.day, ENTRY_TIME.hour, 0, 0);
}

const escapeAttribute = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** META-INF/manifest.xml for these data files. */
export function manifestXml(files: readonly Pick<ContainerInput, 'name' | 'mediaType'>[]): string {
  const entry = (path: string, type: string): string =>
    ` <manifest:file-entry manifest:full-path="${escapeAttribute(path)}" manifest:media-type="${escapeAttribute(type)}"/>\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\n' +
    entry('/', ASICE_MEDIA_TYPE) +
    files.map((f) => entry(f.name, f.mediaType ?? 'application/pdf')).join('') +
    '</manifest:manifest>\n'
  );
}

/** The container's bytes; throws on a name that is not flat or is given twice (a bug of the caller). */
export function writeContainer(files: readonly ContainerInput[]): Uint8Array {
  const mtime = entryTime();
  const names = new Set<string>();
  for (const f of files) {
    if (
      unsafeName(f.name) !== undefined ||
      f.name.includes('/') ||
      f.name === 'mimetype' ||
      names.has(f.name)
    )
      throw new Error(`not a flat, unique container file name: ${JSON.stringify(f.name)}`);
    names.add(f.name);
  }
  const zip: Zippable = { mimetype: [new TextEncoder().encode(ASICE_MEDIA_TYPE), { level: 0, mtime }] };
  for (const f of files) zip[f.name] = [f.bytes, { level: 6, mtime }];
  zip['META-INF/manifest.xml'] = [new TextEncoder().encode(manifestXml(files)), { level: 6, mtime }];
  return zipSync(zip);
}
