/**
 * Worker-thread entry: receives RenderTasks, answers with RenderOutcomes (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TaskRunner, type RenderTask, type RunSettings } from './task.js';

interface Request {
  id: number;
  task: RenderTask;
}

const runner = new TaskRunner(workerData as RunSettings);
const port = parentPort;
if (!port) throw new Error('pool/worker.js must run in a worker thread');

port.on('message', (msg: Request) => {
  runner.run(msg.task).then(
    (outcome) => {
      // hand whole, unshared output buffers over instead of copying them
      const transfer = new Set<ArrayBuffer>();
      for (const o of outcome.outputs ?? []) {
        if (o.buffer instanceof ArrayBuffer && o.byteOffset === 0 && o.byteLength === o.buffer.byteLength)
          transfer.add(o.buffer);
      }
      port.postMessage({ id: msg.id, outcome }, [...transfer]);
    },
    (e: unknown) => {
      port.postMessage({ id: msg.id, error: (e as Error)?.stack ?? String(e) });
    },
  );
});
