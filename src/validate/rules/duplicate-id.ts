import { defineRule } from '../rule.js';

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
    const byId = new Map<string, typeof ctx.summaries>();
    for (const s of ctx.summaries) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const s of list) {
        const others = list.filter((o) => o !== s).map((o) => o.file);
        ctx.report(
          this,
          s.idPosition ? 'explicit' : 'fromName',
          { id, others: others.join(', ') },
          s,
          s.idPosition,
        );
      }
    }
  },
});
