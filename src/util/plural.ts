/**
 * Counts in messages: the form of a word after a number (Intl.PluralRules) and the number itself in
 * the language's digits grouping (Intl.NumberFormat: 19 980 in Estonian, 19,980 in English).
 *
 * A template says `{name, plural, one {# fail} other {# faili}}`, the ICU MessageFormat shape cut
 * down to what Estonian and English need: their plural rules know only the categories `one` (1) and
 * `other` (0, 2, 5, 21, 1.5 …), so both branches are required and no others exist. `#` in a branch
 * is the formatted number; a branch holds no further {placeholders}.
 */

export type CountLang = 'et' | 'en';

/** The two forms of a counted phrase, `#` standing for the number. */
export interface PluralForms {
  one: string;
  other: string;
}

/** Every plural form in a template: [whole, name, one, other]. */
export const PLURAL_FORM = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

const pluralRules = new Map<CountLang, Intl.PluralRules>();
const numberFormats = new Map<CountLang, Intl.NumberFormat>();

/** 19980 → "19 980" (Estonian, with a no-break space) or "19,980" (English); 1234 → "1234" / "1,234". */
export function formatNumber(n: number, lang: CountLang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat([lang])));
  return f.format(n);
}

/** The plural category of `n` in `lang`: Estonian and English have only `one` and `other`. */
export function pluralCategory(n: number, lang: CountLang): keyof PluralForms {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules([lang])));
  return r.select(n) === 'one' ? 'one' : 'other';
}

/** `n` with the form of the phrase its count asks for: plural(2, 'et', {one: '# fail', other: '# faili'}) → "2 faili". */
export function plural(n: number, lang: CountLang, forms: PluralForms): string {
  return forms[pluralCategory(n, lang)].replace(/#/g, formatNumber(n, lang));
}

/** A number from message data: a number, or a string of digits (as some callers pass it). */
function asCount(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/**
 * The template with each `{name, plural, one {…} other {…}}` replaced by the form `data.name` asks
 * for (also `name_et` / `name_en`, as placeholders are looked up). A value that is no number is
 * shown as it is in the `other` form.
 */
export function expandPlurals(
  template: string,
  data: Readonly<Record<string, unknown>>,
  lang: CountLang,
): string {
  if (!template.includes(', plural, ')) return template;
  return template.replace(PLURAL_FORM, (_, name: string, one: string, other: string) => {
    const value = data[name] !== undefined ? data[name] : data[`${name}_${lang}`];
    const n = asCount(value);
    if (n === undefined) return other.replace(/#/g, String(value ?? ''));
    return plural(n, lang, { one, other });
  });
}

/** The data with every number formatted for `lang` (a count shown bare reads like one in a plural form). */
export function formatNumbers<T extends Readonly<Record<string, unknown>>>(
  data: T,
  lang: CountLang,
): { [K in keyof T]: T[K] extends number ? string : T[K] } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'number' ? formatNumber(v, lang) : v;
  return out as { [K in keyof T]: T[K] extends number ? string : T[K] };
}
