import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { message } from '../../messages/index.js';
import { ConfigLoader } from '../../config/load.js';
import { initRepo, InitError, type InitLang, type InitResult } from '../../project/init.js';
import { ToolSpecError } from '../../project/tool-spec.js';
import { terminalSafe } from '../../util/terminal.js';
import { uiLang } from '../ui.js';

export interface InitCliOptions {
  organisation?: string;
  lang?: InitLang;
  toolSpec?: string;
}

function listing(
  result: Pick<InitResult, 'created' | 'skipped'> & Partial<Pick<InitResult, 'merged'>>,
  lang: 'et' | 'en',
): string {
  const lines: string[] = [];
  for (const f of result.created) lines.push(message('cli.init.created', lang, { file: terminalSafe(f) }));
  for (const f of result.merged ?? [])
    lines.push(message('project.init.merged', lang, { file: terminalSafe(f) }));
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

/** The devDependency of an existing package.json, if it has one. */
function existingTool(dir: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, unknown>;
      devDependencies?: Record<string, unknown>;
    };
    const spec = pkg.devDependencies?.ametijuhend ?? pkg.dependencies?.ametijuhend;
    return typeof spec === 'string' ? spec : undefined;
  } catch {
    return undefined;
  }
}

/** Warnings about where the tool comes from: a path CI will not have, package.json left alone. */
function toolNotes(result: InitResult, lang: 'et' | 'en'): string[] {
  const notes: string[] = [];
  const { tool } = result;
  if (tool.local !== undefined) {
    const path = terminalSafe(tool.local);
    if (tool.missing) notes.push(message('project.init.toolMissing', lang, { path }));
    if (tool.outside) notes.push(message('project.init.toolOutside', lang, { path }));
  }
  if (result.skipped.includes('package.json') && existingTool(result.dir) !== tool.value)
    notes.push(message('project.init.addTool', lang, { value: terminalSafe(JSON.stringify(tool.value)) }));
  return notes.map((n) => `${n}\n`);
}

function tryInit(
  dir: string,
  opts: InitCliOptions,
  lang: 'et' | 'en',
  contentLang?: InitLang,
): InitResult | number {
  try {
    return initRepo(dir, {
      lang: contentLang ?? 'et',
      ...(opts.organisation !== undefined ? { organisation: opts.organisation } : {}),
      ...(opts.toolSpec !== undefined ? { toolSpec: opts.toolSpec } : {}),
    });
  } catch (e) {
    if (e instanceof ToolSpecError) {
      process.stderr.write(
        `${message('project.init.badToolSpec', lang, { spec: terminalSafe(e.message) })}\n`,
      );
      return 2;
    }
    if (e instanceof InitError) {
      process.stdout.write(listing(e, lang));
      process.stderr.write(`${message('cli.init.cannotWrite', lang, { detail: terminalSafe(e.message) })}\n`);
      return 2;
    }
    throw e;
  }
}

export function runInit(dir: string | undefined, opts: InitCliOptions): number {
  // completing an existing repository keeps to its language
  const contentLang = opts.lang ?? existingLang(dir ?? '.');
  const lang = uiLang(contentLang);
  const result = tryInit(dir ?? '.', opts, lang, contentLang);
  if (typeof result === 'number') return result;
  const out: string[] = [listing(result, lang)];
  const n = result.created.length;
  const s = result.skipped.length;
  const m = result.merged.length;
  out.push(
    m > 0
      ? `${message('project.init.summaryMerged', lang, { created: n, merged: m, skipped: s })}\n`
      : `${message('cli.init.summary', lang, { created: n, skipped: s })}\n`,
  );
  if (n > 0) {
    const cd = where(result.dir);
    const prefix = cd === '.' ? '' : `cd ${terminalSafe(/\s/.test(cd) ? JSON.stringify(cd) : cd)} && `;
    out.push(`${message('cli.init.next', lang, { prefix })}\n`);
    if (result.created.includes('package.json')) out.push(`${message('project.init.commitLock', lang)}\n`);
    if (!opts.organisation && result.created.includes('ametijuhend.config.yaml'))
      out.push(`${message('cli.init.organisation', lang)}\n`);
  }
  out.push(...toolNotes(result, lang));
  for (const u of result.unmerged)
    out.push(
      `${message('project.init.notMerged', lang, { file: terminalSafe(u.file), add: terminalSafe(u.add) })}\n`,
    );
  process.stdout.write(out.join(''));
  return 0;
}
