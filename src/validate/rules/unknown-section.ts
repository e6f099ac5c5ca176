import { knownHeadings, matchHeading, SECTION_HEADINGS } from '../../model/sections.js';
import { defineRule } from '../rule.js';
import { closest } from '../../util/closest.js';

export default defineRule({
  id: 'unknown-section',
  severity: 'error',
  description: {
    et: 'Teise taseme pealkiri (##) ei ole ükski teadaolev jaotis ega seadistuses lubatud lisajaotis.',
    en: 'A level-2 heading (##) is neither a known section nor an extra section declared in the config.',
  },
  messages: {
    suggest: {
      et: 'Tundmatu jaotis „{heading}“. Kas mõtlesid {suggestions}? Teadaolevad jaotised: {known}. Lisajaotise jaoks lisa see seadistusse (extraSections).',
      en: 'Unknown section "{heading}". Did you mean {suggestions}? Known sections: {known}. To add an extra section, declare it in the config (extraSections).',
    },
    unknown: {
      et: 'Tundmatu jaotis „{heading}“. Teadaolevad jaotised: {known}. Lisajaotise jaoks lisa see seadistusse (extraSections).',
      en: 'Unknown section "{heading}". Known sections: {known}. To add an extra section, declare it in the config (extraSections).',
    },
  },
  check(ctx) {
    const lang =
      ctx.source.frontmatter && (ctx.data as { lang?: unknown } | null)?.lang === 'en' ? 'en' : 'et';
    const candidates = new Set([...knownHeadings('et', ctx.config), ...knownHeadings('en', ctx.config)]);
    const main = Object.values(SECTION_HEADINGS).map((h) => (lang === 'en' ? h.en[0]! : h.et[0]!));
    for (const section of ctx.source.sections) {
      if (matchHeading(section.text, ctx.config).kind !== 'unknown') continue;
      const heading = section.text.trim();
      const suggestions = closest(
        heading.replace(/^\s*\d+(?:\.\d+)*[.)]?\s*/u, '').replace(/:\s*$/, ''),
        candidates,
      );
      const known = [...main, ...ctx.config.extraSections];
      ctx.report(
        this,
        suggestions.length ? 'suggest' : 'unknown',
        { heading, suggestions, known },
        section.heading.position,
      );
    }
  },
});
