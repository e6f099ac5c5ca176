/**
 * Markdown whose content would never reach the outputs: a footnote's text (`[^1]: …`, which the
 * CommonMark parser reads as a link reference definition and leaves out) and a table in a duty's
 * results list (the results column holds one line per result). An error: the description must not
 * be signed without it. What still shows in another form is unsupported-markdown's (a warning).
 */
import type { Nodes } from 'mdast';
import { analyseDuties } from '../../model/duties.js';
import { matchHeading } from '../../model/sections.js';
import { forEachNode } from '../../util/mdast-walk.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'dropped-markdown',
  severity: 'error',
  description: {
    et: 'Markdowni kuju, mille sisu ei jõuaks väljunditesse: joonealuse märkuse tekst („[^1]: …“) ja tabel oodatavate tulemuste loendis.',
    en: 'Markdown whose content would not reach the outputs: a footnote’s text ("[^1]: …") and a table in a list of expected results.',
  },
  messages: {
    footnoteText: {
      et: 'Joonealuseid märkusi ei toetata: märkuse „[{label}]: …“ tekst jääks väljunditest välja. Kirjuta märkus sulgudesse lause sisse.',
      en: 'Footnotes are not supported: the text of the note "[{label}]: …" would be left out of the outputs. Put the note in brackets in the sentence.',
    },
    tableInResult: {
      et: 'Tabel oodatavate tulemuste loendis jääks väljunditest välja (tulemuste veerus on igal tulemusel üks rida): pane tabel ülesande alla (enne tulemuste loendit) või tee sellest tulemused.',
      en: 'A table in the list of expected results would be left out of the outputs (the results column holds one line per result): put it under the task (before the results) or make its rows results.',
    },
  },
  check(ctx) {
    for (const section of ctx.source.sections) {
      forEachNode(section.content, (node: Nodes) => {
        if (node.type === 'definition' && node.label?.startsWith('^'))
          ctx.report(this, 'footnoteText', { label: node.label }, node.position);
      });
      const match = matchHeading(section.text, ctx.config);
      if (match.kind !== 'known' || match.key !== 'duties') continue;
      for (const t of analyseDuties(section.content).tasks)
        for (const result of t.results)
          forEachNode(result.children, (node: Nodes) => {
            if (node.type === 'table') ctx.report(this, 'tableInResult', {}, node.position);
          });
    }
  },
});
