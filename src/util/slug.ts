/**
 * File-name slugs ("Õnne-Liis Šõmer" → "onne-liis-somer", "Иван Петров" → "ivan-petrov"): lower-case
 * a–z, digits and single hyphens, the shape of a description id. Used for roster output names and
 * for the id suggested when a file name is not a valid id.
 *
 * - Latin letters with diacritics are folded to their base letter (Unicode NFKD, combining marks
 *   dropped). Estonian õ ä ö ü š ž therefore become o a o u s z, consistently, as they always have
 *   (existing roster file names stay the same). Latin letters that do not decompose are spelled out:
 *   ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ/ð → d, þ → th, ı → i.
 * - Cyrillic (Russian, Ukrainian, Belarusian, and the other letters of the table) is transliterated
 *   by the ICAO Doc 9303 (7th edition, part 3, section 6) table used in machine-readable passports,
 *   also by Estonian and EU border systems: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ъ ie, ь dropped,
 *   ю iu, я ia, й i, ё e, є ie, ї i, і i, ґ g, ў u, г g (also Ukrainian г: ICAO keeps g). So
 *   "Іван Петренко" → "ivan-petrenko", "Юлия Щукина" → "iuliia-shchukina".
 * - Greek is transcribed by ELOT 743 / ISO 843 (transcription, type 2), simplified: αυ and ευ are
 *   always av and ev, ου is ou, and the other letters one by one (θ th, χ ch, ψ ps, η i, υ y, ω o).
 * - Anything else (CJK, Arabic, Hebrew, …) has no transliteration here: the platform has none (Intl
 *   offers no transliterator), so such a name slugs to "" and callers report it.
 */

/** The id pattern of the schema (schemas/job-description.schema.json, `id`): what a file name may be. */
export const ID_PATTERN = /^[a-z0-9-]+$/;

// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z',
  и: 'i', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // other letters of the ICAO table
  ђ: 'd', ѓ: 'g', ѕ: 'dz', ј: 'j', љ: 'lj', њ: 'nj', ќ: 'k', џ: 'dz', ћ: 'c', ѐ: 'e', ѝ: 'i',
};

// prettier-ignore
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l',
  μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f',
  χ: 'ch', ψ: 'ps', ω: 'o',
};
const GREEK_PAIRS: Record<string, string> = { αυ: 'av', ευ: 'ev', ου: 'ou' };

// prettier-ignore
const LATIN: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

export function slugify(name: string): string {
  // Cyrillic first, on composed letters (NFD would split й into и + a breve)
  // the apostrophe of Ukrainian and Belarusian spelling (П'ятниця) is dropped, like ь
  const lower = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/(\p{Script=Cyrillic})['’ʼ]/gu, '$1');
  let out = '';
  for (const c of lower) out += CYRILLIC[c] ?? LATIN[c] ?? c;
  // then diacritics off (Latin and Greek tonos), then Greek letters
  out = out.normalize('NFKD').replace(/\p{M}/gu, '');
  out = out.replace(/αυ|ευ|ου/g, (p) => GREEK_PAIRS[p]!).replace(/[α-ω]/g, (c) => GREEK[c] ?? c);
  return out.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
