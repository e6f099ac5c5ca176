/**
 * The VS Code extension's choice of the language server's command (editors/vscode/src/server-command.ts):
 * the setting, then the workspace's own install (or one in a folder above), then the PATH; `lsp --stdio`
 * always appended; nothing found is said, not started.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  serverCommand,
  SettingError,
  shownCommand,
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

  it('a setting of the wrong type is a SettingError, not a crash', () => {
    for (const setting of [42, { command: 'x' }, ['node', 3]])
      expect(() => serverCommand(input({ setting }))).toThrow(SettingError);
  });

  it('Windows: the .cmd shims, run through the shell', () => {
    const bin = join(WS, 'node_modules', '.bin', 'ametijuhend.cmd');
    expect(serverCommand(input({ platform: 'win32', exists: only(bin) }))).toMatchObject({
      command: bin,
      shell: true,
      source: 'workspace',
    });
    const global = join('C:\\npm', 'ametijuhend.cmd');
    expect(
      serverCommand(input({ platform: 'win32', pathEnv: 'C:\\npm;C:\\x', exists: only(global) })),
    ).toMatchObject({
      command: global,
      shell: true,
      found: true,
    });
    expect(serverCommand(input({ platform: 'win32', setting: 'C:\\aj\\aj.cmd' })).shell).toBe(true);
    expect(serverCommand(input({ platform: 'win32', setting: ['node', 'x.js'] })).shell).toBe(false);
  });

  it('shown as a person would type it', () => {
    expect(shownCommand({ command: '/a b/ametijuhend', args: ['lsp', '--stdio'] })).toBe(
      '"/a b/ametijuhend" lsp --stdio',
    );
  });
});
