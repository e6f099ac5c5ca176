import { analyseDuties } from '../../model/duties.js';
import { matchHeading } from '../../model/sections.js';
import { toPlainText } from '../../util/mdast-text.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'duties-results',
  severity: 'error',
  description: {
    et: 'Kui mõnel ülesandel on oodatavad tulemused, peavad need olema kõigil (pooltäidetud kaheveeruline tabel on viga).',
    en: 'If any task has expected results, every task must have them (a half-filled two-column table is a mistake).',
  },
  messages: {
    missing: {
      et: 'Ülesandel „{task}“ pole oodatavaid tulemusi, kuigi teistel on: lisa selle alla täpploend tulemustega.',
      en: 'The task "{task}" has no expected results while others do: add a bullet list of results under it.',
    },
  },
  check(ctx) {
    for (const section of ctx.source.sections) {
      const match = matchHeading(section.text, ctx.config);
      if (match.kind !== 'known' || match.key !== 'duties') continue;
      const tasks = analyseDuties(section.content).tasks.filter((t) => t.task);
      if (!tasks.some((t) => t.results.length)) continue;
      for (const t of tasks) {
        if (t.results.length) continue;
        const text = toPlainText(t.task!).replace(/\s+/g, ' ').trim();
        ctx.report(
          this,
          'missing',
          { task: text.length > 60 ? `${text.slice(0, 60)}…` : text },
          t.task!.position,
        );
      }
    }
  },
});
