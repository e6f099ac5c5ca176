#!/usr/bin/env node
// The CLI entry: runs the compiled library (built by `npm run build`, which `npm ci` runs via `prepare`).
import('../dist/cli/main.js').then(
  (cli) =>
    cli.main(process.argv).then((code) => {
      process.exitCode = code;
    }),
  (error) => {
    console.error(`ametijuhend: cannot start (${error.message}); run "npm run build" first.`);
    process.exitCode = 2;
  },
);
