/**
 * The source fingerprint (issue 11) on real sources compiled with a config and a catalogue in a
 * temporary folder: a whitespace-only edit and YAML keys in another order leave it as it is; a
 * change of content, of the catalogue or of a config default section changes it, and the parts'
 * digests say which part changed.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintModel, PARTS, provenanceOf, type ModelFingerprint } from './fingerprint.js';
import {
  BASE_CONFIG,
  CATALOGUE,
  compileInProject,
  dropSection,
  REFERENCE,
  replace,
} from '../../test/helpers.js';
import { parseProvenance, provenanceFields, shortCode } from '../util/provenance.js';

const DEFAULT_TOOLS = 'Sülearvuti ja mobiiltelefon.\n';
const CONFIG = `${BASE_CONFIG}defaults:\n  tools: yld/toovahendid.md\n`;

/** The fingerprint of `doc` compiled with the config, the examples' catalogue (or `catalogue`) and a default tools section. */
function fingerprintOf(
  doc: string,
  { catalogue = CATALOGUE, tools = DEFAULT_TOOLS }: { catalogue?: string; tools?: string } = {},
): ModelFingerprint {
  const result = compileInProject(doc, CONFIG, {
    'competencies.yaml': catalogue,
    'yld/toovahendid.md': tools,
  });
  if (!result.model) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  expect(result.errorCount).toBe(0);
  return fingerprintModel(result.model);
}

/** The names of the parts whose digests differ (or that only one has). */
function changedParts(a: ModelFingerprint, b: ModelFingerprint): string[] {
  const names = new Set([...Object.keys(a.parts), ...Object.keys(b.parts)]);
  return [...names].filter((n) => a.parts[n] !== b.parts[n]).sort();
}

const BASE = fingerprintOf(REFERENCE);

describe('the fingerprint', () => {
  it('is 64 hex digits, with a digest for each part the description has', () => {
    expect(BASE.value).toMatch(/^[0-9a-f]{64}$/);
    for (const digest of Object.values(BASE.parts)) expect(digest).toMatch(/^[0-9a-f]{10}$/);
    for (const name of ['title', 'unit', 'sections.duties', 'sections.purpose', 'requirements.competencies'])
      expect(BASE.parts).toHaveProperty(name);
    // every part name is one of PARTS (the reference has no extra sections)
    const known = new Set<string>(PARTS.map(([name]) => name));
    for (const name of Object.keys(BASE.parts)) expect(known.has(name), name).toBe(true);
  });

  describe('is equal for an edit of white space only', () => {
    const purpose = REFERENCE.slice(
      REFERENCE.indexOf('Töökoha eesmärk on'),
      REFERENCE.indexOf('\n\n## Tööülesanded'),
    );
    const cases: [string, string][] = [
      // the purpose paragraph on one line, then at every word
      ['a re-wrapped paragraph (one line)', replace(REFERENCE, purpose, purpose.replace(/\n/g, ' '))],
      ['a re-wrapped paragraph (a word a line)', replace(REFERENCE, purpose, purpose.replace(/ /g, '\n'))],
      ['CRLF line endings', REFERENCE.replace(/\n/g, '\r\n')],
      [
        'a nested list indented with 4 spaces',
        REFERENCE.replace(/^ {3}- /gm, '    - ').replace(/^ {4}- (?=\S)/gm, '    - '),
      ],
      [
        'blank lines between list items',
        // a blank line before every item of every list, top-level and nested (loose lists: `spread`)
        REFERENCE.replace(/\n(?=[ ]*(?:\d+\.|-) )/g, '\n\n'),
      ],
      ['trailing spaces', REFERENCE.replace(/(\S)\n/g, '$1 \n')],
      [
        'more spaces between words',
        replace(REFERENCE, 'on psühhosotsiaalse kriisiabi', 'on  psühhosotsiaalse   kriisiabi'),
      ],
    ];
    it.each(cases)('%s', (_name, edited) => {
      expect(edited).not.toBe(REFERENCE);
      const fp = fingerprintOf(edited);
      expect(changedParts(BASE, fp)).toEqual([]);
      expect(fp.value).toBe(BASE.value);
    });

    it('the blank lines really are between the items of both list levels', () => {
      const edited = REFERENCE.replace(/\n(?=[ ]*(?:\d+\.|-) )/g, '\n\n');
      expect(edited).toContain('juhiga;\n\n- kasutada kõiki');
      expect(edited).toContain('valdkonnas.\n\n   - Teenused on toetatud');
      expect(edited).toContain('tõenduspõhisusele.\n\n   - Teenused on tõhusad');
      expect(edited).toContain('mõjusad.\n\n2. Osalemine');
    });

    it('the 4-space list really is nested the same way (the edit changed the source)', () => {
      const edited = REFERENCE.replace(/^ {3}- /gm, '    - ');
      expect(edited).toContain('\n    - Teenused on tõhusad ja mõjusad.');
      expect(fingerprintOf(edited).value).toBe(BASE.value);
    });
  });

  it('is equal for white space re-wrapped inside and around inline markup, but not for a space dropped', () => {
    const anchor = 'mobiiltelefon\nning ühiskasutuses olev kontoritehnika';
    const emphasised = fingerprintOf(
      replace(REFERENCE, anchor, 'mobiiltelefon\nning *ühiskasutuses olev* kontoritehnika'),
    );
    const wrapped = fingerprintOf(
      replace(REFERENCE, anchor, 'mobiiltelefon ning *ühiskasutuses\nolev*\n  kontoritehnika'),
    );
    expect(emphasised.value).not.toBe(BASE.value);
    expect(wrapped.value).toBe(emphasised.value);
    // "olev*kontoritehnika": the words run together, another text
    const joined = fingerprintOf(
      replace(REFERENCE, anchor, 'mobiiltelefon\nning *ühiskasutuses olev*kontoritehnika'),
    );
    expect(changedParts(emphasised, joined)).toEqual(['sections.tools']);
  });

  it('is equal for YAML keys in another order (frontmatter and catalogue)', () => {
    const front = REFERENCE.slice(4, REFERENCE.indexOf('\n---\n', 4) + 1);
    const title = 'title: Ekspert (psühhosotsiaalne kriisiabi)\n';
    const signatures = 'signatures:\n  employer: Maret Maripuu\n  employee: Helen Raja\n';
    expect(front.startsWith(title) && front.endsWith(signatures)).toBe(true);
    // signatures first, the title last, and the two signatories swapped
    const reordered = `${signatures.replace('  employer: Maret Maripuu\n  employee: Helen Raja\n', '  employee: Helen Raja\n  employer: Maret Maripuu\n')}${front.slice(title.length, -signatures.length)}${title}`;
    const doc = `---\n${reordered}${REFERENCE.slice(4 + front.length)}`;
    expect(doc).not.toBe(REFERENCE);
    expect(fingerprintOf(doc).value).toBe(BASE.value);
    // the catalogue's competencies in reverse order
    const entries = CATALOGUE.split(/\n(?=\S)/u).filter((e) => !e.startsWith('#'));
    const reversed = `${[...entries].reverse().join('\n')}\n`;
    expect(reversed).not.toBe(CATALOGUE);
    expect(fingerprintOf(REFERENCE, { catalogue: reversed }).value).toBe(BASE.value);
  });

  describe('is different for a change of content, naming the part', () => {
    const cases: [string, string, string[]][] = [
      [
        'a word of the purpose',
        replace(REFERENCE, 'koostöösuhete hoidmine', 'koostöösuhete loomine'),
        ['sections.purpose'],
      ],
      [
        'a duty',
        replace(REFERENCE, 'Ohvriabisüsteemi arenduseks vajalike', 'Ohvriabisüsteemi arenduseks olulise'),
        ['sections.duties'],
      ],
      ['a result of a duty', replace(REFERENCE, '   - Analüüsid on korraldatud.\n', ''), ['sections.duties']],
      ['a language level', replace(REFERENCE, 'level: C1', 'level: B2'), ['requirements.languages']],
      [
        'the title',
        replace(REFERENCE, 'title: Ekspert (psühhosotsiaalne kriisiabi)', 'title: Ekspert'),
        ['title'],
      ],
      ['a right', replace(REFERENCE, 'teha kaugtööd', 'teha kodutööd'), ['sections.rights']],
      ['a competency dropped', replace(REFERENCE, '    - Efektiivsus\n', ''), ['requirements.competencies']],
      [
        'the signing employee',
        replace(REFERENCE, 'employee: Helen Raja', 'employee: Helen Rajasaar'),
        ['signatures.employee'],
      ],
      [
        'emphasis added to a word (markup is content)',
        replace(REFERENCE, 'olev kontoritehnika', 'olev *kontoritehnika*'),
        ['sections.tools'],
      ],
    ];
    it.each(cases)('%s', (_name, edited, parts) => {
      const fp = fingerprintOf(edited);
      expect(fp.value).not.toBe(BASE.value);
      expect(changedParts(BASE, fp)).toEqual(parts);
    });
  });

  it('is different for a change of the catalogue (an indicator of a competency the description has)', () => {
    const catalogue = replace(CATALOGUE, 'Täidab kokkulepped ja lubadused.', 'Täidab kokkulepped.');
    const fp = fingerprintOf(REFERENCE, { catalogue });
    expect(fp.value).not.toBe(BASE.value);
    expect(changedParts(BASE, fp)).toEqual(['requirements.competencies']);
  });

  it('is different for a change of a config default section the description uses', () => {
    const doc = dropSection(REFERENCE, 'Töövahendid');
    const a = fingerprintOf(doc);
    expect(a.parts['sections.tools']).toBeDefined(); // the default is resolved into the model
    const b = fingerprintOf(doc, { tools: 'Sülearvuti, mobiiltelefon ja kontoritehnika.\n' });
    expect(b.value).not.toBe(a.value);
    expect(changedParts(a, b)).toEqual(['sections.tools']);
    // a description with a section of its own does not change with the default
    expect(fingerprintOf(REFERENCE, { tools: 'Midagi muud.\n' }).value).toBe(BASE.value);
  });

  it('names an extra section by its heading, and the name reads back from the fields as it is', () => {
    const heading = 'Muud ülesanded; a=b & 100% „x“';
    const doc = `${REFERENCE}\n## ${heading}\n\nMuud tööd.\n`;
    const config = `${CONFIG}extraSections: ['${heading}']\n`;
    const result = compileInProject(doc, config, { 'yld/toovahendid.md': DEFAULT_TOOLS });
    expect(result.errorCount).toBe(0);
    const p = provenanceOf(result.model!, '1.2.3');
    expect(Object.keys(p.parts)).toContain(`extra:${heading}`);
    const fields = new Map(provenanceFields(p));
    expect(fields.get('parts')).not.toMatch(/[<> ]/);
    expect(parseProvenance((f) => fields.get(f))).toEqual(p);
    // the rest of the parts are those of the description without it
    const { [`extra:${heading}`]: extra, ...rest } = p.parts;
    expect(extra).toMatch(/^[0-9a-f]{10}$/);
    expect(rest).toEqual(BASE.parts);
  });

  it('is carried with the parts by provenanceOf, and read back the same from its fields', () => {
    const result = compileInProject(REFERENCE, CONFIG, { 'yld/toovahendid.md': DEFAULT_TOOLS });
    const p = provenanceOf(result.model!, '1.2.3');
    expect(p).toMatchObject({ id: 'ametijuhend', tool: '1.2.3', fingerprint: BASE.value, parts: BASE.parts });
    expect(shortCode(p.fingerprint)).toBe(BASE.value.slice(0, 12));
    const fields = new Map(provenanceFields(p));
    expect(parseProvenance((f) => fields.get(f))).toEqual(p);
  });
});
