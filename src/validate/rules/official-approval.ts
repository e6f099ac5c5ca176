import { defineRule } from '../rule.js';
import { isRecord } from '../util.js';

export default defineRule({
  id: 'official-approval',
  severity: 'warning',
  description: {
    et: 'Ametniku ametijuhend (kind: official) kinnitatakse käskkirjaga: oodatakse võtit approval {by, directive, date}.',
    en: "An official's job description (kind: official) is approved by a directive: approval {by, directive, date} is expected.",
  },
  messages: {
    missing: {
      et: 'Ametniku ametijuhendil puudub kinnitamise info (approval: by, directive, date); „KINNITATUD“ rida jääb dokumendist välja.',
      en: 'The official\'s description has no approval (approval: by, directive, date); the "APPROVED" line is left out of the document.',
    },
  },
  check(ctx) {
    if (isRecord(ctx.data) && ctx.data.kind === 'official' && ctx.data.approval === undefined) {
      ctx.report(this, 'missing', {}, ctx.at(['kind'], 'key'));
    }
  },
});
