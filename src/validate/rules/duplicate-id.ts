import type { DescriptionSummary } from '../summary.js';
import { defineRule } from '../rule.js';

/** How many of the other files with the same id a message names. */
const MAX_OTHERS = 10;

export default defineRule({
  id: 'duplicate-id',
  severity: 'error',
  description: {
    et: 'Kahel ametijuhendil on sama id (ka failinimest tulenev id): väljundfailid ja viited läheksid segamini.',
    en: 'Two descriptions have the same id (also one that comes from the file name): outputs and references would clash.',
  },
  messages: {
    explicit: {
      et: 'Id „{id}“ on ka failis {others}: anna igale ametijuhendile oma id.',
      en: 'The id "{id}" is also used by {others}: give every description its own id.',
    },
    fromName: {
      et: 'Failinimest tulenev id „{id}“ on ka failis {others}: nimeta fail ümber või lisa esiossa oma id.',
      en: 'The id "{id}", which comes from the file name, is also used by {others}: rename the file or add an id to the frontmatter.',
    },
  },
  repository(ctx) {
    const byId = new Map<string, DescriptionSummary[]>();
    for (const s of ctx.summaries) {
      const list = byId.get(s.id);
      if (list) list.push(s);
      else byId.set(s.id, [s]);
    }
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const s of list) {
        // at most MAX_OTHERS named, the rest counted: n files of one id make n messages, not n² names
        const others: string[] = [];
        for (const o of list) {
          if (others.length === MAX_OTHERS) break;
          if (o !== s) others.push(o.file);
        }
        const rest = list.length - 1 - others.length;
        const named = others.join(', ') + (rest > 0 ? ` (+${rest})` : '');
        ctx.report(this, s.idPosition ? 'explicit' : 'fromName', { id, others: named }, s, s.idPosition);
      }
    }
  },
});
