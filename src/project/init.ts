/**
 * `init` as a library call: scaffold a docs repository from the files under templates/init.
 *
 * templates/init/common holds the files every new repository gets (CI workflows, .gitignore,
 * package.json), templates/init/<lang> the language-specific ones (config, catalogue, default
 * sections, an example description, README); a file in <lang> wins over one of the same name in
 * common. A path segment starting with "_" is written with a leading "." instead (npm does not pack
 * .gitignore, and dot-folders are easy to lose), so `_github/workflows/x.yml` becomes
 * `.github/workflows/x.yml`. Placeholders: __ORGANISATION__ (YAML-quoted in .yaml/.yml files),
 * __DATE__ (YYYY-MM-DD), __VERSION__ (this tool's version) and __TOOL_SPEC__ (where the docs repo
 * installs the tool from, see tool-spec.ts; JSON-escaped in .json files).
 *
 * Existing files are never overwritten: each is written with the exclusive flag and reported as
 * skipped when it is already there. The editor's files (.vscode/extensions.json recommending the
 * VS Code extension, .vscode/settings.json mapping the config's JSON Schema for the YAML extension)
 * are the exception: when one exists, init adds its entries to it and keeps the user's (see
 * init-merge.ts), or leaves it alone and says what to add when it is not plain JSON.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../util/version.js';
import { today } from '../util/dates.js';
import { toolDependency, type ToolDependency } from './tool-spec.js';
import { mergeJson } from './init-merge.js';

export type InitLang = 'et' | 'en';

export interface InitOptions {
  /** Language of the example content and of the config's `lang` (default et). */
  lang?: InitLang;
  /** The organisation's name; default a placeholder to replace. */
  organisation?: string;
  /** YYYY-MM-DD for `reviewed` and the README; default today (AMETIJUHEND_TODAY overrides it). */
  date?: string;
  /** Folder with common/ and <lang>/ (default: the package's templates/init). */
  templates?: string;
  /** Where the docs repo installs ametijuhend from (see tool-spec.ts); default the registry. */
  toolSpec?: string;
  /** The folder a relative --tool-spec path is relative to (default the working folder). */
  cwd?: string;
}

export interface InitResult {
  /** The target folder (absolute). */
  dir: string;
  /** Files written, relative to `dir`, with forward slashes, in the order written. */
  created: string[];
  /** Files left alone because they already exist (or already have init's entries). */
  skipped: string[];
  /** Existing editor files init added its entries to (also keeping the user's). */
  merged: string[];
  /** Existing editor files left alone since they are not plain JSON: what to add (JSON) by hand. */
  unmerged: { file: string; add: string }[];
  /** The devDependency written (or to write by hand when package.json was skipped). */
  tool: ToolDependency;
}

/** The target cannot be written (not a folder, no permission, read-only): a usage problem. */
export class InitError extends Error {
  constructor(
    message: string,
    readonly created: string[] = [],
    readonly skipped: string[] = [],
  ) {
    super(message);
  }
}

export const TEMPLATES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'templates',
  'init',
);

/** The files init adds its entries to when they already exist. */
export const MERGED_FILES: ReadonlySet<string> = new Set([
  '.vscode/extensions.json',
  '.vscode/settings.json',
]);

export const ORGANISATION_PLACEHOLDER: Record<InitLang, string> = {
  et: 'Asutuse nimi',
  en: 'Organisation name',
};

function listFiles(root: string, dir = root, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(root, full, out);
    else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/** The template's path in the new repository: "_x" segments become ".x". */
export function targetPath(templatePath: string): string {
  return templatePath
    .split('/')
    .map((s) => (s.startsWith('_') ? `.${s.slice(1)}` : s))
    .join('/');
}

export interface TemplateFile {
  /** Absolute path of the template. */
  source: string;
  /** Path in the new repository, relative, with forward slashes. */
  target: string;
}

/** Every file `init` writes for a language, sorted by target path. */
export function templateFiles(lang: InitLang, templates = TEMPLATES_DIR): TemplateFile[] {
  const byTarget = new Map<string, TemplateFile>();
  for (const part of ['common', lang]) {
    const root = join(templates, part);
    for (const file of listFiles(root)) {
      byTarget.set(targetPath(file), { source: join(root, file), target: targetPath(file) });
    }
  }
  if (byTarget.size === 0) throw new Error(`no templates in ${templates}`);
  return [...byTarget.values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

/** Fills the placeholders; the organisation is quoted in YAML so any name stays one string. */
export function fillTemplate(
  text: string,
  target: string,
  values: { organisation: string; date: string; version: string; toolSpec?: string },
): string {
  const yaml = /\.ya?ml$/i.test(target);
  const json = /\.json$/i.test(target);
  const spec = values.toolSpec ?? `^${values.version}`;
  return text
    .replace(/__ORGANISATION__/g, () => (yaml ? JSON.stringify(values.organisation) : values.organisation))
    .replace(/__DATE__/g, values.date)
    .replace(/__VERSION__/g, values.version)
    .replace(/__TOOL_SPEC__/g, () => (json ? JSON.stringify(spec).slice(1, -1) : spec));
}

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? '';

/**
 * Adds init's entries to an existing editor file: 'merged' (rewritten through a temporary file and a
 * rename, so it is never half-written), 'skipped' (it has them, or it is not a regular file: a link is
 * not followed, nor one in a folder outside the repository), or what to add by hand when it is not plain JSON.
 */
function mergeInto(
  root: string,
  path: string,
  template: string,
  fail: (path: string, e: unknown) => never,
): 'merged' | 'skipped' | { add: string } {
  if (!lstatSync(path).isFile()) return 'skipped';
  // nor is a folder that leads out of the repository
  if (!realpathSync(dirname(path)).startsWith(realpathSync(root) + sep)) return 'skipped';
  const outcome = mergeJson(readFileSync(path, 'utf8'), template);
  if (outcome.kind === 'present') return 'skipped';
  if (outcome.kind === 'unsafe') return { add: outcome.add };
  const temp = `${path}.ametijuhend-init`;
  try {
    writeFileSync(temp, outcome.text, { flag: 'wx' });
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    fail(path, e);
  }
  return 'merged';
}

export function initRepo(dir: string, options: InitOptions = {}): InitResult {
  const lang = options.lang ?? 'et';
  const target = resolve(dir);
  const organisation = options.organisation?.trim() || ORGANISATION_PLACEHOLDER[lang];
  const date = options.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InitError(`not a date (YYYY-MM-DD): ${date}`);
  // a spec npm cannot read is a ToolSpecError, before anything is written
  const tool = toolDependency(options.toolSpec, target, options.cwd);
  const files = templateFiles(lang, options.templates);
  const created: string[] = [];
  const skipped: string[] = [];
  const fail = (path: string, e: unknown): never => {
    throw new InitError(`cannot write ${path}: ${(e as Error).message}`, created, skipped);
  };
  try {
    mkdirSync(target, { recursive: true });
  } catch (e) {
    fail(target, e);
  }
  if (!statSync(target).isDirectory()) fail(target, new Error('not a folder'));
  const merged: string[] = [];
  const unmerged: InitResult['unmerged'] = [];
  for (const file of files) {
    const path = join(target, ...file.target.split('/'));
    const text = fillTemplate(readFileSync(file.source, 'utf8'), file.target, {
      organisation,
      date,
      version: VERSION,
      toolSpec: tool.value,
    });
    if (existsSync(path)) {
      const outcome = MERGED_FILES.has(file.target) ? mergeInto(target, path, text, fail) : 'skipped';
      if (outcome === 'merged') merged.push(file.target);
      else skipped.push(file.target);
      if (typeof outcome === 'object') unmerged.push({ file: file.target, add: outcome.add });
      continue;
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
      // "wx": never replace a file, even one that appeared since the check above
      writeFileSync(path, text, { flag: 'wx' });
      created.push(file.target);
    } catch (e) {
      if (errno(e) === 'EEXIST') skipped.push(file.target);
      else fail(path, e);
    }
  }
  return { dir: target, created, skipped, merged, unmerged, tool };
}
