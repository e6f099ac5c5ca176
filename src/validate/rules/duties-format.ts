import { analyseDuties } from '../../model/duties.js';
import { matchHeading } from '../../model/sections.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'duties-format',
  severity: 'error',
  description: {
    et: 'Tööülesanded on nummerdatud loend: iga punkti esimene lõik on ülesanne, selle alamloend oodatavad tulemused.',
    en: "Duties are an ordered list: each item's first paragraph is the task, its nested bullet list the expected results.",
  },
  messages: {
    noList: {
      et: 'Jaotises „{heading}“ pole ülesannete loendit: kirjuta ülesanded nummerdatud loendina (1. …, 2. …), tulemused iga ülesande alla täpploendina.',
      en: 'The section "{heading}" has no list of tasks: write the tasks as an ordered list (1. …, 2. …) with the results as a bullet list under each.',
    },
    noTask: {
      et: 'Ülesande punkt {n} on tühi või algab loendiga: kirjuta esmalt ülesanne ise, siis tulemused selle alla.',
      en: 'Task item {n} is empty or starts with a list: write the task itself first, then its results below it.',
    },
    after: {
      et: 'Pärast ülesannete loendit on sisu, mida ei saa tabelisse paigutada: too see ülesande alla või teise jaotisesse.',
      en: 'There is content after the list of tasks that cannot go into the table: move it under a task or into another section.',
    },
  },
  check(ctx) {
    for (const section of ctx.source.sections) {
      const match = matchHeading(section.text, ctx.config);
      if (match.kind !== 'known' || match.key !== 'duties') continue;
      const shape = analyseDuties(section.content);
      if (!shape.list) {
        ctx.report(this, 'noList', { heading: section.text.trim() }, section.heading.position);
        continue;
      }
      shape.tasks.forEach((t, i) => {
        if (!t.task) ctx.report(this, 'noTask', { n: i + 1 }, t.item.position);
      });
      const after = shape.after.find((n) => !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())));
      if (after) ctx.report(this, 'after', {}, after.position);
    }
  },
});
