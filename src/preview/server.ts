/**
 * `ametijuhend preview` as a library call: a local HTTP server (Node's http module) showing the
 * descriptions under the paths, updated live (Server-Sent Events) as files are saved.
 *
 * Safety: a description is found by its id in the discovered set, never by a path made from the
 * URL (a URL with "..", a slash, a backslash or NUL in a segment, also encoded twice, is refused);
 * only GET and HEAD; a Host header that is not this server's address is refused (DNS rebinding);
 * every page carries a Content-Security-Policy whose only script is the page's own, under a nonce
 * made for that response; the description's HTML is build's own output, with build's CSP.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildPaths } from '../build/build.js';
import { message } from '../messages/index.js';
import { UsageError } from '../project/discover.js';
import { watchPaths, type Watcher } from '../project/watch.js';
import type { MessageLang } from '../validate/diagnostic.js';
import { orgChartSvg } from './org.js';
import {
  descriptionPage,
  docHref,
  errorPage,
  gonePage,
  indexPage,
  orgPage,
  SORT_KEYS,
  type ListQuery,
  type PageContext,
  type SortKey,
} from './pages.js';
import { PreviewProject, type PreviewEntry } from './project.js';

export const DEFAULT_PORT = 4321;
export const DEFAULT_HOST = '127.0.0.1';
/** How many ports after a taken one are tried. */
export const PORT_TRIES = 20;

export interface PreviewOptions {
  cwd?: string;
  /** 0: the system chooses. Default 4321; a taken port → the next free one (up to PORT_TRIES). */
  port?: number;
  host?: string;
  lang?: MessageLang;
  /** Wait this long after the last change before compiling again (ms, default 100). */
  debounceMs?: number;
  /** Called after each refresh a change caused, with the files the watcher named. */
  onUpdate?: (files: string[]) => void;
}

export interface PreviewServer {
  url: string;
  host: string;
  port: number;
  /** The port asked for, when it was taken and another one is used. */
  portTaken?: number;
  project: PreviewProject;
  /** Compiles everything again and tells the pages (what the watcher does on a change). */
  refresh(): Promise<void>;
  /** Ends the live connections, the watcher and the server. */
  close(): Promise<void>;
}

/** The server cannot listen (every port tried is taken, no permission, no such interface). */
export class PreviewListenError extends Error {}

const FORMATS = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
type DownloadFormat = keyof typeof FORMATS;

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The Host header values this server answers to (DNS-rebinding protection). */
export function hostAllowed(header: string | undefined, boundHost: string, port: number): boolean {
  if (!header) return false;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header.trim());
  if (!m || m[2] === undefined || Number(m[2]) !== port) return false;
  const name = m[1]!.toLowerCase().replace(/^\[|\]$/g, '');
  const bound = boundHost.toLowerCase();
  if (name === bound) return true;
  if (isLoopback(bound)) return isLoopback(name);
  // listening on every interface: any address written as an IP (a name could be rebound)
  if (bound === '0.0.0.0' || bound === '::') return isIP(name) !== 0 || name === 'localhost';
  return false;
}

/** A URL path's segments, decoded once; undefined when one is not allowed (traversal, NUL, encoded twice). */
export function pathSegments(rawPath: string): string[] | undefined {
  if (!rawPath.startsWith('/') || /[\0\\]/.test(rawPath) || /%(?:25)*00/i.test(rawPath)) return undefined;
  const out: string[] = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (seg === '.' || seg === '..' || /[/\\\0]/.test(seg)) return undefined;
    // encoded twice (%252F, %252E%252E): what it would decode to again must be as harmless
    if (/%[0-9a-f]{2}/i.test(seg)) {
      let again = seg;
      try {
        for (let i = 0; i < 4 && /%[0-9a-f]{2}/i.test(again); i++) again = decodeURIComponent(again);
      } catch {
        // not a valid encoding: taken as it is
      }
      if (again === '.' || again === '..' || /[/\\\0]|\.\./.test(again)) return undefined;
    }
    out.push(seg);
  }
  return out;
}

/** A download's file name: the id with only safe characters, and the exact one for browsers that read filename*. */
export function contentDisposition(id: string, format: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'ametijuhend';
  return `attachment; filename="${safe}.${format}"; filename*=UTF-8''${encodeURIComponent(`${id}.${format}`)}`;
}

function pageCsp(nonce: string, styles: 'nonce' | 'inline' = 'nonce'): string {
  const style = styles === 'nonce' ? `'nonce-${nonce}'` : `'self' 'unsafe-inline'`;
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${style}`,
    `img-src 'self' data:`,
    `connect-src 'self'`,
    `frame-src 'self'`,
    `form-action 'self'`,
    `base-uri 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** The description's own HTML: build's CSP is in it; this one adds that only the preview may frame it. */
const DOCUMENT_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-same-origin`;

function commonHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host, exclusive: true });
  });
}

function parseQuery(search: URLSearchParams): ListQuery {
  const sort = search.get('sort');
  return {
    q: (search.get('q') ?? '').slice(0, 200),
    sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : 'title',
    dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export async function startPreview(paths: readonly string[], options: PreviewOptions = {}): Promise<PreviewServer> {
  const cwd = options.cwd ?? process.cwd();
  const lang: MessageLang = options.lang ?? 'et';
  const host = options.host ?? DEFAULT_HOST;
  const project = new PreviewProject(paths, { cwd, lang });
  await project.refresh();
  // a path given that does not exist is the user's mistake, said before anything listens
  if (project.failureError instanceof UsageError) throw project.failureError;

  const clients = new Set<ServerResponse>();
  let closed = false;
  const notify = (): void => {
    for (const res of clients) res.write(`event: change\ndata: ${project.generation}\n\n`);
  };
  const refresh = async (): Promise<void> => {
    await project.refresh();
    if (!closed) notify();
  };

  // downloads are built one at a time (two builds must not write one folder at once)
  let building: Promise<unknown> = Promise.resolve();
  const download = (entry: PreviewEntry, format: DownloadFormat): Promise<Uint8Array | undefined> => {
    const outDir = join(
      cwd,
      '.ametijuhend-cache',
      'preview',
      createHash('sha256').update(entry.file.path).digest('hex').slice(0, 16),
    );
    const run = building.then(async () => {
      const result = await buildPaths([entry.file.path], { formats: [format], outDir, cwd, lang });
      const out = result.outputs.find((o) => o.toLowerCase().endsWith(`.${format}`));
      if (!out) {
        const failure = result.failures[0];
        if (failure) throw new Error(failure.message);
        return undefined;
      }
      return new Uint8Array(readFileSync(out));
    });
    building = run.catch(() => undefined);
    return run;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // a bug in a page never stops the server
      try {
        if (!res.headersSent) send(res, 500, errorPage(ctxFor(), message('preview.page.serverError', lang), String(e)));
        else res.end();
      } catch {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 2000;

  const ctxFor = (): PageContext => ({ lang, nonce: randomBytes(18).toString('base64') });
  function send(
    res: ServerResponse,
    status: number,
    html: string,
    nonce?: string,
    styles: 'nonce' | 'inline' = 'nonce',
  ): void {
    commonHeaders(res);
    const n = nonce ?? /nonce="([^"]+)"/.exec(html)?.[1] ?? '';
    res.setHeader('Content-Security-Policy', pageCsp(n, styles));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.statusCode = status;
    res.end(html);
  }

  let boundPort = 0;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ctx = ctxFor();
    if (!hostAllowed(req.headers.host, host, boundPort)) {
      commonHeaders(res);
      res.statusCode = 421;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`${message('preview.page.badHost', lang, { host: String(req.headers.host ?? '').slice(0, 100) })}\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, errorPage(ctx, message('preview.page.badRequest', lang), message('preview.page.method', lang)), ctx.nonce);
      return;
    }
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const rawPath = q < 0 ? raw : raw.slice(0, q);
    const search = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    const segments = pathSegments(rawPath);
    const notFound = (): void =>
      send(res, 404, errorPage(ctx, message('preview.page.notFound', lang), message('preview.page.notFoundText', lang)), ctx.nonce);
    if (!segments) {
      send(res, 400, errorPage(ctx, message('preview.page.badRequest', lang), message('preview.page.badRequestText', lang)), ctx.nonce);
      return;
    }
    const [first, second, third, ...rest] = segments;
    if (segments.length === 1 && first === '') {
      send(res, 200, indexPage(ctx, project.entries, project.others, parseQuery(search), project.failure), ctx.nonce);
      return;
    }
    if (segments.length === 1 && first === 'events') {
      events(req, res);
      return;
    }
    if (segments.length === 1 && first === 'org') {
      let svg: string;
      try {
        svg = orgChartSvg(project.summaries, { lang, href: (id) => docHref(id) });
      } catch (e) {
        const text = message('preview.page.orgFailed', lang, { reason: (e as Error).message });
        send(res, 500, errorPage(ctx, message('preview.page.orgTitle', lang), text), ctx.nonce);
        return;
      }
      send(res, 200, orgPage(ctx, svg), ctx.nonce, 'inline');
      return;
    }
    if (first !== 'd' || second === undefined || second === '' || rest.length > 0) return notFound();
    const entry = project.get(second);
    if (!entry) {
      const gone = project.gone.get(second);
      if (gone !== undefined && third === undefined) send(res, 404, gonePage(ctx, gone), ctx.nonce);
      else notFound();
      return;
    }
    if (third === undefined) {
      const version = await project.documentVersion(entry);
      send(res, 200, descriptionPage(ctx, entry, { version, source: project.source(entry) }), ctx.nonce);
      return;
    }
    if (third === 'document') {
      const html = await project.documentHtml(entry);
      if (!html) {
        send(res, 409, errorPage(ctx, message('preview.page.document', lang), message('preview.page.noDocument', lang)), ctx.nonce);
        return;
      }
      commonHeaders(res);
      res.setHeader('Content-Security-Policy', DOCUMENT_CSP);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Length', html.byteLength);
      res.end(html);
      return;
    }
    if (third === 'pdf' || third === 'docx') {
      const format = third;
      const name = format.toUpperCase();
      if (entry.errorCount > 0 && !entry.result.model) {
        send(res, 409, errorPage(ctx, name, message('preview.page.cannotBuild', lang, { format: name })), ctx.nonce);
        return;
      }
      let bytes: Uint8Array | undefined;
      try {
        bytes = await download(entry, format);
      } catch (e) {
        const text = message('preview.page.buildFailed', lang, { format: name, reason: (e as Error).message });
        send(res, 500, errorPage(ctx, name, text), ctx.nonce);
        return;
      }
      if (!bytes) {
        send(res, 409, errorPage(ctx, name, message('preview.page.cannotBuild', lang, { format: name })), ctx.nonce);
        return;
      }
      commonHeaders(res);
      res.setHeader('Content-Security-Policy', `default-src 'none'; sandbox`);
      res.setHeader('Content-Type', FORMATS[format]);
      res.setHeader('Content-Disposition', contentDisposition(entry.summary.id, format));
      res.setHeader('Content-Length', bytes.byteLength);
      res.end(bytes);
      return;
    }
    notFound();
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    commonHeaders(res);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.write(`retry: 1000\nevent: hello\ndata: ${project.generation}\n\n`);
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }
  // a comment now and then keeps proxies and idle timers from closing the stream
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': \n\n');
  }, 15_000);
  heartbeat.unref();

  // listen: the port asked for, else the next free ones
  const wanted = options.port ?? DEFAULT_PORT;
  let portTaken: number | undefined;
  for (let i = 0; ; i++) {
    const port = wanted === 0 ? 0 : wanted + i;
    try {
      boundPort = await listen(server, host, port);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && wanted !== 0 && i + 1 < PORT_TRIES && port < 65535) {
        portTaken = wanted;
        continue;
      }
      clearInterval(heartbeat);
      if (code === 'EADDRINUSE')
        throw new PreviewListenError(message('preview.noFreePort', lang, { from: String(wanted), to: String(port) }));
      throw new PreviewListenError(
        message('preview.listenFailed', lang, { host, port: String(port), reason: (e as Error).message }),
      );
    }
  }

  let watcher: Watcher | undefined;
  try {
    watcher = await watchPaths(paths, {
      cwd,
      debounceMs: options.debounceMs ?? 100,
      rebuild: async (files) => {
        await refresh();
        options.onUpdate?.(files.map((f) => f.path));
      },
      removed: async (gone) => {
        await refresh();
        options.onUpdate?.(gone);
      },
    });
  } catch {
    // nothing to watch (a path given is gone): the pages say so, nothing updates
  }

  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${boundPort}/`;
  return {
    url,
    host,
    port: boundPort,
    ...(portTaken !== undefined ? { portTaken } : {}),
    project,
    refresh,
    async close() {
      if (closed) return;
      closed = true;
      watcher?.close();
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
      await building.catch(() => undefined);
    },
  };
}
