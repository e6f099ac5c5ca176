/**
 * Reading back the provenance an output carries (src/util/provenance.ts): from a PDF's XMP (or its
 * Info dictionary), a DOCX's docProps/custom.xml, an HTML file's meta elements.
 * STUB: the contract of issue 11's provenance branch; replaced there.
 */
import type { Embedded } from './types.js';

/** What `bytes` (an output of `kind`) says of its source; throws SigningFailure for a damaged file. */
export function readEmbedded(bytes: Uint8Array, kind: Embedded['kind']): Promise<Embedded> {
  void bytes;
  return Promise.reject(new Error(`readEmbedded(${kind}) is not implemented yet`));
}
