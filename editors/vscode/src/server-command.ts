/**
 * Which program the extension starts as the language server, decided without the `vscode` module so
 * that it can be tested on its own.
 *
 * In order:
 * 1. the setting `ametijuhend.server.path`, when it is not empty: the command that runs ametijuhend,
 *    as an array (`["node", "/src/ametijuhend/bin/ametijuhend.js"]`) or a single string; an explicit
 *    choice wins over discovery. `${workspaceFolder}` is replaced, a relative first element that
 *    looks like a path (`./x`, `bin/x`) is taken from the workspace folder, a bare name from the PATH;
 * 2. the project's own install: `node_modules/.bin/ametijuhend` in a workspace folder or the nearest
 *    folder above it that has one (the version the docs repository's package.json pins, the one
 *    `npm run check` runs): what `npx --no-install ametijuhend` would find, without npx, which asks
 *    the registry about a package it does not find;
 * 3. an `ametijuhend` on the PATH (a global install).
 * `lsp --stdio` is appended. Nothing found: `found` is false and nothing is started.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';

export type CommandSource = 'setting' | 'workspace' | 'path';

export interface ServerCommand {
  command: string;
  args: string[];
  /** The folder the server runs in. */
  cwd: string | undefined;
  /** Windows runs `.cmd` shims only through the shell (Node ≥ 20.12). */
  shell: boolean;
  source: CommandSource;
  /** Whether the program is there; false: say so instead of starting it. */
  found: boolean;
}

export interface CommandInput {
  /** Workspace folders (file-system paths), in the workspace's order. */
  folders: readonly string[];
  /** The value of `ametijuhend.server.path` as the configuration gives it. */
  setting: unknown;
  platform: NodeJS.Platform;
  /** The PATH environment variable. */
  pathEnv: string | undefined;
  /** Whether a file exists (injected for tests). */
  exists: (path: string) => boolean;
}

/** The setting is neither a string nor an array of strings. */
export class SettingError extends Error {}

export const SERVER_ARGS = ['lsp', '--stdio'] as const;

function settingParts(setting: unknown): string[] {
  if (setting === undefined || setting === null) return [];
  if (typeof setting === 'string') return setting.trim() === '' ? [] : [setting.trim()];
  if (Array.isArray(setting) && setting.every((s) => typeof s === 'string'))
    return setting.length > 0 && setting[0]!.trim() !== '' ? (setting as string[]) : [];
  throw new SettingError('ametijuhend.server.path must be a string or an array of strings');
}

const looksLikePath = (s: string): boolean => /[\\/]/.test(s) || s.startsWith('.');
const isShim = (command: string): boolean => /\.(cmd|bat)$/i.test(command);

/** A bare program name on the PATH (Windows: also with .cmd/.exe), or undefined. */
function onPath(name: string, input: CommandInput): string | undefined {
  const win = input.platform === 'win32';
  const names = win && !/\.\w+$/.test(name) ? [`${name}.cmd`, `${name}.exe`, name] : [name];
  for (const dir of (input.pathEnv ?? '').split(win ? ';' : ':')) {
    if (dir === '') continue;
    for (const n of names) if (input.exists(join(dir, n))) return join(dir, n);
  }
  return undefined;
}

function fromSetting(parts: string[], input: CommandInput): ServerCommand {
  const folder = input.folders[0];
  const expand = (s: string): string =>
    folder === undefined ? s : s.split('${workspaceFolder}').join(folder);
  const [first, ...rest] = parts.map(expand) as [string, ...string[]];
  let command = first;
  let found: boolean;
  if (isAbsolute(first)) found = input.exists(first);
  else if (looksLikePath(first)) {
    command = folder === undefined ? first : resolve(folder, first);
    found = folder !== undefined && input.exists(command);
  } else found = onPath(first, input) !== undefined;
  const shell = input.platform === 'win32' && (isShim(command) || isShim(onPath(first, input) ?? ''));
  return { command, args: [...rest, ...SERVER_ARGS], cwd: folder, shell, source: 'setting', found };
}

/** node_modules/.bin/ametijuhend in each folder, then in the folders above it. */
function installed(input: CommandInput): ServerCommand | undefined {
  const win = input.platform === 'win32';
  const bin = win ? 'ametijuhend.cmd' : 'ametijuhend';
  for (const folder of input.folders) {
    for (let dir = folder; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', '.bin', bin);
      if (input.exists(candidate))
        return {
          command: candidate,
          args: [...SERVER_ARGS],
          cwd: folder,
          shell: win,
          source: 'workspace',
          found: true,
        };
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

export function serverCommand(input: CommandInput): ServerCommand {
  const parts = settingParts(input.setting);
  if (parts.length > 0) return fromSetting(parts, input);
  const local = installed(input);
  if (local) return local;
  const global = onPath('ametijuhend', input);
  return {
    command: global ?? 'ametijuhend',
    args: [...SERVER_ARGS],
    cwd: input.folders[0],
    shell: input.platform === 'win32' && isShim(global ?? ''),
    source: 'path',
    found: global !== undefined,
  };
}

/** The command as a person would type it (for the output channel and messages). */
export function shownCommand(c: Pick<ServerCommand, 'command' | 'args'>): string {
  return [c.command, ...c.args].map((s) => (/[\s"']/.test(s) ? JSON.stringify(s) : s)).join(' ');
}
