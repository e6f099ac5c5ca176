import type { Template } from '../validate/diagnostic.js';

/**
 * Messages of `ametijuhend import` (src/import), keyed "import.<name>"; see src/import/types.ts
 * (ImportNote, ImportFailure). {placeholders} are filled by message(); a count is a plural form.
 */
export const IMPORT_MESSAGES = {} as const satisfies Record<string, Template>;
