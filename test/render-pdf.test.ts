/**
 * The PDF renderer, judged on its real output: the text poppler extracts from the written file
 * (per page too), the fonts it embeds, qpdf's structural check, the tag tree, PDFBox Preflight
 * (PDF/A-1b), the XMP packet, byte-for-byte reproducibility across processes and time zones, and
 * pagination of a long description.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Nodes as MdastNodes } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../src/compiler/compile.js';
import type { Block, JobDescription } from '../src/model/types.js';
import { buildOutline, inlineText, type Outline } from '../src/render/common/outline.js';
import { subsetStats } from '../src/render/pdf/internals/index.js';
import { measureStats } from '../src/render/pdf/fonts.js';
import { renderPdf } from '../src/render/pdf/index.js';
import type { PdfStandard, RenderOptions } from '../src/render/types.js';
import { pageCount, preflight, tool, TOOLS, requireTools } from './fixtures/pdf/tools.js';
import { compileRef, REFERENCE, replace } from './helpers.js';

const exec = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCE_PATH = join(ROOT, 'examples', 'ekspert-kriisiabi.md');
const ENGLISH_PATH = join(ROOT, 'examples', 'data-analyst.md');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'pdf');
/** An official with an approval, no employee name, nested and ordered lists, a quote, code, ### and a hard break. */
const OFFICIAL_PATH = join(FIXTURES, 'official-rich.md');
const OPTIONS: RenderOptions = { date: new Date(Date.UTC(2026, 2, 1)), toolVersion: '0.1.0-test' };
let outDir: string;

beforeAll(async () => {
  requireTools(TOOLS);
  outDir = mkdtempSync(join(tmpdir(), 'ametijuhend-pdf-'));
}, 660_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function compileOrFail(path: string): JobDescription {
  const result = compileFile(path, { cwd: ROOT });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
  if (!result.model) throw new Error(`${path} did not compile`);
  return result.model;
}

function modelOf(text: string): JobDescription {
  const result = compileRef(text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
  if (!result.model) throw new Error('did not compile');
  return result.model;
}

let fileCount = 0;
async function renderTo(
  model: JobDescription,
  options: Partial<RenderOptions> = {},
): Promise<{ file: string; bytes: Uint8Array }> {
  const bytes = await renderPdf(model, { ...OPTIONS, ...options });
  const file = join(outDir, `${model.id}-${++fileCount}.pdf`);
  writeFileSync(file, bytes);
  return { file, bytes };
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function pageText(file: string, page: number, layout = true): Promise<string> {
  return tool('pdftotext', [
    ...(layout ? ['-layout'] : []),
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    '-',
  ]);
}

/** The whole text in reading order without the running footers (so text that crosses a page joins up). */
async function bodyText(file: string, outline: Outline, layout = false): Promise<string> {
  const pages = await pageCount(file);
  const parts: string[] = [];
  for (let p = 1; p <= pages; p++) {
    const text = await pageText(file, p, layout);
    parts.push(
      text
        .split('\n')
        .filter(
          (l) =>
            !l.includes(outline.labels.page(p, pages)) &&
            !(outline.runningHeader && l.includes(outline.runningHeader)),
        )
        .join('\n'),
    );
  }
  return norm(parts.join('\n'));
}

/** Every paragraph, heading, list item and code line of Markdown body content. */
function blockTexts(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const walk = (node: MdastNodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading') out.push(norm(inlineText(node.children)));
    else if (node.type === 'code') out.push(...node.value.split('\n').map(norm).filter(Boolean));
    else if ('children' in node) for (const child of node.children) walk(child as MdastNodes);
  };
  for (const b of blocks) walk(b);
  return out.filter(Boolean);
}

/** Everything a reader must find in the PDF, from the model and the shared outline. */
function expectedTexts(model: JobDescription, outline: Outline): string[] {
  const texts: string[] = [];
  for (const f of outline.general.fields) texts.push(`${f.number} ${f.label}`, f.value);
  for (const section of outline.sections) {
    if (section.kind === 'prose') texts.push(...blockTexts(section.blocks));
    else if (section.kind === 'duties') {
      texts.push(...blockTexts(section.duties.intro));
      section.duties.duties.forEach((duty, i) => {
        texts.push(`${section.number}.${i + 1} ${norm(inlineText(duty.task))}`);
        texts.push(...blockTexts(duty.more));
        for (const r of duty.results) texts.push(norm(inlineText(r)));
      });
      if (section.duties.hasResults) texts.push(outline.labels.dutiesTask, outline.labels.dutiesResults);
    } else {
      for (const item of section.items) {
        texts.push(item.label, ...item.paragraphs, ...item.bullets);
        for (const c of item.competencies) texts.push(`${c.name}:`, ...c.indicators);
      }
    }
  }
  for (const slot of outline.signatures.slots) {
    texts.push(slot.label, slot.note);
    if (slot.name) texts.push(slot.name);
    if (slot.role) texts.push(slot.role);
  }
  if (outline.organisation) texts.push(outline.organisation);
  if (outline.approval) texts.push(outline.approval.heading, outline.approval.by, outline.approval.line);
  return texts.map(norm);
}

function missing(haystack: string, needles: readonly string[]): string[] {
  return needles.filter((n) => !haystack.includes(n));
}

function headingTexts(outline: Outline): string[] {
  return [
    `${outline.general.number}. ${outline.general.title.toLocaleUpperCase(outline.locale)}`,
    ...outline.sections.map((s) => `${s.number}. ${s.title.toLocaleUpperCase(outline.locale)}`),
  ];
}

/** The text of the first element of `type` after the line containing `after` in `pdfinfo -struct-text` output. */
function structTextAfter(structText: string, after: string, type: string): string {
  const lines = structText.split('\n');
  const start = lines.findIndex((l) => l.includes(after));
  expect(start, `struct text has ${after}`).toBeGreaterThan(-1);
  const el = lines.findIndex((l, i) => i > start && l.trim() === `${type} (block)`);
  expect(el, `struct text has ${type} after ${after}`).toBeGreaterThan(-1);
  // Collect the strings of the element's subtree (inline children such as Link included).
  const indent = (l: string): number => l.length - l.trimStart().length;
  const strings: string[] = [];
  for (let i = el + 1; i < lines.length && indent(lines[i] ?? '') > indent(lines[el] ?? ''); i++) {
    const m = /^\s*"(.*)"$/.exec(lines[i] ?? '');
    if (m) strings.push(m[1] ?? '');
  }
  return strings.join('');
}

/** Section headings must never be the last thing on a page. */
async function expectNoOrphanHeadings(file: string, outline: Outline): Promise<void> {
  const pages = await pageCount(file);
  const headings = new Set([
    ...headingTexts(outline),
    ...outline.sections.flatMap((s) => (s.kind === 'requirements' ? s.items.map((i) => i.label) : [])),
  ]);
  for (let p = 1; p <= pages; p++) {
    const lines = (await pageText(file, p))
      .split('\n')
      .map(norm)
      .filter((l) => l && !l.includes(outline.labels.page(p, pages)));
    const last = lines[lines.length - 1] ?? '';
    expect(headings.has(last), `page ${p} ends with the heading "${last}"`).toBe(false);
  }
}

describe.each([
  ['the reference (et)', REFERENCE_PATH],
  ['the English example', ENGLISH_PATH],
  ['an official with rich Markdown', OFFICIAL_PATH],
])('%s', (_name, path) => {
  let model: JobDescription;
  let outline: Outline;
  let file: string;
  let pages: number;

  beforeAll(async () => {
    model = compileOrFail(path);
    outline = buildOutline(model);
    ({ file } = await renderTo(model));
    pages = await pageCount(file);
  });

  it('is A4 with every task, result, requirement, competency, field and signatory in the text', async () => {
    expect(await tool('pdfinfo', [file])).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    const plain = await bodyText(file, outline);
    const layout = await bodyText(file, outline, true);
    const expected = expectedTexts(model, outline);
    expect(expected.length).toBeGreaterThan(15);
    // Text in two table columns can interleave in one extraction mode but not in both.
    expect(expected.filter((t) => !plain.includes(t) && !layout.includes(t))).toEqual([]);
    expect(
      missing(layout, [...headingTexts(outline), outline.documentTitle.toLocaleUpperCase(outline.locale)]),
    ).toEqual([]);
  });

  it('has the running footer "organisation · title" and the page label on every page', async () => {
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const text = norm(await pageText(file, p));
      expect(text).toContain(outline.labels.page(p, pages));
      expect(text).toContain(outline.runningHeader);
    }
    if (model.lang === 'et') expect(norm(await pageText(file, 1))).toContain(`lk 1 / ${pages}`);
    else expect(norm(await pageText(file, 1))).toContain(`Page 1 of ${pages}`);
  });

  it('embeds every font (Source Sans 3 subsets only) and passes qpdf --check', async () => {
    const fonts = (await tool('pdffonts', [file])).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(1);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+SourceSans3-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
    const check = await tool('qpdf', ['--check', file]);
    expect(check).toContain('No syntax or stream encoding errors found');
  });

  it('is tagged: headings, paragraphs, lists and table cells, with the spaces between words', async () => {
    const struct = await tool('pdfinfo', ['-struct-text', file]);
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TD']) {
      expect(struct, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    }
    for (const h of headingTexts(outline)) expect(struct).toContain(`"${h}"`);
    const purpose = outline.sections.find((s) => s.kind === 'prose' && s.number === '2');
    if (purpose?.kind !== 'prose') throw new Error('no purpose section');
    const first = purpose.blocks[0];
    if (first?.type !== 'paragraph') throw new Error('purpose does not start with a paragraph');
    // The whole paragraph, line by line as tagged: no word glued to the next one across a line end.
    expect(
      norm(structTextAfter(struct, `"2. ${purpose.title.toLocaleUpperCase(outline.locale)}"`, 'P')),
    ).toBe(norm(inlineText(first.children)));
    const info = await tool('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes/m);
  });

  it('has a signature block on one page, and no heading left at a page bottom', async () => {
    await expectNoOrphanHeadings(file, outline);
    const slots = outline.signatures.slots;
    let found = 0;
    for (let p = 1; p <= pages; p++) {
      const text = norm(await pageText(file, p, false));
      if (!text.includes(slots[0]?.label ?? '?')) continue;
      found++;
      for (const slot of slots) {
        expect(text).toContain(slot.label);
        if (slot.name) expect(text).toContain(slot.name);
      }
      expect(text.split(outline.labels.signedDigitally).length - 1).toBe(slots.length);
    }
    expect(found).toBe(1);
  });

  it('has the document metadata, with the fixed date', async () => {
    const info = await tool('pdfinfo', ['-isodates', file]);
    expect(info).toMatch(new RegExp(`^Title:\\s+${model.title.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(info).toMatch(new RegExp(`^Subject:\\s+${outline.documentTitle}$`, 'm'));
    expect(info).toMatch(/^Creator:\s+ametijuhend 0\.1\.0-test$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-03-01T00:00:00Z$/m);
    expect(info).toMatch(/^ModDate:\s+2026-03-01T00:00:00Z$/m);
    expect(info).toMatch(/^Keywords:\s+\S/m);
    if (model.organisation) expect(info).toMatch(new RegExp(`^Author:\\s+${model.organisation}$`, 'm'));
    const meta = await tool('pdfinfo', ['-meta', file]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(meta).toContain('<xmp:ModifyDate>2026-03-01T00:00:00Z</xmp:ModifyDate>');
    expect(meta).toContain(`<rdf:li>${outline.locale}</rdf:li>`);
    expect(await tool('pdfinfo', [file])).toMatch(/^PDF version:\s+1\.7$/m);
  });

  it('validates as PDF/A-1b (PDFBox Preflight) when built as a-1b', async () => {
    const { file: a1b } = await renderTo(model, { pdfStandard: 'a-1b' });
    const result = await preflight(a1b);
    expect(result.output).toContain('is a valid PDF/A-1b file');
    expect(result.code).toBe(0);
    expect(await tool('pdfinfo', [a1b])).toMatch(/^PDF version:\s+1\.4$/m);
  });
});

describe('inline Markdown', () => {
  it('keeps emphasis, strong, inline code and a clickable link in the English example', async () => {
    const model = compileOrFail(ENGLISH_PATH);
    const { file, bytes } = await renderTo(model);
    const fonts = await tool('pdffonts', [file]);
    expect(fonts).toContain('SourceSans3-Bold'); // **reliable evidence**, the task numbers
    expect(fonts).toContain('SourceSans3-It'); // *accurate and timely*
    expect(fonts).toContain('SourceSans3-Semibold'); // `SQL`
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Link/);
    expect(raw).toContain('/URI (https://www.sm.ee/)');
    const struct = await tool('pdfinfo', ['-struct-text', file]);
    expect(struct).toMatch(/Link \(inline\)\n\s+"Ministry of Social Affairs"\n\s+Object \d+ 0/);
    expect(struct).toMatch(/TH:?\n\s+\/Scope \/Column\n\s+"Main tasks"/);
    expect(norm(await bodyText(file, buildOutline(model)))).toContain(
      "To turn the agency's data into reliable evidence for decisions on social benefits, and to keep the published statistics accurate and timely.",
    );
  });

  it('keeps the indentation of code blocks and renders quotes, nested lists and ### headings', async () => {
    const model = compileOrFail(OFFICIAL_PATH);
    const { file } = await renderTo(model);
    const layout = await tool('pdftotext', ['-layout', file, '-']);
    expect(layout).toMatch(/kood \{\n\s*\n?\s+taane: 4/);
    const struct = await tool('pdfinfo', ['-struct-text', file]);
    expect(struct).toMatch(/^\s*BlockQuote\b/m);
    expect(struct).toMatch(/^\s*H3 \(block\)\n\s+"Põhimõtted"/m);
    // The nested list is an L inside the LBody of "osaleda koolitustel:".
    expect(struct).toMatch(/"osaleda koolitustel:"\n(\s+)L \(block\)\n\s+LI/);
    expect(norm(layout)).toContain('KINNITATUD');
    expect(norm(layout)).toContain('3.1 Õigusaktide eelnõude koostamine.');
  });
});

describe('reproducibility', () => {
  it('gives the same bytes for the same input, twice in one process', async () => {
    const model = compileOrFail(REFERENCE_PATH);
    const a = await renderPdf(model, OPTIONS);
    const b = await renderPdf(model, { ...OPTIONS, date: new Date(OPTIONS.date.getTime()) });
    expect(sha256(a)).toBe(sha256(b));
    const other = await renderPdf(model, { ...OPTIONS, date: new Date(Date.UTC(2026, 2, 2)) });
    expect(sha256(other)).not.toBe(sha256(a));
  });

  it('gives the same bytes in other processes and time zones', async () => {
    const paths = [REFERENCE_PATH, ENGLISH_PATH, OFFICIAL_PATH];
    const local: Record<string, string> = {};
    for (const path of paths) local[path] = sha256(await renderPdf(compileOrFail(path), OPTIONS));
    const args = [
      '--import',
      join(ROOT, 'test', 'fixtures', 'ts-loader', 'register.mjs'),
      join(FIXTURES, 'render-child.mjs'),
      JSON.stringify({ date: OPTIONS.date.toISOString(), toolVersion: OPTIONS.toolVersion }),
      ...paths,
    ];
    for (const tz of ['Pacific/Auckland', 'UTC', 'America/Los_Angeles']) {
      const { stdout } = await exec(process.execPath, args, {
        cwd: ROOT,
        env: { ...process.env, TZ: tz },
        maxBuffer: 1 << 20,
      });
      const child = JSON.parse(stdout) as { timeZone: string; hashes: Record<string, string> };
      expect(child.timeZone).toBe(tz);
      expect(child.hashes).toEqual(local);
    }
  }, 120_000);
});

describe('reproducibility in a batch', () => {
  it('gives the same bytes whatever the process rendered before (glyphs shared by characters)', async () => {
    // Source Sans draws space and no-break space, the hyphens, µ and μ with one glyph each; fontkit
    // remembers the characters of whichever text used a glyph first in the process.
    const shared = join(outDir, 'shared-glyphs.md');
    writeFileSync(
      shared,
      readFileSync(OFFICIAL_PATH, 'utf8')
        .replace('title: Nõunik (õigusloome)', 'title: "Nõunik\u00a0(õigusloome\u2011μ)"')
        .replace('organisation: Näidisamet', 'organisation: "Näidis\u00a0amet"'),
    );
    expect(readFileSync(shared, 'utf8')).toContain('Nõunik\u00a0(õigusloome\u2011μ)');
    const render = async (paths: string[]): Promise<Record<string, string>> => {
      const { stdout } = await exec(
        process.execPath,
        [
          '--import',
          join(ROOT, 'test', 'fixtures', 'ts-loader', 'register.mjs'),
          join(FIXTURES, 'render-child.mjs'),
          JSON.stringify({ date: OPTIONS.date.toISOString(), toolVersion: OPTIONS.toolVersion }),
          ...paths,
        ],
        { cwd: ROOT, maxBuffer: 1 << 20 },
      );
      return (JSON.parse(stdout) as { hashes: Record<string, string> }).hashes;
    };
    const [after, alone] = await Promise.all([render([shared, REFERENCE_PATH]), render([REFERENCE_PATH])]);
    expect(after[REFERENCE_PATH]).toBe(alone[REFERENCE_PATH]);
    // and the spaces of a document rendered after it still extract as spaces
    const { file } = await renderTo(compileOrFail(shared));
    const { file: reference } = await renderTo(compileOrFail(REFERENCE_PATH));
    expect(await tool('pdftotext', [file, '-'])).toContain('Nõunik');
    const text = await tool('pdftotext', [reference, '-']);
    expect(text).toContain('Ekspert (psühhosotsiaalne kriisiabi)');
    expect(text).not.toContain('\u00a0');
  }, 120_000);
});

describe('conformance levels', () => {
  it.each<[PdfStandard, string, string | undefined]>([
    ['a-2a', '1.7', '<pdfaid:part>2</pdfaid:part>\\s*<pdfaid:conformance>A'],
    ['a-2b', '1.7', '<pdfaid:part>2</pdfaid:part>\\s*<pdfaid:conformance>B'],
    ['a-1b', '1.4', '<pdfaid:part>1</pdfaid:part>\\s*<pdfaid:conformance>B'],
    ['none', '1.7', undefined],
  ])('%s → PDF %s', async (standard, version, pdfaid) => {
    const { file } = await renderTo(compileOrFail(ENGLISH_PATH), { pdfStandard: standard });
    expect(await tool('pdfinfo', [file])).toMatch(
      new RegExp(`^PDF version:\\s+${version.replace('.', '\\.')}$`, 'm'),
    );
    const meta = await tool('pdfinfo', ['-meta', file]);
    if (pdfaid) expect(meta).toMatch(new RegExp(pdfaid));
    else expect(meta).not.toContain('pdfaid');
    expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
  });
});

describe('a title with & and <', () => {
  it('is escaped in the XMP and validates', async () => {
    // an unpaired quote (5") stays straight in the model, so the XMP must escape it
    const title = 'Ekspert & <kriisiabi> 5" juht';
    const model = modelOf(
      replace(REFERENCE, 'title: Ekspert (psühhosotsiaalne kriisiabi)', `title: '${title}'`),
    );
    expect(model.title).toBe(title);
    const { file } = await renderTo(model, { pdfStandard: 'a-1b' });
    expect(await tool('pdfinfo', [file])).toContain(`Title:           ${title}`);
    const meta = await tool('pdfinfo', ['-meta', file]);
    expect(meta).toContain('Ekspert &amp; &lt;kriisiabi&gt; 5&quot; juht');
    expect(meta).not.toContain('<kriisiabi>');
    expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const result = await preflight(file);
    expect(result.output).toContain('is a valid PDF/A-1b file');
    expect(result.code).toBe(0);
    expect(norm(await tool('pdftotext', [file, '-']))).toContain(title);
  });
});

describe('a long description', () => {
  const DUTIES = 40;
  let file: string;
  let outline: Outline;
  let pages: number;

  beforeAll(async () => {
    const start = REFERENCE.indexOf('## Tööülesanded');
    const end = REFERENCE.indexOf('## Õigused');
    const duties = Array.from(
      { length: DUTIES },
      (_, i) =>
        `${i + 1}. Pikk ülesanne number ${i + 1}, mille kirjeldus on piisavalt pikk, et see murduks veerus mitmele reale.\n` +
        `${' '.repeat(`${i + 1}. `.length)}- Tulemus ${i + 1}a on saavutatud ja dokumenteeritud.\n` +
        `${' '.repeat(`${i + 1}. `.length)}- Tulemus ${i + 1}b on kooskõlastatud.\n`,
    ).join('');
    const model = modelOf(
      `${REFERENCE.slice(0, start)}## Tööülesanded\n\n${duties}\n${REFERENCE.slice(end)}`,
    );
    expect(model.sections.duties?.duties).toHaveLength(DUTIES);
    outline = buildOutline(model);
    ({ file } = await renderTo(model));
    pages = await pageCount(file);
  });

  it('breaks the duties table across pages and repeats the header row on each', async () => {
    const tablePages: number[] = [];
    const seen = new Set<number>();
    for (let p = 1; p <= pages; p++) {
      const text = norm(await pageText(file, p, false));
      const here = Array.from({ length: DUTIES }, (_, i) => i + 1).filter((n) =>
        text.includes(`3.${n} Pikk ülesanne number ${n},`),
      );
      if (here.length === 0) continue;
      tablePages.push(p);
      here.forEach((n) => seen.add(n));
      expect(text, `page ${p}`).toContain('Põhiülesanded');
      expect(text, `page ${p}`).toContain('Oodatavad tulemused');
    }
    expect(seen.size).toBe(DUTIES);
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    // Rows move whole: each row's results are on the page of its task.
    for (const p of tablePages) {
      const text = norm(await pageText(file, p, false));
      for (let n = 1; n <= DUTIES; n++) {
        if (text.includes(`3.${n} Pikk ülesanne number ${n},`)) {
          expect(text).toContain(`Tulemus ${n}a on saavutatud`);
          expect(text).toContain(`Tulemus ${n}b on kooskõlastatud`);
        }
      }
    }
    // The repeated header rows are artifacts: the tag tree has the header cells once.
    const struct = await tool('pdfinfo', ['-struct-text', file]);
    expect(struct.match(/^\s*TH\b/gm)).toHaveLength(2);
    expect(struct.match(/^\s*TR\b/gm)?.length).toBe(DUTIES + 1 + 2); // + header + the two rows of 1.x
  });

  it('keeps headings with their content and the footer on every page', async () => {
    await expectNoOrphanHeadings(file, outline);
    for (let p = 1; p <= pages; p++) expect(norm(await pageText(file, p))).toContain(`lk ${p} / ${pages}`);
  });
});

// Keeps the fixture honest: it must exercise what the tests above look for.
it('the rich fixture has a hard break, a link, a quote, code and nested lists', () => {
  const text = readFileSync(OFFICIAL_PATH, 'utf8');
  for (const needle of ['\\\n', '](https://', '\n> ', '\n```', '\n  - ', '\n### '])
    expect(text).toContain(needle);
});

describe('font subsets', () => {
  // Every document's subset starts with a fixed standard set, so documents that use nothing else
  // share one encoded font program per face (made once per process); others get their own subset.
  const cyrillic = 'Юрий Гагарин';
  // (no μ: Source Sans draws μ and the micro sign µ with one glyph, which extracts as one of them)
  const greek = 'Δέλτα';

  it('embeds glyphs beyond the standard set (Cyrillic, Greek) and still validates', async () => {
    const model = modelOf(
      replace(REFERENCE, 'employee: Helen Raja', `employee: ${cyrillic}`).replace(
        'Ametijuhend vaadatakse',
        `${greek} — ametijuhend vaadatakse`,
      ),
    );
    const { file } = await renderTo(model, { pdfStandard: 'a-1b' });
    const text = norm(await tool('pdftotext', [file, '-']));
    expect(text).toContain(cyrillic);
    expect(text).toContain(greek);
    expect(text).toContain('psühhosotsiaalne'); // the standard set is still there
    expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const result = await preflight(file);
    expect(result.output).toContain('is a valid PDF/A-1b file');
  });

  it('a document with its own subset does not change the next document that shares the standard one', async () => {
    const plain = compileOrFail(REFERENCE_PATH);
    const before = sha256(await renderPdf(plain, OPTIONS));
    await renderPdf(modelOf(replace(REFERENCE, 'employee: Helen Raja', `employee: ${cyrillic}`)), OPTIONS);
    expect(sha256(await renderPdf(plain, OPTIONS))).toBe(before);
  });

  it('the examples use only the standard set (a new symbol in the renderer would make every PDF slow)', async () => {
    const before = { ...subsetStats };
    for (const path of [REFERENCE_PATH, ENGLISH_PATH, OFFICIAL_PATH])
      await renderPdf(compileOrFail(path), OPTIONS);
    expect(subsetStats.own).toBe(before.own);
    expect(subsetStats.shared).toBeGreaterThan(before.shared + 6);
  });

  it('shares the font program between documents that use only the standard set', async () => {
    const fontStreams = async (file: string): Promise<string[]> => {
      // qpdf shows each object; the embedded TrueType programs are the streams a FontFile2 names
      const json = JSON.parse(await tool('qpdf', ['--json', '--json-stream-data=none', file])) as {
        qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
      };
      const objects = json.qpdf[1];
      const refs = Object.values(objects)
        .map((o) => o.value?.['/FontFile2'])
        .filter((r): r is string => typeof r === 'string');
      return refs.map((r) => {
        const stream = objects[`obj:${r}`] as { stream?: { dict?: Record<string, unknown> } } | undefined;
        return String(stream?.stream?.dict?.['/Length']);
      });
    };
    const a = (await renderTo(compileOrFail(REFERENCE_PATH))).file;
    const b = (await renderTo(compileOrFail(OFFICIAL_PATH))).file;
    const la = await fontStreams(a);
    const lb = await fontStreams(b);
    expect(la.length).toBeGreaterThan(1);
    // the regular face (first embedded in both) has the same program in two different documents
    expect(la).toContain(lb[0]);
  });
});

describe('very long text', () => {
  // A footer used to shorten the title one character at a time, measuring the whole string each
  // time, on every page: a 10,000-character title took minutes. Widths are now found by a galloping
  // binary search, so the characters shaped to measure stay a small multiple of the input.
  const TITLE = Array.from({ length: 1000 }, (_, i) => `Pealkiri${i}`)
    .join(' ')
    .slice(0, 10_000);
  const WORD = 'ü'.repeat(50_000);
  const CODE = 'x'.repeat(100_000);
  let file: string;
  let shaped: number;

  beforeAll(async () => {
    const text = replace(
      replace(
        replace(REFERENCE, 'title: Ekspert (psühhosotsiaalne kriisiabi)', `title: ${TITLE}`),
        '1. Teenuste toetamine',
        `1. ${WORD} Teenuste toetamine`,
      ),
      'Ametijuhend vaadatakse',
      `\`\`\`\n${CODE}\n\`\`\`\n\nAmetijuhend vaadatakse`,
    );
    const model = modelOf(text);
    expect(model.title).toBe(TITLE);
    const before = measureStats.chars;
    ({ file } = await renderTo(model));
    shaped = measureStats.chars - before;
  });

  it('measures near-linearly (not once per character of the title, the word or the code line)', () => {
    const input = TITLE.length + WORD.length + CODE.length;
    expect(shaped).toBeGreaterThan(0);
    // the old footer alone shaped about 10,000² / 2 = 5·10⁷ characters per page
    expect(shaped).toBeLessThan(40 * input);
  });

  it('keeps the whole word and code line, and truncates the footer with … inside its room', async () => {
    const plain = (await tool('pdftotext', [file, '-'])).replace(/\s+/g, '');
    // (counted, not searched: the footers of the pages interrupt them)
    expect(plain.split('ü').length - 1).toBeGreaterThanOrEqual(WORD.length);
    expect(plain.split('x').length - 1).toBe(CODE.length);
    const pages = await pageCount(file);
    expect(pages).toBeGreaterThan(3);
    // pdftotext -bbox: every word with its box; the footer is the last line of each page
    const html = await tool('pdftotext', ['-bbox', '-f', '1', '-l', String(pages), file, '-']);
    const pageBlocks = html.split('<page ').slice(1);
    expect(pageBlocks).toHaveLength(pages);
    pageBlocks.forEach((page, i) => {
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ x0: Number(m[1]), y: Number(m[2]), x1: Number(m[3]), text: m[4] ?? '' }));
      const footerY = Math.max(...words.map((w) => w.y));
      const footer = words.filter((w) => Math.abs(w.y - footerY) < 1).sort((a, b) => a.x0 - b.x0);
      const label = footer.findIndex((w) => w.text === 'lk');
      expect(label, `page ${i + 1} footer`).toBeGreaterThan(0);
      const left = footer.slice(0, label);
      expect(left[0]?.text).toBe('Sotsiaalkindlustusamet');
      expect(left[left.length - 1]?.text.endsWith('\u2026'), `page ${i + 1}`).toBe(true);
      expect(left[0]!.x0).toBeGreaterThanOrEqual(69);
      // the title stops before the page label, with the gap the renderer leaves
      expect(left[left.length - 1]!.x1).toBeLessThan(footer[label]!.x0 - 12);
      expect(
        footer
          .map((w) => w.text)
          .slice(label)
          .join(' '),
      ).toBe(`lk ${i + 1} / ${pages}`);
    });
  });
});

describe('characters Source Sans lacks', () => {
  // Cyrillic and Greek are in Source Sans; Hebrew, Arabic, Armenian, Georgian and some emoji come
  // from DejaVu Sans; CJK and most emoji are in neither font; a zero-width space is not drawn.
  const cyrillic = 'Юрий Ґалаґан';
  const greek = 'Δέλτα';
  const hebrew = 'שלום';
  const armenian = 'Բարեւ';
  const georgian = 'გამარჯობა';
  const text = `${greek} ${hebrew}, مرحبا, *${armenian}* **${georgian}** 😀 🚀 中文 nulllaius\u200bega.`;
  let source: string;
  let file: string;

  beforeAll(async () => {
    source = replace(
      replace(REFERENCE, 'employee: Helen Raja', `employee: ${cyrillic}`),
      'Ametijuhend vaadatakse',
      `${text}\n\nAmetijuhend vaadatakse`,
    );
    ({ file } = await renderTo(modelOf(source), { pdfStandard: 'a-1b' }));
  });

  it('draws them with DejaVu Sans (embedded, subset), in the text layer, and validates as PDF/A-1b', async () => {
    const plain = norm(await tool('pdftotext', [file, '-']));
    for (const t of [cyrillic, greek, armenian, georgian, '😀', 'nulllaiusega']) expect(plain).toContain(t);
    // poppler gives right-to-left words back in logical order
    expect(plain).toContain(hebrew);
    expect(plain).toContain('مرحبا');
    expect(plain).toContain('? ??'); // 🚀 and 中文: no font has them
    const fonts = (await tool('pdffonts', [file])).trim().split('\n').slice(2);
    expect(fonts.some((l) => /^[A-Z]{6}\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/.test(l))).toBe(
      true,
    );
    // the italic Armenian and the bold Georgian come from DejaVu's oblique and bold faces
    expect(fonts.some((l) => /\+DejaVuSans-Oblique\s/.test(l))).toBe(true);
    expect(fonts.some((l) => /\+DejaVuSans-Bold\s/.test(l))).toBe(true);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+(SourceSans3|DejaVuSans)-?\S*\s+CID TrueType/);
    expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const result = await preflight(file);
    expect(result.output).toContain('is a valid PDF/A-1b file');
    expect(result.code).toBe(0);
  });

  it('gives the same bytes again, also after other documents', async () => {
    const model = modelOf(source);
    const first = sha256(await renderPdf(model, { ...OPTIONS, pdfStandard: 'a-1b' }));
    await renderPdf(compileOrFail(ENGLISH_PATH), OPTIONS);
    expect(sha256(await renderPdf(model, { ...OPTIONS, pdfStandard: 'a-1b' }))).toBe(first);
    expect(sha256(readFileSync(file))).toBe(first);
  });

  it('check warns about the emoji and CJK it cannot draw, the zero-width space and the RTL run, at their places', () => {
    const result = compileRef(source);
    const line = source.split('\n').findIndex((l) => l.startsWith(greek)) + 1;
    const col = (s: string): number => source.split('\n')[line - 1]!.indexOf(s) + 1;
    const warnings = result.diagnostics.filter((d) => d.rule === 'pdf-glyph');
    expect(warnings.map((d) => [d.line, d.column, /U\+[0-9A-F]+/.exec(d.message)?.[0]])).toEqual([
      // Hebrew and Arabic words side by side: right to left text the PDF puts left to right
      [line, col(hebrew), undefined],
      [line, col('🚀'), 'U+1F680'],
      [line, col('中文'), 'U+4E2D'],
      [line, col('\u200b'), 'U+200B'],
    ]);
  });
});
