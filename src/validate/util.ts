export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The Estonian or English half of a schema description "eesti tekst — English text". */
export function describeField(description: unknown, lang: 'et' | 'en'): string | undefined {
  if (typeof description !== 'string') return undefined;
  const [et, en] = description.split(' — ');
  const text = (lang === 'et' ? et : (en ?? et))?.trim();
  // "1.1 Ametinimetus." → "Ametinimetus"; "Haridus: …" → "Haridus" (numbering first, or "1.1" would cut it to "1")
  return (
    text
      ?.replace(/^\d+(?:\.\d+)*\.?\s+/u, '')
      .replace(/[.:](?:\s.*)?$/su, '')
      .trim() || undefined
  );
}

export function typeName(value: unknown, lang: 'et' | 'en'): string {
  const t = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const names: Record<string, [string, string]> = {
    null: ['tühi väärtus', 'an empty value'],
    array: ['loend', 'a list'],
    object: ['võtmete kaart', 'a map of keys'],
    string: ['tekst', 'text'],
    number: ['arv', 'a number'],
    boolean: ['tõeväärtus', 'a true/false value'],
    undefined: ['puudub', 'nothing'],
  };
  const pair = names[t] ?? [t, t];
  return lang === 'et' ? pair[0] : pair[1];
}

/** The value at a path of plain data, or undefined. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const seg of path)
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  return node;
}

/** The frontmatter's language requirements that are maps, with their index and their codes as a list. */
export function languageItems(
  data: unknown,
): { item: Record<string, unknown>; index: number; codes: unknown[] }[] {
  const req = isRecord(data) ? data.requirements : undefined;
  const languages = isRecord(req) && Array.isArray(req.languages) ? req.languages : [];
  const out: { item: Record<string, unknown>; index: number; codes: unknown[] }[] = [];
  languages.forEach((item: unknown, index) => {
    if (!isRecord(item)) return;
    const codes = typeof item.lang === 'string' ? [item.lang] : Array.isArray(item.lang) ? item.lang : [];
    out.push({ item, index, codes });
  });
  return out;
}

/**
 * A string as a YAML scalar that reads back as that same string: plain when it can be, else
 * double-quoted ("Koostöö: suhtlus", "yes", "1.0" would not read back as written).
 */
export function yamlScalar(value: string): string {
  const plain =
    value !== '' &&
    value === value.trim() &&
    /^[\p{L}\p{N}][\p{L}\p{N} ._()/-]*$/u.test(value) &&
    !/ #|: |:$/.test(value) &&
    !/^(?:y|n|yes|no|true|false|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+)$/i.test(
      value,
    ) &&
    !/^\d/.test(value);
  return plain ? value : JSON.stringify(value);
}
