/**
 * `ametijuhend lsp`: the language server. Diagnostics are `check`'s (src/lsp/workspace.ts), published
 * for every open description a moment after the last keystroke; completion and hover come from
 * src/lsp/help.ts; quick fixes replace a problem's range by one of its suggestions.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { message } from '../messages/index.js';
import { watchPaths, type Watcher } from '../project/watch.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import { complete, documentLang, hover } from './help.js';
import { Workspace } from './workspace.js';

/** Wait this long after the last keystroke before checking again (ms). */
export const DEBOUNCE_MS = 200;

/** Our 1-based line and column (UTF-16 code units, as JavaScript strings count) → LSP's 0-based range. */
export function toLspRange(
  d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>,
): LspDiagnostic['range'] {
  return {
    start: { line: d.line - 1, character: d.column - 1 },
    end: { line: d.endLine - 1, character: d.endColumn - 1 },
  };
}

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: toLspRange(d),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'ametijuhend',
    code: d.rule,
    message: d.message,
    ...(d.suggestions?.length ? { data: { suggestions: d.suggestions } } : {}),
  };
}

function uriPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function startServer(
  connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout),
): void {
  const documents = new TextDocuments(TextDocument);
  let workspace = new Workspace([]);
  let lang: MessageLang | undefined;
  let ready: Promise<void> = Promise.resolve();
  let dynamicWatch = false;
  const watchers: Watcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  /** The last version published per uri: never a result for an older one after it. */
  const published = new Map<string, number>();

  connection.onInitialize((params: InitializeParams) => {
    const opts = params.initializationOptions as { lang?: unknown } | undefined;
    if (opts?.lang === 'et' || opts?.lang === 'en') lang = opts.lang;
    const folders = params.workspaceFolders?.map((f) => uriPath(f.uri)).filter((p): p is string => !!p) ?? [];
    // (rootUri and rootPath are deprecated, but older clients send only them)
    const root = params.rootUri ? uriPath(params.rootUri) : (params.rootPath ?? undefined);
    if (folders.length === 0 && root) folders.push(root);
    workspace = new Workspace(folders, lang);
    ready = workspace.discoverAll();
    dynamicWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-', '#'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'ametijuhend' },
    };
  });

  connection.onInitialized(() => {
    void (async () => {
      await ready;
      if (dynamicWatch) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/*.{yaml,yml}' }],
        });
      } else {
        // an editor that does not watch for us (Neovim, Helix): the change detection of build --watch
        for (const dir of workspace.rootDirs) {
          try {
            watchers.push(
              await watchPaths([dir], {
                cwd: dir,
                rebuild: async () => {
                  await workspace.changedAll();
                  publishAll();
                },
              }),
            );
          } catch {
            // a folder that cannot be watched: its changes on disk are seen when a document changes
          }
        }
      }
    })();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.map((c) => uriPath(c.uri)).filter((p): p is string => !!p);
    void (async () => {
      await ready;
      await workspace.changed(paths);
      publishAll();
    })();
  });

  function sync(doc: TextDocument): void {
    const path = uriPath(doc.uri);
    if (!path) return;
    workspace.open.set(doc.uri, { path, version: doc.version, text: doc.getText() });
  }

  function publishAll(): void {
    for (const [uri, { version, diagnostics }] of workspace.diagnostics()) {
      const doc = documents.get(uri);
      // the editor moved on since: its newer text is checked when the wait is over
      if (!doc || doc.version !== version || (published.get(uri) ?? -1) > version) continue;
      published.set(uri, version);
      void connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map(toLspDiagnostic) });
    }
  }

  function flush(): void {
    timer = undefined;
    for (const uri of pending) {
      const doc = documents.get(uri);
      if (doc) sync(doc);
    }
    pending.clear();
    publishAll();
  }

  documents.onDidOpen((e) => {
    sync(e.document);
    void ready.then(publishAll);
  });
  documents.onDidChangeContent((e) => {
    pending.add(e.document.uri);
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  documents.onDidClose((e) => {
    workspace.open.delete(e.document.uri);
    workspace.forget(e.document.uri);
    pending.delete(e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // its summary is the one on disk again: the others' repository problems may change
    publishAll();
  });

  function helpContext(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    sync(doc);
    const a = workspace.analyse(uri);
    if (!a) return undefined;
    const text = doc.getText();
    return { text, config: a.result.config, lang: documentLang(text, a.result.config, lang) };
  }

  connection.onCompletion((params) => {
    const ctx = helpContext(params.textDocument.uri);
    return ctx ? complete(ctx, params.position.line, params.position.character) : [];
  });

  connection.onHover((params) => {
    const ctx = helpContext(params.textDocument.uri);
    return ctx ? (hover(ctx, params.position.line, params.position.character) ?? null) : null;
  });

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return [];
    const docLang = documentLang(doc.getText(), workspace.analyse(uri)?.result.config, lang);
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      if (d.source !== 'ametijuhend') continue;
      const data = d.data as { suggestions?: unknown } | undefined;
      const suggestions = Array.isArray(data?.suggestions)
        ? data.suggestions.filter((s): s is string => typeof s === 'string')
        : [];
      suggestions.forEach((text, i) => {
        actions.push({
          title: message(d.code === 'schema-comment' ? 'lsp.fix.schema' : 'lsp.fix.replace', docLang, {
            text,
          }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0,
          edit: { changes: { [uri]: [{ range: d.range, newText: text }] } },
        });
      });
    }
    return actions;
  });

  connection.onShutdown(() => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  });

  documents.listen(connection);
  connection.listen();
}

