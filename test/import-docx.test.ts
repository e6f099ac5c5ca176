/**
 * The DOCX reader of `ametijuhend import` (src/import/docx) on real Word files: the corpus of
 * test/fixtures/import/corpus (made by the docx library, LibreOffice and ametijuhend itself; see
 * its src/make.mjs), small packages written here in Word's own OOXML for the cases the corpus does
 * not reach, and the bad inputs (test/fixtures/import/bad, and a zip bomb and a 60 MB file made
 * here). LibreOffice's own text export of every corpus file is the independent check that no text
 * is lost.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../src/import/docx/read.js';
import { libreOfficeConvert } from './output-tools.js';
import {
  IMPORT_LIMITS,
  ImportFailure,
  type SourceDocument,
  type SourceParagraph,
  type SourceTable,
} from '../src/import/types.js';

const CORPUS = join(import.meta.dirname, 'fixtures', 'import', 'corpus');
const BAD = join(import.meta.dirname, 'fixtures', 'import', 'bad');
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.docx'))
  .sort();

const read = (name: string): SourceDocument => readDocx(readFileSync(join(CORPUS, name)));

/** Every paragraph of the body, table cells' in reading order. */
function paragraphs(doc: SourceDocument): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  for (const b of doc.body) {
    if (b.type === 'paragraph') out.push(b);
    else for (const row of b.rows) for (const cell of row) out.push(...cell.blocks);
  }
  return out;
}
const tables = (doc: SourceDocument): SourceTable[] =>
  doc.body.filter((b): b is SourceTable => b.type === 'table');
const find = (doc: SourceDocument, text: string): SourceParagraph => {
  const p = paragraphs(doc).find((x) => x.text === text);
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
};
const norm = (s: string): string => s.replace(/[\s\u00a0\ufeff]+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// hand-written packages shaped like Word's own

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xml = (root: string, inner: string, ns = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} xmlns:w="${W}" xmlns:r="${R}"${ns}>${inner}</${root}>`;

interface Parts {
  body: string;
  styles?: string;
  numbering?: string;
  header?: string;
  footer?: string;
  footnotes?: string;
  extra?: Zippable;
}

function docx(parts: Parts): Uint8Array {
  const rels: string[] = [];
  const add = (id: string, type: string, target: string): void => {
    rels.push(
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`,
    );
  };
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  };
  let sect = '';
  if (parts.styles) {
    add('rS', 'styles', 'styles.xml');
    files['word/styles.xml'] = strToU8(xml('w:styles', parts.styles));
  }
  if (parts.numbering) {
    add('rN', 'numbering', 'numbering.xml');
    files['word/numbering.xml'] = strToU8(xml('w:numbering', parts.numbering));
  }
  if (parts.header) {
    add('rH', 'header', 'header1.xml');
    files['word/header1.xml'] = strToU8(xml('w:hdr', parts.header));
    sect += '<w:headerReference w:type="default" r:id="rH"/>';
  }
  if (parts.footer) {
    add('rF', 'footer', 'footer1.xml');
    files['word/footer1.xml'] = strToU8(xml('w:ftr', parts.footer));
    sect += '<w:footerReference w:type="default" r:id="rF"/>';
  }
  if (parts.footnotes) {
    add('rFn', 'footnotes', 'footnotes.xml');
    files['word/footnotes.xml'] = strToU8(xml('w:footnotes', parts.footnotes));
  }
  files['word/document.xml'] = strToU8(
    xml('w:document', `<w:body>${parts.body}<w:sectPr>${sect}</w:sectPr></w:body>`),
  );
  files['word/_rels/document.xml.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  return zipSync({ ...files, ...parts.extra });
}

const run = (text: string, rPr = ''): string =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const numPr = (numId: number, ilvl = 0): string =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}<w:pPr><w:ind w:left="${720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
const textOf = (doc: SourceDocument): string[] => paragraphs(doc).map((p) => p.text);

/** The failure reading `bytes` gives (and how long it took, how much memory it added). */
function failure(bytes: Uint8Array): { error: ImportFailure; ms: number; heapMB: number } {
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  try {
    readDocx(bytes);
  } catch (error) {
    if (!(error instanceof ImportFailure)) throw error;
    return {
      error,
      ms: performance.now() - start,
      heapMB: (process.memoryUsage().heapUsed - heap) / 1048576,
    };
  }
  throw new Error('read without failure');
}

// ---------------------------------------------------------------------------------------------

describe('the corpus: nothing of the text is lost (LibreOffice’s own text export as the check)', () => {
  const exported = new Map<string, string>();
  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'lo-txt-'));
    libreOfficeConvert(
      FILES.map((f) => join(CORPUS, f)),
      'txt:Text (encoded):UTF8',
      out,
    );
    for (const f of FILES) exported.set(f, readFileSync(join(out, f.replace(/\.docx$/, '.txt')), 'utf8'));
  });

  it('has the eight documents', () => {
    expect(FILES).toEqual([
      'analyytik.docx',
      'ekspert-kriisiabi.docx',
      'jurist.docx',
      'noustaja.docx',
      'peaspetsialist.docx',
      'projektijuht.docx',
      'raamatupidaja.docx',
      'security.docx',
    ]);
  });

  it.each(FILES)('%s: every line LibreOffice shows is in the SourceDocument', (file) => {
    const doc = read(file);
    const ours = norm([...doc.header, ...paragraphs(doc), ...doc.footer].map((p) => p.text).join('\n'));
    const expectFile = JSON.parse(
      readFileSync(join(CORPUS, file.replace(/\.docx$/, '.expect.json')), 'utf8'),
    ) as {
      deletedText?: string[];
      footnotes?: number;
    };
    const missing: string[] = [];
    let lines = 0;
    for (const raw of exported.get(file)!.split('\n')) {
      let line = norm(raw);
      if (!line) continue;
      // LibreOffice shows tracked deletions too: the reader takes them as accepted
      for (const gone of expectFile.deletedText ?? []) line = norm(line.replace(gone, ''));
      if (!line) continue;
      // LibreOffice shows a footnote's reference number where it is; the reader leaves the mark out
      if (expectFile.footnotes) line = line.replace(/([.\p{L}])\d$/u, '$1');
      lines++;
      // LibreOffice writes a list item's label before it; the reader gives it apart
      const unlabelled = line.replace(/^(?:\d+(?:\.\d+)*[.)]?|[a-z][.)]|[•▪◦–o■-])\s+/, '');
      if (!ours.includes(line) && !ours.includes(unlabelled)) missing.push(line);
    }
    expect(lines).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it.each(FILES)(
    '%s: paragraphs numbered 1, 2, 3 … in document order, none empty, no page numbers',
    (file) => {
      const doc = read(file);
      const nums = paragraphs(doc).map((p) => p.loc.paragraph);
      expect(nums).toEqual(nums.map((_n, i) => i + 1));
      for (const p of [...paragraphs(doc), ...doc.header, ...doc.footer]) {
        expect(p.text).not.toBe('');
        expect(p.text).toBe(p.text.trim());
        expect(p.text).not.toMatch(/ {2}|\u00a0|PAGE|MERGEFORMAT|NUMPAGES/);
      }
      for (const p of [...doc.header, ...doc.footer])
        expect(p.text).not.toMatch(/^(lk\s*)?\d+(\s*\/\s*\d+)?$/);
    },
  );
});

interface Expect {
  title: string;
  unit: string[];
  reportsTo: string;
  tasks: string[];
  results: string[][];
  resultsPerDuty: number[];
  purpose: string;
  education: string;
  approval?: { by: string; directive: string; date: string };
  competencies: string[];
  additionalCompetencies?: string[];
  signatures: { employer: string; employee: string };
}

describe('the corpus’s NAME.expect.json files tell the truth about their documents', () => {
  it.each(FILES)('%s', (file) => {
    const e = JSON.parse(
      readFileSync(join(CORPUS, file.replace(/\.docx$/, '.expect.json')), 'utf8'),
    ) as Expect;
    const doc = read(file);
    const text = norm([...doc.header, ...paragraphs(doc)].map((p) => p.text).join('\n'));
    const has = (s: string): boolean => text.includes(norm(s));
    for (const s of [
      e.title,
      e.reportsTo,
      ...e.unit,
      e.education,
      e.signatures.employer,
      e.signatures.employee,
    ]) {
      expect(has(s), s).toBe(true);
    }
    expect(has(e.purpose), e.purpose).toBe(true);
    expect(e.results.map((r) => r.length)).toEqual(e.resultsPerDuty);
    for (const t of [...(e.tasks ?? []), ...(e.results ?? []).flat()]) {
      // a task may be typed with its number in front ("3.1.\t…", "1. …")
      expect(has(t), t).toBe(true);
    }
    for (const name of [...e.competencies, ...(e.additionalCompetencies ?? [])])
      expect(has(name), name).toBe(true);
    if (e.approval) {
      expect(has(e.approval.directive)).toBe(true);
      expect(has(e.approval.by)).toBe(true);
      const [y, m, d] = e.approval.date.split('-');
      expect(has(`${d}.${m}.${y}`)).toBe(true);
    }
  });
});

describe('jurist.docx: Heading styles, one multi-level Word list, approval in the page header', () => {
  const doc = read('jurist.docx');

  it('numbered headings keep their heading level and get the label Word shows', () => {
    expect(find(doc, 'Üldosa')).toMatchObject({ heading: 1, label: '1.', ordered: true, level: 0 });
    expect(find(doc, 'Tööülesanded')).toMatchObject({ heading: 1, label: '3.' });
    expect(find(doc, 'Ametijuhendi muutmine')).toMatchObject({ heading: 1, label: '8.' });
    expect(find(doc, 'Haridus')).toMatchObject({ heading: 2 });
    expect(find(doc, 'Haridus').label).toBeUndefined();
    expect(find(doc, 'AMETIJUHEND').heading).toBe(1); // the Title style
  });

  it('duties are "3.1." … "3.5." at level 1, their results Symbol bullets "•" at level 2', () => {
    const duties = paragraphs(doc).filter((p) => p.level === 1);
    expect(duties.map((p) => p.label)).toEqual(['3.1.', '3.2.', '3.3.', '3.4.', '3.5.']);
    expect(duties.every((p) => p.ordered === true && p.heading === undefined)).toBe(true);
    const results = paragraphs(doc).filter((p) => p.level === 2);
    expect(results).toHaveLength(9);
    expect(results.every((p) => p.label === '•' && p.ordered === false)).toBe(true);
    expect(results[0]!.indent).toBe(61.2);
    expect(duties[0]!.indent).toBe(39.6);
  });

  it('rights are lettered a) … d) in their own list', () => {
    const rights = paragraphs(doc).filter((p) => /^[a-d]\)$/.test(p.label ?? ''));
    expect(rights.map((p) => p.label)).toEqual(['a)', 'b)', 'c)', 'd)']);
    expect(rights[0]!.text).toBe(
      'saada tööülesannete täitmiseks vajalikku teavet ja dokumente ameti teenistujatelt;',
    );
  });

  it('the general part is a table of "1.1. Ametinimetus" over the value, spans 3+3 and 2+2+2', () => {
    const [general] = tables(doc);
    expect(general!.rows.map((r) => r.map((c) => c.colSpan))).toEqual([
      [3, 3],
      [2, 2, 2],
    ]);
    expect(general!.rows[0]![0]!.blocks.map((p) => [p.text, p.bold ?? false])).toEqual([
      ['1.1. Ametinimetus', true],
      ['Jurist', false],
    ]);
    expect(general!.loc.paragraph).toBe(general!.rows[0]![0]!.blocks[0]!.loc.paragraph);
  });

  it('the approval is in the first page’s header, both page-number footers are left out', () => {
    // the default header first, then the first page's
    expect(doc.header.map((p) => p.text)).toEqual([
      'Sotsiaalkindlustusamet\tAmetijuhend: Jurist',
      'KINNITATUD',
      'Sotsiaalkindlustusameti peadirektori',
      '12.02.2026 käskkirjaga nr 1-3/26',
    ]);
    expect(doc.header.map((p) => p.loc)).toEqual([1, 2, 3, 4].map((n) => ({ paragraph: n, part: 'header' })));
    expect(doc.footer).toEqual([]);
    expect(doc.metadata.title).toBe('Ametijuhend: Jurist');
    expect(doc.notes).toEqual([]);
  });

  it('bold: competency names bold, their indicators not', () => {
    expect(find(doc, 'Korrektsus').bold).toBe(true);
    expect(find(doc, 'Väljendab end selgelt ja vormiliselt korrektselt.').bold).toBeUndefined();
  });
});

describe('analyytik.docx: typed headings, numbers and bullets, label | value table', () => {
  const doc = read('analyytik.docx');

  it('bold capitalised typed headings are bold paragraphs, no heading style, no label', () => {
    for (const t of [
      '1. ÜLDOSA',
      '2. TÖÖKOHA EESMÄRK',
      '3 Tööülesanded:',
      '6. TÖÖKOHALE ESITATAVAD NÕUDED',
    ]) {
      const p = find(doc, t);
      expect(p.bold).toBe(true);
      expect(p.heading).toBeUndefined();
      expect(p.label).toBeUndefined();
    }
  });

  it('the duties table keeps typed numbers and typed "▪\\t" bullets in the text', () => {
    const duties = tables(doc)[1]!;
    expect(duties.rows).toHaveLength(5);
    expect(duties.rows[0]!.map((c) => c.blocks[0]!.text)).toEqual(['Põhiülesanded', 'Oodatavad tulemused']);
    expect(duties.rows[1]![0]!.blocks[0]!.text).toBe(
      '3.1.\tKeskkonnaseire andmete kogumine, korrastamine ja kvaliteedi kontroll.',
    );
    expect(duties.rows[3]![1]!.blocks.map((p) => p.text)).toEqual([
      '▪\tTöölauad on ajakohased.',
      '▪\tAvaandmed on avaldatud masinloetaval kujul.',
      '▪\tKasutajate küsimustele on vastatud.',
    ]);
    expect(duties.rows.flat().every((c) => c.colSpan === 1 && c.rowSpan === 1)).toBe(true);
  });

  it('the general part is a label | value table with two units on two lines', () => {
    const general = tables(doc)[0]!;
    expect(general.rows[1]!.map((c) => c.blocks.map((p) => p.text))).toEqual([
      ['Struktuuriüksus'],
      ['Analüüsi- ja arendusosakond', 'Andmetalitus'],
    ]);
  });
});

describe('peaspetsialist.docx: an official, merged cells, approval in the body', () => {
  const doc = read('peaspetsialist.docx');

  it('a header spanning two columns (gridSpan) and task cells spanning their result rows (vMerge)', () => {
    const duties = tables(doc)[0]!;
    expect(duties.rows[0]).toHaveLength(1);
    expect(duties.rows[0]![0]).toMatchObject({ colSpan: 2, rowSpan: 1 });
    expect(duties.rows[0]![0]!.blocks[0]!.text).toBe('Teenistuskoha ülesanded ja soovitud töötulemus');
    const body = duties.rows.slice(2);
    expect(body.map((r) => r.length)).toEqual([2, 1, 1, 2, 1, 2]);
    expect(body.filter((r) => r.length === 2).map((r) => [r[0]!.blocks[0]!.text, r[0]!.rowSpan])).toEqual([
      ['1. Maksukontrollide läbiviimine.', 3],
      ['2. Maksukohustuslaste nõustamine kontrolli käigus.', 2],
      ['3. Riskianalüüsi ettepanekute tegemine.', 1],
    ]);
    // a continued row holds the result cell only
    expect(body[1]![0]!.blocks[0]!.text).toBe('Kontrolliaktid on vormistatud nõuetekohaselt.');
  });

  it('the approval and the "Label: value" lines are body paragraphs', () => {
    expect(textOf(doc).slice(0, 3)).toEqual([
      'KINNITATUD',
      'Maksu- ja Tolliameti peadirektori 03.03.2026',
      'käskkirjaga nr 1-1/118',
    ]);
    expect(find(doc, 'Teenistuskoha nimetus: Peaspetsialist').bold).toBeUndefined();
    expect(doc.header).toEqual([]);
  });

  it('Word’s tracked changes in the purpose: the insertion kept, the deletion dropped, one warning', () => {
    expect(
      find(
        doc,
        'Teenistuskoha eesmärk on maksukohustuslaste maksukohustuse õige täitmise kontrollimine ning maksude laekumise tagamine.',
      ),
    ).toBeDefined();
    expect(textOf(doc).join('\n')).not.toContain('sissenõudmine');
    expect(doc.notes).toEqual([{ id: 'import.docx.trackedChanges', data: { n: 2 }, severity: 'warning' }]);
  });
});

describe('projektijuht.docx (LibreOffice): tracked changes, fields, breaks, spaces, tabs', () => {
  const doc = read('projektijuht.docx');
  const all = textOf(doc).join('\n');

  it('takes tracked changes as accepted, with one warning that counts them', () => {
    expect(all).toContain('Ehitustööde juhtimine ja järelevalve korraldamine.');
    expect(all).toContain('Projekti dokumentatsiooni haldamine.');
    expect(all).toContain('objektid valmiksid kokkulepitud ajal, eelarves ja kvaliteediga.');
    expect(all).toContain('Pöördumistele on vastatud.');
    expect(all).not.toContain('hoolduse');
    expect(all).not.toContain('vaadatakse üle igal aastal');
    expect(doc.notes).toEqual([{ id: 'import.docx.trackedChanges', data: { n: 5 }, severity: 'warning' }]);
  });

  it('fields give their shown result, never the instruction; the page-number footer is left out', () => {
    expect(find(doc, 'Koostatud: 15.01.2026')).toBeDefined();
    expect(all).toContain('(vt ka jaotist „Tööülesanded ja nende oodatavad tulemused on järgmised.“)');
    expect(all).not.toMatch(/REF|DATE|ylesanded|\\h/);
    expect(doc.footer).toEqual([]);
  });

  it('soft line breaks are "\\n", tabs "\\t", non-breaking spaces plain spaces', () => {
    expect(find(doc, 'Struktuuriüksus:\tTeehoiuteenistus,\nProjektijuhtimise osakond')).toBeDefined();
    expect(find(doc, 'Keeleoskus:\tEesti keel C1 tasemel.\nInglise keel B1 tasemel.')).toBeDefined();
    expect(find(doc, 'Töökogemus:\tVähemalt 3-aastane projektijuhtimise kogemus.')).toBeDefined();
  });

  it('LibreOffice’s list numbering: "1." … "4." with "◦" results; outline headings are no list items', () => {
    expect(
      paragraphs(doc)
        .filter((p) => p.ordered)
        .map((p) => p.label),
    ).toEqual(['1.', '2.', '3.', '4.']);
    expect(find(doc, 'Pöördumistele on vastatud.')).toMatchObject({ label: '◦', level: 1, ordered: false });
    expect(find(doc, 'Üldosa')).toMatchObject({ heading: 1, bold: true });
    expect(find(doc, 'Üldosa').label).toBeUndefined();
    expect(doc.metadata).toEqual({ title: 'Ametijuhend: Projektijuht', language: 'et-EE' });
  });
});

describe('noustaja.docx: numbering and headings through styles, requirements table', () => {
  const doc = read('noustaja.docx');

  it('duties numbered "1)" through their paragraph style, results "–" at level 1', () => {
    const duties = paragraphs(doc).filter((p) => p.ordered);
    expect(duties.map((p) => [p.label, p.level])).toEqual([
      ['1)', 0],
      ['2)', 0],
      ['3)', 0],
    ]);
    expect(find(doc, 'Klient on saanud toe karjääriotsuse tegemiseks.')).toMatchObject({
      label: '–',
      level: 1,
      ordered: false,
    });
    expect(find(doc, 'Julgustab ja toetab.'.slice(0, 0) || 'Oskab teiste pingeid maha võtta.')).toMatchObject(
      { label: '▪' },
    );
  });

  it('a heading style based on Heading 1 gives heading 1 (w:basedOn)', () => {
    expect(find(doc, 'Tööülesanded').heading).toBe(1);
    expect(find(doc, 'Täiendavad kompetentsid').heading).toBe(2);
  });

  it('the requirements table and competencies as "Name – a; b; c."', () => {
    const req = tables(doc)[0]!;
    expect(req.rows.map((r) => r[0]!.blocks[0]!.text)).toEqual([
      'Haridus',
      'Töökogemus',
      'Keeleoskus',
      'Arvutioskus',
      'Tööks vajalikud kompetentsid',
    ]);
    expect(req.rows[2]![1]!.blocks.map((p) => p.text)).toEqual([
      'Valdab eesti keelt kõrgtasemel.',
      'Oskab suhtlustasandil inglise või vene keelt B1 tasemel.',
    ]);
    expect(req.rows[4]![1]!.blocks[0]!.text).toMatch(
      /^Kliendikesksus – Lähtub töös kliendi .*; Püüdleb .*; Näitab .*\.$/,
    );
    expect(doc.header.map((p) => p.text)).toEqual(['Eesti Töötukassa\tAmetijuhend']);
  });
});

describe('raamatupidaja.docx: a Word template as Word writes it', () => {
  const doc = read('raamatupidaja.docx');

  it('content controls give their text; the approval is one header paragraph with line breaks', () => {
    const general = tables(doc)[0]!;
    expect(general.rows.map((r) => r.map((c) => c.blocks.map((p) => p.text).join('|')))).toEqual([
      ['Ametinimetus', 'Raamatupidaja'],
      ['Struktuuriüksus', 'Finantsarvestuse osakond'],
      ['Vahetu juht', 'Finantsarvestuse osakonna juhataja'],
      ['Asendaja', 'Teine raamatupidaja'],
      ['Keda asendab', 'Teist raamatupidajat'],
    ]);
    expect(doc.header.map((p) => p.text)).toEqual([
      'KINNITATUD\nRiigi Tugiteenuste Keskuse peadirektori\n05.01.2026 käskkirjaga nr 1-2/5',
    ]);
    expect(doc.footer).toEqual([]);
  });

  it('duties "3.1." … "3.4." from the level text "3.%1.", results "•"; headings from Word’s Estonian style ids', () => {
    expect(
      paragraphs(doc)
        .filter((p) => p.ordered)
        .map((p) => p.label),
    ).toEqual(['3.1.', '3.2.', '3.3.', '3.4.']);
    expect(find(doc, 'Aruannete andmed on kontrollitud ja põhjendatud.')).toMatchObject({
      label: '•',
      level: 1,
    });
    expect(find(doc, '3. Tööülesanded')).toMatchObject({ heading: 1 });
    expect(find(doc, '3. Tööülesanded').bold).toBeUndefined(); // Word 2013+ headings are not bold
    expect(find(doc, 'Keeleoskus').heading).toBe(2);
  });

  it('the comment is left out, the footnote appended at the end with a note, the tracked insertion kept', () => {
    const all = textOf(doc);
    expect(all.join('\n')).not.toContain('piisavalt konkreetne');
    expect(all.at(-1)).toBe('Keeleoskuse tasemed vastavalt Euroopa keeleõppe raamdokumendile.');
    expect(doc.notes.map((n) => [n.id, n.data])).toEqual([
      ['import.docx.trackedChanges', { n: 2 }],
      ['import.docx.notesAppended', { n: 1 }],
    ]);
    expect(doc.notes[1]!.loc).toEqual({ paragraph: all.length });
  });
});

describe('security.docx (English, LibreOffice from HTML) and ekspert-kriisiabi.docx (ametijuhend)', () => {
  it('English headings and Word lists', () => {
    const doc = read('security.docx');
    expect(find(doc, 'Job description').heading).toBe(1);
    expect(find(doc, '3. Duties').heading).toBe(2);
    expect(find(doc, 'Advising institutions on security measures.')).toMatchObject({
      label: '3.',
      level: 0,
      ordered: true,
    });
    expect(find(doc, 'Recommendations are given in writing.')).toMatchObject({
      label: '•',
      level: 1,
      ordered: false,
    });
    expect(find(doc, 'Employer: Margus Noormaa\n(signed digitally)')).toBeDefined();
    expect(doc.metadata.language).toBe('en-US');
  });

  it('ametijuhend’s own DOCX: header kept, "lk N / M" footer left out, 3.1 … typed in the duties table', () => {
    const doc = read('ekspert-kriisiabi.docx');
    expect(doc.header.map((p) => p.text)).toEqual([
      'Sotsiaalkindlustusamet · Ekspert (psühhosotsiaalne kriisiabi)',
    ]);
    expect(doc.footer).toEqual([]);
    const duties = tables(doc)[1]!;
    expect(duties.rows).toHaveLength(12);
    expect(duties.rows[11]![0]!.blocks[0]!.text).toBe(
      '3.11 Vahetu juhi antud muude ühekordsete ülesannete täitmine.',
    );
    expect(duties.rows[3]![1]!.blocks.map((p) => p.label)).toEqual(['▪', '▪', '▪']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('Word’s OOXML beyond the corpus', () => {
  it('complex and simple fields: the shown result only; PAGE and NUMPAGES nowhere', () => {
    const fld = (instr: string, result: string): string =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const doc = readDocx(
      docx({
        body:
          para(run('Kehtib alates ') + fld(' DATE \\@ "dd.MM.yyyy" ', '01.03.2026') + run('.')) +
          para(
            run('Vt ') +
              fld(' REF _Ref1 \\h ', 'punkt 3.2') +
              run(' ja lk ') +
              fld(' PAGEREF _Ref1 \\h ', '4') +
              run('.'),
          ) +
          para(`<w:fldSimple w:instr=" AUTHOR ">${run('Mari Maasikas')}</w:fldSimple>`) +
          // a field nested in another's instruction: neither instruction shows
          para(
            `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>${fld(' PAGE ', '2')}<w:r><w:instrText> = 1 "a" "b" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('b')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
          ),
        footer:
          para(
            run('Lk ') +
              fld(' PAGE ', '1') +
              run(' / ') +
              `<w:fldSimple w:instr=" NUMPAGES ">${run('3')}</w:fldSimple>`,
          ) +
          para(run('Page ') + fld('PAGE', '1') + run(' of ') + fld('NUMPAGES', '3')) +
          para(run('Sotsiaalministeerium')),
      }),
    );
    expect(textOf(doc)).toEqual(['Kehtib alates 01.03.2026.', 'Vt punkt 3.2 ja lk .', 'Mari Maasikas', 'b']);
    // a broken field (begin, no separate or end) hides nothing after its paragraph
    const broken = readDocx(
      docx({
        body:
          para(
            run('Enne ') +
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r>',
          ) + para(run('Pärast.')),
      }),
    );
    expect(textOf(broken)).toEqual(['Enne', 'Pärast.']);
    expect(doc.footer.map((p) => [p.text, p.loc])).toEqual([
      ['Sotsiaalministeerium', { paragraph: 1, part: 'footer' }],
    ]);
  });

  it('runs: tabs, breaks, hyphens, symbols, non-breaking and repeated spaces; a page break ends the paragraph', () => {
    const doc = readDocx(
      docx({
        body:
          para(
            run('  Kaks   tühikut\u00a0ja\u00a0NBSP ') +
              '<w:r><w:tab/><w:t>tab</w:t><w:br/><w:t>rida</w:t><w:cr/><w:t>e</w:t><w:noBreakHyphen/><w:t>post, ühe</w:t><w:softHyphen/><w:t>sõna </w:t><w:sym w:font="Symbol" w:char="F0B7"/><w:t> </w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
          ) + para(run('enne') + '<w:r><w:br w:type="page"/></w:r>' + run('pärast')),
      }),
    );
    expect(textOf(doc)).toEqual(['Kaks tühikut ja NBSP\ttab\nrida\ne-post, ühesõna • ✓', 'enne', 'pärast']);
    expect(paragraphs(doc).map((p) => p.loc.paragraph)).toEqual([1, 2, 3]);
  });

  it('wrappers: content controls, custom XML, smart tags, hyperlinks; comments ignored', () => {
    const doc = readDocx(
      docx({
        body:
          `<w:sdt><w:sdtPr><w:alias w:val="Nimetus"/></w:sdtPr><w:sdtContent>${para(run('Ametinimetus: ') + `<w:sdt><w:sdtPr/><w:sdtContent>${run('Jurist')}</w:sdtContent></w:sdt>`)}</w:sdtContent></w:sdt>` +
          `<w:customXml w:element="yksus">${para(`<w:smartTag w:element="place">${run('Tallinn')}</w:smartTag>` + `<w:customXml w:element="x">${run(', Harjumaa')}</w:customXml>`)}</w:customXml>` +
          para(
            `<w:commentRangeStart w:id="0"/><w:hyperlink r:id="rX">${run('link')}</w:hyperlink><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`,
          ),
      }),
    );
    expect(textOf(doc)).toEqual(['Ametinimetus: Jurist', 'Tallinn, Harjumaa', 'link']);
  });

  it('tracked changes: insertions, deletions, moves, a deleted paragraph mark, a deleted row; one warning', () => {
    const ins = (id: number, inner: string): string =>
      `<w:ins w:id="${id}" w:author="A" w:date="2026-01-01T00:00:00Z">${inner}</w:ins>`;
    const del = (id: number, text: string): string =>
      `<w:del w:id="${id}" w:author="A"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
    const doc = readDocx(
      docx({
        body:
          para(run('Töötaja ') + ins(1, run('vastutab ')) + del(2, 'ei vastuta ') + run('vara eest.')) +
          para(`<w:moveFrom w:id="3" w:author="A">${run('Vana koht.')}</w:moveFrom>` + run('Lõik.')) +
          // the paragraph mark deleted: this text joins the next paragraph
          para(run('Esimene pool, '), '<w:rPr><w:del w:id="4" w:author="A"/></w:rPr>') +
          para(run('teine pool.') + `<w:moveTo w:id="5" w:author="A">${run(' Uus koht.')}</w:moveTo>`) +
          `<w:tbl><w:tr><w:tc>${para(run('jääb'))}</w:tc></w:tr><w:tr><w:trPr><w:del w:id="6" w:author="A"/></w:trPr><w:tc>${para(del(7, 'kustutatud rida'))}</w:tc></w:tr></w:tbl>`,
      }),
    );
    expect(textOf(doc)).toEqual([
      'Töötaja vastutab vara eest.',
      'Lõik.',
      'Esimene pool, teine pool. Uus koht.',
      'jääb',
    ]);
    expect((doc.body[3] as SourceTable).rows).toHaveLength(1);
    expect(doc.notes).toEqual([{ id: 'import.docx.trackedChanges', data: { n: 6 }, severity: 'warning' }]);
  });

  it('numbering: style numbering through basedOn, restarts, start overrides, isLgl, roman and letters, numId 0', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2.')}${lvl(2, 'lowerLetter', '%3)')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '\uF0A7', '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:hint="default"/></w:rPr>')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>';
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      `<w:style w:type="paragraph" w:styleId="Loetelu"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:pPr>${numPr(1)}</w:pPr></w:style>` +
      '<w:style w:type="paragraph" w:styleId="Loetelu2"><w:name w:val="List Number 2"/><w:basedOn w:val="Loetelu"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>';
    const p = (text: string, pPr: string): string => para(run(text), pPr);
    const doc = readDocx(
      docx({
        styles,
        numbering,
        body:
          p('üks', '<w:pStyle w:val="Loetelu"/>') +
          p('üks-üks', '<w:pStyle w:val="Loetelu2"/>') +
          p('üks-kaks', '<w:pStyle w:val="Loetelu2"/>') +
          p('a', numPr(1, 2)) +
          p('b', numPr(1, 2)) +
          p('kaks', '<w:pStyle w:val="Loetelu"/>') +
          p('kaks-üks', numPr(1, 1)) +
          p('kaks-üks-a', numPr(1, 2)) +
          p('ilma numbrita', `<w:pStyle w:val="Loetelu"/>${numPr(0)}`) +
          p('rooma', numPr(2)) +
          p('rooma-lgl', numPr(2, 1)) +
          p('rooma kaks', numPr(2)) +
          p('viis', numPr(3)) +
          p('ruut', numPr(4)),
      }),
    );
    expect(paragraphs(doc).map((x) => [x.text, x.label, x.level])).toEqual([
      ['üks', '1.', 0],
      ['üks-üks', '1.1.', 1],
      ['üks-kaks', '1.2.', 1],
      ['a', 'a)', 2],
      ['b', 'b)', 2],
      ['kaks', '2.', 0],
      ['kaks-üks', '2.1.', 1],
      ['kaks-üks-a', 'a)', 2],
      ['ilma numbrita', undefined, undefined],
      ['rooma', 'I.', 0],
      ['rooma-lgl', '1.1', 1],
      ['rooma kaks', 'II.', 0],
      ['viis', '5.', 0],
      ['ruut', '▪', 0],
    ]);
    expect(find(doc, 'kaks-üks').indent).toBe(72);
    expect(find(doc, 'ruut').ordered).toBe(false);
  });

  it('headings from outline levels, style names and ids; bold from runs, run styles and paragraph styles; no table of contents', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Pealkiri2"><w:name w:val="heading 2"/><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Minu"><w:name w:val="Minu pealkiri"/><w:basedOn w:val="Pealkiri2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Liigendus"><w:name w:val="Liigendus"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>' +
      '<w:style w:type="character" w:styleId="Tugev"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Sisukord1"><w:name w:val="toc 1"/></w:style>';
    const doc = readDocx(
      docx({
        styles,
        body:
          // a table of contents (a TOC field whose result is "toc 1" paragraphs) repeats the headings: left out
          para(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
              run('Alapealkiri') +
              '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
              run('2') +
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            '<w:pStyle w:val="Sisukord1"/>',
          ) +
          para('<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
          para(run('Alapealkiri'), '<w:pStyle w:val="Minu"/>') +
          para(run('Liigendatud'), '<w:pStyle w:val="Liigendus"/>') +
          para(run('Otse'), '<w:outlineLvl w:val="0"/>') +
          para(run('Pool ', '<w:b/>') + run('paks')) +
          para(run('Paks ', '<w:b/>') + run('ka', '<w:rStyle w:val="Tugev"/>') + run(' ')) +
          para(run('Mitte paks', '<w:b w:val="0"/>'), '<w:pStyle w:val="Pealkiri2"/>'),
      }),
    );
    expect(paragraphs(doc).map((p) => [p.text, p.heading, p.bold])).toEqual([
      ['Alapealkiri', 2, true],
      ['Liigendatud', 3, undefined],
      ['Otse', 1, undefined],
      ['Pool paks', undefined, undefined],
      ['Paks ka', undefined, true],
      ['Mitte paks', 2, undefined],
    ]);
  });

  it('tables: nested tables flattened into the cell, gridBefore, vMerge continued without restart kept', () => {
    const tc = (inner: string, tcPr = ''): string =>
      `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
    const doc = readDocx(
      docx({
        body:
          '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
          `<w:tr>${tc(para(run('A')) + `<w:tbl><w:tr>${tc(para(run('sees 1')))}${tc(para(run('sees 2')))}</w:tr></w:tbl>`, '<w:vMerge w:val="restart"/>')}${tc(para(run('B')), '<w:gridSpan w:val="2"/>')}</w:tr>` +
          `<w:tr>${tc(para(''), '<w:vMerge/>')}${tc(para(run('C')))}${tc(para(run('D')), '<w:vMerge w:val="restart"/>')}</w:tr>` +
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(para(run('E')))}${tc(para(run('lisa')), '<w:vMerge/>')}</w:tr>` +
          `<w:tr>${tc(para(run('F')), '<w:vMerge/>')}${tc(para(run('G')), '<w:gridSpan w:val="2"/>')}</w:tr>` +
          '</w:tbl>',
      }),
    );
    const t = doc.body[0] as SourceTable;
    const shape = t.rows.map((r) =>
      r.map((c) => [c.blocks.map((p) => p.text).join('|'), c.colSpan, c.rowSpan]),
    );
    expect(shape).toEqual([
      [
        ['A|sees 1|sees 2', 1, 2],
        ['B', 2, 1],
      ],
      [
        ['C', 1, 1],
        ['D|lisa', 1, 2],
      ],
      [['E', 1, 1]],
      [
        ['F', 1, 1],
        ['G', 2, 1],
      ],
    ]);
    // numbered in document order: "lisa" (row 3) comes after "E", though it joins "D" above
    expect(
      paragraphs(doc)
        .map((p) => [p.text, p.loc.paragraph])
        .slice(5, 8),
    ).toEqual([
      ['D', 6],
      ['lisa', 8],
      ['E', 7],
    ]);
  });

  it('footnotes are appended to the body with a note; text boxes follow their paragraph', () => {
    const doc = readDocx(
      docx({
        body:
          para(run('Tekst') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + run('.')) +
          para(
            run('Kast: ') +
              `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${para(run('kasti sees'))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${para(run('kasti sees'))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
          ),
        footnotes:
          `<w:footnote w:type="separator" w:id="-1">${para('<w:r><w:separator/></w:r>')}</w:footnote>` +
          `<w:footnote w:id="1">${para(run('Vt töölepingu seadus § 28.'))}</w:footnote>`,
      }),
    );
    expect(textOf(doc)).toEqual(['Tekst.', 'Kast:', 'kasti sees', 'Vt töölepingu seadus § 28.']);
    expect(doc.notes).toEqual([
      { id: 'import.docx.notesAppended', data: { n: 1 }, severity: 'warning', loc: { paragraph: 4 } },
    ]);
  });

  it('numbering linked through a list style (w:numStyleLink) takes the style’s levels', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Liigend"/>${lvl(0, 'decimal', '%1)')}</w:abstractNum>` +
      '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Liigend"/></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const styles = `<w:style w:type="numbering" w:styleId="Liigend"><w:name w:val="Liigend"/><w:pPr>${numPr(1)}</w:pPr></w:style>`;
    const doc = readDocx(
      docx({ styles, numbering, body: para(run('esimene'), numPr(2)) + para(run('teine'), numPr(2)) }),
    );
    expect(paragraphs(doc).map((p) => p.label)).toEqual(['1)', '2)']);
  });

  it('headers: typed page numbers left out, other short lines (a year) kept', () => {
    const doc = readDocx(
      docx({
        body: para(run('x')),
        header: para(run('lk 2 / 5')) + para(run('2026')) + para(run('- 3 -')) + para(run('Ametijuhend')),
      }),
    );
    expect(doc.header.map((p) => [p.text, p.loc.paragraph])).toEqual([
      ['2026', 1],
      ['Ametijuhend', 2],
    ]);
  });

  it('an embedded document (w:altChunk) it cannot read is reported where it is', () => {
    const doc = readDocx(
      docx({ body: para(run('Enne.')) + '<w:altChunk r:id="rA"/>' + para(run('Pärast.')) }),
    );
    expect(textOf(doc)).toEqual(['Enne.', 'Pärast.']);
    expect(doc.notes).toEqual([{ id: 'import.docx.altChunk', severity: 'warning', loc: { paragraph: 2 } }]);
  });

  it('reads the core properties, the document part named by the package relationships', () => {
    const bytes = docx({
      body: para(run('x')),
      extra: {
        'docProps/core.xml': strToU8(
          '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Ametijuhend  Jurist</dc:title><dc:language>et-EE</dc:language></cp:coreProperties>',
        ),
      },
    });
    expect(readDocx(bytes).metadata).toEqual({ title: 'Ametijuhend Jurist', language: 'et-EE' });
  });

  it('a 100-page document reads fast (measured, not asserted)', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'bullet', '\uF0B7')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const parts: string[] = [];
    for (let i = 0; i < 400; i++) {
      parts.push(
        para(
          run(`Ülesanne number ${i}, mille kirjeldus on piisavalt pikk, et täita rida või kaks.`),
          numPr(1),
        ),
      );
      parts.push(para(run('Tulemus on saavutatud tähtaegselt ja korrektselt.'), numPr(1, 1)));
      parts.push(
        `<w:tbl><w:tr><w:tc>${para(run('Põhiülesanne'))}</w:tc><w:tc>${para(run('Oodatav tulemus'), numPr(1, 1))}</w:tc></w:tr></w:tbl>`,
      );
    }
    const bytes = docx({ numbering, body: parts.join('') });
    const start = performance.now();
    const doc = readDocx(bytes);
    const ms = performance.now() - start;
    console.log(
      `100-page document (${paragraphs(doc).length} paragraphs, ${bytes.length} bytes zipped): ${ms.toFixed(0)} ms`,
    );
    expect(paragraphs(doc)).toHaveLength(1600);
    expect(
      find(doc, 'Ülesanne number 399, mille kirjeldus on piisavalt pikk, et täita rida või kaks.').label,
    ).toBe('400.');
  });
});

// ---------------------------------------------------------------------------------------------

/** A raw deflate stream of `size` zero bytes, made cheaply: one literal, then (length 258, distance 1) matches, fixed Huffman codes. */
function zeroDeflate(size: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(((size / 258) * 13 + 64) / 8));
  let bit = 0;
  const put = (value: number, n: number, reversed = false): void => {
    for (let i = 0; i < n; i++) {
      const b = reversed ? (value >> (n - 1 - i)) & 1 : (value >> i) & 1;
      if (b) out[bit >> 3]! |= 1 << (bit & 7);
      bit++;
    }
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  put(0x30, 8, true); // literal 0
  let left = size - 1;
  while (left >= 258) {
    put(0b11000101, 8, true); // length 258 (code 285)
    put(0, 5, true); // distance 1
    left -= 258;
  }
  while (left-- > 0) put(0x30, 8, true);
  put(0, 7, true); // end of block
  return out.subarray(0, (bit >> 3) + 1);
}

/** A zip of one stored-as-deflate part whose directory declares `declared` bytes. */
function zipWith(name: string, deflated: Uint8Array, declared: number): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, declared, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, deflated.length, true);
  cv.setUint32(24, declared, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + deflated.length, true);
  const all = new Uint8Array(local.length + deflated.length + central.length + end.length);
  all.set(local, 0);
  all.set(deflated, local.length);
  all.set(central, local.length + deflated.length);
  all.set(end, local.length + deflated.length + central.length);
  return all;
}

describe('bad inputs: each a clear ImportFailure, fast and small', () => {
  const figures: string[] = [];
  const check = (label: string, bytes: Uint8Array, id: string, data?: Record<string, unknown>): void => {
    const { error, ms, heapMB } = failure(bytes);
    figures.push(`${label}: ${error.id} in ${ms.toFixed(1)} ms, heap +${heapMB.toFixed(1)} MB`);
    expect(error.id).toBe(id);
    if (data) expect(error.data).toMatchObject(data);
  };

  it('a damaged zip, a truncated docx, bytes that are no zip', () => {
    check('damaged zip', readFileSync(join(BAD, 'vigane.docx')), 'import.docx.corrupt');
    check('truncated docx', readFileSync(join(BAD, 'poolik.docx')), 'import.docx.corrupt');
    check('plain text', strToU8('See ei ole Wordi fail.'), 'import.docx.corrupt');
    check('empty file', new Uint8Array(0), 'import.docx.corrupt');
  });

  it('a password-protected DOCX (encrypted compound file) and an old binary .doc', () => {
    const encrypted = readFileSync(join(BAD, 'parooliga.docx'));
    // really encrypted: a compound file with the EncryptionInfo stream, not a zip
    expect([...encrypted.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    expect(encrypted.includes(Buffer.from('EncryptionInfo', 'utf16le'))).toBe(true);
    check('password-protected docx', encrypted, 'import.docx.encrypted');
    check('old .doc', readFileSync(join(BAD, 'vana.doc')), 'import.docx.legacyDoc');
  });

  it('zips that are not Word documents say what they are', () => {
    const odt = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
    });
    check('odt', odt, 'import.docx.isOdt', { ext: 'odt' });
    check('xlsx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'import.docx.isOffice', {
      ext: 'xlsx',
    });
    check('other zip', zipSync({ 'readme.txt': strToU8('tere') }), 'import.docx.notWord');
  });

  it('malformed XML names the part', () => {
    const bytes = docx({ body: para(run('x')), styles: '<w:style><w:name w:val="a"></w:style>' });
    check('bad XML', bytes, 'import.docx.badXml', { part: 'word/styles.xml' });
  });

  it('a zip bomb: refused by its declared size, and stopped while inflating when the size lies', () => {
    const size = 250 * 1024 * 1024;
    const deflated = zeroDeflate(size);
    expect(deflated.length).toBeLessThan(2 * 1024 * 1024);
    check('zip bomb, honest size', zipWith('word/document.xml', deflated, size), 'import.docx.zipBomb');
    check('zip bomb, lying size', zipWith('word/document.xml', deflated, 1000), 'import.docx.zipBomb');
    const rss = process.memoryUsage().rss / 1048576;
    figures.push(
      `rss after the bombs: ${rss.toFixed(0)} MB (limits: part ${IMPORT_LIMITS.partBytes / 1048576} MB)`,
    );
  });

  it('damaged variants of every corpus file: a document or an ImportFailure, never another error', () => {
    let seed = 42;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const unexpected: string[] = [];
    const attempt = (bytes: Uint8Array, what: string): void => {
      try {
        readDocx(bytes);
      } catch (error) {
        if (!(error instanceof ImportFailure)) unexpected.push(`${what}: ${String(error)}`);
      }
    };
    for (const file of FILES) {
      const bytes = readFileSync(join(CORPUS, file));
      const parts = unzipSync(bytes);
      for (let k = 0; k < 12; k++) {
        // XML cut or repeated at a random place (in the parts the reader interprets)
        const name = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'][k % 3]!;
        if (!parts[name]) continue;
        const text = strFromU8(parts[name]);
        const a = Math.floor(rnd() * text.length);
        const b = a + Math.floor(rnd() * 200);
        const changed = k % 2 ? text.slice(0, a) + text.slice(b) : text.slice(0, b) + text.slice(a);
        attempt(zipSync({ ...parts, [name]: strToU8(changed) }), `${file} ${name} ${a}-${b}`);
        // random bytes of the zip changed
        const damaged = Buffer.from(bytes);
        for (let j = 0; j < 3; j++) damaged[Math.floor(rnd() * damaged.length)] = Math.floor(rnd() * 256);
        attempt(damaged, `${file} bytes`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('a file over 50 MB is refused before anything is read', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'big-')), 'suur.docx');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 60 * 1024 * 1024);
    closeSync(fd);
    check('60 MB file', readFileSync(path), 'import.docx.tooLarge', { size: 60, max: 50 });
    console.log(figures.join('\n'));
  });
});
