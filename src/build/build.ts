/**
 * `build` as a library call: compile every description and render the valid ones to each format.
 * A description with errors produces no output and never stops the batch.
 *
 * A build is three steps with typed hand-overs (types.ts): plan (plan.ts: discover, hash, decide
 * cached / fresh / skip per description), run (run.ts: render the fresh ones, in worker threads
 * for a large batch) and commit (commit.ts: atomic writes, cache update, summary). The roster
 * export (roster-build.ts) plans its own jobs and shares run and commit.
 *
 * Work per description is cached in `.ametijuhend-cache/` (see cache.ts): an unchanged
 * description is neither compiled nor rendered again, and an output file that is still what the
 * cache says is not even rewritten. Results are taken in file order, so messages, progress and
 * outputs are the same as on a single thread.
 */
import { Committer, removeStaleTemps } from './commit.js';
import { openCache, openContext, planSources } from './plan.js';
import { Runner } from './run.js';
import type { BuildContext, BuildOptions, BuildResult, Plan } from './types.js';
import { discover } from '../project/discover.js';
import type { Diagnostic } from '../validate/diagnostic.js';

export type { BuildEvent, BuildFailure, BuildOptions, BuildResult, Job, Plan, Reason } from './types.js';

/** Runs a plan: renders its fresh jobs and commits every job in order. */
export async function runPlan(
  context: BuildContext,
  plan: Plan,
  options: BuildOptions,
): Promise<BuildResult> {
  removeStaleTemps(context, plan.folders);
  const runner = new Runner(context.settings, plan.jobs, options);
  const committer = new Committer(context, runner, options, plan);
  options.onProgress?.({ type: 'start', total: plan.jobs.length });
  try {
    for await (const ran of runner.outcomes(plan.jobs)) await committer.commit(ran, plan.jobs.length);
    committer.moveStale(plan.files.map((f) => f.path));
  } finally {
    await runner.close();
    try {
      context.cache?.save();
    } catch {
      // a cache that cannot be written only costs time next run
    }
  }
  return committer.finish();
}

/** The plan of a build of `paths`: what each description needs (nothing rendered or written yet). */
export async function planBuild(
  paths: readonly string[],
  options: BuildOptions,
): Promise<{ context: BuildContext; plan: Plan }> {
  const opened = openContext(options);
  const skipped: Diagnostic[] = [];
  const files = await discover(paths, opened.loader, opened.cwd, { skipped });
  const context = openCache(opened, options, files);
  const jobs = await planSources(context, files);
  const folders = new Set(jobs.map((j) => j.dir));
  return { context, plan: { files, jobs, diagnostics: skipped, failed: 0, folders } };
}

export async function buildPaths(paths: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const { context, plan } = await planBuild(paths, options);
  return runPlan(context, plan, options);
}
