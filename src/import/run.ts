/**
 * `ametijuhend import` as a library call: the inputs found (files, and every .docx/.pdf/.doc/.odt/
 * .rtf below a folder), each imported (src/import/document.ts) and written to
 * `<out-dir>/<slug of its name>.md` with the config found from the out-dir upwards, then every
 * written file checked as `check` does. One input that fails never stops the batch; nothing is
 * overwritten without `force`; nothing is written outside the out-dir; a failed input writes nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ConfigLoader } from '../config/load.js';
// the config's catalogue and default sections, read for the recogniser's context
import '../config/details.js';
import type { ResolvedConfig } from '../config/types.js';
import { writeFileAtomic } from '../fs/write.js';
import { realPath, shownPath } from '../fs/root.js';
import { message, MESSAGES, usageError, type MessageId } from '../messages/index.js';
import { checkPaths, type CheckResult } from '../project/check.js';
import { SKIP_DIRS } from '../project/discover.js';
import { slugify } from '../util/slug.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import { convertToDocx, sofficePath, type ConvertibleFormat } from './convert.js';
import { convertibleFormat, importDocument } from './document.js';
import {
  IMPORT_LIMITS,
  ImportFailure,
  type Draft,
  type ImportNote,
  type RecogniseContext,
  type SourceLocation,
} from './types.js';

/** The file names a folder walk imports (any file named on the command line is tried). */
export const IMPORT_EXTENSIONS: readonly string[] = ['.docx', '.pdf', '.doc', '.odt', '.rtf'];
const CONVERTIBLE: Readonly<Record<string, ConvertibleFormat>> = {
  '.doc': 'doc',
  '.odt': 'odt',
  '.rtf': 'rtf',
};

export interface ImportOptions {
  /** Where the descriptions are written (created when missing); default: `cwd`. */
  outDir?: string;
  /** Paths are resolved, and shown, relative to this folder; default: the current directory. */
  cwd?: string;
  /** Overwrite existing files. */
  force?: boolean;
  /** Language of the messages, and a hint of the documents' language; default: the config's, else Estonian. */
  lang?: MessageLang;
  /** The LibreOffice program for .doc/.odt/.rtf; default: soffice on the PATH; false: never convert. */
  soffice?: string | false;
  /** Language of the messages when `lang` is not given (the CLI's); default: the config's, else Estonian. */
  messageLang?: MessageLang;
  /** Called after each input, in order (for a progress line). */
  onProgress?: (event: ImportEvent) => void;
}

export interface ImportEvent {
  file: ImportedFile;
  /** 0-based index of the input, of `total`. */
  index: number;
  total: number;
}

/**
 * imported: written, no errors; problems: written, but with notes of severity error or check
 * errors; failed: nothing written (see `failure`); skipped: the output exists (no `force`).
 */
export type ImportStatus = 'imported' | 'problems' | 'failed' | 'skipped';

/** A note of the import said in the user's language, with where it points (`ekspert.docx: lõik 37`). */
export interface LocatedNote extends ImportNote {
  /** The input's name as shown, and the place in it: "ekspert.docx: paragraph 37", "kiri.pdf: page 2". */
  where: string;
  message: string;
}

export interface ImportedFile {
  /** The input, absolute. */
  input: string;
  /** The description written (or, when skipped, the one that exists), absolute. */
  output?: string;
  status: ImportStatus;
  /** The notes of the reader, the recogniser and the run, in the user's language. */
  notes: LocatedNote[];
  /** Why nothing was written, for a failed input: the message in the user's language. */
  failure?: { id: string; data: Readonly<Record<string, string | number>>; message: string };
  /** The draft the description was written from (imported and problems). */
  draft?: Draft;
  /** Errors and warnings the check found in the written file. */
  errorCount: number;
  warningCount: number;
}

export interface ImportRunResult {
  files: ImportedFile[];
  /** What the check of the written files found (the check report's input). */
  diagnostics: Diagnostic[];
  /** The check itself (undefined when nothing was written). */
  check?: CheckResult;
  counts: Record<ImportStatus, number>;
  /** The message language used. */
  lang: MessageLang;
}

const isCandidate = (name: string): boolean =>
  IMPORT_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith('~$');

/** Every importable file below `dir`, skipping hidden entries, node_modules, .git and dist. */
function walk(dir: string, out: string[], visited: Set<string>): void {
  const real = realPath(dir) ?? dir;
  if (visited.has(real)) return;
  visited.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue;
      }
    }
    if (isDir && !SKIP_DIRS.has(e.name)) walk(full, out, visited);
    else if (isFile && isCandidate(e.name)) out.push(full);
  }
}

/** The inputs: files as named, folders walked; sorted within each folder, without duplicates. Throws a UsageError for a path that is not there. */
export function findInputs(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw usageError('project.noSuchPath', { path: p });
    }
    const found: string[] = [];
    if (st.isDirectory()) walk(abs, found, new Set());
    else found.push(abs);
    for (const f of found.sort()) {
      const key = realPath(f) ?? f;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** What the config of the out-dir tells the recogniser. */
export function recogniseContext(
  config: ResolvedConfig,
  lang: MessageLang | undefined,
  cwd = process.cwd(),
): RecogniseContext {
  const ctx: RecogniseContext = {};
  if (config.catalogue)
    ctx.catalogue = Object.fromEntries(
      [...config.catalogue.entries].map(([name, e]) => [name, e.indicators]),
    );
  const defaults: Partial<Record<'rights' | 'responsibilities' | 'tools' | 'changes', string>> = {};
  for (const key of ['rights', 'responsibilities', 'tools', 'changes'] as const) {
    const d = config.defaults[key];
    if (!d) continue;
    try {
      // the default's path is as shown to the user: relative to the loader's folder
      defaults[key] = readFileSync(resolve(cwd, d.path), 'utf8');
    } catch {
      // the check of the written files reports a default that cannot be read
    }
  }
  if (Object.keys(defaults).length) ctx.defaults = defaults;
  if (config.extraSections.length) ctx.extraSections = config.extraSections;
  if (Object.keys(config.aliases).length) ctx.aliases = config.aliases;
  if (config.organisation) ctx.organisation = config.organisation;
  const l = lang ?? config.lang;
  if (l) ctx.lang = l;
  return ctx;
}

/** A message of the catalogue by an id a stage gave; an id the catalogue lacks is said as such. */
function say(id: string, lang: MessageLang, data: Readonly<Record<string, string | number>> = {}): string {
  if (Object.hasOwn(MESSAGES, id)) return message(id as MessageId, lang, data);
  return message('import.unknownFailure', lang, { id });
}

/** "ekspert.docx: lõik 37" / "kiri.pdf: page 2" / "ekspert.docx: page header". */
export function locate(file: string, loc: SourceLocation | undefined, lang: MessageLang): string {
  if (!loc) return file;
  const parts: string[] = [];
  if (loc.part) parts.push(message(loc.part === 'header' ? 'import.at.header' : 'import.at.footer', lang));
  if (loc.page !== undefined) parts.push(message('import.at.page', lang, { n: loc.page }));
  if (loc.paragraph !== undefined) parts.push(message('import.at.paragraph', lang, { n: loc.paragraph }));
  return parts.length ? `${file}: ${parts.join(', ')}` : file;
}

/** The nearest folder at or above `dir` that exists (a new out-dir's config is its parent's). */
function existingAncestor(dir: string): string {
  let d = resolve(dir);
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** Each input's output name: its slug, `-2`, `-3` … after an earlier input of the same slug. */
function outputNames(inputs: readonly string[], outDir: string): { output: string; note?: ImportNote }[] {
  const taken = new Map<string, string>();
  return inputs.map((input): { output: string; note?: ImportNote } => {
    const stem = basename(input, extname(input));
    const slug = slugify(stem);
    const base = slug || 'ametijuhend';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    const first = taken.get(base);
    taken.set(name, input);
    const output = join(outDir, `${name}.md`);
    if (first !== undefined && name !== base)
      return {
        output,
        note: {
          id: 'import.renamed',
          data: { other: basename(first), file: `${name}.md` },
          severity: 'warning',
        },
      };
    if (!slug)
      return { output, note: { id: 'import.noSlug', data: { file: `${name}.md` }, severity: 'warning' } };
    return { output };
  });
}

interface Prepared {
  bytes?: Uint8Array;
  convertedFrom?: ConvertibleFormat;
  failure?: ImportFailure;
}

/** The bytes of an input, within the size limit, or why not. */
function readInput(path: string): Prepared {
  try {
    const st = statSync(path);
    if (!st.isFile())
      return { failure: new ImportFailure('import.unreadable', { detail: 'not a regular file' }) };
    if (st.size > IMPORT_LIMITS.fileBytes) {
      const mb = (n: number): number => Math.ceil(n / (1024 * 1024));
      return {
        failure: new ImportFailure('import.fileTooLarge', {
          size: mb(st.size),
          max: mb(IMPORT_LIMITS.fileBytes),
        }),
      };
    }
    return { bytes: new Uint8Array(readFileSync(path)) };
  } catch (e) {
    return {
      failure: new ImportFailure('import.unreadable', {
        detail: (e as NodeJS.ErrnoException).code ?? String(e),
      }),
    };
  }
}

/**
 * The .doc/.odt/.rtf inputs (by name) converted to .docx in one LibreOffice call, when it is there;
 * a file whose name lies is found out by its bytes in importDocument instead.
 */
async function convertBatch(
  inputs: readonly string[],
  todo: readonly number[],
  soffice: string | undefined,
): Promise<Map<number, Prepared>> {
  const out = new Map<number, Prepared>();
  if (!soffice) return out;
  const batch: { index: number; bytes: Uint8Array; format: ConvertibleFormat }[] = [];
  for (const i of todo) {
    const format = CONVERTIBLE[extname(inputs[i]!).toLowerCase()];
    if (!format) continue;
    const read = readInput(inputs[i]!);
    if (!read.bytes) {
      out.set(i, read);
      continue;
    }
    const actual = convertibleFormat(read.bytes);
    if (actual) batch.push({ index: i, bytes: read.bytes, format: actual });
    else out.set(i, read);
  }
  const converted = await convertToDocx(batch, soffice);
  batch.forEach((b, k) => {
    const r = converted[k]!;
    out.set(b.index, r instanceof ImportFailure ? { failure: r } : { bytes: r, convertedFrom: b.format });
  });
  return out;
}

/** What the import of one input needs to know of the run. */
interface RunContext {
  ctx: RecogniseContext;
  lang: MessageLang;
  cwd: string;
  outDir: string;
  soffice: string | undefined;
}

/** One input imported and written (or skipped, or failed): its record. */
async function importOne(
  input: string,
  name: { output: string; note?: ImportNote },
  prepared: Prepared | undefined,
  run: RunContext,
): Promise<ImportedFile> {
  const { lang } = run;
  const located = (n: ImportNote): LocatedNote => ({
    ...n,
    where: locate(shownPath(input, run.cwd), n.loc, lang),
    message: say(n.id, lang, n.data),
  });
  const file: ImportedFile = {
    input,
    output: name.output,
    status: 'imported',
    notes: name.note ? [located(name.note)] : [],
    errorCount: 0,
    warningCount: 0,
  };
  if (!prepared) return { ...file, status: 'skipped' };
  try {
    if (prepared.failure) throw prepared.failure;
    const doc = await importDocument(prepared.bytes!, basename(input), run.ctx, {
      soffice: run.soffice ?? false,
      ...(prepared.convertedFrom ? { convertedFrom: prepared.convertedFrom } : {}),
    });
    for (const n of doc.draft.notes) file.notes.push(located(n));
    writeFileAtomic(name.output, Buffer.from(doc.markdown, 'utf8'), run.outDir);
    file.draft = doc.draft;
    if (doc.draft.notes.some((n) => n.severity === 'error')) file.status = 'problems';
  } catch (e) {
    const failure =
      e instanceof ImportFailure
        ? e
        : new ImportFailure('import.internal', { detail: e instanceof Error ? e.message : String(e) });
    file.status = 'failed';
    delete file.output;
    file.failure = { id: failure.id, data: failure.data, message: say(failure.id, lang, failure.data) };
  }
  return file;
}

/** The written files checked as `check` does; their counts and status updated. */
async function checkWritten(
  files: readonly ImportedFile[],
  run: RunContext,
): Promise<CheckResult | undefined> {
  const written = files.filter((f) => f.status === 'imported' || f.status === 'problems');
  if (written.length === 0) return undefined;
  const check = await checkPaths(
    written.map((f) => f.output!),
    { cwd: run.cwd, repository: false, lang: run.lang },
  );
  const byFile = new Map(written.map((f) => [shownPath(f.output!, run.cwd), f]));
  for (const d of check.diagnostics) {
    const f = byFile.get(d.file);
    if (!f) continue;
    if (d.severity === 'error') f.errorCount += d.omitted ?? 1;
    else f.warningCount += d.omitted ?? 1;
  }
  for (const f of written) if (f.errorCount > 0) f.status = 'problems';
  return check;
}

/** Imports every input in `paths` (files and folders) into `options.outDir`; see the module comment. */
export async function importPaths(
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? '.');
  const inputs = findInputs(paths, cwd);
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw usageError('import.outDirNotFolder', { path: options.outDir ?? '.' });
  const loader = new ConfigLoader({ cwd, ...(options.lang ? { lang: options.lang } : {}) });
  const config = loader.forDir(existingAncestor(outDir));
  const run: RunContext = {
    ctx: recogniseContext(config, options.lang, cwd),
    lang: options.lang ?? options.messageLang ?? config.lang ?? 'et',
    cwd,
    outDir,
    soffice: options.soffice === false ? undefined : (options.soffice ?? sofficePath()),
  };
  const names = outputNames(inputs, outDir);
  // decide first which inputs run (an existing output is skipped before its input is read)
  const todo = new Set(inputs.map((_, i) => i).filter((i) => options.force || !existsSync(names[i]!.output)));
  const preconverted = await convertBatch(inputs, [...todo], run.soffice);
  const files: ImportedFile[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const prepared = todo.has(i) ? (preconverted.get(i) ?? readInput(inputs[i]!)) : undefined;
    const file = await importOne(inputs[i]!, names[i]!, prepared, run);
    files.push(file);
    options.onProgress?.({ file, index: i, total: inputs.length });
  }
  const check = await checkWritten(files, run);
  const counts: Record<ImportStatus, number> = { imported: 0, problems: 0, failed: 0, skipped: 0 };
  for (const f of files) counts[f.status]++;
  const diagnostics = check?.diagnostics ?? [];
  return { files, diagnostics, ...(check ? { check } : {}), counts, lang: run.lang };
}
