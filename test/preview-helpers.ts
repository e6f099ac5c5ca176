/**
 * What the preview's tests share: a copy of the examples in a temporary folder, and HTTP requests
 * sent exactly as written (fetch would tidy "..", and sets its own Host header).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** A folder with the examples' config, catalogue and two descriptions. */
export function exampleFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'preview-'));
  for (const name of [
    'ametijuhend.config.yaml',
    'competencies.yaml',
    'data-analyst.md',
    'ekspert-kriisiabi.md',
  ])
    copyFileSync(join(EXAMPLES, name), join(dir, name));
  return dir;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** One request with the raw path and headers given (Host defaults to the server's own). */
export function get(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, connection: 'close', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the first `event: change` the server sends on /events (after the greeting). */
export function nextChange(
  port: number,
  timeoutMs = 8000,
): { ready: Promise<void>; change: Promise<string> } {
  let ready!: () => void;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const change = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('no change event'));
    }, timeoutMs);
    const req = request(
      { host: '127.0.0.1', port, path: '/events', headers: { host: `127.0.0.1:${port}` } },
      (res) => {
        let buffer = '';
        res.on('data', (c: Buffer) => {
          buffer += c.toString('utf8');
          if (buffer.includes('event: hello')) ready();
          const m = /event: change\ndata: (\d+)/.exec(buffer);
          if (m) {
            clearTimeout(timer);
            req.destroy();
            resolve(m[1]!);
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          reject(new Error('the server ended the stream'));
        });
      },
    );
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end();
  });
  return { ready: readyPromise, change };
}
