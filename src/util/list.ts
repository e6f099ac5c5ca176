/**
 * "a, b või c" / "a, b, or c": alternatives joined as CLDR's disjunction pattern does for Estonian
 * and English (Intl.ListFormat with type "disjunction"), written out here because
 *
 * - constructing an Intl.ListFormat loads ICU's list patterns: ~15 ms, a twentieth of a warm
 *   `check --cache` of 1,000 files, spent on its first "did you mean" list;
 * - the text must not depend on the ICU a Node was built with (a small-icu build has no Estonian
 *   and would fall back to English; outputs are reproducible on any machine).
 *
 * util/list.test.ts compares it with Intl.ListFormat on lists of every length up to eight.
 */

/** The two languages lists are written in. */
export type ListLang = 'et' | 'en';

/** `items` as alternatives: "", "a", "a või b", "a, b või c" (et); "a or b", "a, b, or c" (en). */
export function alternatives(items: readonly string[], lang: ListLang): string {
  const n = items.length;
  if (n <= 1) return items[0] ?? '';
  const head = items.slice(0, -1).join(', ');
  // English puts a comma before "or" from three items on (CLDR "{0}, or {1}"); Estonian never does
  return lang === 'en' ? `${head}${n > 2 ? ',' : ''} or ${items[n - 1]}` : `${head} või ${items[n - 1]}`;
}
