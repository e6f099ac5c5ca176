/**
 * Chromium for the output tests (Debian's, driven by playwright-core) and axe-core run in a page:
 * one launch and one axe call for every test that checks pages in a real browser.
 */
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
export const CHROMIUM = '/usr/bin/chromium';
export const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
/** The axe-core tags of WCAG 2.1 level AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Headless Chromium without sandbox, network chatter, updates or a first-run page. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface AxeViolation {
  id: string;
  /** The HTML of each failing node (the first 120 characters). */
  nodes: string[];
}

/**
 * axe-core's violations of the page as loaded (of the rules with `tags`, else of all). The page's
 * context must let the script past the page's CSP (`bypassCSP: true`).
 */
export async function axeViolations(page: Page, tags?: readonly string[]): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const options = tags ? JSON.stringify({ runOnly: { type: 'tag', values: tags } }) : '{}';
  return page.evaluate(
    `axe.run(document, ${options})
      .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 120)) })))`,
  );
}
