/**
 * Rules for the variety of real Word files and their PDFs (the corpus of test/fixtures/import/corpus
 * showed each): every test builds the reading a reader gives and checks that nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { organisationOfApprover } from './approval.js';
import { recognise } from './index.js';
import { lostSentences, p, sourceDoc, table } from './testing.js';
import type { Draft, DraftSection, RecogniseContext, SourceBlock, SourceDocument } from '../types.js';

function run(body: SourceBlock[], ctx: RecogniseContext = {}, more: Partial<SourceDocument> = {}): Draft {
  const doc = sourceDoc(body, more);
  const draft = recognise(doc, ctx);
  expect(lostSentences(doc, draft, ctx)).toEqual([]);
  return draft;
}

const keys = (d: Draft): DraftSection['key'][] => d.sections.map((s) => s.key);
const requirements = (d: Draft): Record<string, unknown> =>
  (d.frontmatter.requirements ?? {}) as Record<string, unknown>;
const noteIds = (d: Draft): string[] => d.notes.map((n) => n.id);

const PURPOSE = [p('Töökoha eesmärk', { heading: 1 }), p('Töökoha eesmärk on nõustada inimesi.')];

describe('the organisation', () => {
  it('styled as the title over it is no section: it is the organisation, the fields under it are read', () => {
    const d = run([
      p('Eesti Töötukassa', { heading: 1 }),
      p('Ametijuhend', { heading: 1, bold: true }),
      p('Ametinimetus', { bold: true }),
      p('Karjäärinõustaja'),
      p('Vahetu juht', { bold: true }),
      p('Osakonna juhataja'),
      ...PURPOSE,
    ]);
    expect(d.frontmatter).toMatchObject({
      organisation: 'Eesti Töötukassa',
      title: 'Karjäärinõustaja',
      reportsTo: 'Osakonna juhataja',
    });
    expect(keys(d)).toEqual(['purpose']);
    expect(noteIds(d)).not.toContain('import.recognise.unknownSection');
  });

  it('in one paragraph with the title (two lines) is read as well', () => {
    const d = run([p('MAKSU- JA TOLLIAMET\nAMETIJUHEND', { heading: 1 }), ...PURPOSE], {
      organisation: 'Maksu- ja Tolliamet',
    });
    expect(keys(d)).toEqual(['purpose']);
    expect(d.frontmatter.organisation).toBeUndefined(); // the config's, in capitals
  });

  it('in capitals: the config’s when the same name, else as the document writes it elsewhere, else sentence case with a note', () => {
    const title = [p('TRANSPORDIAMET', { bold: true }), p('AMETIJUHEND', { bold: true }), ...PURPOSE];
    const same = run(title, { organisation: 'Transpordiamet' });
    expect(same.frontmatter.organisation).toBeUndefined();
    expect(noteIds(same)).not.toContain('import.recognise.organisationCase');
    const other = run(title, { organisation: 'Sotsiaalkindlustusamet' });
    expect(other.frontmatter.organisation).toBe('Transpordiamet');
    expect(noteIds(other)).toContain('import.recognise.organisationCase');
    const written = run([
      p('MAKSU- JA TOLLIAMET', { bold: true }),
      p('AMETIJUHEND', { bold: true }),
      ...PURPOSE,
      p('Küsimused saadab Maksu- ja Tolliametile peaspetsialist.'),
    ]);
    expect(written.frontmatter.organisation).toBe('Maksu- ja Tolliamet');
  });

  it('an English name in capitals is written in title case', () => {
    const d = run([
      p('INFORMATION SYSTEM AUTHORITY', { bold: true }),
      p('Job description', { heading: 1 }),
      p('Purpose', { heading: 2 }),
      p('The purpose of the position is to resolve incidents.'),
      p('Duties', { heading: 2 }),
      p('Monitoring of security events.', { label: '1.', ordered: true }),
    ]);
    expect(d.frontmatter).toMatchObject({ organisation: 'Information System Authority', lang: 'en' });
  });

  it('named only by the approver: inferred from it (genitive to nominative), with a note', () => {
    expect(organisationOfApprover('Riigi Tugiteenuste Keskuse peadirektori')).toBe(
      'Riigi Tugiteenuste Keskus',
    );
    expect(organisationOfApprover('Sotsiaalkindlustusameti peadirektori')).toBe('Sotsiaalkindlustusamet');
    expect(organisationOfApprover('Maksu- ja Tolliameti peadirektori')).toBe('Maksu- ja Tolliamet');
    expect(organisationOfApprover('Eesti Töötukassa juhatuse esimehe')).toBe('Eesti Töötukassa');
    expect(organisationOfApprover('peadirektori')).toBeUndefined();
    const approval = [
      p('KINNITATUD\nRiigi Tugiteenuste Keskuse peadirektori\n05.01.2026 käskkirjaga nr 1-2/5'),
    ];
    const d = run([p('AMETIJUHEND'), ...PURPOSE], {}, { header: approval });
    expect(d.frontmatter.organisation).toBe('Riigi Tugiteenuste Keskus');
    expect(noteIds(d)).toContain('import.recognise.organisationFromApproval');
    const known = run(
      [p('AMETIJUHEND'), ...PURPOSE],
      { organisation: 'Riigi Tugiteenuste Keskus' },
      { header: approval },
    );
    expect(known.frontmatter.organisation).toBeUndefined();
  });
});

describe('the title', () => {
  it('letter-spaced ("A M E T I J U H E N D", as a PDF gives it) is the title, the line under it the organisation', () => {
    const d = run([p('A M E T I J U H E N D', { heading: 1, bold: true }), p('Transpordiamet'), ...PURPOSE]);
    expect(d.frontmatter.organisation).toBe('Transpordiamet');
    expect(noteIds(d)).toEqual([]);
  });

  it('a running header "Organisation<tab>Ametijuhend: Title" is consumed', () => {
    const d = run(
      [p('AMETIJUHEND'), p('Ametinimetus: Jurist'), ...PURPOSE],
      {},
      {
        header: [p('Sotsiaalkindlustusamet\tAmetijuhend: Jurist')],
      },
    );
    expect(d.frontmatter).toMatchObject({ title: 'Jurist', organisation: 'Sotsiaalkindlustusamet' });
    expect(noteIds(d)).toEqual([]);
  });
});

describe('the general part', () => {
  it('"Label: value" lines a PDF joined into one paragraph are one field each', () => {
    const d = run([
      p('AMETIJUHEND'),
      p('Üldandmed', { heading: 2 }),
      p(
        'Teenistuskoha nimetus: Peaspetsialist\nStruktuuriüksus: Maksuauditi osakond, Kontrollitalitus\nVahetu juht: Kontrollitalituse juhataja',
      ),
      ...PURPOSE,
    ]);
    expect(d.frontmatter).toMatchObject({
      title: 'Peaspetsialist',
      unit: ['Maksuauditi osakond', 'Kontrollitalitus'],
      reportsTo: 'Kontrollitalituse juhataja',
    });
  });

  it('a unit list with commas wrapped in a narrow cell; "Structural unit" in English', () => {
    const d = run([
      p('Job description', { heading: 1 }),
      table([
        ['Job title', 'Specialist'],
        ['Structural unit', 'Cyber Security Centre, Incident Response\nDepartment'],
      ]),
      p('Purpose', { heading: 2 }),
      p('The purpose of the position is to resolve incidents.'),
    ]);
    expect(d.frontmatter.unit).toEqual(['Cyber Security Centre', 'Incident Response Department']);
  });
});

describe('labels and values aligned with tabs, read by a PDF as two columns', () => {
  it('a column of labels beside a column of values pairs them line by line', () => {
    const d = run([
      p('AMETIJUHEND'),
      p('Ametinimetus: Projektijuht'),
      table([
        [
          'Vahetu juht:\nKes asendab:\nKeda asendab:',
          'Osakonna juhataja\nTeine projektijuht\nTeist projektijuhti',
        ],
      ]),
      ...PURPOSE,
      p('Töökohale esitatavad nõuded', { heading: 1 }),
      p('Haridus:\tKõrgharidus ehituse erialal.'),
      table([['Töökogemus:\nKeeleoskus:', 'Vähemalt 3-aastane kogemus.\nEesti keel C1 tasemel.']]),
      p('Inglise keel B1 tasemel.'),
      p('Arvutioskus:\tMS Office programmide\nkasutamise oskus.\nTööks vajalikud kompetentsid:'),
      p('Efektiivsus', { bold: true }),
      p('Organiseerib oma tööd efektiivselt.', { label: '•' }),
    ]);
    expect(d.frontmatter).toMatchObject({
      title: 'Projektijuht',
      reportsTo: 'Osakonna juhataja',
      substitutedBy: 'Teine projektijuht',
      substitutes: 'Teist projektijuhti',
    });
    expect(requirements(d)).toMatchObject({
      education: 'Kõrgharidus ehituse erialal.',
      experience: 'Vähemalt 3-aastane kogemus.',
      languages: [
        { lang: 'et', level: 'C1' },
        { lang: 'en', level: 'B1' },
      ],
      computerSkills: 'MS Office programmide kasutamise oskus.',
      competencies: [{ name: 'Efektiivsus', indicators: ['Organiseerib oma tööd efektiivselt.'] }],
    });
  });
});

describe('numbers a tracked change altered, as LibreOffice prints them', () => {
  it('"[2.] Task" and "2.[3.] Task" are numbered tasks', () => {
    const d = run([
      ...PURPOSE,
      p('Tööülesanded', { heading: 1 }),
      p('1. Projektide ettevalmistamine.'),
      p('Hanked on välja kuulutatud.', { label: '◦', level: 1 }),
      p('[2.] Ehitustööde juhtimine.'),
      p('Tööd on tehtud lepingu järgi.', { label: '◦', level: 0 }),
      p('2.[3.] Dokumentatsiooni haldamine.'),
      p('Dokumendid on registreeritud.', { label: '◦', level: 0 }),
    ]);
    const duties = d.sections.find((s) => s.key === 'duties');
    expect(duties?.key === 'duties' && duties.tasks.map((t) => [t.task, t.results.length])).toEqual([
      ['Projektide ettevalmistamine.', 1],
      ['Ehitustööde juhtimine.', 1],
      ['Dokumentatsiooni haldamine.', 1],
    ]);
  });
});

describe('the requirements', () => {
  it('numbered "6.1. Haridus: …" lines are labels', () => {
    const d = run([
      ...PURPOSE,
      p('6. TÖÖKOHALE ESITATAVAD NÕUDED', { bold: true }),
      p('6.1. Haridus: Kõrgharidus statistika valdkonnas.'),
      p('6.2. Töökogemus: Vähemalt 1-aastane töökogemus.'),
      p('6.3. Tööks vajalikud kompetentsid:'),
      p('Korrektsus', { bold: true }),
      p('-\tTäidab ülesandeid täpselt.'),
    ]);
    expect(requirements(d)).toMatchObject({
      education: 'Kõrgharidus statistika valdkonnas.',
      experience: 'Vähemalt 1-aastane töökogemus.',
      competencies: [{ name: 'Korrektsus', indicators: ['Täidab ülesandeid täpselt.'] }],
    });
  });

  it('an official’s heading "Nõuded teenistujale"; its "Label: value" lines joined by a PDF', () => {
    const d = run([
      ...PURPOSE,
      p('Nõuded teenistujale', { heading: 1 }),
      p(
        'Haridus: Kõrgharidus majanduse valdkonnas.\nTöökogemus: Vähemalt 3-aastane töökogemus\nmaksunduse valdkonnas.',
      ),
    ]);
    expect(keys(d)).toEqual(['purpose']);
    expect(d.frontmatter.kind).toBe('official');
    expect(requirements(d)).toMatchObject({
      education: 'Kõrgharidus majanduse valdkonnas.',
      experience: 'Vähemalt 3-aastane töökogemus maksunduse valdkonnas.',
    });
  });

  it('a label wrapped in a narrow cell; several "Name – a; b." competencies in one paragraph of lines', () => {
    const d = run([
      ...PURPOSE,
      p('Töökohale esitatavad nõuded', { heading: 1 }),
      table([
        ['Haridus', 'Kõrgharidus.'],
        [
          'Tööks vajalikud\nkompetentsid',
          'Täpsus – Kontrollib oma tööd; Parandab vead.\nRahulikkus – Säilitab rahu\npingelistes olukordades.',
        ],
      ]),
    ]);
    expect(requirements(d).competencies).toEqual([
      { name: 'Täpsus', indicators: ['Kontrollib oma tööd', 'Parandab vead.'] },
      { name: 'Rahulikkus', indicators: ['Säilitab rahu pingelistes olukordades.'] },
    ]);
  });

  it('a competency table’s header row is no competency; a signature table after it ends the competencies', () => {
    const d = run([
      ...PURPOSE,
      p('Töökohale esitatavad nõuded', { heading: 1 }),
      p('Tööks vajalikud kompetentsid', { heading: 2 }),
      table([
        ['Kompetents', 'Käitumisindikaatorid'],
        ['Täpsus', ['▪\tKontrollib oma tööd.', '▪\tParandab vead.']],
      ]),
      table([
        [
          ['Tööandja esindaja:', 'Kaie Karniol', '(allkirjastatud digitaalselt)'],
          ['Töötaja:', 'Signe Sepp', '(allkirjastatud digitaalselt)'],
        ],
      ]),
    ]);
    expect(requirements(d).competencies).toEqual([
      { name: 'Täpsus', indicators: ['Kontrollib oma tööd.', 'Parandab vead.'] },
    ]);
    expect(d.frontmatter.signatures).toEqual({ employer: 'Kaie Karniol', employee: 'Signe Sepp' });
  });
});

describe('duties and signatures', () => {
  it('a duties table header "Ülesanded ja soovitud töötulemus" spanning the table is no task', () => {
    const d = run([
      ...PURPOSE,
      p('Teenistusülesanded', { heading: 1 }),
      table([
        ['Teenistuskoha ülesanded ja soovitud töötulemus'],
        ['Teenistuskoha ülesanded', 'Soovitud töötulemus'],
        ['1. Maksukontrollide läbiviimine.', 'Kontrollid on läbi viidud.'],
      ]),
    ]);
    const duties = d.sections.find((s) => s.key === 'duties');
    expect(duties?.key === 'duties' && duties.tasks.map((t) => t.task)).toEqual([
      'Maksukontrollide läbiviimine.',
    ]);
  });

  it('"<the document>ga tutvunud: Name" is the acknowledging signatory; the document’s label is kept as a comment', () => {
    const d = run([
      ...PURPOSE,
      p('Tööandja: Egon Veermäe'),
      p('(allkirjastatud digitaalselt)'),
      p('Teenistuskoha kirjeldusega tutvunud: Anneli Lepp'),
    ]);
    expect(d.frontmatter.signatures).toEqual({ employer: 'Egon Veermäe', employee: 'Anneli Lepp' });
    expect(d.comments).toContainEqual({
      path: ['signatures', 'employee'],
      text: 'Allkirja pealdis dokumendis: „Teenistuskoha kirjeldusega tutvunud“',
    });
    const official = run([...PURPOSE, p('Kinnitaja: Egon Veermäe'), p('Teenistuja: Anneli Lepp')]);
    expect(official.frontmatter).toMatchObject({ kind: 'official', signatures: { employee: 'Anneli Lepp' } });
  });
});
