/**
 * When V8 optimises a function. A batch run (a build, a check of a thousand files) executes a lot
 * of code a few hundred times: with V8 11's default tier-up budget (66 KB of bytecode executed,
 * Node 20) TurboFan compiled about 670 functions in a worker rendering 400 descriptions, which
 * took as much CPU on V8's background threads as the rendering itself, on the same cores. Four
 * times that budget halves the compilations (the hot functions are still optimised, a little
 * later). Measured with `node bin/ametijuhend.js build . -o out` on the bench's 1,000
 * descriptions (2 cores), against the code without it, interleaved, 3 runs each on 2026-12-03:
 * 12.53 -> 11.44 s (median), user CPU 19.7 -> 17.9 s; `check .` 1.72 -> 1.66 s, user CPU
 * 2.42 -> 2.06 s.
 *
 * Other V8 versions tier up differently (Node 22's V8 12 has Maglev between the two tiers) and
 * keep their defaults, as does a process started with its own --interrupt-budget.
 */
import { setFlagsFromString } from 'node:v8';

/** V8 11's default (--interrupt-budget=67584) times four. */
export const INTERRUPT_BUDGET = 4 * 67_584;

/** The flag to set for this V8 and these Node options, or undefined to keep V8's default. */
export function tierUpFlag(v8Version: string, execArgv: readonly string[]): string | undefined {
  if (!/^11\./.test(v8Version)) return undefined;
  if (execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return undefined;
  return `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

let tuned = false;

/**
 * Raises the tier-up budget for the code this process (and every worker it starts later) runs
 * from now on. Process-wide: called by the CLI when it starts and by the build's worker pool.
 */
export function tuneJit(): void {
  if (tuned) return;
  tuned = true;
  const flag = tierUpFlag(process.versions.v8, process.execArgv);
  if (flag !== undefined) setFlagsFromString(flag);
}
