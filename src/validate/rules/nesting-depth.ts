import { firstTooDeep, MAX_NESTING } from '../../parse/nesting.js';
import { defineRule } from '../rule.js';

export { MAX_NESTING };

export default defineRule({
  id: 'nesting-depth',
  severity: 'error',
  fixed: true,
  description: {
    et: `Tsitaate, loendeid ja rõhutusi võib üksteise sisse panna kuni ${MAX_NESTING} taset (ükski päris ametijuhend ei vaja nii palju); sügavam sisu ei jõua väljunditesse. Seda reeglit ei saa välja lülitada ega hoiatuseks muuta.`,
    en: `Block quotes, lists and emphasis may be nested at most ${MAX_NESTING} levels deep (far more than any real description needs); deeper content never reaches the outputs. This rule cannot be turned off or made a warning.`,
  },
  messages: {
    tooDeep: {
      et: 'Tsitaadid, loendid ja rõhutused on siin {depth} taset üksteise sees; lubatud on kuni {limit}: tee sisu lamedamaks.',
      en: 'Block quotes, lists and emphasis are nested {depth} levels deep here; at most {limit} are allowed: flatten the content.',
    },
    tooDeepCut: {
      et: 'Tsitaadid, loendid ja rõhutused on siin vähemalt {depth} taset üksteise sees; lubatud on kuni {limit}: tee sisu lamedamaks.',
      en: 'Block quotes, lists and emphasis are nested at least {depth} levels deep here; at most {limit} are allowed: flatten the content.',
    },
  },
  check(ctx) {
    const found = firstTooDeep(ctx.source.tree);
    if (!found) return;
    const start = found.node.position?.start;
    ctx.report(
      this,
      ctx.source.nestingCut ? 'tooDeepCut' : 'tooDeep',
      { depth: found.depth, limit: MAX_NESTING },
      start ? { start, end: start } : undefined,
    );
  },
});
