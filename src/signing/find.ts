/**
 * Finding a description by its id in a repository, as `verify` and `status --signed` need: the
 * descriptions are discovered as `check` discovers them (src/project/discover.ts, configs through one
 * ConfigLoader), each compiled once, and indexed by the id its summary gives (the frontmatter's id,
 * else the file name). A description that has errors now is found, but has no model.
 */
import { ConfigLoader } from '../config/load.js';
import { compileFile, type CompileResult } from '../compiler/compile.js';
import { summarize } from '../compiler/summary.js';
import { shownPath } from '../fs/root.js';
import { discover } from '../project/discover.js';
import type { JobDescription } from '../model/types.js';
import type { MessageLang } from '../validate/diagnostic.js';

/** A description of the repository, compiled now. */
export interface FoundDescription {
  id: string;
  /** Absolute path of its source. */
  path: string;
  /** Its path as shown (relative to the repository folder). */
  file: string;
  /** Present when it compiles without errors. */
  model?: JobDescription;
  errorCount: number;
}

export type Lookup = { found: FoundDescription } | { missing: true } | { ambiguous: FoundDescription[] };

/** The descriptions of one repository by id (compiled on first use, once). */
export class DescriptionIndex {
  private byId?: Map<string, FoundDescription[]>;

  /**
   * `repo`: the folder searched (as `check` with no paths, run there). `compiled`: descriptions
   * compiled already (status has them), used instead of compiling again.
   */
  constructor(
    private readonly repo: string,
    private readonly lang?: MessageLang,
    private readonly compiled?: readonly { path: string; result: CompileResult }[],
  ) {}

  private async index(): Promise<Map<string, FoundDescription[]>> {
    if (this.byId) return this.byId;
    const byId = new Map<string, FoundDescription[]>();
    const add = (path: string, result: CompileResult): void => {
      const file = shownPath(path, this.repo);
      const summary = summarize(result, file);
      const found: FoundDescription = { id: summary.id, path, file, errorCount: result.errorCount };
      if (result.model) found.model = result.model;
      const list = byId.get(found.id);
      if (list) list.push(found);
      else byId.set(found.id, [found]);
    };
    if (this.compiled) {
      for (const c of this.compiled) add(c.path, c.result);
    } else {
      const loader = new ConfigLoader({ cwd: this.repo, ...(this.lang ? { lang: this.lang } : {}) });
      const files = await discover([this.repo], loader, this.repo);
      for (const f of files) {
        add(
          f.path,
          compileFile(f.path, {
            configLoader: loader,
            cwd: this.repo,
            ...(this.lang ? { lang: this.lang } : {}),
          }),
        );
      }
    }
    this.byId = byId;
    return byId;
  }

  /** The description with this id: found (one), missing, or ambiguous (several have it). */
  async lookup(id: string): Promise<Lookup> {
    const list = (await this.index()).get(id);
    if (!list || list.length === 0) return { missing: true };
    if (list.length > 1) return { ambiguous: list };
    return { found: list[0]! };
  }
}
