/**
 * Every CommonMark/GFM construct in a description, judged on the three real outputs: each is either
 * in the output (PDF text from pdftotext and its tag tree from pdfinfo, the HTML page, the DOCX's
 * word/document.xml) or reported by a diagnostic at its line, and no Markdown syntax is printed as
 * typed. GFM tables: header and cells in order, Table/TR/TH(/Scope /Column)/TD tags in the PDF,
 * `<th scope="col">` in the HTML, `w:tbl` with a repeating `w:tblHeader` row in the DOCX.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompileResult } from '../src/compiler/compile.js';
import type { JobDescription } from '../src/model/types.js';
import { renderDocx } from '../src/render/docx/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import type { RenderOptions } from '../src/render/types.js';
import { pageCount, TOOLS, requireTools, tool } from './fixtures/pdf/tools.js';
import { compileRef, lineOf, REFERENCE, replace } from './helpers.js';

const OPTIONS: RenderOptions = { date: new Date(Date.UTC(2026, 2, 1)), toolVersion: '0.1.0-test' };
const LEAD = 'Töötajal on õigus:';

/** Every construct, in the rights section (prose) and one table under a duty (its `more`). */
const CONSTRUCTS = [
  'Lõik *rõhuga*, **paksuga**, `koodiga`, [lingiga](https://example.ee) ja reavahetusega  ',
  'teisel real.',
  '',
  '| Oskus | Tase | Märkus |',
  '|:--|:-:|--:|',
  '| eesti keel | **C1** | kohustuslik |',
  '| inglise keel | B2 | *soovitav* |',
  '',
  '- tase üks',
  '  - tase kaks',
  '    - tase kolm',
  '',
  '1. number üks',
  '2. number kaks',
  '',
  '> tsitaadi tekst',
  '',
  '```',
  'piiratud koodiplokk',
  '```',
  '',
  '    taandega koodiplokk',
  '',
  '### Alampealkiri',
  '',
  '***',
  '',
  'Pilt ![pildi alt-tekst](pilt.png) lõigus.',
  '',
  '[viide]: https://example.ee',
  '',
  'Viitelink [viide] lõigus.',
  '',
  '<span>html tekst</span>',
  '',
  LEAD,
].join('\n');

/** Each construct: the text that must be in every output, or the rule that reports it at its line. */
const EXPECTED: { construct: string; line: string; shown?: string; rule?: string }[] = [
  {
    construct: 'emphasis, strong, code, link',
    line: 'Lõik *rõhuga*',
    shown: 'Lõik rõhuga, paksuga, koodiga, lingiga',
  },
  { construct: 'hard break', line: 'teisel real.', shown: 'teisel real.' },
  { construct: 'table header', line: '| Oskus |', shown: 'Oskus' },
  { construct: 'table cell', line: '| eesti keel |', shown: 'kohustuslik' },
  { construct: 'list level 1', line: '- tase üks', shown: 'tase üks' },
  { construct: 'list level 3', line: '    - tase kolm', shown: 'tase kolm' },
  { construct: 'ordered list', line: '2. number kaks', shown: 'number kaks' },
  { construct: 'block quote', line: '> tsitaadi', shown: 'tsitaadi tekst' },
  { construct: 'fenced code', line: 'piiratud koodiplokk', shown: 'piiratud koodiplokk' },
  { construct: 'indented code', line: '    taandega', shown: 'taandega koodiplokk' },
  { construct: 'heading ###', line: '### Alampealkiri', shown: 'Alampealkiri' },
  { construct: 'image', line: 'Pilt ![', shown: 'pildi alt-tekst', rule: 'unsupported-markdown' },
  { construct: 'link reference definition', line: '[viide]: https', rule: 'unsupported-markdown' },
  { construct: 'link reference', line: 'Viitelink', shown: 'Viitelink viide lõigus.' },
  { construct: 'raw HTML', line: '<span>html', shown: 'html tekst', rule: 'raw-html' },
];

/** Markdown syntax that must never be printed: table rows, images, quotes, fences. */
const RAW = ['|---', '|:--', ':-:|', '![', '> tsitaadi', '```', '***', '### ', '[viide]', '[^', '~~', '[ ]'];

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const htmlText = (html: string): string =>
  norm(
    html
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  ).replace(/ ([,.:])/g, '$1');
const docxText = (xml: string): string =>
  norm(
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)]
      .map((m) => (m[1] === undefined ? ' ' : m[1]))
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );

let dir: string;
let source: string;
let result: CompileResult;
let model: JobDescription;
let docxBytes: Uint8Array;
const out: { pdf: string; pdfStruct: string; html: string; docx: string } = {
  pdf: '',
  pdfStruct: '',
  html: '',
  docx: '',
};

beforeAll(async () => {
  requireTools(TOOLS);
  dir = mkdtempSync(join(tmpdir(), 'ametijuhend-constructs-'));
  source = replace(REFERENCE, LEAD, CONSTRUCTS).replace(
    '1. Teenuste toetamine ja nõustamine psühhosotsiaalse kriisiabi valdkonnas.\n',
    '1. Teenuste toetamine ja nõustamine psühhosotsiaalse kriisiabi valdkonnas.\n\n   | Vahend | Kogus |\n   |---|--:|\n   | sülearvuti | 1 |\n\n',
  );
  result = compileRef(source);
  expect(result.errorCount, JSON.stringify(result.diagnostics, null, 2)).toBe(0);
  model = result.model!;
  const pdfFile = join(dir, 'a.pdf');
  writeFileSync(pdfFile, await renderPdf(model, OPTIONS));
  out.pdf = norm(await tool('pdftotext', [pdfFile, '-']));
  out.pdfStruct = await tool('pdfinfo', ['-struct-text', pdfFile]);
  out.html = new TextDecoder().decode(await renderHtml(model, OPTIONS));
  docxBytes = await renderDocx(model, OPTIONS);
  out.docx = strFromU8(unzipSync(docxBytes)['word/document.xml']!);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('every Markdown construct is rendered or reported', () => {
  it.each(EXPECTED.map((e) => [e.construct, e]))('%s', (_, e) => {
    const line = lineOf(source, e.line);
    if (e.rule) {
      const at = result.diagnostics.filter((d) => d.rule === e.rule && d.line === line);
      expect(at.length, `${e.rule} at line ${line}`).toBeGreaterThan(0);
    }
    if (e.shown) {
      expect(out.pdf, 'PDF').toContain(e.shown);
      expect(htmlText(out.html), 'HTML').toContain(e.shown);
      expect(docxText(out.docx), 'DOCX').toContain(e.shown);
    }
    expect(e.rule ?? e.shown).toBeDefined();
  });

  it('prints no Markdown syntax in any output', () => {
    for (const [name, text] of [
      ['PDF', out.pdf],
      ['HTML', htmlText(out.html)],
      ['DOCX', docxText(out.docx)],
    ] as const)
      for (const raw of RAW) expect(text.includes(raw), `${name} has ${raw}`).toBe(false);
  });
});

/** Constructs that would print as typed: errors at their lines, so nothing is built to be signed. */
const REFUSED: { construct: string; markdown: string }[] = [
  { construct: 'footnote mark', markdown: 'Märkusega lause[^1].' },
  { construct: 'footnote text', markdown: '[^1]: Märkuse tekst' },
  { construct: 'strikethrough', markdown: '~~läbikriipsutus~~ tekstis.' },
  { construct: 'task box', markdown: '- [ ] ülesandekast' },
];

describe('what the outputs would print as typed is an error at its line, and no model is built', () => {
  it.each(REFUSED.map((e) => [e.construct, e]))('%s', (_, e) => {
    const text = replace(REFERENCE, LEAD, `${e.markdown}\n\n${LEAD}`);
    const r = compileRef(text);
    const line = lineOf(text, e.markdown);
    const at = r.diagnostics.filter((d) => d.rule === 'dropped-markdown' && d.line === line);
    expect(at.map((d) => d.severity)).toContain('error');
    expect(r.model).toBeUndefined();
  });
});

describe('GFM tables in the real outputs', () => {
  it('PDF: header and cells in reading order, tagged Table/TR/TH (Scope Column)/TD', () => {
    const order = [
      'Oskus',
      'Tase',
      'Märkus',
      'eesti keel',
      'C1',
      'kohustuslik',
      'inglise keel',
      'B2',
      'soovitav',
    ];
    let at = out.pdf.indexOf('teisel real.');
    for (const cell of order) {
      const next = out.pdf.indexOf(cell, at);
      expect(next, cell).toBeGreaterThan(at);
      at = next;
    }
    const lines = out.pdfStruct.split('\n').map((l) => l.trim());
    const table = lines.findIndex(
      (l, i) => l === 'Table (block)' && lines[i + 3] === '/Scope /Column' && lines[i + 4] === '"Oskus"',
    );
    expect(table, out.pdfStruct).toBeGreaterThan(-1);
    const cells = lines.slice(table, table + 60).filter((l) => l === 'TH:' || l === 'TD' || l === 'TR');
    expect(cells.slice(0, 12)).toEqual([
      'TR',
      'TH:',
      'TH:',
      'TH:',
      ...['TR', 'TD', 'TD', 'TD'],
      ...['TR', 'TD', 'TD', 'TD'],
    ]);
    // the table under a duty is inside its task's cell
    expect(out.pdf).toMatch(/Vahend Kogus sülearvuti/);
    expect(out.pdfStruct).toMatch(/"Vahend"[\s\S]*"Kogus"[\s\S]*TD\s+"sülearvuti"\s+TD\s+"1"/);
  });

  it('PDF: a table split across pages repeats its header row (untagged) above the continued rows', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => `| rida ${i + 1} | väärtus ${i + 1} |`);
    const long = compileRef(
      replace(REFERENCE, LEAD, ['| Veerg A | Veerg B |', '|---|---|', ...rows, '', LEAD].join('\n')),
    );
    expect(long.errorCount).toBe(0);
    const file = join(dir, 'long.pdf');
    writeFileSync(file, await renderPdf(long.model!, OPTIONS));
    const page = async (n: number): Promise<string> =>
      norm(await tool('pdftotext', ['-f', String(n), '-l', String(n), file, '-']));
    const pages: string[] = [];
    for (let n = 1; n <= (await pageCount(file)); n++) pages.push(await page(n));
    const first = pages.findIndex((p) => p.includes('rida 1 '));
    const last = pages.findIndex((p) => p.includes('rida 90 '));
    expect(last).toBeGreaterThan(first);
    for (let p = first; p <= last; p++) {
      expect(pages[p], `page ${p + 1}`).toContain('Veerg A Veerg B');
      if (p > first)
        expect(pages[p]!.indexOf('Veerg A'), `page ${p + 1}`).toBeLessThan(pages[p]!.indexOf('rida'));
    }
    // the repeated header is an artifact: the tag tree has the header cells once
    const struct = await tool('pdfinfo', ['-struct-text', file]);
    expect(struct.match(/"Veerg A"/g)).toHaveLength(1);
    expect(struct.match(/"rida \d+ "|"rida \d+"/g)).toHaveLength(90);
  });

  it('HTML: thead with th scope="col", alignment as classes, no align or style attributes', () => {
    expect(out.html).toMatch(
      /<table>\s*<thead>\s*<tr>\s*<th scope="col">Oskus<\/th>\s*<th scope="col" class="align-center">Tase<\/th>\s*<th scope="col" class="align-right">Märkus<\/th>/,
    );
    expect(out.html).toMatch(/<td class="align-center"><strong>C1<\/strong><\/td>/);
    expect(out.html).not.toMatch(/ align=| style=/);
    expect(out.html).toContain('<th scope="col">Vahend</th>');
  });

  it('DOCX: bordered w:tbl whose first row is a repeating header, cells with inline formatting', () => {
    const tables = [...out.docx.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    const skills = tables.find((t) => t.includes('>Oskus<'));
    expect(skills).toBeDefined();
    expect(skills).toContain('<w:tblStyle w:val="JobDescriptionTable"/>');
    const rows = [...skills!.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect(rows[1]).toMatch(
      /<w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">C1</,
    );
    expect(rows[2]).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">soovitav</);
    // the table in a duty's cell is nested in the duties table, and the cell ends with a paragraph
    expect(out.docx).toMatch(/>sülearvuti<.*?<\/w:tbl><w:p\/><\/w:tc>/);
  });

  it('DOCX: the package with tables (one nested in a cell) is valid OOXML', async () => {
    expect(await validate(docxBytes, 'docx', 'Microsoft365')).toEqual([]);
  }, 60_000);

  it('DOCX: three list levels keep their own numbering level', () => {
    const level = (text: string): string | undefined =>
      new RegExp(`<w:ilvl w:val="(\\d)"/>(?:(?!</w:p>).)*>${text}<`).exec(out.docx)?.[1];
    expect([level('tase üks'), level('tase kaks'), level('tase kolm')]).toEqual(['0', '1', '2']);
  });
});
