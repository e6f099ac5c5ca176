import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of `ametijuhend diff` and `build --changes-since` (src/diff, src/cli/commands/diff.ts),
 * keyed "diff.<name>". Words printed in a change report itself are the document's language and live
 * with the report's labels.
 */
export const DIFF_MESSAGES = {} as const satisfies Record<string, Template>;
