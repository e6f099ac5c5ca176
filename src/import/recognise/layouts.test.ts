/**
 * The layouts agencies use, each through recognise(): headings, the general part's three layouts,
 * duties as tables and lists, requirements as tables and lines, signatures, approval, unmapped text.
 * Every test also checks that no sentence of the document is lost.
 */
import { describe, expect, it } from 'vitest';
import { recognise } from './index.js';
import { lostSentences, p, sourceDoc, table } from './testing.js';
import type { Draft, DraftSection, RecogniseContext, SourceBlock, SourceDocument } from '../types.js';

function run(body: SourceBlock[], ctx: RecogniseContext = {}, more: Partial<SourceDocument> = {}): Draft {
  const doc = sourceDoc(body, more);
  const draft = recognise(doc, ctx);
  expect(lostSentences(doc, draft, ctx)).toEqual([]);
  return draft;
}

function section(d: Draft, key: DraftSection['key']): DraftSection | undefined {
  return d.sections.find((s) => s.key === key);
}

function tasks(d: Draft): { task: string; results: string[] }[] {
  const s = section(d, 'duties');
  return s?.key === 'duties' ? s.tasks.map((t) => ({ task: t.task, results: t.results })) : [];
}

describe('headings', () => {
  it('numbered, capitalised, with a colon, with the number as a list label, in variants and English', () => {
    const d = run([
      p('2. TÖÖKOHA EESMÄRK'),
      p('Eesmärk on hea.'),
      p('3 Teenistusülesanded:'),
      p('Ülesanne.'),
      p('ÕIGUSED JA KOHUSTUSED', { label: '4.', ordered: true }),
      p('Õigus teha tööd.'),
      p('Vastutus', { bold: true }),
      p('Vastutab töö eest.'),
      p('6. Töövahendid'),
      p('Arvuti.'),
      p('Ametijuhendi muutmise kord'),
      p('Muudetakse kokkuleppel.'),
    ]);
    expect(d.sections.map((s) => [s.key, s.heading])).toEqual([
      ['purpose', 'Töökoha eesmärk'],
      ['duties', 'Teenistusülesanded'],
      ['rights', 'Õigused'],
      ['responsibilities', 'Vastutus'],
      ['tools', 'Töövahendid'],
      ['changes', 'Ametijuhendi muutmine'],
    ]);
    // a heading the format does not know gets the format's, the document's is kept for the reviewer
    expect(section(d, 'rights')).toMatchObject({
      blocks: [
        { type: 'review', text: 'Pealkiri dokumendis: „Õigused ja kohustused“' },
        { type: 'paragraph' },
      ],
    });
    expect(d.frontmatter.kind).toBe('official');
  });

  it('the title "TEENISTUSKOHA KIRJELDUS" makes it an official’s', () => {
    expect(run([p('TEENISTUSKOHA KIRJELDUS'), p('Eesmärk'), p('Töö.')]).frontmatter.kind).toBe('official');
    expect(run([p('AMETIJUHEND'), p('Eesmärk'), p('Töö.')]).frontmatter.kind).toBeUndefined();
  });

  it('English headings make the description English', () => {
    const d = run([
      p('Purpose', { heading: 1 }),
      p('To help.'),
      p('Duties', { heading: 1 }),
      p('1. Helping.'),
    ]);
    expect(d.frontmatter.lang).toBe('en');
    expect(d.sections.map((s) => s.key)).toEqual(['purpose', 'duties']);
    // with no heading or label to tell, the hint decides
    expect(recognise(sourceDoc([p('Sissejuhatus.')]), { lang: 'en' }).frontmatter.lang).toBeUndefined();
    // lang is left out when the config says so already
    expect(
      recognise(sourceDoc([p('Purpose', { heading: 1 }), p('To help.')]), { lang: 'en' }).frontmatter.lang,
    ).toBeUndefined();
  });

  it('the config’s aliases and extra sections; an unknown numbered heading is kept for review', () => {
    const ctx: RecogniseContext = {
      aliases: { duties: ['Ülesanded ja tulemused'] },
      extraSections: ['Töötingimused'],
    };
    const d = run(
      [
        p('1. ÜLESANDED JA TULEMUSED'),
        p('1) Töö tegemine.'),
        p('2. TÖÖTINGIMUSED'),
        p('Töö toimub kontoris.'),
        p('3. MUU TEAVE'),
        p('Midagi veel.'),
      ],
      ctx,
    );
    expect(d.sections.map((s) => [s.key, s.heading])).toEqual([
      ['duties', 'Ülesanded ja tulemused'],
      ['extra', 'Töötingimused'],
      ['extra', 'Muu teave'],
    ]);
    const unknown = d.sections[2];
    expect(unknown?.key !== 'duties' && unknown?.blocks[0]?.type).toBe('review');
    expect(d.sections[1]?.key !== 'duties' && d.sections[1]?.blocks[0]?.type).toBe('paragraph');
    expect(d.notes.map((n) => n.id)).toEqual(['import.recognise.unknownSection']);
  });

  it('a bold paragraph that is no section heading stays text of its section', () => {
    const d = run([p('Õigused', { heading: 1 }), p('Erilised õigused', { bold: true }), p('- teha tööd')]);
    expect(section(d, 'rights')?.key === 'rights' && section(d, 'rights')).toMatchObject({
      blocks: [{ type: 'paragraph', text: 'Erilised õigused' }, { type: 'list' }],
    });
  });
});

describe('the general part', () => {
  it('label | value rows, several units on lines, the organisation over AMETIJUHEND', () => {
    const d = run(
      [
        p('Sotsiaalkindlustusamet'),
        p('AMETIJUHEND'),
        p('ÜLDOSA'),
        table([
          ['Ametikoha nimetus', 'Nõunik'],
          ['Struktuuriüksuse nimetus', ['Õigusosakond', 'Õigusloome talitus']],
          ['Kellele allub', 'Osakonna juhataja'],
          ['Asendaja', 'Teine nõunik'],
          ['Keda asendab', 'Teist nõunikku, juhatajat'],
        ]),
      ],
      { organisation: 'Muu amet' },
    );
    expect(d.frontmatter).toEqual({
      title: 'Nõunik',
      unit: ['Õigusosakond', 'Õigusloome talitus'],
      reportsTo: 'Osakonna juhataja',
      substitutedBy: 'Teine nõunik',
      substitutes: ['Teist nõunikku', 'juhatajat'],
      organisation: 'Sotsiaalkindlustusamet',
      kind: 'official',
    });
  });

  it('a label row over a value row (the heading repeated in the table is consumed)', () => {
    const d = run([
      p('1. Üldosa'),
      table([
        ['ÜLDOSA'],
        ['1.1. Ametinimetus', '1.2. Struktuuriüksus'],
        ['Ekspert', 'Arendustalitus'],
        ['1.3. Vahetu juht', '1.4. Kes asendab'],
        ['Tiimijuht', 'Tiimijuht, koordinaator'],
      ]),
    ]);
    expect(d.frontmatter).toEqual({
      title: 'Ekspert',
      unit: 'Arendustalitus',
      reportsTo: 'Tiimijuht',
      substitutedBy: ['Tiimijuht', 'koordinaator'],
    });
    expect(d.notes).toEqual([]);
  });

  it('"Label: value" lines and a label paragraph over its value; the organisation equal to the config’s is left out', () => {
    const d = run(
      [
        p('AMETIJUHEND'),
        p('Sotsiaalkindlustusamet'),
        p('Üldsätted', { heading: 1 }),
        p('Ametinimetus: Jurist'),
        p('Osakond: Õigusosakond'),
        p('Vahetu juht:'),
        p('Osakonna juhataja'),
        p('Teda asendab: Teine jurist'),
        p('Asendab: Teist juristi'),
        p('Töökoha eesmärk', { heading: 1 }),
        p('Hea töö.'),
      ],
      { organisation: 'Sotsiaalkindlustusamet' },
    );
    expect(d.frontmatter).toEqual({
      title: 'Jurist',
      unit: 'Õigusosakond',
      reportsTo: 'Osakonna juhataja',
      substitutedBy: 'Teine jurist',
      substitutes: 'Teist juristi',
    });
  });

  it('the title falls back to an "Ametinimetus" line before the first section, then to the metadata', () => {
    expect(run([p('Ametinimetus: Analüütik'), p('Eesmärk'), p('Analüüs.')]).frontmatter.title).toBe(
      'Analüütik',
    );
    expect(
      run([p('Eesmärk'), p('Analüüs.')], {}, { metadata: { title: 'Analüütik' } }).frontmatter.title,
    ).toBe('Analüütik');
    expect(
      run([p('AMETIJUHEND'), p('Ametinimetus Vanemanalüütik'), p('Eesmärk'), p('Analüüs.')]).frontmatter
        .title,
    ).toBe('Vanemanalüütik');
    // the metadata's language is a vote when the headings do not decide
    expect(run([p('Sissejuhatus.')], {}, { metadata: { language: 'en-GB' } }).frontmatter.lang).toBe('en');
  });

  it('a table read as lines: numbered labels on one line over the values split by tabs', () => {
    const d = run([
      p('1. ÜLDOSA'),
      p('1.1. Ametinimetus 1.2. Struktuuriüksus'),
      p('Ekspert\tArendustalitus'),
      p('1.3. Vahetu juht 1.4. Kes asendab'),
      p('Tiimijuht Tiimijuht, koordinaator'),
    ]);
    expect(d.frontmatter).toEqual({ title: 'Ekspert', unit: 'Arendustalitus' });
    // the values that cannot be split are kept for review, not guessed
    expect(d.notes.map((n) => n.id)).toEqual(['import.recognise.unmapped']);
  });

  it('English labels', () => {
    const d = run([
      p('General information', { heading: 1 }),
      table([
        ['Job title', 'Analyst'],
        ['Department', 'Analysis, Data Team'],
        ['Reports to', 'Head of Data'],
        ['Substituted by', 'Senior Analyst'],
        ['Substitutes', 'Senior Analyst'],
      ]),
    ]);
    expect(d.frontmatter).toEqual({
      title: 'Analyst',
      unit: ['Analysis', 'Data Team'],
      reportsTo: 'Head of Data',
      substitutedBy: 'Senior Analyst',
      substitutes: 'Senior Analyst',
      lang: 'en',
    });
  });
});

describe('duties', () => {
  it('the table variant "Teenistuskoha ülesanded | Soovitud töötulemus", a row-spanned task and an empty task cell', () => {
    const doc = sourceDoc([
      p('Teenistusülesanded'),
      table([
        ['Teenistuskoha ülesanded', 'Soovitud töötulemus'],
        ['1. Eelnõude koostamine.', 'Eelnõud on koostatud.'],
        ['', 'Eelnõud on kooskõlastatud.'],
        ['2. Nõustamine.', 'Nõu on antud.'],
      ]),
    ]);
    // row 4 continues the task of row 3 (rowSpan 2): its row holds only the results cell
    const t = doc.body[1];
    if (t?.type === 'table') {
      const row3 = t.rows[3];
      if (row3?.[0]) row3[0].rowSpan = 2;
      t.rows.push([{ blocks: [p('Nõu on kirjalik.')], colSpan: 1, rowSpan: 1 }]);
    }
    const d = recognise(doc);
    expect(lostSentences(doc, d)).toEqual([]);
    expect(tasks(d)).toEqual([
      { task: 'Eelnõude koostamine.', results: ['Eelnõud on koostatud.', 'Eelnõud on kooskõlastatud.'] },
      { task: 'Nõustamine.', results: ['Nõu on antud.', 'Nõu on kirjalik.'] },
    ]);
  });

  it('a row split by a page break goes on in the next table (its header repeated)', () => {
    const d = run([
      p('3. TÖÖÜLESANDED'),
      table([
        ['Põhiülesanded', 'Oodatavad tulemused'],
        ['3.1 Aruannete koostamine.', '▪ Aruanded on õigeaegsed.'],
        ['3.2 Juhendite loomine ja', ['▪ Juhendid on koostatud.', '▪ Teave on õige ja']],
      ]),
      table([
        ['Põhiülesanded', 'Oodatavad tulemused'],
        ['kaasajastamine.', 'ajakohane.'],
        ['3.3 Nõustamine.', '▪ Nõu on antud.'],
      ]),
    ]);
    expect(tasks(d)).toEqual([
      { task: 'Aruannete koostamine.', results: ['Aruanded on õigeaegsed.'] },
      {
        task: 'Juhendite loomine ja kaasajastamine.',
        results: ['Juhendid on koostatud.', 'Teave on õige ja ajakohane.'],
      },
      { task: 'Nõustamine.', results: ['Nõu on antud.'] },
    ]);
  });

  it('English "Duties | Expected results" with a number column', () => {
    const d = run([
      p('Duties'),
      table([
        ['No', 'Duties', 'Expected results'],
        ['1.', 'Reporting.', 'Reports are on time.'],
      ]),
    ]);
    expect(tasks(d)).toEqual([{ task: 'Reporting.', results: ['Reports are on time.'] }]);
  });

  it('a Word numbered list with nested bullets', () => {
    const d = run([
      p('Tööülesanded', { heading: 1 }),
      p('Töötaja ülesanded on:'),
      p('Aruannete koostamine.', { label: '3.1.', ordered: true, level: 0 }),
      p('Aruanded on õigeaegsed.', { label: '▪', ordered: false, level: 1 }),
      p('Aruanded on õiged.', { label: '▪', ordered: false, level: 1 }),
      p('Nõustamine.', { label: '3.2.', ordered: true, level: 0 }),
    ]);
    expect(tasks(d)).toEqual([
      { task: 'Aruannete koostamine.', results: ['Aruanded on õigeaegsed.', 'Aruanded on õiged.'] },
      { task: 'Nõustamine.', results: [] },
    ]);
    const s = section(d, 'duties');
    expect(s?.key === 'duties' && s.blocks).toEqual([{ type: 'paragraph', text: 'Töötaja ülesanded on:' }]);
  });

  it('typed numbers and typed bullets with tabs and spaces', () => {
    const d = run([
      p('3. TÖÖÜLESANDED'),
      p('3.1.\tAruannete koostamine.'),
      p('•\tAruanded on õigeaegsed.'),
      p('- Aruanded on õiged.'),
      p('3.2 Nõustamine.'),
      p('– Nõu on antud.'),
      p('◦ Nõu on kirjalik.'),
    ]);
    expect(tasks(d)).toEqual([
      { task: 'Aruannete koostamine.', results: ['Aruanded on õigeaegsed.', 'Aruanded on õiged.'] },
      { task: 'Nõustamine.', results: ['Nõu on antud.', 'Nõu on kirjalik.'] },
    ]);
    const e = run([p('3. TÖÖÜLESANDED'), p('1) Muu töö.'), p('▪ Tehtud.'), p('2)\tVeel töö.')]);
    expect(tasks(e)).toEqual([
      { task: 'Muu töö.', results: ['Tehtud.'] },
      { task: 'Veel töö.', results: [] },
    ]);
  });

  it('typed numbers in levels ("1.", "1.1.", "1.1.1.", "a)") without a reader level: the top level are the tasks, the rest sub-tasks', () => {
    const d = run([
      p('2. TEENISTUSÜLESANDED'),
      p('1.\tÕigusloome korraldamine:'),
      p('1.1.\teelnõude koostamine;'),
      p('1.1.1.\tmõjuanalüüsi tegemine;'),
      p('2.\tNõustamine:'),
      p('a)\tosakondade nõustamine;'),
      p('b)\tametite nõustamine.'),
    ]);
    // numbered sub-items are sub-tasks (a nested list of the task), not expected results
    const s = section(d, 'duties');
    expect(s?.key === 'duties' && s.tasks).toEqual([
      {
        task: 'Õigusloome korraldamine:',
        results: [],
        more: [
          {
            type: 'list',
            ordered: true,
            items: [
              {
                text: 'eelnõude koostamine;',
                children: [{ type: 'list', ordered: true, items: [{ text: 'mõjuanalüüsi tegemine;' }] }],
              },
            ],
          },
        ],
      },
      {
        task: 'Nõustamine:',
        results: [],
        more: [
          {
            type: 'list',
            ordered: true,
            items: [{ text: 'osakondade nõustamine;' }, { text: 'ametite nõustamine.' }],
          },
        ],
      },
    ]);
  });

  it('a task paragraph followed by its results as bullets', () => {
    const d = run([
      p('Tööülesanded'),
      p('Aruannete koostamine.'),
      p('▪ Aruanded on õigeaegsed.'),
      p('Nõustamine.'),
      p('▪ Nõu on antud.'),
    ]);
    expect(tasks(d)).toEqual([
      { task: 'Aruannete koostamine.', results: ['Aruanded on õigeaegsed.'] },
      { task: 'Nõustamine.', results: ['Nõu on antud.'] },
    ]);
  });

  it('bold task paragraphs followed by their results as plain paragraphs', () => {
    const d = run([
      p('Tööülesanded'),
      p('Aruannete koostamine', { bold: true }),
      p('Aruanded on õigeaegsed.'),
      p('Nõustamine', { bold: true }),
      p('Nõu on antud.'),
    ]);
    expect(tasks(d)).toEqual([
      { task: 'Aruannete koostamine', results: ['Aruanded on õigeaegsed.'] },
      { task: 'Nõustamine', results: ['Nõu on antud.'] },
    ]);
  });
});

describe('rights, responsibilities, tools, changes', () => {
  it('a lead-in and a bullet list; a section equal to the config’s default is left to it', () => {
    const ctx: RecogniseContext = {
      defaults: { responsibilities: 'Töötaja vastutab:\n\n- töö tegemise eest;\n- vara hoidmise eest.\n' },
    };
    const d = run(
      [
        p('4. ÕIGUSED'),
        p('Töötajal on õigus:'),
        p('▪ teha kaugtööd;'),
        p('▪ saada infot.'),
        p('5. VASTUTUS'),
        p('Töötaja vastutab:'),
        p('▪ töö tegemise eest;'),
        p('▪ vara hoidmise eest.'),
      ],
      ctx,
    );
    expect(d.sections.map((s) => s.key)).toEqual(['rights']);
    expect(section(d, 'rights')).toEqual({
      key: 'rights',
      heading: 'Õigused',
      blocks: [
        { type: 'paragraph', text: 'Töötajal on õigus:' },
        { type: 'list', ordered: false, items: [{ text: 'teha kaugtööd;' }, { text: 'saada infot.' }] },
      ],
    });
  });

  it('a table in a prose section stays a table', () => {
    const d = run([
      p('Töövahendid'),
      table([
        ['Vahend', 'Kogus'],
        ['Arvuti', '1'],
      ]),
    ]);
    expect(section(d, 'tools')).toMatchObject({
      blocks: [{ type: 'table', header: ['Vahend', 'Kogus'], rows: [['Arvuti', '1']] }],
    });
  });
});

describe('requirements', () => {
  it('as a label | value table, "Teadmised" and old level words', () => {
    const d = run([
      p('Teenistuskohale esitatavad nõuded'),
      table([
        ['Haridus', 'Kõrgharidus'],
        ['Töökogemus', 'Vähemalt 2 aastat.'],
        ['Keeleoskus', ['eesti keel kõrgtasemel', 'inglise või vene keel B1']],
        ['Arvutioskus', 'MS Office.'],
        ['Teadmised', ['▪ Haldusmenetluse seadus.', '▪ Avaliku teenistuse seadus.']],
      ]),
    ]);
    expect(d.frontmatter.requirements).toEqual({
      education: 'Kõrgharidus',
      experience: 'Vähemalt 2 aastat.',
      languages: [
        { lang: 'et', level: 'C1' },
        { lang: ['en', 'ru'], level: 'B1' },
      ],
      computerSkills: 'MS Office.',
      knowledge: ['Haldusmenetluse seadus.', 'Avaliku teenistuse seadus.'],
    });
    expect(d.notes.filter((n) => n.id === 'import.recognise.oldLevel').map((n) => n.data)).toEqual([
      { word: 'kõrgtase', level: 'C1' },
    ]);
    expect(d.frontmatter.kind).toBe('official');
  });

  it('as "Label: value" lines, with competencies "Name – a; b; c."', () => {
    const d = run(
      [
        p('Nõuded'),
        p('Haridus: kõrgharidus'),
        p('Keeleoskus: English at level B2'),
        p('Kompetentsid'),
        p('Koostöövõime – teeb koostööd; kuulab teisi; jagab infot.'),
        p('Kliendikesksus – lähtub kliendi vajadustest.'),
      ],
      { catalogue: { Koostöövõime: ['Teeb koostööd.', 'Kuulab teisi.', 'Jagab infot.'] } },
    );
    expect(d.frontmatter.requirements).toEqual({
      education: 'kõrgharidus',
      languages: [{ lang: 'en', level: 'B2' }],
      competencies: ['Koostöövõime', { name: 'Kliendikesksus', indicators: ['lähtub kliendi vajadustest.'] }],
    });
  });

  it('what the renderer prints: knowledge bullets under the additional competencies, a note after the language sentence', () => {
    const d = run([
      p('6. TÖÖKOHALE ESITATAVAD NÕUDED'),
      p('Keeleoskus'),
      p('Valdab eesti keelt vähemalt tasemel C1. 2 aastat välismaal.'),
      p('Tööks vajalikud kompetentsid'),
      p('Koostöö:', { bold: true }),
      p('▪ Toetab kolleege.'),
      p('Täiendavad kompetentsid, isikuomadused ja teadmised'),
      p('▪ Haldusmenetluse seadus.'),
    ]);
    expect(d.frontmatter.requirements).toEqual({
      languages: [{ lang: 'et', level: 'C1', note: '2 aastat välismaal.' }],
      competencies: [{ name: 'Koostöö', indicators: ['Toetab kolleege.'] }],
      knowledge: ['Haldusmenetluse seadus.'],
    });
    expect(d.notes).toEqual([]);
  });

  it('a language sentence without a level becomes a note of the requirement; none at all a comment', () => {
    const d = run([
      p('Nõuded'),
      p('Keeleoskus'),
      p('Valdab vene keelt suhtlustasandil.'),
      p('Valdab eesti keelt vähemalt tasemel C1.'),
    ]);
    expect((d.frontmatter.requirements as { languages: unknown }).languages).toEqual([
      { lang: 'et', level: 'C1', note: 'Valdab vene keelt suhtlustasandil.' },
    ]);
    const e = run([p('Nõuded'), p('Keeleoskus'), p('Vene keele oskus on eeliseks.')]);
    expect(e.frontmatter.requirements).toBeUndefined();
    expect(e.comments).toEqual([
      { path: ['requirements', 'languages'], text: 'Vene keele oskus on eeliseks.' },
    ]);
    expect(e.notes.map((n) => n.id)).toEqual(['import.recognise.languageNoLevel']);
  });
});

describe('approval and signatures', () => {
  it('"KINNITATUD" in the page header, on several lines', () => {
    const d = run(
      [p('Eesmärk'), p('Töö.')],
      {},
      {
        header: [
          p('KINNITATUD'),
          p('Sotsiaalkindlustusameti peadirektori'),
          p('25.01.2026 käskkirjaga nr 1-2/26'),
        ],
      },
    );
    expect(d.frontmatter.approval).toEqual({
      by: 'Sotsiaalkindlustusameti peadirektori',
      directive: '1-2/26',
      date: '2026-01-25',
    });
  });

  it('"KINNITATUD …" on one line in the body; signature lines "Tööandja: Name"', () => {
    const d = run([
      p('KINNITATUD peadirektori 25.01.2026 käskkirjaga nr 1-2/26'),
      p('Eesmärk'),
      p('Töö.'),
      p('Allkirjad'),
      p('Tööandja: Maret Maripuu'),
      p('(allkirjastatud digitaalselt)'),
      p('Töötaja: Helen Raja'),
      p('(allkirjastatud digitaalselt)'),
    ]);
    expect(d.frontmatter.approval).toEqual({ by: 'peadirektori', directive: '1-2/26', date: '2026-01-25' });
    expect(d.frontmatter.signatures).toEqual({ employer: 'Maret Maripuu', employee: 'Helen Raja' });
  });

  it('English approval as the renderer prints it', () => {
    const d = run([
      p('APPROVED'),
      p('Mari Maasikas'),
      p('by directive No 1-2/34 of 15 February 2026'),
      p('Purpose'),
      p('Work.'),
    ]);
    expect(d.frontmatter.approval).toEqual({ by: 'Mari Maasikas', directive: '1-2/34', date: '2026-02-15' });
  });

  it('a signature table "Tööandja: | Töötaja:" with the names below', () => {
    const d = run([
      p('Eesmärk'),
      p('Töö.'),
      table([
        ['Tööandja:', 'Töötaja:'],
        ['Maret Maripuu', 'Helen Raja'],
        ['(allkirjastatud digitaalselt)', '(allkirjastatud digitaalselt)'],
      ]),
    ]);
    expect(d.frontmatter.signatures).toEqual({ employer: 'Maret Maripuu', employee: 'Helen Raja' });
  });
});

describe('nothing is lost', () => {
  it('text that maps to nothing is kept for review in the section it came from, with its location', () => {
    const doc = sourceDoc([
      p('Ettevõtte sisedokument nr 5.'),
      p('Eesmärk'),
      p('Töö.'),
      p('Nõuded'),
      p('Sissejuhatav lause nõuete kohta.'),
      p('Haridus'),
      p('Kõrgharidus'),
      p('Allkirjad'),
      p('Tööandja: Maret Maripuu'),
      p('Kuupäev: 01.02.2026'),
    ]);
    const d = recognise(doc);
    expect(lostSentences(doc, d)).toEqual([]);
    const purpose = section(d, 'purpose');
    expect(purpose?.key === 'purpose' && purpose.blocks.map((b) => b.type)).toEqual([
      'review', // the heading "Eesmärk"
      'review',
      'paragraph',
      'paragraph',
      'review',
      'paragraph',
      'review',
      'paragraph',
    ]);
    const unmapped = d.notes.filter((n) => n.id === 'import.recognise.unmapped');
    expect(unmapped.map((n) => n.loc?.paragraph)).toHaveLength(3);
    expect(unmapped.every((n) => n.severity === 'warning' && n.loc !== undefined)).toBe(true);
  });

  it('a document with no section at all keeps its text in an extra section', () => {
    const doc = sourceDoc([p('Lihtsalt mingi tekst ilma pealkirjata.')]);
    const d = recognise(doc);
    expect(lostSentences(doc, d)).toEqual([]);
    expect(d.sections).toHaveLength(1);
  });

  it('the helper finds a lost sentence (it can fail)', () => {
    const doc = sourceDoc([p('Eesmärk'), p('Töö. Teine lause.')]);
    const d = recognise(doc);
    const s = d.sections[0];
    if (s && s.key !== 'duties') s.blocks = [{ type: 'paragraph', text: 'Töö.' }];
    expect(lostSentences(doc, d)).toEqual(['Teine lause.']);
  });
});

describe('size', () => {
  it('a long document and a big catalogue take well under a second', () => {
    const catalogue: Record<string, string[]> = {};
    for (let i = 0; i < 500; i++)
      catalogue[`Kompetents ${String(i)}`] = [`Näitaja ${String(i)} üks.`, `Näitaja ${String(i)} kaks.`];
    const body = [p('Tööülesanded')];
    for (let i = 0; i < 900; i++)
      body.push(p(`${String(i + 1)}. Ülesanne number ${String(i)}.`), p(`▪ Tulemus ${String(i)}.`));
    body.push(p('Nõuded'), p('Kompetentsid'));
    for (let i = 0; i < 300; i++)
      body.push(
        p(`Kompetents ${String(i)}:`),
        p(`▪ Näitaja ${String(i)} üks.`),
        p(`▪ Näitaja ${String(i)} kaks.`),
      );
    const start = performance.now();
    const d = recognise(sourceDoc(body), { catalogue });
    expect(performance.now() - start).toBeLessThan(1500);
    expect(tasks(d)).toHaveLength(900);
    expect((d.frontmatter.requirements as { competencies: unknown[] }).competencies).toHaveLength(300);
  });
});

describe('a template with the whole description in one table', () => {
  it('rows "Label | value" for the general part, the sections and the requirements', () => {
    const d = run([
      p('AMETIJUHEND'),
      table([
        ['Ametinimetus', 'Jurist'],
        ['Struktuuriüksus', 'Õigusosakond'],
        ['Vahetu juht', 'Osakonna juhataja'],
        ['Töö eesmärk', 'Õigusalane nõustamine.'],
        ['Tööülesanded', ['1. Lepingute koostamine.', '2. Nõustamine.']],
        ['Haridus', 'Kõrgharidus'],
        ['Keeleoskus', 'eesti keel C1'],
      ]),
    ]);
    expect(d.frontmatter).toEqual({
      title: 'Jurist',
      unit: 'Õigusosakond',
      reportsTo: 'Osakonna juhataja',
      requirements: { education: 'Kõrgharidus', languages: [{ lang: 'et', level: 'C1' }] },
    });
    expect(d.sections.map((s) => s.key)).toEqual(['purpose', 'duties']);
    expect(tasks(d)).toEqual([
      { task: 'Lepingute koostamine.', results: [] },
      { task: 'Nõustamine.', results: [] },
    ]);
  });
});
