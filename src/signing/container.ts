/**
 * Reading an ASiC-E (or BDOC) container by its structure, within CONTAINER_LIMITS: mimetype first
 * and stored, META-INF/manifest.xml, the data files, META-INF/signatures*.xml (signatures.ts).
 * Nothing is written to disk. STUB: the contract of issue 11's container branch; replaced there.
 */
import type { Container } from './types.js';

/** The container in `bytes`; throws SigningFailure when it is not one or breaks a limit. */
export function readContainer(bytes: Uint8Array): Container {
  void bytes;
  throw new Error('readContainer is not implemented yet');
}
