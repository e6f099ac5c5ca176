import { defineRule } from '../rule.js';
import { closest } from '../../util/closest.js';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('et');

export default defineRule({
  id: 'unknown-reference',
  severity: 'warning',
  description: {
    et: 'Vahetu juht, asendaja või asendatav (reportsTo, substitutedBy, substitutes) ei vasta ühegi kontrollitud ametijuhendi ametinimetusele ega seadistuse knownTitles loendile. Kontrollitakse, kui kontrollitakse kausta.',
    en: 'A manager or substitute (reportsTo, substitutedBy, substitutes) matches the title of no checked description, nor a title the config lists in knownTitles. Checked when a folder is checked.',
  },
  messages: {
    suggest: {
      et: '„{key}“: ametinimetusega „{value}“ ametijuhendit ei leitud. Kas mõtlesid {suggestions}?',
      en: '"{key}": no description has the title "{value}". Did you mean {suggestions}?',
    },
    unknown: {
      et: '„{key}“: ametinimetusega „{value}“ ametijuhendit ei leitud.',
      en: '"{key}": no description has the title "{value}".',
    },
  },
  repository(ctx) {
    const titles = new Map<string, string>();
    for (const s of ctx.summaries) {
      if (s.title) titles.set(norm(s.title), s.title);
      for (const t of s.knownTitles) titles.set(norm(t), t);
    }
    const candidates = new Set(titles.values());
    // a repository names the same few managers many times: look each value up once
    const memo = new Map<string, string[]>();
    for (const s of ctx.summaries) {
      for (const ref of s.references) {
        if (titles.has(norm(ref.value))) continue;
        let suggestions = memo.get(ref.value);
        if (!suggestions) {
          suggestions = closest(ref.value, candidates);
          memo.set(ref.value, suggestions);
        }
        const data = { key: ref.key, value: ref.value, suggestions };
        ctx.report(this, suggestions.length ? 'suggest' : 'unknown', data, s, ref.position);
      }
    }
  },
});
