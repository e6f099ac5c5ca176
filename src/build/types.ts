/**
 * The types of a build, and the interfaces between its three steps:
 * plan (plan.ts, roster-build.ts) → run (run.ts) → commit (commit.ts).
 *
 * - A plan lists one Job per document to produce, decided before any rendering starts: `cached`
 *   (the outputs are in the cache), `fresh` (to be rendered, with the task) or `skip` (nothing to
 *   render: the description has errors, or cannot be read), each with its reason.
 * - The run step renders the fresh jobs (in the worker pool for a large batch) and hands every
 *   job's outcome over in job order.
 * - The commit step writes each job's outputs atomically, updates the cache and sums up the result.
 */
import type { BuildCache } from './cache.js';
import type { GitDates } from './git-dates.js';
import type { ConfigLoader } from '../config/load.js';
import type { InputFile } from '../project/discover.js';
import type { OutputFormat, PdfStandard } from '../render/types.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import type { RenderOutcome, RenderTask, RunSettings } from './pool/task.js';

export interface BuildOptions {
  formats: readonly OutputFormat[];
  /**
   * Also write an unsigned ASiC-E container per document, `<id>.asice` holding `<id>.pdf` (the PDF
   * is rendered for it even when the formats leave PDF out; then it is not written beside it). The
   * output folder must then be outside any git work tree, or ignored there.
   */
  asice?: boolean;
  /** Output folder (default "dist"), relative to cwd. */
  outDir?: string;
  pdfStandard?: PdfStandard;
  lang?: MessageLang;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called before and after each file (for progress display). */
  onProgress?: (event: BuildEvent) => void;
  /** Ignore the cache: compile and render everything (the cache is still refreshed). */
  force?: boolean;
  /**
   * Do not read or write the cache at all. The record of which outputs this tool wrote is kept in
   * the cache, so without it no output of an earlier build is moved aside (stale.ts).
   */
  noCache?: boolean;
  /** Cache folder (default: `.ametijuhend-cache/<hash of the output folder>` at the git work tree root of the inputs, else under cwd). */
  cacheDir?: string;
  /** Worker threads for compiling and rendering (default: one per core, at most 4; never more than the cores). */
  jobs?: number;
  /** Fewer descriptions to render than this are rendered on the main thread (default 50). */
  poolThreshold?: number;
  /**
   * Render off the main thread even then (in one worker for a small batch or `jobs: 1`), so the main
   * thread stays free to act on Ctrl+C and SIGTERM during a long render. The CLI sets it.
   */
  isolate?: boolean;
}

export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'file'; index: number; total: number; file: InputFile; outputs: string[]; ok: boolean };

export interface BuildFailure {
  file: string;
  message: string;
  /** 'input': the inputs are at fault (two descriptions with one output name); 'internal': a bug or I/O. */
  kind: 'input' | 'internal';
}

export interface BuildResult {
  files: InputFile[];
  /** Output files written (or already up to date), in order. */
  outputs: string[];
  built: number;
  failed: number;
  /** Descriptions rendered in this run. */
  rendered: number;
  /** Descriptions whose outputs came from the cache. */
  cached: number;
  /** Worker threads used (0: everything ran on the main thread). */
  workers: number;
  /** Problems found by the compiler (as `check` reports them). */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Failures that are not problems of the input (a renderer crashed, a file could not be written). */
  failures: BuildFailure[];
  /**
   * Outputs of an earlier build that no description produces any more (it now fails, was renamed
   * or deleted), moved from `from` to `to` in `<out-dir>/.stale/` (stale.ts), in the order found.
   */
  stale: { from: string; to: string }[];
}

/** What every step of one build shares. */
export interface BuildContext {
  cwd: string;
  /** The output folder (absolute). */
  outDir: string;
  loader: ConfigLoader;
  /** What every render task of the run uses (a worker receives it once). */
  settings: RunSettings;
  /** Absent with `noCache`. */
  cache?: BuildCache;
  /** Ignore cache hits (the cache is still refreshed). */
  force: boolean;
  /** The last git commit date of each description (absent with SOURCE_DATE_EPOCH, which wins). */
  dates?: GitDates;
}

/** Another render of a job whose cached output proved damaged. */
export interface Retry {
  /** What to render; absent when the source can no longer be read (`error` says so). */
  task?: RenderTask;
  error?: string;
  /** Whether the result may be stored under the job's key (its source is still what the key hashed). */
  cacheable: boolean;
}

/** Why the plan decided as it did. */
export type Reason =
  | 'cache hit' // cached: compiled and rendered before from the same inputs
  | 'no cache' // fresh: the build runs without a cache
  | 'forced' // fresh: --force
  | 'not in the cache' // fresh: never built from these inputs (or its entry was damaged)
  | 'outputs not in the cache' // fresh: compiled before, but not rendered to every format asked for
  | 'compiled on another day' // fresh, compiled only: the diagnostics depend on today (review.months), the outputs are cached
  | 'has errors' // skip: the cache says the description has errors
  | 'cannot be read' // skip: unreadable or too large (the compiler reports why)
  | 'cannot be personalised'; // skip: a roster row whose employee gives no file name

/** One document to produce, as the plan decided. */
export interface Job {
  /** The description (named in progress events). */
  file: InputFile;
  /** The folder its outputs go to. */
  dir: string;
  decision: 'cached' | 'fresh' | 'skip';
  /** Why it was decided so. */
  reason: Reason;
  /** The cache key its outputs are stored under (absent without a cache, or when skipped). */
  key?: string;
  /** The key of its compile entry when that is not `key` (it depends on today's date). */
  metaKey?: string;
  /** fresh: compile only, the outputs come from the cache under `key` (a new day's compile). */
  outputsCached?: boolean;
  /** What compiling gave, when the plan knows it already (cached, skip). */
  known?: RenderOutcome;
  /** fresh: what to render (dropped once handed to the run step). */
  task?: RenderTask;
  /** The path a failure of its render is reported at. */
  shown: string;
  /** Renders it again when the cached outputs prove damaged. */
  retry: () => Retry;
  /** Store what compiling gave under `key` after rendering (a description's own outputs). */
  remember: boolean;
  /**
   * A roster row's place in the CSV (`roster.csv:3`): failures are reported there, all as internal
   * ones (the roster check has reported every problem of the input already).
   */
  place?: string;
}

/** What the plan step hands to the run step. */
export interface Plan {
  files: InputFile[];
  jobs: Job[];
  /** Problems found while planning (paths skipped, roster rows), reported with the build's. */
  diagnostics: Diagnostic[];
  /** Documents already known to fail (bad roster rows). */
  failed: number;
  /** The folders the build writes to: stale temporary files are removed there before writing. */
  folders: Iterable<string>;
  /** The roster CSV (absolute) of a roster export. */
  roster?: string;
}

/** A job with its outcome, as the run step hands it to the commit step. */
export interface Ran {
  index: number;
  job: Job;
  outcome: RenderOutcome;
}
