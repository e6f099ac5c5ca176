/**
 * Change reports that went stale (`build --changes-since REF`): a `<id>.muudatused.pdf` this tool
 * wrote earlier whose description is, in this run, unchanged since the ref, has errors, could not
 * be compared, now has another id, or no longer exists (deleted or renamed) is moved aside to
 * `<out-dir>/.stale/<the same relative path>` (the folder build moves its stale outputs to), so an
 * HR office never signs against an outdated list of changes.
 *
 * Only a file this tool wrote is ever moved (or overwritten): a regular file inside the out-dir,
 * reached through no symbolic link out of it, outside its hidden folders, whose PDF Info
 * dictionary carries the mark of a change report (CHANGE_REPORT_KEY) for the id its name gives. A
 * user's own file of that name is never touched. A description that was not part of the run
 * (`build one/file.md`) keeps its report.
 */
import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { STALE_DIR } from '../build/stale.js';
import { readRegularFile } from '../fs/read.js';
import { isInside } from '../fs/root.js';
import { assertInside, assertNoLinkOut } from '../fs/write.js';
import { CHANGE_REPORT_KEY } from './pdf.js';

/** The end of a change report's file name. */
export const REPORT_SUFFIX = '.muudatused.pdf';

/** A change report larger than this is no report of ours (they are a few hundred KB). */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** Folders deeper than this under the out-dir are not searched for reports. */
const MAX_DEPTH = 32;

/** What a change report's mark says. */
export interface ReportMark {
  /** The description's id (the report's name is `<id>.muudatused.pdf`). */
  id: string;
  /** The ref it was compared with, and the commit that ref named (when known). */
  ref: string;
  commit?: string;
  /** The description's path from the top of its repository, "/"-separated. */
  source: string;
}

/** Percent-encodes all but [A-Za-z0-9._/-]: the mark is ASCII, with no space, parenthesis or backslash. */
const encode = (s: string): string =>
  Array.from(Buffer.from(s, 'utf8'))
    .map((b) =>
      /[A-Za-z0-9._/-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

const decode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/** The mark a report carries in its Info dictionary (CHANGE_REPORT_KEY). */
export function changeReportMark(mark: ReportMark): string {
  return [
    'ametijuhend-changes/1',
    `id=${encode(mark.id)}`,
    `ref=${encode(mark.ref)}`,
    ...(mark.commit !== undefined ? [`commit=${encode(mark.commit)}`] : []),
    `source=${encode(mark.source)}`,
  ].join(' ');
}

/** A mark as changeReportMark writes it. */
const MARK = /^ametijuhend-changes\/1(?: [a-z]+=[A-Za-z0-9._/%-]*)+$/;

/**
 * The literal string value of the Info entry `key` in a PDF as pdfkit writes it (`/Key (value)`
 * or `/Key 20 0 R` with `20 0 obj (value) endobj`); undefined when there is none. Only the plain
 * ASCII strings a mark is made of are read (no escapes, no parentheses).
 */
export function infoString(text: string, key: string): string | undefined {
  const entry = new RegExp(
    `/${key}\\s*(?:\\(([\\x20-\\x27\\x2a-\\x5b\\x5d-\\x7e]*)\\)|(\\d{1,10})\\s+0\\s+R)`,
  ).exec(text);
  if (!entry) return undefined;
  if (entry[1] !== undefined) return entry[1];
  const object = new RegExp(
    `(?:^|[\\r\\n])${entry[2]}\\s+0\\s+obj\\s*\\(([\\x20-\\x27\\x2a-\\x5b\\x5d-\\x7e]*)\\)\\s*endobj`,
  ).exec(text);
  return object?.[1];
}

/** The mark in a PDF's bytes, or undefined when it has none (not one of our change reports). */
export function parseReportMark(bytes: Uint8Array): ReportMark | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) return undefined;
  const value = infoString(text, CHANGE_REPORT_KEY);
  if (value === undefined || !MARK.test(value)) return undefined;
  const fields = new Map<string, string>();
  for (const pair of value.split(' ').slice(1)) {
    const at = pair.indexOf('=');
    const value = decode(pair.slice(at + 1));
    if (value === undefined) return undefined;
    fields.set(pair.slice(0, at), value);
  }
  const id = fields.get('id');
  const ref = fields.get('ref');
  const source = fields.get('source');
  if (!id || ref === undefined || !source) return undefined;
  const commit = fields.get('commit');
  return { id, ref, source, ...(commit !== undefined ? { commit } : {}) };
}

const realOr = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/**
 * The mark of the change report at `target` when it is one this tool wrote: a regular file (not a
 * link) inside `outDir`, reached through no link out of it, marked for the id its name gives.
 */
export function ourReport(target: string, outDir: string): ReportMark | undefined {
  const name = basename(target);
  if (!name.endsWith(REPORT_SUFFIX)) return undefined;
  try {
    assertInside(outDir, target);
    assertNoLinkOut(dirname(target), outDir);
    if (!lstatSync(target).isFile()) return undefined;
    const file = readRegularFile(target, MAX_REPORT_BYTES, realOr(outDir));
    if (!file.ok) return undefined;
    const mark = parseReportMark(file.bytes);
    return mark && `${mark.id}${REPORT_SUFFIX}` === name ? mark : undefined;
  } catch {
    return undefined;
  }
}

/** Every file named `*.muudatused.pdf` under `outDir`, outside hidden folders, no link followed. */
function reportFiles(outDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH) walk(path, depth + 1);
      else if (e.isFile() && e.name.endsWith(REPORT_SUFFIX)) out.push(path);
    }
  };
  walk(outDir, 0);
  return out.sort();
}

export interface Moved {
  from: string;
  to: string;
}

export interface StaleScope {
  /** The out-dir (absolute). */
  outDir: string;
  /** The reports written in this run (absolute paths): never moved. */
  written: ReadonlySet<string>;
  /**
   * Each description of this run: its repository's top, its path from there ("/") and the folder
   * its outputs go to (only a report there is its report of this run; one elsewhere, from a run
   * over other paths, is stale only when the description is gone, as build's outputs).
   */
  run: readonly { top: string; path: string; dir: string }[];
}

/** Whether a report marked for `source` is stale: its description is in this run, or is gone. */
function isStale(target: string, mark: ReportMark, scope: StaleScope): boolean {
  const source = posix.normalize(mark.source);
  if (source === '..' || source.startsWith('../') || posix.isAbsolute(source)) return false;
  if (scope.run.some((r) => r.path === source && r.dir === dirname(target))) return true;
  const tops = [...new Set(scope.run.map((r) => r.top))];
  return tops.every((top) => {
    try {
      lstatSync(resolve(top, source));
      return false;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR';
    }
  });
}

/** Moves `target` to the same place under `.stale/`, replacing a file there. */
function moveAside(outDir: string, target: string): string {
  const to = join(outDir, STALE_DIR, relative(outDir, target));
  assertInside(outDir, to);
  assertNoLinkOut(dirname(target), outDir);
  mkdirSync(dirname(to), { recursive: true });
  assertNoLinkOut(dirname(to), outDir);
  renameSync(target, to);
  return to;
}

/**
 * Moves aside the change reports this run made stale (see above); returns them, and each one that
 * could not be moved with the reason.
 */
export function moveStaleReports(scope: StaleScope): {
  moved: Moved[];
  failed: { path: string; reason: string }[];
} {
  const moved: Moved[] = [];
  const failed: { path: string; reason: string }[] = [];
  for (const target of reportFiles(scope.outDir)) {
    if (scope.written.has(target) || !isInside(target, scope.outDir)) continue;
    const mark = ourReport(target, scope.outDir);
    if (!mark || !isStale(target, mark, scope)) continue;
    try {
      moved.push({ from: target, to: moveAside(scope.outDir, target) });
    } catch (e) {
      failed.push({ path: target, reason: (e as Error).message });
    }
  }
  return { moved, failed };
}
