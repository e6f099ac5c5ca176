import { defineRule } from '../rule.js';
import { yamlPathText } from '../schema.js';
import { isRecord, yamlScalar } from '../util.js';
import { closest } from '../../util/closest.js';

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
    const suggestions = closest(key, allowed);
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
