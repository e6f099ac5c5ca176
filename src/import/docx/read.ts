/**
 * The DOCX reader (stub: the docx helper replaces this file): a Word file's bytes into a
 * SourceDocument (src/import/types.ts). Throws ImportFailure for a file it cannot read.
 */
import { ImportFailure, type SourceDocument } from '../types.js';

export function readDocx(bytes: Uint8Array): SourceDocument {
  void bytes;
  throw new ImportFailure('import.notImplemented');
}
