#!/usr/bin/env node
// The CLI entry: runs the compiled library in dist/, found beside this file (so it works from any
// working folder). The package ships dist/; in a checkout, `npm ci` builds it (`prepare`).
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
