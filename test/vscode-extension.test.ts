/**
 * The VS Code extension as it ships: `scripts/package-vscode.mjs` packages editors/vscode into a
 * .vsix (here into the test's temporary folder), the .vsix is opened as the zip it is and its
 * manifest checked, then the bundled extension.js from inside it is loaded with a small stand-in for
 * the `vscode` module and activated in a made-up workspace: it must start that workspace's
 * node_modules/.bin/ametijuhend with `lsp --stdio` as a language server (a tiny real LSP server made
 * with vscode-languageserver records how it was started), restart it on the command, take the
 * setting's command instead, and say in a notification when the server cannot be started.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

const EXT = join(ROOT, 'editors', 'vscode');
let files: Record<string, Uint8Array> = {};
let vsixSize = 0;

beforeAll(() => {
  const out = join(mkdtempSync(join(tmpdir(), 'vsix-')), 'ametijuhend.vsix');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-vscode.mjs'), '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(r.stdout.trim().split('\n').at(-1)).toBe(out);
  vsixSize = statSync(out).size;
  files = unzipSync(readFileSync(out));
}, 300_000);

const text = (name: string): string => {
  const bytes = files[name];
  if (!bytes) throw new Error(`${name} is not in the .vsix (it has ${Object.keys(files).join(', ')})`);
  return strFromU8(bytes);
};

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  main: string;
  l10n: string;
  extensionKind: string[];
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string } };
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { markdownDescription?: string; description?: string }> };
  };
  dependencies?: Record<string, string>;
}

describe('the .vsix', () => {
  it('has the manifest: id ametijuhend.ametijuhend, main present, engine as the language client needs', () => {
    const pkg = JSON.parse(text('extension/package.json')) as Manifest;
    expect(`${pkg.publisher}.${pkg.name}`).toBe('ametijuhend.ametijuhend');
    expect(pkg.version).toBe('0.1.0');
    expect(Object.keys(files)).toContain(`extension/${pkg.main.replace(/^\.\//, '')}`);
    // vscode-languageclient 11 says which VS Code it needs; the extension asks for the same
    const client = JSON.parse(
      readFileSync(join(EXT, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'),
    ) as { version: string; engines: { vscode: string } };
    expect(client.version).toBe('11.0.0');
    expect(pkg.engines.vscode).toBe(client.engines.vscode);
    expect(pkg.activationEvents).toEqual(['workspaceContains:**/ametijuhend.config.yaml']);
    // the runtime strings' translations, where VS Code looks for them
    expect(pkg.l10n).toBe('./l10n');
    expect(Object.keys(files)).toContain('extension/l10n/bundle.l10n.et.json');
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe(false);
    // it starts the workspace's program, so it runs where the workspace is (remote, WSL, container)
    expect(pkg.extensionKind).toEqual(['workspace']);
    expect(pkg.contributes.commands.map((c) => c.command)).toEqual([
      'ametijuhend.restart',
      'ametijuhend.showOutput',
    ]);
    const xml = text('extension.vsixmanifest');
    expect(xml).toContain('Id="ametijuhend"');
    expect(xml).toContain('Publisher="ametijuhend"');
    expect(xml).toContain('Version="0.1.0"');
    expect(xml).toMatch(/<License>extension\/LICENSE\.txt<\/License>/);
  });

  it('every manifest text has an Estonian and an English translation', () => {
    const pkg = JSON.parse(text('extension/package.json')) as Manifest;
    const en = JSON.parse(text('extension/package.nls.json')) as Record<string, string>;
    const et = JSON.parse(text('extension/package.nls.et.json')) as Record<string, string>;
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!);
    expect(keys).toEqual(
      expect.arrayContaining(['displayName', 'description', 'command.restart', 'config.server.path']),
    );
    for (const key of keys) {
      expect(en[key], key).toBeTruthy();
      expect(et[key], key).toBeTruthy();
      expect(et[key], key).not.toBe(en[key]);
    }
    expect(Object.keys(et).sort()).toEqual(Object.keys(en).sort());
    const setting = pkg.contributes.configuration.properties['ametijuhend.server.path'];
    expect(setting?.markdownDescription).toBe('%config.server.path%');
    // the runtime strings: each English text used in the bundle has its Estonian one
    const bundle = JSON.parse(text('extension/l10n/bundle.l10n.et.json')) as Record<string, string>;
    const code = text(`extension/${pkg.main.replace(/^\.\//, '')}`);
    for (const [source, et] of Object.entries(bundle)) {
      expect(code.includes(source), source).toBe(true);
      expect(et).not.toBe(source);
    }
    // and every text the source gives to vscode.l10n.t has one
    const used = [
      ...readFileSync(join(EXT, 'src', 'extension.ts'), 'utf8').matchAll(/l10n\.t\(\s*'([^']+)'/g),
    ].map((m) => m[1]!);
    expect(used.length).toBeGreaterThanOrEqual(5);
    for (const source of used) expect(bundle[source], source).toBeTruthy();
  });

  it('holds one bundled file and no node_modules, sources, source maps or tests; size sane', () => {
    const names = Object.keys(files);
    expect(names.filter((n) => /node_modules|\.map$|\.ts$|test|tsconfig|\.vscodeignore/.test(n))).toEqual([]);
    expect(names.filter((n) => n.endsWith('.js'))).toEqual(['extension/dist/extension.js']);
    const pkg = JSON.parse(text('extension/package.json')) as Manifest;
    // the client is inside the bundle: it requires only Node's own modules and vscode
    const required = [...text('extension/dist/extension.js').matchAll(/require\("([^"]+)"\)/g)].map(
      (m) => m[1]!,
    );
    expect(required).toContain('vscode');
    expect(
      required.filter((m) => m !== 'vscode' && !builtinModules.includes(m.replace(/^node:/, ''))),
    ).toEqual([]);
    expect(pkg.dependencies).toEqual({ 'vscode-languageclient': '11.0.0' });
    expect(vsixSize).toBeGreaterThan(20_000);
    expect(vsixSize).toBeLessThan(1_000_000);
  });
});

// ---- the bundle activated with a stand-in for the `vscode` module ----

interface Disposable {
  dispose(): unknown;
}

/** Anything the stand-in does not define: callable, constructible, every property another such. */
function anything(): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'length') return 0;
      if (prop === 'dispose') return () => undefined;
      if (!cache.has(prop)) cache.set(prop, anything());
      return cache.get(prop);
    },
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

const event = () => (): Disposable => ({ dispose: () => undefined });

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (listener: (e: T) => void): Disposable => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

interface Stand {
  vscode: Record<string, unknown>;
  errors: string[];
  lines: string[];
  commands: Map<string, () => Promise<void>>;
  settings: Record<string, unknown>;
}

function standIn(folder: string): Stand {
  const errors: string[] = [];
  const lines: string[] = [];
  const commands = new Map<string, () => Promise<void>>();
  const settings: Record<string, unknown> = {};
  const format = (message: string, ...args: unknown[]): string =>
    message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
  const channel = new Proxy(
    {
      name: 'Ametijuhend',
      appendLine: (l: string) => lines.push(l),
      append: (l: string) => lines.push(l),
      show: () => undefined,
      dispose: () => undefined,
    } as Record<PropertyKey, unknown>,
    {
      get: (t, p) =>
        p in t
          ? t[p]
          : typeof p === 'string' && /^(trace|debug|info|warn|error)$/.test(p)
            ? (l: unknown) => lines.push(String(l))
            : p === 'onDidChangeLogLevel'
              ? event()
              : p === 'logLevel'
                ? 0
                : undefined,
    },
  );
  const uri = { scheme: 'file', fsPath: folder, path: folder, toString: () => `file://${folder}` };
  const vscode: Record<string, unknown> = new Proxy(
    {
      version: '1.91.0',
      EventEmitter,
      Disposable: class {
        static from = (...d: Disposable[]) => ({ dispose: () => d.forEach((x) => x.dispose()) });
        constructor(private readonly fn: () => void) {}
        dispose(): void {
          this.fn();
        }
      },
      l10n: { t: format },
      env: { language: 'en', appName: 'stand-in', machineId: 'x', sessionId: 'x', uiKind: 1 },
      window: new Proxy(
        {
          createOutputChannel: () => channel,
          showErrorMessage: (m: string) => {
            errors.push(m);
            return Promise.resolve(undefined);
          },
          showWarningMessage: (m: string) => {
            errors.push(m);
            return Promise.resolve(undefined);
          },
          showInformationMessage: () => Promise.resolve(undefined),
          activeTextEditor: undefined,
          visibleTextEditors: [],
        } as Record<PropertyKey, unknown>,
        {
          get: (t, p) => (p in t ? t[p] : typeof p === 'string' && p.startsWith('on') ? event() : anything()),
        },
      ),
      workspace: new Proxy(
        {
          workspaceFolders: [{ uri, name: 'docs', index: 0 }],
          isTrusted: true,
          textDocuments: [],
          getConfiguration: () => ({
            get: (key: string, fallback?: unknown) => (key in settings ? settings[key] : fallback),
            has: () => false,
            inspect: () => undefined,
            update: () => Promise.resolve(),
          }),
          getWorkspaceFolder: () => undefined,
          createFileSystemWatcher: () => ({
            onDidCreate: event(),
            onDidChange: event(),
            onDidDelete: event(),
            ignoreCreateEvents: false,
            ignoreChangeEvents: false,
            ignoreDeleteEvents: false,
            dispose: () => undefined,
          }),
        } as Record<PropertyKey, unknown>,
        {
          get: (t, p) => (p in t ? t[p] : typeof p === 'string' && p.startsWith('on') ? event() : anything()),
        },
      ),
      commands: new Proxy(
        {
          registerCommand: (id: string, fn: () => Promise<void>) => {
            commands.set(id, fn);
            return { dispose: () => commands.delete(id) };
          },
          executeCommand: () => Promise.resolve(undefined),
        } as Record<PropertyKey, unknown>,
        { get: (t, p) => (p in t ? t[p] : anything()) },
      ),
    } as Record<PropertyKey, unknown>,
    { get: (t, p) => (p in t ? t[p] : anything()) },
  );
  return { vscode, errors, lines, commands, settings };
}

interface Extension {
  activate(context: { subscriptions: Disposable[] }): Promise<void>;
  deactivate(): Promise<void>;
  currentClient(): { state: number; isRunning(): boolean } | undefined;
}

/** Loads the .vsix's extension.js as VS Code's extension host would: CommonJS, `vscode` provided. */
function loadBundle(stand: Stand): Extension {
  const code = text('extension/dist/extension.js');
  const filename = join(tmpdir(), 'extension.js');
  const real = createRequire(filename);
  const module = { exports: {} as Extension };
  const wrapper = runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
    { filename },
  ) as (...args: unknown[]) => void;
  const require = (id: string): unknown => (id === 'vscode' ? stand.vscode : real(id));
  wrapper(module.exports, require, module, filename, tmpdir());
  return module.exports;
}

const SERVER_REQUIRE = createRequire(join(ROOT, 'package.json'));

/** A language server that answers `initialize` and writes down how it was started. */
function fakeServer(path: string, log: string): void {
  const lsp = SERVER_REQUIRE.resolve('vscode-languageserver/node');
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    `#!${process.execPath}
const { appendFileSync } = require('node:fs');
appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }) + '\\n');
const { createConnection, ProposedFeatures } = require(${JSON.stringify(lsp)});
const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: 1 } }));
connection.listen();
`,
  );
  chmodSync(path, 0o755);
}

const starts = (log: string): { args: string[]; cwd: string }[] =>
  existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { args: string[]; cwd: string })
    : [];

describe('the bundled extension, activated', () => {
  const extensions: Extension[] = [];
  afterAll(async () => {
    for (const e of extensions) await e.deactivate();
  });

  it('starts the workspace’s node_modules/.bin/ametijuhend lsp --stdio, restarts it on the command', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    writeFileSync(join(ws, 'ametijuhend.config.yaml'), 'lang: et\n');
    const log = join(ws, 'started.jsonl');
    fakeServer(join(ws, 'node_modules', '.bin', 'ametijuhend'), log);
    const stand = standIn(ws);
    const ext = loadBundle(stand);
    extensions.push(ext);
    const context = { subscriptions: [] as Disposable[] };
    await ext.activate(context);
    expect(stand.errors).toEqual([]);
    expect(ext.currentClient()?.isRunning()).toBe(true);
    expect(starts(log)).toEqual([{ args: ['lsp', '--stdio'], cwd: ws }]);
    expect(stand.lines).toContain(
      `[workspace] ${join(ws, 'node_modules', '.bin', 'ametijuhend')} lsp --stdio (in ${ws})`,
    );

    const first = ext.currentClient();
    await stand.commands.get('ametijuhend.restart')!();
    expect(ext.currentClient()).not.toBe(first);
    expect(ext.currentClient()?.isRunning()).toBe(true);
    expect(starts(log)).toHaveLength(2);
    await ext.deactivate();
    expect(ext.currentClient()).toBeUndefined();
  });

  it('the setting ametijuhend.server.path wins: its command with lsp --stdio added', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    const log = join(ws, 'started.jsonl');
    fakeServer(join(ws, 'node_modules', '.bin', 'ametijuhend'), join(ws, 'not-this.jsonl'));
    fakeServer(join(ws, 'tool', 'server.js'), log);
    const stand = standIn(ws);
    stand.settings['server.path'] = [process.execPath, '${workspaceFolder}/tool/server.js'];
    const ext = loadBundle(stand);
    extensions.push(ext);
    await ext.activate({ subscriptions: [] });
    expect(stand.errors).toEqual([]);
    expect(starts(log)).toEqual([{ args: ['lsp', '--stdio'], cwd: ws }]);
    expect(existsSync(join(ws, 'not-this.jsonl'))).toBe(false);
    await ext.deactivate();
  });

  it('a setting naming a missing program: one clear notification, nothing started', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    const stand = standIn(ws);
    stand.settings['server.path'] = [join(ws, 'missing', 'ametijuhend')];
    const ext = loadBundle(stand);
    extensions.push(ext);
    await ext.activate({ subscriptions: [] });
    expect(ext.currentClient()).toBeUndefined();
    expect(stand.errors).toEqual([
      `Ametijuhend: the program in the setting ametijuhend.server.path is not there: ${join(ws, 'missing', 'ametijuhend')}`,
    ]);
    // a setting of the wrong type: said, not thrown
    const bad = standIn(ws);
    bad.settings['server.path'] = 42;
    const ext2 = loadBundle(bad);
    extensions.push(ext2);
    await ext2.activate({ subscriptions: [] });
    expect(bad.errors).toEqual([
      'Ametijuhend: the setting ametijuhend.server.path must be a string or an array of strings.',
    ]);
  });

  it('an ametijuhend without the lsp command: said, started once, no restart loop', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    const log = join(ws, 'started.jsonl');
    const bin = join(ws, 'node_modules', '.bin', 'ametijuhend');
    mkdirSync(join(bin, '..'), { recursive: true });
    writeFileSync(
      bin,
      `#!${process.execPath}\nrequire('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }) + '\\n');\nprocess.stderr.write("error: unknown command 'lsp'\\n");\nprocess.exit(1);\n`,
    );
    chmodSync(bin, 0o755);
    const stand = standIn(ws);
    const ext = loadBundle(stand);
    extensions.push(ext);
    await ext.activate({ subscriptions: [] });
    expect(ext.currentClient()).toBeUndefined();
    const ours = stand.errors.filter((e) => e.startsWith('Ametijuhend: '));
    expect(ours).toEqual([
      expect.stringMatching(
        /^Ametijuhend: the language server did not start \(.*ametijuhend lsp --stdio\): .*older than its lsp command\? Run "npm install" there\.$/,
      ),
    ]);
    // the server's own words reach the output channel
    expect(stand.lines.join('\n')).toContain("unknown command 'lsp'");
    await new Promise((r) => setTimeout(r, 500));
    expect(starts(log)).toHaveLength(1);
  });

  it('no install, no setting, none on the PATH: the notification says to run npm install', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    const stand = standIn(ws);
    const ext = loadBundle(stand);
    extensions.push(ext);
    const path = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'empty-path-'));
    try {
      await ext.activate({ subscriptions: [] });
    } finally {
      process.env.PATH = path;
    }
    expect(ext.currentClient()).toBeUndefined();
    expect(stand.lines[0]).toBe(`[path] ametijuhend lsp --stdio (in ${ws})`);
    expect(stand.errors).toEqual([
      'Ametijuhend: the ametijuhend program was not found (node_modules/.bin/ametijuhend in the workspace, or on the PATH). Run "npm install" in the docs repository, or set ametijuhend.server.path.',
    ]);
  });

  it('an ametijuhend on the PATH (a global install) when the workspace has none', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    const bin = mkdtempSync(join(tmpdir(), 'global-bin-'));
    const log = join(ws, 'started.jsonl');
    fakeServer(join(bin, 'ametijuhend'), log);
    const stand = standIn(ws);
    const ext = loadBundle(stand);
    extensions.push(ext);
    const path = process.env.PATH;
    process.env.PATH = bin;
    try {
      await ext.activate({ subscriptions: [] });
    } finally {
      process.env.PATH = path;
    }
    expect(stand.errors).toEqual([]);
    expect(ext.currentClient()?.isRunning()).toBe(true);
    expect(starts(log)).toEqual([{ args: ['lsp', '--stdio'], cwd: ws }]);
    await ext.deactivate();
  });

  it('an untrusted workspace starts nothing', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    const log = join(ws, 'started.jsonl');
    fakeServer(join(ws, 'node_modules', '.bin', 'ametijuhend'), log);
    const stand = standIn(ws);
    (stand.vscode.workspace as Record<string, unknown>).isTrusted = false;
    const ext = loadBundle(stand);
    extensions.push(ext);
    await ext.activate({ subscriptions: [] });
    expect(ext.currentClient()).toBeUndefined();
    expect(existsSync(log)).toBe(false);
  });
});
