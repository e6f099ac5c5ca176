/**
 * The run step of a build: render the fresh jobs of a plan, in worker threads when there are
 * enough of them to pay for starting threads, and hand every job's outcome over in job order. A
 * bounded window of tasks runs ahead of the one handed over, so memory stays flat.
 */
import { defaultJobs, maxJobs, WorkerPool } from './pool/pool.js';
import { TaskRunner, type RenderOutcome, type RenderTask, type RunSettings } from './pool/task.js';
import type { BuildOptions, Job, Ran } from './types.js';

type PoolOptions = Pick<BuildOptions, 'jobs' | 'poolThreshold' | 'isolate'>;

/** How many worker threads render `fresh` jobs (0: the main thread renders). */
export function poolSizeFor(fresh: number, options: PoolOptions): number {
  // never more threads than cores: each holds a heap of its own (--jobs 128 took 9 GB)
  const jobs = Math.min(maxJobs(), Math.max(1, options.jobs ?? defaultJobs()));
  if (jobs > 1 && fresh >= (options.poolThreshold ?? 50)) return jobs;
  return options.isolate && fresh > 0 ? 1 : 0;
}

/** What a render that threw gives: no outputs, and the error's message. */
export function failedOutcome(job: Job, e: unknown): RenderOutcome {
  return { diagnostics: [], sourcePath: job.shown, error: (e as Error).message };
}

export class Runner {
  /** Worker threads used (0: the main thread renders). */
  readonly workers: number;
  private readonly pool: WorkerPool | undefined;
  private runner: TaskRunner | undefined;

  constructor(
    private readonly settings: RunSettings,
    jobs: readonly Job[],
    options: PoolOptions,
  ) {
    this.workers = poolSizeFor(jobs.filter((j) => j.decision === 'fresh').length, options);
    this.pool = this.workers > 0 ? new WorkerPool(settings, this.workers) : undefined;
  }

  /** Renders one task (in the pool, else on this thread); a failure is an outcome, never a throw. */
  render(job: Job, task: RenderTask): Promise<RenderOutcome> {
    const run = (): Promise<RenderOutcome> => {
      if (this.pool) return this.pool.run(task);
      this.runner ??= new TaskRunner(this.settings);
      return this.runner.run(task);
    };
    return run().catch((e: unknown) => failedOutcome(job, e));
  }

  /** Every job with its outcome, in job order (the plan's known outcome, or the render's). */
  async *outcomes(jobs: readonly Job[]): AsyncGenerator<Ran> {
    const window = this.pool ? this.workers * 4 : 1;
    const inflight = new Map<number, Promise<RenderOutcome>>();
    const launch = (i: number): void => {
      const job = jobs[i];
      if (!job?.task || inflight.has(i)) return;
      const task = job.task;
      delete job.task; // the source's bytes are not held any longer than the render needs them
      inflight.set(i, this.render(job, task));
    };
    let ahead = 0;
    for (const [index, job] of jobs.entries()) {
      for (; ahead < jobs.length && ahead < index + window; ahead++) launch(ahead);
      const pending = inflight.get(index);
      inflight.delete(index);
      const outcome = pending ? await pending : job.known;
      // a fresh job always has a task until launched, a planned one its outcome
      if (!outcome) throw new Error(`job ${index} has neither a task nor an outcome`);
      yield { index, job, outcome };
    }
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
