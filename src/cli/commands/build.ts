import { join, relative, resolve } from 'node:path';
import { STALE_DIR } from '../../build/stale.js';
import { buildPaths, type BuildEvent } from '../../build/build.js';
import { UsageError } from '../../project/discover.js';
import { message, usageError } from '../../messages/index.js';
import { stylish } from '../../report/stylish.js';
import { terminalSafe } from '../../util/terminal.js';
import { OUTPUT_FORMATS, type OutputFormat, type PdfStandard } from '../../render/types.js';
import { maxJobs } from '../../build/pool/pool.js';
import { uiLang } from '../ui.js';

export interface BuildCliOptions {
  format: string;
  outDir: string;
  pdfStandard: PdfStandard;
  quiet?: boolean;
  lang?: 'et' | 'en';
  /** Ignore the build cache. */
  force?: boolean;
  /** Worker threads (1: none). */
  jobs?: number;
  /** A roster CSV: one personalised document per row. */
  roster?: string;
  /** Keep running and rebuild what changes. */
  watch?: boolean;
  /** A git ref: write `<id>.muudatused.pdf` beside each description changed since it. */
  changesSince?: string;
  /** Also an unsigned ASiC-E container per document. */
  asice?: boolean;
}

function parseFormats(value: string): OutputFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const bad = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (bad.length || formats.length === 0) {
    throw usageError('cli.build.unknownFormat', { formats: bad.join(', ') || value });
  }
  return [...new Set(formats)] as OutputFormat[];
}

const secondFormats = new Map<'et' | 'en', Intl.NumberFormat>();
/** 1300 → "1,3 s" (Estonian: decimal comma) or "1.3 s" (English). */
function seconds(ms: number, lang: 'et' | 'en'): string {
  let f = secondFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat([lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    secondFormats.set(lang, f);
  }
  return `${f.format(ms / 1000)} s`;
}

/** Progress: a single updating line on a terminal, one line per description otherwise. */
function progress(lang: 'et' | 'en', quiet: boolean): (event: BuildEvent) => void {
  const tty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  return (event) => {
    if (event.type === 'start' || quiet) return;
    const file = terminalSafe(relative(process.cwd(), event.file.path));
    const done = event.index + 1;
    if (tty) {
      const elapsed = Date.now() - started;
      const eta = done < event.total ? ` ETA ${seconds((elapsed / done) * (event.total - done), lang)}` : '';
      const line = `[${done}/${event.total}] ${file}${eta}`;
      const width = process.stderr.columns || 80;
      process.stderr.write(`\r\x1b[2K${line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line}`);
      if (done === event.total) process.stderr.write('\r\x1b[2K');
    } else if (event.ok) {
      const outs = event.outputs.map((o) => terminalSafe(relative(process.cwd(), o))).join(', ');
      process.stderr.write(`${message('cli.build.built', lang, { file, outputs: outs })}\n`);
    } else {
      process.stderr.write(`${message('cli.build.notBuilt', lang, { file })}\n`);
    }
  };
}

/** The outputs moved aside to `<out-dir>/.stale/`, one a line (printed even with --quiet). */
function reportStale(
  stale: readonly { from: string; to: string }[],
  outDir: string,
  lang: 'et' | 'en',
): void {
  if (stale.length === 0) return;
  const dir = terminalSafe(`${relative(process.cwd(), join(resolve(outDir), STALE_DIR)) || STALE_DIR}/`);
  const lines = stale.map(
    (s) =>
      `  ${terminalSafe(relative(process.cwd(), s.from))} → ${terminalSafe(relative(process.cwd(), s.to))}`,
  );
  process.stderr.write(`${message('build.movedAside', lang, { dir })}\n${lines.join('\n')}\n`);
}

export async function runBuild(paths: string[], opts: BuildCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  let formats: OutputFormat[];
  try {
    formats = parseFormats(opts.format);
    if (opts.watch && opts.roster) throw usageError('cli.build.watchWithRoster');
    if (opts.watch && opts.changesSince !== undefined) throw usageError('cli.build.watchWithChangesSince');
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  const cores = maxJobs();
  if (opts.jobs !== undefined && opts.jobs > cores) {
    process.stderr.write(`${message('cli.build.tooManyJobs', lang, { jobs: opts.jobs, cores })}\n`);
    opts = { ...opts, jobs: cores };
  }
  // the change reports first: an unknown ref is a usage error before any rendering
  let reports = 0;
  if (opts.changesSince !== undefined) {
    const { runChangesSince } = await import('./diff.js');
    reports = await runChangesSince(paths, {
      since: opts.changesSince,
      outDir: opts.outDir,
      ...(opts.lang ? { lang: opts.lang } : {}),
      ...(opts.quiet ? { quiet: true } : {}),
    });
    if (reports === 2) return 2;
  }
  const once = (quiet: boolean): Promise<number> => buildOnce(paths, opts, formats, lang, quiet);
  const code = Math.max(await once(Boolean(opts.quiet)), reports);
  if (!opts.watch || code === 2) return code;
  // keep running: rebuild what a change affects (the cache makes the rebuild incremental)
  // loaded for --watch only (as the roster export for --roster)
  const { watchPaths } = await import('../../project/watch.js');
  await watchPaths(paths, {
    ignore: opts.outDir,
    rebuild: async (files) => {
      const names = files.map((f) => terminalSafe(relative(process.cwd(), f.path))).join(', ');
      process.stderr.write(`${message('cli.build.changed', lang, { files: names })}\n`);
      await once(true);
      // the end of a rebuild, for the user and for whatever waits on it (the watch test)
      process.stderr.write(`${message('cli.build.rebuilt', lang)}\n`);
    },
  });
  // only once the folders are watched: a change made after this line is never missed
  process.stderr.write(`${message('cli.build.watching', lang)}\n`);
  return new Promise<number>(() => {
    // runs until interrupted
  });
}

async function buildOnce(
  paths: string[],
  opts: BuildCliOptions,
  formats: OutputFormat[],
  lang: 'et' | 'en',
  quiet: boolean,
): Promise<number> {
  const started = Date.now();
  let result;
  try {
    const common = {
      formats,
      outDir: opts.outDir,
      pdfStandard: opts.pdfStandard,
      ...(opts.lang ? { lang: opts.lang } : {}),
      ...(opts.asice ? { asice: true } : {}),
      onProgress: progress(lang, quiet),
    };
    const threads = {
      // renders run in worker threads, so Ctrl+C and SIGTERM stop even a long render at once
      isolate: true,
      ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
    };
    const force = opts.force ? { force: true } : {};
    result = opts.roster
      ? await (
          await import('../../build/roster-build.js')
        ).buildRoster(paths, { ...common, ...threads, ...force, roster: opts.roster })
      : await buildPaths(paths, { ...common, ...threads, ...force });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  if (result.diagnostics.length) {
    process.stdout.write(
      stylish({
        diagnostics: result.diagnostics,
        fileCount: result.files.length,
        lang,
        color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      }),
    );
  }
  for (const f of result.failures) {
    const data = { file: terminalSafe(f.file), detail: terminalSafe(f.message, '\n') };
    process.stderr.write(`${message('cli.build.failed', lang, data)}\n`);
  }
  const time = seconds(Date.now() - started, lang);
  const cached = message('cli.build.cached', lang, { rendered: result.rendered, cached: result.cached });
  const data = { built: result.built, outputs: result.outputs.length, failed: result.failed, time, cached };
  process.stderr.write(`${message('cli.build.summary', lang, data)}\n`);
  reportStale(result.stale, opts.outDir, lang);
  if (result.failures.some((f) => f.kind === 'internal')) return 2;
  return result.failed > 0 || result.errorCount > 0 ? 1 : 0;
}
