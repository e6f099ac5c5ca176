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
import { serverCommand, SettingError, shownCommand, type ServerCommand } from './server-command.js';

const ID = 'ametijuhend';
const NAME = 'Ametijuhend';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function chooseCommand(): ServerCommand {
  const folders = (vscode.workspace.workspaceFolders ?? [])
    .filter((f) => f.uri.scheme === 'file')
    .map((f) => f.uri.fsPath);
  const setting = vscode.workspace.getConfiguration(ID).get<unknown>('server.path');
  return serverCommand({ folders, setting, platform: process.platform, exists: existsSync });
}

function notFound(command: ServerCommand, detail: string): void {
  const text =
    command.source === 'setting'
      ? vscode.l10n.t(
          'Ametijuhend: the language server did not start with the setting ametijuhend.server.path ({0}): {1}',
          shownCommand(command),
          detail,
        )
      : vscode.l10n.t(
          'Ametijuhend: the language server was not found. Run "npm install" in the docs repository (its package.json has ametijuhend in devDependencies), or set ametijuhend.server.path. ({0})',
          detail,
        );
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
  const executable = {
    command: command.command,
    args: command.args,
    options: { cwd: command.cwd, shell: command.shell },
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
    if (!(e instanceof SettingError)) throw e;
    notFound({ command: '', args: [], cwd: undefined, shell: false, source: 'setting' }, e.message);
    return;
  }
  output.appendLine(`[${command.source}] ${shownCommand(command)}${command.cwd ? ` (in ${command.cwd})` : ''}`);
  client = createClient(command, output);
  try {
    await client.start();
  } catch (e) {
    output.appendLine(String((e as Error)?.message ?? e));
    notFound(command, String((e as Error)?.message ?? e));
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
