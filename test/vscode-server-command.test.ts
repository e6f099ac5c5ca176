/**
 * The VS Code extension's choice of the language server's command (editors/vscode/src/server-command.ts):
 * the setting, then the workspace's own install (or one in a folder above), then the PATH; `lsp --stdio`
 * always appended; nothing found is said, not started.
 */
import { readFileSync } from 'node:fs';
import { join, resolve, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cmdArgument,
  cmdCommand,
  serverCommand,
  SettingError,
  shownCommand,
  spawnArguments,
  type CommandInput,
} from '../editors/vscode/src/server-command.js';

const WS = resolve('/work/docs');
const OTHER = resolve('/work/other');
const input = (over: Partial<CommandInput>): CommandInput => ({
  folders: [WS],
  setting: undefined,
  platform: 'linux',
  pathEnv: '/usr/local/bin:/usr/bin',
  exists: () => false,
  ...over,
});
const only =
  (...paths: string[]) =>
  (p: string): boolean =>
    paths.includes(p);

describe('the extension’s server command', () => {
  it('the workspace’s node_modules/.bin/ametijuhend, in the first folder that has one', () => {
    const bin = join(OTHER, 'node_modules', '.bin', 'ametijuhend');
    const c = serverCommand(input({ folders: [WS, OTHER], exists: only(bin) }));
    expect(c).toEqual({
      command: bin,
      args: ['lsp', '--stdio'],
      cwd: OTHER,
      shell: false,
      source: 'workspace',
      found: true,
    });
    const first = serverCommand(input({ folders: [WS, OTHER], exists: () => true }));
    expect(first.command).toBe(join(WS, 'node_modules', '.bin', 'ametijuhend'));
  });

  it('an install in a folder above the workspace (the workspace is a sub-folder of the docs repo)', () => {
    const bin = join(resolve('/work'), 'node_modules', '.bin', 'ametijuhend');
    expect(serverCommand(input({ exists: only(bin) }))).toMatchObject({ command: bin, cwd: WS, found: true });
  });

  it('no install: an ametijuhend on the PATH, else not found (nothing to start)', () => {
    expect(serverCommand(input({ exists: only('/usr/bin/ametijuhend') }))).toEqual({
      command: '/usr/bin/ametijuhend',
      args: ['lsp', '--stdio'],
      cwd: WS,
      shell: false,
      source: 'path',
      found: true,
    });
    expect(serverCommand(input({}))).toMatchObject({ command: 'ametijuhend', source: 'path', found: false });
    expect(serverCommand(input({ folders: [], pathEnv: undefined })).cwd).toBeUndefined();
  });

  it('the setting wins over the install: array or string, ${workspaceFolder} and relative paths resolved', () => {
    const exists = (): boolean => true;
    expect(
      serverCommand(input({ exists, setting: ['node', '${workspaceFolder}/tool/bin/ametijuhend.js'] })),
    ).toEqual({
      command: 'node',
      args: [`${WS}/tool/bin/ametijuhend.js`, 'lsp', '--stdio'],
      cwd: WS,
      shell: false,
      source: 'setting',
      found: true,
    });
    expect(serverCommand(input({ exists, setting: './bin/aj' })).command).toBe(resolve(WS, 'bin/aj'));
    expect(serverCommand(input({ exists, setting: '/opt/aj/bin/ametijuhend' })).command).toBe(
      '/opt/aj/bin/ametijuhend',
    );
    // a bare name stays a name for the PATH
    expect(serverCommand(input({ exists, setting: ['ametijuhend'] })).command).toBe('ametijuhend');
    // empty values are "not set"
    for (const setting of [[], '', '  ', [''], null])
      expect(serverCommand(input({ exists, setting })).source).toBe('workspace');
  });

  it('a setting that names a missing program is not found', () => {
    expect(serverCommand(input({ setting: '/opt/none/ametijuhend' }))).toMatchObject({
      found: false,
      source: 'setting',
    });
    expect(serverCommand(input({ setting: './none' }))).toMatchObject({
      found: false,
      command: resolve(WS, 'none'),
    });
    expect(serverCommand(input({ setting: ['nonesuch'] })).found).toBe(false);
    expect(serverCommand(input({ setting: ['node', 'x.js'], exists: only('/usr/bin/node') })).found).toBe(
      true,
    );
  });

  it('the manifest declares the setting as the code reads it: a string or an array of strings', () => {
    const manifest = JSON.parse(readFileSync(resolve('editors/vscode/package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { type: unknown; items?: unknown }> } };
    };
    const setting = manifest.contributes.configuration.properties['ametijuhend.server.path']!;
    expect(setting.type).toEqual(['string', 'array']);
    expect(setting.items).toEqual({ type: 'string' });
    // and both forms are taken
    expect(serverCommand(input({ setting: '/opt/aj', exists: () => true })).command).toBe('/opt/aj');
    expect(serverCommand(input({ setting: ['/opt/aj'], exists: () => true })).command).toBe('/opt/aj');
  });

  it('a setting of the wrong type is a SettingError, not a crash', () => {
    for (const setting of [42, { command: 'x' }, ['node', 3]])
      expect(() => serverCommand(input({ setting }))).toThrow(SettingError);
  });

  describe('Windows', () => {
    // a folder with a space in its name (vscode-languageclient gives a shell the command unquoted)
    const ws = 'C:\\Users\\Mari Maasikas\\docs';
    const shim = win32.join(ws, 'node_modules', '.bin', 'ametijuhend.cmd');
    const entry = win32.join(ws, 'node_modules', 'ametijuhend', 'bin', 'ametijuhend.js');
    const nodeExe = 'C:\\Program Files\\nodejs\\node.exe';
    const win = (over: Partial<CommandInput>): CommandInput =>
      input({ platform: 'win32', folders: [ws], pathEnv: 'C:\\Program Files\\nodejs;C:\\x', ...over });

    it('the package beside the workspace’s shim, run by the PATH’s node.exe: no shell', () => {
      const c = serverCommand(win({ exists: only(shim, entry, nodeExe) }));
      expect(c).toEqual({
        command: nodeExe,
        args: [entry, 'lsp', '--stdio'],
        cwd: ws,
        shell: false,
        source: 'workspace',
        found: true,
      });
      // spawned as it is: every argument one, spaces and all
      expect(spawnArguments(c)).toEqual({ command: nodeExe, args: [entry, 'lsp', '--stdio'] });
    });

    it('a node.exe beside the shim first (as the shim itself chooses); none anywhere: the host’s, as Node', () => {
      const beside = win32.join(ws, 'node_modules', '.bin', 'node.exe');
      expect(serverCommand(win({ exists: only(shim, entry, nodeExe, beside) })).command).toBe(beside);
      const host = 'C:\\Program Files\\Microsoft VS Code\\Code.exe';
      expect(serverCommand(win({ exists: only(shim, entry), hostNode: host }))).toMatchObject({
        command: host,
        args: [entry, 'lsp', '--stdio'],
        env: { ELECTRON_RUN_AS_NODE: '1' },
        shell: false,
      });
    });

    it('a global install on the PATH: its package under the prefix, run by node.exe', () => {
      const prefix = 'C:\\Users\\Mari Maasikas\\AppData\\Roaming\\npm';
      const globalShim = win32.join(prefix, 'ametijuhend.cmd');
      const globalEntry = win32.join(prefix, 'node_modules', 'ametijuhend', 'bin', 'ametijuhend.js');
      const c = serverCommand(
        win({
          pathEnv: `${prefix};C:\\Program Files\\nodejs`,
          exists: only(globalShim, globalEntry, nodeExe),
        }),
      );
      expect(c).toMatchObject({
        command: nodeExe,
        args: [globalEntry, 'lsp', '--stdio'],
        shell: false,
        source: 'path',
      });
    });

    it('a .cmd with no package beside it: through cmd.exe, its command line quoted for it', () => {
      const c = serverCommand(win({ exists: only(shim) }));
      expect(c).toMatchObject({ command: shim, args: ['lsp', '--stdio'], shell: true, source: 'workspace' });
      // the space escaped for cmd.exe (Node runs `cmd.exe /d /s /c "<this>"`), nothing for Node to join
      expect(spawnArguments(c)).toEqual({
        command: 'C:\\Users\\Mari^ Maasikas\\docs\\node_modules\\.bin\\ametijuhend.cmd lsp --stdio',
        args: [],
      });
      const setting = serverCommand(
        win({ setting: ['C:\\My Tools\\aj.cmd', '--config', 'C:\\a b\\c&d.yaml'], exists: () => true }),
      );
      expect(setting.shell).toBe(true);
      expect(spawnArguments(setting).command).toBe(
        'C:\\My^ Tools\\aj.cmd --config ^^^"C:\\a^^^ b\\c^^^&d.yaml^^^" lsp --stdio',
      );
      // a name on the PATH that is a .cmd: its path, so cmd.exe knows it reads a batch file
      const byName = serverCommand(win({ setting: 'aj', exists: only('C:\\x\\aj.cmd') }));
      expect(byName).toMatchObject({ command: 'C:\\x\\aj.cmd', shell: true, found: true });
      expect(serverCommand(win({ setting: ['node', 'x.js'], exists: only(nodeExe) })).shell).toBe(false);
    });

    it('cmd.exe quoting: quotes, trailing backslashes and special characters', () => {
      expect(cmdArgument('plain-arg_1.js', true)).toBe('plain-arg_1.js');
      expect(cmdArgument('a b', false)).toBe('^"a^ b^"');
      expect(cmdArgument('say "hi"', false)).toBe('^"say^ \\^"hi\\^"^"');
      expect(cmdArgument('C:\\dir with space\\', false)).toBe('^"C:\\dir^ with^ space\\\\^"');
      expect(cmdArgument('100%', false)).toBe('^"100^%^"');
      expect(cmdCommand('C:\\a (x86)\\aj.cmd')).toBe('C:\\a^ ^(x86^)\\aj.cmd');
      // not through the shell: as given
      expect(spawnArguments({ command: 'C:\\a b\\x.exe', args: ['c d'], shell: false })).toEqual({
        command: 'C:\\a b\\x.exe',
        args: ['c d'],
      });
    });
  });

  it('shown as a person would type it', () => {
    expect(shownCommand({ command: '/a b/ametijuhend', args: ['lsp', '--stdio'] })).toBe(
      '"/a b/ametijuhend" lsp --stdio',
    );
  });
});
