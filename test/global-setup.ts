import { execFileSync } from 'node:child_process';

/**
 * CLI tests run bin/ametijuhend.js, which runs dist/: compile it fresh once per test run
 * (scripts/run-tests.mjs compiles once for both suites and says so with AMETIJUHEND_TEST_DIST_BUILT).
 */
export default function setup(): void {
  if (process.env.AMETIJUHEND_TEST_DIST_BUILT === '1') return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  // both suites list this setup: one vitest run of both compiles once
  process.env.AMETIJUHEND_TEST_DIST_BUILT = '1';
}
