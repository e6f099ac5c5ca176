/**
 * The Ametijuhend extension: a thin language client. It starts the project's `ametijuhend lsp
 * --stdio` (see server-command.ts for which program) for the Markdown files of a workspace that has an
 * `ametijuhend.config.yaml`; the server does the checks, completion, hover and quick fixes.
 *
 * It runs only in a trusted workspace (package.json: untrustedWorkspaces not supported), since it
 * starts a program from the workspace's node_modules.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  serverCommand,
  SettingError,
  shownCommand,
  spawnArguments,
  type ServerCommand,
} from './server-command.js';

const ID = 'ametijuhend';
const NAME = 'Ametijuhend';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function chooseCommand(): ServerCommand {
  const folders = (vscode.workspace.workspaceFolders ?? [])
    .filter((f) => f.uri.scheme === 'file')
    .map((f) => f.uri.fsPath);
  const setting = vscode.workspace.getConfiguration(ID).get<unknown>('server.path');
  return serverCommand({
    folders,
    setting,
    platform: process.platform,
    pathEnv: process.env.PATH,
    exists: existsSync,
    hostNode: process.execPath,
  });
}

type Problem =
  | { kind: 'badSetting' }
  | { kind: 'notFound'; command: ServerCommand }
  | { kind: 'failed'; command: ServerCommand; detail: string };

function problemText(p: Problem): string {
  if (p.kind === 'badSetting')
    return vscode.l10n.t(
      'Ametijuhend: the setting ametijuhend.server.path must be a string or an array of strings.',
    );
  if (p.kind === 'failed')
    return vscode.l10n.t(
      'Ametijuhend: the language server did not start ({0}): {1}. Is the ametijuhend in the docs repository older than its lsp command? Run "npm install" there.',
      shownCommand(p.command),
      p.detail,
    );
  if (p.command.source === 'setting')
    return vscode.l10n.t(
      'Ametijuhend: the program in the setting ametijuhend.server.path is not there: {0}',
      p.command.command,
    );
  return vscode.l10n.t(
    'Ametijuhend: the ametijuhend program was not found (node_modules/.bin/ametijuhend in the workspace, or on the PATH). Run "npm install" in the docs repository, or set ametijuhend.server.path.',
  );
}

/** One notification in the user's language, with a button to the output channel. */
function tell(p: Problem): void {
  const text = problemText(p);
  output?.appendLine(text);
  const show = vscode.l10n.t('Show output');
  void vscode.window.showErrorMessage(text, show).then((choice) => {
    if (choice === show) output?.show(true);
  });
}

/** Restart a server that crashed after it had started, at most 3 times; never one that never started. */
function errorHandler(started: () => boolean): LanguageClientOptions['errorHandler'] {
  let restarts = 0;
  return {
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      if (started() && restarts < 3) {
        restarts++;
        return { action: CloseAction.Restart };
      }
      return { action: CloseAction.DoNotRestart, handled: !started() };
    },
  };
}

export function createClient(command: ServerCommand, channel: vscode.LogOutputChannel): LanguageClient {
  // (through cmd.exe: one command line quoted for it; see server-command.ts)
  const executable = {
    ...spawnArguments(command),
    options: {
      cwd: command.cwd,
      shell: command.shell,
      ...(command.env ? { env: { ...process.env, ...command.env } } : {}),
    },
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  let started = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: {
      // config, catalogues and default sections: the server re-checks what depends on them
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/*.md'),
      ],
    },
    outputChannel: channel,
    errorHandler: errorHandler(() => started),
  };
  const created = new LanguageClient(ID, NAME, serverOptions, clientOptions);
  created.onDidChangeState((e) => {
    if (e.newState === State.Running) started = true;
  });
  return created;
}

async function start(): Promise<void> {
  if (!vscode.workspace.isTrusted) return;
  output ??= vscode.window.createOutputChannel(NAME, { log: true });
  let command: ServerCommand;
  try {
    command = chooseCommand();
  } catch (e) {
    if (e instanceof SettingError) return tell({ kind: 'badSetting' });
    throw e;
  }
  const where = command.cwd ? ` (in ${command.cwd})` : '';
  output.appendLine(`[${command.source}] ${shownCommand(command)}${where}`);
  if (!command.found) return tell({ kind: 'notFound', command });
  client = createClient(command, output);
  try {
    await client.start();
  } catch (e) {
    tell({ kind: 'failed', command, detail: String((e as Error)?.message ?? e) });
    const failed = client;
    client = undefined;
    await failed.dispose().catch(() => undefined);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.dispose().catch(() => undefined);
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('ametijuhend.restart', restart),
    vscode.commands.registerCommand('ametijuhend.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ametijuhend.server.path')) void restart();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void start()),
    { dispose: () => void stop() },
  );
  await start();
}

export function deactivate(): Promise<void> {
  return stop();
}

/** For the tests: the client that activate() made. */
export function currentClient(): LanguageClient | undefined {
  return client;
}
