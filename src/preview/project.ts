/**
 * What the preview shows: every description under the paths, compiled as `check` compiles them
 * (repository rules included), re-read whenever the watcher says something changed. Descriptions
 * are looked up by id in this set only: an id is never turned into a path.
 */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { GitDates } from '../build/git-dates.js';
import type { CompileResult } from '../compiler/compile.js';
import { render } from '../compiler/render.js';
import { readRegularFile } from '../fs/read.js';
import { isInside, realPath, repositoryRoot, shownPath } from '../fs/root.js';
import { message } from '../messages/index.js';
import { summarize } from '../compiler/summary.js';
import { ConfigLoader } from '../config/load.js';
import { isRepositoryCheck } from '../project/check.js';
import { discover, type InputFile } from '../project/discover.js';
import { repositoryDiagnostics } from '../validate/repository.js';
import { documentDate } from '../util/dates.js';
import { ID_PATTERN, slugify } from '../util/slug.js';
import { sortAndDedupe, type Diagnostic, type MessageLang } from '../validate/diagnostic.js';
import { MAX_SOURCE_BYTES } from '../validate/rules/file-too-large.js';
import type { DescriptionSummary } from '../validate/summary.js';

/** The source text to show, or why it cannot be shown. */
export type SourceView = { ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'unreadable' };

export interface PreviewEntry {
  /** The key of its page, `/d/<key>`: the id (a second description with the same id gets `id~2`). */
  key: string;
  file: InputFile;
  summary: DescriptionSummary;
  result: CompileResult;
  /** Its problems, the repository rules' included, sorted by line. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

interface Compiled {
  result: CompileResult;
  summary: DescriptionSummary;
}

interface Checked {
  files: InputFile[];
  results: CompileResult[];
  summaries: DescriptionSummary[];
  diagnostics: Diagnostic[];
}

export interface PreviewProjectOptions {
  cwd: string;
  lang: MessageLang;
}

/**
 * A page's key before duplicates are told apart: the id when the project's id rule allows it (only
 * a–z, 0–9 and -: safe in a URL as it is), else `~` + the slug of the file's name (or 8 hex digits
 * of its path's digest when the name has no letters): an id such as `a/b`, `..`, `""`, `x%2Fy` or
 * one with a lone surrogate still has a page that answers.
 */
export function baseKey(id: string, path: string): string {
  if (ID_PATTERN.test(id)) return id;
  const slug = slugify(basename(path).replace(/\.[^.]*$/, ''));
  return `~${slug || createHash('sha256').update(path).digest('hex').slice(0, 8)}`;
}

export class PreviewProject {
  entries: PreviewEntry[] = [];
  /** Problems that belong to no listed description (paths the discovery skipped, and why). */
  others: Diagnostic[] = [];
  /** Descriptions shown before that are gone now: key → path as shown. */
  readonly gone = new Map<string, string>();
  /** Why the last refresh found nothing (a path given is gone), when it failed. */
  failure: string | undefined;
  /** What the last refresh threw, when it failed. */
  failureError: unknown;
  /** Counts the refreshes: the pages name the state they show. */
  generation = 0;
  private byKey = new Map<string, PreviewEntry>();
  /** Each file's last compile (what an unchanged file reuses). */
  private compiled = new Map<string, Compiled>();
  private dates = new GitDates([]);
  private readonly html = new WeakMap<PreviewEntry, Promise<Uint8Array | undefined>>();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly paths: readonly string[],
    private readonly options: PreviewProjectOptions,
  ) {}

  get(key: string): PreviewEntry | undefined {
    return this.byKey.get(key);
  }

  get summaries(): DescriptionSummary[] {
    return this.entries.map((e) => e.summary);
  }

  /** Compiles everything again (one refresh at a time; a broken file is a problem, never a throw). */
  refresh(changed?: readonly string[]): Promise<void> {
    const only = changed ? new Set(changed) : undefined;
    this.running = this.running.then(
      () => this.load(only),
      () => this.load(only),
    );
    return this.running;
  }

  /**
   * What `check` finds (checkPaths: discovery, every file compiled, the repository rules over all of
   * them), compiling again only the files named in `changed` (every file without it) and those new
   * since: a change to one description of thousands costs one compile and the repository rules.
   * What the watcher names covers a config's, catalogue's or default section's change too.
   */
  private async check(changed: ReadonlySet<string> | undefined): Promise<Checked> {
    const { cwd, lang } = this.options;
    const loader = new ConfigLoader({ cwd, lang });
    const skipped: Diagnostic[] = [];
    const files = this.insideGiven(await discover(this.paths, loader, cwd, { skipped }), skipped);
    // loaded with the first check, as checkPaths does
    const { compileFile } = await import('../compiler/compile.js');
    const compiled = new Map<string, Compiled>();
    for (const f of files) {
      let c = this.compiled.get(f.path);
      if (!c || !changed || changed.has(f.path)) {
        const result = compileFile(f.path, { configLoader: loader, cwd, lang });
        c = { result, summary: summarize(result, shownPath(f.path, cwd)) };
      }
      compiled.set(f.path, c);
    }
    this.compiled = compiled;
    const results = files.map((f) => compiled.get(f.path)!.result);
    // copies: the repository rules' counts are added to them below, afresh each time
    const summaries = files.map((f) => ({ ...compiled.get(f.path)!.summary }));
    const all = [...skipped, ...results.flatMap((r) => r.diagnostics)];
    if (isRepositoryCheck(this.paths, cwd)) {
      const byFile = new Map(summaries.map((s) => [s.file, s]));
      for (const d of repositoryDiagnostics(summaries, { lang })) {
        all.push(d);
        const s = byFile.get(d.file);
        if (s && d.severity === 'error') s.errorCount += d.omitted ?? 1;
        else if (s) s.warningCount += d.omitted ?? 1;
      }
    }
    return { files, results, summaries, diagnostics: sortAndDedupe(all) };
  }

  /**
   * Only files under the paths given are served, no links out: discovery follows a link inside the
   * repository, but the preview keeps a file only when it was named itself or its real path is
   * inside the real path of the folder it was found under; the others are listed as skipped.
   */
  private insideGiven(files: InputFile[], skipped: Diagnostic[]): InputFile[] {
    const { cwd, lang } = this.options;
    const named = new Set((this.paths.length ? this.paths : ['.']).map((p) => resolve(cwd, p)));
    const roots = new Map<string, string>();
    return files.filter((f) => {
      if (named.has(f.path)) return true;
      let root = roots.get(f.root);
      if (root === undefined) roots.set(f.root, (root = realPath(f.root) ?? f.root));
      const real = realPath(f.path) ?? f.path;
      if (isInside(real, root)) return true;
      const file = shownPath(f.path, cwd);
      const target = shownPath(real, cwd);
      skipped.push({
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'warning',
        rule: 'skipped-path',
        message: message('preview.linkOutsidePaths', lang, { target }),
      });
      return false;
    });
  }

  private async load(changed?: ReadonlySet<string>): Promise<void> {
    let checked;
    try {
      checked = await this.check(changed);
      this.failure = undefined;
      this.failureError = undefined;
    } catch (e) {
      // a path given vanished (or the folder cannot be read): nothing to show until it is back
      this.failureError = e;
      this.failure = (e as Error).message;
      checked = undefined;
    }
    const before = new Map(this.entries.map((e) => [e.key, e.summary.file]));
    const entries: PreviewEntry[] = [];
    const byKey = new Map<string, PreviewEntry>();
    const listed = new Set<string>();
    if (checked) {
      const keys = this.keysFor(checked);
      checked.files.forEach((file, i) => {
        const summary = checked.summaries[i]!;
        const key = keys[i]!;
        const diagnostics = checked.diagnostics.filter((d) => d.file === summary.file);
        const entry: PreviewEntry = {
          key,
          file,
          summary,
          result: checked.results[i]!,
          diagnostics,
          errorCount: summary.errorCount,
          warningCount: summary.warningCount,
        };
        entries.push(entry);
        byKey.set(key, entry);
        listed.add(summary.file);
      });
    }
    this.others = checked ? checked.diagnostics.filter((d) => !listed.has(d.file)) : [];
    for (const [key, file] of before) if (!byKey.has(key)) this.gone.set(key, file);
    for (const key of byKey.keys()) this.gone.delete(key);
    this.entries = entries;
    this.byKey = byKey;
    this.dates = new GitDates(entries.map((e) => e.file.path));
    this.generation++;
  }

  /**
   * The page keys: the id when it is a valid one (ID_PATTERN, which is safe in a URL), else `~`
   * and the slug of the file's name (a `~` no valid id has, so it never takes a valid id's page); a second description with an id taken gets `id~2` (`~3` …). A page keeps
   * its key while its file keeps its id, so a duplicate added later never takes over its address.
   */
  private keysFor(checked: Checked): string[] {
    const previous = new Map(this.entries.map((e) => [e.file.path, e]));
    const taken = new Set<string>();
    const keys = checked.files.map((f, i) => {
      const was = previous.get(f.path);
      if (!was || was.summary.id !== checked.summaries[i]!.id || taken.has(was.key)) return undefined;
      taken.add(was.key);
      return was.key;
    });
    return keys.map((kept, i) => {
      if (kept !== undefined) return kept;
      const base = baseKey(checked.summaries[i]!.id, checked.files[i]!.path);
      let key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}~${n}`;
      taken.add(key);
      return key;
    });
  }

  /**
   * The description's HTML, the very bytes `build --format html` writes for it (same date: its own,
   * else its last git commit, else SOURCE_DATE_EPOCH as build reads it); undefined while it has errors.
   */
  documentHtml(entry: PreviewEntry): Promise<Uint8Array | undefined> {
    let html = this.html.get(entry);
    if (!html) {
      const model = entry.result.model;
      html = model
        ? render(model, 'html', {
            date: documentDate(model, process.env, this.dates.dateOf(entry.file.path)),
          })
        : Promise.resolve(undefined);
      this.html.set(entry, html);
    }
    return html;
  }

  /** A short digest naming what the document shows (the page reloads its frame when it changes). */
  async documentVersion(entry: PreviewEntry): Promise<string | undefined> {
    const html = await this.documentHtml(entry);
    return html ? createHash('sha256').update(html).digest('hex').slice(0, 16) : undefined;
  }

  /** The source as text (invalid UTF-8 shown as U+FFFD), read again, only from inside the tree. */
  source(entry: PreviewEntry): SourceView {
    const root = realPath(entry.file.root) ?? entry.file.root;
    const allowed = repositoryRoot(root);
    const read = readRegularFile(entry.file.path, MAX_SOURCE_BYTES, allowed);
    if (read.ok)
      return { ok: true, text: new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, '') };
    return { ok: false, reason: read.reason === 'tooLarge' ? 'tooLarge' : 'unreadable' };
  }
}
