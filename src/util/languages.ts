/**
 * Language names from ICU (Intl.DisplayNames): the renderers write them ("Valdab eesti keelt …")
 * and the language-code rule asks whether a code names a language at all.
 */

import { alternatives } from './list.js';

/** The languages names are given in: a document's or a message's. */
type NameLang = 'et' | 'en';

const displayNames = new Map<NameLang, Intl.DisplayNames>();
/** Names already asked for, by language and code (ICU's lookup is slow for a hot path; codes are few). */
const knownNames = new Map<string, string | undefined>();
const KNOWN_NAMES_LIMIT = 10_000;

/** The name of a language in the document's language ("eesti", "English"); undefined when unknown. */
export function languageName(code: string, lang: NameLang): string | undefined {
  const key = `${lang}:${code}`;
  if (knownNames.has(key)) return knownNames.get(key);
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' });
    displayNames.set(lang, names);
  }
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    name = undefined;
  }
  if (knownNames.size >= KNOWN_NAMES_LIMIT) knownNames.clear();
  knownNames.set(key, name);
  return name;
}

/** "inglise või vene" / "English or Russian": alternatives joined in the document's language. */
export function languageNames(codes: readonly string[], lang: NameLang): string {
  return alternatives(
    codes.map((c) => languageName(c, lang) ?? c),
    lang,
  );
}
