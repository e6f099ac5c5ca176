/**
 * Which program the extension starts as the language server, decided without the `vscode` module so
 * that it can be tested on its own.
 *
 * In order:
 * 1. the setting `ametijuhend.server.path`, when it is not empty: the command that runs ametijuhend,
 *    as an array (`["node", "/src/ametijuhend/bin/ametijuhend.js"]`) or a single string; an explicit
 *    choice wins over discovery. `${workspaceFolder}` is replaced, and a relative first element that
 *    looks like a path (`./x`, `bin/x`) is taken from the workspace folder;
 * 2. the project's own install: `<folder>/node_modules/.bin/ametijuhend` in the first workspace folder
 *    that has one (the version the docs repository's package.json pins, the same one `check` runs);
 * 3. `npx --no-install ametijuhend`, which finds an install further up or on the PATH and never
 *    downloads one.
 * `lsp --stdio` is appended to each.
 */
import { isAbsolute, join, resolve } from 'node:path';

export type CommandSource = 'setting' | 'workspace' | 'npx';

export interface ServerCommand {
  command: string;
  args: string[];
  /** The folder the server runs in. */
  cwd: string | undefined;
  /** Windows runs `.cmd` shims only through the shell (Node ≥ 20.12). */
  shell: boolean;
  source: CommandSource;
}

export interface CommandInput {
  /** Workspace folders (file-system paths), in the workspace's order. */
  folders: readonly string[];
  /** The value of `ametijuhend.server.path` as the configuration gives it. */
  setting: unknown;
  platform: NodeJS.Platform;
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

function fromSetting(parts: string[], folder: string | undefined, platform: NodeJS.Platform): ServerCommand {
  const expand = (s: string): string =>
    folder === undefined ? s : s.split('${workspaceFolder}').join(folder);
  const [first, ...rest] = parts.map(expand) as [string, ...string[]];
  const command =
    folder !== undefined && looksLikePath(first) && !isAbsolute(first) ? resolve(folder, first) : first;
  return {
    command,
    args: [...rest, ...SERVER_ARGS],
    cwd: folder,
    shell: platform === 'win32' && /\.(cmd|bat)$/i.test(command),
    source: 'setting',
  };
}

export function serverCommand(input: CommandInput): ServerCommand {
  const folder = input.folders[0];
  const parts = settingParts(input.setting);
  if (parts.length > 0) return fromSetting(parts, folder, input.platform);
  const win = input.platform === 'win32';
  const bin = win ? 'ametijuhend.cmd' : 'ametijuhend';
  for (const dir of input.folders) {
    const candidate = join(dir, 'node_modules', '.bin', bin);
    if (input.exists(candidate))
      return { command: candidate, args: [...SERVER_ARGS], cwd: dir, shell: win, source: 'workspace' };
  }
  return {
    command: win ? 'npx.cmd' : 'npx',
    args: ['--no-install', 'ametijuhend', ...SERVER_ARGS],
    cwd: folder,
    shell: win,
    source: 'npx',
  };
}

/** The command as a person would type it (for the output channel and messages). */
export function shownCommand(c: Pick<ServerCommand, 'command' | 'args'>): string {
  return [c.command, ...c.args].map((s) => (/[\s"']/.test(s) ? JSON.stringify(s) : s)).join(' ');
}
