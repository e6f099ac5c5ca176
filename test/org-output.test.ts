/**
 * The organisation chart as Chromium draws it (an output test: it starts Chromium): the standalone
 * SVG opens as an image document, every line of text fits inside its box with the real fonts (the
 * widths are only estimated in src/preview/org-text.ts), and a page that embeds the chart under a
 * strict Content-Security-Policy has no axe-core violations (WCAG 2.1 AA) and links to each box.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgChartSvg } from '../src/preview/org.js';
import { axeViolations, CHROMIUM, launchChromium, WCAG_21_AA } from './browser.js';
import { PAD } from '../src/preview/org-style.js';
import type { DescriptionSummary, ReferenceKey } from '../src/validate/summary.js';

const POS = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };

function summary(
  id: string,
  title: string,
  unit: string[],
  refs: [ReferenceKey, string][],
  errorCount = 0,
): DescriptionSummary {
  return {
    file: `${id}.md`,
    id,
    title,
    unit,
    lang: 'et',
    references: refs.map(([key, value]) => ({ key, value, position: POS })),
    knownTitles: ['Peadirektor'],
    severities: {},
    errorCount,
    warningCount: 0,
  };
}

/** Long Estonian titles, wide letters, a cycle, an unknown title, errors, stacked reports. */
const REPO: DescriptionSummary[] = [
  summary(
    'juht',
    'Ohvriabi ja ennetusteenuste osakonna juhataja',
    ['Amet', 'Ohvriabi osakond'],
    [['reportsTo', 'Peadirektor']],
  ),
  summary(
    'mmm',
    'MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM',
    ['WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW'],
    [['reportsTo', 'Ohvriabi ja ennetusteenuste osakonna juhataja']],
  ),
  summary(
    'oigus',
    'Õigusnõunik (ŠÕÄÖÜŽ šõäöüž)',
    ['Amet', 'Õigus- ja järelevalveosakond'],
    [
      ['reportsTo', 'Tundmatu Ülemus'],
      ['substitutes', 'Kõrgeltkvalifitseeritudinfotehnoloogiaspetsialist'],
    ],
    3,
  ),
  summary(
    'pikk',
    'Kõrgeltkvalifitseeritudinfotehnoloogiaspetsialist',
    ['Amet'],
    [['reportsTo', 'Õigusnõunik (ŠÕÄÖÜŽ šõäöüž)']],
  ),
  summary('a', 'Tsükli esimene', [], [['reportsTo', 'Tsükli teine']]),
  summary('b', 'Tsükli teine', [], [['reportsTo', 'Tsükli esimene']]),
  ...Array.from({ length: 6 }, (_, i) =>
    summary(
      `ekspert-${i}`,
      `Ekspert (psühhosotsiaalne kriisiabi) ${i}`,
      ['Amet', 'Ohvriabi osakond'],
      [
        ['reportsTo', 'Ohvriabi ja ennetusteenuste osakonna juhataja'],
        ['substitutedBy', `Ekspert (psühhosotsiaalne kriisiabi) ${(i + 1) % 6}`],
      ],
    ),
  ),
];

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed`);
  dir = mkdtempSync(join(tmpdir(), 'ametijuhend-org-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Evaluates a script (a string: the tests are compiled without the DOM's types) in the page. */
const evaluate = <T>(page: Page, script: string): Promise<T> => page.evaluate(script) as Promise<T>;

/** Each line of text wider (as Chromium measures it) than its box's inner width (none: empty). */
const overflowing = (page: Page): Promise<string[]> =>
  evaluate(
    page,
    `(() => {
      const out = [];
      for (const box of document.querySelectorAll('.org-box')) {
        const inner = box.querySelector('rect').width.baseVal.value - 2 * ${PAD};
        for (const t of box.querySelectorAll('text')) {
          const length = t.getComputedTextLength();
          if (length > inner + 0.5) out.push(t.textContent + ': ' + length.toFixed(1) + ' > ' + inner);
        }
      }
      return out;
    })()`,
  );

describe.each(['et', 'en'] as const)('the organisation chart in Chromium (%s)', (lang) => {
  const svg = orgChartSvg(REPO, { lang, href: (id) => `/d/${encodeURIComponent(id)}` });

  it('opens as a standalone SVG document, and every text fits its box with the real fonts', async () => {
    const file = join(dir, `org-${lang}.svg`);
    writeFileSync(file, svg);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const root = await evaluate(
      page,
      '[document.documentElement.namespaceURI, document.documentElement.localName]',
    );
    expect(root).toEqual(['http://www.w3.org/2000/svg', 'svg']);
    expect(await evaluate(page, "document.getElementsByTagName('parsererror').length")).toBe(0);
    expect(await evaluate(page, "document.querySelectorAll('a.org-box').length")).toBe(REPO.length);
    expect(await overflowing(page)).toEqual([]);
    await page.close();
  });

  it('embedded in a page under a strict CSP: drawn as written, no axe-core violations', async () => {
    const html =
      `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">` +
      `<title>org</title></head><body><main><h1>org</h1>${svg}</main></body></html>`;
    const file = join(dir, `org-${lang}.html`);
    writeFileSync(file, html);
    const context = await browser.newContext({ bypassCSP: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    // presentation attributes, not styles: the CSP leaves the look alone
    const stroke = await evaluate(
      page,
      "getComputedStyle(document.querySelector('.org-unknown rect')).strokeDasharray",
    );
    expect(stroke).not.toBe('none');
    expect(await overflowing(page)).toEqual([]);
    await page.close();
    // axe-core is injected past the page's CSP
    const open = await browser.newContext({ bypassCSP: true });
    const checked = await open.newPage();
    await checked.goto(pathToFileURL(file).href);
    expect(await axeViolations(checked, WCAG_21_AA)).toEqual([]);
    // each description is a link a keyboard reaches, named by its words
    const names = await evaluate<string[]>(
      checked,
      "Array.from(document.querySelectorAll('a.org-box')).map((a) => a.getAttribute('aria-label'))",
    );
    expect(names.sort()).toEqual(
      expect.arrayContaining([
        'juht Ohvriabi ja ennetusteenuste osakonna juhataja Ohvriabi osakond juht'.replace(/^juht /, ''),
        expect.stringMatching(
          /^⚠ 3 (viga|errors) Õigusnõunik \(ŠÕÄÖÜŽ šõäöüž\) Õigus- ja järelevalveosakond oigus$/,
        ),
      ]),
    );
    expect(names).toHaveLength(REPO.length);
    await checked.keyboard.press('Tab');
    expect(await evaluate(checked, "document.activeElement.classList.contains('org-box')")).toBe(true);
    await open.close();
    await context.close();
  });
});
