import { defineRule } from '../rule.js';
import { yamlPathText } from '../schema.js';
import { valueAt } from '../util.js';

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** The old Estonian level names and their CEFR equivalents (FORMAT.md). */
export const LEGACY_LEVELS: Record<string, string> = { algtase: 'B1', kesktase: 'B2', kõrgtase: 'C1' };

function isLevelPath(path: readonly (string | number)[]): boolean {
  const n = path.length;
  return n >= 3 && path[n - 1] === 'level' && typeof path[n - 2] === 'number' && path[n - 3] === 'languages';
}

export default defineRule({
  id: 'language-level',
  severity: 'error',
  description: {
    et: 'Keeleoskuse tase peab olema CEFR tase A1, A2, B1, B2, C1 või C2; vanad nimetused (algtase, kesktase, kõrgtase) tuleb asendada.',
    en: 'A language level must be a CEFR level A1, A2, B1, B2, C1 or C2; the old names (algtase, kesktase, kõrgtase) must be replaced.',
  },
  messages: {
    legacy: {
      et: 'Keeleoskuse tase „{value}“ on vana nimetus: kasuta CEFR taset {level} (algtase = B1, kesktase = B2, kõrgtase = C1).',
      en: 'The language level "{value}" is an old Estonian name: use the CEFR level {level} (algtase = B1, kesktase = B2, kõrgtase = C1).',
    },
    nearly: {
      et: 'Keeleoskuse tase „{value}“ ei ole lubatud: kas mõtlesid „{level}“? Lubatud on {allowed}.',
      en: 'The language level "{value}" is not allowed: did you mean "{level}"? Allowed: {allowed}.',
    },
    empty: {
      et: 'Keeleoskuse tase on tühi: lubatud on CEFR tasemed {allowed}.',
      en: 'The language level is empty: allowed are the CEFR levels {allowed}.',
    },
    invalid: {
      et: 'Keeleoskuse tase „{value}“ ei ole lubatud: lubatud on CEFR tasemed {allowed}.',
      en: 'The language level "{value}" is not allowed: allowed are the CEFR levels {allowed}.',
    },
  },
  schemaError(error, path, ctx) {
    if (error.keyword !== 'enum' || !isLevelPath(path)) return false;
    const raw = valueAt(ctx.data, path);
    if (raw === null || raw === undefined) {
      ctx.report(this, 'empty', { allowed: [...CEFR_LEVELS] }, ctx.at(path, 'key'));
      return true;
    }
    const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const key = value.trim().toLocaleLowerCase('et');
    // own keys only: "__proto__" or "constructor" is not a legacy level (found by the fuzz campaign)
    const legacy = Object.hasOwn(LEGACY_LEVELS, key) ? LEGACY_LEVELS[key] : undefined;
    const upper = value.trim().toUpperCase();
    const data = { value, allowed: [...CEFR_LEVELS], path: yamlPathText(path) };
    if (legacy)
      ctx.report(this, 'legacy', { ...data, level: legacy }, ctx.at(path), undefined, {
        suggestions: [legacy],
      });
    else if ((CEFR_LEVELS as readonly string[]).includes(upper))
      ctx.report(this, 'nearly', { ...data, level: upper }, ctx.at(path), undefined, {
        suggestions: [upper],
      });
    else ctx.report(this, 'invalid', data, ctx.at(path));
    return true;
  },
});
