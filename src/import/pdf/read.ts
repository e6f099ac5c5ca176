/**
 * The PDF reader (stub: the pdf helper replaces this file): a text PDF's bytes into a
 * SourceDocument (src/import/types.ts). Throws ImportFailure for a file it cannot read.
 */
import { ImportFailure, type SourceDocument } from '../types.js';

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  await Promise.resolve();
  void bytes;
  throw new ImportFailure('import.notImplemented');
}
