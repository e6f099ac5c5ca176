/**
 * The change report as files read back by other programs: the PDF's text with pdftotext, its
 * metadata with pdfinfo, its structure with qpdf, PDF/A with PDFBox Preflight (which checks part 1:
 * the same document built as PDF/A-1b, as test/render-pdf.test.ts does), the same bytes in any time
 * zone; the HTML page with the Nu HTML Checker and axe-core in Chromium; and writeChangeReports (`build --changes-since`) end
 * to end in a temporary git repository.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeChangeReports } from '../src/diff/build-changes.js';
import { changeReport } from '../src/diff/compare.js';
import { formatHtml } from '../src/diff/format.js';
import { renderChangesPdf } from '../src/diff/pdf.js';
import type { JobDescription } from '../src/model/types.js';
import { JAVA, preflight, requireTools, tool } from './fixtures/pdf/tools.js';
import { CATALOGUE, compileRef, formatDiagnostics, REFERENCE, ROOT, replace } from './helpers.js';

const run = promisify(execFile);
const VNU_JAR = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const CHROMIUM = '/usr/bin/chromium';

function model(text: string): JobDescription {
  const r = compileRef(text);
  if (!r.model) throw new Error(formatDiagnostics(r.diagnostics));
  return r.model;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ');
const temp = (): string => mkdtempSync(join(tmpdir(), 'diff-output-'));

const OLD = model(replace(REFERENCE, 'signatures:', 'version: "1.0"\nreviewed: 2025-05-01\nsignatures:'));
const NEW_TEXT = replace(
  replace(REFERENCE, 'signatures:', 'version: "1.1"\nreviewed: 2026-02-10\nsignatures:'),
  '7. Ohvriabisüsteemi arenduseks vajalike muudatusettepanekute tegemine.',
  '7. Ohvriabisüsteemi arendamiseks vajalike muudatusettepanekute koostamine ja esitamine.',
);
const NEW = model(replace(NEW_TEXT, 'reportsTo: Tiimijuht', 'reportsTo: Osakonnajuhataja'));

describe('the PDF change report', () => {
  requireTools();
  const report = changeReport(OLD, NEW);

  it('reads back with its heading, parts and old and new texts; PDF/A-2b metadata, dated by the new version', async () => {
    const file = join(temp(), 'r.pdf');
    writeFileSync(file, await renderChangesPdf(report, NEW, { env: {} }));
    const text = norm(await tool('pdftotext', [file, '-']));
    expect(text).toContain('Muudatused võrreldes versiooniga 1.0');
    expect(text).toContain('Vahetu juht muudetud oli: Tiimijuht on: Osakonnajuhataja');
    expect(text).toContain('Tööülesanded muudetud ülesanne 7');
    expect(text).toContain('oli: Ohvriabisüsteemi arenduseks vajalike muudatusettepanekute tegemine.');
    expect(text).toContain(
      'on: Ohvriabisüsteemi arendamiseks vajalike muudatusettepanekute koostamine ja esitamine.',
    );
    expect(text).toContain('lk 1 / 1');
    const meta = await tool('pdfinfo', ['-meta', file]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(meta).toContain('<xmp:ModifyDate>2026-02-10T00:00:00Z</xmp:ModifyDate>');
    expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const fonts = await tool('pdffonts', [file]);
    expect(fonts).toContain('SourceSans3');
    expect(fonts).not.toMatch(/\bno\s+no\b/); // every font embedded
  });

  it('is valid PDF/A (PDFBox Preflight, the same document built as PDF/A-1b)', async () => {
    const file = join(temp(), 'r1b.pdf');
    // with the marker build --changes-since writes (an Info entry of its own, no XMP equivalent)
    const mark =
      'ametijuhend-changes/1 id=x ref=main commit=0123456789abcdef0123456789abcdef01234567 source=x.md';
    writeFileSync(file, await renderChangesPdf(report, NEW, { env: {}, pdfStandard: 'a-1b', mark }));
    expect(await tool('pdfinfo', ['-custom', file])).toContain('ametijuhend-changes/1');
    const result = await preflight(file);
    expect(result.output).toContain('is a valid PDF/A-1b file');
    expect(result.code).toBe(0);
  });

  it('draws text Source Sans lacks with the fallback face and stays valid PDF/A', async () => {
    const greek = model(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Τιμή Ωμέγα'));
    const file = join(temp(), 'greek.pdf');
    writeFileSync(
      file,
      await renderChangesPdf(changeReport(BASE_FOR_GREEK, greek), greek, { env: {}, pdfStandard: 'a-1b' }),
    );
    expect(norm(await tool('pdftotext', [file, '-']))).toContain('on: Τιμή Ωμέγα');
    expect((await preflight(file)).code).toBe(0);
  });

  it('has the same bytes in any time zone and under SOURCE_DATE_EPOCH the date it names', async () => {
    const script = [
      // dist/ (compiled by the suite's global setup): the library as installed
      "import { changeReport, compileFile, renderChangesPdf } from './dist/index.js';",
      "import { createHash } from 'node:crypto';",
      "const m = compileFile('examples/data-analyst.md').model;",
      "const n = { ...m, title: m.title + ' (senior)' };",
      'const bytes = await renderChangesPdf(changeReport(m, n), n);',
      "process.stdout.write(createHash('sha256').update(bytes).digest('hex'));",
    ].join('\n');
    const hash = (tz: string, env: NodeJS.ProcessEnv = {}): string =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SOURCE_DATE_EPOCH: '', ...env, TZ: tz },
      });
    const utc = hash('UTC');
    expect(utc).toMatch(/^[0-9a-f]{64}$/);
    expect(hash('Pacific/Kiritimati')).toBe(utc);
    expect(hash('UTC', { SOURCE_DATE_EPOCH: '1767225600' })).not.toBe(utc);
  });
});

const BASE_FOR_GREEK = model(REFERENCE);

describe('the HTML change report', () => {
  it('is valid HTML (Nu HTML Checker)', async () => {
    requireTools([JAVA, VNU_JAR]);
    const dir = temp();
    const evil = model(replace(NEW_TEXT, 'reportsTo: Tiimijuht', 'reportsTo: "<b>Juht</b> & co"'));
    const files = [
      join(dir, 'changed.html'),
      join(dir, 'unchanged.html'),
      join(dir, 'new.html'),
      join(dir, 'escaped.html'),
    ];
    writeFileSync(files[0]!, formatHtml(changeReport(OLD, NEW)));
    writeFileSync(files[1]!, formatHtml(changeReport(OLD, OLD)));
    writeFileSync(files[2]!, formatHtml(changeReport(undefined, NEW)));
    writeFileSync(files[3]!, formatHtml(changeReport(OLD, evil)));
    let output: string;
    try {
      const { stdout, stderr } = await run(JAVA, [
        '-jar',
        VNU_JAR,
        '--errors-only',
        '--format',
        'json',
        ...files,
      ]);
      output = stdout.trim() || stderr;
    } catch (e) {
      const failed = e as { stdout?: string; stderr?: string };
      output = failed.stdout?.trim() || failed.stderr || '';
    }
    expect((JSON.parse(output) as { messages: unknown[] }).messages).toEqual([]);
  });

  it('has no axe-core violations and applies its own style sheet under its policy (Chromium)', async () => {
    requireTools([CHROMIUM, AXE]);
    const file = join(temp(), 'changed.html');
    writeFileSync(file, formatHtml(changeReport(OLD, NEW)));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless'] });
    try {
      // the style sheet applies under the page's Content-Security-Policy (its hash is right)
      const strict = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
      const violated: string[] = [];
      strict.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violated.push(m.text());
      });
      await strict.goto(pathToFileURL(file).href);
      const weight = await strict.evaluate("getComputedStyle(document.querySelector('.kind')).fontWeight");
      expect(weight).toBe('600');
      expect(violated).toEqual([]);
      // axe-core is injected past the policy, which forbids every script
      const page = await (await browser.newContext({ bypassCSP: true, javaScriptEnabled: true })).newPage();
      await page.goto(pathToFileURL(file).href);
      await page.addScriptTag({ path: AXE });
      const violations = (await page.evaluate(
        'axe.run().then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) })))',
      )) as unknown[];
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

/** A temporary git repository holding the given files, committed. */
function repo(files: Record<string, string>): string {
  const dir = temp();
  const git = (...args: string[]): void => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  git('init', '-q', '-b', 'main');
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    execFileSync('mkdir', ['-p', join(path, '..')]);
    writeFileSync(path, text);
  }
  git('add', '.');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'first');
  return dir;
}

describe('writeChangeReports (build --changes-since)', () => {
  it('writes a report for the changed and the new description only, beside their outputs; one bad file does not stop it', async () => {
    requireTools();
    const config =
      'organisation: Sotsiaalkindlustusamet\nlang: et\ncompetencies: competencies.yaml\nrules:\n  unknown-reference: off\n';
    const dir = repo({
      'ametijuhend.config.yaml': config,
      'competencies.yaml': CATALOGUE,
      'osakond/ekspert.md': replace(REFERENCE, 'signatures:', 'id: ekspert\nversion: "1.0"\nsignatures:'),
      'osakond/sama.md': replace(REFERENCE, 'signatures:', 'id: sama\nsignatures:'),
      'osakond/murtud.md': replace(REFERENCE, 'signatures:', 'id: murtud\nsignatures:'),
      'osakond/valge.md': replace(REFERENCE, 'signatures:', 'id: valge\nsignatures:'),
    });
    // changed, re-wrapped only (no report), broken (a problem), new (a report saying so)
    writeFileSync(
      join(dir, 'osakond/ekspert.md'),
      replace(
        replace(REFERENCE, 'signatures:', 'id: ekspert\nversion: "1.1"\nsignatures:'),
        '5. Osalemine erinevatel koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.',
        '5. Osalemine koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.',
      ),
    );
    const valge = readFileSync(join(dir, 'osakond/valge.md'), 'utf8');
    writeFileSync(join(dir, 'osakond/valge.md'), valge.replace(/\n/g, '\r\n'));
    writeFileSync(
      join(dir, 'osakond/murtud.md'),
      replace(REFERENCE, 'signatures:', 'id: murtud\nreportsTo: [\nsignatures:'),
    );
    writeFileSync(join(dir, 'osakond/uus.md'), replace(REFERENCE, 'signatures:', 'id: uus\nsignatures:'));

    const result = await writeChangeReports(['.'], { since: 'main', outDir: 'dist', cwd: dir, env: {} });
    expect(result.written.map((w) => [w.source, w.id, w.status])).toEqual([
      ['osakond/ekspert.md', 'ekspert', 'changed'],
      ['osakond/uus.md', 'uus', 'new'],
    ]);
    expect(result.written.map((w) => w.path)).toEqual([
      join(dir, 'dist', 'osakond', 'ekspert.muudatused.pdf'),
      join(dir, 'dist', 'osakond', 'uus.muudatused.pdf'),
    ]);
    expect(result.unchanged.sort()).toEqual(['osakond/sama.md', 'osakond/valge.md']);
    expect(result.problems.map((p) => p.path)).toEqual(['osakond/murtud.md']);
    expect(result.problems[0]!.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(existsSync(join(dir, 'dist', 'osakond', 'sama.muudatused.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'osakond', 'valge.muudatused.pdf'))).toBe(false);

    const changed = norm(await tool('pdftotext', [result.written[0]!.path, '-']));
    expect(changed).toContain('Muudatused võrreldes versiooniga 1.0');
    expect(changed).toContain('Versioon muudetud oli: 1.0 on: 1.1');
    expect(changed).toContain('on: Osalemine koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.');
    const fresh = norm(await tool('pdftotext', [result.written[1]!.path, '-']));
    expect(fresh).toContain('Ametijuhend on uus: varasemat versiooni ei ole.');
    // the same bytes a second time (atomic rewrite, no clock)
    const first = readFileSync(result.written[0]!.path);
    await writeChangeReports(['osakond/ekspert.md'], { since: 'main', outDir: 'dist', cwd: dir, env: {} });
    expect(readFileSync(result.written[0]!.path).equals(first)).toBe(true);
  });

  it('writes a report for a description whose catalogue changed, though its file did not', async () => {
    requireTools();
    const config = 'lang: et\ncompetencies: kataloog/competencies.yaml\nrules:\n  unknown-reference: off\n';
    const dir = repo({
      'ametijuhend.config.yaml': config,
      'kataloog/competencies.yaml': CATALOGUE,
      'ekspert.md': replace(REFERENCE, 'signatures:', 'id: ekspert\nsignatures:'),
    });
    writeFileSync(
      join(dir, 'kataloog/competencies.yaml'),
      replace(CATALOGUE, '  - Täidab kokkulepped ja lubadused.\n', ''),
    );
    const result = await writeChangeReports(['ekspert.md'], {
      since: 'main',
      outDir: 'dist',
      cwd: dir,
      env: {},
    });
    expect(result.problems).toEqual([]);
    expect(result.written.map((w) => w.path)).toEqual([join(dir, 'dist', 'ekspert.muudatused.pdf')]);
    const text = norm(await tool('pdftotext', [result.written[0]!.path, '-']));
    expect(text).toContain('Tööks vajalikud kompetentsid muudetud kompetents Koostöövõime');
    expect(text).toContain('eemaldatud indikaator: Täidab kokkulepped ja lubadused.');
  });

  it('refuses an unknown ref and a folder outside git as usage errors, writing nothing', async () => {
    const dir = repo({ 'a.md': REFERENCE, 'ametijuhend.config.yaml': 'lang: et\n' });
    await expect(
      writeChangeReports(['.'], { since: 'no-such-ref', outDir: 'dist', cwd: dir }),
    ).rejects.toThrow(/no ref "no-such-ref"/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    const outside = temp();
    writeFileSync(join(outside, 'a.md'), REFERENCE);
    await expect(writeChangeReports(['.'], { since: 'main', outDir: 'dist', cwd: outside })).rejects.toThrow(
      /needs a git repository/,
    );
  });
});
