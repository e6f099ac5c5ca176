/**
 * Markdown the outputs cannot show as written, but whose content still reaches them: each place is
 * a warning naming the construct (an image shows as its alt text, a footnote mark or `~~` as
 * typed…). Content that would be lost altogether is dropped-markdown's (an error); raw HTML is
 * raw-html's. Tables, block quotes, code, thematic breaks and headings below `##` are rendered.
 */
import type { Nodes, RootContent } from 'mdast';
import type { Position } from 'unist';
import { analyseDuties } from '../../model/duties.js';
import { matchHeading } from '../../model/sections.js';
import { forEachNode } from '../../util/mdast-walk.js';
import { defineRule, type DocumentContext } from '../rule.js';

/** A footnote mark (`[^1]`) as the CommonMark parser leaves it: in text, or a reference's label. */
const FOOTNOTE_MARK = /\[\^[^\]\s]+\]/;
/** GFM strikethrough (`~~text~~`), which the parser leaves as text. */
const STRIKE = /(?<!~)~~(?=[^\s~])[^]*?[^\s~]~~(?!~)/;
/** A GFM task list item's box (`[ ]`, `[x]`) at the start of its text. */
const TASK_BOX = /^\[[ xX]\](?:[ \t]|$)/;

const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A point inside a text node's value, from its start and the text before it (no tabs assumed). */
function inText(node: Nodes, index: number, length: number): Position | undefined {
  const p = node.position;
  if (!p || !('value' in node)) return p;
  const before = node.value.slice(0, index).split(/\r\n|\r|\n/);
  const line = p.start.line + before.length - 1;
  const column = (before.length === 1 ? p.start.column : 1) + before[before.length - 1]!.length;
  const offset = p.start.offset === undefined ? undefined : p.start.offset + index;
  return {
    start: { line, column, ...(offset === undefined ? {} : { offset }) },
    end: { line, column: column + length, ...(offset === undefined ? {} : { offset: offset + length }) },
  };
}

const rule = defineRule({
  id: 'unsupported-markdown',
  severity: 'warning',
  description: {
    et: 'Markdowni kuju, mida väljundid ei näita nii, nagu see on kirjutatud (pilt, joonealune märkus, läbikriipsutus, ülesandekast, viitelingi määratlus, kolmanda taseme loend tulemuste all); sisu jõuab väljunditesse muul kujul.',
    en: 'Markdown the outputs do not show as written (an image, a footnote mark, strikethrough, a task box, a link reference definition, a list nested under a result); its content reaches the outputs in another form.',
  },
  messages: {
    image: {
      et: 'Pilte väljunditesse ei panda: pildi „{alt}“ asemel on selle alt-tekst. Lisa pilt eraldi või kirjelda sisu tekstina.',
      en: 'Images are not put into the outputs: the image "{alt}" shows as its alt text. Attach the image separately or describe it in text.',
    },
    footnote: {
      et: 'Joonealuseid märkusi ei toetata: „{mark}“ jääb väljunditesse nii, nagu see on kirjutatud. Kirjuta märkus sulgudesse lause sisse.',
      en: 'Footnotes are not supported: "{mark}" shows in the outputs as typed. Put the note in brackets in the sentence.',
    },
    strikethrough: {
      et: 'Läbikriipsutust (~~…~~) ei toetata: „{text}“ jääb väljunditesse koos tildedega. Kustuta tekst või kirjuta see ilma tildedeta.',
      en: 'Strikethrough (~~…~~) is not supported: "{text}" shows in the outputs with its tildes. Delete the text or write it without them.',
    },
    taskBox: {
      et: 'Ülesandekaste („[ ]“, „[x]“) ei toetata: kast jääb väljunditesse tekstina. Kirjuta punkt ilma kastita.',
      en: 'Task boxes ("[ ]", "[x]") are not supported: the box shows in the outputs as text. Write the item without it.',
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
    case 'linkReference':
      if (node.label?.startsWith('^'))
        ctx.report(rule, 'footnote', { mark: `[${node.label}]` }, node.position);
      return;
    case 'listItem':
      taskBox(ctx, node.children[0]);
      return;
    case 'text': {
      const mark = FOOTNOTE_MARK.exec(node.value);
      if (mark) ctx.report(rule, 'footnote', { mark: mark[0] }, inText(node, mark.index, mark[0].length));
      const strike = STRIKE.exec(node.value);
      if (strike)
        ctx.report(
          rule,
          'strikethrough',
          { text: short(strike[0]) },
          inText(node, strike.index, strike[0].length),
        );
      return;
    }
    default:
  }
}

function taskBox(ctx: DocumentContext, first: RootContent | undefined): void {
  if (first?.type !== 'paragraph') return;
  const text = first.children[0];
  if (text?.type === 'text' && TASK_BOX.test(text.value)) ctx.report(rule, 'taskBox', {}, inText(text, 0, 3));
}
