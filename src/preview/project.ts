/**
 * What the preview shows: every description under the paths, compiled as `check` compiles them
 * (repository rules included), re-read whenever the watcher says something changed. Descriptions
 * are looked up by id in this set only: an id is never turned into a path.
 */
import { createHash } from 'node:crypto';
import { GitDates } from '../build/git-dates.js';
import type { CompileResult } from '../compiler/compile.js';
import { render } from '../compiler/render.js';
import { readRegularFile } from '../fs/read.js';
import { realPath, repositoryRoot } from '../fs/root.js';
import { checkPaths } from '../project/check.js';
import type { InputFile } from '../project/discover.js';
import { documentDate } from '../util/dates.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
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

export interface PreviewProjectOptions {
  cwd: string;
  lang: MessageLang;
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
  refresh(): Promise<void> {
    this.running = this.running.then(
      () => this.load(),
      () => this.load(),
    );
    return this.running;
  }

  private async load(): Promise<void> {
    const { cwd, lang } = this.options;
    let checked;
    try {
      checked = await checkPaths(this.paths, { cwd, lang });
      this.failure = undefined;
      this.failureError = undefined;
    } catch (e) {
      this.failureError = e;
      // a path given vanished (or the folder cannot be read): nothing to show until it is back
      this.failure = (e as Error).message;
      checked = undefined;
    }
    const before = new Map(this.entries.map((e) => [e.key, e.summary.file]));
    const entries: PreviewEntry[] = [];
    const byKey = new Map<string, PreviewEntry>();
    const listed = new Set<string>();
    if (checked) {
      checked.files.forEach((file, i) => {
        const summary = checked.summaries[i]!;
        let key = summary.id;
        for (let n = 2; byKey.has(key); n++) key = `${summary.id}~${n}`;
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
