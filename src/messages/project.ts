import type { Template } from '../validate/diagnostic.js';

/** Messages of the project area, keyed "project.<name>"; {placeholders} are filled by message(). */
export const PROJECT_MESSAGES = {} satisfies Record<`project.${string}`, Template>;
