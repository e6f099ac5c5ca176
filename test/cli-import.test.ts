/**
 * `ametijuhend import` as a user runs it (bin/ametijuhend.js): usage errors, what is written and
 * what is not, exit codes, the notes, the check report and the summary. The good inputs are the
 * DOCX and PDF that `ametijuhend build` makes of the reference description.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../src/compiler/compile.js';
import { sofficePath } from '../src/import/convert.js';
import type { Block, Inline, JobDescription } from '../src/model/types.js';
import { toPlainText } from '../src/util/mdast-text.js';
import { BIN, cli, EXAMPLES, hashes, printed, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

/** No LibreOffice: the clear error for .odt/.rtf/.doc, whatever this machine has. */
const NO_SOFFICE = { AMETIJUHEND_SOFFICE: 'none' };

/** The reference built to DOCX and PDF by the tool itself (once for the file). */
let built: { docx: string; pdf: string };
beforeAll(() => {
  const dir = tempTree({
    'src/ametijuhend.config.yaml': config,
    'src/competencies.yaml': catalogue,
    'src/ekspert-kriisiabi.md': reference,
  });
  const r = cli(['build', join(dir, 'src/ekspert-kriisiabi.md'), '--format', 'docx,pdf', '-o', 'out'], dir);
  expect(r.code, printed(r)).toBe(0);
  built = { docx: join(dir, 'out/ekspert-kriisiabi.docx'), pdf: join(dir, 'out/ekspert-kriisiabi.pdf') };
}, 120_000);

/** A docs repository (the examples' config and catalogue) with the given inputs. */
function repo(inputs: Record<string, string | Uint8Array> = {}): string {
  return tempTree({
    'docs/ametijuhend.config.yaml': config,
    'docs/competencies.yaml': catalogue,
    ...inputs,
  });
}
const docxBytes = (): Buffer => readFileSync(built.docx);
const pdfBytes = (): Buffer => readFileSync(built.pdf);
/** A DOCX cut in half: a zip with no central directory. */
const corruptDocx = (): Buffer => docxBytes().subarray(0, Math.floor(docxBytes().length / 2));

describe('ametijuhend import: usage', () => {
  it('is a usage error (exit 2) without paths, for a path that is not there, or a bad option', () => {
    const dir = repo();
    const none = cli(['import'], dir);
    expect(none.code).toBe(2);
    const missing = cli(['import', 'nope.docx', '--lang', 'en'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder: nope.docx');
    expect(cli(['import', 'docs', '--lang', 'fr'], dir).code).toBe(2);
    expect(cli(['import', 'docs', '--bogus'], dir).code).toBe(2);
    const file = cli(['import', 'docs', '-o', 'docs/competencies.yaml', '--lang', 'en'], dir);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('--out-dir docs/competencies.yaml is not a folder');
    // nothing was written by any of them
    expect(Object.keys(hashes(dir)).sort()).toEqual([
      'docs/ametijuhend.config.yaml',
      'docs/competencies.yaml',
    ]);
  });

  it('is listed in the help, in both languages', () => {
    const r = cli(['import', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('import Word (DOCX) and PDF files as descriptions');
    expect(r.stdout).toContain('impordi Wordi (DOCX) ja PDF-failid ametijuhenditeks');
    expect(r.stdout).toMatch(/-o, --out-dir <dir>/);
    expect(cli(['--help']).stdout).toMatch(/^\s+import \[options\] <paths\.\.\.>/m);
  });
});

describe('ametijuhend import: progress', () => {
  it('a big folder shows one updating progress line on a terminal, none without one', () => {
    const inputs: Record<string, string> = {};
    for (let i = 1; i <= 6; i++) inputs[`in/f${i}.pdf`] = 'not a pdf';
    const dir = repo(inputs);
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} import in -o out --lang en`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '200' },
      timeout: 60_000,
    });
    expect(tty.stdout).toContain('\r\x1b[2K[1/6] in/f1.pdf');
    expect(tty.stdout).toContain('\r\x1b[2K[6/6] in/f6.pdf');
    expect(tty.stdout).toContain('Imported 0 descriptions, with problems 0, failed 6.');
    const piped = cli(['import', 'in', '-o', 'out', '--lang', 'en'], dir);
    expect(piped.stderr).not.toContain('[1/6]');
  });
});

describe('ametijuhend import: inputs that cannot be imported', () => {
  it('a corrupt .docx and a text file named .pdf fail (exit 1), said in the user language, nothing written', () => {
    const dir = repo({ 'in/katki.docx': corruptDocx(), 'in/tekst.pdf': 'see on tekst, mitte PDF\n' });
    const before = hashes(dir);
    const et = cli(['import', 'in', '-o', 'docs/imported', '--lang', 'et'], dir, NO_SOFFICE);
    expect(et.code).toBe(1);
    expect(et.stderr).toMatch(/^ametijuhend: in\/katki\.docx: importimine ebaõnnestus: /m);
    expect(et.stderr).toContain(
      'ametijuhend: in/tekst.pdf: importimine ebaõnnestus: see pole Wordi (.docx) ega PDF-fail (sisu algus ei vasta kummalegi)',
    );
    expect(et.stderr).toContain('Imporditud 0 ametijuhendit, probleemidega 0, ebaõnnestus 2.');
    const en = cli(['import', 'in', '-o', 'docs/imported', '--lang', 'en'], dir, NO_SOFFICE);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      'ametijuhend: in/tekst.pdf: import failed: this is neither a Word (.docx) nor a PDF file',
    );
    expect(en.stderr).toContain('Imported 0 descriptions, with problems 0, failed 2.');
    expect(hashes(dir)).toEqual(before);
    expect(existsSync(join(dir, 'docs/imported'))).toBe(false);
  });

  it('an .odt and an .rtf without LibreOffice: an error that says how to convert', () => {
    const odt = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8('<office:document-content/>'),
    });
    const dir = repo({ 'in/a.rtf': '{\\rtf1\\ansi Tere}', 'in/b.odt': odt });
    const r = cli(['import', 'in/a.rtf', '--lang', 'et'], dir, NO_SOFFICE);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'in/a.rtf: importimine ebaõnnestus: .rtf-faili ei saa otse importida: ava see Wordis või LibreOffice’is ja salvesta kui… Word-dokument (.docx)',
    );
    const en = cli(['import', 'in', '--lang', 'en'], dir, NO_SOFFICE);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      'in/a.rtf: import failed: the .rtf format cannot be imported as it is: open the file in Word or LibreOffice, Save as…',
    );
    expect(en.stderr).toContain('in/b.odt: import failed: the .odt format cannot be imported as it is');
    expect(en.stderr).toContain('Imported 0 descriptions, with problems 0, failed 2.');
    expect(existsSync(join(dir, 'a.md')) || existsSync(join(dir, 'b.md'))).toBe(false);
  });
});

/** The texts of a model that an import must keep: frontmatter values, sections, duties, results. */
function content(model: JobDescription): unknown {
  const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const inline = (nodes: Inline[]): string => flat(toPlainText({ type: 'paragraph', children: nodes }));
  const blocks = (b: readonly Block[]): string => flat(b.map((n) => toPlainText(n)).join(' '));
  const r = model.requirements;
  const s = model.sections;
  return {
    title: model.title,
    unit: model.unit,
    reportsTo: model.reportsTo,
    substitutedBy: model.substitutedBy,
    substitutes: model.substitutes,
    kind: model.kind,
    lang: model.lang,
    signatures: model.signatures,
    requirements: {
      education: r.education,
      experience: r.experience,
      computerSkills: r.computerSkills,
      languages: r.languages.map((l) => ({ langs: l.langs, level: l.level, note: l.note })),
      competencies: r.competencies.map((c) => [c.name, c.indicators]),
      additionalCompetencies: r.additionalCompetencies.map((c) => [c.name, c.indicators]),
      knowledge: r.knowledge,
    },
    purpose: s.purpose && blocks(s.purpose.blocks),
    duties: s.duties?.duties.map((d) => ({ task: inline(d.task), results: d.results.map(inline) })),
    rights: s.rights && blocks(s.rights.blocks),
    responsibilities: s.responsibilities && blocks(s.responsibilities.blocks),
    tools: s.tools && blocks(s.tools.blocks),
    changes: s.changes && blocks(s.changes.blocks),
  };
}

describe('end to end (needs the readers)', () => {
  it('writes the good inputs of a batch and fails the bad ones (exit 1), into an out-dir it creates', () => {
    const dir = repo({
      'in/Ekspert kriisiabi.docx': docxBytes(),
      'in/sub/Ekspert (koopia).docx': docxBytes(),
      'in/katki.docx': corruptDocx(),
      'in/tekst.pdf': 'see on tekst, mitte PDF\n',
    });
    const r = cli(['import', 'in', '--out-dir', 'docs/new/imported', '--lang', 'et'], dir, NO_SOFFICE);
    expect(r.code, printed(r)).toBe(1);
    expect(existsSync(join(dir, 'docs/new/imported/ekspert-kriisiabi.md'))).toBe(true);
    expect(existsSync(join(dir, 'docs/new/imported/ekspert-koopia.md'))).toBe(true);
    expect(existsSync(join(dir, 'docs/new/imported/katki.md'))).toBe(false);
    expect(existsSync(join(dir, 'docs/new/imported/tekst.md'))).toBe(false);
    expect(r.stderr).toContain('Imporditud 2 ametijuhendit, probleemidega 0, ebaõnnestus 2.');
    // the check report of the written files
    expect(r.stdout).toContain('✔ 2 faili kontrollitud, probleeme pole.');
  });

  it('exit 0 when every input was imported; the summary in English with --lang en', () => {
    const dir = repo({ 'in/a.docx': docxBytes() });
    const r = cli(['import', 'in/a.docx', '-o', 'docs', '--lang', 'en'], dir);
    expect(r.code, printed(r)).toBe(0);
    expect(r.stderr).toContain('Imported 1 description, with problems 0, failed 0.');
    expect(r.stdout).toContain('✔ 1 file checked, no problems.');
  });

  it('never overwrites an existing file without --force, and says so (exit 1); --force overwrites', () => {
    const dir = repo({ 'in/ekspert.docx': docxBytes(), 'docs/ekspert.md': 'minu oma\n' });
    const r = cli(['import', 'in', '-o', 'docs', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'ametijuhend: in/ekspert.docx: docs/ekspert.md exists, skipped (use --force to overwrite)',
    );
    expect(r.stderr).toContain('Imported 0 descriptions, with problems 0, failed 0, skipped 1 (exist).');
    expect(readFileSync(join(dir, 'docs/ekspert.md'), 'utf8')).toBe('minu oma\n');
    const forced = cli(['import', 'in', '-o', 'docs', '--force', '--lang', 'en'], dir);
    expect(forced.code, printed(forced)).toBe(0);
    expect(readFileSync(join(dir, 'docs/ekspert.md'), 'utf8')).toMatch(
      /^---\ntitle: Ekspert \(psühhosotsiaalne kriisiabi\)\n/,
    );
  });

  it('gives the second input of the same name "-2" and says so', () => {
    const dir = repo({ 'in/Ekspert.docx': docxBytes(), 'in/ekspert.DOCX': docxBytes() });
    const r = cli(['import', 'in', '-o', 'docs', '--lang', 'en'], dir);
    expect(r.code, printed(r)).toBe(0);
    expect(existsSync(join(dir, 'docs/ekspert.md'))).toBe(true);
    expect(existsSync(join(dir, 'docs/ekspert-2.md'))).toBe(true);
    expect(r.stdout).toContain(
      'in/ekspert.DOCX: warning an input of the same name comes first (Ekspert.docx): writing ekspert-2.md',
    );
  });

  it('writes nothing outside the out-dir, whatever the inputs are called', () => {
    const dir = repo({
      'in/x..%2f..%2fy.docx': docxBytes(),
      'in/-rf.docx': docxBytes(),
      'in/ÕÜ.docx': docxBytes(),
      'in/中文.docx': docxBytes(),
    });
    const before = hashes(dir);
    const r = cli(['import', 'in', '-o', 'docs/out', '--lang', 'en'], dir);
    expect(r.code, printed(r)).toBe(0);
    const added = Object.keys(hashes(dir)).filter((p) => !(p in before));
    expect(added.sort()).toEqual([
      'docs/out/ametijuhend.md',
      'docs/out/ou.md',
      'docs/out/rf.md',
      'docs/out/x-2f-2fy.md',
    ]);
    expect(r.stdout).toContain('in/中文.docx: warning the file name gives no description name');
  });

  it('round trip: the reference built to DOCX and to PDF and imported back gives the same description', () => {
    const dir = repo({ 'in/ekspert.docx': docxBytes(), 'in/pdf/ekspert-pdf.pdf': pdfBytes() });
    const r = cli(['import', 'in', '-o', 'docs', '--lang', 'et'], dir);
    expect(r.code, printed(r)).toBe(0);
    const original = compileFile(join(EXAMPLES, 'ekspert-kriisiabi.md')).model!;
    for (const name of ['ekspert.md', 'ekspert-pdf.md']) {
      const back = compileFile(join(dir, 'docs', name));
      expect(back.errorCount, name).toBe(0);
      expect(JSON.parse(JSON.stringify(content(back.model!))), name).toEqual(
        JSON.parse(JSON.stringify(content(original))),
      );
    }
  });

  it('prints the notes, then the check report; -q leaves warnings out', () => {
    // no config: the competencies are not in a catalogue, what the check finds is reported
    const dir = tempTree({ 'in/a.docx': docxBytes() });
    const r = cli(['import', 'in', '-o', 'out', '--lang', 'en'], dir);
    expect(printed(r)).toMatch(/Imported 1 description/);
    // the report of the check comes on stdout, after the notes, ending in its summary line
    expect(r.stdout).toMatch(/(✔ 1 file checked|✖ \d+ problems?)[^\n]*\n$/);
    const q = cli(['import', 'in', '-o', 'out2', '--lang', 'en', '-q'], dir);
    expect(q.stdout).not.toMatch(/: warning /);
    expect(q.stderr).not.toContain('in/a.docx → out2/a.md');
    expect(r.stderr).toContain('in/a.docx → out/a.md');
  });

  it('an .rtf: converted through LibreOffice when soffice is on the PATH (and said), else the clear error', () => {
    const dir = repo({
      'in/kiri.rtf':
        '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Ametinimetus: Ekspert\\par Vahetu juht: Tiimijuht\\par}',
    });
    const r = cli(['import', 'in', '-o', 'docs', '--lang', 'en'], dir);
    if (sofficePath()) {
      expect(existsSync(join(dir, 'docs/kiri.md')), printed(r)).toBe(true);
      expect(r.stdout).toContain('in/kiri.rtf: warning converted from .rtf to .docx with LibreOffice');
    } else {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('the .rtf format cannot be imported as it is');
    }
  });
});
