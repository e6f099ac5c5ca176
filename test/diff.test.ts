/**
 * The change report's comparison (src/diff/compare.ts): each kind of change found where it is, in
 * the document's language, and layout-only edits (re-wrapped text, CRLF, re-indented lists, YAML
 * written another way) found to be no change. Then its text, JSON and HTML renderings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changeReport, compareModels } from '../src/diff/compare.js';
import { formatHtml, formatJson, formatText } from '../src/diff/format.js';
import { similarity } from '../src/diff/text.js';
import type { Change, PartChanges } from '../src/model/changes.js';
import type { JobDescription } from '../src/model/types.js';
import {
  BASE_CONFIG,
  CATALOGUE,
  compileInProject,
  compileRef,
  dropSection,
  ENGLISH_PATH,
  formatDiagnostics,
  REFERENCE,
  replace,
} from './helpers.js';

function model(text: string): JobDescription {
  const r = compileRef(text);
  if (!r.model) throw new Error(formatDiagnostics(r.diagnostics));
  return r.model;
}

const BASE = model(REFERENCE);
const diff = (text: string): PartChanges[] => compareModels(BASE, model(text));
const part = (parts: PartChanges[], name: string): Change[] => {
  const found = parts.find((p) => p.part === name);
  if (!found) throw new Error(`no changes in ${name}: ${parts.map((p) => p.part).join(', ') || '(none)'}`);
  return found.changes;
};

describe('no change', () => {
  it('finds none between a description and itself', () => {
    expect(compareModels(BASE, model(REFERENCE))).toEqual([]);
    expect(changeReport(BASE, model(REFERENCE)).status).toBe('unchanged');
  });

  it('finds none for a re-wrapped paragraph, CRLF, re-indented lists and YAML written another way', () => {
    let text = REFERENCE;
    // the purpose paragraph wrapped at other places
    text = replace(
      text,
      'Töökoha eesmärk on psühhosotsiaalse kriisiabi teenuse arendamise toetamine ja nõustamine\npsühhosotsiaalse',
      'Töökoha eesmärk on psühhosotsiaalse\nkriisiabi teenuse arendamise toetamine ja nõustamine psühhosotsiaalse',
    );
    // the results of a task indented by four spaces instead of three, a blank line between rights
    text = replace(
      text,
      '   - Teenused on toetatud ja nende korraldamine',
      '    - Teenused on toetatud ja nende korraldamine',
    );
    text = replace(text, '   - Teenused on tõhusad ja mõjusad.', '    - Teenused on tõhusad ja mõjusad.');
    text = replace(
      text,
      '- teha kaugtööd kokkuleppel vahetu juhiga;\n',
      '- teha kaugtööd kokkuleppel vahetu juhiga;\n\n',
    );
    // a flow list written as a block list, a folded scalar as a plain one
    text = replace(
      text,
      'substitutedBy: [Tiimijuht, koordinaator]',
      'substitutedBy:\n  - Tiimijuht\n  - koordinaator',
    );
    text = replace(
      text,
      /computerSkills: >-\n {4}Teksti-(.*)\n {4}kasutamine(.*)\n {4}tööalaseks/u,
      'computerSkills: >-\n      Teksti-$1\n      kasutamine$2\n      tööalaseks',
    );
    text = text.replace(/\n/g, '\r\n');
    const parts = compareModels(BASE, model(text));
    expect(parts).toEqual([]);
    expect(formatText(changeReport(BASE, model(text), { old: { ref: 'main' } }))).toContain(
      'Muudatusi ei ole.',
    );
  });

  it('finds none when only inline markup around the same words changed', () => {
    // the document reads the same words: emphasis is not a change of what it says
    expect(
      diff(replace(REFERENCE, 'Teenused on tõhusad ja mõjusad.', 'Teenused on *tõhusad* ja mõjusad.')),
    ).toEqual([]);
  });
});

describe('general fields and requirements', () => {
  it('reports an id only when a version writes one (else it is the file name)', () => {
    const named = compileRef(REFERENCE, { path: '/x/teine-nimi.md' }).model!;
    expect(named.id).toBe('teine-nimi');
    expect(compareModels(BASE, named)).toEqual([]);
    const parts = diff(replace(REFERENCE, 'signatures:', 'id: kriisiabi-ekspert\nsignatures:'));
    expect(part(parts, 'id')).toEqual([
      { kind: 'changed', subject: 'value', old: 'ekspert-kriisiabi', new: 'kriisiabi-ekspert' },
    ]);
  });

  it('reports a changed field with its old and new value under its label', () => {
    const parts = diff(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Osakonnajuhataja'));
    expect(parts).toEqual([
      {
        part: 'reportsTo',
        label: 'Vahetu juht',
        changes: [{ kind: 'changed', subject: 'value', old: 'Tiimijuht', new: 'Osakonnajuhataja' }],
      },
    ]);
  });

  it('reports an added and a removed field, and a name added to a list', () => {
    let text = replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Tiimijuht\nversion: "2.0"');
    text = replace(
      text,
      '  experience: Vähemalt 3-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.\n',
      '',
    );
    text = replace(
      text,
      'substitutes: [Tiimijuht, koordinaator]',
      'substitutes: [Tiimijuht, koordinaator, analüütik]',
    );
    const parts = diff(text);
    expect(part(parts, 'version')).toEqual([{ kind: 'added', subject: 'value', new: '2.0' }]);
    expect(part(parts, 'requirements.experience')).toEqual([
      {
        kind: 'removed',
        subject: 'value',
        old: 'Vähemalt 3-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.',
      },
    ]);
    expect(part(parts, 'substitutes')).toEqual([
      { kind: 'added', subject: 'item', index: 3, new: 'analüütik' },
    ]);
    // parts in the order of fingerprint.ts PARTS
    expect(parts.map((p) => p.part)).toEqual(['substitutes', 'version', 'requirements.experience']);
  });

  it('reports a language level as the changed language, in the sentence the document prints', () => {
    const parts = diff(replace(REFERENCE, '      level: B1', '      level: B2'));
    const [change] = part(parts, 'requirements.languages');
    expect(change).toMatchObject({
      kind: 'changed',
      subject: 'language',
      name: 'inglise või vene',
      index: 2,
    });
    expect(change!.old).toContain('Valdab inglise või vene keelt vähemalt tasemel B1.');
    expect(change!.new).toContain('Valdab inglise või vene keelt vähemalt tasemel B2.');
    expect(part(parts, 'requirements.languages')).toHaveLength(1);
  });

  it('reports a competency added and one removed by name, with the added one’s catalogue indicators', () => {
    let text = replace(REFERENCE, '    - Loovus\n', '');
    // Korrektsus moves from the additional competencies to the required ones
    text = replace(text, '    - Korrektsus\n', '');
    text = replace(text, '    - Efektiivsus\n', '    - Efektiivsus\n    - Korrektsus\n');
    const parts = diff(text);
    expect(part(parts, 'requirements.additionalCompetencies')).toEqual([
      { kind: 'removed', subject: 'competency', name: 'Korrektsus', oldIndex: 3 },
      { kind: 'removed', subject: 'competency', name: 'Loovus', oldIndex: 6 },
    ]);
    const [added] = part(parts, 'requirements.competencies');
    expect(added).toMatchObject({ kind: 'added', subject: 'competency', name: 'Korrektsus', index: 5 });
    expect(added!.details?.map((d) => d.new)).toEqual([
      'Täidab ülesandeid täpselt, kvaliteetselt, tähtaegselt ja vastavalt seatud nõuetele.',
      'Väljendab end selgelt ja vormiliselt korrektselt.',
      'Vigade tekkimisel märkab neid ning parandab need koheselt. Märkab ka teiste inimeste vigu ja juhib neile tähelepanu.',
    ]);
  });

  it('reports a changed catalogue indicator as a change of the competency that uses it', () => {
    const doc = replace(REFERENCE, 'signatures:', 'id: ekspert\nsignatures:');
    const before = compileInProject(doc, BASE_CONFIG);
    const catalogue = replace(
      CATALOGUE,
      '  - Püüdleb oma töös kõrge kvaliteedi ning kliendirahulolu tagamise poole.',
      '  - Püüdleb oma töös kõrge kvaliteedi ja kliendirahulolu poole.',
    );
    const after = compileInProject(doc, BASE_CONFIG, { 'competencies.yaml': catalogue });
    expect(formatDiagnostics(after.diagnostics)).toBe('(none)');
    const parts = compareModels(before.model!, after.model!);
    expect(parts.map((p) => p.part)).toEqual(['requirements.competencies']);
    expect(parts[0]!.changes).toEqual([
      {
        kind: 'changed',
        subject: 'competency',
        name: 'Kliendikesksus',
        index: 1,
        oldIndex: 1,
        details: [
          {
            kind: 'changed',
            subject: 'indicator',
            index: 2,
            oldIndex: 2,
            old: 'Püüdleb oma töös kõrge kvaliteedi ning kliendirahulolu tagamise poole.',
            new: 'Püüdleb oma töös kõrge kvaliteedi ja kliendirahulolu poole.',
          },
        ],
      },
    ]);
  });

  it('reports knowledge lines and signatures', () => {
    let text = replace(REFERENCE, '    - Teadmised projektijuhtimise põhimõtetest.\n', '');
    text = replace(text, '  employee: Helen Raja', '  employee: Helen Kask');
    const parts = diff(text);
    expect(part(parts, 'requirements.knowledge')).toEqual([
      { kind: 'removed', subject: 'item', oldIndex: 2, old: 'Teadmised projektijuhtimise põhimõtetest.' },
    ]);
    expect(part(parts, 'signatures.employee')).toEqual([
      { kind: 'changed', subject: 'value', old: 'Helen Raja', new: 'Helen Kask' },
    ]);
    expect(parts.find((p) => p.part === 'signatures.employee')!.label).toBe('Töötaja');
  });
});

describe('duties', () => {
  const duties = (text: string): Change[] => part(diff(text), 'sections.duties');
  const TASK_5 =
    '5. Osalemine erinevatel koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.\n   - Toimub aktiivne koostöö oluliste partneritega valdkonnas.\n';

  it('reports an added task with its results', () => {
    const text = replace(
      REFERENCE,
      '11. Vahetu juhi antud',
      '11. Kriisiabi õppuste korraldamine.\n    - Õppused on korraldatud.\n12. Vahetu juhi antud',
    );
    expect(duties(text)).toEqual([
      {
        kind: 'added',
        subject: 'task',
        index: 11,
        new: 'Kriisiabi õppuste korraldamine.',
        details: [{ kind: 'added', subject: 'result', index: 1, new: 'Õppused on korraldatud.' }],
      },
    ]);
  });

  it('reports a removed task, and nothing for the tasks after it that only moved up', () => {
    expect(duties(replace(REFERENCE, TASK_5, ''))).toEqual([
      {
        kind: 'removed',
        subject: 'task',
        oldIndex: 5,
        old: 'Osalemine erinevatel koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.',
      },
    ]);
  });

  it('reports a reworded task as changed, with its old and new text, not as removed and added', () => {
    const text = replace(
      REFERENCE,
      '7. Ohvriabisüsteemi arenduseks vajalike muudatusettepanekute tegemine.',
      '7. Ohvriabisüsteemi arendamiseks vajalike muudatusettepanekute koostamine ja esitamine.',
    );
    expect(duties(text)).toEqual([
      {
        kind: 'changed',
        subject: 'task',
        index: 7,
        oldIndex: 7,
        old: 'Ohvriabisüsteemi arenduseks vajalike muudatusettepanekute tegemine.',
        new: 'Ohvriabisüsteemi arendamiseks vajalike muudatusettepanekute koostamine ja esitamine.',
      },
    ]);
  });

  it('reports a task moved elsewhere as moved (once), the others unchanged', () => {
    // task 5 moved to the end
    let text = replace(REFERENCE, TASK_5, '');
    const moved = TASK_5.replace('5.', '12.').replace('   - ', '    - ');
    text = replace(text, '\n\n## Õigused', `\n${moved}\n## Õigused`);
    const changes = duties(text);
    expect(changes).toEqual([
      {
        kind: 'moved',
        subject: 'task',
        index: 11,
        oldIndex: 5,
        new: 'Osalemine erinevatel koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.',
      },
    ]);
  });

  it('reports a changed and an added result of a task as a change of that task', () => {
    let text = replace(
      REFERENCE,
      '   - Teenused on tõhusad ja mõjusad.',
      '   - Teenused on tõhusad, mõjusad ja kättesaadavad.',
    );
    text = replace(
      text,
      '   - Analüüsid on korraldatud.\n',
      '   - Analüüsid on korraldatud.\n   - Analüüside tulemused on avaldatud.\n',
    );
    const changes = duties(text);
    expect(changes.map((c) => [c.kind, c.subject, c.index])).toEqual([
      ['changed', 'task', 1],
      ['changed', 'task', 3],
    ]);
    expect(changes[0]!.old).toBe(changes[0]!.new);
    expect(changes[0]!.details).toEqual([
      {
        kind: 'changed',
        subject: 'result',
        index: 2,
        oldIndex: 2,
        old: 'Teenused on tõhusad ja mõjusad.',
        new: 'Teenused on tõhusad, mõjusad ja kättesaadavad.',
      },
    ]);
    expect(changes[1]!.details).toEqual([
      { kind: 'added', subject: 'result', index: 3, new: 'Analüüside tulemused on avaldatud.' },
    ]);
  });

  it('tells two different tasks apart from one reworded (likeness)', () => {
    expect(
      similarity('Teenuste toetamine ja nõustamine.', 'Teenuste toetamine ning nõustamine.'),
    ).toBeGreaterThan(0.5);
    expect(similarity('Juhendite loomine.', 'Eelarve koostamine ja täitmise jälgimine.')).toBeLessThan(0.5);
  });
});

describe('prose and extra sections', () => {
  it('reports a changed paragraph and an added and a removed list item', () => {
    let text = replace(
      REFERENCE,
      'Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel.',
      'Ametijuhend vaadatakse üle kord aastas koos vahetu juhiga või töökorralduse muutumisel.',
    );
    text = replace(
      text,
      '- vastu võtta otsuseid oma pädevuse piires.',
      '- vastu võtta otsuseid oma pädevuse piires;\n- kasutada ameti autot.',
    );
    text = replace(text, '- oma kvalifikatsiooni hoidmise ning täiendamise eest;\n', '');
    const parts = diff(text);
    expect(part(parts, 'sections.changes')).toEqual([
      {
        kind: 'changed',
        subject: 'paragraph',
        index: 1,
        oldIndex: 1,
        old: 'Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel.',
        new: 'Ametijuhend vaadatakse üle kord aastas koos vahetu juhiga või töökorralduse muutumisel.',
      },
    ]);
    expect(part(parts, 'sections.rights')).toEqual([
      {
        kind: 'changed',
        subject: 'listItem',
        index: 7,
        oldIndex: 7,
        old: 'vastu võtta otsuseid oma pädevuse piires.',
        new: 'vastu võtta otsuseid oma pädevuse piires;',
      },
      { kind: 'added', subject: 'listItem', index: 8, new: 'kasutada ameti autot.' },
    ]);
    expect(part(parts, 'sections.responsibilities')).toEqual([
      {
        kind: 'removed',
        subject: 'listItem',
        oldIndex: 6,
        old: 'oma kvalifikatsiooni hoidmise ning täiendamise eest;',
      },
    ]);
  });

  it('reports an extra section by its heading: a paragraph changed, a section added', () => {
    const config = `${BASE_CONFIG}extraSections: [Lisad, Töötingimused]\n`;
    const before = compileInProject(`${REFERENCE}\n## Töötingimused\n\nKontoritöö.\n`, config);
    const after = compileInProject(
      `${REFERENCE}\n## Töötingimused\n\nKontoritöö ja kaugtöö.\n\n## Lisad\n\nLisa 1.\n`,
      config,
    );
    expect(formatDiagnostics(after.diagnostics)).toBe('(none)');
    expect(compareModels(before.model!, after.model!)).toEqual([
      {
        part: 'extra:Töötingimused',
        label: 'Töötingimused',
        changes: [
          {
            kind: 'changed',
            subject: 'paragraph',
            index: 1,
            oldIndex: 1,
            old: 'Kontoritöö.',
            new: 'Kontoritöö ja kaugtöö.',
          },
        ],
      },
      {
        part: 'extra:Lisad',
        label: 'Lisad',
        changes: [{ kind: 'added', subject: 'paragraph', index: 1, new: 'Lisa 1.' }],
      },
    ]);
  });

  it('reports a change to a config default section the description takes', () => {
    const doc = dropSection(REFERENCE, 'Õigused');
    const config = `${BASE_CONFIG}defaults:\n  rights: shared/oigused.md\n`;
    const before = compileInProject(doc, config, {
      'shared/oigused.md': 'Töötajal on õigus:\n\n- saada infot;\n- osaleda koolitustel.\n',
    });
    // the same text laid out otherwise, and one item added
    const after = compileInProject(doc, config, {
      'shared/oigused.md':
        'Töötajal on\r\nõigus:\r\n\r\n* saada infot;\r\n* osaleda koolitustel;\r\n* kasutada raamatukogu.\r\n',
    });
    expect(formatDiagnostics(after.diagnostics)).toBe('(none)');
    expect(compareModels(before.model!, after.model!)).toEqual([
      {
        part: 'sections.rights',
        label: 'Õigused',
        changes: [
          {
            kind: 'changed',
            subject: 'listItem',
            index: 3,
            oldIndex: 3,
            old: 'osaleda koolitustel.',
            new: 'osaleda koolitustel;',
          },
          { kind: 'added', subject: 'listItem', index: 4, new: 'kasutada raamatukogu.' },
        ],
      },
    ]);
  });

  it("reports a section's own heading changed (both versions name it)", () => {
    const config = `${BASE_CONFIG}aliases:\n  tools: [Töövahendid ja -tingimused]\n`;
    const before = compileInProject(REFERENCE, config);
    const after = compileInProject(
      replace(REFERENCE, '## Töövahendid', '## Töövahendid ja -tingimused'),
      config,
    );
    expect(formatDiagnostics(after.diagnostics)).toBe('(none)');
    expect(compareModels(before.model!, after.model!)).toEqual([
      {
        part: 'sections.tools',
        label: 'Töövahendid',
        changes: [
          { kind: 'changed', subject: 'heading', old: 'Töövahendid', new: 'Töövahendid ja -tingimused' },
        ],
      },
    ]);
  });

  it('reports a section removed as its paragraphs removed', () => {
    const text = replace(REFERENCE, /## Töövahendid\n\n[^#]*/u, '');
    const r = compileRef(text);
    if (!r.model) return expect.fail(formatDiagnostics(r.diagnostics));
    const changes = part(compareModels(BASE, r.model), 'sections.tools');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'removed', subject: 'paragraph', oldIndex: 1 });
    expect(changes[0]!.old).toMatch(/^Töövahenditeks on töötaja kasutusse antud sülearvuti/);
  });
});

describe('the renderings', () => {
  const text = replace(
    replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Osakonnajuhataja'),
    '7. Ohvriabisüsteemi arenduseks vajalike muudatusettepanekute tegemine.',
    '7. Ohvriabisüsteemi arendamiseks vajalike muudatusettepanekute koostamine ja esitamine.',
  );
  const report = changeReport(BASE, model(text), { old: { ref: 'main' }, new: { path: 'x.md' } });

  it('text: the heading, the parts by their labels, kinds in Estonian, old → new', () => {
    const out = formatText(report);
    expect(out).toContain('Muudatused võrreldes versiooniga main\n');
    expect(out).toContain('\nVahetu juht\n  muudetud: Tiimijuht → Osakonnajuhataja\n');
    expect(out).toContain('\nTööülesanded\n  muudetud ülesanne 7:\n');
    expect(out).toContain('    oli: Ohvriabisüsteemi arenduseks vajalike muudatusettepanekute tegemine.\n');
    expect(out).toContain(
      '    on: Ohvriabisüsteemi arendamiseks vajalike muudatusettepanekute koostamine ja esitamine.\n',
    );
    // no colour unless asked for
    expect(out).not.toContain('\u001b[');
    expect(formatText(report, { color: true })).toContain('\u001b[');
  });

  it('text: a task by its number and where it was, other items by their text', () => {
    const task5 =
      '5. Osalemine erinevatel koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.\n   - Toimub aktiivne koostöö oluliste partneritega valdkonnas.\n';
    let moved = replace(REFERENCE, task5, '');
    moved = replace(
      moved,
      '\n\n## Õigused',
      `\n${task5.replace('5.', '12.').replace('   - ', '    - ')}\n## Õigused`,
    );
    moved = replace(moved, '- teha kaugtööd kokkuleppel vahetu juhiga;\n', '');
    const out = formatText(changeReport(BASE, model(moved), { old: { ref: 'main' } }));
    expect(out).toContain(
      '\nTööülesanded\n  ümber paigutatud ülesanne 11 (varem nr 5): Osalemine erinevatel koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.\n',
    );
    expect(out).toContain('\nÕigused\n  eemaldatud loendi punkt: teha kaugtööd kokkuleppel vahetu juhiga;\n');
  });

  it('text: what a file says cannot reach the terminal as control characters', () => {
    const evil = changeReport(
      BASE,
      model(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: "Tiimi\\u001b[31mjuht"')),
    );
    expect(formatText(evil)).toContain('Tiimi\\x1b[31mjuht');
    expect(formatText(evil)).not.toContain('\u001b');
  });

  it('json: the documented shape, keys in order, stable', () => {
    const json = formatJson(report);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'format',
      'formatVersion',
      'id',
      'lang',
      'title',
      'old',
      'new',
      'status',
      'parts',
    ]);
    expect(parsed).toMatchObject({
      format: 'ametijuhend-changes',
      formatVersion: 1,
      id: 'ekspert-kriisiabi',
      lang: 'et',
      old: { ref: 'main', label: 'main' },
      new: { path: 'x.md', label: 'x.md' },
      status: 'changed',
    });
    const parts = parsed.parts as PartChanges[];
    expect(parts.map((p) => [p.part, p.label])).toEqual([
      ['reportsTo', 'Vahetu juht'],
      ['sections.duties', 'Tööülesanded'],
    ]);
    expect(Object.keys(parts[1]!.changes[0]!)).toEqual([
      'kind',
      'subject',
      'index',
      'oldIndex',
      'old',
      'new',
    ]);
    expect(formatJson(changeReport(BASE, model(text), { old: { ref: 'main' }, new: { path: 'x.md' } }))).toBe(
      json,
    );
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('json: a new description has no old side and says so', () => {
    const parsed = JSON.parse(formatJson(changeReport(undefined, BASE))) as Record<string, unknown>;
    expect(parsed.status).toBe('new');
    expect('old' in parsed).toBe(false);
    expect(parsed.parts).toEqual([]);
    expect(formatText(changeReport(undefined, BASE))).toContain(
      'Ametijuhend on uus: varasemat versiooni ei ole.',
    );
  });

  it('html: a standalone page in the document’s language, changes as del/ins, every text escaped', () => {
    const html = formatHtml(report);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="et">')).toBe(true);
    expect(html).toContain('<h1>Muudatused võrreldes versiooniga main</h1>');
    expect(html).toContain('<h2 id="part-1">Vahetu juht</h2>');
    expect(html).toContain('<del>Tiimijuht</del>');
    expect(html).toContain('<ins>Osakonnajuhataja</ins>');
    expect(html).not.toMatch(/<script|<link|src=/i);
    const evil = changeReport(
      BASE,
      model(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: "<script>x</script> & co"')),
    );
    const out = formatHtml(evil);
    expect(out).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
    expect(out).not.toContain('<script>');
  });

  it('an English description gets an English report', () => {
    const source = readFileSync(ENGLISH_PATH, 'utf8');
    const r = compileRef(source, { path: ENGLISH_PATH });
    const changed = compileRef(replace(source, 'version: "1.0"', 'version: "1.1"'), { path: ENGLISH_PATH });
    const en = changeReport(r.model!, changed.model!);
    const out = formatText(en);
    expect(out).toContain('Changes since version 1.0\n');
    expect(out).toContain('\nVersion\n  changed: 1.0 → 1.1\n');
    // asked for in Estonian: the same changes, Estonian words
    expect(formatText(changeReport(r.model!, changed.model!, { lang: 'et' }))).toContain(
      'Muudatused võrreldes versiooniga 1.0',
    );
  });
});
