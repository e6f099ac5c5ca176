/**
 * Markdown that the outputs would lose or print as typed, so the description must not be signed as
 * it is (an error): a footnote's text (`[^1]: …`, which the CommonMark parser reads as a link
 * reference definition and leaves out) and its mark (`[^1]`, printed as typed); strikethrough
 * (`~~…~~`: printed plain, the struck text would read as valid); a task box (`- [ ] …`, printed as
 * typed); a table in a duty's results list (the results column holds one line per result). What still
 * shows in another form is unsupported-markdown's (a warning).
 */
import type { Nodes } from 'mdast';
import type { Position } from 'unist';
import { analyseDuties } from '../../model/duties.js';
import { matchHeading } from '../../model/sections.js';
import { forEachNode } from '../../util/mdast-walk.js';
import { FOOTNOTE_MARK, inText, short, STRIKE, taskBoxText } from '../markdown-marks.js';
import { defineRule, type DocumentContext } from '../rule.js';

const rule = defineRule({
  id: 'dropped-markdown',
  severity: 'error',
  description: {
    et: 'Markdowni kuju, mille sisu jääks väljunditest välja või trükitaks nii, nagu see on kirjutatud: joonealune märkus („[^1]“, „[^1]: …“), läbikriipsutus („~~…~~“), ülesandekast („- [ ]“) ja tabel oodatavate tulemuste loendis.',
    en: 'Markdown whose content would be left out of the outputs or printed as typed: a footnote ("[^1]", "[^1]: …"), strikethrough ("~~…~~"), a task box ("- [ ]") and a table in a list of expected results.',
  },
  messages: {
    footnoteText: {
      et: 'Joonealuseid märkusi ei toetata: märkuse „[{label}]: …“ tekst jääks väljunditest välja. Kirjuta märkus sulgudesse lause sisse.',
      en: 'Footnotes are not supported: the text of the note "[{label}]: …" would be left out of the outputs. Put the note in brackets in the sentence.',
    },
    footnoteMark: {
      et: 'Joonealuseid märkusi ei toetata: märk „{mark}“ trükitaks väljunditesse nii, nagu see on kirjutatud. Kirjuta märkus sulgudesse lause sisse ja kustuta märk.',
      en: 'Footnotes are not supported: the mark "{mark}" would be printed in the outputs as typed. Put the note in brackets in the sentence and delete the mark.',
    },
    strikethrough: {
      et: 'Läbikriipsutust (~~…~~) ei toetata: „{text}“ trükitaks koos tildedega ja kehtiva tekstina. Kustuta tekst, mis ei kehti, või eemalda tilded.',
      en: 'Strikethrough (~~…~~) is not supported: "{text}" would be printed with its tildes, as text in force. Delete the text that no longer applies, or remove the tildes.',
    },
    taskBox: {
      et: 'Ülesandekaste („[ ]“, „[x]“) ei toetata: kast trükitaks väljunditesse tekstina. Kirjuta punkt ilma kastita.',
      en: 'Task boxes ("[ ]", "[x]") are not supported: the box would be printed in the outputs as text. Write the item without it.',
    },
    tableInResult: {
      et: 'Tabel oodatavate tulemuste loendis jääks väljunditest välja (tulemuste veerus on igal tulemusel üks rida): pane tabel ülesande alla (enne tulemuste loendit) või tee sellest tulemused.',
      en: 'A table in the list of expected results would be left out of the outputs (the results column holds one line per result): put it under the task (before the results) or make its rows results.',
    },
  },
  check(ctx) {
    for (const section of ctx.source.sections) {
      forEachNode(section.content, (node: Nodes) => inspect(ctx, node));
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

export default rule;

/** The marks as typed in the source, not written with backslash escapes (`\\[^1]`, `\\~~`: literal text). */
const UNESCAPED_FOOTNOTE_MARK = /(?<!\\)\[\^[^\]\s]+\]/;
const UNESCAPED_STRIKE = /(?<![~\\])~~(?=[^\s~])[^]*?[^\s~\\]~~(?!~)/;

/**
 * The first place where the text node's source (its slice of the file) shows `pattern`, with what it
 * shows there: a mark the author escaped (`\\[^1]`, `\\~~a~~`, `\\[ ]`, as `import` writes text that
 * only looks like one) is plain text and prints as such. Without offsets (a synthetic tree) the
 * node's text decides, as `plain` finds it there.
 */
function typedMark(
  ctx: DocumentContext,
  node: Nodes,
  pattern: RegExp,
  plain: RegExp,
): { text: string; position: Position | undefined } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !('value' in node)) {
    const found = 'value' in node ? plain.exec(node.value) : null;
    return found ? { text: found[0], position: inText(node, found.index, found[0].length) } : undefined;
  }
  const found = pattern.exec(ctx.source.text.slice(start, end));
  if (!found) return undefined;
  return { text: found[0], position: sourceSpan(ctx.source.text, start + found.index, found[0].length) };
}

/** The span of `length` characters at `offset` of `text`, as a position (1-based line and column). */
function sourceSpan(text: string, offset: number, length: number): Position {
  const before = text.slice(0, offset);
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return {
    start: { line, column, offset },
    end: { line, column: column + length, offset: offset + length },
  };
}

function inspect(ctx: DocumentContext, node: Nodes): void {
  switch (node.type) {
    case 'definition':
      if (node.label?.startsWith('^')) ctx.report(rule, 'footnoteText', { label: node.label }, node.position);
      return;
    case 'linkReference':
      if (node.label?.startsWith('^'))
        ctx.report(rule, 'footnoteMark', { mark: `[${node.label}]` }, node.position);
      return;
    case 'listItem': {
      const box = taskBoxText(node.children[0]);
      if (box && typedMark(ctx, box, /^\[/, /^\[/)) ctx.report(rule, 'taskBox', {}, inText(box, 0, 3));
      return;
    }
    case 'text': {
      const mark = typedMark(ctx, node, UNESCAPED_FOOTNOTE_MARK, FOOTNOTE_MARK);
      if (mark) ctx.report(rule, 'footnoteMark', { mark: mark.text }, mark.position);
      const strike = typedMark(ctx, node, UNESCAPED_STRIKE, STRIKE);
      if (strike) ctx.report(rule, 'strikethrough', { text: short(strike.text) }, strike.position);
      return;
    }
    default:
  }
}
