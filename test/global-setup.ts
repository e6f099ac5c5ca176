import { execFileSync } from 'node:child_process';

/** CLI tests run bin/ametijuhend.js, which runs dist/: compile it fresh once per test run. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
