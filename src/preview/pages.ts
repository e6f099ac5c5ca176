/**
 * The preview's pages as HTML text: the list (`/`), a description (`/d/<id>`), the organisation
 * chart's page (`/org`) and the error pages. Every word in Estonian or English; every value from a
 * file escaped. The parts a live update swaps carry `data-live` and an id (client.ts).
 */
import { message, type MessageId } from '../messages/index.js';
import { reviewDueDate } from '../project/status.js';
import { today } from '../util/dates.js';
import { ID_PATTERN } from '../util/slug.js';
import { escapeXml } from '../util/xml.js';
import {
  countDiagnostics,
  type Diagnostic,
  type MessageLang,
  type TemplateData,
} from '../validate/diagnostic.js';
import { MAX_SOURCE_BYTES } from '../validate/rules/file-too-large.js';
import { CLIENT_SCRIPT } from './client.js';
import type { PreviewEntry, SourceView } from './project.js';

/** Text for HTML content and attribute values. */
export function esc(text: string): string {
  return escapeXml(text, { invalid: 'replace' });
}

export interface PageContext {
  lang: MessageLang;
  /** The response's nonce: the one style element and the one script carry it. */
  nonce: string;
}

const t = (ctx: PageContext, id: MessageId, data?: TemplateData): string => esc(message(id, ctx.lang, data));

/** Colours chosen for WCAG AA contrast (4.5:1 for text) on white and on their own backgrounds. */
const STYLE = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #4a4a4a; --line: #c4c4c4; --accent: #0b4f8a;
  --error: #a4000f; --error-bg: #fde8ea; --warning: #6b4a00; --warning-bg: #fff4d6; --hl: #fff0a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; }
header.site { display: flex; gap: 1.5rem; align-items: baseline; padding: .6rem 1.25rem; border-bottom: 1px solid var(--line); background: #f5f7fa; }
header.site .brand { font-weight: 600; }
header.site ul { display: flex; gap: 1.25rem; list-style: none; margin: 0; padding: 0; }
main { padding: 1rem 1.25rem 3rem; max-width: 110rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: .25rem 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.25rem 0 .5rem; }
.meta { color: var(--muted); margin: 0 0 .75rem; }
.status { min-height: 1.5rem; margin: .25rem 0; }
.status.gone { padding: .5rem .75rem; border: 2px solid var(--error); background: var(--error-bg); color: var(--error); font-weight: 600; }
form.filter { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin: .5rem 0 1rem; }
form.filter input { font: inherit; padding: .3rem .5rem; min-width: 20rem; border: 1px solid #767676; border-radius: 3px; }
button, .button { font: inherit; padding: .3rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 3px; cursor: pointer; text-decoration: none; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f5f7fa; white-space: nowrap; }
td.num, th.num { text-align: right; }
.count-error { color: var(--error); font-weight: 600; }
.count-warning { color: var(--warning); font-weight: 600; }
.overdue { color: var(--error); font-weight: 600; }
.downloads { display: flex; gap: .75rem; flex-wrap: wrap; list-style: none; padding: 0; margin: .5rem 0; }
.problems ol { list-style: none; padding: 0; margin: 0; max-height: 16rem; overflow: auto; border: 1px solid var(--line); }
.problems li + li { border-top: 1px solid var(--line); }
a.problem { display: grid; grid-template-columns: 6.5rem 5.5rem 1fr auto; gap: .5rem; padding: .35rem .6rem; color: var(--fg); text-decoration: none; }
a.problem:hover, a.problem[aria-current] { background: #eef3fb; }
a.problem .sev { font-weight: 600; }
a.problem.error .sev { color: var(--error); }
a.problem.warning .sev { color: var(--warning); }
a.problem .rule { color: var(--muted); font-size: .9em; }
.panes { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem; }
@media (max-width: 60rem) { .panes { grid-template-columns: 1fr; } }
iframe.document { width: 100%; height: 80vh; border: 1px solid var(--line); background: #fff; }
.notice { padding: .6rem .8rem; border-left: 4px solid var(--error); background: var(--error-bg); }
.source { max-height: 80vh; overflow: auto; border: 1px solid var(--line); margin: 0; background: #fafafa;
  font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
.source code { display: block; padding: .25rem 0; min-width: max-content; }
.line { display: block; padding-right: .75rem; white-space: pre; }
.line::before { content: attr(data-n); display: inline-block; width: 4.5ch; margin-right: 1ch; padding-right: .5ch;
  text-align: right; color: #595959; border-right: 1px solid var(--line); user-select: none; }
.line:target, .line.hl { background: var(--hl); }
.line.hl-start { box-shadow: inset 4px 0 0 var(--error); }
mark.range { background: #f7c948; color: #000; outline: 1px solid #8a6100; }
.org svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
`;

function layout(ctx: PageContext, title: string, main: string, attrs: Record<string, string> = {}): string {
  const data = Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${t(ctx, 'preview.page.site')}</title>
<style nonce="${ctx.nonce}">${STYLE}</style>
</head>
<body${data} data-disconnected="${t(ctx, 'preview.page.disconnected')}">
<a class="skip" href="#main">${t(ctx, 'preview.page.skip')}</a>
<header class="site"><span class="brand">${t(ctx, 'preview.page.site')}</span>
<nav aria-label="${t(ctx, 'preview.page.nav')}"><ul>
<li><a href="/">${t(ctx, 'preview.page.navAll')}</a></li>
<li><a href="/org">${t(ctx, 'preview.page.navOrg')}</a></li>
</ul></nav></header>
<main id="main">
${main}
</main>
<script nonce="${ctx.nonce}">${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------- the list

export const SORT_KEYS = ['title', 'unit', 'id', 'errors', 'warnings', 'due'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ListQuery {
  q: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

/** The review due date: reviewed + the config's review period. */
export function reviewDue(entry: PreviewEntry): string | undefined {
  const { reviewed, reviewMonths } = entry.summary;
  return reviewed && reviewMonths !== undefined ? reviewDueDate(reviewed, reviewMonths) : undefined;
}

const searchText = (e: PreviewEntry): string =>
  [e.summary.title ?? '', ...e.summary.unit, e.summary.id, e.summary.file].join(' ').toLowerCase();

/** The entries the query shows, in its order (ties: by file). */
export function listed(
  entries: readonly PreviewEntry[],
  query: ListQuery,
  lang: MessageLang,
): PreviewEntry[] {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = entries.filter((e) => words.every((w) => searchText(e).includes(w)));
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  const value = (e: PreviewEntry): string | number => {
    switch (query.sort) {
      case 'title':
        return e.summary.title ?? '';
      case 'unit':
        return e.summary.unit.join(', ');
      case 'id':
        return e.summary.id;
      case 'errors':
        return e.errorCount;
      case 'warnings':
        return e.warningCount;
      case 'due':
        return reviewDue(e) ?? '9999-99-99';
    }
  };
  const sign = query.dir === 'desc' ? -1 : 1;
  return shown.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c =
      typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? sign * c : collator.compare(a.summary.file, b.summary.file);
  });
}

const COLUMN_IDS: Record<SortKey, MessageId> = {
  title: 'preview.page.colTitle',
  unit: 'preview.page.colUnit',
  id: 'preview.page.colId',
  errors: 'preview.page.colErrors',
  warnings: 'preview.page.colWarnings',
  due: 'preview.page.colDue',
};

/** A description page's address (a lone surrogate, which encodeURIComponent throws on, as U+FFFD). */
export const docHref = (key: string): string =>
  `/d/${encodeURIComponent(key.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))}`;

function listUrl(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  params.set('sort', query.sort);
  params.set('dir', query.dir);
  return `/?${params.toString()}`;
}

function tableHead(ctx: PageContext, query: ListQuery): string {
  return SORT_KEYS.map((key) => {
    const active = query.sort === key;
    const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
    const column = message(COLUMN_IDS[key], ctx.lang);
    const label = message('preview.page.sortBy', ctx.lang, {
      column,
      direction: message(dir === 'asc' ? 'preview.page.ascending' : 'preview.page.descending', ctx.lang),
    });
    const sort = active ? ` aria-sort="${query.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
    const arrow = active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : '';
    const num = key === 'errors' || key === 'warnings' ? ' class="num"' : '';
    return `<th scope="col"${num}${sort}><a href="${esc(listUrl({ ...query, sort: key, dir }))}" title="${esc(label)}">${esc(column)}</a><span aria-hidden="true">${arrow}</span></th>`;
  }).join('');
}

function tableRows(ctx: PageContext, rows: readonly PreviewEntry[]): string {
  const now = today();
  return rows
    .map((e) => {
      const due = reviewDue(e);
      const dueCell = !due
        ? t(ctx, 'preview.page.noReview')
        : due < now
          ? `<span class="overdue">${t(ctx, 'preview.page.overdue', { date: due })}</span>`
          : esc(due);
      const title = e.summary.title ? esc(e.summary.title) : t(ctx, 'preview.page.untitled');
      const errors = e.errorCount ? `<span class="count-error">${e.errorCount}</span>` : '0';
      const warnings = e.warningCount ? `<span class="count-warning">${e.warningCount}</span>` : '0';
      return `<tr data-text="${esc(searchText(e))}"><th scope="row"><a href="${esc(docHref(e.key))}">${title}</a></th><td>${esc(e.summary.unit.join(', '))}</td><td><code>${esc(e.summary.id)}</code></td><td class="num">${errors}</td><td class="num">${warnings}</td><td>${dueCell}</td></tr>`;
    })
    .join('\n');
}

export function indexPage(
  ctx: PageContext,
  entries: readonly PreviewEntry[],
  others: readonly Diagnostic[],
  query: ListQuery,
  failure?: string,
): string {
  const rows = listed(entries, query, ctx.lang);
  const head = tableHead(ctx, query);
  const body = tableRows(ctx, rows);
  const countTemplate = message('preview.page.count', ctx.lang, { shown: 2, total: entries.length });
  const empty =
    entries.length === 0 ? 'preview.page.none' : rows.length === 0 ? 'preview.page.noMatch' : undefined;
  const skipped = others.length
    ? `<h2>${t(ctx, 'preview.page.problems', countDiagnostics(others))}</h2>${problemList(ctx, others, false)}`
    : '';
  const main = `<h1>${t(ctx, 'preview.page.indexTitle')}</h1>
<p class="status" id="status" role="status" aria-live="polite">${failure ? esc(failure) : ''}</p>
<form class="filter" method="get" action="/" role="search">
<label for="q">${t(ctx, 'preview.page.filter')}</label>
<input id="q" name="q" type="search" value="${esc(query.q)}" placeholder="${t(ctx, 'preview.page.filterHint')}" autocomplete="off">
<input type="hidden" name="sort" value="${query.sort}"><input type="hidden" name="dir" value="${query.dir}">
<button type="submit">${t(ctx, 'preview.page.filter')}</button>
${query.q ? `<a href="${esc(listUrl({ ...query, q: '' }))}">${t(ctx, 'preview.page.filterClear')}</a>` : ''}
</form>
<div id="list" data-live>
<p id="count" data-template="${esc(countTemplate.replace(/^\d+/, '#shown#'))}">${t(ctx, 'preview.page.count', { shown: rows.length, total: entries.length })}</p>
${empty ? `<p>${t(ctx, empty)}</p>` : ''}
<table>
<caption>${t(ctx, 'preview.page.tableCaption')}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${skipped}
</div>`;
  return layout(ctx, t(ctx, 'preview.page.indexTitle'), main, { page: 'index' });
}

// ---------------------------------------------------------------- one description

function problemList(ctx: PageContext, list: readonly Diagnostic[], links: boolean): string {
  if (list.length === 0) return `<p>${t(ctx, 'preview.page.noProblems')}</p>`;
  const items = list.map((d) => {
    const sev = t(ctx, d.severity === 'error' ? 'preview.page.error' : 'preview.page.warning');
    const more = d.omitted ? ` ${t(ctx, 'preview.page.moreOmitted', { n: d.omitted })}` : '';
    const inner = `<span class="sev">${sev}</span><span class="pos" title="${t(ctx, 'preview.page.lineColumn', { line: d.line, column: d.column })}">${d.line}:${d.column}</span><span class="msg">${esc(d.message)}${more}</span><code class="rule">${esc(d.rule)}</code>`;
    if (!links) return `<li><span class="problem ${d.severity}">${esc(d.file)}: ${inner}</span></li>`;
    const data = `data-line="${d.line}" data-column="${d.column}" data-end-line="${d.endLine}" data-end-column="${d.endColumn}"`;
    return `<li><a class="problem ${d.severity}" href="#L${d.line}" ${data}>${inner}</a></li>`;
  });
  return `<ol>${items.join('\n')}</ol>`;
}

/** The source view shows at most this many lines, and stops at about this much markup. */
export const MAX_SOURCE_LINES = 20_000;
export const MAX_SOURCE_MARKUP = 2_000_000;

function sourceView(ctx: PageContext, entry: PreviewEntry, view: SourceView): string {
  if (!view.ok) {
    const reason =
      view.reason === 'tooLarge'
        ? message('preview.page.reasonTooLarge', ctx.lang, { limit: MAX_SOURCE_BYTES })
        : message('preview.page.reasonUnreadable', ctx.lang);
    return `<p class="notice">${t(ctx, 'preview.page.sourceUnavailable', { reason })}</p>`;
  }
  const lines = view.text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  // a file of a million short lines is not a page of a hundred megabytes: the first lines only
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; i < lines.length && i < MAX_SOURCE_LINES && size < MAX_SOURCE_MARKUP; i++) {
    const part = `<span class="line" id="L${i + 1}" data-n="${i + 1}"><span class="text">${esc(lines[i]!)}</span>\n</span>`;
    parts.push(part);
    size += part.length;
  }
  const cut =
    parts.length < lines.length
      ? `<p class="notice">${t(ctx, 'preview.page.sourceCut', { shown: parts.length, total: lines.length })}</p>`
      : '';
  const label = t(ctx, 'preview.page.sourceLabel', { file: entry.summary.file });
  return `<pre class="source" id="source-view" data-keep-scroll tabindex="0" aria-label="${label}"><code>${parts.join('')}</code></pre>${cut}`;
}

export interface DocumentState {
  /** The digest of the rendered HTML, or undefined while it cannot be rendered. */
  version: string | undefined;
  source: SourceView;
}

export function descriptionPage(ctx: PageContext, entry: PreviewEntry, state: DocumentState): string {
  const { summary } = entry;
  const title = summary.title ?? message('preview.page.untitled', ctx.lang);
  const href = docHref(entry.key);
  const counts = { errors: entry.errorCount, warnings: entry.warningCount };
  const document = state.version
    ? `<iframe class="document" src="${esc(href)}/document?v=${state.version}" title="${t(ctx, 'preview.page.documentFrame', { title })}" sandbox="allow-same-origin"></iframe>`
    : `<p class="notice">${t(ctx, 'preview.page.noDocument')}</p>`;
  // build refuses an id it cannot name a file by: no buttons for what would fail, and why
  const buildable = ID_PATTERN.test(summary.id);
  const buttons = buildable
    ? `<li><a class="button" href="${esc(href)}/pdf" download>${t(ctx, 'preview.page.downloadPdf')}</a></li>
<li><a class="button" href="${esc(href)}/docx" download>${t(ctx, 'preview.page.downloadDocx')}</a></li>`
    : `<li class="notice">${t(ctx, 'preview.page.noDownloads', { reason: message('build.idNotFileName', ctx.lang, { id: summary.id }) })}</li>`;
  const downloads = state.version
    ? `<ul class="downloads" aria-label="${t(ctx, 'preview.page.downloads')}">
${buttons}
<li><a href="${esc(href)}/document" target="_blank" rel="noopener">${t(ctx, 'preview.page.openHtml')}</a></li>
</ul>`
    : '';
  const main = `<div id="head" data-live>
<h1>${esc(title)}</h1>
<p class="meta">${esc(summary.unit.join(', '))}${summary.unit.length ? ' · ' : ''}<code>${esc(summary.id)}</code> · ${t(ctx, 'preview.page.file')}: <code>${esc(summary.file)}</code></p>
${downloads}
</div>
<p class="status" id="status" role="status" aria-live="polite">${t(ctx, 'preview.page.live')}</p>
<section class="problems" id="problems" data-live aria-labelledby="problems-h">
<h2 id="problems-h">${t(ctx, 'preview.page.problems', counts)}</h2>
${entry.diagnostics.length ? `<p class="meta">${t(ctx, 'preview.page.problemsHelp')}</p>` : ''}
${problemList(ctx, entry.diagnostics, true)}
</section>
<div class="panes">
<section aria-labelledby="document-h">
<h2 id="document-h">${t(ctx, 'preview.page.document')}</h2>
<div id="document" data-live>${document}</div>
</section>
<section aria-labelledby="source-h">
<h2 id="source-h">${t(ctx, 'preview.page.source')}</h2>
<div id="source" data-live>${sourceView(ctx, entry, state.source)}</div>
</section>
</div>`;
  return layout(ctx, esc(title), main, { page: 'description', key: entry.key });
}

/** A description that was there and is gone: the live page shows this page's status. */
export function gonePage(ctx: PageContext, file: string): string {
  const main = `<h1>${t(ctx, 'preview.page.notFound')}</h1>
<p class="status gone" id="status" role="status" aria-live="polite">${t(ctx, 'preview.page.deleted', { file })} <a href="/">${t(ctx, 'preview.page.navAll')}</a></p>`;
  return layout(ctx, t(ctx, 'preview.page.notFound'), main, { page: 'gone' });
}

// ---------------------------------------------------------------- the chart and the errors

export function orgPage(ctx: PageContext, svg: string): string {
  const main = `<h1>${t(ctx, 'preview.page.orgTitle')}</h1>
<p>${t(ctx, 'preview.page.orgIntro')}</p>
<p class="status" id="status" role="status" aria-live="polite"></p>
<div class="org" id="org" data-live>${svg}</div>`;
  return layout(ctx, t(ctx, 'preview.page.orgTitle'), main, { page: 'org' });
}

export function errorPage(ctx: PageContext, title: string, text: string): string {
  const main = `<h1>${esc(title)}</h1>
<p class="status" id="status" role="status" aria-live="polite"></p>
<div id="error" data-live><p class="notice">${esc(text)}</p>
<p><a href="/">${t(ctx, 'preview.page.navAll')}</a></p></div>`;
  return layout(ctx, esc(title), main, { page: 'error' });
}
