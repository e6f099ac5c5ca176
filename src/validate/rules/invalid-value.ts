import { basename } from 'node:path';
import { ID_PATTERN, slugify } from '../../util/slug.js';
import { WHOLE_FILE } from '../diagnostic.js';
import { defineRule } from '../rule.js';
import { yamlPathText } from '../schema.js';
import { isRecord, valueAt, yamlScalar } from '../util.js';
import { closest } from '../../util/closest.js';

/**
 * `kind` in words people write instead of its value (FORMAT.md: `employee` (töötaja) or `official`
 * (ametnik)), any case, inflected or without diacritics: ametnik, ametnikud, riigiametnik,
 * teenistuja, Töötaja, töölepinguline …
 */
const KIND_PATTERNS: [RegExp, 'official' | 'employee'][] = [
  [/ametnik|teenistuj|civil servant|public servant|^officer$/, 'official'],
  [/t[öo][öo]taj|t[öo][öo]leping|lepinguline|^worker$|^staff$/, 'employee'],
];

const KIND_WORDS = {
  official: { suggestion: 'official', word_et: 'ametnik', word_en: 'an official, approved by a directive' },
  employee: { suggestion: 'employee', word_et: 'töötaja', word_en: 'an employee, signed by both parties' },
};

function kindOfWord(value: unknown): 'official' | 'employee' | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLocaleLowerCase('et');
  return KIND_PATTERNS.find(([re]) => re.test(word))?.[1];
}

export default defineRule({
  id: 'invalid-value',
  severity: 'error',
  description: {
    et: 'Väärtus ei ole lubatud: vale valik, vigane kuupäev või tunnus (ka failinimest võetud tunnus), tühi tekst või loend.',
    en: 'A value is not allowed: a wrong choice, a malformed date or id (also an id taken from the file name), an empty text or list.',
  },
  messages: {
    enum: {
      et: '„{path}“ väärtus „{value}“ ei ole lubatud; lubatud on {allowed}.',
      en: '"{path}" has the value "{value}", which is not allowed; allowed: {allowed}.',
    },
    enumSuggest: {
      et: '„{path}“ väärtus „{value}“ ei ole lubatud; kas mõtlesid {suggestions}? Lubatud on {allowed}.',
      en: '"{path}" has the value "{value}", which is not allowed; did you mean {suggestions}? Allowed: {allowed}.',
    },
    kindWord: {
      et: '„kind“ väärtus „{value}“ ei ole lubatud: väärtused kirjutatakse inglise keeles. Kirjuta „kind: {suggestion}“ ({word_et}). Lubatud on „employee“ (töötaja) või „official“ (ametnik).',
      en: '"kind" has the value "{value}", which is not allowed: the values are English words. Write "kind: {suggestion}" ({word_en}). Allowed: "employee" (töötaja) or "official" (ametnik).',
    },
    id: {
      et: '„{path}“ väärtus „{value}“ ei sobi: kasuta ainult väiketähti a–z, numbreid ja sidekriipsu, nt „{suggestion}“.',
      en: '"{path}" has the value "{value}", which does not fit: use only lower-case a–z, digits and hyphens, e.g. "{suggestion}".',
    },
    fileId: {
      et: 'Ilma „id“-ta on tunnus failinimest, aga „{name}“ ei sobi: kasuta ainult väiketähti a–z, numbreid ja sidekriipsu. Nimeta fail „{suggestion}.md“ või lisa päisesse „id: {suggestion}“.',
      en: 'Without an "id" the id is the file name, but "{name}" does not fit: use only lower-case a–z, digits and hyphens. Rename the file "{suggestion}.md" or add "id: {suggestion}" to the frontmatter.',
    },
    date: {
      et: '„{path}“ väärtus „{value}“ ei ole kuupäev kujul AAAA-KK-PP (nt 2026-01-31).',
      en: '"{path}" has the value "{value}", which is not a date of the form YYYY-MM-DD (e.g. 2026-01-31).',
    },
    emptyText: {
      et: '„{path}“ ei tohi olla tühi.',
      en: '"{path}" must not be empty.',
    },
    emptyList: {
      et: '„{path}“ peab sisaldama vähemalt {limit} elementi.',
      en: '"{path}" must have at least {limit, plural, one {# item} other {# items}}.',
    },
    minimum: {
      et: '„{path}“ peab olema vähemalt {limit}.',
      en: '"{path}" must be at least {limit}.',
    },
    other: {
      et: '„{path}“ väärtus ei sobi ({detail}).',
      en: '"{path}" has a value that does not fit ({detail}).',
    },
  },
  // the default id is the file name (model/build.ts): checked like a frontmatter id, since it names the outputs
  check(ctx) {
    if (!ctx.source.frontmatter || !isRecord(ctx.data) || ctx.data.id !== undefined) return;
    const name = basename(ctx.source.path);
    const id = name.replace(/\.md$/i, '');
    if (ID_PATTERN.test(id)) return;
    ctx.report(this, 'fileId', { name, suggestion: slugify(id) || 'ametijuhend' }, WHOLE_FILE);
  },
  schemaError(error, path, ctx) {
    const value = valueAt(ctx.data, path);
    const base = {
      path: yamlPathText(path) || 'frontmatter',
      value: typeof value === 'string' ? value : JSON.stringify(value),
    };
    const where = ctx.at(path);
    switch (error.keyword) {
      case 'enum': {
        const kind = path.length === 1 && path[0] === 'kind' ? kindOfWord(value) : undefined;
        if (kind) {
          ctx.report(this, 'kindWord', { value: base.value, ...KIND_WORDS[kind] }, where, undefined, {
            suggestions: [KIND_WORDS[kind].suggestion],
          });
          return true;
        }
        const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
        const suggestions = typeof value === 'string' ? closest(value, allowed) : [];
        ctx.report(
          this,
          suggestions.length ? 'enumSuggest' : 'enum',
          { ...base, allowed, suggestions },
          where,
          undefined,
          { suggestions: suggestions.map(yamlScalar) },
        );
        return true;
      }
      case 'pattern':
        if (path[path.length - 1] !== 'id') break;
        ctx.report(this, 'id', { ...base, suggestion: slugify(String(value)) || 'ametijuhend' }, where);
        return true;
      case 'format':
        ctx.report(this, 'date', base, where);
        return true;
      case 'minLength':
        ctx.report(this, 'emptyText', base, where);
        return true;
      case 'minItems':
        ctx.report(
          this,
          'emptyList',
          { ...base, limit: (error.params as { limit: number }).limit },
          ctx.at(path, 'key'),
        );
        return true;
      case 'minimum':
        ctx.report(this, 'minimum', { ...base, limit: (error.params as { limit: number }).limit }, where);
        return true;
      case 'if':
      case 'anyOf':
      case 'oneOf':
        return true; // the branches' own errors say more
    }
    ctx.report(this, 'other', { ...base, detail: error.message ?? error.keyword }, where);
    return true;
  },
});
