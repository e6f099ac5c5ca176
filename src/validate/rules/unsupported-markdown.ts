/**
 * Markdown the outputs cannot show as written, but whose content still reaches them in another form:
 * each place is a warning naming the construct (an image shows as its alt text, a link reference
 * definition is left out and its references show their text, a list under a result is joined to its
 * line). What would be lost or printed as typed (a footnote, strikethrough, a task box) is
 * dropped-markdown's (an error); raw HTML is raw-html's. Tables, block quotes, code, thematic breaks,
 * headings below `##` and nested lists are rendered.
 */
import type { Nodes } from 'mdast';
import { analyseDuties } from '../../model/duties.js';
import { matchHeading } from '../../model/sections.js';
import { forEachNode } from '../../util/mdast-walk.js';
import { short } from '../markdown-marks.js';
import { defineRule, type DocumentContext } from '../rule.js';

const rule = defineRule({
  id: 'unsupported-markdown',
  severity: 'warning',
  description: {
    et: 'Markdowni kuju, mida väljundid ei näita nii, nagu see on kirjutatud (pilt, viitelingi määratlus, loend tulemuse all); sisu jõuab väljunditesse muul kujul.',
    en: 'Markdown the outputs do not show as written (an image, a link reference definition, a list nested under a result); its content reaches the outputs in another form.',
  },
  messages: {
    image: {
      et: 'Pilte väljunditesse ei panda: pildi „{alt}“ asemel on selle alt-tekst. Lisa pilt eraldi või kirjelda sisu tekstina.',
      en: 'Images are not put into the outputs: the image "{alt}" shows as its alt text. Attach the image separately or describe it in text.',
    },
    definition: {
      et: 'Viitelingi määratlust „[{label}]: …“ ei toetata: see jäetakse välja ja viited sellele on lihttekst. Kirjuta link kujul [tekst](https://…).',
      en: 'The link reference definition "[{label}]: …" is not supported: it is left out and references to it are plain text. Write the link as [text](https://…).',
    },
    nestedResult: {
      et: 'Tulemuse all olev loend liidetakse tulemuse reaga (tulemuste tabelis on üks tase): tee sellest eraldi tulemused.',
      en: 'The list under a result is joined to the result’s line (the results column has one level): make its items results of their own.',
    },
  },
  check(ctx) {
    for (const section of ctx.source.sections) {
      forEachNode(section.content, (node) => inspect(ctx, node));
      const match = matchHeading(section.text, ctx.config);
      if (match.kind !== 'known' || match.key !== 'duties') continue;
      for (const t of analyseDuties(section.content).tasks)
        for (const result of t.results)
          for (const child of result.children)
            if (child.type === 'list') ctx.report(this, 'nestedResult', {}, child.position);
    }
  },
});

export default rule;

function inspect(ctx: DocumentContext, node: Nodes): void {
  switch (node.type) {
    case 'image':
    case 'imageReference':
      ctx.report(rule, 'image', { alt: short(node.alt ?? '') }, node.position);
      return;
    case 'definition':
      // `[^1]: …` is a footnote definition, dropped-markdown's
      if (!node.label?.startsWith('^'))
        ctx.report(rule, 'definition', { label: short(node.label ?? '') }, node.position);
      return;
    default:
  }
}
