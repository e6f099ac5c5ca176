/**
 * The PDF reader of `ametijuhend import` (src/import/pdf) on real PDFs: LibreOffice's (the seed of a
 * real signed description rebuilt with its words, an approval line in the page header, an English
 * one), ametijuhend's own, and bad inputs (test/fixtures/import/pdf, made by its make.mjs). What it
 * gives is judged against the layout a person sees and against pdftotext, an independent reader:
 * every line pdftotext reads must be in the SourceDocument, except page numbers and running lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { layout, type Run } from '../src/import/pdf/layout.js';
import { readPdf } from '../src/import/pdf/read.js';
import { isPageNumber, joinLines, labelOf, normaliseText } from '../src/import/pdf/text.js';
import {
  IMPORT_LIMITS,
  ImportFailure,
  type SourceBlock,
  type SourceCell,
  type SourceDocument,
  type SourceParagraph,
  type SourceTable,
} from '../src/import/types.js';
import { IMPORT_PDF_MESSAGES } from '../src/messages/import-pdf.js';
import { requireTools, tool } from './fixtures/pdf/tools.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test', 'fixtures', 'import', 'pdf');
const GOOD = [
  'seed-ekspert-kriisiabi',
  'kinnitatud',
  'english',
  'borderless',
  'long-table',
  'ametijuhend-ekspert-kriisiabi',
  'ametijuhend-data-analyst',
  'ametijuhend-official-rich',
] as const;
type Good = (typeof GOOD)[number];

const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, `${name}.pdf`)));
const docs = {} as Record<Good, SourceDocument>;

beforeAll(async () => {
  for (const name of GOOD) docs[name] = await readPdf(bytesOf(name));
});

/** A paragraph as a person reads it: its label before its text. */
const shown = (p: SourceParagraph): string => (p.label !== undefined ? `${p.label} ${p.text}` : p.text);
const cellText = (c: SourceCell): string => c.blocks.map(shown).join('\n');
const tables = (d: SourceDocument): SourceTable[] =>
  d.body.filter((b): b is SourceTable => b.type === 'table');
const paragraphs = (blocks: readonly SourceBlock[]): SourceParagraph[] =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [b] : b.rows.flatMap((r) => r.flatMap((c) => c.blocks))));
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** All the text of a document, in order, whitespace collapsed. */
const allText = (d: SourceDocument): string =>
  flat([...d.header, ...paragraphs(d.body), ...d.footer].map(shown).join(' '));

/**
 * Whether `line` is in `text`: as one piece, or as consecutive pieces of whole words each found in
 * it (pdftotext puts the texts of two cells side by side on one line). A lost word fails.
 */
function covered(line: string, text: string): boolean {
  const words = line.split(' ');
  let i = 0;
  while (i < words.length) {
    let j = words.length;
    while (j > i && !text.includes(words.slice(i, j).join(' '))) j--;
    if (j === i) return false;
    i = j;
  }
  return true;
}

describe('the seed, rebuilt by LibreOffice', () => {
  it('has the general part as cells of a label over its value', () => {
    const general = tables(docs['seed-ekspert-kriisiabi'])[0];
    expect(general).toBeDefined();
    const cells = (general?.rows ?? []).flat().map(cellText);
    expect(cells).toEqual([
      '1.1. Ametinimetus\nEkspert (psühhosotsiaalne kriisiabi)',
      '1.2. Struktuuriüksus\nOhvriabi ja ennetusteenuste osakond,\nArendustalitus',
      '1.3. Vahetu juht\nTiimijuht',
      '1.4. Kes asendab\nTiimijuht, koordinaator',
      '1.5. Keda asendab\nTiimijuht, koordinaator',
    ]);
    // the two rows split the width differently (halves, thirds): spans over the drawn grid of 4
    expect(general?.rows.map((r) => r.map((c) => c.colSpan))).toEqual([
      [2, 2],
      [1, 2, 1],
    ]);
    const label = general?.rows[0]?.[0]?.blocks[0];
    expect(label).toMatchObject({ label: '1.1.', ordered: true, text: 'Ametinimetus', bold: true });
  });

  it('keeps each task of the duties beside its results, across the page break', () => {
    const duties = tables(docs['seed-ekspert-kriisiabi']).filter((t) =>
      t.rows[0]?.[0]?.blocks[0]?.text.startsWith('Põhiülesanded'),
    );
    expect(duties.length).toBe(2); // the table goes on on the next page (its header row repeated)
    expect(duties.map((t) => t.loc.page)).toEqual([1, 2]);
    const rows = duties.flatMap((t) => t.rows);
    for (const r of rows) expect(r).toHaveLength(2); // never a third column, never a mixed one
    const tasks = rows.filter((r) => r[0]?.blocks[0]?.label?.startsWith('3.'));
    expect(tasks.map((r) => r[0]?.blocks[0]?.label)).toEqual(
      Array.from({ length: 11 }, (_, i) => `3.${i + 1}`),
    );
    for (const r of tasks) {
      const results = r[1]?.blocks ?? [];
      expect(results[0]).toMatchObject({ label: '▪', ordered: false, level: 0 });
    }
    const byTask = new Map(
      tasks.map((r) => [r[0]?.blocks[0]?.label, (r[1]?.blocks ?? []).map((b) => flat(b.text))]),
    );
    expect(byTask.get('3.1')).toEqual([
      'Teenused on toetatud ja nende korraldamine toimub vastavalt plaanile ja tõenduspõhisusele.',
      'Teenused on tõhusad ja mõjusad.',
    ]);
    expect(byTask.get('3.3')).toEqual([
      'Asjakohased kriisiplaanid on loodud ja kooskõlastatud.',
      'Analüüsid on korraldatud.',
      'Vastavad projektid on juhitud.',
    ]);
    expect(flat(cellText(tasks[0]?.[0] ?? { blocks: [], colSpan: 1, rowSpan: 1 }))).toBe(
      '3.1 Teenuste toetamine ja nõustamine psühhosotsiaalse kriisiabi valdkonnas.',
    );
    // the row broken by the page: its rest is the first row after the repeated header, same columns
    expect(duties[1]?.rows[1]?.map((c) => flat(cellText(c)))).toEqual(['kaasajastamine.', 'ajakohane.']);
  });

  it('drops the page numbers "lk N / M" and keeps the headings, bullets and signatures', () => {
    const d = docs['seed-ekspert-kriisiabi'];
    expect(allText(d)).not.toMatch(/lk \d+ \/ \d+/);
    expect(d.footer).toEqual([]);
    const flow = d.body.filter((b): b is SourceParagraph => b.type === 'paragraph');
    expect(flow[0]).toMatchObject({ text: 'AMETIJUHEND', heading: 1, bold: true });
    const headings = flow.filter((p) => p.heading === 2).map((p) => p.text);
    expect(headings).toEqual(
      expect.arrayContaining(['1. ÜLDOSA', '3. TÖÖÜLESANDED', '7. TÖÖKOHALE ESITATAVAD NÕUDED', 'Haridus']),
    );
    const rights = flow.filter((p) => p.label === '▪' && p.text.startsWith('teha kaugtööd'));
    expect(rights).toHaveLength(1);
    expect(rights[0]).toMatchObject({
      level: 0,
      ordered: false,
      text: 'teha kaugtööd kokkuleppel vahetu juhiga;',
    });
    // a real hyphen stays: "kontoritehnika ja -mööbel", "tegutsemis-meetodeid", "ja/või"
    const text = allText(d);
    for (const s of [
      'kontoritehnika ja -mööbel',
      'tegutsemis-meetodeid',
      'ja/või',
      '3-aastane',
      'koostöö- ja',
    ])
      expect(text).toContain(s);
    const signatures = tables(d).at(-1);
    expect(signatures?.rows.map((r) => r.map((c) => flat(cellText(c))))).toEqual([
      ['Tööandja:', 'Töötaja:'],
      ['(allkirjastatud digitaalselt) Maret Maripuu', '(allkirjastatud digitaalselt) Helen Raja'],
    ]);
    expect(d.metadata).toEqual({
      title: 'Ametijuhend: Ekspert (psühhosotsiaalne kriisiabi)',
      language: 'et-EE',
    });
  });

  it('has every word of the seed text, line by line', () => {
    const seed = readFileSync(join(DIR, 'seed-ekspert-kriisiabi.txt'), 'utf8');
    const text = allText(docs['seed-ekspert-kriisiabi']);
    const lines = seed.split('\n').map(flat).filter(Boolean);
    expect(lines.length).toBeGreaterThan(150);
    expect(lines.filter((l) => !covered(l, text))).toEqual([]);
  });
});

describe('other LibreOffice layouts', () => {
  it('keeps the approval line of every page header once, in header', () => {
    const d = docs.kinnitatud;
    expect(d.header.map((p) => p.text)).toEqual(['KINNITATUD peadirektori 25.01.2026 käskkirjaga nr 1-2/34']);
    expect(d.header[0]?.loc.page).toBe(1);
    const body = flat(paragraphs(d.body).map(shown).join(' '));
    expect(body).not.toContain('KINNITATUD');
    expect(body).not.toMatch(/Lehekülg/);
  });

  it('gives typed numbers and bullets as labels with their levels', () => {
    const items = paragraphs(docs.kinnitatud.body)
      .filter((p) => p.label !== undefined)
      .slice(0, 13)
      .map((p) => [p.label, p.level, p.ordered]);
    expect(items).toEqual([
      ['1.', 0, true],
      ['1.1.', 1, true],
      ['1.1.1.', 2, true],
      ['1.1.2.', 2, true],
      ['1.2.', 1, true],
      ['2.', 0, true],
      ['–', 1, false],
      ['–', 1, false],
      ['3.', 0, true],
      ['•', 0, false],
      ['◦', 1, false],
      ['•', 0, false],
      ['1.', 0, true], // the first task in the table's first column
    ]);
    const first = paragraphs(docs.kinnitatud.body).find((p) => p.label === '1.1.');
    expect(first?.text).toBe(
      'eelnõude koostamine ja nende seletuskirjade kirjutamine, sealhulgas\nmõjuanalüüsi tegemine koostöös teiste osakondadega;',
    );
  });

  it('never mixes the columns of a table that crosses a page break', () => {
    const measured = tables(docs.kinnitatud).filter((t) => t.rows[0]?.length === 3);
    expect(measured.map((t) => t.loc.page)).toEqual([1, 2]);
    const rows = measured.flatMap((t) => t.rows).filter((r) => r[0]?.blocks[0]?.label !== undefined);
    expect(rows.map((r) => r[0]?.blocks[0]?.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    const results = rows.map((r) => flat(cellText(r[1] ?? { blocks: [], colSpan: 1, rowSpan: 1 })));
    expect(results[0]).toBe('Eelnõud on valminud tähtaegselt ja õiguslikult korrektsed.');
    expect(results[7]).toBe('Ülesanded on täidetud tähtaegselt ja korrektselt.');
    for (const r of measured.flatMap((t) => t.rows)) expect(r).toHaveLength(3);
  });

  it('keeps Estonian letters and typographic quotes', () => {
    expect(paragraphs(docs.kinnitatud.body).map((p) => p.text)).toContain(
      'Eesti keele tähed: õ ä ö ü š ž Õ Ä Ö Ü Š Ž; „jutumärgid“ ja … kolm punkti.',
    );
    expect(allText(docs['seed-ekspert-kriisiabi'])).toContain(
      'Pingetaluvus (tasakaalukus): Hoiab oma tundeid',
    );
  });

  it('reads an English description: labels "1)" and "a)", metadata, "Page N of M" dropped', () => {
    const d = docs.english;
    expect(d.metadata).toEqual({ title: 'Data Protection Specialist', language: 'en-GB' });
    expect(d.footer).toEqual([]);
    expect(allText(d)).not.toContain('Page 1');
    const items = paragraphs(d.body).filter((p) => p.label !== undefined);
    expect(items.map((p) => [p.label, p.level])).toEqual([
      ['1)', 0],
      ['a)', 1],
      ['b)', 1],
      ['2)', 0],
    ]);
    expect(items[2]?.text).toBe('reviewing “data processing agreements” with processors.');
    expect(allText(d)).toContain('fulfilment of the data subjects’ rights.');
  });
});

describe('a table over three pages', () => {
  it('keeps its header row, repeated at the same height on every page, in the tables', () => {
    const d = docs['long-table'];
    expect(d.header).toEqual([]);
    expect(d.footer).toEqual([]); // "lk N/M" only
    const ts = tables(d);
    expect(ts.map((t) => t.loc.page)).toEqual([1, 2, 3]);
    for (const t of ts)
      expect(t.rows[0]?.map((c) => c.blocks[0]?.text)).toEqual(['Põhiülesanded', 'Oodatavad tulemused']);
    const labels = ts.flatMap((t) =>
      t.rows.map((r) => r[0]?.blocks[0]?.label).filter((l) => l !== undefined),
    );
    expect(labels).toEqual(Array.from({ length: 44 }, (_, i) => `${i + 1}.`));
    // a line whose number differs on each page is no running line unless it is the page number
    const results = ts.flatMap((t) => t.rows.map((r) => (r[1]?.blocks ?? []).map((b) => b.text).join(' | ')));
    for (let i = 1; i <= 44; i++)
      expect(results).toContain(`Tulemus ${i} on saavutatud. | Teine tulemus ${i}.`);
  });
});

describe('tables without borders', () => {
  it('finds the columns of the general part by their gaps', () => {
    const [first, second] = tables(docs.borderless);
    expect(first?.rows.map((r) => r.map(cellText))).toEqual([
      [
        '1.1. Ametinimetus\nSpetsialist (andmekaitse)',
        '1.2. Struktuuriüksus\nÕigusosakond,\nAndmekaitse talitus',
      ],
    ]);
    expect(second?.rows.map((r) => r.map(cellText))).toEqual([
      [
        '1.3. Vahetu juht\nTalituse juhataja',
        '1.4. Kes asendab\nTeine spetsialist',
        '1.5. Keda asendab\nTeist spetsialisti',
      ],
    ]);
  });

  it('keeps the results beside their task, the header row apart', () => {
    const duties = tables(docs.borderless)[2];
    const rows = duties?.rows.map((r) => r.map((c) => c.blocks.map((b) => flat(shown(b)))));
    expect(rows).toEqual([
      [['Põhiülesanded'], ['Oodatavad tulemused']],
      [
        ['3.1 Isikuandmete töötlemise nõuetele vastavuse jälgimine ja selle kohta aruannete koostamine.'],
        [
          '▪ Töötlemine vastab isikuandmete kaitse üldmäärusele ja asutuse korrale.',
          '▪ Aruanded on esitatud õigel ajal.',
        ],
      ],
      [
        ['3.2 Töötajate nõustamine andmekaitse küsimustes.'],
        ['▪ Nõuanded on asjatundlikud, selged ja antud mõistliku aja jooksul pärast pöördumist.'],
      ],
      [
        ['3.3 Andmekaitseintsidentide käsitlemine ja nendest teavitamine.'],
        ['▪ Intsidendid on registreeritud.', '▪ Andmekaitse Inspektsiooni on teavitatud 72 tunni jooksul.'],
      ],
    ]);
    // the paragraph after the table is not taken into it
    const last = docs.borderless.body.at(-1);
    expect(last?.type === 'paragraph' && last.text.startsWith('Töötajal on õigus')).toBe(true);
  });

  it('reads a signature block whose first column has a line more', () => {
    const signatures = tables(docs['ametijuhend-data-analyst']).at(-1);
    expect(signatures?.rows.map((r) => r.map((c) => flat(cellText(c))))).toEqual([
      ['Employer Mari Maasikas Director General (signed digitally)', 'Employee Jaan Tamm (signed digitally)'],
    ]);
  });
});

describe("ametijuhend's own PDFs", () => {
  it('reads the duties of the example beside their results, and its running footer once', () => {
    const d = docs['ametijuhend-ekspert-kriisiabi'];
    expect(d.footer.map((p) => p.text)).toEqual([
      'Sotsiaalkindlustusamet · Ekspert (psühhosotsiaalne kriisiabi)',
    ]);
    expect(allText(d)).not.toMatch(/lk \d+ \/ \d+/);
    const rows = tables(d).flatMap((t) => t.rows);
    const tasks = rows.filter((r) => /^3\.\d+$/.test(r[0]?.blocks[0]?.label ?? ''));
    expect(tasks).toHaveLength(11);
    for (const r of tasks) expect(r[1]?.blocks.every((b) => b.label === '▪')).toBe(true);
    // a bold name over its items is a bold paragraph, a bold label over a value a heading
    const flow = paragraphs(d.body);
    expect(flow.find((p) => p.text === 'Kliendikesksus:')).toMatchObject({ bold: true });
    expect(flow.find((p) => p.text === 'Kliendikesksus:')?.heading).toBeUndefined();
    expect(flow.find((p) => p.text === 'Haridus')).toMatchObject({ bold: true, heading: 2 });
    expect(d.metadata.title).toBe('Ekspert (psühhosotsiaalne kriisiabi)');
  });

  it('reads the approval block and the two signature columns of an official', () => {
    const d = docs['ametijuhend-official-rich'];
    const text = allText(d);
    expect(text).toContain('KINNITATUD Peadirektor Mari Maasikas 15.02.2026 käskkirjaga nr 1-2/34');
    const signatures = tables(d).at(-1);
    expect(signatures?.rows[0]?.map((c) => c.blocks[0]?.text)).toEqual([
      'Kinnitaja',
      'Ametijuhendiga tutvunud',
    ]);
    expect(flat(cellText(signatures?.rows[0]?.[0] ?? { blocks: [], colSpan: 1, rowSpan: 1 }))).toBe(
      'Kinnitaja Peadirektor Mari Maasikas (allkirjastatud digitaalselt)',
    );
  });
});

/** A page number at the end of a running line ("… · Version 1.0 Page 1 of 3"): the reader drops it. */
const PAGE_NUMBER_TAIL = / (?:lk \d+ \/ \d+|Page \d+ of \d+|Lehekülg \d+)$/;

describe('against pdftotext', () => {
  beforeAll(() => requireTools(['/usr/bin/pdftotext']));

  it.each(GOOD)('%s: every line pdftotext reads is in the SourceDocument', async (name) => {
    const raw = await tool('pdftotext', ['-raw', '-enc', 'UTF-8', join(DIR, `${name}.pdf`), '-']);
    const text = allText(docs[name]);
    const lines = raw
      .split(/[\n\f]/)
      .map((l) => flat(normaliseText(l)).replace(PAGE_NUMBER_TAIL, ''))
      .filter((l) => l && !isPageNumber(l));
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((l) => !covered(l, text))).toEqual([]);
  });
});

describe('bad inputs', () => {
  const failure = async (bytes: Uint8Array): Promise<ImportFailure> => {
    try {
      await readPdf(bytes);
    } catch (e) {
      if (e instanceof ImportFailure) return e;
      throw e;
    }
    throw new Error('no failure');
  };

  it.each([
    ['bad-scanned', 'import.pdf.noText'],
    ['bad-encrypted', 'import.pdf.encrypted'],
    ['bad-blank', 'import.pdf.empty'],
    ['bad-truncated', 'import.pdf.corrupt'],
    ['bad-not-pdf', 'import.pdf.corrupt'],
  ])('%s → %s', async (name, id) => {
    const started = Date.now();
    const e = await failure(bytesOf(name));
    expect(e.id).toBe(id);
    expect(Object.keys(IMPORT_PDF_MESSAGES)).toContain(e.id);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('says in both languages what to do', () => {
    expect(IMPORT_PDF_MESSAGES['import.pdf.noText'].et).toContain('ocrmypdf');
    expect(IMPORT_PDF_MESSAGES['import.pdf.noText'].en).toContain('not imported');
    expect(IMPORT_PDF_MESSAGES['import.pdf.encrypted'].et).toContain('eemalda parool');
    expect(IMPORT_PDF_MESSAGES['import.pdf.encrypted'].en).toContain('remove the password');
  });

  it('imports a PDF with only an owner password (it opens without one)', async () => {
    const d = await readPdf(bytesOf('owner-password'));
    expect(allText(d)).toBe(allText(docs['seed-ekspert-kriisiabi']));
  });

  it('imports a text PDF with a scanned page, and says which page has no text', async () => {
    const d = await readPdf(bytesOf('scanned-last-page'));
    expect(d.notes).toEqual([{ id: 'import.pdf.pageNoText', severity: 'warning', loc: { page: 2 } }]);
    expect(paragraphs(d.body).map((p) => p.text)).toContain('AMETIJUHEND');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.fileBytes + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const e = await failure(big);
    expect(e.id).toBe('import.pdf.tooLarge');
    expect(e.data).toEqual({ size: 50, max: 50 });
  });

  it(`reads at most ${IMPORT_LIMITS.pdfPages} pages and says so`, async () => {
    const bytes = await pdfkitPages(IMPORT_LIMITS.pdfPages + 2);
    const d = await readPdf(bytes);
    expect(d.notes).toEqual([
      {
        id: 'import.pdf.tooManyPages',
        severity: 'warning',
        data: { n: IMPORT_LIMITS.pdfPages + 2, max: IMPORT_LIMITS.pdfPages },
        loc: { page: IMPORT_LIMITS.pdfPages + 1 },
      },
    ]);
    const pages = new Set(paragraphs(d.body).map((p) => p.loc.page ?? 0));
    expect(Math.max(...pages)).toBe(IMPORT_LIMITS.pdfPages);
  });
});

describe('the reader itself', () => {
  it('prints nothing and leaves the caller’s bytes as they were', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const logs = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) => vi.spyOn(console, m));
    try {
      for (const name of [...GOOD, 'bad-scanned', 'bad-truncated', 'bad-encrypted']) {
        const bytes = bytesOf(name);
        const length = bytes.byteLength;
        await readPdf(bytes).catch(() => undefined);
        expect(bytes.byteLength).toBe(length);
      }
      expect(out).not.toHaveBeenCalled();
      expect(err).not.toHaveBeenCalled();
      for (const l of logs) expect(l).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('joins the lines of a paragraph, across hyphens and a page break', () => {
    const run = (str: string, x: number, y: number, extra: Partial<Run> = {}): Run => ({
      str,
      x,
      y,
      width: str.length * 5,
      size: 10,
      bold: false,
      ...extra,
    });
    const page = (n: number, runs: Run[]) => ({ page: n, width: 595, height: 842, runs, segments: [] });
    const { body } = layout([
      page(1, [
        run('Töötaja kasutab efektiivseid tegutsemis-', 70, 400),
        run('meetodeid ja ohvriabi\u00AD', 70, 388),
        run('süsteemi andmeid ning vastutab', 70, 376),
      ]),
      page(2, [run('kõige eest.', 70, 780), run('Uus lõik algab siin.', 70, 750)]),
    ]);
    expect(body.map((b) => b.type === 'paragraph' && [b.text, b.loc.page])).toEqual([
      [
        'Töötaja kasutab efektiivseid tegutsemis-meetodeid ja ohvriabisüsteemi andmeid ning vastutab\nkõige eest.',
        1,
      ],
      ['Uus lõik algab siin.', 2],
    ]);
    // text turned 90° in the margin is a paragraph of its own, never joined to the lines beside it
    const turned = layout([
      page(1, [
        run('Esimene rida jätkub', 70, 400),
        run('KOOPIA', 20, 395, { rotated: true }),
        run('teisel real.', 70, 388),
      ]),
    ]);
    expect(turned.body.map((b) => b.type === 'paragraph' && b.text)).toEqual(
      expect.arrayContaining(['KOOPIA']),
    );
    expect(turned.body).toHaveLength(3);
  });

  it('normalises ligatures and Symbol/Wingdings bullets, NFC', () => {
    expect(normaliseText('\uFB01nants \uFB02oor e\uFB00ekt')).toBe('finants floor effekt');
    expect(normaliseText('\uF0B7 punkt \uF0A7 ruut')).toBe('• punkt ▪ ruut');
    expect(normaliseText('o\u0303un\u00A0ja\u0308a')).toBe('õun jäa');
  });

  it('joins hyphenated lines without losing a character', () => {
    expect(joinLines('tegutsemis\u00AD', 'meetodeid')).toBe('tegutsemismeetodeid');
    expect(joinLines('tegutsemis-', 'meetodeid')).toBe('tegutsemis-meetodeid');
    expect(joinLines('koostöö-', 'ja võrgustikukohtumistel')).toBe('koostöö-\nja võrgustikukohtumistel');
    expect(joinLines('kontoritehnika ja', '-mööbel')).toBe('kontoritehnika ja\n-mööbel');
    expect(joinLines('Vähemalt 3-', 'aastane')).toBe('Vähemalt 3-\naastane');
    expect(joinLines('info-', 'Tehnoloogia')).toBe('info-\nTehnoloogia');
  });

  it('knows page numbers and list labels', () => {
    for (const s of ['lk 2 / 5', 'lk 2/5', '2 / 5', '- 2 -', 'Page 2 of 5', 'Lehekülg 2', '2', 'lk. 3'])
      expect(isPageNumber(s), s).toBe(true);
    for (const s of ['2. ÜLDOSA', 'lk 2 on tühi', '2026. aasta', 'Tiimijuht'])
      expect(isPageNumber(s), s).toBe(false);
    expect(labelOf('3.1. Teenuste toetamine')).toEqual({
      label: '3.1.',
      ordered: true,
      rest: 'Teenuste toetamine',
    });
    expect(labelOf('2)\tkoolitamine')).toEqual({ label: '2)', ordered: true, rest: 'koolitamine' });
    expect(labelOf('a) eelnõud')).toEqual({ label: 'a)', ordered: true, rest: 'eelnõud' });
    expect(labelOf('▪ Teenused')).toEqual({ label: '▪', ordered: false, rest: 'Teenused' });
    expect(labelOf('\uF0A7 ruut')).toEqual({ label: '\uF0A7', ordered: false, rest: 'ruut' });
    expect(labelOf('3-aastane töökogemus')).toBeUndefined();
    expect(labelOf('3 aastat')).toBeUndefined();
    expect(labelOf('-mööbel')).toBeUndefined();
  });
});

describe('Word layouts as LibreOffice prints them (paragraphs set solid)', () => {
  // test/fixtures/import/corpus/NAME.docx through soffice (make.mjs); the Word file's paragraphs are
  // what a person reads in the PDF, so each is compared with what readDocx gives of the same file
  const corpus = {} as Record<'peaspetsialist' | 'projektijuht' | 'jurist' | 'raamatupidaja', SourceDocument>;
  beforeAll(async () => {
    for (const name of ['peaspetsialist', 'projektijuht', 'jurist', 'raamatupidaja'] as const)
      corpus[name] = await readPdf(bytesOf(`corpus-${name}`));
  });
  const texts = (d: SourceDocument): string[] =>
    d.body.flatMap((b) => (b.type === 'paragraph' ? [flat(shown(b))] : []));

  it('starts a paragraph where the next word would have fitted on the line above, a right-aligned one too', () => {
    const t = texts(corpus.peaspetsialist);
    // the approval lines, right-aligned, each its own paragraph, before the title
    expect(t.slice(0, 3)).toEqual([
      'KINNITATUD',
      'Maksu- ja Tolliameti peadirektori 03.03.2026',
      'käskkirjaga nr 1-1/118',
    ]);
    expect(t).toContain('Teenistuskoha nimetus: Peaspetsialist');
    expect(t).toContain('Vahetu juht: Kontrollitalituse juhataja');
    // a wrapped paragraph stays one: its lines end where the next word did not fit
    const tasakaal = paragraphs(corpus.peaspetsialist.body).find((p) => p.text.startsWith('Tasakaalukus'));
    expect(tasakaal?.text.split('\n')).toHaveLength(3);
    expect(tasakaal?.text).toMatch(/suure töökoormusega\.$/);
  });

  it('starts a paragraph at a bold lead-in after a full line that ends a sentence', () => {
    const t = texts(corpus.peaspetsialist);
    expect(t).toContain('Haridus: Kõrgharidus majanduse, rahanduse või õigusteaduse valdkonnas.');
    expect(t).toContain(
      'Töökogemus: Soovitavalt vähemalt 3-aastane töökogemus maksunduse või raamatupidamise valdkonnas.',
    );
  });

  it('keeps a line break inside a paragraph where the document sets its paragraphs apart with space', () => {
    // ametijuhend's own PDF: a hard line break in a duty is no new paragraph there
    const p = paragraphs(docs['ametijuhend-official-rich'].body).find((b) => b.text.includes('Rida jätkub'));
    expect(p?.text).toMatch(/Rida jätkub pärast\nreavahetust\.\nSee rida algab pärast kõva reavahetust\.$/);
  });

  it('keeps Label⇥value lines at a tab stop as paragraphs, one each, not a table', () => {
    const d = corpus.projektijuht;
    const t = texts(d);
    expect(t).toContain('Vahetu juht:\tProjektijuhtimise osakonna juhataja'.replace('\t', ' '));
    const raw = paragraphs(d.body).map((p) => p.text);
    expect(raw).toContain('Vahetu juht:\tProjektijuhtimise osakonna juhataja');
    expect(raw).toContain('Kes asendab:\tTeine projektijuht');
    // a line that ends in a comma goes on in the next, however much room it leaves
    expect(raw).toContain('Struktuuriüksus: Teehoiuteenistus,\nProjektijuhtimise osakond');
    expect(raw).toContain('Töökogemus:\tVähemalt 3-aastane projektijuhtimise kogemus.');
    expect(raw).toContain('Keeleoskus:\tEesti keel C1 tasemel.');
    // the general part has no table in this layout (the Word file has none)
    expect(tables(d)).toEqual([]);
  });

  it('leaves out struck-through words and takes the accepted number of a tracked list item', () => {
    // LibreOffice prints tracked changes: deletions struck through, changed numbers as "2.[3.]"
    const d = corpus.projektijuht;
    const all = allText(d);
    expect(all).not.toContain('ja hoolduse');
    expect(all).not.toContain('Töökoha eesmärk vaadatakse üle igal aastal.');
    const duties = paragraphs(d.body).filter((p) => p.ordered && p.level === 0);
    expect(duties.map((p) => [p.label, p.text])).toEqual([
      ['1.', 'Projektide ettevalmistamine ja hangete korraldamine.'],
      ['2.', 'Ehitustööde juhtimine ja järelevalve korraldamine.'],
      ['3.', 'Projekti dokumentatsiooni haldamine.'],
      ['4.', 'Huvigruppide teavitamine ja nendega suhtlemine.'],
    ]);
    const results = paragraphs(d.body).filter((p) => p.label === '◦');
    expect(results.map((p) => p.level)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(labelOf('2.[3.] Projekt')).toEqual({ label: '3.', ordered: true, rest: 'Projekt' });
    expect(labelOf('[2.] Ehitus')).toEqual({ label: '2.', ordered: true, rest: 'Ehitus' });
  });

  it('drops a word under a line through the middle of its letters, not under an underline (layout)', () => {
    const str = 'Tööd on tehtud kiiresti lepingu järgi.';
    const run: Run = { str, x: 100, y: 500, width: 190, size: 10, bold: false };
    const at = (word: string): number => 100 + (190 * str.indexOf(word)) / str.length;
    const body = layout([
      {
        page: 1,
        width: 595,
        height: 842,
        runs: [run],
        segments: [
          { dir: 'h', at: 503.3, a0: at('kiiresti') - 1, a1: at('lepingu') - 2 },
          { dir: 'h', at: 498.8, a0: at('lepingu'), a1: at('järgi') },
        ],
      },
    ]).body;
    expect(body.map((b) => b.type === 'paragraph' && b.text)).toEqual(['Tööd on tehtud lepingu järgi.']);
  });

  it('takes a running header out that is on every page but the first (a different first page)', () => {
    const d = corpus.jurist;
    expect(d.header.map((p) => p.text)).toEqual(['Sotsiaalkindlustusamet\tAmetijuhend: Jurist']);
    expect(allText({ ...d, header: [] })).not.toContain('Ametijuhend: Jurist');
    // the first page's own header (the approval) is the first thing of the body
    expect(texts(d).slice(0, 3)).toEqual([
      'KINNITATUD',
      'Sotsiaalkindlustusameti peadirektori',
      '12.02.2026 käskkirjaga nr 1-3/26',
    ]);
    // a list item at the top of a later page is no running header
    expect(docs['ametijuhend-official-rich'].header).toEqual([]);
  });

  it('numbers list levels from the list, not from the numbered heading above it', () => {
    const items = paragraphs(corpus.raamatupidaja.body).filter((p) => p.label !== undefined);
    const duty = items.find((p) => p.label === '3.1.');
    expect(duty?.level).toBe(0);
    const result = items.find((p) => p.text.startsWith('Arved on kirjendatud'));
    expect(result).toMatchObject({ label: '•', level: 1 });
  });

  it('keeps a superscript footnote mark on its line, and a footnote is no list item', () => {
    const ps = paragraphs(corpus.raamatupidaja.body);
    expect(ps.map((p) => p.text)).toContain('Eesti keel C1 tasemel.1');
    expect(ps.some((p) => p.text === '1')).toBe(false);
    const note = ps.find((p) => p.text.includes('Keeleoskuse tasemed'));
    expect(note?.label).toBeUndefined();
  });

  it("wraps the text of a table cell at its column's common right edge", () => {
    const t = tables(corpus.raamatupidaja).find((x) => x.rows.some((r) => cellText(r[0]!) === 'Korrektsus'));
    const cell = t?.rows.find((r) => cellText(r[0]!) === 'Korrektsus')?.[1];
    expect(cell?.blocks.map((b) => flat(b.text))).toEqual([
      'Täidab ülesandeid täpselt, kvaliteetselt, tähtaegselt ja vastavalt seatud nõuetele.',
      'Väljendab end selgelt ja vormiliselt korrektselt.',
      'Vigade tekkimisel märkab neid ning parandab need koheselt. Märkab ka teiste inimeste vigu ja juhib neile tähelepanu.',
    ]);
  });

  it('splits centred lines where the next word would have fitted (layout)', () => {
    const run = (str: string, x: number, y: number): Run => ({
      str,
      x,
      y,
      width: str.length * 5,
      size: 10,
      bold: false,
    });
    // a full line fixes the text area (70…470, centre 270); two centred lines below it, set solid: the
    // first is too wide for "Teine" to fit at its end where it stands, yet re-centred it would have fitted
    const wide = 'a'.repeat(72);
    const body = layout([
      {
        page: 1,
        width: 595,
        height: 842,
        segments: [],
        runs: [
          run('x'.repeat(80), 70, 710),
          run(wide, 270 - 180, 688),
          run('Teine rida keskel', 270 - 42.5, 676),
          run('• üks', 70, 650),
          run('• kaks', 70, 638),
          run('• kolm', 70, 626),
        ],
      },
    ]).body;
    expect(body.map((b) => b.type === 'paragraph' && b.text)).toEqual([
      'x'.repeat(80),
      wide,
      'Teine rida keskel',
      'üks',
      'kaks',
      'kolm',
    ]);
  });
});

/** A PDF of `n` pages, each with one line of text (pdfkit). */
function pdfkitPages(n: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    for (let i = 1; i <= n; i++)
      doc.addPage().fontSize(11).text(`Leht number ${i}: teenistuja kohustused ja õigused.`, 50, 250);
    doc.end();
  });
}
