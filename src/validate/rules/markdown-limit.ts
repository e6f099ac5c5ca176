import { MARKDOWN_LIMITS, type MarkdownLimitKind } from '../../parse/limits.js';
import { formatNumber } from '../../util/plural.js';
import { defineRule } from '../rule.js';

export { MARKDOWN_LIMITS };

// grouped as Estonian and English write numbers ("20 000", "20,000"), with a plain space in the
// Estonian (it is read in editors and terminals); util/plural.ts writes them without loading ICU,
// which a rule module must not do when it is merely loaded (~15 ms in every process that checks)
const et = (n: number): string => formatNumber(n, 'et').replace(/\s/g, ' ');
const en = (n: number): string => formatNumber(n, 'en');
const L = MARKDOWN_LIMITS;

/**
 * Rules that read the Markdown body. Past a limit only the text before it is read, so these do not
 * run: they would report as missing every section after that line.
 */
export const BODY_RULES: ReadonlySet<string> = new Set([
  'dropped-markdown',
  'duplicate-section',
  'duties-format',
  'duties-results',
  'empty-section',
  'missing-section',
  'raw-html',
  'text-before-heading',
  'unknown-section',
  'unsupported-markdown',
]);

const REST = {
  et: ' Sellest reast alates teksti ei loeta.',
  en: ' The text from this line on is not read.',
};

export default defineRule({
  id: 'markdown-limit',
  severity: 'error',
  fixed: true,
  description: {
    et: `Tekstis võib olla kuni ${et(L.containers)} loendipunkti ja tsitaati, ${et(L.blocks)} lõiku, ${et(L.headings)} pealkirja ja ${et(L.marks)} Markdowni märki (\`*\`, \`_\`, \`[\`, \`>\`, \`<\`, \`&\` …) ning ühes lõigus kuni ${et(L.emphasis)} rõhutusmärki ja ${et(L.links)} nurksulgu \`[\` – palju rohkem, kui ükski ametijuhend vajab. Üle piiri jäävat teksti ei loeta (Markdowni lugemine võtaks minuteid). Seda reeglit ei saa välja lülitada ega hoiatuseks muuta.`,
    en: `The text may have at most ${en(L.containers)} list items and block quotes, ${en(L.blocks)} paragraphs, ${en(L.headings)} headings and ${en(L.marks)} Markdown marks (\`*\`, \`_\`, \`[\`, \`>\`, \`<\`, \`&\` …), and one paragraph at most ${en(L.emphasis)} emphasis marks and ${en(L.links)} \`[\` brackets: far more than any description needs. The text past a limit is not read (parsing it could take minutes). This rule cannot be turned off or made a warning.`,
  },
  messages: {
    containers: {
      et: `Tekstis on üle ${et(L.containers)} loendipunkti ja tsitaadi; ametijuhendis on neid palju vähem: jaga see mitmeks.${REST.et}`,
      en: `More than ${en(L.containers)} list items and block quotes: a job description has far fewer; split it.${REST.en}`,
    },
    blocks: {
      et: `Tekstis on üle ${et(L.blocks)} lõigu või muu ploki; ametijuhendis on neid palju vähem: jaga see mitmeks.${REST.et}`,
      en: `More than ${en(L.blocks)} paragraphs and other blocks: a job description has far fewer; split it.${REST.en}`,
    },
    headings: {
      et: `Tekstis on üle ${et(L.headings)} pealkirja; ametijuhendis on neid palju vähem: jaga see mitmeks.${REST.et}`,
      en: `More than ${en(L.headings)} headings: a job description has far fewer; split it.${REST.en}`,
    },
    emphasis: {
      et: `Selles lõigus on üle ${et(L.emphasis)} rõhutusmärgi (\`*\`, \`_\`); ametijuhendi lõigus on neid palju vähem: jaga lõik osadeks.${REST.et}`,
      en: `More than ${en(L.emphasis)} emphasis marks (\`*\`, \`_\`) in this paragraph: a paragraph of a job description has far fewer; split it.${REST.en}`,
    },
    links: {
      et: `Selles lõigus on üle ${et(L.links)} nurksulu \`[\` (lingid, pildid); ametijuhendi lõigus on neid palju vähem: jaga lõik osadeks.${REST.et}`,
      en: `More than ${en(L.links)} \`[\` brackets (links, images) in this paragraph: a paragraph of a job description has far fewer; split it.${REST.en}`,
    },
    marks: {
      et: `Tekstis on üle ${et(L.marks)} Markdowni märgi (\`*\`, \`_\`, \`[\`, \`>\`, \`<\`, \`&\` …); ametijuhendis on neid palju vähem: jaga see mitmeks.${REST.et}`,
      en: `More than ${en(L.marks)} Markdown marks (\`*\`, \`_\`, \`[\`, \`>\`, \`<\`, \`&\` …): a job description has far fewer; split it.${REST.en}`,
    },
  } satisfies Record<MarkdownLimitKind, { et: string; en: string }>,
  check(ctx) {
    const hit = ctx.source.markdownLimit;
    if (!hit) return;
    const at = { line: hit.line, column: hit.column };
    ctx.report(this, hit.kind, {}, { start: at, end: at });
  },
});
