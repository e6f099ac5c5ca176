import { languageName } from '../../util/languages.js';
import { defineRule } from '../rule.js';
import { languageItems } from '../util.js';

function isLangPath(path: readonly (string | number)[]): boolean {
  const i = path.lastIndexOf('lang');
  return i >= 2 && path[i - 2] === 'languages' && typeof path[i - 1] === 'number';
}

/** The ISO 639-1 code a user probably meant ("est" → "et", "EN" → "en"), if any. */
function canonical(code: string): string | undefined {
  try {
    const language = new Intl.Locale(code.trim()).language;
    return language.length === 2 && languageName(language, 'en') ? language : undefined;
  } catch {
    return undefined;
  }
}

export default defineRule({
  id: 'language-code',
  severity: 'error',
  description: {
    et: 'Keelenõude keel peab olema ISO 639-1 kahetäheline kood (et, en, ru, fi …) või selliste koodide loend.',
    en: 'The language of a language requirement must be an ISO 639-1 two-letter code (et, en, ru, fi …) or a list of them.',
  },
  messages: {
    suggest: {
      et: 'Keelekood „{value}“ ei ole ISO 639-1 kood: kas mõtlesid „{code}“ ({name_et})?',
      en: 'The language code "{value}" is not an ISO 639-1 code: did you mean "{code}" ({name_en})?',
    },
    unknown: {
      et: 'Tundmatu keelekood „{value}“: kasuta ISO 639-1 kahetähelist koodi, nt „et“, „en“, „ru“.',
      en: 'Unknown language code "{value}": use an ISO 639-1 two-letter code such as "et", "en", "ru".',
    },
  },
  schemaError(error, path, ctx) {
    if (error.keyword !== 'pattern' || !isLangPath(path)) return false;
    let value: unknown = ctx.data;
    for (const seg of path)
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : undefined;
    const text = String(value);
    const code = canonical(text);
    if (code && code !== text) {
      ctx.report(
        this,
        'suggest',
        { value: text, code, name_et: languageName(code, 'et'), name_en: languageName(code, 'en') },
        ctx.at(path),
        undefined,
        { suggestions: [code] },
      );
    } else ctx.report(this, 'unknown', { value: text }, ctx.at(path));
    return true;
  },
  check(ctx) {
    for (const { item, index: i, codes } of languageItems(ctx.data)) {
      codes.forEach((code, k) => {
        // well-formed but not a language (the schema's pattern caught the malformed ones)
        if (typeof code !== 'string' || !/^[a-z]{2}$/.test(code) || languageName(code, 'en')) return;
        const path =
          typeof item.lang === 'string'
            ? ['requirements', 'languages', i, 'lang']
            : ['requirements', 'languages', i, 'lang', k];
        ctx.report(this, 'unknown', { value: code }, ctx.at(path));
      });
    }
  },
});
