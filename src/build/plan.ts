/**
 * The plan step of a build: find the descriptions, hash each source once, and decide per
 * description whether its outputs come from the cache, are rendered fresh, or are skipped.
 * Nothing is rendered or written here.
 */
import { bilingual } from '../messages/index.js';
import { dirname, relative, resolve } from 'node:path';
import { BuildCache, cacheBase, cacheDirFor, compileKey, metaKey, outputKey } from './cache.js';
import { ConfigLoader } from '../config/load.js';
import { checkOutDir } from '../fs/outdir.js';
import { readRegularFile } from '../fs/read.js';
import { installHandlers } from '../fs/write.js';
import { outputDir, type InputFile } from '../project/discover.js';
import { MAX_SOURCE_BYTES } from '../validate/rules/file-too-large.js';
import { today } from '../util/dates.js';
import { VERSION } from '../util/version.js';
import { products, type Product, type RunSettings, type SourceTask } from './pool/task.js';
import { assertContainersIgnored } from './containers.js';
import { GitDates } from './git-dates.js';
import type { BuildContext, BuildOptions, Job, Retry } from './types.js';
import { libraryFingerprint, libraryVersions } from './versions.js';

/** The context of a build before its cache is opened (after discovery: its errors come first). */
export function openContext(options: BuildOptions): Omit<BuildContext, 'cache'> {
  installHandlers(); // a signal before the first write also exits 130 / 143
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'dist');
  checkOutDir(outDir, options.outDir ?? 'dist');
  const lang = options.lang;
  const loader = new ConfigLoader({ cwd, ...(lang ? { lang } : {}) });
  const sourceDateEpoch = (options.env ?? process.env).SOURCE_DATE_EPOCH;
  const settings: RunSettings = {
    cwd,
    formats: [...options.formats],
    pdfStandard: options.pdfStandard ?? 'a-2a',
    ...(lang ? { lang } : {}),
    ...(sourceDateEpoch !== undefined ? { sourceDateEpoch } : {}),
    ...(options.asice ? { asice: true } : {}),
  };
  // containers get signed and then hold personal codes: never inside a git work tree unignored
  if (options.asice) assertContainersIgnored(outDir, options.outDir ?? 'dist');
  return { cwd, outDir, loader, settings, force: Boolean(options.force) };
}

/**
 * Opens the cache: the default one is kept at the root of the git work tree of the inputs (else in
 * the working folder), so builds run from any folder of the repository share it, and must stay
 * inside that folder; a chosen one inside itself.
 */
export function openCache(
  context: Omit<BuildContext, 'cache'>,
  options: BuildOptions,
  inputs: readonly InputFile[],
): BuildContext {
  // SOURCE_DATE_EPOCH dates every output: no git then
  const dates =
    context.settings.sourceDateEpoch === undefined ? new GitDates(inputs.map((f) => f.path)) : undefined;
  if (options.noCache) return { ...context, ...(dates ? { dates } : {}) };
  const { cwd, outDir } = context;
  const base = cacheBase(
    cwd,
    inputs.map((f) => f.path),
  );
  const cache = new BuildCache(
    options.cacheDir ? resolve(cwd, options.cacheDir) : cacheDirFor(base, outDir),
    options.cacheDir ? {} : { root: base },
  );
  return { ...context, cache, ...(dates ? { dates } : {}) };
}

/** The source bytes, or undefined when compileFile should report the file (unreadable, too large). */
export function readSource(path: string): Uint8Array | undefined {
  const read = readRegularFile(path, MAX_SOURCE_BYTES);
  return read.ok ? read.bytes : undefined;
}

/** The last git commit time (ms) of the description at `path`, when it can date the outputs. */
export function committedAt(context: BuildContext, path: string): number | undefined {
  return context.dates?.dateOf(path)?.getTime();
}

/** The source task of `file`: its bytes and its commit time. */
function sourceTask(context: BuildContext, file: InputFile, bytes: Uint8Array): SourceTask {
  const committed = committedAt(context, file.path);
  return { path: file.path, bytes, ...(committed !== undefined ? { committed } : {}) };
}

/** The cache key of what compiling `bytes` as `file` gives (everything the compile depends on). */
export function sourceKey(context: BuildContext, file: InputFile, bytes: Uint8Array): string {
  const { settings } = context;
  return compileKey({
    toolVersion: VERSION,
    // the PDF renderer's public path (AMETIJUHEND_PDF_INTERNALS=0) gives other bytes
    libraries: `${libraryFingerprint(libraryVersions())}\npdf-internals@${process.env.AMETIJUHEND_PDF_INTERNALS === '0' ? 'off' : 'on'}`,
    configFingerprint: context.loader.forDir(dirname(file.path)).fingerprint,
    cwd: context.cwd,
    path: file.path,
    lang: settings.lang,
    sourceDateEpoch: settings.sourceDateEpoch,
    committed: committedAt(context, file.path),
    bytes,
  });
}

/**
 * The key of what compiling gave (its diagnostics): the source key, plus today's date when the
 * description's config asks for reviews (review-overdue compares with today, so a cached result
 * from an earlier day may lack a warning now due). Outputs never depend on today: they stay under
 * the source key, so a new day compiles again but renders nothing again.
 */
export function compileEntryKey(context: BuildContext, file: InputFile, key: string): string {
  const config = context.loader.forDir(dirname(file.path));
  return config.reviewMonths ? metaKey(key, today()) : key;
}

/** The key of each output of the entry `key`, in the order of the products (formats, container). */
export function outputKeys(settings: RunSettings, key: string): string[] {
  // the container holds the PDF: its bytes follow the PDF's options
  const formatOptions = (f: Product): string => (f === 'pdf' || f === 'asice' ? settings.pdfStandard : '');
  return products(settings).map((f) => outputKey(key, f, formatOptions(f)));
}

/** True when every output of the entry `key` is in the cache. */
export function outputsCached(context: BuildContext, key: string): boolean {
  const { cache } = context;
  return cache !== undefined && outputKeys(context.settings, key).every((k) => cache.hasOutput(k));
}

/**
 * A description found in the cache is rendered again (its outputs damaged or gone) from a fresh
 * read, cached under the old key only when the source is still what that key was made from.
 */
function sourceRetry(context: BuildContext, file: InputFile, key: string | undefined): () => Retry {
  return () => {
    const fresh = readSource(file.path);
    if (!fresh) return { error: bilingual('build.cannotRead', { path: file.path }), cacheable: false };
    const cacheable = key !== undefined && sourceKey(context, file, fresh) === key;
    return { task: sourceTask(context, file, fresh), cacheable };
  };
}

type Compiler = typeof import('../compiler/compile.js');

/** The plan of one description (`compiler`: loaded when a file cannot be read, to report it). */
async function planSource(
  context: BuildContext,
  file: InputFile,
  compiler: () => Promise<Compiler>,
): Promise<Job> {
  const { cache, cwd } = context;
  const dir = outputDir(file, context.outDir);
  const shown = relative(cwd, file.path);
  const base = { file, dir, shown, remember: true, retry: sourceRetry(context, file, undefined) };
  const bytes = readSource(file.path);
  if (!bytes) {
    // unreadable or too large: compileFile reports it
    const lang = context.settings.lang;
    const { compileFile } = await compiler();
    const compiled = compileFile(file.path, { configLoader: context.loader, cwd, ...(lang ? { lang } : {}) });
    const known = { diagnostics: compiled.diagnostics, sourcePath: compiled.source?.path ?? file.path };
    return { ...base, decision: 'skip', reason: 'cannot be read', known, remember: false };
  }
  // misses render the very bytes their key was made from (a file edited during the build can
  // never be cached under the key of its earlier content)
  const task = sourceTask(context, file, bytes);
  if (!cache) return { ...base, decision: 'fresh', reason: 'no cache', task };
  const key = sourceKey(context, file, bytes);
  const entry = compileEntryKey(context, file, key);
  const keyed = { ...base, retry: sourceRetry(context, file, key), key, metaKey: entry };
  if (context.force) return { ...keyed, decision: 'fresh', reason: 'forced', task };
  const meta = cache.getMeta(entry);
  if (!meta) {
    // compiled on an earlier day: compile again for today's diagnostics, take the outputs from the cache
    if (entry !== key && outputsCached(context, key))
      return {
        ...keyed,
        decision: 'fresh',
        reason: 'compiled on another day',
        task: { ...task, compileOnly: true },
        outputsCached: true,
      };
    return { ...keyed, decision: 'fresh', reason: 'not in the cache', task };
  }
  const known = { diagnostics: meta.diagnostics, sourcePath: meta.sourcePath };
  if (!meta.ok) return { ...keyed, decision: 'skip', reason: 'has errors', known };
  if (!outputsCached(context, key))
    return { ...keyed, decision: 'fresh', reason: 'outputs not in the cache', task };
  return { ...keyed, decision: 'cached', reason: 'cache hit', known: { ...known, id: meta.id! } };
}

/**
 * The plan of every description, in file order. The compiler is loaded only to report a file that
 * cannot be read: planning a build whose descriptions are cached or rendered in workers never
 * loads it (~0.15 s of a rebuild).
 */
export async function planSources(context: BuildContext, files: readonly InputFile[]): Promise<Job[]> {
  let loaded: Compiler | undefined;
  const compiler = async (): Promise<Compiler> => (loaded ??= await import('../compiler/compile.js'));
  const jobs: Job[] = [];
  for (const file of files) jobs.push(await planSource(context, file, compiler));
  return jobs;
}
