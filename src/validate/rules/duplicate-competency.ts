import { defineRule } from '../rule.js';
import { isRecord } from '../util.js';
import { competencyItems } from './unknown-competency.js';

export default defineRule({
  id: 'duplicate-competency',
  severity: 'error',
  description: {
    et: 'Sama kompetents on ametijuhendis mitu korda (ka põhi- ja täiendavate kompetentside vahel).',
    en: 'The same competency appears more than once in a description (also across required and additional ones).',
  },
  messages: {
    duplicate: {
      et: 'Kompetents „{name}“ on juba loetletud (rida {line}).',
      en: 'The competency "{name}" is already listed (line {line}).',
    },
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const { item, path } of competencyItems(ctx.data)) {
      const name =
        typeof item === 'string'
          ? item
          : isRecord(item) && typeof item.name === 'string'
            ? item.name
            : undefined;
      if (!name) continue;
      const key = name.trim().toLocaleLowerCase('et');
      const where = ctx.at(path);
      const first = seen.get(key);
      if (first !== undefined) ctx.report(this, 'duplicate', { name, line: first }, where);
      else seen.set(key, where.start.line);
    }
  },
});
