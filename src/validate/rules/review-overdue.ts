import { defineRule } from '../rule.js';
import { isRecord } from '../util.js';
import { addMonths, today } from '../../util/dates.js';

export default defineRule({
  id: 'review-overdue',
  severity: 'warning',
  description: {
    et: 'Seadistus nõuab ülevaatust (review.months), aga ametijuhendi viimane ülevaatus (reviewed) on vanem või puudub.',
    en: 'The config asks for reviews (review.months), but the description was last reviewed (reviewed) longer ago, or never.',
  },
  messages: {
    overdue: {
      et: 'Ametijuhend tuli üle vaadata hiljemalt {due} (viimati {reviewed}, iga {months} kuu järel).',
      en: 'The description was due for review by {due} (last reviewed {reviewed}, every {months} months).',
    },
    missing: {
      et: 'Ülevaatuse kuupäev (reviewed) puudub, kuid seadistus nõuab ülevaatust iga {months} kuu järel: lisa „reviewed: AAAA-KK-PP“.',
      en: 'The review date (reviewed) is missing, but the config asks for a review every {months} months: add "reviewed: YYYY-MM-DD".',
    },
  },
  check(ctx) {
    const months = ctx.config.reviewMonths;
    if (!months || !ctx.source.frontmatter || !isRecord(ctx.data)) return;
    const reviewed = ctx.data.reviewed;
    if (reviewed === undefined) {
      ctx.report(this, 'missing', { months }, ctx.at([]));
      return;
    }
    if (typeof reviewed !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(reviewed)) return; // invalid-value says why
    const due = addMonths(reviewed, months);
    if (due < today()) ctx.report(this, 'overdue', { due, reviewed, months }, ctx.at(['reviewed']));
  },
});
