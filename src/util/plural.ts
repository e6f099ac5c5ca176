/**
 * Counts in messages: the form of a word after a number and the number itself in the language's
 * digit grouping (19 980 in Estonian, 19,980 in English).
 *
 * A template says `{name, plural, one {# fail} other {# faili}}`, the ICU MessageFormat shape cut
 * down to what Estonian and English need: their plural rules know only the categories `one` (1) and
 * `other` (0, 2, 5, 21, 1.5 …), so both branches are required and no others exist. `#` in a branch
 * is the formatted number; a branch holds no further {placeholders}.
 *
 * Whole numbers, which is what messages count, are written here as CLDR's rules for the two
 * languages say (util/plural.test.ts compares them with Intl.NumberFormat and Intl.PluralRules):
 * the first Intl formatter of a process loads ICU's locale data (~15 ms of a warm `check --cache`),
 * and a Node built with small ICU has no Estonian. Other numbers go to Intl.NumberFormat.
 */

export type CountLang = 'et' | 'en';

/** The two forms of a counted phrase, `#` standing for the number. */
export interface PluralForms {
  one: string;
  other: string;
}

/** Every plural form in a template: [whole, name, one, other]. */
export const PLURAL_FORM = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/**
 * CLDR's grouping: Estonian groups thousands with a no-break space from five digits on (its
 * minimumGroupingDigits is 2: "1234", "12 345"), English with a comma from four ("1,234").
 */
const GROUPING: Record<CountLang, { separator: string; fromDigits: number }> = {
  et: { separator: '\u00a0', fromDigits: 5 },
  en: { separator: ',', fromDigits: 4 },
};
const THOUSANDS = /\B(?=(\d{3})+$)/g;

const numberFormats = new Map<CountLang, Intl.NumberFormat>();

/** 19980 → "19 980" (Estonian, with a no-break space) or "19,980" (English); 1234 → "1234" / "1,234". */
export function formatNumber(n: number, lang: CountLang): string {
  if (Number.isSafeInteger(n) && n >= 0) {
    const digits = String(n);
    const { separator, fromDigits } = GROUPING[lang];
    return digits.length < fromDigits ? digits : digits.replace(THOUSANDS, separator);
  }
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat([lang])));
  return f.format(n);
}

/**
 * The plural category of `n` in either language: Estonian and English have only `one` and `other`, and
 * `one` is "the integer 1 with no fraction digits" (CLDR: i = 1 and v = 0) in both.
 */
export function pluralCategory(n: number): keyof PluralForms {
  return n === 1 || n === -1 ? 'one' : 'other';
}

/** `n` with the form of the phrase its count asks for: plural(2, 'et', {one: '# fail', other: '# faili'}) → "2 faili". */
export function plural(n: number, lang: CountLang, forms: PluralForms): string {
  return forms[pluralCategory(n)].replace(/#/g, formatNumber(n, lang));
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
