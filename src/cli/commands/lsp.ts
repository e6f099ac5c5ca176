export interface LspCliOptions {
  stdio?: boolean;
}

/** Runs the language server over stdio until the client says exit. */
export async function runLsp(opts: LspCliOptions): Promise<number> {
  void opts;
  throw new Error('lsp: not built yet');
}
