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
 *
 * Windows: npm's `.cmd` shims run only through cmd.exe, and vscode-languageclient hands a command
 * to the shell unquoted (a folder with a space in its name broke it). So the package's own
 * `ametijuhend/bin/ametijuhend.js` beside a shim is run by Node directly, as the shim would run it
 * (the `node.exe` beside the shim, else the one on the PATH, else the extension host's own, as Node);
 * only a `.cmd` that is no npm shim of ours (a setting) goes through cmd.exe, its command line quoted
 * for it (`spawnArguments`).
 */
import { posix, win32 } from 'node:path';

export type CommandSource = 'setting' | 'workspace' | 'path';

export interface ServerCommand {
  command: string;
  args: string[];
  /** The folder the server runs in. */
  cwd: string | undefined;
  /** Through cmd.exe (Windows runs a `.cmd` only so, Node ≥ 20.12): see `spawnArguments`. */
  shell: boolean;
  /** Added to the environment (the extension host's program run as Node: ELECTRON_RUN_AS_NODE). */
  env?: Record<string, string>;
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
  /** The extension host's program (`process.execPath`), which runs as Node with ELECTRON_RUN_AS_NODE=1. */
  hostNode?: string;
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
const pathOf = (input: CommandInput): typeof posix => (input.platform === 'win32' ? win32 : posix);

/** A bare program name on the PATH (Windows: also with .cmd/.exe), or undefined. */
function onPath(name: string, input: CommandInput): string | undefined {
  const { join } = pathOf(input);
  const win = input.platform === 'win32';
  const names = win && !/\.\w+$/.test(name) ? [`${name}.cmd`, `${name}.exe`, name] : [name];
  for (const dir of (input.pathEnv ?? '').split(win ? ';' : ':')) {
    if (dir === '') continue;
    for (const n of names) if (input.exists(join(dir, n))) return join(dir, n);
  }
  return undefined;
}

function fromSetting(parts: string[], input: CommandInput): ServerCommand {
  const { isAbsolute, resolve } = pathOf(input);
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
  } else {
    const where = onPath(first, input);
    found = where !== undefined;
    // a name that is a .cmd on the PATH: cmd.exe is given its path (and knows it reads a batch file)
    if (where && input.platform === 'win32' && isShim(where)) command = where;
  }
  const shell = input.platform === 'win32' && isShim(command);
  return { command, args: [...rest, ...SERVER_ARGS], cwd: folder, shell, source: 'setting', found };
}

/**
 * Windows: the package's JavaScript entry beside an npm shim (`node_modules/.bin/ametijuhend.cmd`
 * → `node_modules/ametijuhend/bin/ametijuhend.js`; a global `<prefix>/ametijuhend.cmd` →
 * `<prefix>/node_modules/ametijuhend/bin/ametijuhend.js`), run by Node as the shim would run it, so
 * no shell is needed. Undefined: no such entry (then the shim is run through cmd.exe).
 */
function besideShim(
  shim: string,
  input: CommandInput,
): Pick<ServerCommand, 'command' | 'args' | 'env'> | undefined {
  const { dirname, join } = win32;
  const dir = dirname(shim);
  const entry = ['ametijuhend', 'bin', 'ametijuhend.js'];
  const module = [join(dir, '..', ...entry), join(dir, 'node_modules', ...entry)].find(input.exists);
  if (!module) return undefined;
  const args = [module, ...SERVER_ARGS];
  // the shim's own choice: node.exe beside it, else the PATH's
  const node = [join(dir, 'node.exe')].find(input.exists) ?? onPath('node.exe', input);
  if (node) return { command: node, args };
  if (input.hostNode) return { command: input.hostNode, args, env: { ELECTRON_RUN_AS_NODE: '1' } };
  return undefined;
}

/** A program found (an installed shim, or one on the PATH), on Windows its package run by Node when it can be. */
function program(
  path: string,
  cwd: string | undefined,
  source: CommandSource,
  input: CommandInput,
): ServerCommand {
  const win = input.platform === 'win32';
  const direct = win && isShim(path) ? besideShim(path, input) : undefined;
  if (direct) return { ...direct, cwd, shell: false, source, found: true };
  return { command: path, args: [...SERVER_ARGS], cwd, shell: win && isShim(path), source, found: true };
}

/** node_modules/.bin/ametijuhend in each folder, then in the folders above it. */
function installed(input: CommandInput): ServerCommand | undefined {
  const { dirname, join } = pathOf(input);
  const bin = input.platform === 'win32' ? 'ametijuhend.cmd' : 'ametijuhend';
  for (const folder of input.folders) {
    for (let dir = folder; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', '.bin', bin);
      if (input.exists(candidate)) return program(candidate, folder, 'workspace', input);
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
  if (global) return program(global, input.folders[0], 'path', input);
  return {
    command: 'ametijuhend',
    args: [...SERVER_ARGS],
    cwd: input.folders[0],
    shell: false,
    source: 'path',
    found: false,
  };
}

// cmd.exe's special characters, escaped with ^ (as cross-spawn does; https://qntm.org/cmd)
const CMD_META = /([()\][%!^"`<>&|;, *?])/g;

/**
 * One argument for a command line that cmd.exe reads (`cmd /d /s /c "…"`) and the program then
 * splits as the C runtime does: quoted, its quotes and the backslashes before them escaped, cmd's
 * special characters escaped with ^ (twice for a batch file, which reads `%*` once more).
 * Plain ones (letters, digits, `-_./:=@+\`) stay as they are.
 */
export function cmdArgument(arg: string, batch: boolean): string {
  if (/^[\w\-./:=@+\\]+$/.test(arg)) return arg;
  const quoted = `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\*)$/, '$1$1')}"`;
  const once = quoted.replace(CMD_META, '^$1');
  return batch ? once.replace(CMD_META, '^$1') : once;
}

/** The program of such a command line: cmd's special characters (a space too) escaped with ^. */
export function cmdCommand(command: string): string {
  return command.replace(CMD_META, '^$1');
}

/**
 * What to spawn: through the shell, the whole command line quoted for cmd.exe as the command and
 * no arguments (Node joins them with spaces, unquoted, and vscode-languageclient passes them so).
 */
export function spawnArguments(c: Pick<ServerCommand, 'command' | 'args' | 'shell'>): {
  command: string;
  args: string[];
} {
  if (!c.shell) return { command: c.command, args: [...c.args] };
  const batch = isShim(c.command);
  return {
    command: [cmdCommand(c.command), ...c.args.map((a) => cmdArgument(a, batch))].join(' '),
    args: [],
  };
}

/** The command as a person would type it (for the output channel and messages). */
export function shownCommand(c: Pick<ServerCommand, 'command' | 'args'>): string {
  return [c.command, ...c.args].map((s) => (/[\s"']/.test(s) ? JSON.stringify(s) : s)).join(' ');
}
