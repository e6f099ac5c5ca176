import { matchHeading, REQUIRED_SECTIONS, SECTION_HEADINGS } from '../../model/sections.js';
import { SECTION_KEYS, type SectionKey } from '../../model/types.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'missing-section',
  severity: 'error',
  description: {
    et: 'Kohustuslik jaotis puudub: töökoha eesmärk, tööülesanded, õigused ja vastutus (kaks viimast võib anda seadistus).',
    en: 'A required section is missing: purpose, duties, rights and responsibilities (the config may supply the last two).',
  },
  messages: {
    missing: {
      et: 'Puudub kohustuslik jaotis „## {heading_et}“.',
      en: 'The required section "## {heading_en}" is missing.',
    },
    missingOrDefault: {
      et: 'Puudub kohustuslik jaotis „## {heading_et}“: lisa see või anna seadistuses vaikesisu (defaults.{key}).',
      en: 'The required section "## {heading_en}" is missing: add it or give a default in the config (defaults.{key}).',
    },
  },
  check(ctx) {
    // files that cannot be read as a description at all get their own error
    if (!ctx.source.frontmatter) return;
    const present = new Map<SectionKey, number>();
    ctx.source.sections.forEach((s, i) => {
      const m = matchHeading(s.text, ctx.config);
      if (m.kind === 'known' && !present.has(m.key)) present.set(m.key, i);
    });
    for (const key of REQUIRED_SECTIONS) {
      if (present.has(key) || ctx.config.defaults[key]) continue;
      // point where the section belongs: at the next present section, else the end of the file
      const later = SECTION_KEYS.slice(SECTION_KEYS.indexOf(key) + 1)
        .map((k) => present.get(k))
        .filter((i): i is number => i !== undefined);
      const next = later.length ? ctx.source.sections[Math.min(...later)] : undefined;
      const end = ctx.source.tree.position?.end;
      const place = next?.heading.position ?? (end ? { start: end, end } : undefined);
      const data = { key, heading_et: SECTION_HEADINGS[key].et[0], heading_en: SECTION_HEADINGS[key].en[0] };
      ctx.report(this, key === 'rights' || key === 'responsibilities' ? 'missingOrDefault' : 'missing', data, place);
    }
  },
});
