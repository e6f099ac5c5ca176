import type { Heading } from 'mdast';
import { forEachNode } from '../../util/mdast-walk.js';
import { toPlainText } from '../../util/mdast-text.js';
import { knownHeadings, matchHeading, REQUIRED_SECTIONS, SECTION_HEADINGS } from '../../model/sections.js';
import { SECTION_KEYS, type SectionKey } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { closest } from '../../util/closest.js';

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
    wrongLevel: {
      et: 'Pealkiri „{heading}“ ei ava jaotist, sest see pole teise taseme pealkiri: kirjuta „## {text}“.',
      en: 'The heading "{heading}" does not open a section because it is not a level-2 heading: write "## {text}".',
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
    // a heading of another level that names a section ("# Vastutus", "### Õigused") is the likely cause
    const otherLevel = new Map<SectionKey, Heading>();
    forEachNode(ctx.source.tree, (node) => {
      if (node.type === 'heading' && node.depth !== 2) {
        const m = matchHeading(toPlainText(node), ctx.config);
        if (m.kind === 'known' && !otherLevel.has(m.key)) otherLevel.set(m.key, node);
      }
    });
    // a misspelt "## Tööülesaned" already gets unknown-section with the right suggestion: no second error
    const candidates = [...knownHeadings('et', ctx.config), ...knownHeadings('en', ctx.config)];
    const misspelt = new Set<SectionKey>();
    for (const s of ctx.source.sections) {
      if (matchHeading(s.text, ctx.config).kind !== 'unknown') continue;
      const best = closest(
        s.text.replace(/^\s*\d+(?:\.\d+)*[.)]?\s*/u, '').replace(/:\s*$/, ''),
        candidates,
        1,
      )[0];
      const m = best ? matchHeading(best, ctx.config) : undefined;
      if (m?.kind === 'known') misspelt.add(m.key);
    }
    for (const key of REQUIRED_SECTIONS) {
      if (present.has(key) || ctx.config.defaults[key] || misspelt.has(key)) continue;
      const wrong = otherLevel.get(key);
      if (wrong?.position) {
        const text = toPlainText(wrong).trim();
        const heading = `${'#'.repeat(wrong.depth)} ${text}`;
        ctx.report(this, 'wrongLevel', { heading, text }, wrong.position);
        continue;
      }
      // point where the section belongs: at the next present section, else the end of the file
      const later = SECTION_KEYS.slice(SECTION_KEYS.indexOf(key) + 1)
        .map((k) => present.get(k))
        .filter((i): i is number => i !== undefined);
      const next = later.length ? ctx.source.sections[Math.min(...later)] : undefined;
      const end = ctx.source.tree.position?.end;
      const place = next?.heading.position ?? (end ? { start: end, end } : undefined);
      const data = { key, heading_et: SECTION_HEADINGS[key].et[0], heading_en: SECTION_HEADINGS[key].en[0] };
      ctx.report(
        this,
        key === 'rights' || key === 'responsibilities' ? 'missingOrDefault' : 'missing',
        data,
        place,
      );
    }
  },
});
