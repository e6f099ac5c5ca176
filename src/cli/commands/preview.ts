import { spawn } from 'node:child_process';
import { relative } from 'node:path';
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

/** Opens `url` in the default browser; a failure is a warning. */
function openBrowser(url: string, lang: 'et' | 'en'): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const warn = (reason: string): void => {
    process.stderr.write(`${message('preview.openFailed', lang, { reason: terminalSafe(reason), url })}\n`);
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
  let preview;
  try {
    preview = await startPreview(paths, {
      lang,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.host !== undefined ? { host: opts.host } : {}),
      onUpdate: (files) => {
        const names = files.map((f) => terminalSafe(relative(process.cwd(), f))).join(', ');
        process.stderr.write(`${message('preview.updated', lang, { files: names })}\n`);
      },
    });
  } catch (e) {
    if (e instanceof UsageError || e instanceof PreviewListenError) {
      process.stderr.write(`ametijuhend: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  if (preview.portTaken !== undefined)
    process.stderr.write(
      `${message('preview.portTaken', lang, { port: String(preview.portTaken), used: String(preview.port) })}\n`,
    );
  process.stdout.write(`${message('preview.listening', lang, { url: preview.url })}\n`);
  if (opts.open) openBrowser(preview.url, lang);
  const server = preview;
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        process.stderr.write(`${message('preview.stopped', lang)}\n`);
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
