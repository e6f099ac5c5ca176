import { defineRule } from '../rule.js';
import { yamlPathText } from '../schema.js';
import { describeField, isRecord, valueAt } from '../util.js';
import { closest } from '../../util/closest.js';

export default defineRule({
  id: 'missing-key',
  severity: 'error',
  // the model is built from what the schema allows: a config cannot let a missing key or a value of
  // another type through to the renderers (they would fail on it)
  fixed: true,
  description: {
    et: 'Kohustuslik võti puudub (nt title, unit, reportsTo, requirements.education).',
    en: 'A required key is missing (such as title, unit, reportsTo, requirements.education).',
  },
  messages: {
    missing: {
      et: 'Puudub kohustuslik võti „{key}“{label_et}{where_et}.',
      en: 'Missing required key "{key}"{label_en}{where_en}.',
    },
  },
  schemaError(error, path, ctx) {
    if (error.keyword !== 'required') return false;
    const key = String((error.params as { missingProperty: string }).missingProperty);
    const props =
      isRecord(error.parentSchema) && isRecord(error.parentSchema.properties)
        ? error.parentSchema.properties
        : {};
    // a misspelt key ("reportTo") is reported once, by unknown-key, with this key as its suggestion
    // (unless the config turns unknown-key off: then the key is missing, and said here)
    const parent = valueAt(ctx.data, path);
    if (isRecord(parent) && !ctx.isOff('unknown-key')) {
      const known = Object.keys(props);
      const typo = Object.keys(parent).some((k) => !known.includes(k) && closest(k, known, 1)[0] === key);
      if (typo) return true;
    }
    const field = props[key];
    const description = isRecord(field) ? field.description : undefined;
    const et = describeField(description, 'et');
    const en = describeField(description, 'en');
    const where = yamlPathText(path);
    ctx.report(
      this,
      'missing',
      {
        key,
        label_et: et ? ` (${et})` : '',
        label_en: en ? ` (${en})` : '',
        where_et: where ? ` võtme „${where}“ all` : ' esiosas',
        where_en: where ? ` under "${where}"` : ' in the frontmatter',
      },
      ctx.at(path, 'key'),
    );
    return true;
  },
});
