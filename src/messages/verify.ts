import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of `ametijuhend verify` and `status --signed` (src/signing/verify.ts, signed-status.ts,
 * src/cli/commands/verify.ts), keyed "verify.<name>".
 */
export const VERIFY_MESSAGES = {} as const satisfies Record<string, Template>;
