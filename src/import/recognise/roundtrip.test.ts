/**
 * What our own renderers print, read back: SourceDocuments shaped like ametijuhend's DOCX output
 * (Heading styles, the general-part table with the label over the value in each cell, the duties
 * table, Word bullets, the signature table) and its PDF output (capitalised numbered headings,
 * typed ▪ bullets, running footer), for examples/data-analyst.md and test/fixtures/pdf/official-rich.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recognise } from './index.js';
import { lostSentences, p, sourceDoc, table } from './testing.js';
import type { RecogniseContext, SourceCell, SourceDocument } from '../types.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const catalogue = parse(readFileSync(`${root}examples/competencies.yaml`, 'utf8')) as Record<
  string,
  string[]
>;
const ctx: RecogniseContext = { catalogue, organisation: 'Sotsiaalkindlustusamet', lang: 'et' };

const bullet = (text: string, level = 0): ReturnType<typeof p> =>
  p(text, { label: '•', level, ordered: false });
const cell = (...texts: string[]): SourceCell => ({ blocks: texts.map((t) => p(t)), colSpan: 1, rowSpan: 1 });
const cellOf = (...paras: ReturnType<typeof p>[]): SourceCell => ({ blocks: paras, colSpan: 1, rowSpan: 1 });

/** examples/data-analyst.md as our DOCX gives it. */
function dataAnalystDocx(): SourceDocument {
  return sourceDoc(
    [
      p('Job description', { heading: 1 }),
      p('Sotsiaalkindlustusamet'),
      p('1. General', { heading: 1 }),
      table([
        [
          cell('1.1 Job title', 'Data Analyst'),
          cell('1.2 Organisational unit', 'Analysis Department, Data Team'),
        ],
        [
          cell('1.3 Reports to', 'Head of Data Team'),
          cell('1.4 Substituted by', 'Senior Data Analyst'),
          cell('1.5 Substitutes for', 'Senior Data Analyst'),
        ],
      ]),
      p('2. Purpose', { heading: 1 }),
      p(
        "To turn the agency's data into reliable evidence for decisions on social benefits, and to keep the published statistics accurate and timely.",
      ),
      p('3. Duties', { heading: 1 }),
      table([
        [cell('Main tasks'), cell('Expected results')],
        [
          cell('3.1 Preparing regular statistics on social benefits.'),
          cellOf(
            bullet('Monthly statistics are published on time.'),
            bullet('Figures match the source registers.'),
          ),
        ],
        [
          cell('3.2 Analysing the effect of policy changes, on request of the Ministry of Social Affairs.'),
          cellOf(bullet('Analyses answer the question that was asked.')),
        ],
        [
          cell('3.3 Keeping the documentation of data sources and SQL queries up to date.'),
          cellOf(bullet('Another analyst can repeat every published figure.')),
        ],
      ]),
      p('4. Rights', { heading: 1 }),
      p('The employee has the right:'),
      bullet('to receive the data needed for the duties;'),
      bullet('to take part in training in their field.'),
      p('5. Responsibilities', { heading: 1 }),
      p('The employee is responsible for:'),
      bullet('the correctness of the published figures;'),
      bullet('keeping personal data confidential.'),
      p('6. Work equipment', { heading: 1 }),
      p('A laptop with the necessary software and a mobile phone.'),
      p('7. Requirements', { heading: 1 }),
      p('Education', { heading: 2 }),
      p("Master's degree in statistics, economics or computer science"),
      p('Work experience', { heading: 2 }),
      p('At least two years of work in data analysis.'),
      p('Language skills', { heading: 2 }),
      p('Command of Estonian at level B2 or higher.'),
      p('Command of English at level C1 or higher.'),
      p('Computer skills', { heading: 2 }),
      p('SQL, R or Python, and spreadsheet software at an advanced level.'),
      p('Required competencies', { heading: 2 }),
      p('Asjatundlikkus:', { bold: true }),
      ...(catalogue.Asjatundlikkus ?? []).map((t) => bullet(t)),
      p('Koostöövõime:', { bold: true }),
      ...(catalogue['Koostöövõime'] ?? []).map((t) => bullet(t)),
      p('Additional competencies, personal qualities and knowledge', { heading: 2 }),
      p('Data visualisation:', { bold: true }),
      bullet('Presents complex findings in clear charts and tables.'),
      bullet('Chooses the chart that fits the question.'),
      bullet('Knowledge of the General Data Protection Regulation.'),
      p('8. Amendments', { heading: 1 }),
      p('The job description is reviewed once a year with the line manager, or when the work changes.'),
      p('Signatures:'),
      table([
        [
          cell('Employer', 'Mari Maasikas', 'Director General', '(signed digitally)'),
          cell('Employee', 'Jaan Tamm', '(signed digitally)'),
        ],
      ]),
    ],
    {
      format: 'docx',
      header: [p('Sotsiaalkindlustusamet · Data Analyst', { loc: { part: 'header' } })],
      footer: [p('Version 1.0\tPage 1 of 3', { loc: { part: 'footer' } })],
    },
  );
}

describe('our own DOCX output read back', () => {
  it('examples/data-analyst.md (English) gives its model back', () => {
    const doc = dataAnalystDocx();
    const draft = recognise(doc, ctx);
    const source = parse(
      readFileSync(`${root}examples/data-analyst.md`, 'utf8').split('---\n')[1] ?? '',
    ) as Record<string, unknown>;
    // not printed: id, reviewed (the config's organisation is left to the config)
    const { id: _id, reviewed: _reviewed, ...expected } = source;
    expect(draft.frontmatter).toEqual(expected);
    expect(draft.sections.map((s) => s.key)).toEqual([
      'purpose',
      'duties',
      'rights',
      'responsibilities',
      'tools',
      'changes',
    ]);
    const duties = draft.sections[1];
    expect(duties?.key === 'duties' && duties.tasks.map((t) => t.results.length)).toEqual([2, 1, 1]);
    expect(lostSentences(doc, draft, ctx)).toEqual([]);
    expect(draft.notes).toEqual([]);
  });

  it('test/fixtures/pdf/official-rich.md (an official, approved) gives its model back', () => {
    const doc = sourceDoc([
      p('KINNITATUD'),
      p('Peadirektor Mari Maasikas'),
      p('15.02.2026 käskkirjaga nr 1-2/34'),
      p('Ametijuhend', { heading: 1 }),
      p('Näidisamet'),
      p('1. Üldosa', { heading: 1 }),
      table([
        [
          cell('1.1 Ametinimetus', 'Nõunik (õigusloome)'),
          cell('1.2 Struktuuriüksus', 'Õigusosakond, Õigusloome talitus'),
        ],
        [cell('1.3 Vahetu juht', 'Osakonna juhataja'), cell('1.4 Kes asendab', 'Teine nõunik')],
      ]),
      p('2. Ametikoha eesmärk', { heading: 1 }),
      p(
        'Õigusalane nõustamine ja eelnõude koostamine ameti valdkonnas, vt Riigi Teataja. Rida jätkub pärast reavahetust.\nSee rida algab pärast kõva reavahetust.',
      ),
      p('Põhimõtted', { heading: 3 }),
      p('Hea õigusloome tava: eelnõu on selge ja arusaadav.'),
      p('kood {\n    taane: 4\n}'),
      p('3. Teenistusülesanded', { heading: 1 }),
      p('3.1\tÕigusaktide eelnõude koostamine.'),
      p('3.2\tÕigusalane nõustamine haldusõiguse küsimustes.'),
      p('Vajadusel kirjalikult.', { indent: 18 }),
      p('4. Õigused', { heading: 1 }),
      p('Ametnikul on õigus:'),
      bullet('saada tööks vajalikku teavet;'),
      bullet('osaleda koolitustel:'),
      bullet('erialastel koolitustel;', 1),
      bullet('keelekursustel.', 1),
      bullet('teha ettepanekuid.'),
      p('5. Vastutus', { heading: 1 }),
      p('tööülesannete täitmise eest;', { label: '1.', ordered: true, level: 0 }),
      p('ametisaladuse hoidmise eest.', { label: '2.', ordered: true, level: 0 }),
      p('6. Töökohale esitatavad nõuded', { heading: 1 }),
      p('Haridus', { heading: 2 }),
      p('Magistrikraad õigusteaduses'),
      p('Keeleoskus', { heading: 2 }),
      p('Valdab eesti keelt vähemalt tasemel C1.'),
      p('Valdab inglise või saksa keelt vähemalt tasemel B2.'),
      p('Tööks vajalikud kompetentsid', { heading: 2 }),
      p('Analüüsivõime:', { bold: true }),
      bullet('Näeb seoseid ja tervikpilti.'),
      bullet('Eristab olulise ebaolulisest.'),
      p('Täiendavad kompetentsid, isikuomadused ja teadmised', { heading: 2 }),
      bullet('Teadmised haldusmenetlusest.'),
      p('Poolte allkirjad:'),
      table([
        [
          cell('Kinnitaja', 'Peadirektor Mari Maasikas', '(allkirjastatud digitaalselt)'),
          cell('Ametijuhendiga tutvunud', '(allkirjastatud digitaalselt)'),
        ],
      ]),
    ]);
    doc.footer = [p('Versioon 2.1\tlk 1 / 2')];
    doc.header = [p('Näidisamet · Nõunik (õigusloome)')];
    const draft = recognise(doc, { catalogue });
    const source = parse(
      readFileSync(`${root}test/fixtures/pdf/official-rich.md`, 'utf8').split('---\n')[1] ?? '',
    ) as Record<string, unknown>;
    // the approver's slot prints approval.by, so signatures.employer cannot come back
    const { signatures: _s, ...expected } = source;
    expect(draft.frontmatter).toEqual(expected);
    expect(draft.sections.map((s) => s.key)).toEqual(['purpose', 'duties', 'rights', 'responsibilities']);
    const duties = draft.sections[1];
    expect(duties?.key === 'duties' && duties.tasks).toEqual([
      { task: 'Õigusaktide eelnõude koostamine.', results: [] },
      {
        task: 'Õigusalane nõustamine haldusõiguse küsimustes.',
        results: [],
        more: [{ type: 'paragraph', text: 'Vajadusel kirjalikult.' }],
      },
    ]);
    const rights = draft.sections[2];
    expect(rights?.key === 'rights' && rights.blocks).toEqual([
      { type: 'paragraph', text: 'Ametnikul on õigus:' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'saada tööks vajalikku teavet;' },
          {
            text: 'osaleda koolitustel:',
            children: [
              {
                type: 'list',
                ordered: false,
                items: [{ text: 'erialastel koolitustel;' }, { text: 'keelekursustel.' }],
              },
            ],
          },
          { text: 'teha ettepanekuid.' },
        ],
      },
    ]);
    const resp = draft.sections[3];
    expect(resp?.key === 'responsibilities' && resp.blocks[0]).toMatchObject({ type: 'list', ordered: true });
    expect(lostSentences(doc, draft, { catalogue })).toEqual([]);
  });
});

describe('our own PDF output read back', () => {
  it('the signature block as lines of two columns and the running footer', () => {
    const doc = sourceDoc(
      [
        p('JOB DESCRIPTION'),
        p('Sotsiaalkindlustusamet'),
        p('1. GENERAL'),
        table([
          [
            cell('1.1 Job title', 'Data Analyst'),
            cell('1.2 Organisational unit', 'Analysis Department, Data Team'),
          ],
        ]),
        p('2. PURPOSE'),
        p('To turn the data into evidence.'),
        p('Signatures:'),
        p('Employer\tEmployee'),
        p('Mari Maasikas\tJaan Tamm'),
        p('(signed digitally)\t(signed digitally)'),
      ],
      { footer: [p('Sotsiaalkindlustusamet · Data Analyst · Version 1.0')] },
    );
    const draft = recognise(doc, ctx);
    expect(draft.frontmatter).toEqual({
      title: 'Data Analyst',
      unit: ['Analysis Department', 'Data Team'],
      lang: 'en',
      version: '1.0',
      signatures: { employer: 'Mari Maasikas', employee: 'Jaan Tamm' },
    });
    expect(lostSentences(doc, draft, ctx)).toEqual([]);
  });
});
