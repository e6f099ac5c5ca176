import { defineRule } from '../rule.js';
import { closest } from '../../util/closest.js';

/** How a reference is matched to a title: spaces collapsed, trimmed, lower case (Estonian rules). */
export const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('et');

/** How to declare a post that has no description here: the config's knownTitles. */
const KNOWN_TITLES_HINT = {
  et: 'Kui see ametikoht on kirjeldatud väljaspool seda hoidlat, lisa nimetus seadistuse (ametijuhend.config.yaml) loendisse knownTitles.',
  en: 'If the post is described outside this repository, add its title to knownTitles in the config (ametijuhend.config.yaml).',
};

export default defineRule({
  id: 'unknown-reference',
  severity: 'warning',
  description: {
    et: 'Vahetu juht, asendaja või asendatav (reportsTo, substitutedBy, substitutes) ei vasta ühegi kontrollitud ametijuhendi ametinimetusele ega seadistuse knownTitles loendile. Kontrollitakse, kui kontrollitakse kausta.',
    en: 'A manager or substitute (reportsTo, substitutedBy, substitutes) matches the title of no checked description, nor a title the config lists in knownTitles. Checked when a folder is checked.',
  },
  messages: {
    suggest: {
      et: `„{key}“: ametinimetusega „{value}“ ametijuhendit ei leitud. Kas mõtlesid {suggestions}? ${KNOWN_TITLES_HINT.et}`,
      en: `"{key}": no description has the title "{value}". Did you mean {suggestions}? ${KNOWN_TITLES_HINT.en}`,
    },
    unknown: {
      et: `„{key}“: ametinimetusega „{value}“ ametijuhendit ei leitud. ${KNOWN_TITLES_HINT.et}`,
      en: `"{key}": no description has the title "{value}". ${KNOWN_TITLES_HINT.en}`,
    },
  },
  repository(ctx) {
    // a repository's titles and references repeat: each text is normalised once
    // (toLocaleLowerCase with a locale goes through ICU)
    const normalised = new Map<string, string>();
    const key = (text: string): string => {
      let n = normalised.get(text);
      if (n === undefined) normalised.set(text, (n = norm(text)));
      return n;
    };
    const titles = new Map<string, string>();
    // how many descriptions have each title, and the titles the configs know: a description's own
    // title is never suggested to it, unless another description or a config has it too
    const described = new Map<string, number>();
    const known = new Set<string>();
    for (const s of ctx.summaries) {
      if (s.title) {
        titles.set(key(s.title), s.title);
        described.set(key(s.title), (described.get(key(s.title)) ?? 0) + 1);
      }
      for (const t of s.knownTitles) {
        titles.set(key(t), t);
        known.add(key(t));
      }
    }
    const all = [...titles.values()];
    // a description's own title is left out of its suggestions when it alone has it (and no config)
    const ownOnly = (own: string): boolean => described.get(own) === 1 && !known.has(own);
    // a repository names the same few managers many times: rank the titles once per value (one more
    // than shown, so that leaving out the description's own title still leaves three)
    const ranked = new Map<string, string[]>();
    for (const s of ctx.summaries) {
      const own = s.title ? key(s.title) : '';
      for (const ref of s.references) {
        if (titles.has(key(ref.value))) continue;
        let best = ranked.get(ref.value);
        if (!best) {
          best = closest(ref.value, all, 4);
          ranked.set(ref.value, best);
        }
        const suggestions = (ownOnly(own) ? best.filter((t) => key(t) !== own) : best).slice(0, 3);
        const data = { key: ref.key, value: ref.value, suggestions };
        ctx.report(this, suggestions.length ? 'suggest' : 'unknown', data, s, ref.position);
      }
    }
  },
});
