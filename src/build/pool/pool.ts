/**
 * A small pool of worker threads that compile and render descriptions (see task.ts).
 * Tasks are queued first in, first out; each worker runs one task at a time.
 * Workers run the compiled code in dist/ (also when this module itself runs from src/ under a test
 * runner), so `npm run build` must have run.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { tuneJit } from '../../util/jit.js';
import type { RenderOutcome, RenderTask, RunSettings } from './task.js';

interface Pending {
  id: number;
  task: RenderTask;
  resolve: (o: RenderOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
}

type Reply = { id: number; outcome: RenderOutcome } | { id: number; error: string };

/** The worker script: dist/build/pool/worker.js beside this file, or in dist/ when running from src/. */
export function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = here.replace(/\.ts$/, '.js').replace(/pool\.js$/, 'worker.js');
  if (here.endsWith('.js') && existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../../dist/build/pool/worker.js', import.meta.url));
}

/** Default number of workers: one per core, at most 4, leaving the main thread for I/O. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The most workers a pool starts: one per core (more only add heaps, not speed). */
export function maxJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * V8 grows a heap by a factor of up to 4 over what survived the last full collection when a program
 * allocates fast, as rendering does: each worker then holds ~220 MB for ~40 MB of live data. Growing
 * by at most 1.5× keeps a two-worker build of 1000 descriptions (pdf, html, docx) under 300 MB.
 * Peak RSS (`/usr/bin/time -f %M node bin/ametijuhend.js build . -o out --format pdf,html,docx`,
 * the bench's corpus, 2 workers, two runs each on 2026-12-02): growth 100 % 313–324 MB, 50 %
 * 279–282 MB, in the same time (27.5 s against 28.0 s on a slow, noisy machine; the bench decides
 * the time). A cap on the old generation (`maxOldGenerationSizeMb` 72: 270–274 MB) saves little
 * more and would make a large description run out of memory. The flag is process-wide and read by
 * isolates created after it is set, so it is set before the first worker starts.
 */
let heapFlagSet = false;
function limitHeapGrowth(): void {
  if (heapFlagSet) return;
  heapFlagSet = true;
  setFlagsFromString('--heap-growing-percent=50');
}

/**
 * The young generation of each worker's heap, in MB (V8's default on 64 bits is 3 × 16 MB
 * semi-spaces). Rendering allocates fast and briefly: a smaller nursery is collected more often and
 * never grows to its maximum. Peak RSS of a 1000-description build with 2 workers
 * (`/usr/bin/time -v`, see docs/benchmarks.md): 48 MB (default) 364 MB, 16 MB 332 MB, 12 MB 308 MB,
 * 8 MB 313 MB, 6 MB 288 MB (±15 MB between runs; the machine was loaded, so times were not comparable:
 * the bench decides the time cost on an idle machine).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly settings: RunSettings,
    size: number,
  ) {
    limitHeapGrowth();
    tuneJit();
    const n = Math.min(maxJobs(), Math.max(1, size));
    for (let i = 0; i < n; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(workerScript(), {
      workerData: this.settings,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker };
    worker.on('message', (reply: Reply) => {
      const pending = slot.busy;
      slot.busy = undefined;
      if (pending && pending.id === reply.id) {
        if ('outcome' in reply) pending.resolve(reply.outcome);
        else pending.reject(new Error(reply.error));
      }
      this.pump();
    });
    worker.on('error', (e) => this.crashed(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed) this.crashed(slot, new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  /** A worker died: fail its task, replace it, carry on. */
  private crashed(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    const pending = slot.busy;
    slot.busy = undefined;
    void slot.worker.terminate();
    pending?.reject(error);
    if (this.closed) return;
    this.slots[index] = this.spawn();
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = next;
      slot.worker.postMessage({ id: next.id, task: next.task });
    }
  }

  run(task: RenderTask): Promise<RenderOutcome> {
    if (this.closed) return Promise.reject(new Error('pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
