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
import { ownSignals, removeInFlightTemps } from '../fs/write.js';
import { message, type MessageId } from '../messages/index.js';
import { UsageError } from '../project/discover.js';
import { watchPaths, type Watcher } from '../project/watch.js';
import type { MessageLang, TemplateData } from '../validate/diagnostic.js';
import { ID_PATTERN } from '../util/slug.js';
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
/** At most this many live pages (event streams) at once; one more is answered 503. */
export const MAX_EVENT_CLIENTS = 64;
/** At most this many connections at once (the live pages' and the requests'). */
export const MAX_CONNECTIONS = 256;
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
  /** Called when a refresh after a change (or onUpdate) threw; without it, a line on stderr. */
  onError?: (error: unknown) => void;
}

export interface PreviewServer {
  url: string;
  host: string;
  port: number;
  /** The port asked for, when it was taken and another one is used. */
  portTaken?: number;
  project: PreviewProject;
  /**
   * Compiles again (only `changed`, and files new since, when given; everything without it) and
   * tells the pages: what the watcher does on a change.
   */
  refresh(changed?: string[]): Promise<void>;
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
  // no port named: the scheme's default (a browser leaves :80 out)
  if (!m || (m[2] === undefined ? 80 : Number(m[2])) !== port) return false;
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

function pageCsp(nonce: string): string {
  const style = `'nonce-${nonce}'`;
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

/** Pages that are not found, not allowed, or could not be made, each as a page of its own. */
type Refusal = 'notFound' | 'badRequest' | 'method';

/** The server's answers: one instance per preview. */
class PreviewApp {
  /** The port listened on (the Host header must name it). */
  port = 0;
  closed = false;
  private readonly clients = new Set<ServerResponse>();
  /** Downloads are built one at a time (two builds must not write one folder at once). */
  private building: Promise<unknown> = Promise.resolve();

  constructor(
    readonly project: PreviewProject,
    private readonly lang: MessageLang,
    private readonly host: string,
    private readonly cwd: string,
  ) {}

  /** Tells every open page that something changed. */
  notify(): void {
    if (this.closed) return;
    for (const res of this.clients) res.write(`event: change\ndata: ${this.project.generation}\n\n`);
  }

  /** A comment now and then keeps proxies and idle timers from closing the streams. */
  heartbeat(): void {
    for (const res of this.clients) res.write(': \n\n');
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const res of this.clients) res.end();
    this.clients.clear();
    await this.building.catch(() => undefined);
  }

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((e: unknown) => {
      // a bug in a page never stops the server
      try {
        if (res.headersSent) res.end();
        else this.send(res, 500, errorPage(this.ctx(), this.text('preview.page.serverError'), String(e)));
      } catch {
        res.destroy();
      }
    });
  };

  private text(id: MessageId, data?: TemplateData): string {
    return message(id, this.lang, data);
  }

  private ctx(): PageContext {
    return { lang: this.lang, nonce: randomBytes(18).toString('base64') };
  }

  private send(res: ServerResponse, status: number, html: string): void {
    commonHeaders(res);
    const nonce = /<script nonce="([^"]+)"/.exec(html)?.[1] ?? '';
    res.setHeader('Content-Security-Policy', pageCsp(nonce));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.statusCode = status;
    res.end(html);
  }

  private refuse(res: ServerResponse, why: Refusal): void {
    const [status, title, text] =
      why === 'notFound'
        ? [404, 'preview.page.notFound', 'preview.page.notFoundText']
        : why === 'badRequest'
          ? [400, 'preview.page.badRequest', 'preview.page.badRequestText']
          : [405, 'preview.page.badRequest', 'preview.page.method'];
    if (why === 'method') res.setHeader('Allow', 'GET, HEAD');
    this.send(
      res,
      status,
      errorPage(this.ctx(), this.text(title as MessageId), this.text(text as MessageId)),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, this.host, this.port)) {
      commonHeaders(res);
      res.statusCode = 421;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      const host = String(req.headers.host ?? '').slice(0, 100);
      res.end(`${this.text('preview.page.badHost', { host })}\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.refuse(res, 'method');
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const segments = pathSegments(q < 0 ? raw : raw.slice(0, q));
    if (!segments) return this.refuse(res, 'badRequest');
    const search = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    const [first, second, third, ...rest] = segments;
    const ctx = this.ctx();
    if (segments.length === 1 && first === '') {
      const { entries, others, failure } = this.project;
      return this.send(res, 200, indexPage(ctx, entries, others, parseQuery(search), failure));
    }
    if (segments.length === 1 && first === 'events') return this.events(req, res);
    if (segments.length === 1 && first === 'org') return this.org(res, ctx);
    if (first !== 'd' || !second || rest.length > 0) return this.refuse(res, 'notFound');
    const entry = this.project.get(second);
    if (!entry) {
      const gone = this.project.gone.get(second);
      if (gone === undefined || third !== undefined) return this.refuse(res, 'notFound');
      return this.send(res, 404, gonePage(ctx, gone));
    }
    if (third === undefined) {
      const version = await this.project.documentVersion(entry);
      const source = this.project.source(entry);
      return this.send(res, 200, descriptionPage(ctx, entry, { version, source }));
    }
    if (third === 'document') return this.document(res, ctx, entry);
    if (third === 'pdf' || third === 'docx') return this.download(res, ctx, entry, third);
    return this.refuse(res, 'notFound');
  }

  private org(res: ServerResponse, ctx: PageContext): void {
    let svg: string;
    try {
      const keys = new Map(this.project.entries.map((e) => [e.summary.file, e.key]));
      const href = (id: string, file: string): string => docHref(keys.get(file) ?? id);
      svg = orgChartSvg(this.project.summaries, { lang: this.lang, href });
    } catch (e) {
      const text = this.text('preview.page.orgFailed', { reason: (e as Error).message });
      return this.send(res, 500, errorPage(ctx, this.text('preview.page.orgTitle'), text));
    }
    // the SVG styles its parts with presentation attributes only (no style="", no <style>): the same CSP as every page
    this.send(res, 200, orgPage(ctx, svg));
  }

  /** build's HTML of the description, its bytes as they are (with build's own CSP inside). */
  private async document(res: ServerResponse, ctx: PageContext, entry: PreviewEntry): Promise<void> {
    const html = await this.project.documentHtml(entry);
    if (!html) {
      const page = errorPage(ctx, this.text('preview.page.document'), this.text('preview.page.noDocument'));
      return this.send(res, 409, page);
    }
    commonHeaders(res);
    res.setHeader('Content-Security-Policy', DOCUMENT_CSP);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', html.byteLength);
    res.end(html);
  }

  private async download(
    res: ServerResponse,
    ctx: PageContext,
    entry: PreviewEntry,
    format: DownloadFormat,
  ): Promise<void> {
    const name = format.toUpperCase();
    const cannot = (): void =>
      this.send(res, 409, errorPage(ctx, name, this.text('preview.page.cannotBuild', { format: name })));
    if (!entry.result.model) return cannot();
    if (!ID_PATTERN.test(entry.summary.id)) {
      const reason = this.text('build.idNotFileName', { id: entry.summary.id });
      return this.send(res, 409, errorPage(ctx, name, this.text('preview.page.noDownloads', { reason })));
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.build(entry, format);
    } catch (e) {
      const text = this.text('preview.page.buildFailed', { format: name, reason: (e as Error).message });
      return this.send(res, 500, errorPage(ctx, name, text));
    }
    if (!bytes) return cannot();
    commonHeaders(res);
    res.setHeader('Content-Security-Policy', `default-src 'none'; sandbox`);
    res.setHeader('Content-Type', FORMATS[format]);
    res.setHeader('Content-Disposition', contentDisposition(entry.summary.id, format));
    res.setHeader('Content-Length', bytes.byteLength);
    res.end(bytes);
  }

  /** Builds one format of one description through the build cache, into the cache folder. */
  private build(entry: PreviewEntry, format: DownloadFormat): Promise<Uint8Array | undefined> {
    const folder = createHash('sha256').update(entry.file.path).digest('hex').slice(0, 16);
    const outDir = join(this.cwd, '.ametijuhend-cache', 'preview', folder);
    const run = this.building.then(async () => {
      const { cwd, lang } = this;
      const result = await buildPaths([entry.file.path], { formats: [format], outDir, cwd, lang });
      const out = result.outputs.find((o) => o.toLowerCase().endsWith(`.${format}`));
      if (out) return new Uint8Array(readFileSync(out));
      if (result.failures[0]) throw new Error(result.failures[0].message);
      return undefined;
    });
    this.building = run.catch(() => undefined);
    return run;
  }

  private events(req: IncomingMessage, res: ServerResponse): void {
    commonHeaders(res);
    if (this.clients.size >= MAX_EVENT_CLIENTS) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10' });
      res.end(`${this.text('preview.page.tooManyClients', { n: MAX_EVENT_CLIENTS })}\n`);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    if (req.method === 'HEAD' || this.closed) {
      res.end();
      return;
    }
    res.write(`retry: 1000\nevent: hello\ndata: ${this.project.generation}\n\n`);
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }
}

/** Listens on `wanted`, else on the next free ports; the port used and, if so, the one that was taken. */
async function listenFrom(
  server: Server,
  host: string,
  wanted: number,
  lang: MessageLang,
): Promise<{ port: number; portTaken?: number }> {
  for (let i = 0; ; i++) {
    const port = wanted === 0 ? 0 : wanted + i;
    try {
      const used = await listen(server, host, port);
      return i > 0 ? { port: used, portTaken: wanted } : { port: used };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && wanted !== 0 && i + 1 < PORT_TRIES && port < 65535) continue;
      const data =
        code === 'EADDRINUSE'
          ? { from: String(wanted), to: String(port) }
          : { host, port: String(port), reason: (e as Error).message };
      throw new PreviewListenError(
        message(code === 'EADDRINUSE' ? 'preview.noFreePort' : 'preview.listenFailed', lang, data),
      );
    }
  }
}

/** The HTTP server of the app, with its limits. */
function httpServer(app: PreviewApp): Server {
  const server = createServer(app.listener);
  server.keepAliveTimeout = 2000;
  // a client that opens connections and never finishes its headers cannot hold them for long
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.maxConnections = MAX_CONNECTIONS;
  return server;
}

/**
 * Starts the preview. The downloads it builds never install build's SIGINT / SIGTERM handlers
 * (which exit the process, 130 / 143): a server runs until its owner stops it, so the process's
 * signals are the owner's (the CLI's runPreview closes the server on them; a library caller decides
 * for itself). This holds for the whole process from the first startPreview on (ownSignals);
 * close() removes the temporary files of a download still being written.
 */
export async function startPreview(
  paths: readonly string[],
  options: PreviewOptions = {},
): Promise<PreviewServer> {
  const cwd = options.cwd ?? process.cwd();
  const lang: MessageLang = options.lang ?? 'et';
  const host = options.host ?? DEFAULT_HOST;
  const project = new PreviewProject(paths, { cwd, lang });
  await project.refresh();
  // a path given that does not exist is the user's mistake, said before anything listens
  if (project.failureError instanceof UsageError) throw project.failureError;

  ownSignals();
  const app = new PreviewApp(project, lang, host, cwd);
  const refresh = async (changed?: string[]): Promise<void> => {
    await project.refresh(changed);
    app.notify();
  };
  const server = httpServer(app);
  const { port, portTaken } = await listenFrom(server, host, options.port ?? DEFAULT_PORT, lang);
  app.port = port;
  const heartbeat = setInterval(() => app.heartbeat(), 15_000);
  heartbeat.unref();

  let watcher: Watcher | undefined;
  try {
    // never throws: a rejection here would be unhandled in the watcher's chain (and end the process)
    const changed = async (files: string[]): Promise<void> => {
      try {
        await refresh(files);
        options.onUpdate?.(files);
      } catch (e) {
        if (options.onError) options.onError(e);
        else process.stderr.write(`${message('preview.updateFailed', lang, { reason: String(e) })}\n`);
      }
    };
    watcher = await watchPaths(paths, {
      cwd,
      debounceMs: options.debounceMs ?? 100,
      rebuild: (files) => changed(files.map((f) => f.path)),
      removed: changed,
    });
  } catch {
    // nothing to watch (a path given is gone): the pages say so, nothing updates
  }

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    url,
    host,
    port,
    ...(portTaken !== undefined ? { portTaken } : {}),
    project,
    refresh,
    async close() {
      if (app.closed) return;
      watcher?.close();
      clearInterval(heartbeat);
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      removeInFlightTemps();
      server.closeAllConnections();
      await done;
    },
  };
}
