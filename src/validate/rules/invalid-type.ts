import { alternatives } from '../../util/list.js';
import { defineRule } from '../rule.js';
import { yamlPathText } from '../schema.js';
import { typeName, valueAt } from '../util.js';

const EXPECTED: Record<string, [string, string]> = {
  string: ['tekst', 'text'],
  number: ['arv', 'a number'],
  integer: ['täisarv', 'a whole number'],
  array: ['loend', 'a list'],
  object: ['võtmete kaart', 'a map of keys'],
  boolean: ['tõeväärtus', 'true or false'],
};

const isScalar = (v: unknown): boolean =>
  typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string';

function expected(types: string | string[], lang: 0 | 1): string {
  const list = (Array.isArray(types) ? types : [types]).map((t) => EXPECTED[t]?.[lang] ?? t);
  return alternatives(list, lang ? 'en' : 'et');
}

export default defineRule({
  id: 'invalid-type',
  severity: 'error',
  // the model is built from what the schema allows: a config cannot let a missing key or a value of
  // another type through to the renderers (they would fail on it)
  fixed: true,
  description: {
    et: 'Väärtus on vale tüüpi (nt arv teksti asemel) või tühi.',
    en: 'A value has the wrong type (such as a number where text belongs) or is empty.',
  },
  messages: {
    root: {
      et: 'Esiosa (frontmatter) peab olema võtmete ja väärtuste kaart, aga see on {actual_et}.',
      en: 'The frontmatter must be a map of keys and values, but it is {actual_en}.',
    },
    empty: {
      et: '„{path}“ on tühi: oodatakse {expected_et}.',
      en: '"{path}" is empty: expected {expected_en}.',
    },
    type: {
      et: '„{path}“ peab olema {expected_et}, aga see on {actual_et}{shown_et}.',
      en: '"{path}" must be {expected_en}, but it is {actual_en}{shown_en}.',
    },
  },
  schemaError(error, path, ctx) {
    if (error.keyword !== 'type') return false;
    const types = (error.params as { type: string | string[] }).type;
    const value = valueAt(ctx.data, path);
    const data = {
      path: yamlPathText(path),
      expected_et: expected(types, 0),
      expected_en: expected(types, 1),
      actual_et: typeName(value, 'et'),
      actual_en: typeName(value, 'en'),
      // a scalar is named as written ("unit: 5" → „5“); a map or list is only named by its kind
      shown_et: isScalar(value) ? ` „${String(value)}“` : '',
      shown_en: isScalar(value) ? ` "${String(value)}"` : '',
    };
    const id = path.length === 0 ? 'root' : value === null ? 'empty' : 'type';
    ctx.report(
      this,
      id,
      data,
      path.length === 0 ? ctx.at(path) : ctx.at(path, value === null ? 'key' : 'value'),
    );
    return true;
  },
});
