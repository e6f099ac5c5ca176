import { defineRule } from '../rule.js';

export default defineRule({
  id: 'empty-section',
  severity: 'warning',
  description: {
    et: 'Jaotisel on pealkiri, aga sisu pole; dokumenti jääks tühi peatükk.',
    en: 'A section has a heading but no content; the document would get an empty chapter.',
  },
  messages: {
    empty: {
      et: 'Jaotis „{heading}“ on tühi: lisa sisu või eemalda pealkiri.',
      en: 'The section "{heading}" is empty: add content or remove the heading.',
    },
  },
  check(ctx) {
    for (const section of ctx.source.sections) {
      const content = section.content.filter(
        (n) => !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())),
      );
      if (content.length === 0)
        ctx.report(this, 'empty', { heading: section.text.trim() }, section.heading.position);
    }
  },
});
