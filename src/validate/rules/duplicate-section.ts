import { matchHeading, normaliseHeading } from '../../model/sections.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'duplicate-section',
  severity: 'error',
  description: {
    et: 'Sama jaotis on ametijuhendis mitu korda (ka eri pealkirjadega, nt „Tööülesanded“ ja „Põhiülesanded“).',
    en: 'The same section appears more than once (also under different headings, such as "Tööülesanded" and "Põhiülesanded").',
  },
  messages: {
    duplicate: {
      et: 'Jaotis „{heading}“ on juba olemas (rida {line}): ühenda need.',
      en: 'The section "{heading}" is already there (line {line}): merge them.',
    },
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const section of ctx.source.sections) {
      const match = matchHeading(section.text, ctx.config);
      const key =
        match.kind === 'known'
          ? match.key
          : match.kind === 'extra'
            ? `extra:${normaliseHeading(match.heading)}`
            : undefined;
      if (!key) continue;
      const line = section.position.start.line;
      const first = seen.get(key);
      if (first !== undefined)
        ctx.report(
          this,
          'duplicate',
          { heading: section.text.trim(), line: first },
          section.heading.position,
        );
      else seen.set(key, line);
    }
  },
});
