/**
 * The DOCX renderer, judged on its real output: the package's XML parts, the OOXML schema
 * (@ooxml-tools/validate), LibreOffice's reading of it (converted to PDF, then pdftotext) and
 * byte-for-byte reproducibility across runs, processes and time zones.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { crc32, inflateRawSync } from 'node:zlib';
import validate from '@ooxml-tools/validate';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeXml } from './helpers.js';
import { compileFile } from '../src/compiler/compile.js';
import type { JobDescription } from '../src/model/types.js';
import { buildOutline, inlineText, type Outline } from '../src/render/common/outline.js';
import { renderDocx, writeDocxPackage } from '../src/render/docx/index.js';
import { NUMBERING_XML, STYLES_XML } from '../src/render/docx/reference.generated.js';
import { NUMBERING, STYLE } from '../src/render/docx/styles.js';
import type { DocTree, RunNode } from '../src/render/docx/tree.js';
import type { RenderOptions } from '../src/render/types.js';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'docx');
const REFERENCE = join(ROOT, 'examples', 'ekspert-kriisiabi.md');
const ENGLISH = join(ROOT, 'examples', 'data-analyst.md');
const OFFICIAL = join(FIXTURES, 'official.md');
const CONSTRUCTS = join(FIXTURES, 'constructs.md');
const FIXTURE_SOURCES = ['html/official.md', 'html/injection.md', 'pdf/official-rich.md'].map((f) =>
  join(ROOT, 'test', 'fixtures', f),
);
const OPTIONS: RenderOptions = { date: new Date(Date.UTC(2026, 2, 1, 9, 30, 15)), toolVersion: '0.1.0-test' };

/** A tree with every feature the writer knows. */
const textRun = (text: string, f: Omit<RunNode, 'kind' | 'text'> = {}): RunNode => ({
  kind: 'run',
  text,
  ...f,
});
const NO_BORDER = { style: 'none', size: 0, color: 'auto' } as const;
const FEATURE_TREE: DocTree = {
  body: [
    { kind: 'p', children: [] },
    { kind: 'p', ruleBelow: true, children: [] },
    {
      kind: 'p',
      style: 'Heading3',
      keepNext: true,
      children: [
        textRun('kõik', { bold: true, italics: true, strike: true, style: 'VerbatimChar' }),
        textRun('läbi', { strike: true }),
        textRun('rida', { break: true }),
        { kind: 'run', break: true },
        textRun(''),
        textRun('"\'<>& \u0001\u001f 😀 \u00a0'),
        { kind: 'run', tab: true },
        { kind: 'run', field: 'PAGE' },
        { kind: 'run', field: 'NUMPAGES' },
      ],
    },
    {
      kind: 'p',
      numbering: { reference: 'ametijuhend-ordered', level: 2, instance: 7 },
      children: [textRun('seitsmes')],
    },
    {
      kind: 'p',
      style: 'TableText',
      numbering: { reference: 'ametijuhend-bullet', level: 0 },
      spacing: { before: 10 },
      indent: { left: 340 },
      children: [textRun('täpp')],
    },
    {
      kind: 'p',
      numbering: { reference: 'ametijuhend-ordered', level: 0, instance: 2 },
      tabStops: [
        { type: 'left', position: 567 },
        { type: 'right', position: 9638 },
      ],
      spacing: { after: 2, before: 1 },
      indent: { left: 1, hanging: 2 },
      children: [
        {
          kind: 'link',
          url: 'https://example.ee/?a=1&b="2"',
          runs: [textRun('a', { style: 'Hyperlink' }), textRun('b', { bold: true })],
        },
        textRun(' '),
        { kind: 'link', url: 'mailto:x@example.ee', runs: [textRun('c')] },
      ],
    },
    { kind: 'p', spacing: { after: 5 }, children: [textRun('ainult after')] },
    {
      kind: 'table',
      style: 'JobDescriptionTable',
      width: 9638,
      columnWidths: [4000, 5638],
      firstRowLook: true,
      rows: [
        {
          header: true,
          cantSplit: true,
          cells: [
            { width: 4000, fill: 'EDEDED', children: [{ kind: 'p', children: [textRun('päis')] }] },
            { width: 5638, children: [{ kind: 'p', style: 'TableText', children: [] }] },
          ],
        },
        {
          header: true,
          cells: [
            {
              width: 9638,
              span: 2,
              borders: {
                top: { style: 'single', size: 4, color: '1A1A1A' },
                bottom: NO_BORDER,
                left: NO_BORDER,
                right: NO_BORDER,
              },
              children: [
                {
                  kind: 'table',
                  width: 9000,
                  columnWidths: [9000],
                  noBorders: true,
                  margins: { top: 60, bottom: 0, left: 0, right: 0 },
                  firstRowLook: false,
                  rows: [
                    { cells: [{ width: 9000, children: [{ kind: 'p', children: [textRun('sees')] }] }] },
                  ],
                },
                { kind: 'p', children: [textRun('pärast')] },
              ],
            },
          ],
        },
      ],
    },
  ],
  header: [{ kind: 'p', style: 'Header', children: [textRun('päis & <jalus>')] }],
  footer: [
    {
      kind: 'p',
      style: 'Footer',
      tabStops: [{ type: 'right', position: 9638 }],
      children: [
        textRun('Versioon 1'),
        { kind: 'run', tab: true },
        textRun('lk '),
        { kind: 'run', field: 'PAGE' },
      ],
    },
  ],
  properties: {
    title: 'Pealkiri & "jutumärgid" <x>',
    subject: "aine 'ü'",
    creator: 'Amet',
    keywords: 'a, b',
    description: 'Kirjeldus\nteisel real',
  },
};

/** Each entry's record in the central directory: crc, sizes and the offset of its local header. */
function centralSizes(
  bytes: Uint8Array,
): Map<string, { crc: number; compressed: number; size: number; offset: number }> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = b.length - 22;
  const out = new Map<string, { crc: number; compressed: number; size: number; offset: number }>();
  for (let c = b.readUInt32LE(end + 16); b.readUInt32LE(c) === 0x02014b50;) {
    const nameLength = b.readUInt16LE(c + 28);
    out.set(b.toString('utf8', c + 46, c + 46 + nameLength), {
      crc: b.readUInt32LE(c + 16),
      compressed: b.readUInt32LE(c + 20),
      size: b.readUInt32LE(c + 24),
      offset: b.readUInt32LE(c + 42),
    });
    c += 46 + nameLength + b.readUInt16LE(c + 30) + b.readUInt16LE(c + 32);
  }
  return out;
}

interface Rendered {
  model: JobDescription;
  outline: Outline;
  bytes: Uint8Array;
  parts: Record<string, string>;
  /** The text of every paragraph of word/document.xml (w:t joined, w:tab as a tab). */
  paragraphs: string[];
  file: string;
}

let outDir: string;
const rendered = new Map<string, Rendered>();

function compileOrFail(path: string): JobDescription {
  const result = compileFile(path, { cwd: ROOT });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
  if (!result.model) throw new Error(`${path} did not compile`);
  return result.model;
}

/** Paragraph texts of a WordprocessingML part, in document order. */
function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  let current = '';
  const token = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\s*\/>|<w:tab\/>|<w:br\/>|<\/w:p>/g;
  for (const m of xml.matchAll(token)) {
    if (m[0] === '</w:p>') {
      out.push(current);
      current = '';
    } else if (m[0] === '<w:tab/>') current += '\t';
    else if (m[0] === '<w:br/>') current += '\n';
    else current += decodeXml(m[1] ?? '');
  }
  return out;
}

function unzipText(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (/\.(?:xml|rels)$/.test(name)) parts[name] = strFromU8(data);
  }
  return parts;
}

async function renderToFile(path: string): Promise<Rendered> {
  const model = compileOrFail(path);
  const bytes = await renderDocx(model, OPTIONS);
  const parts = unzipText(bytes);
  const file = join(outDir, `${basename(path, '.md')}.docx`);
  writeFileSync(file, bytes);
  return {
    model,
    outline: buildOutline(model),
    bytes,
    parts,
    paragraphs: paragraphTexts(parts['word/document.xml'] ?? ''),
    file,
  };
}

function get(path: string): Rendered {
  const r = rendered.get(path);
  if (!r) throw new Error(`${path} was not rendered`);
  return r;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every text a reader must find in the document, derived from the model and the outline. */
function expectedTexts(r: Rendered): string[] {
  const { model, outline } = r;
  const texts: string[] = [outline.documentTitle, model.title];
  if (outline.organisation) texts.push(outline.organisation);
  texts.push(`${outline.general.number}. ${outline.general.title}`);
  for (const f of outline.general.fields) texts.push(`${f.number} ${f.label}`, f.value);
  for (const s of outline.sections) {
    texts.push(`${s.number}. ${s.title}`);
    if (s.kind === 'duties') {
      s.duties.duties.forEach((duty, i) => {
        texts.push(`${s.number}.${i + 1}`, inlineText(duty.task));
        for (const result of duty.results) texts.push(inlineText(result));
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
  return texts.filter(Boolean).map(squash);
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ametijuhend-docx-'));
  for (const path of [REFERENCE, ENGLISH, OFFICIAL]) rendered.set(path, await renderToFile(path));
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('document.xml of the reference document', () => {
  it('holds every task, result, competency, indicator, 1.1–1.5 value, heading and signatory', () => {
    const r = get(REFERENCE);
    const text = squash(r.paragraphs.join('\n'));
    for (const expected of expectedTexts(r)) expect(text).toContain(expected);
  });

  it('writes the known texts of the signed original', () => {
    const paragraphs = get(REFERENCE).paragraphs.map(squash);
    for (const p of [
      'Ametijuhend',
      'Sotsiaalkindlustusamet',
      '1. Üldosa',
      '1.1 Ametinimetus',
      'Ekspert (psühhosotsiaalne kriisiabi)',
      '1.2 Struktuuriüksus',
      'Ohvriabi ja ennetusteenuste osakond, Arendustalitus',
      '1.3 Vahetu juht',
      'Tiimijuht',
      '1.4 Kes asendab',
      '1.5 Keda asendab',
      'Tiimijuht, koordinaator',
      '2. Töökoha eesmärk',
      '3. Tööülesanded',
      'Põhiülesanded',
      'Oodatavad tulemused',
      '3.1 Teenuste toetamine ja nõustamine psühhosotsiaalse kriisiabi valdkonnas.',
      '3.11 Vahetu juhi antud muude ühekordsete ülesannete täitmine.',
      'Teenused on tõhusad ja mõjusad.',
      '4. Õigused',
      '5. Vastutus',
      '6. Töövahendid',
      '7. Töökohale esitatavad nõuded',
      'Haridus',
      'Kõrgharidus',
      'Keeleoskus',
      'Valdab eesti keelt vähemalt tasemel C1.',
      'Kliendikesksus:',
      'Lähtub töös kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest.',
      'Täiendavad kompetentsid, isikuomadused ja teadmised',
      'Teadmised projektijuhtimise põhimõtetest.',
      '8. Ametijuhendi muutmine',
      'Tööandja',
      'Maret Maripuu',
      'Töötaja',
      'Helen Raja',
      '(allkirjastatud digitaalselt)',
    ]) {
      expect(paragraphs).toContain(p);
    }
    expect(paragraphs.some((p) => /^Valdab inglise või vene keelt vähemalt tasemel B1\./.test(p))).toBe(true);
  });

  it('uses real Word styles: Title, Heading 1 for sections, Heading 2 for requirement parts', () => {
    const r = get(REFERENCE);
    const doc = r.parts['word/document.xml'] ?? '';
    const styles = r.parts['word/styles.xml'] ?? '';
    const styled = (id: string): string[] =>
      [
        ...doc.matchAll(
          new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="${id}"/>(?:(?!</w:p>).)*?</w:p>`, 'g'),
        ),
      ].map((m) => squash(paragraphTexts(m[0]).join('')));
    expect(styled('Title')).toEqual(['Ametijuhend']);
    expect(styled('Heading1')).toEqual([
      '1. Üldosa',
      ...r.outline.sections.map((s) => `${s.number}. ${s.title}`),
    ]);
    expect(styled('Heading2')).toEqual([
      'Haridus',
      'Töökogemus',
      'Keeleoskus',
      'Arvutikasutamise oskus',
      'Tööks vajalikud kompetentsid',
      'Täiendavad kompetentsid, isikuomadused ja teadmised',
    ]);
    for (const id of ['Title', 'Heading1', 'Heading2', 'Hyperlink', 'JobDescriptionTable', 'ListParagraph']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    // Headings are shown upper-case through the style, the text stays as written.
    expect(styles).toMatch(/w:styleId="Heading1">(?:(?!<\/w:style>).)*<w:caps\/>/);
  });

  it('sets the language, A4 and a common font in the defaults, and embeds no fonts', () => {
    const r = get(REFERENCE);
    const styles = r.parts['word/styles.xml'] ?? '';
    const defaults = /<w:rPrDefault>.*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:lang w:val="et-EE"/>');
    expect(defaults).toContain('w:ascii="Arial"');
    expect(r.parts['word/document.xml']).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(Object.keys(unzipSync(r.bytes)).filter((n) => n.startsWith('word/fonts/'))).toEqual([]);
    expect(r.parts['word/fontTable.xml']).not.toContain('embed');
  });

  it('draws the duties as a table whose header row repeats and whose rows do not split', () => {
    const doc = get(REFERENCE).parts['word/document.xml'] ?? '';
    const tables = [...doc.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    const duties = tables.find((t) => t.includes('Põhiülesanded'));
    expect(duties).toBeDefined();
    const rows = [...(duties ?? '').matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('w:fill="EDEDED"');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    // Task numbers in bold, results as bullets.
    expect(rows[1]).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">3\.1<\/w:t>/);
    expect((rows[3] ?? '').match(/<w:numPr>/g)).toHaveLength(3);
    // The general part: 1.1–1.2 in one row, 1.3–1.5 in the next.
    const general = tables[0] ?? '';
    const generalRows = [...general.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) =>
      paragraphTexts(m[0]).join(' | '),
    );
    expect(generalRows).toHaveLength(2);
    expect(generalRows[0]).toMatch(/^1\.1 Ametinimetus \| .* \| 1\.2 Struktuuriüksus \| /);
    expect(generalRows[1]).toMatch(
      /^1\.3 Vahetu juht \| .* \| 1\.4 Kes asendab \| .* \| 1\.5 Keda asendab \| /,
    );
  });

  it('makes bullets ▪ through a numbering definition', () => {
    const numbering = get(REFERENCE).parts['word/numbering.xml'] ?? '';
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>(?:(?!<\/w:lvl>).)*<w:lvlText w:val="▪"\/>/);
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
  });

  it('has a running header and a footer with PAGE and NUMPAGES fields', () => {
    const r = get(REFERENCE);
    const header = r.parts['word/header1.xml'] ?? '';
    const footer = r.parts['word/footer1.xml'] ?? '';
    expect(paragraphTexts(header).join('')).toBe(
      'Sotsiaalkindlustusamet · Ekspert (psühhosotsiaalne kriisiabi)',
    );
    const instructions = [...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) =>
      (m[1] ?? '').trim(),
    );
    expect(instructions).toEqual(['PAGE', 'NUMPAGES']);
    expect(squash(paragraphTexts(footer).join(''))).toBe('lk /');
    expect(r.parts['word/document.xml']).toMatch(/<w:headerReference w:type="default" r:id="rId\d+"\/>/);
  });

  it('writes the core properties with the given date', () => {
    const r = get(REFERENCE);
    const core = r.parts['docProps/core.xml'] ?? '';
    expect(core).toContain('<dc:title>Ametijuhend: Ekspert (psühhosotsiaalne kriisiabi)</dc:title>');
    expect(core).toContain('<dc:creator>Sotsiaalkindlustusamet</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Sotsiaalkindlustusamet</cp:lastModifiedBy>');
    expect(core).toMatch(/<dc:subject>Ekspert \(psühhosotsiaalne kriisiabi\) · Ohvriabi/);
    expect(core).toMatch(/<cp:keywords>Ametijuhend, Ekspert/);
    expect(core).toMatch(/<dc:description>Töökoha eesmärk on psühhosotsiaalse/);
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T09:30:15Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-01T09:30:15Z</dcterms:modified>',
    );
    expect(r.parts['docProps/app.xml']).toContain('<Application>ametijuhend 0.1.0-test</Application>');
  });
});

describe('document.xml of the English example', () => {
  it('holds every expected text and the English labels', () => {
    const r = get(ENGLISH);
    const text = squash(r.paragraphs.join('\n'));
    for (const expected of expectedTexts(r)) expect(text).toContain(expected);
    const paragraphs = r.paragraphs.map(squash);
    for (const p of [
      'Job description',
      '1.1 Job title',
      'Data Analyst',
      '2. Purpose',
      'Main tasks',
      'Expected results',
      'Command of Estonian at level B2 or higher.',
      'Command of English at level C1 or higher.',
      'Data visualisation:',
      'Presents complex findings in clear charts and tables.',
      'Mari Maasikas',
      'Director General',
      'Jaan Tamm',
      '(signed digitally)',
    ]) {
      expect(paragraphs).toContain(p);
    }
  });

  it('sets en-GB and "Page N of M"', () => {
    const r = get(ENGLISH);
    expect(r.parts['word/styles.xml']).toMatch(
      /<w:rPrDefault>(?:(?!<\/w:rPrDefault>).)*<w:lang w:val="en-GB"\/>/,
    );
    const footer = r.parts['word/footer1.xml'] ?? '';
    expect(squash(paragraphTexts(footer).join(''))).toBe('Version 1.0 Page of');
    expect(footer).toMatch(/Page <\/w:t>.*PAGE.*of <\/w:t>.*NUMPAGES/);
  });

  it('keeps emphasis, strong, inline code and the link', () => {
    const r = get(ENGLISH);
    const doc = r.parts['word/document.xml'] ?? '';
    const runOf = (text: string): string => {
      const m = new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t xml:space="preserve">${text}</w:t></w:r>`).exec(doc);
      return m?.[0] ?? '';
    };
    expect(runOf('accurate and timely')).toContain('<w:i/>');
    expect(runOf('reliable evidence')).toContain('<w:b/>');
    expect(runOf('SQL')).toContain('<w:rStyle w:val="VerbatimChar"/>');
    expect(r.parts['word/styles.xml']).toMatch(
      /w:styleId="VerbatimChar">(?:(?!<\/w:style>).)*w:ascii="Courier New"/,
    );
    const link = /<w:hyperlink [^>]*r:id="(rId\d+)"[^>]*>(.*?)<\/w:hyperlink>/.exec(doc);
    expect(link?.[2]).toContain('Ministry of Social Affairs');
    const rels = r.parts['word/_rels/document.xml.rels'] ?? '';
    expect(rels).toContain(
      `Id="${link?.[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.sm.ee/" TargetMode="External"`,
    );
  });
});

describe('an official with an approval, prose blocks and no expected results', () => {
  it('writes the approval, the numbered duties list, nested lists, quote and code', () => {
    const r = get(OFFICIAL);
    const paragraphs = r.paragraphs.map(squash);
    for (const expected of expectedTexts(r)) expect(squash(r.paragraphs.join('\n'))).toContain(expected);
    expect(paragraphs.slice(0, 3)).toEqual([
      'KINNITATUD',
      'Peadirektor Mari Mets',
      '15.01.2026 käskkirjaga nr 1-2/34',
    ]);
    expect(paragraphs).toContain('2. Ametikoha eesmärk');
    expect(paragraphs).toContain('3.1 Analüüside koostamine.');
    expect(paragraphs).toContain('Tsitaat, mis peab jääma alles.');
    expect(r.paragraphs).toContain('rida üks\nrida kaks');
    expect(paragraphs).toContain('Kinnitaja');
    expect(paragraphs).toContain('Ametijuhendiga tutvunud');
    expect(paragraphs).toContain('Jaan Jõgi');
    const doc = r.parts['word/document.xml'] ?? '';
    // No duties table without results; the javascript: link stays plain text.
    expect(doc).not.toContain('Põhiülesanded');
    expect(doc).not.toContain('<w:hyperlink');
    expect(paragraphs).toContain('3.2 Ettepanekute tegemine ohtliku lingiga ja koodiga.');
    // The ordered list with a nested bullet list: levels 0 and 1.
    const saada = /<w:p>(?:(?!<\/w:p>).)*saada teavet;(?:(?!<\/w:p>).)*<\/w:p>/.exec(doc)?.[0] ?? '';
    const alam = /<w:p>(?:(?!<\/w:p>).)*alampunkt üks;(?:(?!<\/w:p>).)*<\/w:p>/.exec(doc)?.[0] ?? '';
    expect(saada).toContain('<w:ilvl w:val="0"/>');
    expect(alam).toContain('<w:ilvl w:val="1"/>');
    // Title with XML special characters survives escaping in the body and the core properties.
    expect(paragraphs).toContain('1.1 Ametinimetus');
    expect(paragraphs).toContain('Nõunik & analüütik <test>');
    expect(r.parts['docProps/core.xml']).toContain(
      '<dc:title>Ametijuhend: Nõunik &amp; analüütik &lt;test&gt;</dc:title>',
    );
  });
});

describe('text the model should never hold, but might', () => {
  it('drops XML-invalid characters, escapes markup and leaves a missing signatory blank', async () => {
    const model = structuredClone(compileOrFail(REFERENCE));
    model.title = 'Nõunik\u0007 <b>&amp;</b>';
    model.signatures = { employee: { name: 'Helen Raja' } };
    const duty = model.sections.duties?.duties[0];
    if (!duty) throw new Error('no duty');
    duty.task = [{ type: 'text', value: 'Ülesanne\u0000 \uD800 lõpuni' }];
    duty.results = [
      [{ type: 'link', url: 'https://example.org/?a=1&b=2', children: [{ type: 'text', value: 'link' }] }],
    ];
    const bytes = await renderDocx(model, OPTIONS);
    expect(await validate(bytes, 'docx', 'Microsoft365')).toEqual([]);
    const parts = unzipText(bytes);
    const paragraphs = paragraphTexts(parts['word/document.xml'] ?? '').map(squash);
    expect(paragraphs).toContain('Nõunik <b>&amp;</b>');
    expect(paragraphs).toContain('3.1 Ülesanne lõpuni');
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="https://example.org/?a=1&amp;b=2"');
    // The employer's slot keeps its label and note, with an empty line for the name.
    const employer = paragraphs.indexOf('Tööandja');
    expect(paragraphs.slice(employer, employer + 3)).toEqual([
      'Tööandja',
      '',
      '(allkirjastatud digitaalselt)',
    ]);
  });
});

describe('OOXML schema (@ooxml-tools/validate)', () => {
  it('reports no errors for any rendered document', async () => {
    for (const path of [REFERENCE, ENGLISH, OFFICIAL]) {
      const errors = await validate(get(path).bytes, 'docx', 'Microsoft365');
      expect(errors, `${path}: ${JSON.stringify(errors, null, 2)}`).toEqual([]);
    }
  });

  it('reports no errors for the fixtures and 20 generated descriptions, each byte-identical when rendered again', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'ametijuhend-docx-corpus-'));
    try {
      await run(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), '--corpus-only', corpus, '--n', '20']);
      const models: JobDescription[] = [CONSTRUCTS, ...FIXTURE_SOURCES].map(compileOrFail);
      for (const dir of readdirSync(corpus).filter((d) => d.startsWith('osakond'))) {
        for (const f of readdirSync(join(corpus, dir)).sort()) {
          const result = compileFile(join(corpus, dir, f), { cwd: corpus });
          if (result.model) models.push(result.model);
        }
      }
      expect(models.length).toBe(20 + 1 + FIXTURE_SOURCES.length);
      for (const model of models) {
        const bytes = await renderDocx(model, OPTIONS);
        const errors = await validate(bytes, 'docx', 'Microsoft365');
        expect(errors, `${model.title}: ${JSON.stringify(errors, null, 2)}`).toEqual([]);
        expect(sha256(await renderDocx(structuredClone(model), OPTIONS))).toBe(sha256(bytes));
      }
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  }, 120_000);

  it('does report a document with an element the schema does not allow (the check is live)', async () => {
    const files = unzipSync(get(REFERENCE).bytes);
    const doc = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    files['word/document.xml'] = strToU8(doc.replace('<w:body>', '<w:body><w:bogus/>'));
    const errors = await validate(zipSync(files), 'docx', 'Microsoft365');
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('reproducibility', () => {
  it('gives the same bytes for the same input twice', async () => {
    for (const path of [REFERENCE, ENGLISH, OFFICIAL]) {
      const model = compileOrFail(path);
      const a = await renderDocx(model, OPTIONS);
      const b = await renderDocx(compileOrFail(path), { ...OPTIONS });
      expect(sha256(a)).toBe(sha256(b));
      expect(sha256(a)).toBe(sha256(get(path).bytes));
    }
  });

  it('stamps every zip entry with noon of the given day, [Content_Types].xml first', () => {
    const bytes = get(ENGLISH).bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // 2026-03-01 12:00:00 as a DOS date and time (a wall-clock time that exists in every time zone).
    const dosTime = 12 << 11;
    const dosDate = ((2026 - 1980) << 9) | (3 << 5) | 1;
    const names: string[] = [];
    for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
      expect(view.getUint16(at + 10, true)).toBe(dosTime);
      expect(view.getUint16(at + 12, true)).toBe(dosDate);
      const nameLength = view.getUint16(at + 26, true);
      const extraLength = view.getUint16(at + 28, true);
      names.push(strFromU8(bytes.subarray(at + 30, at + 30 + nameLength)));
      // fflate's Zip streams: sizes follow the data, in a 16-byte data descriptor (read from the
      // central directory here)
      at += 30 + nameLength + extraLength + centralSizes(bytes).get(names.at(-1) ?? '')!.compressed + 16;
    }
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.length).toBe(Object.keys(unzipSync(bytes)).length);
  });

  it('is a sound zip: every entry inflates to its recorded size and CRC-32, the central directory agrees', () => {
    for (const path of [REFERENCE, ENGLISH, OFFICIAL]) {
      const bytes = Buffer.from(get(path).bytes);
      const central = centralSizes(bytes);
      const local: string[] = [];
      let at = 0;
      for (; bytes.readUInt32LE(at) === 0x04034b50;) {
        expect(bytes.readUInt16LE(at + 8)).toBe(8); // deflate
        expect(bytes.readUInt16LE(at + 6) & 8).toBe(8); // sizes in a data descriptor
        const nameLength = bytes.readUInt16LE(at + 26);
        const name = bytes.toString('latin1', at + 30, at + 30 + nameLength);
        const entry = central.get(name);
        if (!entry) throw new Error(`${name} is not in the central directory`);
        expect(entry.offset).toBe(at);
        const start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
        const data = inflateRawSync(bytes.subarray(start, start + entry.compressed));
        expect(data.length).toBe(entry.size);
        expect(crc32(data)).toBe(entry.crc);
        const descriptor = start + entry.compressed;
        expect(bytes.readUInt32LE(descriptor)).toBe(0x08074b50);
        expect([4, 8, 12].map((o) => bytes.readUInt32LE(descriptor + o))).toEqual([
          entry.crc,
          entry.compressed,
          entry.size,
        ]);
        local.push(name);
        at = descriptor + 16;
      }
      const end = bytes.length - 22;
      expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
      expect(bytes.readUInt16LE(end + 10)).toBe(local.length);
      expect(bytes.readUInt32LE(end + 16)).toBe(at); // the central directory follows the last entry
      expect([...central.keys()]).toEqual(local);
    }
  });

  it('writes every feature of the document tree as WordprocessingML the schema accepts', async () => {
    for (const locale of ['et-EE', 'en-GB']) {
      const bytes = writeDocxPackage(FEATURE_TREE, locale, OPTIONS.date, 'ametijuhend <test>');
      expect(await validate(bytes, 'docx', 'Microsoft365')).toEqual([]);
      const parts = unzipText(bytes);
      const doc = parts['word/document.xml'] ?? '';
      // text escaped, characters XML cannot carry dropped; the tab and the fields kept
      expect(doc).toContain('<w:t xml:space="preserve">&quot;&apos;&lt;&gt;&amp;  😀 \u00a0</w:t>');
      expect(doc).toContain('<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>');
      expect(paragraphTexts(doc).find((p) => p.startsWith('kõik'))).toBe(
        'kõikläbi\nrida\n"\'<>&  😀 \u00a0\t',
      );
      // three lists: ordered instance 7, the bullet list, ordered instance 2, numbered from 2
      const nums = [
        ...(parts['word/numbering.xml'] ?? '').matchAll(
          /<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>/g,
        ),
      ];
      const { abstract } = NUMBERING_XML;
      expect(nums.map((m) => [m[1], Number(m[2])])).toEqual([
        ['1', expect.any(Number)],
        ['2', abstract[NUMBERING.ordered]],
        ['3', abstract[NUMBERING.bullet]],
        ['4', abstract[NUMBERING.ordered]],
      ]);
      expect([...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['2', '3', '4']);
      // two hyperlinks, each its own relationship with the URL escaped, ids in order
      const rels = parts['word/_rels/document.xml.rels'] ?? '';
      const targets = Object.fromEntries(
        [...rels.matchAll(/Id="(rId\d+)"[^>]*Target="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      const links = [...doc.matchAll(/<w:hyperlink w:history="1" r:id="(rId\d+)">/g)].map(
        (m) => targets[m[1] ?? ''],
      );
      expect(links).toEqual(['https://example.ee/?a=1&amp;b=&quot;2&quot;', 'mailto:x@example.ee']);
      expect(parts['word/header1.xml']).toContain('päis &amp; &lt;jalus&gt;');
      expect(parts['docProps/core.xml']).toContain(
        '<dc:title>Pealkiri &amp; &quot;jutumärgid&quot; &lt;x&gt;</dc:title>',
      );
      expect(parts['docProps/core.xml']).toContain('<dc:subject>aine &apos;ü&apos;</dc:subject>');
      expect(parts['docProps/app.xml']).toContain('<Application>ametijuhend &lt;test&gt;</Application>');
      expect(parts['word/styles.xml']).toContain(`<w:lang w:val="${locale}"/>`);
    }
  });

  it('refuses links or lists in the running header or footer (they have no relationships of their own)', () => {
    const link: DocTree['header'] = [
      { kind: 'p', children: [{ kind: 'link', url: 'https://x.ee', runs: [] }] },
    ];
    const list: DocTree['footer'] = [
      { kind: 'p', numbering: { reference: NUMBERING.bullet, level: 0 }, children: [] },
    ];
    expect(() => writeDocxPackage({ ...FEATURE_TREE, header: link }, 'et-EE', OPTIONS.date, 'x')).toThrow(
      /header or footer/,
    );
    expect(() => writeDocxPackage({ ...FEATURE_TREE, footer: list }, 'et-EE', OPTIONS.date, 'x')).toThrow(
      /header or footer/,
    );
  });

  it('renumbers relationship ids: no random hyperlink ids', () => {
    const rels = get(ENGLISH).parts['word/_rels/document.xml.rels'] ?? '';
    const ids = [...rels.matchAll(/ Id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(ids.map((_id, i) => `rId${i + 1}`));
  });

  it('gives the same bytes in other processes in other time zones', async () => {
    const register = pathToFileURL(join(ROOT, 'test', 'fixtures', 'ts-loader', 'register.mjs')).href;
    const script = join(FIXTURES, 'render-child.mjs');
    const paths = [REFERENCE, ENGLISH, OFFICIAL];
    const expected = Object.fromEntries(paths.map((p) => [p, sha256(get(p).bytes)]));
    const zones = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'];
    const children = await Promise.all(
      zones.map((tz) =>
        run(
          process.execPath,
          [
            '--import',
            register,
            script,
            JSON.stringify({ date: OPTIONS.date.toISOString(), toolVersion: OPTIONS.toolVersion }),
            ...paths,
          ],
          { cwd: ROOT, env: { ...process.env, TZ: tz }, maxBuffer: 1 << 20 },
        ),
      ),
    );
    children.forEach(({ stdout }, i) => {
      const child = JSON.parse(stdout) as { timeZone: string; hashes: Record<string, string> };
      expect(child.timeZone).toBe(zones[i]);
      expect(child.hashes).toEqual(expected);
    });
  });
});

describe('LibreOffice', () => {
  const SOFFICE = '/usr/bin/soffice';
  const PDFTOTEXT = '/usr/bin/pdftotext';

  /** A checker must be installed (the output suite's setup has said which are missing): fail at once. */
  function requireTool(path: string): void {
    if (!existsSync(path)) throw new Error(`${path} is not installed`);
  }

  /** Pages of pdftotext output with the running header and footer lines removed. */
  function bodyText(pdfText: string, r: Rendered): { body: string; footers: string[] } {
    const footers: string[] = [];
    const pages = pdfText.split('\f').filter((p) => p.trim() !== '');
    const body = pages
      .map((page) =>
        page
          .split('\n')
          .filter((line) => {
            const t = line.trim();
            if (t === r.outline.runningHeader) return false;
            if (/^(?:lk \d+ \/ \d+|(?:Version 1\.0 )?Page \d+ of \d+)$/.test(t)) {
              footers.push(t);
              return false;
            }
            return t !== 'Version 1.0';
          })
          .join('\n'),
      )
      .join('\n');
    return { body: squash(body.replace(/▪/g, ' ')), footers };
  }

  it('opens every document and shows the key texts, page numbers and upper-case headings', async () => {
    requireTool(SOFFICE);
    requireTool(PDFTOTEXT);
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-docx-'));
    try {
      const files = [REFERENCE, ENGLISH, OFFICIAL].map((p) => get(p).file);
      await run(
        SOFFICE,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          ...files,
        ],
        { timeout: 180_000 },
      );
      for (const path of [REFERENCE, ENGLISH, OFFICIAL]) {
        const r = get(path);
        const pdf = r.file.replace(/\.docx$/, '.pdf');
        expect(existsSync(pdf), `${pdf} was not written`).toBe(true);
        const { stdout } = await run(PDFTOTEXT, ['-enc', 'UTF-8', pdf, '-']);
        const { body, footers } = bodyText(stdout, r);
        for (const expected of expectedTexts(r)) {
          // The title and the headings are upper-case on the page (their styles' caps).
          const caps = expected === r.outline.documentTitle || /^\d+\. /.test(expected);
          const shown = caps ? expected.toLocaleUpperCase(r.outline.locale) : expected;
          expect(body, `${basename(path)}: ${shown}`).toContain(shown);
        }
        // Page fields are filled in by the reader: "lk 1 / N" … "lk N / N".
        expect(footers.length).toBeGreaterThan(0);
        const total = footers.length;
        footers.forEach((f, i) =>
          expect(f).toMatch(r.model.lang === 'et' ? `lk ${i + 1} / ${total}` : `Page ${i + 1} of ${total}`),
        );
      }
      const reference = bodyText(
        (await run(PDFTOTEXT, ['-enc', 'UTF-8', get(REFERENCE).file.replace(/\.docx$/, '.pdf'), '-'])).stdout,
        get(REFERENCE),
      );
      expect(reference.body).toContain('2. TÖÖKOHA EESMÄRK');
      expect(reference.body).toContain('Valdab eesti keelt vähemalt tasemel C1.');
      expect(reference.body).toContain('3.11 Vahetu juhi antud muude ühekordsete ülesannete täitmine.');
      expect(reference.footers.length).toBeGreaterThanOrEqual(4);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('the reference parts (scripts/gen-docx-reference.mjs)', () => {
  const SCRIPT = join(ROOT, 'scripts', 'gen-docx-reference.mjs');
  const GENERATED = join(ROOT, 'src', 'render', 'docx', 'reference.generated.ts');

  it('--check passes on the committed module and fails, naming it, when it is stale', async () => {
    const { stdout } = await run(process.execPath, [SCRIPT, '--check'], { cwd: ROOT });
    expect(stdout).toContain('src/render/docx/reference.generated.ts is up to date');
    const dir = mkdtempSync(join(tmpdir(), 'ametijuhend-docx-reference-'));
    try {
      const stale = join(dir, 'reference.generated.ts');
      writeFileSync(stale, readFileSync(GENERATED, 'utf8').replace('w:styleId="Heading1"', 'w:styleId="H1"'));
      const failed = await run(process.execPath, [SCRIPT, '--check', '--out', stale], { cwd: ROOT }).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(
        /reference\.generated\.ts is out of date: run `.*gen-docx-reference\.mjs`/,
      );
      // unchanged, the same file passes: the check compares content, not the path
      writeFileSync(stale, readFileSync(GENERATED, 'utf8'));
      await run(process.execPath, [SCRIPT, '--check', '--out', stale], { cwd: ROOT });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('defines every style and list the writer refers to', () => {
    const styles = STYLES_XML.join('');
    for (const id of [...Object.values(STYLE), 'Hyperlink', 'ListParagraph', 'TableNormal'])
      expect(styles, id).toContain(`w:styleId="${id}"`);
    for (const reference of Object.values(NUMBERING)) {
      const id = NUMBERING_XML.abstract[reference];
      expect(NUMBERING_XML.head, reference).toContain(`<w:abstractNum w:abstractNumId="${id}"`);
    }
  });
});

describe('docx is not loaded at run time', () => {
  /** Files under `dir` (recursively) whose code imports the docx package, statically or dynamically. */
  function importersOfDocx(dir: string): string[] {
    const imports = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]docx(?:\/[^'"]*)?['"]/;
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(?:[cm]?[jt]s)$/.test(f))
      .filter((f) => imports.test(readFileSync(join(dir, f), 'utf8')))
      .map((f) => join(basename(dir), f));
  }

  it('no file of src/ or of the built dist/ imports docx (the generator does: the scan is live)', () => {
    expect(importersOfDocx(join(ROOT, 'src'))).toEqual([]);
    expect(importersOfDocx(join(ROOT, 'dist'))).toEqual([]);
    expect(importersOfDocx(join(ROOT, 'scripts'))).toContain(join('scripts', 'gen-docx-reference.mjs'));
  });

  it('renders DOCX in a process where importing docx fails', async () => {
    const hook = pathToFileURL(join(FIXTURES, 'no-docx.mjs')).href;
    const script = join(FIXTURES, 'render-files.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'ametijuhend-no-docx-'));
    try {
      const env = { ...process.env, AMETIJUHEND_DIST: '1' };
      await run(process.execPath, ['--import', hook, script, dir, REFERENCE, ENGLISH], { cwd: ROOT, env });
      expect(readdirSync(dir).sort()).toEqual([
        'examples-data-analyst.docx',
        'examples-ekspert-kriisiabi.docx',
      ]);
      // the hook is live: importing docx under it fails
      const probe = run(process.execPath, [
        '--import',
        hook,
        '--input-type=module',
        '-e',
        "await import('docx')",
      ]);
      await expect(probe).rejects.toThrow(/docx imported at run time/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
