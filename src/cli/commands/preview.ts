export interface PreviewCliOptions {
  port?: number;
  host?: string;
  open?: boolean;
  lang?: 'et' | 'en';
}

/** Runs the preview server until Ctrl-C; exit 0 when stopped, 2 for a usage error. */
export async function runPreview(paths: string[], opts: PreviewCliOptions): Promise<number> {
  void paths;
  void opts;
  throw new Error('preview: not built yet');
}
