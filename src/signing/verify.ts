/**
 * `ametijuhend verify FILE…` as a library call (issue 11): for each output (PDF, DOCX, HTML) or
 * ASiC-E container, read the provenance it carries, find the description with that id in the
 * repository, compile it now and tell whether the file is
 * - current: the same fingerprint; for a PDF (also one in a container) byte for byte what `build`
 *   gives now (same date rule, same PDF standard, same tool version); a file built by another
 *   version with the same fingerprint is current content "built by another version";
 * - stale: the source changed since (which parts, in the document's language), or the PDF is not
 *   what the build gives now;
 * - unknown: no provenance, no such description, not a file we know (the reason says which).
 * For a container, each signature's claimed signer, signing time, role and time stamp, and whether
 * its digest of the PDF is that of today's build (data files compared, never container bytes).
 * Cryptography is NOT validated (DigiDoc4's job); every report says so.
 *
 * Personal identification codes are never in a report unless `showCodes` is set. Nothing is
 * written to disk.
 */
import { createHash } from 'node:crypto';
import { extname, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { readContainer } from './container.js';
import { readEmbedded } from './embedded.js';
import { DescriptionIndex, type FoundDescription } from './find.js';
import {
  ASICE_MEDIA_TYPE,
  CONTAINER_LIMITS,
  SigningFailure,
  type Container,
  type ContainerDataFile,
  type ContainerSignature,
  type VerifiedKind,
} from './types.js';
import { GitDates } from '../build/git-dates.js';
import { TaskRunner } from '../build/pool/task.js';
import { personalise } from '../build/roster.js';
import { partLabel } from '../diff/labels.js';
import { readRegularFile } from '../fs/read.js';
import { shownPath } from '../fs/root.js';
import { message, MESSAGES, type MessageId } from '../messages/index.js';
import { PARTS, provenanceOf } from '../model/fingerprint.js';
import type { DocLang, JobDescription } from '../model/types.js';
import type { PdfStandard } from '../render/types.js';
import { shortCode, type Provenance } from '../util/provenance.js';
import { VERSION } from '../util/version.js';
import { terminalSafe } from '../util/terminal.js';
import type { MessageLang } from '../validate/diagnostic.js';

export interface VerifyOptions {
  /** The folder whose descriptions the files are matched against (default: cwd). */
  repo?: string;
  /** Language of the reasons and notes (part names are in each document's own language). Default et. */
  lang?: MessageLang;
  /** Report the signers' personal identification codes (never otherwise). */
  showCodes?: boolean;
  /** Build PDFs for comparison with this standard (default: the one the PDF declares). */
  pdfStandard?: PdfStandard;
  /** Paths are resolved and shown relative to this folder (default: process.cwd()). */
  cwd?: string;
  /** SOURCE_DATE_EPOCH is read from here, as `build` reads it (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export type VerifyState = 'current' | 'stale' | 'unknown';

/** One part of the description that differs from what the file carries. */
export interface PartChange {
  /** The part's name (src/model/fingerprint.ts PARTS). */
  part: string;
  /** Its heading or label in the document's language. */
  label: string;
  change: 'changed' | 'added' | 'removed';
}

/** Why a file is unknown (or a note): the message id and the text in the report's language. */
export interface Reason {
  code: string;
  message: string;
}

export interface SignatureReport {
  /** The entry it was read from (META-INF/signatures0.xml). */
  entry: string;
  /** The signer's name as the certificate claims; null when it cannot be read. */
  signer: string | null;
  /** Only with showCodes. */
  personalCode?: string;
  /** xades:SigningTime as claimed, ISO 8601; null when absent. */
  signingTime: string | null;
  roles: string[];
  timestamped: boolean;
  /** Whether its digest of the PDF is that of today's build; null when there is no build to compare. */
  signedThisBuild: boolean | null;
  /** Whether its digest of the PDF is that of the PDF in the container. */
  coversDataFile: boolean;
  /** What could not be read in it. */
  problems: string[];
}

export interface FileReport {
  /** The path as given. */
  file: string;
  /** What the file is; null when it is none of the kinds `verify` reads. */
  kind: VerifiedKind | null;
  /** For a container: the PDF inside it this report is about. */
  dataFile?: string;
  state: VerifyState;
  /** Why the file is unknown (or stale without a changed part). */
  reason?: Reason;
  /** The description's id as embedded. */
  id?: string;
  /** Its source, as shown (relative to cwd). */
  source?: string;
  /** What the file carries (no personal codes: provenance holds none). */
  provenance?: {
    code: string;
    fingerprint: string;
    tool: string;
    version?: string;
    reviewed?: string;
    employee?: string;
  };
  /** The short code of the description now. */
  currentCode?: string;
  /** Parts that differ (stale), in the document's language. */
  changes?: PartChange[];
  /**
   * For a PDF: 'identical' (byte for byte today's build), 'other-version' (same content, built by
   * another version of the tool), 'different' (same content, other bytes: still current, with a note). For DOCX and HTML
   * 'other-version' or absent.
   */
  build?: 'identical' | 'other-version' | 'different';
  /** The PDF standard today's PDF was built with for the comparison. */
  pdfStandard?: PdfStandard;
  notes?: Reason[];
  /** For a container. */
  signatures?: SignatureReport[];
}

export interface VerifyResult {
  files: FileReport[];
  /** Always false: signatures are read for what they claim, never validated. */
  cryptographyChecked: false;
  counts: Record<VerifyState, number>;
}

// ---------------------------------------------------------------------------------------------
// what a file is

const startsWith = (bytes: Uint8Array, text: string, at = 0): boolean => {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** The names of a zip's entries, nothing inflated; undefined when it cannot be read as a zip. */
function zipNames(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (names.length < CONTAINER_LIMITS.entries) names.push(f.name);
        return false;
      },
    });
  } catch {
    return names.length ? names : undefined;
  }
  return names;
}

/** What `bytes` are, by their content (the extension only decides between kinds of zip). */
export function sniffKind(bytes: Uint8Array, name: string): VerifiedKind | undefined {
  const ext = extname(name).toLowerCase();
  if (startsWith(bytes, 'PK\x03\x04')) {
    // a container's first entry is its mimetype, stored: the media type is at offset 38
    if (startsWith(bytes, 'mimetype', 30) || startsWith(bytes, ASICE_MEDIA_TYPE, 38)) return 'container';
    const names = zipNames(bytes) ?? [];
    if (names.includes('mimetype') || names.some((n) => n.startsWith('META-INF/signatures')))
      return 'container';
    if (names.includes('word/document.xml') || names.includes('[Content_Types].xml')) return 'docx';
    if (ext === '.asice' || ext === '.bdoc' || ext === '.sce') return 'container';
    if (ext === '.docx') return 'docx';
    return undefined;
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  // PDF readers accept the header anywhere in the first 1024 bytes
  if (/^[^<]*%PDF-\d/.test(head)) return 'pdf';
  const text = head
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta)\b/.test(text))
    return 'html';
  return undefined;
}

/** The PDF/A standard a PDF declares in its XMP (pdfaid); 'none' without one; undefined if unknown. */
export function declaredPdfStandard(bytes: Uint8Array): PdfStandard | undefined {
  const text = Buffer.from(bytes).toString('latin1');
  const part =
    /<pdfaid:part>\s*(\d)\s*<\/pdfaid:part>/.exec(text)?.[1] ?? /pdfaid:part="(\d)"/.exec(text)?.[1];
  const conformance = (
    /<pdfaid:conformance>\s*([ABU])\s*<\/pdfaid:conformance>/i.exec(text)?.[1] ??
    /pdfaid:conformance="([ABU])"/i.exec(text)?.[1]
  )?.toLowerCase();
  if (part === undefined) return 'none';
  const standard = `a-${part}${conformance ?? ''}`;
  return standard === 'a-2a' || standard === 'a-2b' || standard === 'a-1b' ? standard : undefined;
}

// ---------------------------------------------------------------------------------------------
// personal codes

/** An Estonian (or similar) personal identification code: 11 digits standing alone. */
const CODE_LIKE = /(?<!\d)\d{11}(?!\d)/g;

/** `text` without the personal codes it may hold (an ID-card CN "TAMM,MARI,38001085718"). */
export function withoutCodes(text: string, codes: readonly string[] = []): string {
  let out = text;
  for (const code of codes) if (code) out = out.split(code).join('');
  return out
    .replace(CODE_LIKE, '')
    .replace(/(?:PNO|IDC|PAS|TIN)[A-Z]{2}-[\w-]*/g, '')
    .replace(/[,\s]+$/u, '')
    .replace(/,{2,}/g, ',')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// the report

const sha = (algorithm: string, bytes: Uint8Array): string =>
  createHash(algorithm).update(bytes).digest('base64');

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.byteLength === b.byteLength && Buffer.from(a).equals(Buffer.from(b));

/** The parts that differ between the file's provenance and the description now. */
export function partChanges(
  then: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
  lang: DocLang,
): PartChange[] {
  const out: PartChange[] = [];
  const names = [...new Set([...Object.keys(then), ...Object.keys(now)])];
  // the order of fingerprint.ts PARTS (then extra sections), as the document has them
  const order = (name: string): number => {
    const i = PART_ORDER.indexOf(name);
    return i < 0 ? PART_ORDER.length : i;
  };
  names.sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const part of names) {
    const a = then[part];
    const b = now[part];
    if (a === b) continue;
    const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    out.push({ part, label: partLabel(part, lang), change });
  }
  return out;
}

const PART_ORDER: readonly string[] = PARTS.map(([name]) => name);

/** A message of the catalogue as a Reason. */
function reason(id: MessageId, lang: MessageLang, data: Record<string, string | number> = {}): Reason {
  return { code: id.replace(/^verify\.(?:unknown\.)?/, ''), message: message(id, lang, data) };
}

/** A failure's text in `lang`: a SigningFailure by its catalogue id, anything else by its message. */
export function failureText(e: unknown, lang: MessageLang): string {
  if (e instanceof SigningFailure && e.id in MESSAGES) {
    return message(e.id as MessageId, lang, e.data as Record<string, string | number>);
  }
  return (e as Error).message ?? String(e);
}

/** Renders today's PDF of a description as `build` does (date rule, standard, tool version). */
class Builds {
  private readonly runners = new Map<PdfStandard, TaskRunner>();
  private readonly dates = new Map<string, Date | undefined>();
  private readonly cache = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly repo: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private committed(path: string): Date | undefined {
    if (this.env.SOURCE_DATE_EPOCH !== undefined) return undefined;
    if (!this.dates.has(path)) this.dates.set(path, new GitDates([path]).dateOf(path));
    return this.dates.get(path);
  }

  pdf(
    found: FoundDescription,
    model: JobDescription,
    standard: PdfStandard,
    key: string,
  ): Promise<Uint8Array> {
    const cacheKey = `${found.path}\0${standard}\0${key}`;
    let made = this.cache.get(cacheKey);
    if (!made) {
      made = this.render(found, model, standard);
      this.cache.set(cacheKey, made);
    }
    return made;
  }

  private async render(
    found: FoundDescription,
    model: JobDescription,
    standard: PdfStandard,
  ): Promise<Uint8Array> {
    let runner = this.runners.get(standard);
    if (!runner) {
      const epoch = this.env.SOURCE_DATE_EPOCH;
      runner = new TaskRunner({
        cwd: this.repo,
        formats: ['pdf'],
        pdfStandard: standard,
        ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
      });
      this.runners.set(standard, runner);
    }
    const committed = this.committed(found.path)?.getTime();
    const outcome = await runner.run({
      path: found.path,
      model,
      ...(committed !== undefined ? { committed } : {}),
    });
    const pdf = outcome.outputs?.[0];
    if (!pdf) throw new Error(outcome.error ?? 'no output');
    return pdf;
  }
}

/** What one verify run shares: the repository's descriptions and today's builds. */
class Verifier {
  readonly index: DescriptionIndex;
  private readonly builds: Builds;
  private readonly lang: MessageLang;
  private readonly cwd: string;
  private readonly repo: string;

  constructor(private readonly options: VerifyOptions) {
    this.cwd = options.cwd ?? process.cwd();
    this.repo = resolve(this.cwd, options.repo ?? '.');
    this.lang = options.lang ?? 'et';
    this.index = new DescriptionIndex(this.repo, options.lang);
    this.builds = new Builds(this.repo, options.env ?? process.env);
  }

  async file(file: string): Promise<FileReport[]> {
    const { lang } = this;
    const unknown = (r: Reason, kind: VerifiedKind | null = null): FileReport[] => [
      { file, kind, state: 'unknown', reason: r },
    ];
    const read = readRegularFile(resolve(this.cwd, file), CONTAINER_LIMITS.fileBytes);
    if (!read.ok) {
      if (read.reason === 'missing') return unknown(reason('verify.unknown.missing', lang));
      if (read.reason === 'tooLarge')
        return unknown(
          reason('verify.unknown.tooLarge', lang, { megabytes: CONTAINER_LIMITS.fileBytes / 1024 / 1024 }),
        );
      if (read.reason === 'special')
        return unknown(reason('verify.unknown.notAFile', lang, { kind: read.kind }));
      const why = read.reason === 'denied' ? 'EACCES' : read.code;
      return unknown(reason('verify.unknown.unreadable', lang, { reason: why }));
    }
    const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
    const kind = sniffKind(bytes, file) ?? null;
    if (kind === null) return unknown(reason('verify.unknown.notRecognised', lang));
    if (kind === 'container') return this.container(file, bytes);
    let provenance: Provenance | undefined;
    try {
      provenance = (await readEmbedded(bytes, kind)).provenance;
    } catch (e) {
      return unknown(reason('verify.unknown.damaged', lang, { reason: failureText(e, lang) }), kind);
    }
    const report: FileReport = { file, kind, state: 'unknown' };
    await this.judge(report, provenance, kind === 'pdf' ? bytes : undefined);
    return [report];
  }

  private async container(file: string, bytes: Uint8Array): Promise<FileReport[]> {
    const { lang } = this;
    let container: Container;
    try {
      container = readContainer(bytes);
    } catch (e) {
      return [
        {
          file,
          kind: 'container',
          state: 'unknown',
          reason: reason('verify.unknown.damaged', lang, { reason: this.clean(failureText(e, lang)) }),
        },
      ];
    }
    const pdfs = container.files.filter(
      (f) =>
        f.mediaType === 'application/pdf' ||
        (f.name.toLowerCase().endsWith('.pdf') && startsWith(f.bytes, '%PDF-')),
    );
    if (pdfs.length === 0) {
      return [
        {
          file,
          kind: 'container',
          state: 'unknown',
          reason: reason('verify.unknown.noPdf', lang),
          signatures: container.signatures.map((s) => this.signature(s, undefined, undefined)),
        },
      ];
    }
    const reports: FileReport[] = [];
    for (const pdf of pdfs) {
      const report: FileReport = { file, kind: 'container', dataFile: pdf.name, state: 'unknown' };
      let provenance: Provenance | undefined;
      let fresh: Uint8Array | undefined;
      try {
        provenance = (await readEmbedded(pdf.bytes, 'pdf')).provenance;
        fresh = await this.judge(report, provenance, pdf.bytes);
      } catch (e) {
        report.state = 'unknown';
        report.reason = reason('verify.unknown.damaged', lang, { reason: this.clean(failureText(e, lang)) });
      }
      report.signatures = container.signatures.map((s) => this.signature(s, pdf, fresh));
      reports.push(report);
    }
    return reports;
  }

  /** A container's text without personal codes (unless they were asked for). */
  private clean(text: string): string {
    return this.options.showCodes ? text : withoutCodes(text);
  }

  /** One signature as reported: claims only, personal codes left out unless asked for. */
  private signature(
    s: ContainerSignature,
    pdf: ContainerDataFile | undefined,
    fresh: Uint8Array | undefined,
  ): SignatureReport {
    const codes = s.signer?.personalCode ? [s.signer.personalCode] : [];
    const clean = (t: string): string => (this.options.showCodes ? t : withoutCodes(t, codes));
    const ref = pdf ? s.references.find((r) => r.file === pdf.name) : undefined;
    const digestOf = (bytes: Uint8Array): string | undefined =>
      ref?.hash ? sha(ref.hash, bytes) : undefined;
    const report: SignatureReport = {
      entry: s.entry,
      signer: s.signer ? clean(s.signer.name) || null : null,
      signingTime: s.signingTime ?? null,
      roles: s.roles.map(clean),
      timestamped: s.timestamped,
      signedThisBuild: fresh && pdf ? ref !== undefined && digestOf(fresh) === ref.digest : null,
      coversDataFile: pdf !== undefined && ref !== undefined && digestOf(pdf.bytes) === ref.digest,
      problems: s.problems.map(clean),
    };
    if (this.options.showCodes && s.signer?.personalCode) report.personalCode = s.signer.personalCode;
    return report;
  }

  /**
   * Fills `report` from the provenance: finds the description, compares. Returns today's PDF when
   * one was built (for a PDF or a container's PDF whose description was found).
   */
  private async judge(
    report: FileReport,
    provenance: Provenance | undefined,
    pdf: Uint8Array | undefined,
  ): Promise<Uint8Array | undefined> {
    if (!provenance) {
      report.reason = reason('verify.unknown.noProvenance', this.lang);
      return undefined;
    }
    report.id = provenance.id;
    report.provenance = {
      code: shortCode(provenance.fingerprint),
      fingerprint: provenance.fingerprint,
      tool: provenance.tool,
      ...(provenance.version !== undefined ? { version: provenance.version } : {}),
      ...(provenance.reviewed !== undefined ? { reviewed: provenance.reviewed } : {}),
      ...(provenance.personalisation ? { employee: provenance.personalisation.employee } : {}),
    };
    const located = await this.locate(report, provenance);
    if (!located) return undefined;
    const { found, model } = located;
    const now = provenanceOf(model, VERSION);
    report.currentCode = shortCode(now.fingerprint);
    if (now.fingerprint !== provenance.fingerprint) {
      report.state = 'stale';
      report.changes = partChanges(provenance.parts, now.parts, model.lang);
      if (report.changes.length === 0) report.reason = reason('verify.changedSomewhere', this.lang);
    } else {
      report.state = 'current';
      if (provenance.tool !== VERSION) {
        report.build = 'other-version';
        report.notes = [
          reason('verify.otherVersion', this.lang, { tool: provenance.tool, version: VERSION }),
        ];
      }
    }
    if (!pdf) return undefined;
    const key = provenance.personalisation ? JSON.stringify(provenance.personalisation) : '';
    return this.comparePdf(report, pdf, found, model, key);
  }

  /** The description the provenance names, compiled now (a roster copy personalised again). */
  private async locate(
    report: FileReport,
    provenance: Provenance,
  ): Promise<{ found: FoundDescription; model: JobDescription } | undefined> {
    const { lang } = this;
    const lookup = await this.index.lookup(provenance.id);
    if ('missing' in lookup) {
      report.reason = reason('verify.unknown.noSuchDescription', lang, {
        id: provenance.id,
        repo: resolve(this.repo) === resolve(this.cwd) ? '.' : shownPath(this.repo, this.cwd),
      });
      return undefined;
    }
    if ('ambiguous' in lookup) {
      report.reason = reason('verify.unknown.ambiguous', lang, {
        id: provenance.id,
        sources: lookup.ambiguous.map((f) => shownPath(f.path, this.cwd)).join(', '),
      });
      return undefined;
    }
    const found = lookup.found;
    report.source = shownPath(found.path, this.cwd);
    if (!found.model) {
      report.reason = reason('verify.unknown.hasErrors', lang, { id: provenance.id, source: report.source });
      return undefined;
    }
    const p = provenance.personalisation;
    if (!p) return { found, model: found.model };
    try {
      const row = {
        line: 0,
        id: provenance.id,
        employee: p.employee,
        ...(p.employer !== undefined ? { employer: p.employer } : {}),
        ...(p.role !== undefined ? { role: p.role } : {}),
      };
      return { found, model: personalise(found.model, row) };
    } catch (e) {
      report.reason = reason('verify.unknown.cannotPersonalise', lang, { reason: failureText(e, lang) });
      return undefined;
    }
  }

  /** Builds today's PDF and compares it with the file's: current needs the same bytes. */
  private async comparePdf(
    report: FileReport,
    pdf: Uint8Array,
    found: FoundDescription,
    model: JobDescription,
    key: string,
  ): Promise<Uint8Array | undefined> {
    const { lang } = this;
    const standard = this.options.pdfStandard ?? declaredPdfStandard(pdf) ?? 'a-2a';
    report.pdfStandard = standard;
    let fresh: Uint8Array;
    try {
      fresh = await this.builds.pdf(found, model, standard, key);
    } catch (e) {
      report.state = 'unknown';
      report.reason = reason('verify.unknown.buildFailed', lang, { reason: failureText(e, lang) });
      return undefined;
    }
    if (report.state !== 'current') return fresh;
    if (sameBytes(pdf, fresh)) {
      report.build = 'identical';
      report.notes = [reason('verify.identical', lang)];
    } else if (report.build !== 'other-version') {
      // The same content, but not the bytes the build gives now (another date: a description without
      // a date of its own is dated by its last commit, so a committed white-space edit re-dates it; or
      // another standard). What was signed still says what the source says: current, as `status
      // --signed` (which compares fingerprints) says too, with a note.
      report.build = 'different';
      report.notes = [reason('verify.pdfDiffers', lang, { standard })];
    }
    return fresh;
  }
}

/** Verifies each file (a bad one never stops the others); in the order given. */
export async function verifyFiles(
  files: readonly string[],
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const verifier = new Verifier(options);
  const reports: FileReport[] = [];
  for (const file of files) {
    try {
      reports.push(...(await verifier.file(file)));
    } catch (e) {
      // a bug or an I/O failure in one file: said, and the next file is read
      reports.push({
        file,
        kind: null,
        state: 'unknown',
        reason: reason('verify.unknown.damaged', options.lang ?? 'et', {
          reason: failureText(e, options.lang ?? 'et'),
        }),
      });
    }
  }
  const counts: Record<VerifyState, number> = { current: 0, stale: 0, unknown: 0 };
  for (const r of reports) counts[r.state]++;
  return { files: reports, cryptographyChecked: false, counts };
}

// ---------------------------------------------------------------------------------------------
// output

export type VerifyFormat = 'text' | 'json';

const safe = (t: string): string => terminalSafe(t);

function signatureLines(s: SignatureReport, n: number, pdf: string | undefined, lang: MessageLang): string[] {
  const parts = [
    s.signer === null
      ? message('verify.noSigner', lang, { n })
      : message('verify.signer', lang, { n, name: safe(s.signer) }),
  ];
  if (s.personalCode !== undefined)
    parts.push(message('verify.personalCode', lang, { code: safe(s.personalCode) }));
  parts.push(
    s.signingTime === null
      ? message('verify.noSigningTime', lang)
      : message('verify.signingTime', lang, { time: safe(s.signingTime) }),
  );
  for (const role of s.roles) parts.push(message('verify.role', lang, { role: safe(role) }));
  parts.push(message(s.timestamped ? 'verify.timestamped' : 'verify.notTimestamped', lang));
  if (s.signedThisBuild === true) parts.push(message('verify.signedThisBuild', lang));
  else if (s.signedThisBuild === false) parts.push(message('verify.notThisBuild', lang));
  const lines = [`  ${parts.join(' · ')}`];
  if (pdf !== undefined && !s.coversDataFile)
    lines.push(`    ${message('verify.notThisFile', lang, { name: safe(pdf) })}`);
  for (const problem of s.problems)
    lines.push(`    ${message('verify.problem', lang, { problem: safe(problem) })}`);
  return lines;
}

/** One file's report as text lines. */
function reportLines(r: FileReport, lang: MessageLang): string[] {
  const state = message(`verify.state.${r.state}`, lang);
  const lines = [
    r.dataFile === undefined
      ? message('verify.line', lang, { file: safe(r.file), state })
      : message('verify.dataFile', lang, { file: safe(r.file), name: safe(r.dataFile), state }),
  ];
  if (r.id !== undefined && r.provenance) {
    lines.push(
      `  ${message('verify.description', lang, { id: safe(r.id), source: safe(r.source ?? '—'), code: r.provenance.code })}`,
    );
    if (r.provenance.employee !== undefined)
      lines.push(`  ${message('verify.forEmployee', lang, { employee: safe(r.provenance.employee) })}`);
  }
  if (r.currentCode !== undefined && r.provenance && r.currentCode !== r.provenance.code)
    lines.push(`  ${message('verify.codeNow', lang, { code: r.currentCode })}`);
  if (r.reason) lines.push(`  ${safe(r.reason.message)}`);
  for (const note of r.notes ?? []) lines.push(`  ${note.message}`);
  for (const change of ['changed', 'added', 'removed'] as const) {
    const parts = (r.changes ?? []).filter((c) => c.change === change).map((c) => safe(c.label));
    if (parts.length) lines.push(`  ${message(`verify.${change}`, lang, { parts: parts.join(', ') })}`);
  }
  if (r.signatures) {
    if (r.signatures.length === 0) lines.push(`  ${message('verify.noSignatures', lang)}`);
    r.signatures.forEach((s, i) => lines.push(...signatureLines(s, i + 1, r.dataFile, lang)));
  }
  return lines;
}

/** The reports as text for a terminal, in `lang` (part names in each document's language). */
export function formatVerifyText(result: VerifyResult, lang: MessageLang): string {
  const lines = result.files.flatMap((r) => reportLines(r, lang));
  if (result.files.some((r) => r.kind === 'container'))
    lines.push('', message('verify.cryptoNotChecked', lang));
  const { current, stale, unknown } = result.counts;
  lines.push('', message('verify.summary', lang, { total: result.files.length, current, stale, unknown }));
  return `${lines.join('\n')}\n`;
}

/** The reports as JSON (personal codes only when they were asked for). */
export function formatVerifyJson(result: VerifyResult, lang: MessageLang): string {
  return `${JSON.stringify({ ...result, cryptography: message('verify.cryptoNotChecked', lang) }, null, 2)}\n`;
}

export function formatVerify(result: VerifyResult, format: VerifyFormat, lang: MessageLang): string {
  return format === 'json' ? formatVerifyJson(result, lang) : formatVerifyText(result, lang);
}
