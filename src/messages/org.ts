import type { Template } from '../validate/diagnostic.js';

/** Words of the organisation chart (src/preview/org.ts), keyed "org.<name>". */
export const ORG_MESSAGES = {
  'org.title': { et: 'Struktuurijoonis', en: 'Organisation chart' },
} satisfies Record<string, Template>;
