import { defineRule } from '../rule.js';
import { isRecord, yamlScalar } from '../util.js';
import { closest } from '../../util/closest.js';

export const COMPETENCY_LISTS = ['competencies', 'additionalCompetencies'] as const;

/** Every competency item of the frontmatter with its path, whatever its shape. */
export function competencyItems(data: unknown): { item: unknown; path: (string | number)[] }[] {
  const req = isRecord(data) ? data.requirements : undefined;
  const out: { item: unknown; path: (string | number)[] }[] = [];
  for (const list of COMPETENCY_LISTS) {
    const items = isRecord(req) ? req[list] : undefined;
    if (Array.isArray(items)) items.forEach((item, i) => out.push({ item, path: ['requirements', list, i] }));
  }
  return out;
}

export default defineRule({
  id: 'unknown-competency',
  severity: 'error',
  description: {
    et: 'Nimega viidatud kompetents peab olema asutuse kompetentsikataloogis; muidu kirjelda see kohapeal {name, indicators}.',
    en: "A competency named by a string must be in the organisation's competency catalogue; otherwise define it inline as {name, indicators}.",
  },
  messages: {
    suggest: {
      et: 'Kompetentsi „{name}“ ei ole kataloogis {catalogue}. Kas mõtlesid {suggestions}?',
      en: 'The competency "{name}" is not in the catalogue {catalogue}. Did you mean {suggestions}?',
    },
    unknown: {
      et: 'Kompetentsi „{name}“ ei ole kataloogis {catalogue}: lisa see kataloogi või kirjelda kohapeal {name, indicators}.',
      en: 'The competency "{name}" is not in the catalogue {catalogue}: add it there or define it inline as {name, indicators}.',
    },
    noCatalogue: {
      et: 'Kompetentsi „{name}“ ei saa kataloogist leida, sest kompetentsikataloogi pole seadistatud (ametijuhend.config.yaml, võti „competencies“); või kirjelda see kohapeal {name, indicators}.',
      en: 'The competency "{name}" cannot be looked up: no competency catalogue is configured (ametijuhend.config.yaml, key "competencies"); or define it inline as {name, indicators}.',
    },
  },
  check(ctx) {
    const catalogue = ctx.config.catalogue;
    // a catalogue that is configured but missing or unreadable has its own error (config-file, yaml-syntax)
    if (!catalogue && typeof ctx.config.data.competencies === 'string') return;
    for (const { item, path } of competencyItems(ctx.data)) {
      if (typeof item !== 'string' || item.trim() === '') continue;
      if (!catalogue) {
        ctx.report(this, 'noCatalogue', { name: item }, ctx.at(path));
        continue;
      }
      if (catalogue.entries.has(item)) continue;
      const suggestions = closest(item, catalogue.entries.keys());
      const data = { name: item, suggestions, catalogue: catalogue.path };
      ctx.report(this, suggestions.length ? 'suggest' : 'unknown', data, ctx.at(path), undefined, {
        suggestions: suggestions.map(yamlScalar),
      });
    }
  },
});
