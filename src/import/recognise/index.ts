/**
 * The recogniser (stub: the recognise helper replaces this file): a read document into a Draft of
 * a FORMAT v1 description (src/import/types.ts).
 */
import type { Draft, RecogniseContext, SourceDocument } from '../types.js';

export function recognise(doc: SourceDocument, ctx: RecogniseContext = {}): Draft {
  void doc;
  void ctx;
  return { frontmatter: {}, sections: [], notes: [] };
}
