/**
 * The HTML renderer, judged on its real output: the bytes it writes, the page Chromium makes of
 * them (text, DOM, axe-core, print to PDF) and the Nu HTML Checker.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Nodes as MdastNodes } from 'mdast';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../src/compiler/compile.js';
import { provenanceOf } from '../src/model/fingerprint.js';
import { shortCode } from '../src/util/provenance.js';
import type { JobDescription } from '../src/model/types.js';
import { buildOutline, inlineText } from '../src/render/common/outline.js';
import { renderHtml } from '../src/render/html/index.js';
import { CHROMIUM, launchChromium } from './browser.js';
import type { RenderOptions } from '../src/render/types.js';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCE = join(ROOT, 'examples', 'ekspert-kriisiabi.md');
const ENGLISH = join(ROOT, 'examples', 'data-analyst.md');
const INJECTION = join(ROOT, 'test', 'fixtures', 'html', 'injection.md');
/** An official (ametnik) with an approval, three general fields, duties without results, no employee name. */
const OFFICIAL = join(ROOT, 'test', 'fixtures', 'html', 'official.md');
const VNU_JAR = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const JAVA = '/usr/bin/java';
const OPTIONS: RenderOptions = { date: new Date(Date.UTC(2026, 2, 1)), toolVersion: '0.1.0-test' };
/** The options a driver passes: with the provenance (its meta elements and the document code are checked too). */
const optionsFor = (model: JobDescription): RenderOptions => ({
  ...OPTIONS,
  provenance: provenanceOf(model, OPTIONS.toolVersion),
});

interface Rendered {
  model: JobDescription;
  bytes: Uint8Array;
  html: string;
  file: string;
}

let outDir: string;
let browser: Browser;
let context: BrowserContext;
const rendered = new Map<string, Rendered>();

/** A checker must be installed (the output suite's setup has said which are missing): fail at once. */
function requireTool(path: string): void {
  if (!existsSync(path)) throw new Error(`${path} is not installed`);
}

function compileOrFail(path: string): JobDescription {
  const result = compileFile(path, { cwd: ROOT });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
  if (!result.model) throw new Error(`${path} did not compile`);
  return result.model;
}

async function renderToFile(path: string): Promise<Rendered> {
  const model = compileOrFail(path);
  const bytes = await renderHtml(model, optionsFor(model));
  const file = join(outDir, `${model.id}.html`);
  writeFileSync(file, bytes);
  const r: Rendered = { model, bytes, html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), file };
  rendered.set(path, r);
  return r;
}

/** Dialogs (alert, confirm, print) any page opened: an injected script would show up here. */
const dialogs: string[] = [];

async function open(r: Rendered): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(r.file).href);
  return page;
}

/**
 * Runs JavaScript in the page. The code is a string because this project's TypeScript has no DOM
 * library; the caller states the shape of the result.
 */
async function evaluate<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

interface VnuRun {
  exitCode: number;
  /** Error messages by file URL. */
  messages: Map<string, string[]>;
}

let vnuRun: Promise<VnuRun> | undefined;

/** Runs the Nu HTML Checker once over every rendered page (one JVM start instead of one per file). */
function vnuAll(): Promise<VnuRun> {
  vnuRun ??= (async () => {
    requireTool(JAVA);
    const files = [...rendered.values()].map((r) => r.file);
    let exitCode = 0;
    let output: string;
    try {
      const { stdout, stderr } = await run(JAVA, [
        '-jar',
        VNU_JAR,
        '--errors-only',
        '--format',
        'json',
        ...files,
      ]);
      output = stdout.trim() || stderr;
    } catch (e) {
      const failed = e as { code?: number; stdout?: string; stderr?: string };
      exitCode = typeof failed.code === 'number' ? failed.code : 1;
      output = failed.stdout?.trim() || failed.stderr || '{"messages":[]}';
    }
    const report = JSON.parse(output) as {
      messages: Array<{ url?: string; type: string; message: string; extract?: string }>;
    };
    const messages = new Map<string, string[]>();
    for (const m of report.messages) {
      const key = m.url ?? '';
      messages.set(key, [...(messages.get(key) ?? []), `${m.type}: ${m.message} ${m.extract ?? ''}`]);
    }
    return { exitCode, messages };
  })();
  return vnuRun;
}

/** The Nu HTML Checker's errors for a file. */
async function vnuMessages(file: string): Promise<string[]> {
  const { messages } = await vnuAll();
  return [...messages].filter(([url]) => url === '' || url.endsWith(file)).flatMap(([, list]) => list);
}

/** axe-core's violations for a rendered page, in headless Chromium. */
async function axeViolations(r: Rendered): Promise<Array<{ id: string; nodes: string[] }>> {
  const page = await open(r);
  await page.addScriptTag({ path: AXE });
  const violations = await evaluate<Array<{ id: string; nodes: string[] }>>(
    page,
    `axe.run().then((result) => result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) })))`,
  );
  await page.close();
  return violations;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Plain text of an mdast node, blocks separated by spaces. */
function mdText(node: MdastNodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('children' in node)
    return node.children.map((c) => mdText(c as MdastNodes)).join(node.type === 'paragraph' ? '' : ' ');
  return '';
}

/** Every paragraph's text in some blocks (list items included). */
function paragraphs(nodes: readonly MdastNodes[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph' || node.type === 'heading') out.push(squash(mdText(node)));
    else if ('children' in node) out.push(...paragraphs(node.children as MdastNodes[]));
  }
  return out;
}

/** Everything a reader must find on the page, from the model and the shared outline. */
function expectedTexts(model: JobDescription): string[] {
  const outline = buildOutline(model);
  const texts: string[] = [outline.documentTitle, `${outline.general.number}. ${outline.general.title}`];
  if (outline.organisation) texts.push(outline.organisation);
  for (const f of outline.general.fields) texts.push(`${f.number} ${f.label}`, f.value);
  for (const s of outline.sections) {
    texts.push(`${s.number}. ${s.title}`);
    if (s.kind === 'prose') texts.push(...paragraphs(s.blocks));
    if (s.kind === 'duties') {
      texts.push(...paragraphs(s.duties.intro));
      if (s.duties.hasResults) texts.push(outline.labels.dutiesTask, outline.labels.dutiesResults);
      s.duties.duties.forEach((d, i) => {
        texts.push(`${s.number}.${i + 1} ${squash(inlineText(d.task))}`, ...paragraphs(d.more));
        texts.push(...d.results.map((r) => squash(inlineText(r))));
      });
    }
    if (s.kind === 'requirements') {
      for (const item of s.items) {
        texts.push(item.label, ...item.paragraphs, ...item.bullets);
        for (const c of item.competencies) texts.push(c.name, ...c.indicators);
      }
    }
  }
  for (const slot of outline.signatures.slots) {
    texts.push(slot.label, slot.note);
    if (slot.name) texts.push(slot.name);
    if (slot.role) texts.push(slot.role);
  }
  return texts.map(squash).filter(Boolean);
}

/** Decodes character references the way an HTML parser does in text and attribute values. */
function decodeEntities(s: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    colon: ':',
    Tab: '\t',
    NewLine: '\n',
    sol: '/',
    lpar: '(',
    rpar: ')',
    nbsp: '\u00a0',
  };
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return named[ref] ?? m;
  });
}

interface Tag {
  name: string;
  attributes: Array<[name: string, value: string]>;
}

/**
 * The start tags of a serialised page with their attributes (values decoded), read with the HTML
 * tokenizer's rules for quoted and unquoted values; raw text elements are skipped to their end tag.
 */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  const isSpace = (c: string | undefined): boolean => c !== undefined && /[\t\n\f\r ]/.test(c);
  while ((i = html.indexOf('<', i)) >= 0) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const next = html[i + 1] ?? '';
    if (!/[a-z]/i.test(next)) {
      i = Math.max(html.indexOf('>', i), i + 1);
      continue;
    }
    let j = i + 1;
    while (j < html.length && !isSpace(html[j]) && html[j] !== '>' && html[j] !== '/') j++;
    const tag: Tag = { name: html.slice(i + 1, j).toLowerCase(), attributes: [] };
    for (;;) {
      while (isSpace(html[j]) || html[j] === '/') j++;
      if (j >= html.length || html[j] === '>') break;
      const nameStart = j;
      while (j < html.length && !isSpace(html[j]) && !['=', '>', '/'].includes(html[j] ?? '')) j++;
      const name = html.slice(nameStart, j).toLowerCase();
      while (isSpace(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (isSpace(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end);
          j = end + 1;
        } else {
          const start = j;
          while (j < html.length && !isSpace(html[j]) && html[j] !== '>') j++;
          value = html.slice(start, j);
        }
      }
      tag.attributes.push([name, decodeEntities(value)]);
    }
    tags.push(tag);
    i = j + 1;
    if (['style', 'script', 'title', 'textarea'].includes(tag.name)) {
      const end = html.toLowerCase().indexOf(`</${tag.name}`, i);
      i = end < 0 ? html.length : end;
    }
  }
  return tags;
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ametijuhend-html-'));
  requireTool(CHROMIUM);
  browser = await launchChromium();
  // The page's Content-Security-Policy forbids every script: axe-core can only be injected past it.
  context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  for (const path of [REFERENCE, ENGLISH, OFFICIAL, INJECTION]) await renderToFile(path);
});

afterAll(async () => {
  expect(dialogs).toEqual([]);
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function get(path: string): Rendered {
  const r = rendered.get(path);
  if (!r) throw new Error(`${path} was not rendered`);
  return r;
}

describe.each([
  ['the reference document', REFERENCE],
  ['the English example', ENGLISH],
  ['an official with an approval', OFFICIAL],
])('%s', (_name, path) => {
  it('shows every task, result, requirement, competency, general field, heading and signatory', async () => {
    const r = get(path);
    const page = await open(r);
    const text = squash(await evaluate<string>(page, `document.body.textContent`));
    const missing = expectedTexts(r.model).filter((t) => !text.includes(t));
    expect(missing).toEqual([]);
    await page.close();
  });

  it('is a standalone, semantic, script-free page', async () => {
    const r = get(path);
    expect(r.html.startsWith('<!doctype html>')).toBe(true);
    const page = await open(r);
    const outline = buildOutline(r.model);
    const dom = await evaluate<{
      lang: string;
      charset: string;
      title: string;
      h1: string[];
      h2: string[];
      landmarks: number[];
      scripts: number;
      colHeaders: string[];
      rows: number;
      resultItems: number[];
      taskItems: number;
      general: string[][];
      meta: Record<string, string>;
      styles: number;
      pageRule: boolean;
      printRule: boolean;
    }>(
      page,
      `({
      lang: document.documentElement.lang,
      charset: document.characterSet,
      title: document.title,
      h1: [...document.querySelectorAll('h1')].map((e) => e.textContent),
      h2: [...document.querySelectorAll('main h2')].map((e) => e.textContent),
      landmarks: ['body > header', 'body > main', 'body > footer'].map((s) => document.querySelectorAll(s).length),
      scripts: document.querySelectorAll('script, noscript, iframe, object, embed').length,
      colHeaders: [...document.querySelectorAll('table.duties thead th')].map((th) => th.getAttribute('scope')),
      rows: document.querySelectorAll('table.duties tbody tr').length,
      resultItems: [...document.querySelectorAll('table.duties tbody tr')].map((tr) => tr.querySelectorAll('td:nth-child(2) ul > li').length),
      taskItems: document.querySelectorAll('ol.tasks > li').length,
      general: [...document.querySelectorAll('dl.general > div')].map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]),
      meta: Object.fromEntries(
        [...document.querySelectorAll('meta[name]')].map((m) => [m.getAttribute('name'), m.getAttribute('content')]),
      ),
      styles: document.querySelectorAll('style').length,
      pageRule: [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule instanceof CSSPageRule)),
      printRule: [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule instanceof CSSMediaRule && rule.conditionText === 'print'),
      ),
    })`,
    );
    await page.close();

    expect(dom.lang).toBe(r.model.lang);
    expect(dom.charset).toBe('UTF-8');
    expect(dom.title).toContain(r.model.title);
    expect(dom.h1).toEqual([outline.documentTitle]);
    expect(dom.h2.map(squash)).toEqual([
      `1. ${outline.general.title}`,
      ...outline.sections.map((s) => `${s.number}. ${s.title}`),
      outline.signatures.lead,
    ]);
    expect(dom.landmarks).toEqual([1, 1, 1]);
    expect(dom.scripts).toBe(0);
    const duties = r.model.sections.duties;
    if (duties?.hasResults) {
      expect(dom.colHeaders).toEqual(['col', 'col']);
      expect(dom.rows).toBe(duties.duties.length);
      expect(dom.resultItems).toEqual(duties.duties.map((d) => d.results.length));
    } else {
      expect(dom.colHeaders).toEqual([]);
      expect(dom.taskItems).toBe(duties?.duties.length);
    }
    expect(dom.general).toEqual(outline.general.fields.map((f) => [`${f.number} ${f.label}`, f.value]));
    expect(dom.meta.generator).toBe('ametijuhend 0.1.0-test');
    expect(dom.meta.author).toBe(r.model.organisation);
    expect(dom.meta.description).toContain(r.model.title);
    expect(dom.meta['dcterms.modified']).toBe('2026-03-01');
    expect(dom.styles).toBe(1);
    expect(dom.pageRule).toBe(true);
    expect(dom.printRule).toBe(true);
    expect(r.html).toMatch(/@page\s*\{\s*size:\s*A4;/);
    expect(r.html).not.toMatch(/<script/i);
    expect(startTags(r.html).flatMap((t) => t.attributes.filter(([n]) => /^on/.test(n)))).toEqual([]);
  });

  it('is valid HTML (vnu) and has no axe-core violations', async () => {
    const r = get(path);
    expect(await vnuMessages(r.file)).toEqual([]);
    expect(await axeViolations(r)).toEqual([]);
  });

  it('is reproducible: the same input gives the same bytes', async () => {
    const r = get(path);
    const again = await renderHtml(r.model, optionsFor(r.model));
    expect(Buffer.from(again).equals(Buffer.from(r.bytes))).toBe(true);
    const model = compileOrFail(path);
    const recompiled = await renderHtml(model, {
      date: new Date(OPTIONS.date),
      toolVersion: OPTIONS.toolVersion,
      provenance: provenanceOf(model, OPTIONS.toolVersion),
    });
    expect(Buffer.from(recompiled).equals(Buffer.from(r.bytes))).toBe(true);
  });
});

describe('the reference document', () => {
  it('reads like the signed original', async () => {
    const r = get(REFERENCE);
    const page = await open(r);
    const visible = squash(await evaluate<string>(page, `document.body.innerText`));
    await page.close();
    for (const text of [
      'AMETIJUHEND',
      'Sotsiaalkindlustusamet',
      '1. ÜLDOSA',
      '1.1 Ametinimetus',
      'Ekspert (psühhosotsiaalne kriisiabi)',
      '1.2 Struktuuriüksus',
      'Ohvriabi ja ennetusteenuste osakond, Arendustalitus',
      '1.5 Keda asendab',
      'Tiimijuht, koordinaator',
      '2. TÖÖKOHA EESMÄRK',
      '3. TÖÖÜLESANDED',
      'Põhiülesanded',
      'Oodatavad tulemused',
      '3.11 Vahetu juhi antud muude ühekordsete ülesannete täitmine.',
      '4. ÕIGUSED',
      '7. TÖÖKOHALE ESITATAVAD NÕUDED',
      'Valdab eesti keelt vähemalt tasemel C1.',
      'Valdab inglise või vene keelt vähemalt tasemel B1.',
      'Kliendikesksus',
      'Lähtub töös kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest.',
      'Teadmised projektijuhtimise põhimõtetest.',
      '8. AMETIJUHENDI MUUTMINE',
      'Tööandja',
      'Maret Maripuu',
      'Töötaja',
      'Helen Raja',
      '(allkirjastatud digitaalselt)',
    ]) {
      expect(visible).toContain(text);
    }
  });

  it('prints to A4 with running footers and page numbers, the signature block on one page', async () => {
    const r = get(REFERENCE);
    const page = await open(r);
    const pdfFile = join(outDir, 'reference.pdf');
    await page.pdf({ path: pdfFile, format: 'A4', preferCSSPageSize: true });
    await page.close();
    const { stdout } = await run('pdftotext', ['-layout', pdfFile, '-']);
    const pages = stdout.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(squash(p)).toContain(`lk ${i + 1} / ${pages.length}`);
      expect(squash(p)).toContain('Sotsiaalkindlustusamet · Ekspert (psühhosotsiaalne kriisiabi)');
    });
    const last = squash(pages[pages.length - 1] ?? '');
    for (const text of ['Tööandja', 'Maret Maripuu', 'Töötaja', 'Helen Raja']) expect(last).toContain(text);
    expect(last.split('(allkirjastatud digitaalselt)').length - 1).toBe(2);
    // the document code after the signatures, on the last page only
    const code = `Dokumendi kood: ${shortCode(provenanceOf(r.model, OPTIONS.toolVersion).fingerprint)}`;
    expect(pages.map((p) => squash(p).includes(code))).toEqual(pages.map((_p, i) => i === pages.length - 1));
  });
});

describe('the English example', () => {
  it('keeps inline emphasis, links and code, in English', async () => {
    const r = get(ENGLISH);
    const page = await open(r);
    const dom = await evaluate<{
      strong: string[];
      em: string[];
      code: string[];
      links: string[][];
      visible: string;
    }>(
      page,
      `({
      strong: [...document.querySelectorAll('main strong')].map((e) => e.textContent),
      em: [...document.querySelectorAll('main em')].map((e) => e.textContent),
      code: [...document.querySelectorAll('main code')].map((e) => e.textContent),
      links: [...document.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent, a.getAttribute('rel')]),
      visible: document.body.innerText,
    })`,
    );
    await page.close();
    expect(dom.strong).toContain('reliable evidence');
    expect(dom.em).toContain('accurate and timely');
    expect(dom.code).toContain('SQL');
    expect(dom.links).toEqual([['https://www.sm.ee/', 'Ministry of Social Affairs', 'noopener noreferrer']]);
    const visible = squash(dom.visible);
    for (const text of [
      'JOB DESCRIPTION',
      '1. GENERAL',
      '3. DUTIES',
      'Main tasks',
      'Expected results',
      '3.2 Analysing the effect of policy changes, on request of the Ministry of Social Affairs.',
      'Command of Estonian at level B2 or higher.',
      'Command of English at level C1 or higher.',
      'Data visualisation',
      'Chooses the chart that fits the question.',
      'Employer',
      'Mari Maasikas',
      'Director General',
      'Jaan Tamm',
      '(signed digitally)',
      'Version 1.0',
    ]) {
      expect(visible).toContain(text);
    }
  });
});

describe('an official with an approval', () => {
  it('shows the approval, the official purpose heading and a blank line to sign on', async () => {
    const r = get(OFFICIAL);
    const page = await open(r);
    const dom = await evaluate<{ visible: string; approval: string; blanks: number; general: string[] }>(
      page,
      `({
        visible: document.body.innerText,
        approval: document.querySelector('header .approval')?.textContent ?? '',
        blanks: document.querySelectorAll('.signature .blank').length,
        general: [...document.querySelectorAll('dl.general dt')].map((dt) => dt.textContent),
      })`,
    );
    await page.close();
    const visible = squash(dom.visible);
    for (const text of [
      'KINNITATUD',
      '15.02.2026 käskkirjaga nr 1-2/34',
      '2. AMETIKOHA EESMÄRK',
      '3.2 Õigusalane nõustamine.',
      'Vajadusel kirjalikult.',
      'Erivastutus',
      'Kinnitaja',
      'Peadirektor Mari Maasikas',
      'Ametijuhendiga tutvunud',
    ]) {
      expect(visible).toContain(text);
    }
    expect(squash(dom.approval)).toContain('Peadirektor Mari Maasikas');
    expect(dom.blanks).toBe(1);
    expect(dom.general).toEqual(['1.1 Ametinimetus', '1.2 Struktuuriüksus', '1.3 Vahetu juht']);
  });
});

describe('a source full of injection attempts', () => {
  it('compiles with warnings for the raw HTML, not errors', () => {
    const result = compileFile(INJECTION, { cwd: ROOT });
    expect(result.errorCount).toBe(0);
    expect(result.model).toBeDefined();
    expect(result.warningCount).toBeGreaterThan(0);
  });

  it('writes no active content into the bytes', () => {
    const { html } = get(INJECTION);
    for (const tag of [
      'script',
      'iframe',
      'object',
      'embed',
      'img',
      'svg',
      'math',
      'form',
      'base',
      'link',
      'frame',
    ]) {
      expect(html, tag).not.toMatch(new RegExp(`<${tag}[\\s/>]`, 'i'));
    }
    expect(html.match(/<style[\s>]/gi)).toHaveLength(1);
    const decoded = decodeEntities(html);
    expect(decoded).not.toMatch(/javascript\s*:/i);
    expect(decoded).not.toMatch(/vbscript\s*:/i);

    const tags = startTags(html);
    expect(tags.filter((t) => t.name === 'style')).toHaveLength(1);
    const attributes = tags.flatMap((t) =>
      t.attributes.map(([name, value]) => ({ tag: t.name, name, value })),
    );
    expect(attributes.filter((a) => /^on/.test(a.name))).toEqual([]);
    expect(
      attributes.filter((a) =>
        ['style', 'src', 'srcdoc', 'srcset', 'action', 'formaction', 'xlink:href'].includes(a.name),
      ),
    ).toEqual([]);
    const hrefs = attributes.filter((a) => a.name === 'href').map((a) => a.value);
    expect(hrefs).toEqual(['https://example.com/?q=1&r=2', 'mailto:info@example.com']);
    // The only http-equiv is the page's own script-forbidding Content-Security-Policy.
    const httpEquiv = attributes.filter((a) => a.name === 'http-equiv').map((a) => a.value);
    expect(httpEquiv).toEqual(['Content-Security-Policy']);
  });

  it('shows the frontmatter strings as text, escaped', async () => {
    const r = get(INJECTION);
    expect(r.html).toContain('&#x3C;script>alert(1)&#x3C;/script> Ekspert');
    const page = await open(r);
    const dom = await evaluate<{
      title: string;
      organisation: string;
      jobTitle: string;
      text: string;
      active: number;
      handlers: string[];
      hrefs: string[];
      styles: number;
      pageRule: boolean;
      bodyShown: string;
    }>(
      page,
      `({
      title: document.title,
      organisation: document.querySelector('header .organisation')?.textContent,
      jobTitle: document.querySelector('dl.general dd')?.textContent,
      text: document.body.textContent ?? '',
      active: document.querySelectorAll('script, iframe, object, embed, img, svg, frame, form').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name).filter((n) => /^on/i.test(n))),
      hrefs: [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href')),
      styles: document.querySelectorAll('style').length,
      pageRule: [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule instanceof CSSPageRule)),
      bodyShown: getComputedStyle(document.body).display,
    })`,
    );
    await page.close();
    expect(dom.title).toContain('<script>alert(1)</script> Ekspert');
    expect(dom.organisation).toBe('Amet</title><script>alert(1)</script>');
    expect(dom.jobTitle).toBe('<script>alert(1)</script> Ekspert');
    for (const text of [
      '<img src=x onerror=alert(1)>',
      'Talitus & „osakond“ </style>', // typographic quotes in printed text
      '<a href=x onclick=alert(1)>klõps</a>',
    ]) {
      expect(dom.text).toContain(text);
    }
    // Unsafe links lose their target but keep their text; safe ones keep theirs.
    expect(squash(dom.text)).toContain('Lingid: x, y, z, e, h, v, d, t, n');
    expect(dom.active).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.hrefs).toEqual(['https://example.com/?q=1&r=2', 'mailto:info@example.com']);
    // The running footer carries the hostile organisation into the CSS: the stylesheet still parses.
    expect(dom.styles).toBe(1);
    expect(dom.pageRule).toBe(true);
    expect(dom.bodyShown).toBe('block');
  });

  it('is still valid HTML with no axe-core violations', async () => {
    const r = get(INJECTION);
    expect(await vnuMessages(r.file)).toEqual([]);
    expect(await axeViolations(r)).toEqual([]);
  });
});

describe('vnu exit status', () => {
  it('exits 0 for every rendered page', async () => {
    const { exitCode, messages } = await vnuAll();
    expect([...messages.values()].flat()).toEqual([]);
    expect(exitCode).toBe(0);
  });
});
