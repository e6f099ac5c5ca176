import { forEachNode } from '../../util/mdast-walk.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'raw-html',
  severity: 'warning',
  description: {
    et: 'Markdowni sees olev HTML jäetakse kõigist väljunditest välja (HTML-kommentaarid on lubatud).',
    en: 'Raw HTML in the Markdown is left out of every output (HTML comments are allowed).',
  },
  messages: {
    dropped: {
      et: 'HTML „{html}“ jäetakse väljunditest välja: kasuta Markdowni (nt **paks**, *kaldkiri*, [link](https://…)).',
      en: 'The HTML "{html}" is left out of all outputs: use Markdown instead (**bold**, *italic*, [link](https://…)).',
    },
  },
  check(ctx) {
    for (const section of ctx.source.sections)
      forEachNode(section.content, (node) => {
        if (node.type !== 'html') return;
        const value = node.value.trim();
        if (/^<!--[\s\S]*-->$/.test(value)) return;
        const html = value.length > 40 ? `${value.slice(0, 40)}…` : value;
        ctx.report(this, 'dropped', { html }, node.position);
      });
  },
});
