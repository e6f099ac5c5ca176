import type { Template } from '../validate/diagnostic.js';

/** Messages of the build area, keyed "build.<name>"; {placeholders} are filled by message(). */
export const BUILD_MESSAGES = {} satisfies Record<`build.${string}`, Template>;
