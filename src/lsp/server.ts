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
  type CodeActionParams,
  type InitializeResult,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { message } from '../messages/index.js';
import { watchPaths, type Watcher } from '../project/watch.js';
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import { complete, documentLang, hover, type HelpContext } from './help.js';
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

interface State {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  lang: MessageLang | undefined;
  ready: Promise<void>;
  dynamicWatch: boolean;
  watchers: Watcher[];
  pending: Set<string>;
  timer: NodeJS.Timeout | undefined;
  /** The last version published per uri: never a result for an older one after it. */
  published: Map<string, number>;
}

function sync(st: State, doc: TextDocument): void {
  const path = uriPath(doc.uri);
  if (!path) return;
  st.workspace.open.set(doc.uri, { path, version: doc.version, text: doc.getText() });
}

function publishAll(st: State): void {
  let all;
  try {
    all = st.workspace.diagnostics();
  } catch (e) {
    // a bug of ours must not end the editor's session: said in its log, the next change tries again
    st.connection.console.error(`ametijuhend: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return;
  }
  for (const [uri, { version, diagnostics }] of all) {
    const doc = st.documents.get(uri);
    // the editor moved on since: its newer text is checked when the wait is over
    if (!doc || doc.version !== version || (st.published.get(uri) ?? -1) > version) continue;
    st.published.set(uri, version);
    void st.connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map(toLspDiagnostic) });
  }
}

function initialize(st: State, params: InitializeParams): InitializeResult {
  const opts = params.initializationOptions as { lang?: unknown } | undefined;
  if (opts?.lang === 'et' || opts?.lang === 'en') st.lang = opts.lang;
  const folders = params.workspaceFolders?.map((f) => uriPath(f.uri)).filter((p): p is string => !!p) ?? [];
  // (rootUri and rootPath are deprecated, but older clients send only them)
  const root = params.rootUri ? uriPath(params.rootUri) : (params.rootPath ?? undefined);
  if (folders.length === 0 && root) folders.push(root);
  st.workspace = new Workspace(folders, st.lang);
  st.ready = st.workspace.discoverAll();
  st.dynamicWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '-', '#'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'ametijuhend' },
  };
}

async function watch(st: State): Promise<void> {
  await st.ready;
  if (st.dynamicWatch) {
    await st.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/*.{yaml,yml}' }],
    });
    return;
  }
  // an editor that does not watch for us (Neovim, Helix): the change detection of build --watch, on
  // each workspace folder (also one with no description yet)
  for (const dir of st.workspace.rootDirs) {
    try {
      const rebuild = async (): Promise<void> => {
        await st.workspace.changedAll();
        publishAll(st);
      };
      const removed = async (paths: string[]): Promise<void> => {
        await st.workspace.changed(paths);
        publishAll(st);
      };
      st.watchers.push(await watchPaths([dir], { cwd: dir, rebuild, removed }));
    } catch {
      // a folder that cannot be watched (gone, unreadable): what changes there on disk is not seen,
      // except a description's own text (read again when its size or time changed) when a document
      // is checked again
    }
  }
}

function codeActions(st: State, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const doc = st.documents.get(uri);
  if (!doc) return [];
  const docLang = documentLang(doc.getText(), st.workspace.analyse(uri)?.result.config, st.lang);
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== 'ametijuhend') continue;
    const data = d.data as { suggestions?: unknown } | undefined;
    const suggestions = Array.isArray(data?.suggestions)
      ? data.suggestions.filter((s): s is string => typeof s === 'string')
      : [];
    suggestions.forEach((text, i) => {
      actions.push({
        title: message(d.code === 'schema-comment' ? 'lsp.fix.schema' : 'lsp.fix.replace', docLang, { text }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0,
        edit: { changes: { [uri]: [{ range: d.range, newText: text }] } },
      });
    });
  }
  return actions;
}

function helpContext(st: State, uri: string): HelpContext | undefined {
  const doc = st.documents.get(uri);
  if (!doc) return undefined;
  sync(st, doc);
  const a = st.workspace.analyse(uri);
  if (!a) return undefined;
  const text = doc.getText();
  return { text, config: a.result.config, lang: documentLang(text, a.result.config, st.lang) };
}

function listenToDocuments(st: State): void {
  const flush = (): void => {
    st.timer = undefined;
    for (const uri of st.pending) {
      const doc = st.documents.get(uri);
      if (doc) sync(st, doc);
    }
    st.pending.clear();
    publishAll(st);
  };
  st.documents.onDidOpen((e) => {
    sync(st, e.document);
    const path = uriPath(e.document.uri);
    void st.ready.then(async () => {
      // a description made since the folder was discovered (no watcher has said so yet)
      if (path) await st.workspace.opened(path);
      publishAll(st);
    });
  });
  st.documents.onDidChangeContent((e) => {
    st.pending.add(e.document.uri);
    clearTimeout(st.timer);
    st.timer = setTimeout(flush, DEBOUNCE_MS);
  });
  st.documents.onDidClose((e) => {
    const uri = e.document.uri;
    st.workspace.open.delete(uri);
    st.workspace.forget(uri);
    st.pending.delete(uri);
    st.published.delete(uri);
    void st.connection.sendDiagnostics({ uri, diagnostics: [] });
    // its summary is the one on disk again: the others' repository problems may change
    publishAll(st);
  });
}

export function startServer(
  connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout),
): void {
  const st: State = {
    connection,
    documents: new TextDocuments(TextDocument),
    workspace: new Workspace([]),
    lang: undefined,
    ready: Promise.resolve(),
    dynamicWatch: false,
    watchers: [],
    pending: new Set(),
    timer: undefined,
    published: new Map(),
  };
  connection.onInitialize((params) => initialize(st, params));
  connection.onInitialized(() => void watch(st));
  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.map((c) => uriPath(c.uri)).filter((p): p is string => !!p);
    void (async () => {
      await st.ready;
      await st.workspace.changed(paths);
      publishAll(st);
    })();
  });
  listenToDocuments(st);
  connection.onCompletion((params) => {
    const ctx = helpContext(st, params.textDocument.uri);
    return ctx ? complete(ctx, params.position.line, params.position.character) : [];
  });
  connection.onHover((params) => {
    const ctx = helpContext(st, params.textDocument.uri);
    return ctx ? (hover(ctx, params.position.line, params.position.character) ?? null) : null;
  });
  connection.onCodeAction((params) => codeActions(st, params));
  connection.onShutdown(() => {
    clearTimeout(st.timer);
    for (const w of st.watchers) w.close();
  });
  st.documents.listen(connection);
  connection.listen();
}
