import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of the signing lifecycle's containers (src/signing: container.ts, signatures.ts,
 * embedded.ts and `build --asice`), keyed "signing.<name>"; SigningFailure ids name them.
 */
export const SIGNING_MESSAGES = {} as const satisfies Record<string, Template>;
