/**
 * What `check` would say about the open descriptions, kept up to date: each workspace folder's
 * descriptions discovered as `check <folder>` discovers them, compiled from disk (remembered until
 * the file changes) or, when open in the editor, from the editor's text; the repository rules run
 * over all of them; a document's problems are its own plus the repository's at it.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { compileFile, compileSource, type CompileResult } from '../compiler/compile.js';
import { summarize } from '../compiler/summary.js';
import { ConfigLoader } from '../config/load.js';
import { gitWorkTree, realPath, shownPath } from '../fs/root.js';
import { discover, isWalkedDescription } from '../project/discover.js';
import { type Diagnostic, type MessageLang, sortAndDedupe } from '../validate/diagnostic.js';
import { repositoryDiagnostics } from '../validate/repository.js';
import type { DescriptionSummary } from '../validate/summary.js';
import { clearSchemaCommentCache } from '../validate/rules/schema-comment.js';

interface DiskEntry {
  mtimeMs: number;
  size: number;
  summary: DescriptionSummary;
}

interface Root {
  dir: string;
  loader: ConfigLoader;
  /** The descriptions `check <dir>` reads (absolute paths). */
  files: Set<string>;
  disk: Map<string, DiskEntry>;
}

export interface OpenDocument {
  path: string;
  version: number;
  text: string;
}

export interface Analysis {
  version: number;
  result: CompileResult;
  summary: DescriptionSummary;
  /** The path problems are reported under (relative to the document's workspace folder). */
  file: string;
  root?: Root;
}

const inside = (path: string, dir: string): boolean =>
  path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

export class Workspace {
  private roots: Root[] = [];
  private analyses = new Map<string, Analysis>();
  /** Files outside every folder: whether each is a description, and their folders' config loaders. */
  private loose = new Map<string, boolean>();
  private looseLoaders = new Map<string, ConfigLoader>();
  readonly open = new Map<string, OpenDocument>();

  constructor(
    dirs: readonly string[],
    private readonly lang?: MessageLang,
  ) {
    for (const dir of dirs)
      this.roots.push({ dir: resolve(dir), loader: this.newLoader(dir), files: new Set(), disk: new Map() });
  }

  get rootDirs(): string[] {
    return this.roots.map((r) => r.dir);
  }

  private newLoader(dir: string): ConfigLoader {
    return new ConfigLoader({ cwd: resolve(dir), ...(this.lang ? { lang: this.lang } : {}) });
  }

  /** Discovers every root's descriptions afresh. */
  async discoverAll(): Promise<void> {
    for (const root of this.roots) await this.discoverRoot(root);
  }

  private async discoverRoot(root: Root): Promise<void> {
    try {
      root.files = new Set((await discover([root.dir], root.loader, root.dir)).map((f) => f.path));
    } catch {
      root.files = new Set(); // the folder is gone or unreadable: nothing in it is checked
    }
  }

  /** The innermost workspace folder a path is in. */
  rootOf(path: string): Root | undefined {
    let best: Root | undefined;
    for (const r of this.roots)
      if (inside(path, r.dir) && (!best || r.dir.length > best.dir.length)) best = r;
    return best;
  }

  /**
   * Whether a path is a description of the workspace, or, outside every folder, a file `check` would
   * take as one when walking its repository (not a README.md, nothing a config ignores or refers to).
   */
  isDescription(path: string): boolean {
    const root = this.rootOf(path);
    if (root) return root.files.has(path);
    let known = this.loose.get(path);
    if (known === undefined) {
      // walked from its repository (the git work tree, else the folder of its config, else its own)
      const real = realPath(path) ?? path;
      const loader = this.looseLoader(path);
      const config = loader.find(dirname(real));
      const top = gitWorkTree(dirname(real)) ?? (config ? dirname(resolve(config)) : dirname(real));
      known = isWalkedDescription(real, top, loader);
      this.loose.set(path, known);
    }
    return known;
  }

  /** The config loader of a file outside every folder (one per folder, until something changes). */
  private looseLoader(path: string): ConfigLoader {
    const dir = dirname(path);
    let loader = this.looseLoaders.get(dir);
    if (!loader) this.looseLoaders.set(dir, (loader = this.newLoader(dir)));
    return loader;
  }

  /**
   * A file opened that its folder's descriptions do not have (made since they were discovered, with
   * no word from a watcher yet): the folder is discovered again when the file is one by discover's rules.
   * True when it is now known.
   */
  async opened(path: string): Promise<boolean> {
    const root = this.rootOf(path);
    if (!root || root.files.has(path) || !isWalkedDescription(path, root.dir, root.loader)) return false;
    await this.discoverRoot(root);
    return root.files.has(path);
  }

  /**
   * Something on disk changed: a description (forgotten, read again; gone or new: the folder
   * discovered again), a Markdown file that is none (README.md, one ignored: nothing to do), or
   * anything else (config, catalogue, default section: everything again).
   */
  async changed(paths: readonly string[]): Promise<void> {
    clearSchemaCommentCache();
    const refresh = new Set<Root>();
    const rediscover = new Set<Root>();
    let outside = false;
    for (const path of paths) {
      const root = this.rootOf(path);
      if (!root) {
        if (/\.md$/i.test(path) && this.isDescription(path)) {
          this.loose.delete(path);
          continue; // a loose file: compiled from the editor's text, nothing else depends on it
        }
        // a config or catalogue above the folders, or a file they refer to elsewhere (editors watch
        // only inside the folders: rare, so everything is read again)
        outside = true;
        for (const r of this.roots) refresh.add(r);
        continue;
      }
      if (!/\.md$/i.test(path)) {
        refresh.add(root);
        continue;
      }
      if (root.files.has(path)) {
        root.disk.delete(path);
        // gone: discovered again
        if (!existsSync(path)) rediscover.add(root);
      } else if (this.isReferenced(root, path)) refresh.add(root);
      else if (isWalkedDescription(path, root.dir, root.loader) && existsSync(path)) rediscover.add(root);
      // else: not a description (README.md, ignored), nothing depends on it
    }
    for (const root of refresh) {
      root.loader = this.newLoader(root.dir);
      root.disk.clear();
      await this.discoverRoot(root);
    }
    // (after the waits: nothing compiled meanwhile with an old loader is kept)
    if (refresh.size > 0 || outside) {
      this.loose.clear();
      this.looseLoaders.clear();
      this.analyses.clear();
    }
    // (an open document's own problems do not depend on another description: its analysis stands)
    for (const root of rediscover) if (!refresh.has(root)) await this.discoverRoot(root);
  }

  /** A file a config in the folder refers to (a default section written as Markdown). */
  private isReferenced(root: Root, path: string): boolean {
    const config = root.loader.forDir(dirname(path));
    return config.referencedFiles.has(path) || config.referencedFiles.has(realPath(path) ?? path);
  }

  /** Forgets every config, catalogue and description read (e.g. the watcher could not say what changed). */
  async changedAll(): Promise<void> {
    await this.changed(this.roots.map((r) => r.dir));
  }

  /** The compile result of an open document at its current version. */
  analyse(uri: string): Analysis | undefined {
    const doc = this.open.get(uri);
    if (!doc) return undefined;
    const known = this.analyses.get(uri);
    if (known && known.version === doc.version) return known;
    const root = this.rootOf(doc.path);
    const cwd = root?.dir ?? dirname(doc.path);
    const loader = root?.loader ?? this.looseLoader(doc.path);
    const result = compileSource(doc.text, {
      path: doc.path,
      configLoader: loader,
      cwd,
      ...(this.lang ? { lang: this.lang } : {}),
    });
    const file = shownPath(doc.path, cwd);
    const analysis: Analysis = {
      version: doc.version,
      result,
      summary: summarize(result, file),
      file,
      ...(root ? { root } : {}),
    };
    this.analyses.set(uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }

  private diskSummary(root: Root, path: string): DescriptionSummary {
    let st: { mtimeMs: number; size: number } = { mtimeMs: -1, size: -1 };
    try {
      st = statSync(path);
    } catch {
      // compileFile reports it
    }
    const known = root.disk.get(path);
    if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) return known.summary;
    const result = compileFile(path, {
      configLoader: root.loader,
      cwd: root.dir,
      ...(this.lang ? { lang: this.lang } : {}),
    });
    const summary = summarize(result, shownPath(path, root.dir));
    root.disk.set(path, { mtimeMs: st.mtimeMs, size: st.size, summary });
    return summary;
  }

  /** The repository rules' problems over a root: every description, the open ones as the editor has them. */
  private repository(root: Root): Diagnostic[] {
    const openHere = new Map<string, Analysis>();
    for (const [uri, doc] of this.open) {
      if (this.rootOf(doc.path) !== root || !root.files.has(doc.path)) continue;
      const a = this.analyse(uri);
      if (a) openHere.set(doc.path, a);
    }
    const summaries: DescriptionSummary[] = [];
    for (const path of [...root.files].sort())
      summaries.push(openHere.get(path)?.summary ?? this.diskSummary(root, path));
    return repositoryDiagnostics(summaries, this.lang ? { lang: this.lang } : {});
  }

  /** Every open description's problems (only those at that file), by uri. */
  diagnostics(): Map<string, { version: number; diagnostics: Diagnostic[] }> {
    const out = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
    const repo = new Map<Root, Diagnostic[]>();
    for (const [uri, doc] of this.open) {
      if (!this.isDescription(doc.path)) {
        out.set(uri, { version: doc.version, diagnostics: [] });
        continue;
      }
      const a = this.analyse(uri)!;
      let extra: Diagnostic[] = [];
      if (a.root) {
        let list = repo.get(a.root);
        if (!list) repo.set(a.root, (list = this.repository(a.root)));
        extra = list.filter((d) => d.file === a.file);
      }
      const own = a.result.diagnostics.filter((d) => d.file === a.file);
      out.set(uri, { version: doc.version, diagnostics: sortAndDedupe([...own, ...extra]) });
    }
    return out;
  }
}
