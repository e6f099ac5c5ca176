// Fuzz campaign: `npm run fuzz [-- --runs 100000 --seed N --time-limit 30m --workers 2 --render 20
//   --case-timeout 30]`
//
// fast-check over parse → validate → render (the generators and the property are in
// scripts/fuzz-lib.ts). The runs are split over worker threads (--workers, default: the cores); each
// worker runs fast-check with its own seed (seed + worker index, then + 1000 after each failure).
// --render is per mille of the cases without errors that are also rendered to PDF, HTML and DOCX
// (a tenth of those twice, for determinism). A failing case is shrunk, and the shrunk input is saved
// with its seed and path to test/fuzz-regressions/<hash>.json (at most 2 per kind of failure), where
// test/fuzz.test.ts replays it. A case that runs longer than --case-timeout seconds is a failure of
// kind "timeout" (its worker is restarted). Run through the project's TS loader (package.json).
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
function duration(s) {
  if (s === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s);
  if (!m) throw new Error(`bad duration ${s}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? 's'];
}

if (isMainThread) await main();
else await work(workerData);

async function main() {
  const runs = Number(opt('runs', 10000));
  const seed = Number(opt('seed', Date.now() % 2 ** 31));
  const workers = Math.max(1, Number(opt('workers', availableParallelism())));
  const renderShare = Number(opt('render', 20));
  const timeLimit = duration(opt('time-limit'));
  const caseTimeout = duration(opt('case-timeout', '30')) ?? 30000;
  const { ROOT, toRegression, shortHash } = await import('./fuzz-lib.ts');
  const outDir = join(ROOT, 'test', 'fuzz-regressions');
  const started = performance.now();
  const deadline = timeLimit === undefined ? undefined : Date.now() + timeLimit;

  console.log(
    `fuzz: ${runs} cases, seed ${seed}, ${workers} workers, render ${renderShare}‰ of error-free cases` +
      (timeLimit ? `, time limit ${timeLimit / 1000}s` : ''),
  );
  const totals = { cases: 0, rendered: 0, renderedTwice: 0, clean: 0, byGen: {} };
  const failures = [];
  const savedPerKind = new Map();
  const saved = [];

  function record(f) {
    failures.push(f);
    const n = savedPerKind.get(f.kind) ?? 0;
    savedPerKind.set(f.kind, n + 1);
    console.log(`\nFAIL ${f.kind} (seed ${f.seed}, path ${f.path ?? '-'}): ${f.error.split('\n')[0]}`);
    if (n >= 2) return;
    mkdirSync(outDir, { recursive: true });
    const c = f.case;
    const file = join(outDir, `${shortHash(c)}.json`);
    if (existsSync(file)) return;
    const reg = toRegression(c, f);
    writeFileSync(file, `${JSON.stringify(reg, null, 2)}\n`);
    saved.push(`${file} (${f.kind})`);
  }

  const perWorker = Math.ceil(runs / workers);
  let progressShown = 0;
  const jobs = Array.from({ length: workers }, (_, w) =>
    runWorker(Math.min(perWorker, runs - w * perWorker), seed + w, w),
  );

  function runWorker(count, firstSeed, index) {
    return new Promise((done) => {
      let remaining = count;
      let s = firstSeed;
      const start = () => {
        if (remaining <= 0 || (deadline && Date.now() >= deadline)) return done();
        const worker = new Worker(new URL(import.meta.url), {
          workerData: { runs: remaining, seed: s, renderShare, deadline, index },
        });
        let current;
        let timer;
        let finished = false;
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            finished = true;
            const f = {
              kind: 'timeout',
              error: `a case ran longer than ${caseTimeout / 1000}s`,
              seed: s,
              case: current?.case,
            };
            if (current?.case) record(f);
            remaining -= 1;
            s += 1000;
            worker.terminate().then(start);
          }, caseTimeout);
        };
        worker.on('message', (m) => {
          if (m.type === 'case') {
            current = m;
            arm();
          } else if (m.type === 'progress') {
            totals.cases += m.cases;
            totals.rendered += m.rendered;
            totals.renderedTwice += m.renderedTwice;
            totals.clean += m.clean;
            for (const [g, n] of Object.entries(m.byGen)) totals.byGen[g] = (totals.byGen[g] ?? 0) + n;
            remaining -= m.cases;
            if (totals.cases - progressShown >= 2000) {
              progressShown = totals.cases;
              const secs = (performance.now() - started) / 1000;
              process.stdout.write(
                `  ${totals.cases} cases, ${totals.rendered} rendered, ${failures.length} failures, ${secs.toFixed(0)}s\n`,
              );
            }
          } else if (m.type === 'failure') {
            record(m);
            s = m.nextSeed;
          }
        });
        worker.on('error', (e) => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          record({ kind: 'worker-crash', error: String(e?.stack ?? e), seed: s, case: current?.case });
          remaining -= 1;
          s += 1000;
          start();
        });
        worker.on('exit', () => {
          clearTimeout(timer);
          if (finished) return;
          finished = true;
          done();
        });
      };
      start();
    });
  }

  await Promise.all(jobs);
  const secs = (performance.now() - started) / 1000;
  const kinds = {};
  for (const f of failures) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  console.log('\n--- fuzz summary');
  console.log(`cases run:      ${totals.cases}`);
  console.log(`without errors: ${totals.clean}`);
  console.log(`rendered:       ${totals.rendered} (twice: ${totals.renderedTwice})`);
  console.log(`by generator:   ${JSON.stringify(totals.byGen)}`);
  console.log(`failures:       ${failures.length} ${JSON.stringify(kinds)}`);
  console.log(
    `time:           ${secs.toFixed(1)}s (${((secs * 1000) / Math.max(1, totals.cases)).toFixed(2)} ms/case)`,
  );
  console.log(`seed:           ${seed}`);
  for (const s of saved) console.log(`saved:          ${s}`);
  process.exitCode = failures.length ? 1 : 0;
}

async function work({ runs, seed, renderShare, deadline }) {
  const { default: fc } = await import('fast-check');
  const { fuzzCase, checkCase, FuzzFailure, warmUp } = await import('./fuzz-lib.ts');
  // the first render loads pdfkit, docx and the fonts (seconds on a busy machine): not a slow case
  await warmUp();
  parentPort.postMessage({ type: 'ready' });
  let remaining = runs;
  let s = seed;
  while (remaining > 0 && !(deadline && Date.now() >= deadline)) {
    const stats = { cases: 0, rendered: 0, renderedTwice: 0, clean: 0, byGen: {} };
    let failing = false;
    let lastFailure;
    const flush = () => {
      if (stats.cases) parentPort.postMessage({ type: 'progress', ...stats });
      stats.cases = stats.rendered = stats.renderedTwice = stats.clean = 0;
      stats.byGen = {};
    };
    const property = fc.asyncProperty(fuzzCase(), async (c) => {
      parentPort.postMessage({ type: 'case', case: c });
      try {
        const o = await checkCase(c, { renderShare });
        if (!failing) {
          stats.cases++;
          stats.byGen[c.gen] = (stats.byGen[c.gen] ?? 0) + 1;
          if (o.errors === 0) stats.clean++;
          if (o.rendered) stats.rendered++;
          if (o.renderedTwice) stats.renderedTwice++;
          if (stats.cases >= 200) flush();
        }
      } catch (e) {
        if (!failing) {
          stats.cases++;
          stats.byGen[c.gen] = (stats.byGen[c.gen] ?? 0) + 1;
          flush();
        }
        failing = true;
        lastFailure = e;
        throw e;
      }
    });
    const r = await fc.check(property, {
      seed: s,
      numRuns: remaining,
      ...(deadline
        ? { interruptAfterTimeLimit: Math.max(1, deadline - Date.now()), markInterruptAsFailure: false }
        : {}),
    });
    flush();
    remaining -= r.numRuns;
    if (r.failed && r.counterexample) {
      const e = r.errorInstance ?? lastFailure;
      const kind = e instanceof FuzzFailure ? e.kind : `property-throws:${e?.name ?? typeof e}`;
      parentPort.postMessage({
        type: 'failure',
        kind,
        error: String(e instanceof Error ? e.message : e),
        seed: s,
        path: r.counterexamplePath ?? undefined,
        case: r.counterexample[0],
        nextSeed: s + 1000,
      });
      s += 1000;
    } else if (r.interrupted) break;
    else break;
  }
}
