/**
 * The programmatic API as an installed package sees it: this file imports nothing of ours but
 * the package by its name (it resolves to dist/ through package.json's "exports", as it would in
 * node_modules), and runs each export on the examples.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  changeReport,
  check,
  compareModels,
  compileFile,
  compileSource,
  importDocument,
  ImportFailure,
  importPaths,
  init,
  InitError,
  fingerprintModel,
  OUTPUT_FORMATS,
  provenanceOf,
  readContainer,
  readEmbedded,
  render,
  RULES,
  status,
  UsageError,
  verifyFiles,
  VERSION,
  writeContainer,
  writeMarkdown,
  startPreview,
  type Draft,
  type JobDescription,
  type OutputFormat,
} from 'ametijuhend';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = join(ROOT, 'examples');
const IDS = ['data-analyst', 'ekspert-kriisiabi'];

let tmp: string;
/** A copy of the examples, so build's cache and outputs stay out of the repository. */
let copy: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ametijuhend-api-'));
  copy = join(tmp, 'examples');
  cpSync(EXAMPLES, copy, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const compiled = (id: string): JobDescription => {
  const result = compileFile(join(EXAMPLES, `${id}.md`));
  expect(result.diagnostics).toEqual([]);
  expect(result.model).toBeDefined();
  return result.model!;
};

const MAGIC: Record<OutputFormat, string> = { pdf: '%PDF-', html: '<!doctype html>', docx: 'PK\u0003\u0004' };
const head = (bytes: Uint8Array, n: number): string => Buffer.from(bytes.subarray(0, n)).toString('latin1');

describe('compile', () => {
  it('compileFile gives the typed model of each example, without problems', () => {
    const analyst = compiled('data-analyst');
    expect(analyst).toMatchObject({ id: 'data-analyst', title: 'Data Analyst', lang: 'en' });
    expect(compiled('ekspert-kriisiabi').lang).toBe('et');
  });

  it('compileSource reports a problem with its rule and place, and gives no model', () => {
    const text = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8').replace('title: Data Analyst\n', '');
    const result = compileSource(text, { path: 'x.md', lang: 'en' });
    expect(result.model).toBeUndefined();
    expect(result.errorCount).toBeGreaterThan(0);
    const missing = result.diagnostics.find((d) => d.rule === 'missing-key');
    expect(missing).toMatchObject({ file: 'x.md', severity: 'error' });
    expect(missing!.message).toContain('title');
    expect(RULES.map((r) => r.id)).toContain('missing-key');
  });
});

describe('render', () => {
  it.each(OUTPUT_FORMATS)('%s: bytes of that format, the same on every call', async (format) => {
    const model = compiled('ekspert-kriisiabi');
    const bytes = await render(model, format);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(head(bytes, MAGIC[format].length)).toBe(MAGIC[format]);
    expect(Buffer.from(await render(model, format)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('embeds the tool version by default, and the date and version it is given', async () => {
    const model = compiled('data-analyst');
    const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
    expect(latin1(await render(model, 'pdf'))).toContain(`ametijuhend ${VERSION}`);
    const options = { date: new Date(Date.UTC(2030, 0, 2)), toolVersion: '9.9.9' };
    for (const format of ['pdf', 'html'] as const) {
      const text = latin1(await render(model, format, options));
      expect(text, format).toContain('ametijuhend 9.9.9');
      expect(text, format).toContain('2030-01-02');
    }
  });

  it('rejects a format it does not know, in both languages', async () => {
    await expect(render(compiled('data-analyst'), 'odt' as OutputFormat)).rejects.toThrow(
      /unknown format "odt".*tundmatu vorming/,
    );
  });
});

describe('check and status', () => {
  it('check of the examples folder: both descriptions, no problems', async () => {
    const result = await check(['.'], { cwd: copy });
    expect(result.files.map((f) => f.path.replace(/\\/g, '/')).sort()).toEqual(
      IDS.map((id) => join(copy, `${id}.md`).replace(/\\/g, '/')),
    );
    expect(result.errorCount).toBe(0);
    expect(result.diagnostics).toEqual([]);
  });

  it('check finds a problem in a folder, and a path that matches nothing is a UsageError', async () => {
    const dir = mkdtempSync(join(tmp, 'broken-'));
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\nlang: xx\n---\n\n## Õigused\n\nMidagi.\n');
    const result = await check(['.'], { cwd: dir, lang: 'en' });
    expect(result.errorCount).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.file === 'a.md')).toBe(true);
    await expect(check(['nothing-here.md'], { cwd: dir })).rejects.toBeInstanceOf(UsageError);
  });

  it('status gives a row per description with its id, title and counts', async () => {
    const rows = await status(['.'], { cwd: copy });
    expect(rows.map((r) => [r.id, r.title, r.errors])).toEqual([
      ['data-analyst', 'Data Analyst', 0],
      ['ekspert-kriisiabi', 'Ekspert (psühhosotsiaalne kriisiabi)', 0],
    ]);
    expect(rows[0]!.reviewed).toBe('2026-03-01');
  });
});

describe('build', () => {
  it('writes every format of every example into the output folder, the bytes render gives', async () => {
    const out = join(tmp, 'out');
    const result = await build(['.'], { cwd: copy, outDir: out, formats: OUTPUT_FORMATS, jobs: 1 });
    expect(result).toMatchObject({ built: 2, failed: 0, errorCount: 0, failures: [] });
    for (const id of IDS) {
      const model = compiled(id);
      for (const format of OUTPUT_FORMATS) {
        const file = join(out, `${id}.${format}`);
        expect(result.outputs).toContain(file);
        const expected = Buffer.from(await render(model, format));
        expect(readFileSync(file).equals(expected), file).toBe(true);
      }
    }
  });
});

describe('startPreview', () => {
  it('serves the list of the examples on a port the system chooses, and stops', async () => {
    const server = await startPreview([copy], { cwd: copy, port: 0, lang: 'en' });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
      const page = await fetch(server.url);
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const id of IDS) expect(html).toContain(`/d/${id}`);
    } finally {
      await server.close();
    }
    await expect(fetch(server.url)).rejects.toThrow();
  });
});

describe('init', () => {
  it('sets up a folder whose descriptions check without errors, and leaves existing files alone', async () => {
    const dir = join(tmp, 'init');
    const first = init(dir, { lang: 'en', organisation: 'Example Agency', date: '2026-01-15' });
    expect(first.dir).toBe(dir);
    expect(first.created).toContain('ametijuhend.config.yaml');
    expect(first.created).toContain('hr-specialist.md');
    expect(readFileSync(join(dir, 'ametijuhend.config.yaml'), 'utf8')).toContain('Example Agency');
    expect((await check(['.'], { cwd: dir })).errorCount).toBe(0);
    const again = init(dir, { lang: 'en' });
    expect(again.created).toEqual([]);
    expect(again.skipped.sort()).toEqual([...first.created].sort());
  });

  it('a target that is a file is an InitError', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    expect(() => init(file)).toThrow(InitError);
    expect(existsSync(join(file, 'ametijuhend.config.yaml'))).toBe(false);
  });
});

describe('import', () => {
  const draft: Draft = {
    frontmatter: { title: 'Jurist', unit: 'Õigusosakond', reportsTo: 'Juhataja' },
    sections: [
      {
        key: 'purpose',
        heading: 'Töökoha eesmärk',
        blocks: [{ type: 'paragraph', text: 'Nõustab *kõiki*.' }],
      },
    ],
    notes: [],
  };

  it('writeMarkdown writes a draft as FORMAT v1 text, its plain text escaped', () => {
    expect(writeMarkdown(draft)).toBe(
      '---\ntitle: Jurist\nunit: Õigusosakond\nreportsTo: Juhataja\n---\n\n## Töökoha eesmärk\n\nNõustab \\*kõiki\\*.\n',
    );
  });

  it('importDocument throws an ImportFailure for bytes that are no document', async () => {
    const failure = await importDocument(new TextEncoder().encode('plain text'), 'x.pdf').catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ImportFailure);
    expect((failure as ImportFailure).id).toBe('import.unknownFormat');
  });

  it('importPaths reports an input that cannot be imported as failed, writes nothing for it, and goes on', async () => {
    const dir = join(tmp, 'import-bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.pdf'), 'not a pdf');
    const result = await importPaths(['a.pdf'], { cwd: dir, outDir: 'out', lang: 'en', soffice: false });
    expect(result.counts).toEqual({ imported: 0, problems: 0, failed: 1, skipped: 0 });
    expect(result.files[0]!.failure!.message).toMatch(/^this is neither a Word \(\.docx\) nor a PDF file/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  describe('end to end (needs the readers)', () => {
    it('importPaths imports the DOCX and the PDF that build made of an example, and the check finds no error', async () => {
      const built = join(tmp, 'import-built');
      await build(['ekspert-kriisiabi.md'], { cwd: copy, outDir: built, formats: ['docx', 'pdf'], jobs: 1 });
      const out = join(copy, 'imported');
      const result = await importPaths([built], { cwd: copy, outDir: out, lang: 'et' });
      expect(result.files.map((f) => f.status)).toEqual(['imported', 'imported']);
      expect(result.check?.errorCount).toBe(0);
      // the DOCX first, then the PDF of the same name (its slug taken: "-2")
      expect(result.files.map((f) => f.output)).toEqual([
        join(out, 'ekspert-kriisiabi.md'),
        join(out, 'ekspert-kriisiabi-2.md'),
      ]);
      for (const name of ['ekspert-kriisiabi.md', 'ekspert-kriisiabi-2.md']) {
        const model = compileFile(join(out, name)).model!;
        expect(model.title).toBe(compiled('ekspert-kriisiabi').title);
        expect(model.sections.duties?.duties).toHaveLength(11);
      }
    });
  });
});

describe('signing (issue 11)', () => {
  it('every output carries the provenance of its model, and render() gives what build writes', async () => {
    const model = compiled('data-analyst');
    const provenance = provenanceOf(model, VERSION);
    expect(provenance.fingerprint).toBe(fingerprintModel(model).value);
    for (const format of ['pdf', 'docx', 'html'] as const) {
      const embedded = await readEmbedded(await render(model, format), format);
      expect(embedded.provenance, format).toEqual(provenance);
    }
  });

  it('writeContainer gives a container readContainer reads back, and verifyFiles calls its PDF current', async () => {
    const dir = join(tmp, 'signing');
    const out = join(tmp, 'signing-out');
    mkdirSync(dir);
    cpSync(EXAMPLES, join(dir, 'docs'), { recursive: true });
    await build(['docs/data-analyst.md'], { cwd: dir, outDir: out, formats: ['pdf'], jobs: 1 });
    const pdf = readFileSync(join(out, 'data-analyst.pdf'));
    const bytes = writeContainer([{ name: 'data-analyst.pdf', mediaType: 'application/pdf', bytes: pdf }]);
    const container = readContainer(bytes, { strict: true });
    expect(container.files.map((f) => [f.name, f.mediaType])).toEqual([
      ['data-analyst.pdf', 'application/pdf'],
    ]);
    expect(Buffer.from(container.files[0]!.bytes).equals(pdf)).toBe(true);
    expect(container.signatures).toEqual([]);
    const file = join(tmp, 'data-analyst.asice');
    writeFileSync(file, bytes);
    const result = await verifyFiles([file], { repo: join(dir, 'docs'), cwd: dir, lang: 'en' });
    expect(result.files.map((f) => f.state)).toEqual(['current']);
  });

  it('compareModels and changeReport name a reworded title, and nothing for the same model', () => {
    const old = compiled('data-analyst');
    const changed = { ...old, title: 'Senior Data Analyst' };
    expect(compareModels(old, old)).toEqual([]);
    const parts = compareModels(old, changed);
    expect(parts.map((p) => p.part)).toEqual(['title']);
    const report = changeReport(old, changed, { old: { ref: 'v1.0' } });
    expect(report.status).toBe('changed');
  });
});
