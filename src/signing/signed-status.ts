/**
 * `status --signed DIR` (issue 11): the signed containers (.asice, .bdoc) under a folder, matched to
 * the descriptions of `status` by the id their PDF carries. Each description row gets the newest
 * signed container (by the signers' claimed signing time), who signed it and when, and whether it
 * is current (its PDF's fingerprint is the description's now), stale, or unsigned (no container
 * whose signatures cover its PDF). Containers whose id is no description's are listed apart.
 *
 * The folder is walked without following any symbolic link, within SCAN_LIMITS; containers are
 * read in memory (src/signing/container.ts), nothing is written. Personal codes are never shown;
 * signatures are read for what they claim, never validated.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readContainer } from './container.js';
import { readEmbedded } from './embedded.js';
import { CONTAINER_LIMITS, type Container, type ContainerDataFile } from './types.js';
import { failureText, withoutCodes } from './verify.js';
import { personalise } from '../build/roster.js';
import { readRegularFile } from '../fs/read.js';
import { checkPaths, type CheckOptions } from '../project/check.js';
import { statusRows } from '../project/status.js';
import { shownPath } from '../fs/root.js';
import { message } from '../messages/index.js';
import { provenanceOf } from '../model/fingerprint.js';
import type { JobDescription } from '../model/types.js';
import type { SignedCells, StatusRow, UnknownContainer } from '../project/status.js';
import type { Provenance } from '../util/provenance.js';
import { VERSION } from '../util/version.js';
import type { MessageLang } from '../validate/diagnostic.js';

/** How far a scan goes: a folder of a few thousand containers, never a whole disk. */
export const SCAN_LIMITS = {
  /** Folder levels below DIR. */
  depth: 16,
  /** Directory entries looked at in all. */
  entries: 200_000,
  /** Containers read. */
  containers: 20_000,
} as const;

const SKIP = new Set(['.git', 'node_modules']);
const isContainerName = (name: string): boolean => /\.(?:asice|bdoc|sce)$/i.test(name);

/** A signature that covers the container's PDF, as status shows it. */
export interface SignedBy {
  /** The signer's name (never a personal code); null when the certificate cannot be read. */
  name: string | null;
  signingTime: string | null;
}

/** One container found by the scan. */
export interface ScannedContainer {
  /** Absolute path. */
  path: string;
  /** As shown: the folder as given, then the path below it. */
  file: string;
  /** What its PDF carries (undefined: unreadable, no PDF or no provenance: `problem` says why). */
  provenance?: Provenance;
  /** Signatures whose digest of the PDF is the PDF's in the container. */
  signers: SignedBy[];
  /** The latest claimed signing time of those, or null. */
  signedAt: string | null;
  problem?: string;
}

export interface Scan {
  containers: ScannedContainer[];
  /** Set when a limit stopped the walk (the message in the scan's language). */
  truncated?: string;
}

/** The container paths under `dir`, sorted; symbolic links never followed. */
function walk(dir: string): { paths: string[]; truncated?: 'entries' | 'depth' } {
  const paths: string[] = [];
  let seen = 0;
  let truncated: 'entries' | 'depth' | undefined;
  const visit = (folder: string, depth: number): void => {
    if (truncated === 'entries') return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++seen > SCAN_LIMITS.entries || paths.length >= SCAN_LIMITS.containers) {
        truncated = 'entries';
        return;
      }
      const full = join(folder, entry.name);
      // a symbolic link is never followed (it could lead out of the folder, or round in a loop)
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (SKIP.has(entry.name)) continue;
        if (depth >= SCAN_LIMITS.depth) truncated ??= 'depth';
        else visit(full, depth + 1);
      } else if (entry.isFile() && isContainerName(entry.name)) paths.push(full);
    }
  };
  visit(dir, 0);
  return truncated ? { paths, truncated } : { paths };
}

const digest = (algorithm: string, bytes: Uint8Array): string =>
  createHash(algorithm).update(bytes).digest('base64');

/** The signatures of `container` that cover `pdf` (their digest is the data file's). */
function signersOf(container: Container, pdf: ContainerDataFile): SignedBy[] {
  const out: SignedBy[] = [];
  for (const s of container.signatures) {
    const ref = s.references.find((r) => r.file === pdf.name);
    if (!ref?.hash || digest(ref.hash, pdf.bytes) !== ref.digest) continue;
    const codes = s.signer?.personalCode ? [s.signer.personalCode] : [];
    out.push({
      name: s.signer ? withoutCodes(s.signer.name, codes) || null : null,
      signingTime: s.signingTime ?? null,
    });
  }
  return out;
}

/** A claimed time as milliseconds for ordering (unreadable: before everything). */
const timeOf = (iso: string | null): number => {
  const t = iso === null ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

async function readOne(path: string, file: string, lang: MessageLang): Promise<ScannedContainer> {
  const scanned: ScannedContainer = { path, file, signers: [], signedAt: null };
  const read = readRegularFile(path, CONTAINER_LIMITS.fileBytes);
  if (!read.ok) {
    scanned.problem =
      read.reason === 'tooLarge'
        ? message('verify.unknown.tooLarge', lang, { megabytes: CONTAINER_LIMITS.fileBytes / 1024 / 1024 })
        : message('verify.unknown.unreadable', lang, { reason: read.reason });
    return scanned;
  }
  try {
    const container = readContainer(
      new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength),
    );
    const pdf = container.files.find((f) => f.mediaType === 'application/pdf');
    if (!pdf) {
      scanned.problem = message('verify.unknown.noPdf', lang);
      return scanned;
    }
    const provenance = (await readEmbedded(pdf.bytes, 'pdf')).provenance;
    if (!provenance) {
      scanned.problem = message('verify.unknown.noProvenance', lang);
      return scanned;
    }
    scanned.provenance = provenance;
    scanned.signers = signersOf(container, pdf);
    let newest: string | null = null;
    for (const s of scanned.signers)
      if (s.signingTime !== null && timeOf(s.signingTime) > timeOf(newest)) newest = s.signingTime;
    scanned.signedAt = newest;
  } catch (e) {
    // a container's text never shows a personal code here
    scanned.problem = message('verify.unknown.damaged', lang, { reason: withoutCodes(failureText(e, lang)) });
  }
  return scanned;
}

/** Reads every container under `dir` (a damaged one is noted, never fatal). */
export async function scanSigned(
  dir: string,
  options: { cwd?: string; lang?: MessageLang } = {},
): Promise<Scan> {
  const cwd = options.cwd ?? process.cwd();
  const lang = options.lang ?? 'et';
  const root = resolve(cwd, dir);
  const { paths, truncated } = walk(root);
  const containers: ScannedContainer[] = [];
  // shown as the folder was given, then the path below it
  for (const path of paths) containers.push(await readOne(path, join(dir, relative(root, path)), lang));
  const scan: Scan = { containers };
  const shown = root === resolve(cwd) ? '.' : shownPath(root, cwd);
  if (truncated === 'entries')
    scan.truncated = message('verify.status.truncated', lang, { dir: shown, max: SCAN_LIMITS.entries });
  else if (truncated === 'depth')
    scan.truncated = message('verify.status.tooDeep', lang, { dir: shown, depth: SCAN_LIMITS.depth });
  return scan;
}

export interface SignedStatus {
  rows: StatusRow[];
  unknown: UnknownContainer[];
  truncated?: string;
}

/** The fingerprint of a description as the container's copy would have it (a roster copy re-made). */
function fingerprintFor(model: JobDescription, p: Provenance): string | undefined {
  let m = model;
  if (p.personalisation) {
    try {
      m = personalise(model, { line: 0, id: p.id, ...p.personalisation });
    } catch {
      return undefined;
    }
  }
  return provenanceOf(m, VERSION).fingerprint;
}

/**
 * The rows with their `signed` cells. `models[i]` is row i's model now (undefined: it has errors).
 */
export function signedStatus(
  rows: readonly StatusRow[],
  models: readonly (JobDescription | undefined)[],
  scan: Scan,
  lang: MessageLang = 'et',
): SignedStatus {
  const ids = new Set(rows.map((r) => r.id));
  const byId = new Map<string, ScannedContainer[]>();
  const unknown: UnknownContainer[] = [];
  for (const c of scan.containers) {
    if (!c.provenance) {
      unknown.push({ container: c.file, id: null, reason: c.problem ?? '' });
      continue;
    }
    if (!ids.has(c.provenance.id)) {
      unknown.push({
        container: c.file,
        id: c.provenance.id,
        reason: message('verify.unknown.noSuchDescription', lang, { id: c.provenance.id, repo: '.' }),
      });
      continue;
    }
    const list = byId.get(c.provenance.id) ?? [];
    list.push(c);
    byId.set(c.provenance.id, list);
  }
  const out = rows.map((row, i): StatusRow => {
    const signed = (byId.get(row.id) ?? []).filter((c) => c.signers.length > 0);
    // newest by claimed signing time; the same time: the first path
    signed.sort(
      (a, b) => timeOf(b.signedAt) - timeOf(a.signedAt) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
    );
    const newest = signed[0];
    let cells: SignedCells;
    if (!newest?.provenance) cells = { state: 'unsigned', container: null, signers: [], signedAt: null };
    else {
      const model = models[i];
      const now = model ? fingerprintFor(model, newest.provenance) : undefined;
      cells = {
        state: now === undefined ? 'unknown' : now === newest.provenance.fingerprint ? 'current' : 'stale',
        container: newest.file,
        signers: newest.signers.map((s) => s.name ?? '?'),
        signedAt: newest.signedAt,
      };
    }
    return { ...row, signed: cells };
  });
  const result: SignedStatus = { rows: out, unknown };
  if (scan.truncated) result.truncated = scan.truncated;
  return result;
}

/**
 * `status --signed` as a library call: the status rows of `paths` (checked as `status` checks them)
 * with the signed containers found under `signedDir`.
 */
export async function statusSigned(
  paths: readonly string[],
  signedDir: string,
  options: CheckOptions = {},
): Promise<SignedStatus> {
  const result = await checkPaths(paths, options);
  const rows = statusRows(result);
  const scan = await scanSigned(signedDir, {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  });
  const models = result.summaries.map((_, i) => result.results[i]?.model);
  return signedStatus(rows, models, scan, options.lang ?? 'et');
}
