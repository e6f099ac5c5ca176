// Runs the test suites with vitest: unit first, then integration, then output (see vitest.config.ts),
// and ends with the plain line "N passed, N failed" (all suites summed) that CI reads.
// `node scripts/run-tests.mjs [unit|integration|output] [vitest arguments…]`: one suite only; extra arguments are
// passed to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const SUITES = ['unit', 'integration', 'output'];
const args = process.argv.slice(2);
const suites = SUITES.includes(args[0]) ? [args.shift()] : SUITES;

/** Runs one suite; its counts from vitest's JSON report (a report missing or unreadable: a failure). */
function runSuite(name, env) {
  mkdirSync('.tmp', { recursive: true });
  const report = `.tmp/vitest-report-${name}.json`;
  rmSync(report, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      name,
      // a file filter that only matches files of the other suite is not a failure of this one
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...args,
    ],
    { stdio: 'inherit', env },
  );
  const counts = { passed: 0, failed: 0, skipped: 0, code: run.status ?? 1 };
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed = json.numPassedTests;
    counts.failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
    counts.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // a test file that fails to load counts as a failure even though it has no tests
    counts.failed += (json.testResults ?? []).filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    ).length;
  } catch {
    counts.failed = Math.max(counts.failed, 1);
  }
  if (counts.code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const total = { passed: 0, failed: 0, skipped: 0, code: 0 };
let env = process.env;
for (const name of suites) {
  const c = runSuite(name, env);
  // the first suite's global setup compiled dist/: the later ones need not compile it again
  env = { ...process.env, AMETIJUHEND_TEST_DIST_BUILT: '1' };
  for (const k of ['passed', 'failed', 'skipped']) total[k] += c[k];
  if (c.code !== 0) total.code = c.code;
}
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.code);
