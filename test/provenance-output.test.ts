/**
 * Provenance in every output (issue 11), on files rendered by the API's render() from the reference
 * example and read back by other programs: readEmbedded gives exactly provenanceOf(model) for a PDF
 * (both pdfkit paths), a DOCX and an HTML page; the PDF mirrors it in the Info dictionary, prints the
 * document code on its last page only and stays valid PDF/A (PDFBox Preflight); LibreOffice opens the
 * DOCX and shows the code; the bytes are the same across renders and time zones; a file without
 * provenance and a damaged one are told apart.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { preflight, requireTools, tool } from './fixtures/pdf/tools.js';
import { REFERENCE_PATH } from './helpers.js';
import { libreOfficeConvert } from './output-tools.js';
import { compileFile } from '../src/compiler/compile.js';
import { render } from '../src/compiler/render.js';
import { provenanceOf } from '../src/model/fingerprint.js';
import type { JobDescription, Provenance } from '../src/model/types.js';
import { INTERNALS_ENV, internalsOff } from '../src/render/pdf/internals/index.js';
import type { OutputFormat, RenderOptions } from '../src/render/types.js';
import { readEmbedded } from '../src/signing/embedded.js';
import { CONTAINER_LIMITS, SigningFailure } from '../src/signing/types.js';
import { bilingual, type MessageId } from '../src/messages/index.js';
import { infoKey, provenanceFields, shortCode } from '../src/util/provenance.js';
import { VERSION } from '../src/util/version.js';

let model: JobDescription;
let expected: Provenance;
let codeLine: string;
const dir = mkdtempSync(join(tmpdir(), 'provenance-output-'));

beforeAll(() => {
  requireTools();
  const result = compileFile(REFERENCE_PATH);
  if (!result.model) throw new Error('the reference did not compile');
  model = result.model;
  expected = provenanceOf(model, VERSION);
  codeLine = `Dokumendi kood: ${shortCode(expected.fingerprint)}`;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

let count = 0;
function save(bytes: Uint8Array, ext: string): string {
  const file = join(dir, `out-${++count}.${ext}`);
  writeFileSync(file, bytes);
  return file;
}

/** A roster copy's provenance with every character a metadata format must escape. */
const hostile = (): Provenance => ({
  ...expected,
  version: '2.0 <beta> & "final"',
  personalisation: { employee: 'Õie "Mägi" <script>&amp;', employer: "A & B's <Amet>", role: 'juht ]]> -->' },
});

/** pdftotext's pages (form feeds between them), blank runs squashed. */
async function pdfPages(file: string): Promise<string[]> {
  const text = await tool('pdftotext', ['-layout', file, '-']);
  return text
    .split('\f')
    .filter((p) => p.trim())
    .map((p) => p.replace(/[ \t]+/g, ' '));
}

/** Preflight's error lines ("7.3 : Error on MetaData, …"). */
const preflightErrors = (output: string): string[] =>
  output.split('\n').filter((l) => /^\d+(?:\.\d+)+ : /.test(l.trim()));

/**
 * The errors PDFBox Preflight (a PDF/A-1b validator, the only one PDFBox has) reports on any PDF/A-2
 * file that are rules of part 1 only: a part-2 identification and fonts without the CIDSet that
 * PDF/A-2 no longer requires. Anything else, a metadata error above all, is a real failure.
 */
const PART_ONE_ONLY = [/^3\.1\.11 : .*CIDSet/, /^7\.11\.2 : .*part must be 1/];

describe.each([
  ['internals', '1'],
  ['public path', '0'],
])('PDF (pdfkit %s)', (_name, env) => {
  const renderPdf = async (options: Partial<RenderOptions> = {}): Promise<Uint8Array> => {
    vi.stubEnv(INTERNALS_ENV, env);
    expect(internalsOff() === undefined).toBe(env === '1');
    return render(model, 'pdf', options);
  };

  it('carries exactly provenanceOf(model), in the XMP and the Info dictionary', async () => {
    const bytes = await renderPdf();
    expect(await readEmbedded(bytes, 'pdf')).toEqual({ kind: 'pdf', provenance: expected });
    const file = save(bytes, 'pdf');
    const meta = await tool('pdfinfo', ['-meta', file]);
    expect(meta).toContain(`<ametijuhend:fingerprint>${expected.fingerprint}</ametijuhend:fingerprint>`);
    expect(meta).toContain('xmlns:ametijuhend="https://ametijuhend.ee/ns/provenance/1.0/"');
    expect(meta).toContain('<pdfaSchema:prefix>ametijuhend</pdfaSchema:prefix>');
    // the Info dictionary, as poppler reads it
    const custom = await tool('pdfinfo', ['-custom', file]);
    for (const [field, value] of provenanceFields(expected))
      expect(custom, field).toMatch(
        new RegExp(`^${infoKey(field)}:\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
      );
    // without the XMP (its namespace changed, same length) the Info dictionary alone gives it all back
    const noXmp = Buffer.from(bytes)
      .toString('latin1')
      .replaceAll('https://ametijuhend.ee/ns/provenance/1.0/', 'https://ametijuhend.ex/ns/provenance/1.0/');
    expect(noXmp.length).toBe(bytes.length);
    expect(noXmp).not.toContain('ametijuhend.ee/ns');
    expect(await readEmbedded(Buffer.from(noXmp, 'latin1'), 'pdf')).toEqual({
      kind: 'pdf',
      provenance: expected,
    });
  });

  it('reads back a file re-saved with compressed object streams (qpdf), through pdfjs', async () => {
    const bytes = await renderPdf();
    // no XMP of ours left (its namespace changed, same length), the Info dictionary in an object stream
    const noXmp = Buffer.from(
      Buffer.from(bytes)
        .toString('latin1')
        .replaceAll('https://ametijuhend.ee/ns/provenance/1.0/', 'https://ametijuhend.ex/ns/provenance/1.0/'),
      'latin1',
    );
    const file = save(noXmp, 'pdf');
    const resaved = file.replace(/\.pdf$/, '-objstm.pdf');
    await tool('qpdf', ['--object-streams=generate', file, resaved]);
    const again = readFileSync(resaved);
    expect(again.toString('latin1')).toContain('/ObjStm');
    expect(again.toString('latin1')).not.toContain('AmetijuhendFingerprint'); // compressed
    expect(await readEmbedded(again, 'pdf')).toEqual({ kind: 'pdf', provenance: expected });
  });

  it('prints "Dokumendi kood: <code>" in the footer of the last page only', async () => {
    const pages = await pdfPages(save(await renderPdf(), 'pdf'));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.includes(codeLine))).toEqual(pages.map((_p, i) => i === pages.length - 1));
    // below the running footer, the page's last line
    const last = (pages.at(-1) ?? '').trim().split('\n');
    expect(last.at(-1)?.trim()).toBe(codeLine);
    expect(last.at(-2)).toContain(`lk ${pages.length} / ${pages.length}`);
  });

  it('says "Document code" in an English document', async () => {
    const english = compileFile(join(REFERENCE_PATH, '..', 'data-analyst.md')).model!;
    vi.stubEnv(INTERNALS_ENV, env);
    const bytes = await render(english, 'pdf');
    const pages = await pdfPages(save(bytes, 'pdf'));
    const line = `Document code: ${shortCode(provenanceOf(english, VERSION).fingerprint)}`;
    expect(pages.map((p) => p.includes(line))).toEqual(pages.map((_p, i) => i === pages.length - 1));
  });

  it.each(['a-1b', 'a-2b', 'a-2a'] as const)(
    'stays valid %s with the provenance (PDFBox Preflight)',
    async (std) => {
      const file = save(await renderPdf({ pdfStandard: std }), 'pdf');
      expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
      const result = await preflight(file);
      if (std === 'a-1b') {
        expect(result.output).toContain('is a valid PDF/A-1b file');
        expect(result.code).toBe(0);
      } else {
        const errors = preflightErrors(result.output);
        expect(errors.length).toBeGreaterThan(0); // Preflight ran and judged the file
        expect(errors.filter((e) => !PART_ONE_ONLY.some((re) => re.test(e.trim())))).toEqual([]);
      }
      // the tagged structure is untouched: the code is an artifact, not in the structure tree
      if (std === 'a-2a') expect(await tool('pdfinfo', [file])).toMatch(/^Tagged:\s+yes$/m);
    },
  );

  it('fails Preflight without the extension schema (the check can fail)', async () => {
    const bytes = Buffer.from(await renderPdf({ pdfStandard: 'a-1b' }));
    // the schema now declares another namespace than the properties use
    const broken = bytes
      .toString('latin1')
      .replace(
        '<pdfaSchema:namespaceURI>https://ametijuhend.ee/',
        '<pdfaSchema:namespaceURI>https://ametijuhend.ex/',
      );
    const result = await preflight(save(Buffer.from(broken, 'latin1'), 'pdf'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/7\.3 : .*ametijuhend\.ee\/ns\/provenance/);
  });

  it('escapes every value (a roster copy with markup characters) and reads them back', async () => {
    const provenance = hostile();
    const bytes = await renderPdf({ provenance, pdfStandard: 'a-1b' });
    expect(await readEmbedded(bytes, 'pdf')).toEqual({ kind: 'pdf', provenance });
    const file = save(bytes, 'pdf');
    const meta = await tool('pdfinfo', ['-meta', file]);
    expect(meta).toContain(
      '<ametijuhend:employee>Õie &quot;Mägi&quot; &lt;script&gt;&amp;amp;</ametijuhend:employee>',
    );
    expect(meta).not.toContain('<script>');
    const result = await preflight(file);
    expect(result.output).toContain('is a valid PDF/A-1b file');
    expect(await tool('pdfinfo', ['-custom', file])).toMatch(
      /^AmetijuhendEmployee:\s*Õie "Mägi" <script>&amp;$/m,
    );
  });

  it('gives the same bytes twice and in another time zone', async () => {
    const a = await renderPdf();
    expect(Buffer.from(await renderPdf()).equals(Buffer.from(a))).toBe(true);
    expect(
      Buffer.from(await inTimeZone('Pacific/Kiritimati', () => renderPdf())).equals(Buffer.from(a)),
    ).toBe(true);
  });
});

/**
 * Runs `make` with the process in time zone `tz` (Node reads TZ again when it is set), checking the
 * zone took effect, then restores it.
 */
async function inTimeZone<T>(tz: string, make: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  const offset = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
  process.env.TZ = tz;
  try {
    const now = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
    expect(now).not.toBe(offset);
    if (tz === 'Pacific/Kiritimati') expect(now).toBe(-14 * 60);
    return await make();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('DOCX', () => {
  it('carries exactly provenanceOf(model) in docProps/custom.xml, valid OOXML', async () => {
    const bytes = await render(model, 'docx');
    expect(await readEmbedded(bytes, 'docx')).toEqual({ kind: 'docx', provenance: expected });
    expect(await validate(bytes, 'docx', 'Microsoft365')).toEqual([]);
    const { unzipSync, strFromU8 } = await import('fflate');
    const parts = unzipSync(bytes);
    const custom = strFromU8(parts['docProps/custom.xml']!);
    expect(custom).toContain(
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ametijuhend.id"><vt:lpwstr>${expected.id}</vt:lpwstr></property>`,
    );
    expect(custom.match(/pid="(\d+)"/g)).toEqual(provenanceFields(expected).map((_f, i) => `pid="${i + 2}"`));
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain(
      '<Override ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml" PartName="/docProps/custom.xml"/>',
    );
    expect(strFromU8(parts['_rels/.rels']!)).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"',
    );
    expect(strFromU8(parts['word/footer1.xml']!)).toContain(codeLine);
  });

  it('escapes every value and reads them back; valid OOXML', async () => {
    const provenance = hostile();
    const bytes = await render(model, 'docx', { provenance });
    expect(await readEmbedded(bytes, 'docx')).toEqual({ kind: 'docx', provenance });
    expect(await validate(bytes, 'docx', 'Microsoft365')).toEqual([]);
  });

  it('opens in LibreOffice, which shows the code in the footer of every page and keeps the properties', async () => {
    const docx = join(mkdtempSync(join(dir, 'lo-')), 'ekspert.docx');
    writeFileSync(docx, await render(model, 'docx'));
    const out = mkdtempSync(join(dir, 'lo-pdf-'));
    libreOfficeConvert([docx], 'pdf', out);
    const pages = await pdfPages(join(out, 'ekspert.pdf'));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain(codeLine);
    // LibreOffice writes the custom properties again: a DOCX re-saved by an office program still reads
    const again = mkdtempSync(join(dir, 'lo-docx-'));
    libreOfficeConvert([docx], 'docx:MS Word 2007 XML', again);
    const resaved = readFileSync(join(again, 'ekspert.docx'));
    expect((await readEmbedded(resaved, 'docx')).provenance).toEqual(expected);
  });

  it('gives the same bytes twice and in another time zone', async () => {
    const a = await render(model, 'docx');
    expect(Buffer.from(await render(model, 'docx')).equals(Buffer.from(a))).toBe(true);
    expect(
      Buffer.from(await inTimeZone('Pacific/Kiritimati', () => render(model, 'docx'))).equals(Buffer.from(a)),
    ).toBe(true);
  });
});

describe('HTML', () => {
  it('carries exactly provenanceOf(model) in meta elements and shows the code', async () => {
    const bytes = await render(model, 'html');
    expect(await readEmbedded(bytes, 'html')).toEqual({ kind: 'html', provenance: expected });
    const html = new TextDecoder().decode(bytes);
    const head = html.slice(0, html.indexOf('</head>'));
    for (const [field] of provenanceFields(expected))
      expect(head).toContain(`<meta name="ametijuhend.${field}" content="`);
    expect(html).toMatch(
      new RegExp(`<footer>[\\s\\S]*<p class="document-code">${codeLine}</p>[\\s\\S]*</footer>`),
    );
  });

  it('escapes every value and reads them back', async () => {
    const provenance = hostile();
    const bytes = await render(model, 'html', { provenance });
    expect(await readEmbedded(bytes, 'html')).toEqual({ kind: 'html', provenance });
    const html = new TextDecoder().decode(bytes);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      'name="ametijuhend.employee" content="Õie &#x22;Mägi&#x22; &#x3C;script&#x3E;&#x26;amp;"',
    );
  });

  it('reads back a page saved again by a browser (attributes reordered, other quotes, references)', async () => {
    const html = new TextDecoder().decode(await render(model, 'html'));
    const resaved = html
      .replace(
        /<meta name="(ametijuhend\.[a-z]+)" content="([^"]*)">/g,
        (_m, name: string, content: string) =>
          name === 'ametijuhend.id'
            ? `<META content='${content.replace(/-/g, '&#45;')}'\n  NAME=${name}>`
            : `<meta content="${content}" name="${name}" />`,
      )
      .replace('<head>', '<head><!-- <meta name="ametijuhend.id" content="commented-out"> -->');
    expect(resaved).not.toBe(html);
    expect((await readEmbedded(new TextEncoder().encode(resaved), 'html')).provenance).toEqual(expected);
  });

  it('gives the same bytes twice and in another time zone', async () => {
    const a = await render(model, 'html');
    expect(Buffer.from(await render(model, 'html')).equals(Buffer.from(a))).toBe(true);
    expect(
      Buffer.from(await inTimeZone('Pacific/Kiritimati', () => render(model, 'html'))).equals(Buffer.from(a)),
    ).toBe(true);
  });
});

describe('readEmbedded on other files', () => {
  const without = async (format: OutputFormat): Promise<Uint8Array> => {
    // a renderer called without the provenance writes none (as an older ametijuhend did)
    const { loadRenderer } = await import('../src/render/index.js');
    return (await loadRenderer(format))(model, {
      date: new Date(Date.UTC(2026, 2, 1)),
      toolVersion: VERSION,
    });
  };

  it.each(['pdf', 'docx', 'html'] as const)(
    'a %s without provenance: provenance undefined',
    async (format) => {
      const bytes = await without(format);
      expect(await readEmbedded(bytes, format)).toEqual({ kind: format });
      if (format === 'pdf') expect(Buffer.from(bytes).toString('latin1')).not.toContain('Dokumendi kood');
    },
  );

  it.each([
    ['pdf', 'not a PDF', 'signing.embedded.damagedPdf', new TextEncoder().encode('hello, world')],
    [
      'pdf',
      'a PDF header and garbage',
      'signing.embedded.damagedPdf',
      new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(2000)}`),
    ],
    ['docx', 'not a zip', 'signing.embedded.damagedDocx', new TextEncoder().encode('PK garbage')],
    ['docx', 'a PDF', 'signing.embedded.damagedDocx', new TextEncoder().encode('%PDF-1.7\n')],
    ['html', 'binary bytes', 'signing.embedded.damagedHtml', new Uint8Array([0, 1, 2, 3, 0x3c, 0x68, 0])],
    ['html', 'plain text', 'signing.embedded.damagedHtml', new TextEncoder().encode('just text')],
  ] as const)('%s, %s: SigningFailure %s', async (format, _name, id, bytes) => {
    const error = await readEmbedded(bytes, format).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningFailure);
    const failure = error as SigningFailure;
    expect(failure.id).toBe(id);
    // said in the user's terms, in both languages
    expect(bilingual(failure.id as MessageId, failure.data)).toMatch(/damaged.* \/ .*rikutud/);
  });

  it('a file over the size limit: SigningFailure before reading it', async () => {
    const big = new Uint8Array(CONTAINER_LIMITS.fileBytes + 1);
    const error = (await readEmbedded(big, 'pdf').catch((e: unknown) => e)) as SigningFailure;
    expect(error.id).toBe('signing.embedded.tooLarge');
    expect(bilingual(error.id as MessageId, error.data)).toContain('101 MB');
  });

  it('a truncated DOCX or one with malformed custom properties: SigningFailure', async () => {
    const bytes = await render(model, 'docx');
    const cut = await readEmbedded(bytes.subarray(0, bytes.length - 100), 'docx').catch((e: unknown) => e);
    expect((cut as SigningFailure).id).toBe('signing.embedded.damagedDocx');
    const { unzipSync, zipSync, strToU8 } = await import('fflate');
    const parts = unzipSync(bytes);
    parts['docProps/custom.xml'] = strToU8('<Properties><property name="ametijuhend.id">');
    const bad = await readEmbedded(zipSync(parts), 'docx').catch((e: unknown) => e);
    expect((bad as SigningFailure).id).toBe('signing.embedded.damagedDocx');
  });

  it('a PDF whose only provenance XMP is malformed: SigningFailure, unless the Info dictionary has it', async () => {
    const bytes = Buffer.from(await render(model, 'pdf'));
    const text = bytes.toString('latin1');
    // break the XMP (same length): the Info dictionary still gives the provenance
    const broken = text.replace('<ametijuhend:id>', '<ametijuhend:id<');
    expect(await readEmbedded(Buffer.from(broken, 'latin1'), 'pdf')).toEqual({
      kind: 'pdf',
      provenance: expected,
    });
    // and with the Info entries renamed too, nothing readable is left: damaged
    const neither = broken.replaceAll('/Ametijuhend', '/Xmetijuhend');
    const error = await readEmbedded(Buffer.from(neither, 'latin1'), 'pdf').catch((e: unknown) => e);
    expect((error as SigningFailure).id).toBe('signing.embedded.damagedPdf');
  });
});
