import { defineRule } from '../rule.js';

export default defineRule({
  id: 'text-before-heading',
  severity: 'error',
  description: {
    et: 'Enne esimest teise taseme pealkirja (##) on teksti, mida ei saa kuhugi paigutada.',
    en: 'There is text before the first level-2 heading (##), with nowhere to render it.',
  },
  messages: {
    text: {
      et: 'Tekst „{text}“ on enne esimest jaotist: kõik sisu peab olema mõne „## “ pealkirja all (nt „## Töökoha eesmärk“); ametinimetus kuulub esiossa (title).',
      en: 'The text "{text}" comes before the first section: all content must be under a "## " heading (such as "## Purpose"); the job title belongs in the frontmatter (title).',
    },
  },
  check(ctx) {
    // an HTML comment is a note to other authors, not content
    const first = ctx.source.preamble.find(
      (n) => !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())),
    );
    if (!first) return;
    const line = ctx.source.text.split('\n')[(first.position?.start.line ?? 1) - 1]?.trim() ?? '';
    ctx.report(this, 'text', { text: line.length > 40 ? `${line.slice(0, 40)}…` : line }, first.position);
  },
});
