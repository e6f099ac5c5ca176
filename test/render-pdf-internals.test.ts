/**
 * The pdfkit/fontkit internals the PDF renderer uses (src/render/pdf/internals): the examples
 * rendered with them and on pdfkit's public path have the same text, fonts and pages and are both
 * valid PDF/A-1b; the version guard sends any other pdfkit or fontkit to the public path; and no
 * file of the renderer outside that folder touches internals.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileFile } from '../src/compiler/compile.js';
import type { JobDescription } from '../src/model/types.js';
import { buildOutline } from '../src/render/common/outline.js';
import { renderPdf, type PdfRenderOptions } from '../src/render/pdf/index.js';
import {
  INTERNALS_ENV,
  internalsOff,
  subsetStats,
  versionMismatch,
  WRITTEN_FOR,
} from '../src/render/pdf/internals/index.js';
import { installedVersions } from '../src/render/pdf/internals/version.js';
import type { PdfStandard } from '../src/render/types.js';
import { pageCount, preflight, tool, requireTools } from './fixtures/pdf/tools.js';
import { compileRef, REFERENCE, replace } from './helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => join(ROOT, 'examples', f));
const OPTIONS: PdfRenderOptions = { date: new Date(Date.UTC(2026, 2, 1)), toolVersion: '0.1.0-test' };
const PDF_DIR = join(ROOT, 'src', 'render', 'pdf');
const INTERNALS_DIR = join(PDF_DIR, 'internals');

let outDir: string;
let count = 0;

beforeAll(async () => {
  requireTools();
  outDir = mkdtempSync(join(tmpdir(), 'ametijuhend-pdf-internals-'));
}, 660_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

function compileOrFail(path: string): JobDescription {
  const { model, diagnostics } = compileFile(path, { cwd: ROOT });
  if (!model) throw new Error(`${path} did not compile: ${JSON.stringify(diagnostics)}`);
  return model;
}

function save(bytes: Uint8Array, name: string): string {
  const file = join(outDir, `${++count}-${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

interface FontRow {
  family: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** pdffonts' table: the family without its subset tag, and the emb / sub / uni columns. */
async function fonts(file: string): Promise<FontRow[]> {
  const rows = (await tool('pdffonts', [file])).trim().split('\n').slice(2);
  return rows.map((line) => {
    const m = /^(?:[A-Z]{6}\+)?(\S+)\s+(.+?)\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)\s/.exec(line);
    if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
    return {
      family: m[1]!,
      type: m[2]!,
      embedded: m[3] === 'yes',
      subset: m[4] === 'yes',
      unicode: m[5] === 'yes',
    };
  });
}

/** What a reader gets from a file: its text (whitespace normalised), fonts and pages. */
async function summary(file: string): Promise<{ text: string; families: string[]; pages: number }> {
  const rows = await fonts(file);
  for (const row of rows)
    expect(row, `${basename(file)}: ${row.family}`).toMatchObject({
      type: 'CID TrueType',
      embedded: true,
      subset: true,
      unicode: true,
    });
  return {
    text: norm(await tool('pdftotext', [file, '-'])),
    families: rows.map((r) => r.family).sort(),
    pages: await pageCount(file),
  };
}

describe.each(EXAMPLES.map((path) => [basename(path), path]))(
  '%s with the internals on and off',
  (name, path) => {
    let model: JobDescription;
    let on: Uint8Array;
    let off: Uint8Array;

    beforeAll(async () => {
      model = compileOrFail(path);
      on = await renderPdf(model, OPTIONS);
      off = await renderPdf(model, { ...OPTIONS, internals: false });
    });

    it('takes two different paths, each reproducible', async () => {
      expect(sha256(off)).not.toBe(sha256(on));
      expect(sha256(await renderPdf(model, { ...OPTIONS, internals: false }))).toBe(sha256(off));
      expect(sha256(await renderPdf(model, OPTIONS))).toBe(sha256(on));
    });

    it('has the same text, font families (all embedded) and page count', async () => {
      const a = await summary(save(on, `${name}-on`));
      const b = await summary(save(off, `${name}-off`));
      expect(a.text.length).toBeGreaterThan(1000);
      expect(a.families.length).toBeGreaterThan(1);
      expect(a.families.every((f) => f.startsWith('SourceSans3-'))).toBe(true);
      expect(b).toEqual(a);
    });

    it.each<PdfStandard>(['a-2a', 'a-1b'])(
      'passes qpdf and keeps the %s identification on both paths',
      async (std) => {
        for (const internals of [true, false]) {
          const file = save(
            await renderPdf(model, { ...OPTIONS, pdfStandard: std, internals }),
            `${name}-${std}`,
          );
          expect(await tool('qpdf', ['--check', file])).toContain(
            'No syntax or stream encoding errors found',
          );
          const meta = await tool('pdfinfo', ['-meta', file]);
          expect(meta).toContain(`<pdfaid:part>${std === 'a-1b' ? 1 : 2}</pdfaid:part>`);
          expect(meta).toContain('<xmp:ModifyDate>2026-03-01T00:00:00Z</xmp:ModifyDate>');
          expect(meta).toContain(`<rdf:li>${buildOutline(model).locale}</rdf:li>`);
        }
      },
    );

    it('validates as PDF/A-1b (PDFBox Preflight) on both paths', async () => {
      for (const internals of [true, false]) {
        const file = save(
          await renderPdf(model, { ...OPTIONS, pdfStandard: 'a-1b', internals }),
          `${name}-a1b`,
        );
        const result = await preflight(file);
        expect(result.output, `internals ${internals}`).toContain('is a valid PDF/A-1b file');
        expect(result.code).toBe(0);
      }
    });

    it(`takes the public path with ${INTERNALS_ENV}=0, and no shared subset`, async () => {
      vi.stubEnv(INTERNALS_ENV, '0');
      const before = { ...subsetStats };
      expect(sha256(await renderPdf(model, OPTIONS))).toBe(sha256(off));
      expect(subsetStats).toEqual(before);
      vi.stubEnv(INTERNALS_ENV, '1');
      expect(sha256(await renderPdf(model, OPTIONS))).toBe(sha256(on));
      expect(subsetStats.shared).toBeGreaterThan(before.shared);
    });
  },
);

describe('metadata on the public path', () => {
  it('keeps a title with & and < valid: escaped in the XMP, left out of the Info dictionary', async () => {
    // an unpaired quote (5") stays straight in the model, so the XMP must escape it
    const title = 'Ekspert & <kriisiabi> 5" juht';
    const { model } = compileRef(
      replace(REFERENCE, 'title: Ekspert (psühhosotsiaalne kriisiabi)', `title: '${title}'`),
    );
    if (!model) throw new Error('did not compile');
    const file = save(await renderPdf(model, { ...OPTIONS, pdfStandard: 'a-1b', internals: false }), 'title');
    const meta = await tool('pdfinfo', ['-meta', file]);
    expect(meta).toContain(
      '<rdf:li xml:lang="x-default">Ekspert &amp; &lt;kriisiabi&gt; 5&quot; juht</rdf:li>',
    );
    expect(meta).not.toContain('<kriisiabi>');
    expect(await tool('pdfinfo', [file])).not.toMatch(/^Title:/m);
    const result = await preflight(file);
    expect(result.output).toContain('is a valid PDF/A-1b file');
    expect(norm(await tool('pdftotext', [file, '-']))).toContain(title);
  });
});

describe('the version guard', () => {
  it('knows the pinned versions and finds them installed', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies.pdfkit).toBe(WRITTEN_FOR.pdfkit);
    expect(pkg.dependencies.fontkit).toBe(WRITTEN_FOR.fontkit);
    expect(installedVersions()).toEqual({ ...WRITTEN_FOR, sameFontkit: true });
    expect(internalsOff()).toBeUndefined();
  });

  it('refuses any other version, or another copy of fontkit', () => {
    const exact = { ...WRITTEN_FOR, sameFontkit: true };
    expect(versionMismatch(exact)).toBeUndefined();
    expect(versionMismatch({ ...exact, pdfkit: '0.20.3' })).toBe('pdfkit 0.20.3 is not 0.20.2');
    expect(versionMismatch({ ...exact, fontkit: '2.1.0' })).toBe('fontkit 2.1.0 is not 2.0.4');
    expect(versionMismatch({ ...exact, pdfkit: undefined })).toMatch(/^pdfkit \(not found\)/);
    expect(versionMismatch({ ...exact, sameFontkit: false })).toMatch(/another copy of fontkit/);
  });

  it('turns off by the option and the environment variable only with "0"', () => {
    expect(internalsOff(false)).toMatch(/option/);
    expect(internalsOff(true, { [INTERNALS_ENV]: '0' })).toBe(`${INTERNALS_ENV}=0`);
    expect(internalsOff(true, { [INTERNALS_ENV]: '1' })).toBeUndefined();
  });

  it('sends a faked pdfkit version to the public path, whatever the render asks', async () => {
    const model = compileOrFail(EXAMPLES[0]!);
    const off = sha256(await renderPdf(model, { ...OPTIONS, internals: false }));
    vi.resetModules();
    vi.doMock('../src/render/pdf/internals/version.js', () => ({
      installedVersions: () => ({ pdfkit: '0.21.0', fontkit: WRITTEN_FOR.fontkit, sameFontkit: true }),
    }));
    try {
      const guarded = await import('../src/render/pdf/internals/index.js');
      const renderer = await import('../src/render/pdf/index.js');
      expect(guarded.internalsOff()).toBe('pdfkit 0.21.0 is not 0.20.2');
      const bytes = await renderer.renderPdf(model, { ...OPTIONS, internals: true });
      expect(sha256(bytes)).toBe(off);
      expect(guarded.subsetStats).toEqual({ shared: 0, own: 0 });
    } finally {
      vi.doUnmock('../src/render/pdf/internals/version.js');
      vi.resetModules();
    }
  });
});

describe('the renderer outside src/render/pdf/internals', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f));

  it('touches no pdfkit or fontkit internals', () => {
    const offences: string[] = [];
    for (const file of sources(PDF_DIR)) {
      if (file.startsWith(INTERNALS_DIR) || file.endsWith('coverage.generated.ts')) continue;
      const text = readFileSync(file, 'utf8');
      const at = relative(ROOT, file);
      for (const m of text.matchAll(/\._[A-Za-z]\w*|\.prototype\b|\b(?:doc|font)[\w.]* as unknown as\b/g))
        offences.push(`${at}: ${m[0]}`);
    }
    expect(offences).toEqual([]);
  });

  it('reaches the internals only through their index', () => {
    const deep: string[] = [];
    for (const file of sources(join(ROOT, 'src'))) {
      if (file.startsWith(INTERNALS_DIR)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from '([^']*internals\/[^']*)'/g))
        if (!m[1]!.endsWith('internals/index.js')) deep.push(`${relative(ROOT, file)}: ${m[1]}`);
    }
    expect(deep).toEqual([]);
    // and the scan sees the renderer's own imports of it
    expect(readFileSync(join(PDF_DIR, 'index.ts'), 'utf8')).toContain("from './internals/index.js'");
  });
});
