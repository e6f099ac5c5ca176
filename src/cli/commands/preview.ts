import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { removeInFlightTemps } from '../../fs/write.js';
import { message } from '../../messages/index.js';
import { UsageError } from '../../project/discover.js';
import { PreviewListenError, startPreview } from '../../preview/server.js';
import { terminalSafe } from '../../util/terminal.js';
import { uiLang } from '../ui.js';

export interface PreviewCliOptions {
  port?: number;
  host?: string;
  open?: boolean;
  lang?: 'et' | 'en';
}

/**
 * Writes a line to the terminal; a stream whose reader is gone (`preview 2>&1 | head`) is no
 * reason to stop the server: the line is dropped (the EPIPE error it raises is ignored).
 */
function say(stream: NodeJS.WriteStream, text: string): void {
  if (stream.destroyed || !stream.writable) return;
  try {
    stream.write(`${text}\n`);
  } catch {
    // closed while writing: nothing to tell
  }
}

const ignoreClosedPipe = (e: NodeJS.ErrnoException): void => {
  if (e.code !== 'EPIPE') throw e;
};

/** Opens `url` in the default browser; a failure is a warning. */
function openBrowser(url: string, lang: 'et' | 'en'): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const warn = (reason: string): void => {
    say(process.stderr, message('preview.openFailed', lang, { reason: terminalSafe(reason), url }));
  };
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', (e) => warn(e.message));
    child.on('exit', (code) => {
      if (code) warn(`${command}: ${code}`);
    });
    child.unref();
  } catch (e) {
    warn((e as Error).message);
  }
}

/** Runs the preview server until Ctrl-C; exit 0 when stopped, 2 for a usage error. */
export async function runPreview(paths: string[], opts: PreviewCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  // before main's own stdout handler (which ends the process on EPIPE): a closed pipe is dropped
  process.stdout.prependListener('error', ignoreClosedPipe);
  process.stderr.prependListener('error', ignoreClosedPipe);
  let preview;
  try {
    preview = await startPreview(paths, {
      lang,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.host !== undefined ? { host: opts.host } : {}),
      onUpdate: (files) => {
        const names = files.map((f) => terminalSafe(relative(process.cwd(), f))).join(', ');
        say(process.stderr, message('preview.updated', lang, { files: names }));
      },
    });
  } catch (e) {
    if (e instanceof UsageError || e instanceof PreviewListenError) {
      say(process.stderr, `ametijuhend: ${terminalSafe(e.message)}`);
      return 2;
    }
    throw e;
  }
  if (preview.portTaken !== undefined)
    say(
      process.stderr,
      message('preview.portTaken', lang, { port: String(preview.portTaken), used: String(preview.port) }),
    );
  const server = preview;
  const stopped = new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        removeInFlightTemps();
        say(process.stderr, message('preview.stopped', lang));
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // the address only once Ctrl-C stops the server: whoever reads it may signal at once (a signal
  // with no listener yet would end the process by the signal's default action, not with status 0)
  say(process.stdout, message('preview.listening', lang, { url: preview.url }));
  if (opts.open) openBrowser(preview.url, lang);
  return stopped;
}
