/**
 * The preview in a real browser (Chromium driven by Playwright): the list, a description with its
 * document and problems, a click on a problem, a live edit on disk (new text, new problem, the
 * scroll position kept), a file deleted while shown, the filter without scripts, and axe-core
 * (WCAG 2.1 AA) on every page. With UPDATE_SCREENSHOTS=1 it saves docs/preview.png.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../src/preview/server.js';
import { axeViolations as axeOn, launchChromium, WCAG_21_AA } from './browser.js';
import { exampleFolder } from './preview-helpers.js';

const ROOT = resolve(import.meta.dirname, '..');

let browser: Browser;
let context: BrowserContext;
let preview: PreviewServer;
let dir: string;
/** What the pages wrote to the console as errors (a CSP violation shows there). */
const consoleErrors: string[] = [];

beforeAll(async () => {
  dir = exampleFolder();
  preview = await startPreview([], { cwd: dir, port: 0, lang: 'en', debounceMs: 50 });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error')
      consoleErrors.push(`${path}: ${m.text()} (${expect.getState().currentTestName})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(new URL(path, preview.url).href);
  return page;
}

/** axe-core's WCAG 2.1 AA violations of a page (injected in a context that lets it past the CSP). */
async function axeViolations(path: string): Promise<Array<{ id: string; nodes: string[] }>> {
  const ctx = await browser.newContext({ bypassCSP: true });
  try {
    const page = await ctx.newPage();
    await page.goto(new URL(path, preview.url).href);
    return await axeOn(page, WCAG_21_AA);
  } finally {
    await ctx.close();
  }
}

describe('the preview in Chromium', () => {
  it('lists the descriptions and follows a link to one: its document and its problems', async () => {
    const page = await open('/');
    expect(await page.title()).toBe('Job descriptions — job description preview');
    expect(await page.locator('tbody tr').count()).toBe(2);
    await page.getByRole('link', { name: 'Data Analyst' }).click();
    await page.waitForURL(/\/d\/data-analyst$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Data Analyst');
    const frame = page.frameLocator('iframe.document');
    await expect
      .poll(() => frame.locator('body').textContent(), { timeout: 10_000 })
      .toContain('reliable evidence');
    expect(await page.locator('#problems').textContent()).toContain('No problems.');
    // the document is the build's output: its own heading and its own stylesheet
    expect(await frame.locator('body').textContent()).toContain('Data Analyst');
    await page.close();
  });

  it('follows an edit on disk: new text and a new problem, the scroll position kept; a click marks the place', async () => {
    const page = await open('/d/data-analyst');
    await page.setViewportSize({ width: 1280, height: 700 });
    const frame = page.frameLocator('iframe.document');
    await expect
      .poll(() => frame.locator('body').textContent(), { timeout: 10_000 })
      .toContain('reliable evidence');
    await page.evaluate('window.scrollTo(0, 200)');
    await expect.poll(() => page.evaluate('window.scrollY')).toBe(200);
    const frameY = "document.querySelector('iframe.document').contentWindow.scrollY";
    await page.evaluate(`document.querySelector('iframe.document').contentWindow.scrollTo(0, 150)`);
    await expect.poll(() => page.evaluate(frameY)).toBe(150);
    const path = join(dir, 'data-analyst.md');
    const source = readFileSync(path, 'utf8')
      .replace('**reliable evidence**', '**trustworthy evidence**')
      .replace('## Purpose\n', '## Purpose\n\nSee <u>the raw tag</u> here.\n');
    const saved = Date.now();
    writeFileSync(path, source);
    await expect
      .poll(() => frame.locator('body').textContent(), { timeout: 5000 })
      .toContain('trustworthy evidence');
    await expect.poll(() => page.locator('#problems').textContent(), { timeout: 5000 }).toContain('raw-html');
    const took = Date.now() - saved;
    expect(took).toBeLessThan(3000); // a second of watching and compiling, plus the browser's polling
    expect(await page.evaluate('window.scrollY')).toBe(200);
    await expect.poll(() => page.evaluate(frameY)).toBe(150); // the document's own scroll, restored after its reload
    expect(page.url()).toMatch(/\/d\/data-analyst$/); // no reload: the same page, its parts swapped

    // the problem: a link (focusable), and a click marks its line in the source and its text
    const line = source.split('\n').findIndex((l) => l.includes('<u>')) + 1;
    const problem = page.locator('a.problem', { hasText: 'raw-html' }).first();
    expect(await problem.getAttribute('href')).toBe(`#L${line}`);
    expect(await problem.textContent()).toMatch(new RegExp(`warning${line}:\\d+`));
    await problem.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.line.hl').first().getAttribute('id')).toBe(`L${line}`);
    expect(await page.locator(`#L${line}`).getAttribute('class')).toContain('hl-start');
    expect(await page.locator(`#L${line} mark.range`).count()).toBe(1);
    expect(await problem.getAttribute('aria-current')).toBe('true');
    // the marked line is scrolled into the source view
    const visible = await page.evaluate(`(() => {
      const view = document.getElementById('source-view').getBoundingClientRect();
      const l = document.getElementById('L${line}').getBoundingClientRect();
      return l.top >= view.top && l.bottom <= view.bottom;
    })()`);
    expect(visible).toBe(true);
    // and the same words marked in the document
    expect(await frame.locator('mark[data-preview]').textContent()).toBe('See the raw tag here.');

    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(ROOT, 'docs', 'preview.png') });
    }

    // deleted while shown: the page says so
    rmSync(path);
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 5000 })
      .toContain('The file data-analyst.md is gone');
    writeFileSync(path, source);
    await page.close();
  });

  it('filters and sorts without scripts', async () => {
    const noScripts = await browser.newContext({ javaScriptEnabled: false });
    const page = await open('/', noScripts);
    await page.getByLabel('Filter').fill('kriis');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/\?q=kriis/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Id', exact: true }).click();
    await page.waitForURL(/sort=id/);
    expect(page.url()).toContain('q=kriis');
    await noScripts.close();
  });

  it('shows a new file on the list without a reload', async () => {
    const page = await open('/');
    await page.evaluate('window.marker = 1');
    const source = readFileSync(join(dir, 'data-analyst.md'), 'utf8');
    writeFileSync(
      join(dir, 'fresh.md'),
      source.replace('id: data-analyst', 'id: fresh').replace('title: Data Analyst', 'title: Fresh Title'),
    );
    await expect.poll(() => page.locator('tbody').textContent(), { timeout: 5000 }).toContain('Fresh Title');
    expect(await page.evaluate('window.marker')).toBe(1); // the same page: not reloaded
    rmSync(join(dir, 'fresh.md'));
    await expect
      .poll(() => page.locator('tbody').textContent(), { timeout: 5000 })
      .not.toContain('Fresh Title');
    await page.close();
  });

  it('a file deleted while shown: the page says so, and when it is back the banner goes and the page follows again', async () => {
    const path = join(dir, 'returning.md');
    const source = readFileSync(join(dir, 'data-analyst.md'), 'utf8');
    const text = source
      .replace('id: data-analyst', 'id: returning')
      .replace('title: Data Analyst', 'title: Returning');
    writeFileSync(path, text);
    await expect.poll(() => preview.project.get('returning') !== undefined, { timeout: 5000 }).toBe(true);
    const page = await open('/d/returning');
    await page.waitForTimeout(300); // the event stream is open
    rmSync(path);
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 5000 })
      .toContain('The file returning.md is gone');
    expect(await page.locator('#status').getAttribute('class')).toContain('gone');
    writeFileSync(path, text.replace('title: Returning', 'title: Returned'));
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 5000 }).toBe('Returned');
    expect(await page.locator('#status').textContent()).toBe('The page updates when the file is saved.');
    expect(await page.locator('#status').getAttribute('class')).toBe('status');
    rmSync(path);
    await page.close();
  });

  it('filters as one types with the script', async () => {
    const page = await open('/');
    await page.getByLabel('Filter').fill('analyst');
    await expect.poll(() => page.locator('tbody tr:not([hidden])').count()).toBe(1);
    expect(page.url()).toContain('q=analyst');
    await page.close();
  });

  it('has no axe-core violations (WCAG 2.1 AA) on the list, a description and the chart page', async () => {
    expect(await axeViolations('/')).toEqual([]);
    expect(await axeViolations('/d/data-analyst')).toEqual([]);
    expect(await axeViolations('/d/ekspert-kriisiabi')).toEqual([]);
    expect(await axeViolations('/org')).toEqual([]);
    expect(await axeViolations('/d/no-such-description')).toEqual([]);
  });

  it('says so when the server stops', async () => {
    const other = await startPreview([], { cwd: dir, port: 0, lang: 'en' });
    const page = await context.newPage();
    await page.goto(other.url);
    await expect.poll(() => page.evaluate('document.readyState')).toBe('complete');
    await page.waitForTimeout(300); // the event stream is open
    await other.close();
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 5000 })
      .toContain('The connection to the preview server is lost');
    await page.close();
  });

  it('logged no errors (no script or style blocked by the CSP)', () => {
    expect(consoleErrors.filter((e) => !/status of 40[49]|status of 500/.test(e))).toEqual([]);
  });
});
