import { defineRule } from '../rule.js';
import { languageItems } from '../util.js';

export default defineRule({
  id: 'estonian-level-cap',
  severity: 'error',
  description: {
    et: 'Eesti keele oskuse nõue ei tohi olla kõrgem kui C1 (Vabariigi Valitsuse 20.06.2011 määrus nr 84, muudetud 2014). Seadistuses saab selle hoiatuseks muuta: rules: { estonian-level-cap: warning }.',
    en: 'The Estonian language requirement may not be higher than C1 (Government Regulation No 84 of 20.06.2011, as amended in 2014). The config can lower it to a warning: rules: { estonian-level-cap: warning }.',
  },
  messages: {
    cap: {
      et: 'Eesti keele oskuse nõue „{value}“ on kõrgem kui lubatud: tööandja ei tohi nõuda eesti keelt üle taseme C1 (Vabariigi Valitsuse määrus nr 84, 20.06.2011). Kasuta taset C1.',
      en: 'The Estonian requirement "{value}" is higher than allowed: an employer may not require Estonian above level C1 (Government Regulation No 84 of 20.06.2011). Use C1.',
    },
  },
  check(ctx) {
    for (const { item, index, codes } of languageItems(ctx.data)) {
      if (codes.includes('et') && item.level === 'C2') {
        ctx.report(this, 'cap', { value: 'C2' }, ctx.at(['requirements', 'languages', index, 'level']));
      }
    }
  },
});
