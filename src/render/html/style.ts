/**
 * The page's stylesheet: the look of design/layout-*.png on screen, and an A4 print stylesheet
 * with a running footer ("organisation · title", "lk N / M") in the page margin boxes.
 *
 * The only document text that reaches the CSS is the running footer, and it goes through
 * cssString(), which hex-escapes everything but letters, digits and spaces: no quote, backslash,
 * `<` or newline from a source can end the string or the `<style>` element.
 */
import type { DocumentLabels } from '../common/labels.js';

/** A CSS string literal that is safe inside a `<style>` element whatever the input. */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    if (/^[\p{L}\p{N} ]$/u.test(ch)) out += ch;
    else out += `\\${(ch.codePointAt(0) ?? 0xfffd).toString(16)} `;
  }
  return `${out}"`;
}

/** CSS `content` for the page label, built from the localised label ("lk 1 / 5", "Page 1 of 5"). */
export function pageCounterContent(labels: DocumentLabels): string {
  const PAGE = 987_654_321;
  const PAGES = 987_654_322;
  const text = labels.page(PAGE, PAGES);
  const [before, rest] = splitOnce(text, String(PAGE));
  const [between, after] = rest === undefined ? ['', undefined] : splitOnce(rest, String(PAGES));
  if (rest === undefined || after === undefined) return 'counter(page) " / " counter(pages)';
  return [cssString(before), 'counter(page)', cssString(between), 'counter(pages)', cssString(after)]
    .filter((part) => part !== '""')
    .join(' ');
}

function splitOnce(text: string, marker: string): [string, string | undefined] {
  const at = text.indexOf(marker);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + marker.length)];
}

const FONT_STACK =
  '"Source Sans 3", "Source Sans Pro", "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** Screen and print: the page, text, code and lists. */
const BASE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #7a7a7a; --head: #ececec; }
*, *::before, *::after { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 16px; line-height: 1.45; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 50rem; padding: 2.5rem 2rem 2rem; }
a { color: #0645ad; }
code { font-family: "Source Code Pro", "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 0.2em; border-radius: 2px; }
pre { white-space: pre-wrap; background: #f3f3f3; padding: 0.5em 0.75em; }
pre code { padding: 0; background: none; }
p { margin: 0 0 0.6em; }
ul, ol { margin: 0 0 0.6em; padding-left: 1.4em; }
ul { list-style-type: square; }
ul ul { list-style-type: '– '; }
ul ul ul { list-style-type: circle; }
li { margin: 0.1em 0; }
li::marker { font-size: 0.85em; }
li > p { margin: 0; }

`;

/** Screen and print: the header, approval and headings. */
const HEADINGS_CSS = `header { text-align: center; margin-bottom: 2rem; }
h1 { font-size: 1.45rem; letter-spacing: 0.14em; text-transform: uppercase; margin: 0 0 0.35rem; }
.organisation { color: var(--muted); margin: 0; }
.approval { text-align: right; margin: 0 0 1.5rem auto; width: max-content; max-width: 60%; }
.approval p { margin: 0; }

h2 { font-size: 1.05rem; text-transform: uppercase; letter-spacing: 0.02em; margin: 2rem 0 0.7rem; }
h3 { font-size: 1rem; margin: 1.1rem 0 0.35rem; }
h4 { font-size: 1rem; margin: 0.6rem 0 0.1rem; }
h4::after { content: ":"; }
h5, h6 { font-size: 1rem; font-style: italic; margin: 0.6rem 0 0.2rem; }
main > section:first-child h2 { margin-top: 0; }

`;

/** Screen and print: the general data grid, tables and duties. */
const TABLES_CSS = `.general { display: grid; grid-template-columns: repeat(6, 1fr); margin: 0; border-top: 1px solid var(--rule); border-left: 1px solid var(--rule); }
.general > div { grid-column: span 3; padding: 0.45rem 0.6rem 0.55rem; border-right: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
.general > div.third { grid-column: span 2; }
.general > div.whole { grid-column: span 6; }
.general dt { font-size: 0.8rem; font-weight: 700; color: #333; }
.general dd { margin: 0.1rem 0 0; }

table { width: 100%; border-collapse: collapse; margin: 0 0 0.6em; }
th, td { border: 1px solid var(--rule); padding: 0.5rem 0.6rem; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 700; }
th.align-center, td.align-center { text-align: center; }
th.align-right, td.align-right { text-align: right; }
.duties col.task { width: 48%; }
.duties col.results { width: 52%; }
.duties td > ul { margin: 0; padding-left: 1.15em; }
.tasks { list-style: none; padding-left: 0; }
.tasks > li { padding-left: 2.4em; margin: 0.3em 0; }
.tasks > li > p:first-child > .num:first-child { display: inline-block; width: 2.4em; margin-left: -2.4em; }
.num { font-weight: 700; }

.competency ul { margin-bottom: 0.3em; }

`;

/** Screen and print: signatures, hidden text and the footer. */
const CLOSING_CSS = `.signatures { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2.5rem; margin-top: 2.5rem; }
.signatures > h2 { grid-column: 1 / -1; }
.signature { border-top: 1px solid var(--rule); padding-top: 0.4rem; }
.signature p { margin: 0; }
.signature .label { font-weight: 700; }
.signature .blank { height: 1.45em; }
.signature .note { font-size: 0.8rem; color: var(--muted); }

.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

footer { margin-top: 3rem; padding-top: 0.5rem; border-top: 1px solid #ccc; font-size: 0.8rem; color: var(--muted); display: flex; justify-content: space-between; gap: 1rem; }
footer p { margin: 0; }

`;

/** Print only. */
const PRINT_CSS = `@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; }
  th, code, pre { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header { margin-bottom: 1.4rem; }
  h2 { margin-top: 1.5rem; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  h2 + *, h3 + *, h4 + * { break-before: avoid; page-break-before: avoid; }
  tr, li, .general > div, .competency, blockquote, pre { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .signatures { break-inside: avoid; page-break-inside: avoid; }
  /* the page margin boxes carry the running footer; the document code stays, after the signatures */
  footer { border-top: 0; margin-top: 1.5rem; padding-top: 0; }
  footer p:not(.document-code) { display: none; }
}
`;

/** The paged-media page box: A4, margins, the running footer and the page counter. */
function pageCss(runningFooter: string, labels: DocumentLabels): string {
  return `@page {
  size: A4;
  margin: 18mm 18mm 20mm 18mm;
  @bottom-left { content: ${cssString(runningFooter)}; font-family: ${FONT_STACK}; font-size: 8pt; color: #555; }
  @bottom-right { content: ${pageCounterContent(labels)}; font-family: ${FONT_STACK}; font-size: 8pt; color: #555; }
}
`;
}

export function stylesheet(runningFooter: string, labels: DocumentLabels): string {
  return BASE_CSS + HEADINGS_CSS + TABLES_CSS + CLOSING_CSS + pageCss(runningFooter, labels) + PRINT_CSS;
}
