import { defineRule } from '../rule.js';
import type { YamlPath } from '../../parse/positions.js';
import { yamlPathText } from '../schema.js';
import { isRecord, yamlScalar } from '../util.js';
import { closest } from '../../util/closest.js';

/** The value at a path of the data (undefined when the path leads nowhere). */
function dataAt(data: unknown, path: YamlPath): unknown {
  let v = data;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isRecord(v) && typeof seg === 'string') v = v[seg];
    else return undefined;
  }
  return v;
}

export default defineRule({
  id: 'unknown-key',
  severity: 'error',
  description: {
    et: 'Esiosas või seadistuses on võti, mida vorming ei tunne (nt kirjaviga „reportTo“).',
    en: 'The frontmatter or config has a key the format does not know (such as the typo "reportTo").',
  },
  messages: {
    suggest: {
      et: 'Tundmatu võti „{key}“{where_et}. Kas mõtlesid {suggestions}?',
      en: 'Unknown key "{key}"{where_en}. Did you mean {suggestions}?',
    },
    plain: {
      et: 'Tundmatu võti „{key}“{where_et}. Lubatud võtmed siin: {allowed}.',
      en: 'Unknown key "{key}"{where_en}. Allowed keys here: {allowed}.',
    },
  },
  schemaError(error, path, ctx) {
    if (error.keyword !== 'additionalProperties') return false;
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const props =
      isRecord(error.parentSchema) && isRecord(error.parentSchema.properties)
        ? error.parentSchema.properties
        : {};
    const allowed = Object.keys(props);
    // a key the map already has is no suggestion (replacing `titel` by `title` next to `title` repeats it)
    const map = dataAt(ctx.data, path);
    const suggestions = closest(
      key,
      allowed.filter((k) => !(isRecord(map) && Object.hasOwn(map, k))),
    );
    const parent = yamlPathText(path);
    const data = {
      key,
      allowed,
      suggestions,
      where_et: parent ? ` võtme „${parent}“ all` : '',
      where_en: parent ? ` under "${parent}"` : '',
    };
    ctx.report(
      this,
      suggestions.length ? 'suggest' : 'plain',
      data,
      ctx.at([...path, key], 'key'),
      undefined,
      {
        suggestions: suggestions.map(yamlScalar),
      },
    );
    return true;
  },
});
