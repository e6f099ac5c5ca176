import type { Template } from '../validate/diagnostic.js';

/** Messages of the cli area, keyed "cli.<name>"; {placeholders} are filled by message(). */
export const CLI_MESSAGES = {} satisfies Record<`cli.${string}`, Template>;
