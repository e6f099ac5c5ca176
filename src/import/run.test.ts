/**
 * The import driver (importPaths) and format sniffing, with stand-in readers and recogniser: what
 * the driver decides (inputs, names, overwriting, failures, notes' places, the config's context,
 * the check of what it wrote) does not depend on how the real ones read a document.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../util/usage-error.js';
import { sniff } from './document.js';
import { writeMarkdown } from './markdown.js';
import { importPaths } from './run.js';
import type { Draft, RecogniseContext, SourceDocument } from './types.js';

/** The contexts the recogniser was called with, in order. */
const contexts: RecogniseContext[] = [];

/** A stand-in DOCX reader: the text of word/document.xml as one paragraph; "CORRUPT" fails. */
vi.mock('./docx/read.js', async () => {
  const { unzipSync, strFromU8 } = await import('fflate');
  const { ImportFailure: Failure } = await import('./types.js');
  return {
    readDocx: (bytes: Uint8Array): SourceDocument => {
      const text = strFromU8(unzipSync(bytes)['word/document.xml']!);
      if (text === 'CORRUPT') throw new Failure('import.unreadable', { detail: 'test' });
      return {
        format: 'docx',
        header: [],
        footer: [],
        body: [{ type: 'paragraph', text, loc: { paragraph: 1 } }],
        metadata: {},
        notes: [
          { id: 'import.converted', data: { format: '.x' }, severity: 'warning', loc: { paragraph: 37 } },
          { id: 'import.converted', data: { format: '.y' }, severity: 'warning', loc: { part: 'header' } },
        ],
      };
    },
  };
});
/** A stand-in PDF reader: the bytes after the "%PDF-" line as one paragraph of page 2. */
vi.mock('./pdf/read.js', () => ({
  readPdf: async (bytes: Uint8Array): Promise<SourceDocument> => {
    await Promise.resolve();
    return {
      format: 'pdf',
      header: [],
      footer: [],
      body: [
        { type: 'paragraph', text: Buffer.from(bytes).toString('utf8').split('\n')[1]!, loc: { page: 2 } },
      ],
      metadata: {},
      notes: [],
    };
  },
}));
/** A stand-in recogniser: a valid description titled by the text; "BROKEN" lacks the required keys. */
vi.mock('./recognise/index.js', () => ({
  recognise: (doc: SourceDocument, ctx: RecogniseContext): Draft => {
    contexts.push(ctx);
    const first = doc.body[0];
    const title = first?.type === 'paragraph' ? first.text : '?';
    const para = (text: string) => [{ type: 'paragraph' as const, text }];
    return {
      frontmatter:
        title === 'BROKEN'
          ? { title }
          : {
              title,
              unit: 'Osakond',
              reportsTo: 'Juht',
              requirements: {
                education: 'Kõrgharidus',
                languages: [{ lang: 'et', level: 'C1' }],
                competencies: [{ name: 'Täpsus', indicators: ['Teeb täpselt.'] }],
              },
            },
      sections: [
        { key: 'purpose', heading: 'Töökoha eesmärk', blocks: para('Eesmärk.') },
        { key: 'duties', heading: 'Tööülesanded', tasks: [{ task: 'Ülesanne.', results: ['Tulemus.'] }] },
        { key: 'rights', heading: 'Õigused', blocks: para('Õigus.') },
        { key: 'responsibilities', heading: 'Vastutus', blocks: para('Vastutus.') },
      ],
      notes: title.startsWith('ERRNOTE')
        ? [{ id: 'import.noSlug', data: { file: 'x' }, severity: 'error' }]
        : [],
    };
  },
}));

const docx = (text: string): Uint8Array => zipSync({ 'word/document.xml': strToU8(text) });
const pdf = (text: string): Uint8Array => strToU8(`%PDF-1.7\n${text}\n%%EOF\n`);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-run-'));
  contexts.length = 0;
});

function put(path: string, bytes: Uint8Array | string): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, bytes);
  return full;
}
const read = (path: string): string => readFileSync(join(dir, path), 'utf8');

describe('sniff', () => {
  it('tells the formats by their bytes, not their names', () => {
    expect(sniff(pdf('x'))).toBe('pdf');
    expect(sniff(new Uint8Array([...strToU8('junk before\n'), ...pdf('x')]))).toBe('pdf');
    expect(sniff(docx('x'))).toBe('docx');
    expect(
      sniff(
        zipSync({
          mimetype: strToU8('application/vnd.oasis.opendocument.text'),
          'content.xml': strToU8('<x/>'),
        }),
      ),
    ).toBe('odt');
    expect(sniff(zipSync({ 'a.txt': strToU8('a') }))).toBe('zip');
    expect(sniff(strToU8('{\\rtf1\\ansi hello}'))).toBe('rtf');
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole');
    expect(sniff(strToU8('hello'))).toBe('unknown');
    // a zip whose directory cannot be read is the DOCX reader's to judge
    expect(sniff(strToU8('PK\u0003\u0004 broken'))).toBe('docx');
  });
});

describe('importPaths', () => {
  it('writes one description per input into the out-dir (created), named by its slug, and checks them', async () => {
    put('in/Ekspert Kriisiabi.docx', docx('Ekspert'));
    put('in/sub/Jurist (õigus).pdf', pdf('Jurist'));
    const r = await importPaths(['in'], { cwd: dir, outDir: 'out/new', soffice: false });
    expect(r.files.map((f) => [f.status, f.output?.slice(dir.length)])).toEqual([
      ['imported', '/out/new/ekspert-kriisiabi.md'],
      ['imported', '/out/new/jurist-oigus.md'],
    ]);
    expect(read('out/new/ekspert-kriisiabi.md')).toBe(writeMarkdown(r.files[0]!.draft!));
    expect(read('out/new/jurist-oigus.md')).toContain('title: Jurist\n');
    expect(r.check?.files.map((f) => f.path)).toEqual(r.files.map((f) => f.output));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.counts).toEqual({ imported: 2, problems: 0, failed: 0, skipped: 0 });
  });

  it('never overwrites an existing file without force, and reads nothing for it', async () => {
    put('a.docx', docx('Uus'));
    put('out/a.md', 'olemas\n');
    const before = statSync(join(dir, 'out/a.md')).mtimeMs;
    const r = await importPaths(['a.docx'], { cwd: dir, outDir: 'out', soffice: false });
    expect(r.files[0]).toMatchObject({ status: 'skipped', output: join(dir, 'out/a.md') });
    expect(read('out/a.md')).toBe('olemas\n');
    expect(statSync(join(dir, 'out/a.md')).mtimeMs).toBe(before);
    expect(contexts).toHaveLength(0);
    expect(r.check).toBeUndefined();
    const forced = await importPaths(['a.docx'], { cwd: dir, outDir: 'out', force: true, soffice: false });
    expect(forced.files[0]!.status).toBe('imported');
    expect(read('out/a.md')).toContain('title: Uus');
  });

  it('gives the second input of the same slug "-2" and says so', async () => {
    put('x/Ekspert.docx', docx('Üks'));
    put('x/ekspert.pdf', pdf('Kaks'));
    put('y/EKSPERT.docx', docx('Kolm'));
    const r = await importPaths(['x', 'y'], { cwd: dir, soffice: false, lang: 'en' });
    expect(r.files.map((f) => f.output!.slice(dir.length + 1))).toEqual([
      'ekspert.md',
      'ekspert-2.md',
      'ekspert-3.md',
    ]);
    expect(r.files[1]!.notes[0]).toMatchObject({
      id: 'import.renamed',
      where: 'x/ekspert.pdf',
      message: 'an input of the same name comes first (Ekspert.docx): writing ekspert-2.md',
    });
    expect(read('ekspert-3.md')).toContain('title: Kolm');
  });

  it('goes on past a file that fails, writing nothing for it', async () => {
    put('in/a.docx', docx('Hea'));
    put('in/b.docx', docx('CORRUPT'));
    put('in/c.pdf', 'this is text, not a PDF');
    put('in/d.pdf', pdf('Teine hea'));
    const r = await importPaths(['in'], { cwd: dir, outDir: 'out', soffice: false, lang: 'et' });
    expect(r.files.map((f) => f.status)).toEqual(['imported', 'failed', 'failed', 'imported']);
    expect(r.files[1]!.failure).toMatchObject({
      id: 'import.unreadable',
      message: 'faili ei saa lugeda (test)',
    });
    expect(r.files[2]!.failure!.id).toBe('import.unknownFormat');
    expect(r.files[1]!.output).toBeUndefined();
    expect(() => read('out/b.md')).toThrow();
    expect(() => read('out/c.md')).toThrow();
    expect(r.counts).toEqual({ imported: 2, problems: 0, failed: 2, skipped: 0 });
  });

  it('walks folders for Word and PDF files only, sorted, past node_modules, .git, hidden files and Word lock files', async () => {
    for (const p of [
      'b.docx',
      'a/z.PDF',
      'a/y.docx',
      'node_modules/n.docx',
      '.git/g.docx',
      '.hidden.docx',
      '~$lock.docx',
      'notes.txt',
      'c.md',
    ])
      put(`in/${p}`, p.endsWith('.pdf') || p.endsWith('.PDF') ? pdf('P') : docx('D'));
    const r = await importPaths(['in'], { cwd: dir, outDir: 'out', soffice: false });
    expect(r.files.map((f) => f.input.slice(dir.length + 4))).toEqual(['a/y.docx', 'a/z.PDF', 'b.docx']);
  });

  it('says where each note points, in the user language', async () => {
    put('in/a.docx', docx('A'));
    const et = await importPaths(['in/a.docx'], { cwd: dir, outDir: 'o1', soffice: false, lang: 'et' });
    expect(et.files[0]!.notes.map((n) => n.where)).toEqual([
      'in/a.docx: lõik 37',
      'in/a.docx: lehekülje päis',
    ]);
    const en = await importPaths(['in/a.docx'], { cwd: dir, outDir: 'o2', soffice: false, lang: 'en' });
    expect(en.files[0]!.notes.map((n) => n.where)).toEqual([
      'in/a.docx: paragraph 37',
      'in/a.docx: page header',
    ]);
    expect(en.files[0]!.notes[0]!.message).toBe(
      'converted from .x to .docx with LibreOffice and imported from that; check the result',
    );
  });

  it('recognises with the config found from the out-dir upwards', async () => {
    put(
      'repo/ametijuhend.config.yaml',
      'organisation: Amet\nlang: en\ncompetencies: c.yaml\nextraSections: [Töötingimused]\ndefaults:\n  rights: shared/oigused.md\naliases:\n  duties: [Ülesanded ja tulemused]\n',
    );
    put('repo/c.yaml', 'Täpsus:\n  - Teeb täpselt.\n');
    put('repo/shared/oigused.md', '- teha kaugtööd\n');
    put('a.docx', docx('A'));
    await importPaths(['a.docx'], { cwd: dir, outDir: 'repo/docs/new', soffice: false });
    expect(contexts[0]).toEqual({
      catalogue: { Täpsus: ['Teeb täpselt.'] },
      defaults: { rights: '- teha kaugtööd\n' },
      extraSections: ['Töötingimused'],
      aliases: { duties: ['Ülesanded ja tulemused'] },
      organisation: 'Amet',
      lang: 'en',
    });
    await importPaths(['a.docx'], { cwd: dir, outDir: 'repo/docs/new2', soffice: false, lang: 'et' });
    expect(contexts[1]!.lang).toBe('et');
  });

  it('counts a written file with check errors, or with an error note, as imported with problems', async () => {
    put('a.docx', docx('BROKEN'));
    put('b.docx', docx('ERRNOTE'));
    const r = await importPaths(['a.docx', 'b.docx'], { cwd: dir, outDir: 'out', soffice: false });
    expect(r.files.map((f) => f.status)).toEqual(['problems', 'problems']);
    expect(r.files[0]!.errorCount).toBeGreaterThan(0);
    expect(r.files[1]!.errorCount).toBe(0);
    expect(read('out/a.md')).toContain('title: BROKEN');
    expect(r.diagnostics.some((d) => d.file === 'out/a.md' && d.rule === 'missing-key')).toBe(true);
  });

  it('is a usage error for a path that is not there, or an out-dir that is a file', async () => {
    await expect(importPaths(['missing.docx'], { cwd: dir })).rejects.toThrow(UsageError);
    put('a.docx', docx('A'));
    put('file', 'x');
    await expect(importPaths(['a.docx'], { cwd: dir, outDir: 'file' })).rejects.toThrow(
      '--out-dir file is not a folder / --out-dir file ei ole kaust',
    );
    expect(contexts).toHaveLength(0);
  });

  it('says how to convert .odt and .rtf without LibreOffice', async () => {
    put(
      'a.odt',
      zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.text'),
        'content.xml': strToU8('<x/>'),
      }),
    );
    put('b.rtf', '{\\rtf1 hello}');
    const r = await importPaths(['a.odt', 'b.rtf'], { cwd: dir, soffice: false, lang: 'en' });
    expect(r.files.map((f) => f.failure?.message)).toEqual([
      expect.stringMatching(
        /^the \.odt format cannot be imported as it is: open the file in Word or LibreOffice, Save as… Word document \(\.docx\)/,
      ),
      expect.stringMatching(/^the \.rtf format cannot be imported as it is/),
    ]);
  });

  it('converts .odt, .rtf and .doc through LibreOffice in one call, with its own profile, and says so', async () => {
    // a stand-in soffice: records its arguments, "converts" each input into a DOCX of its name
    const log = join(dir, 'calls.txt');
    const fake = put(
      'bin/soffice',
      [
        '#!/bin/sh',
        `echo "$@" >> ${JSON.stringify(log)}`,
        'out=""; prev=""',
        'for a in "$@"; do if [ "$prev" = "--outdir" ]; then out="$a"; fi; prev="$a"; done',
        'for a in "$@"; do case "$a" in *.odt|*.rtf|*.doc) n=$(basename "$a"); n="${n%.*}";',
        `  cp ${JSON.stringify(join(dir, 'converted.docx'))} "$out/$n.docx";; esac; done`,
      ].join('\n'),
    );
    chmodSync(fake, 0o755);
    put('converted.docx', docx('Teisendatud'));
    put(
      'a.odt',
      zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.text'),
        'content.xml': strToU8('<x/>'),
      }),
    );
    put('b.rtf', '{\\rtf1 hello}');
    const r = await importPaths(['a.odt', 'b.rtf'], { cwd: dir, outDir: 'out', soffice: fake, lang: 'et' });
    expect(r.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    expect(read('out/a.md')).toContain('title: Teisendatud');
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(
      /^-env:UserInstallation=file:\/\/\S+ --headless --norestore --convert-to docx --outdir \S+ \S+\/f0\.odt \S+\/f1\.rtf$/,
    );
    expect(r.files[1]!.notes[0]).toMatchObject({ id: 'import.converted', where: 'b.rtf' });
    expect(r.files[1]!.notes[0]!.message).toMatch(/^\.rtf-fail teisendati LibreOffice’iga \.docx-iks/);
  });

  it('fails an input LibreOffice cannot convert, and the batch goes on', async () => {
    const fake = put('bin/soffice', '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    put('a.rtf', '{\\rtf1 hello}');
    put('b.docx', docx('Hea'));
    const r = await importPaths(['a.rtf', 'b.docx'], { cwd: dir, outDir: 'out', soffice: fake, lang: 'en' });
    expect(r.files.map((f) => f.status)).toEqual(['failed', 'imported']);
    expect(r.files[0]!.failure!.message).toContain('(Error: source file could not be loaded)');
  });

  it('fails a file above the size limit without reading it', async () => {
    const big = put('big.pdf', '');
    // a sparse file: large on paper, nothing to read
    const { truncateSync } = await import('node:fs');
    truncateSync(big, 51 * 1024 * 1024);
    const r = await importPaths(['big.pdf'], { cwd: dir, soffice: false, lang: 'en' });
    expect(r.files[0]!.failure!.message).toBe('the file is too large (51 MB, at most 50 MB)');
  });
});
