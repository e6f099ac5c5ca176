import { readFileSync } from 'node:fs';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { compileFile, compileSource } from '../src/compiler/compile.js';
import { ConfigLoader } from '../src/config/load.js';
import type { JobDescription } from '../src/model/types.js';
import { toPlainText } from '../src/util/mdast-text.js';
import {
  BASE_CONFIG,
  compileInProject,
  compileRef,
  dropSection,
  ENGLISH_PATH,
  expectClean,
  formatDiagnostics,
  REFERENCE,
  REFERENCE_PATH,
  replace,
  ROOT,
} from './helpers.js';

const plain = (nodes: readonly Nodes[]): string => nodes.map((n) => toPlainText(n)).join('');

function referenceModel(): JobDescription {
  const r = compileFile(REFERENCE_PATH, { cwd: ROOT, configLoader: new ConfigLoader({ cwd: ROOT }) });
  expect(formatDiagnostics(r.diagnostics)).toBe('(none)');
  expect(r.errorCount).toBe(0);
  expect(r.warningCount).toBe(0);
  expect(r.model).toBeDefined();
  return r.model!;
}

describe('the reference document', () => {
  const model = referenceModel();

  it('has the general part', () => {
    expect(model.formatVersion).toBe(1);
    expect(model.id).toBe('ekspert-kriisiabi');
    expect(model.lang).toBe('et');
    expect(model.kind).toBe('employee');
    expect(model.organisation).toBe('Sotsiaalkindlustusamet');
    expect(model.title).toBe('Ekspert (psühhosotsiaalne kriisiabi)');
    expect(model.unit).toEqual(['Ohvriabi ja ennetusteenuste osakond', 'Arendustalitus']);
    expect(model.reportsTo).toBe('Tiimijuht');
    expect(model.substitutedBy).toEqual(['Tiimijuht', 'koordinaator']);
    expect(model.substitutes).toEqual(['Tiimijuht', 'koordinaator']);
    expect(model.approval).toBeUndefined();
    expect(model.signatures).toEqual({
      employer: { name: 'Maret Maripuu' },
      employee: { name: 'Helen Raja' },
    });
  });

  it('has the requirements', () => {
    const req = model.requirements;
    expect(req.education).toBe('Kõrgharidus');
    expect(req.experience).toBe('Vähemalt 3-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.');
    expect(req.computerSkills).toMatch(
      /^Teksti- ja andmetöötluse põhifunktsioonide .* tööalaseks suhtlemiseks\.$/,
    );
    expect(req.computerSkills).not.toContain('\n');
    expect(req.languages.map(({ langs, level, note }) => ({ langs, level, note }))).toEqual([
      { langs: ['et'], level: 'C1', note: undefined },
      {
        langs: ['en', 'ru'],
        level: 'B1',
        note: 'Oskab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt).',
      },
    ]);
    expect(req.languages[1]?.position?.start.line).toBe(15);
    expect(req.competencies.map((c) => c.name)).toEqual([
      'Kliendikesksus',
      'Asjatundlikkus',
      'Koostöövõime',
      'Efektiivsus',
    ]);
    expect(req.competencies.map((c) => c.indicators.length)).toEqual([3, 4, 4, 5]);
    expect(req.competencies[0]?.indicators[0]).toBe(
      'Lähtub töös kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest.',
    );
    expect(req.additionalCompetencies).toHaveLength(9);
    expect(req.additionalCompetencies.map((c) => c.name)).toEqual([
      'Suhtlemis- ja mõjutamisoskus',
      'Analüüsi- ja üldistusvõime',
      'Korrektsus',
      'Empaatiavõime',
      'Juhendamisoskus',
      'Loovus',
      'Pingetaluvus',
      'Abivalmidus',
      'Suhete loomise oskus',
    ]);
    for (const c of [...req.competencies, ...req.additionalCompetencies]) {
      expect(c.origin, c.name).toBe('catalogue');
      expect(c.indicators.length, c.name).toBeGreaterThan(0);
    }
    expect(req.additionalCompetencies[0]?.indicators[0]).toBe(
      'Selge ja veenev eneseväljendusoskus: selgitab keerukaid teemasid arusaadavalt ja täpselt.',
    );
    expect(req.knowledge).toEqual([
      'Teadmised finantsjuhtimise alustest.',
      'Teadmised projektijuhtimise põhimõtetest.',
    ]);
  });

  it('has the eleven duties with their results', () => {
    const duties = model.sections.duties!;
    expect(duties.heading).toBe('Tööülesanded');
    expect(duties.hasResults).toBe(true);
    expect(duties.intro).toEqual([]);
    expect(duties.duties).toHaveLength(11);
    expect(duties.duties.map((d) => d.results.length)).toEqual([2, 1, 3, 2, 1, 1, 2, 2, 2, 2, 1]);
    expect(plain(duties.duties[0]!.task)).toBe(
      'Teenuste toetamine ja nõustamine psühhosotsiaalse kriisiabi valdkonnas.',
    );
    expect(plain(duties.duties[10]!.task)).toBe('Vahetu juhi antud muude ühekordsete ülesannete täitmine.');
    expect(plain(duties.duties[2]!.results[2]!)).toBe('Vastavad projektid on juhitud.');
    expect(duties.duties[9]!.position?.start.line).toBe(81);
    for (const d of duties.duties) expect(d.more).toEqual([]);
  });

  it('has the sections', () => {
    expect(Object.keys(model.sections).sort()).toEqual([
      'changes',
      'duties',
      'purpose',
      'responsibilities',
      'rights',
      'tools',
    ]);
    const { purpose, rights, responsibilities, tools, changes } = model.sections;
    expect(plain(purpose!.blocks)).toMatch(
      /^Töökoha eesmärk on psühhosotsiaalse kriisiabi teenuse arendamise toetamine/,
    );
    expect(rights!.blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    expect(rights!.blocks[1]!.type === 'list' && rights!.blocks[1]!.children).toHaveLength(6);
    expect(responsibilities!.blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    expect(plain(tools!.blocks)).toContain('sülearvuti');
    expect(plain(changes!.blocks)).toBe(
      'Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel.',
    );
    expect(purpose!.position?.start.line).toBe(45);
    expect(rights!.source).toBeUndefined();
    expect(model.extraSections).toEqual([]);
  });

  it('records where fields came from', () => {
    expect(model.positions['reportsTo']?.start).toMatchObject({ line: 6, column: 12 });
    expect(model.positions['requirements.competencies.0']?.start).toMatchObject({ line: 23, column: 7 });
  });

  it('compiles the same from a string, from bytes, with a BOM and with CRLF', () => {
    const a = compileRef(REFERENCE).model;
    const b = compileRef(new TextEncoder().encode(`\uFEFF${REFERENCE.replace(/\n/g, '\r\n')}`)).model;
    expect(a?.title).toBe(model.title);
    expect(b?.sections.duties?.duties.map((d) => d.position?.start.line)).toEqual(
      a?.sections.duties?.duties.map((d) => d.position?.start.line),
    );
    expect(b?.requirements).toEqual(a?.requirements);
  });
});

describe('config defaults and extra sections', () => {
  const defaults = {
    'shared/oigused.md': '## Õigused\n\nTöötajal on õigus:\n\n- saada infot;\n- osaleda koolitustel.\n',
    'shared/vastutus.md': 'Töötaja vastutab:\n\n- vara eest.\n',
    'shared/muutmine.md': 'Muudetakse kokkuleppel.\n',
  };
  const config = `${BASE_CONFIG}defaults:\n  rights: shared/oigused.md\n  responsibilities: shared/vastutus.md\n  changes: shared/muutmine.md\n`;

  it('fills missing rights and responsibilities from the config', () => {
    const r = compileInProject(dropSection(dropSection(REFERENCE, 'Õigused'), 'Vastutus'), config, defaults);
    expectClean(r);
    const { rights, responsibilities } = r.model!.sections;
    expect(rights?.source).toBe('shared/oigused.md');
    expect(rights?.heading).toBeUndefined();
    // the default file's own heading is dropped
    expect(rights?.blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    expect(plain(responsibilities!.blocks)).toContain('Töötaja vastutab:');
  });

  it('lets a section given in the document win over the config default', () => {
    const r = compileInProject(REFERENCE, config, defaults);
    expectClean(r);
    const { rights, changes } = r.model!.sections;
    expect(rights?.source).toBeUndefined();
    expect(rights?.heading).toBe('Õigused');
    expect(rights?.blocks[1]?.type === 'list' && rights.blocks[1].children).toHaveLength(6);
    expect(plain(changes!.blocks)).toContain('kord aastas');
  });

  it('keeps extra sections in source order, after the known ones', () => {
    const text = `${REFERENCE}\n## Töötingimused\n\nKontoritöö.\n\n## 9. Lisad:\n\nLisa 1.\n`;
    const r = compileInProject(text, `${BASE_CONFIG}extraSections: [Lisad, Töötingimused]\n`);
    expectClean(r);
    expect(r.model!.extraSections.map((s) => [s.heading, plain(s.blocks)])).toEqual([
      ['Töötingimused', 'Kontoritöö.'],
      ['Lisad', 'Lisa 1.'],
    ]);
  });

  it('takes the organisation and language from the config unless the document sets them', () => {
    const en = compileInProject(REFERENCE, 'organisation: Amet\nlang: en\ncompetencies: competencies.yaml\n');
    expect(en.model?.organisation).toBe('Amet');
    expect(en.model?.lang).toBe('en');
    const own = compileInProject(
      replace(REFERENCE, 'reportsTo:', 'organisation: Muu Amet\nlang: et\nreportsTo:'),
      'organisation: Amet\nlang: en\ncompetencies: competencies.yaml\n',
    );
    expect(own.model?.organisation).toBe('Muu Amet');
    expect(own.model?.lang).toBe('et');
  });

  it('uses the id from the document, else the file name', () => {
    expect(compileRef(replace(REFERENCE, 'reportsTo:', 'id: kriisiabi-2\nreportsTo:')).model?.id).toBe(
      'kriisiabi-2',
    );
    expect(compileSource(REFERENCE, { config: compileRef(REFERENCE).config }).model?.id).toBe('ametijuhend');
  });
});

describe('English documents', () => {
  it('compiles the English example cleanly', () => {
    const r = compileFile(ENGLISH_PATH, { cwd: ROOT });
    expectClean(r);
    const m = r.model!;
    expect(m.lang).toBe('en');
    expect(m.id).toBe('data-analyst');
    expect(m.title).toBe('Data Analyst');
    expect(m.unit).toEqual(['Analysis Department', 'Data Team']);
    expect(m.substitutedBy).toEqual(['Senior Data Analyst']);
    expect(m.version).toBe('1.0');
    expect(m.reviewed).toBe('2026-03-01');
    expect(m.signatures.employer).toEqual({ name: 'Mari Maasikas', role: 'Director General' });
    expect(m.requirements.additionalCompetencies[0]).toMatchObject({
      name: 'Data visualisation',
      origin: 'inline',
    });
    expect(m.requirements.competencies[0]?.origin).toBe('catalogue');
    expect(Object.keys(m.sections).sort()).toEqual([
      'changes',
      'duties',
      'purpose',
      'responsibilities',
      'rights',
      'tools',
    ]);
    expect(m.sections.duties?.duties.map((d) => d.results.length)).toEqual([2, 1, 1]);
    // inline Markdown survives
    expect(
      m.sections.purpose?.blocks[0]?.type === 'paragraph' &&
        m.sections.purpose.blocks[0].children.map((n) => n.type),
    ).toContain('strong');
    expect(m.sections.duties?.duties[1]?.task.map((n) => n.type)).toContain('link');
  });

  it('gives English messages for an English document by default', () => {
    const r = compileRef(replace(REFERENCE, 'reportsTo:', 'lang: en\nreportTo:'));
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Unknown key "reportTo". Did you mean "reportsTo"?',
    ]);
  });

  it('accepts English headings in an Estonian document and Estonian ones in an English document', () => {
    let text = replace(REFERENCE, '## Töökoha eesmärk', '## Purpose');
    text = replace(text, '## Tööülesanded', '## Duties');
    expectClean(compileRef(text));
  });
});

describe('scalars as written', () => {
  it('keeps version 1.0 and a numeric directive as written, and an empty signatory as a blank line', () => {
    const text = REFERENCE.replace(
      'signatures:\n  employer: Maret Maripuu\n  employee: Helen Raja',
      'version: 1.0\nsignatures:\n  employer: Maret Maripuu\n  employee:',
    );
    const r = compileRef(text);
    expectClean(r);
    expect(r.model?.version).toBe('1.0');
    expect(r.model?.signatures.employee).toBeUndefined();
    expect(r.model?.signatures.employer).toEqual({ name: 'Maret Maripuu' });
  });
});

describe('after a YAML syntax error', () => {
  const fixture = `${ROOT}/test/fixtures/yaml-messages/after-yaml-error.md`;

  it('still reports the keys that parsed and the body, but no key as missing and no model', () => {
    const r = compileFile(fixture, { cwd: ROOT });
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '3:1 unknown-key',
      '4:7 invalid-value',
      '6:11 invalid-value',
      '10:32 yaml-syntax',
      '22:1 duties-format',
      '26:1 unknown-section',
      '29:1 missing-section',
      '29:1 missing-section',
    ]);
    // the broken line's key and the keys the parser put under it are not checked (no invalid-type
    // for experience, nothing about languages or competencies), and no required key is said missing
    expect(r.diagnostics.some((d) => d.rule === 'missing-key' || d.rule === 'invalid-type')).toBe(false);
    // (reportsTo is there too: not suggested, its quick fix would repeat the key)
    expect(r.diagnostics[0]!.message).toMatch(/^Tundmatu võti „reportTo“\. Lubatud võtmed siin: /);
    expect(r.model).toBeUndefined();
  });

  it('reports a missing key once the YAML is fixed', () => {
    const text = readFileSync(fixture, 'utf8').replace(
      'experience: Vähemalt 3 aastat: eelistatult koolis',
      'experience: "Vähemalt 3 aastat: eelistatult koolis"',
    );
    const r = compileSource(text.replace(/^title: .*\n/m, ''), { path: fixture, cwd: ROOT });
    expect(r.diagnostics.filter((d) => d.rule === 'missing-key').map((d) => d.message)).toEqual([
      expect.stringContaining('„title“'),
    ]);
    expect(r.diagnostics.some((d) => d.rule === 'yaml-syntax')).toBe(false);
  });

  it('says nothing of keys an unclosed quote swallowed, nor of a tab-broken list', () => {
    const text = readFileSync(fixture, 'utf8').replace(
      'experience: Vähemalt 3 aastat: eelistatult koolis',
      'experience: "Vähemalt 3 aastat',
    );
    const r = compileSource(text, { path: fixture, cwd: ROOT });
    expect(r.diagnostics.filter((d) => d.line < 16).map((d) => `${d.line} ${d.rule}`)).toEqual([
      '3 unknown-key',
      '4 invalid-value',
      '6 invalid-value',
      '10 yaml-syntax',
    ]);
    // a tab makes the parser read the following lines as keys that are lists: nothing of the
    // frontmatter is checked then (turning such keys into data can take exponential time)
    const tab = compileSource(
      text.replace('experience: "Vähemalt 3 aastat', 'experience: x').replace('    - lang', '\t- lang'),
      { path: fixture, cwd: ROOT },
    );
    expect(tab.diagnostics.filter((d) => d.line < 16).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '12:1 yaml-syntax',
    ]);
    expect(tab.diagnostics.some((d) => d.rule === 'duties-format')).toBe(true);
  });

  it('does not call a key empty when the next line is the broken one', () => {
    const text = readFileSync(fixture, 'utf8')
      .replace('experience: Vähemalt 3 aastat: eelistatult koolis', 'experience: x')
      .replace('  education: Kõrgharidus', '\teducation: Kõrgharidus');
    const r = compileSource(text, { path: fixture, cwd: ROOT, lang: 'en' });
    expect(r.diagnostics.filter((d) => d.line < 16).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '3:1 unknown-key',
      '4:7 invalid-value',
      '6:11 invalid-value',
      '9:1 yaml-syntax',
    ]);
  });
});
