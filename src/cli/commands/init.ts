import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { message } from '../../messages/index.js';
import { ConfigLoader } from '../../config/load.js';
import { initRepo, InitError, type InitLang, type InitResult } from '../../project/init.js';
import { terminalSafe } from '../../util/terminal.js';
import { uiLang } from '../ui.js';

export interface InitCliOptions {
  organisation?: string;
  lang?: InitLang;
}

function listing(result: Pick<InitResult, 'created' | 'skipped'>, lang: 'et' | 'en'): string {
  const lines: string[] = [];
  for (const f of result.created) lines.push(message('cli.init.created', lang, { file: terminalSafe(f) }));
  for (const f of result.skipped) lines.push(message('cli.init.skipped', lang, { file: terminalSafe(f) }));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Where to run the next commands from, as the user would type it. */
function where(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

/** The language of a config that already applies to the target folder, if any. */
function existingLang(dir: string): InitLang | undefined {
  const target = resolve(dir);
  if (!existsSync(target) || !statSync(target).isDirectory()) return undefined;
  const loader = new ConfigLoader();
  const config = loader.find(target);
  return config ? loader.load(config).lang : undefined;
}

export function runInit(dir: string | undefined, opts: InitCliOptions): number {
  // completing an existing repository keeps to its language
  const contentLang = opts.lang ?? existingLang(dir ?? '.');
  const lang = uiLang(contentLang);
  let result: InitResult;
  try {
    result = initRepo(dir ?? '.', {
      lang: contentLang ?? 'et',
      ...(opts.organisation !== undefined ? { organisation: opts.organisation } : {}),
    });
  } catch (e) {
    if (e instanceof InitError) {
      process.stdout.write(listing(e, lang));
      process.stderr.write(`${message('cli.init.cannotWrite', lang, { detail: terminalSafe(e.message) })}\n`);
      return 2;
    }
    throw e;
  }
  const out: string[] = [listing(result, lang)];
  const n = result.created.length;
  const s = result.skipped.length;
  out.push(`${message('cli.init.summary', lang, { created: n, skipped: s })}\n`);
  if (n > 0) {
    const cd = where(result.dir);
    const prefix = cd === '.' ? '' : `cd ${terminalSafe(/\s/.test(cd) ? JSON.stringify(cd) : cd)} && `;
    out.push(`${message('cli.init.next', lang, { prefix })}\n`);
    if (!opts.organisation && result.created.includes('ametijuhend.config.yaml'))
      out.push(`${message('cli.init.organisation', lang)}\n`);
  }
  process.stdout.write(out.join(''));
  return 0;
}
