/**
 * One unit of build work: compile a description from its bytes and render it to each format.
 * The same function runs on the main thread (small batches) and in worker threads, so both paths
 * give the same diagnostics and the same bytes. The compiler and the container writer are loaded
 * with the first task that needs them: a build's main thread that renders nothing (every
 * description cached, or all rendered in workers) never loads them.
 */
import { ConfigLoader } from '../../config/load.js';
import { documentDate } from '../../util/dates.js';
import { loadRenderer } from '../../render/index.js';
import type { OutputFormat, PdfStandard, Renderer } from '../../render/types.js';
import type { JobDescription } from '../../model/types.js';
import type { Diagnostic, MessageLang } from '../../validate/diagnostic.js';
import { VERSION } from '../../util/version.js';
import { provenanceOf } from '../../model/fingerprint.js';

/** What a build writes per document: the formats, then the unsigned container (`build --asice`). */
export type Product = OutputFormat | 'asice';

/** Settings shared by every task of a run (a worker receives them once). */
export interface RunSettings {
  cwd: string;
  lang?: MessageLang;
  formats: OutputFormat[];
  pdfStandard: PdfStandard;
  /** SOURCE_DATE_EPOCH of the run (undefined when unset). */
  sourceDateEpoch?: string;
  /** Also an unsigned ASiC-E container holding the PDF (`build --asice`), after the formats. */
  asice?: boolean;
}

/** The products of a run, in output order: each format, then the container when asked for. */
export function products(settings: Pick<RunSettings, 'formats' | 'asice'>): Product[] {
  return settings.asice ? [...settings.formats, 'asice'] : [...settings.formats];
}

/** A source to compile and render. */
export interface SourceTask {
  /** Absolute path of the source. */
  path: string;
  bytes: Uint8Array;
  /** Compile only: the outputs are taken from the cache (a new day's diagnostics, see plan.ts). */
  compileOnly?: boolean;
  /** The last git commit time of the source (ms), the outputs' date when the description has none. */
  committed?: number;
}

/** A description compiled already (a roster row's personalised copy): only rendered. */
export interface ModelTask {
  /** The source's path as shown in failures. */
  path: string;
  model: JobDescription;
  /** As SourceTask.committed (the description's source). */
  committed?: number;
}

export type RenderTask = SourceTask | ModelTask;

export interface RenderOutcome {
  diagnostics: Diagnostic[];
  /** The source's path as shown in messages and failures. */
  sourcePath: string;
  /** Present when the description is valid. */
  id?: string;
  /** One entry per product (products(): the formats, then the container), when every one rendered. */
  outputs?: Uint8Array[];
  /** A renderer failed (a bug): its message. */
  error?: string;
}

/** Compiles and renders; holds the per-thread state (config cache, loaded renderers). */
export class TaskRunner {
  private readonly loader: ConfigLoader;
  private renderers?: Renderer[];
  private compiler?: typeof import('../../compiler/compile.js');

  constructor(private readonly settings: RunSettings) {
    this.loader = new ConfigLoader({ cwd: settings.cwd, ...(settings.lang ? { lang: settings.lang } : {}) });
  }

  get configLoader(): ConfigLoader {
    return this.loader;
  }

  async run(task: RenderTask): Promise<RenderOutcome> {
    if ('model' in task) {
      const outcome = { diagnostics: [], sourcePath: task.path, id: task.model.id };
      return this.render(task.model, outcome, task.committed);
    }
    const { settings } = this;
    const { compileSource } = (this.compiler ??= await import('../../compiler/compile.js'));
    const compiled = compileSource(task.bytes, {
      path: task.path,
      configLoader: this.loader,
      cwd: settings.cwd,
      ...(settings.lang ? { lang: settings.lang } : {}),
    });
    const outcome: RenderOutcome = {
      diagnostics: compiled.diagnostics,
      sourcePath: compiled.source?.path ?? task.path,
    };
    const model = compiled.model;
    if (!model) return outcome;
    outcome.id = model.id;
    return task.compileOnly ? outcome : this.render(model, outcome, task.committed);
  }

  /** Renders `model` to every format into `outcome` (outputs, or the renderer's error). */
  private async render(
    model: JobDescription,
    outcome: RenderOutcome,
    committed?: number,
  ): Promise<RenderOutcome> {
    const { settings } = this;
    try {
      // the container holds the PDF: rendered once, written or not as the formats say
      const pdfOnlyForContainer = settings.asice === true && !settings.formats.includes('pdf');
      const formats: OutputFormat[] = pdfOnlyForContainer ? [...settings.formats, 'pdf'] : settings.formats;
      this.renderers ??= await Promise.all(formats.map((f) => loadRenderer(f)));
      const env =
        settings.sourceDateEpoch === undefined ? {} : { SOURCE_DATE_EPOCH: settings.sourceDateEpoch };
      const date = documentDate(model, env, committed === undefined ? undefined : new Date(committed));
      const provenance = provenanceOf(model, VERSION);
      const options = { date, toolVersion: VERSION, pdfStandard: settings.pdfStandard, provenance };
      const outputs: Uint8Array[] = [];
      for (const render of this.renderers) outputs.push(await render(model, options));
      if (settings.asice) {
        const pdf = outputs[formats.indexOf('pdf')]!;
        if (pdfOnlyForContainer) outputs.pop();
        const { writeContainer } = await import('../../signing/container-write.js');
        outputs.push(writeContainer([{ name: `${model.id}.pdf`, bytes: pdf }]));
      }
      outcome.outputs = outputs;
    } catch (e) {
      outcome.error = (e as Error).message;
    }
    return outcome;
  }
}
