export interface LspCliOptions {
  /** Accepted for the editors that add it (vscode-languageclient does): stdio is the only transport. */
  stdio?: boolean;
}

/** Runs the language server over stdio until the client says exit (which ends the process). */
export async function runLsp(opts: LspCliOptions): Promise<number> {
  void opts;
  const { startServer } = await import('../../lsp/server.js');
  startServer();
  // the server ends the process on the client's exit notification (0 after a shutdown request)
  return new Promise<number>(() => {});
}
