/**
 * Content that must reach every output as the author meant it, read back from the real files: the
 * approval block of an employee description (above the title: PDF text order, the HTML header,
 * the first paragraphs of DOCX document.xml), typographic quotes („…“ / “…”) in printed text but
 * never in inline code, and an official's duties heading ("Teenistusülesanded").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDescription } from '../src/model/types.js';
import { renderDocx } from '../src/render/docx/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import type { RenderOptions } from '../src/render/types.js';
import { requireTools, tool } from './fixtures/pdf/tools.js';
import { compileRef, decodeXml, ENGLISH_PATH, REFERENCE, replace, ROOT } from './helpers.js';

const OPTIONS: RenderOptions = { date: new Date(Date.UTC(2026, 2, 1)), toolVersion: '0.1.0-test' };
const ENGLISH = readFileSync(ENGLISH_PATH, 'utf8');
const OFFICIAL_RICH = readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', 'official-rich.md'), 'utf8');

const APPROVAL = 'approval:\n  by: Direktor Jaan Tamm\n  directive: 1-1/7\n  date: 2026-03-02\nrequirements:';
const PURPOSE =
  'Töökoha eesmärk on "**kriisiabi** arendamine" ja "koostöö". ' +
  'Käsk `"jutumärgid jäävad"` ei muutu. O\'Connor jääb. Ekraan 5" jääb.';

/** The reference document (an employee description) approved by a directive, with quotes. */
function employeeSource(): string {
  let text = replace(REFERENCE, 'requirements:', APPROVAL);
  text = replace(text, 'education: Kõrgharidus', `education: 'Kõrgharidus ("magister")'`);
  text = replace(text, /## Töökoha eesmärk\n\n[\s\S]*?\n\n## /, `## Töökoha eesmärk\n\n${PURPOSE}\n\n## `);
  return replace(text, '   - Materjalid ja koolitused', '   - "Materjalid" ja koolitused');
}

function englishSource(kind: 'employee' | 'official'): string {
  let text = replace(ENGLISH, 'requirements:', APPROVAL.replace('Direktor', 'Director'));
  if (kind === 'official') text = replace(text, 'lang: en', 'lang: en\nkind: official');
  return replace(text, 'into **reliable evidence**', 'into "**reliable** evidence" (not `"raw"` data)');
}

function modelOf(text: string, path?: string): JobDescription {
  const result = compileRef(text, path ? { path } : {});
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
  if (!result.model) throw new Error('did not compile');
  return result.model;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Outputs {
  /** pdftotext's reading of the PDF (white space folded). */
  pdf: string;
  /** The HTML file's text. */
  html: string;
  /** The HTML's text content (tags dropped, the few entities decoded, white space folded). */
  htmlText: string;
  /** The text of each paragraph of word/document.xml. */
  docx: string[];
}

function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const out: string[] = [];
  let current = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<\/w:p>/g)) {
    if (m[0] === '</w:p>') {
      out.push(squash(current));
      current = '';
    } else if (m[0] === '<w:tab/>' || m[0] === '<w:br/>') current += ' ';
    else current += decodeXml(m[1] ?? '');
  }
  return out;
}

let outDir: string;
let n = 0;

async function outputs(model: JobDescription): Promise<Outputs> {
  const pdfFile = join(outDir, `d${++n}.pdf`);
  writeFileSync(pdfFile, await renderPdf(model, OPTIONS));
  const html = new TextDecoder().decode(await renderHtml(model, OPTIONS));
  const body = html.slice(html.indexOf('<body'));
  return {
    pdf: squash(await tool('pdftotext', [pdfFile, '-'])),
    html,
    // inline elements join their neighbours, every other tag separates words
    htmlText: squash(
      decodeXml(body.replace(/<\/?(?:strong|em|code|a|span)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ')),
    ),
    docx: docxParagraphs(await renderDocx(model, OPTIONS)),
  };
}

beforeAll(() => {
  requireTools(['/usr/bin/pdftotext']);
  outDir = mkdtempSync(join(tmpdir(), 'ametijuhend-fidelity-'));
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('an employee description with an approval', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = await outputs(modelOf(employeeSource()));
  }, 120_000);

  it('shows the approval block above the title in the PDF', () => {
    const approval = out.pdf.indexOf('KINNITATUD Direktor Jaan Tamm 02.03.2026 käskkirjaga nr 1-1/7');
    expect(approval).toBeGreaterThanOrEqual(0);
    expect(approval).toBeLessThan(out.pdf.indexOf('AMETIJUHEND'));
  });

  it('shows it in the HTML header, before the h1', () => {
    const header = out.html.slice(out.html.indexOf('<header'), out.html.indexOf('</header>'));
    const approval = header.indexOf('<div class="approval">');
    expect(approval).toBeGreaterThanOrEqual(0);
    expect(approval).toBeLessThan(header.indexOf('<h1'));
    expect(squash(header.replace(/<[^>]*>/g, ' '))).toContain(
      'KINNITATUD Direktor Jaan Tamm 02.03.2026 käskkirjaga nr 1-1/7 Ametijuhend',
    );
  });

  it('writes it as the first paragraphs of the DOCX, before the title', () => {
    expect(out.docx.slice(0, 4)).toEqual([
      'KINNITATUD',
      'Direktor Jaan Tamm',
      '02.03.2026 käskkirjaga nr 1-1/7',
      'Ametijuhend',
    ]);
  });

  it('keeps the employer and employee signatures (no approver slot)', () => {
    for (const text of [out.pdf, out.htmlText, out.docx.join(' ')]) {
      expect(text).toContain('Tööandja');
      expect(text).toContain('Töötaja');
      expect(text).toContain('Maret Maripuu');
      expect(text).not.toContain('Kinnitaja');
      expect(text).not.toContain('Ametijuhendiga tutvunud');
    }
  });

  it('prints Estonian quotes in body text, duties and frontmatter text, never in inline code', () => {
    const expected = [
      '„kriisiabi arendamine“ ja „koostöö“',
      '"jutumärgid jäävad"',
      "O'Connor jääb",
      'Ekraan 5" jääb',
      'Kõrgharidus („magister“)',
      '„Materjalid“ ja koolitused',
    ];
    const docx = out.docx.join(' ');
    for (const text of expected) {
      expect(out.pdf).toContain(text);
      expect(out.htmlText).toContain(text);
      expect(docx).toContain(text);
    }
    expect(out.html).toContain('<code>"jutumärgid jäävad"</code>');
    for (const text of [out.pdf, out.htmlText, docx])
      expect(text).not.toMatch(/"kriisiabi|koostöö"|"magister|"Materjalid/);
  });
});

describe('an English description', () => {
  it('prints the approval in English, above the title, and English quotes', async () => {
    const out = await outputs(modelOf(englishSource('employee'), ENGLISH_PATH));
    const line = 'APPROVED Director Jaan Tamm by directive No 1-1/7 of 2 March 2026';
    expect(out.pdf.indexOf(line)).toBeGreaterThanOrEqual(0);
    expect(out.pdf.indexOf(line)).toBeLessThan(out.pdf.indexOf('JOB DESCRIPTION'));
    expect(out.docx.slice(0, 4)).toEqual([
      'APPROVED',
      'Director Jaan Tamm',
      'by directive No 1-1/7 of 2 March 2026',
      'Job description',
    ]);
    for (const text of [out.pdf, out.htmlText, out.docx.join(' ')]) {
      expect(text).toContain('“reliable evidence” (not "raw" data)');
      expect(text).toContain("agency's data");
      expect(text.toLowerCase()).toContain('3. duties');
      expect(text.toLowerCase()).not.toContain('duties of the post');
    }
  }, 120_000);

  it('names an official’s purpose and duties “of the post”', async () => {
    const out = await outputs(modelOf(englishSource('official'), ENGLISH_PATH));
    expect(out.pdf).toContain('2. PURPOSE OF THE POST');
    expect(out.pdf).toContain('3. DUTIES OF THE POST');
    expect(out.htmlText).toContain('3. Duties of the post');
    expect(out.docx).toContain('3. Duties of the post');
  }, 120_000);
});

describe('an official', () => {
  it('heads its duties "Teenistusülesanded" in every output', async () => {
    const out = await outputs(modelOf(OFFICIAL_RICH));
    expect(out.pdf).toContain('3. TEENISTUSÜLESANDED');
    expect(out.pdf).not.toContain('TÖÖÜLESANDED');
    expect(out.html).toMatch(/<h2[^>]*><span class="num">3\.<\/span> Teenistusülesanded<\/h2>/);
    expect(out.docx).toContain('3. Teenistusülesanded');
    expect(out.docx).not.toContain('3. Tööülesanded');
    // the purpose heading already followed the kind
    expect(out.docx).toContain('2. Ametikoha eesmärk');
  }, 120_000);

  it('keeps "Tööülesanded" for an employee', async () => {
    const out = await outputs(modelOf(REFERENCE));
    expect(out.pdf).toContain('3. TÖÖÜLESANDED');
    expect(out.docx).toContain('3. Tööülesanded');
    expect(out.pdf).not.toContain('KINNITATUD');
    expect(out.html).not.toContain('class="approval"');
  }, 120_000);
});
