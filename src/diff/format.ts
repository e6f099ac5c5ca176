/**
 * A change report as text (a terminal's), JSON (the shape documented in src/model/changes.ts) and a
 * standalone HTML page. The PDF is in ./pdf.ts.
 */
import { createHash } from 'node:crypto';
import pc from 'picocolors';
import type { Change, ChangeReport, PartChanges, VersionInfo } from '../model/changes.js';
import { terminalSafe } from '../util/terminal.js';
import { escapeXml } from '../util/xml.js';
import { REPORT_WORDS } from './labels.js';
import { present, type Entry } from './present.js';

export type ChangeFormat = 'text' | 'json' | 'html' | 'pdf';
export const CHANGE_FORMATS: readonly ChangeFormat[] = ['text', 'json', 'html', 'pdf'];

/** Old and new text on one line ("oli → on") when both are at most this long. */
const INLINE_LIMIT = 60;

export interface TextOptions {
  /** Colour the kinds of change (only for a terminal that wants colour: the CLI decides). */
  color?: boolean;
}

/** The report as plain text for a terminal: every text from the files made safe to print. */
export function formatText(report: ChangeReport, options: TextOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const paint: Record<Entry['kind'], (s: string) => string> = {
    added: c.green,
    removed: c.red,
    changed: c.yellow,
    moved: c.cyan,
  };
  const words = REPORT_WORDS[report.lang];
  const safe = (s: string): string => terminalSafe(s);
  const p = present(report);
  const out: string[] = [c.bold(safe(p.heading)), safe(p.document)];
  out.push(p.versions.map((v) => `${v.label}: ${safe(v.value)}`).join(' · '));
  if (p.summary) out.push('', safe(p.summary));
  const write = (e: Entry, depth: number): void => {
    const pad = '  '.repeat(depth);
    const head = paint[e.kind](safe(e.head));
    if (e.was !== undefined && e.now !== undefined) {
      if (e.was.length <= INLINE_LIMIT && e.now.length <= INLINE_LIMIT)
        out.push(`${pad}${head}: ${safe(e.was)} → ${safe(e.now)}`);
      else {
        out.push(`${pad}${head}:`);
        out.push(`${pad}  ${c.dim(`${words.was}:`)} ${safe(e.was)}`);
        out.push(`${pad}  ${c.dim(`${words.now}:`)} ${safe(e.now)}`);
      }
    } else out.push(e.text !== undefined ? `${pad}${head}: ${safe(e.text)}` : `${pad}${head}`);
    for (const d of e.details) write(d, depth + 1);
  };
  for (const part of p.parts) {
    out.push('', c.bold(safe(part.label)));
    for (const e of part.entries) write(e, 1);
  }
  return `${out.join('\n')}\n`;
}

function changeJson(c: Change): Change {
  const out: Change = { kind: c.kind, subject: c.subject };
  if (c.name !== undefined) out.name = c.name;
  if (c.index !== undefined) out.index = c.index;
  if (c.oldIndex !== undefined) out.oldIndex = c.oldIndex;
  if (c.old !== undefined) out.old = c.old;
  if (c.new !== undefined) out.new = c.new;
  if (c.details?.length) out.details = c.details.map(changeJson);
  return out;
}

function versionJson(v: VersionInfo): VersionInfo {
  const out: Partial<VersionInfo> = {};
  for (const key of ['version', 'reviewed', 'ref', 'commit', 'commitDate', 'path'] as const)
    if (v[key] !== undefined) out[key] = v[key];
  out.label = v.label;
  return out as VersionInfo;
}

/** The report as JSON, keys in the documented order (src/model/changes.ts), ending in a newline. */
export function formatJson(report: ChangeReport): string {
  const parts: PartChanges[] = report.parts.map((p) => ({
    part: p.part,
    label: p.label,
    changes: p.changes.map(changeJson),
  }));
  const out: ChangeReport = {
    format: report.format,
    formatVersion: report.formatVersion,
    id: report.id,
    lang: report.lang,
    title: report.title,
    ...(report.old ? { old: versionJson(report.old) } : {}),
    new: versionJson(report.new),
    status: report.status,
    parts,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const STYLE = [
  'body{font-family:"Source Sans 3","Source Sans Pro",system-ui,sans-serif;line-height:1.45;color:#1a1a1a;margin:2rem auto;max-width:48rem;padding:0 1rem}',
  'h1{font-size:1.5rem;margin-bottom:.25rem}',
  'h2{font-size:1.15rem;margin-top:1.75rem;border-bottom:1px solid #ccc}',
  'ul{padding-left:1.25rem}',
  'li{margin:.35rem 0}',
  '.kind{font-weight:600}',
  '.added{color:#0b6e2b}.removed{color:#a61b1b}.changed{color:#7a5200}.moved{color:#1d4f91}',
  'del{color:#a61b1b}ins{color:#0b6e2b;text-decoration:none}',
  '.label{color:#555}',
  'dl.versions{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dl.versions dd{margin:0}',
].join('\n');

const STYLE_TEXT = `\n${STYLE}\n`;
/** Nothing runs and nothing is fetched: only the page's own style sheet applies (as the HTML renderer's pages). */
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE_TEXT).digest('base64')}' 'unsafe-inline'; base-uri 'none'; form-action 'none'`;

/** The report as a standalone HTML5 page (no scripts, no outside resources; every text escaped). */
export function formatHtml(report: ChangeReport): string {
  const e = (s: string): string => escapeXml(s, { quotes: false });
  const words = REPORT_WORDS[report.lang];
  const p = present(report);
  const item = (x: Entry): string => {
    const head = `<span class="kind ${x.kind}">${e(x.head)}</span>`;
    let body: string;
    if (x.was !== undefined && x.now !== undefined)
      body =
        `${head}<br><span class="label">${e(words.was)}:</span> <del>${e(x.was)}</del>` +
        `<br><span class="label">${e(words.now)}:</span> <ins>${e(x.now)}</ins>`;
    else if (x.text !== undefined) {
      const text =
        x.kind === 'added'
          ? `<ins>${e(x.text)}</ins>`
          : x.kind === 'removed'
            ? `<del>${e(x.text)}</del>`
            : e(x.text);
      body = `${head}: ${text}`;
    } else body = head;
    const inner = x.details.length ? `<ul>${x.details.map(item).join('')}</ul>` : '';
    return `<li>${body}${inner}</li>\n`;
  };
  const sections = p.parts.map(
    (part, i) =>
      `<section aria-labelledby="part-${i + 1}">\n<h2 id="part-${i + 1}">${e(part.label)}</h2>\n<ul>\n${part.entries.map(item).join('')}</ul>\n</section>`,
  );
  const versions = p.versions.map((v) => `<dt>${e(v.label)}</dt><dd>${e(v.value)}</dd>`).join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(report.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`${p.heading} · ${report.title}`)}</title>`,
    `<style>${STYLE_TEXT}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${e(p.heading)}</h1>`,
    `<p>${e(p.document)}</p>`,
    `<dl class="versions">${versions}</dl>`,
    ...(p.summary ? [`<p><strong>${e(p.summary)}</strong></p>`] : []),
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
