/**
 * The language server's completion and hover (src/lsp/help.ts) on real descriptions and on the
 * half-typed ones an editor sends while the user types.
 */
import type { CompletionItem } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { cursorContext } from '../src/lsp/context.js';
import { complete, documentLang, hover } from '../src/lsp/help.js';
import { REFERENCE, referenceConfig } from './helpers.js';

const ctx = (text: string, lang: 'et' | 'en' = 'et') => ({ text, lang, config: referenceConfig() });
/** Completion at the `|` in `text`. */
function at(text: string, lang: 'et' | 'en' = 'et'): CompletionItem[] {
  const i = text.indexOf('|');
  const before = text.slice(0, i).split('\n');
  return complete(ctx(text.replace('|', ''), lang), before.length - 1, before.at(-1)!.length);
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('completion', () => {
  it('top-level keys with their help in the user language', () => {
    const items = at('---\ntitle: x\n|\n');
    expect(labels(items)).toEqual(
      expect.arrayContaining(['reportsTo', 'requirements', 'signatures', 'kind']),
    );
    expect(items.find((i) => i.label === 'reportsTo')?.detail).toBe('1.3 Vahetu juht (ametinimetus).');
    const en = at('---\ntitle: x\nrep|\n', 'en');
    expect(en.find((i) => i.label === 'reportsTo')?.detail).toBe("1.3 Reports to (the manager's job title).");
    // the typed part is replaced
    expect(en.find((i) => i.label === 'reportsTo')?.textEdit).toMatchObject({
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } },
    });
  });

  it('nested keys: requirements, a language item, signatures', () => {
    expect(labels(at('---\nrequirements:\n  edu|\n'))).toEqual(
      expect.arrayContaining(['education', 'languages', 'competencies', 'knowledge']),
    );
    expect(labels(at('---\nrequirements:\n  languages:\n    - lang: et\n      |\n'))).toEqual([
      'lang',
      'level',
      'note',
    ]);
    expect(labels(at('---\nrequirements:\n  languages:\n    - |\n'))).toEqual(['lang', 'level', 'note']);
    expect(labels(at('---\nsignatures:\n  |\n'))).toEqual(expect.arrayContaining(['employer']));
  });

  it('values: CEFR levels, language codes, enums, competency names (also in a flow list)', () => {
    expect(labels(at('---\nrequirements:\n  languages:\n    - lang: et\n      level: |\n'))).toEqual([
      'A1',
      'A2',
      'B1',
      'B2',
      'C1',
      'C2',
    ]);
    const codes = at('---\nrequirements:\n  languages:\n    - lang: |\n');
    expect(labels(codes).slice(0, 3)).toEqual(['et', 'en', 'ru']);
    expect(labels(codes)).toContain('sv');
    expect(labels(codes)).not.toContain('xx');
    expect(codes.find((c) => c.label === 'ru')?.detail).toBe('vene');
    expect(labels(at('---\nkind: |\n'))).toEqual(['employee', 'official']);
    expect(labels(at('---\nlang: |\n'))).toEqual(['et', 'en']);
    const comp = at('---\nrequirements:\n  competencies:\n    - Koo|\n');
    expect(labels(comp)).toEqual(expect.arrayContaining(['Koostöövõime', 'Kliendikesksus']));
    expect(labels(at('---\nrequirements:\n  additionalCompetencies: [Korrektsus, |\n'))).toContain(
      'Koostöövõime',
    );
  });

  it('section headings in the body', () => {
    const items = at(`${REFERENCE}\n## |`);
    expect(labels(items)).toEqual(
      expect.arrayContaining(['## Töökoha eesmärk', '## Tööülesanded', '## Õigused']),
    );
    expect(labels(at(`${REFERENCE}\n|`))).toEqual([]);
  });

  it('a frontmatter with YAML comment lines, with CRLF and a BOM: up to its closing ---', () => {
    const schema = '# yaml-language-server: $schema=../schemas/job-description.schema.json';
    const doc = `---\n${schema}\nrequirements:\n  languages:\n    - lang: et\n      level: |\n---\n\n## Eesmärk\n`;
    expect(labels(at(doc))).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    expect(labels(at(`\uFEFF${doc}`.replace(/\n/g, '\r\n')))).toContain('C1');
    // never closed: up to the first section heading, a comment line does not end it
    expect(labels(at('---\n# comment\ntitle: x\nrep|\n## Eesmärk\n'))).toContain('reportsTo');
    expect(labels(at('---\n# comment\ntitle: x\n## Eesmärk\n## |'))).toContain('## Tööülesanded');
    // hover on a key below the comment line
    const text = `\uFEFF---\r\n${schema}\r\ntitle: X\r\n---\r\n`;
    const h = hover(ctx(text), 2, 2);
    expect(h && 'value' in (h.contents as object) ? (h.contents as { value: string }).value : '').toContain(
      'Ametinimetus',
    );
  });

  it('a quoted competency item: the filter text is the range’s text, quote included', () => {
    const items = at('---\nrequirements:\n  competencies:\n    - "Ko|\n');
    const item = items.find((i) => i.label === 'Koostöövõime')!;
    const edit = item.textEdit as { range: { start: { character: number }; end: { character: number } } };
    expect(edit.range.start.character).toBe(6);
    expect(item.filterText).toBe('"Koostöövõime');
    // unquoted: the bare name
    const plain = at('---\nrequirements:\n  competencies:\n    - Ko|\n');
    expect(plain.find((i) => i.label === 'Koostöövõime')?.filterText).toBe('Koostöövõime');
  });

  it('tolerates a broken document and never throws', () => {
    const broken = '---\ntitle: [unclosed\nrequirements:\n  languages:\n    - lang: et\n      level: |\n';
    expect(labels(at(broken))).toContain('C1');
    expect(at('---\n  : : :\n|')).toBeInstanceOf(Array);
    expect(at('|')).toEqual([]);
    const text = REFERENCE;
    const lines = text.split('\n');
    for (let l = 0; l < lines.length; l++)
      for (const c of [0, 3, lines[l]!.length]) {
        expect(() => complete(ctx(text), l, c)).not.toThrow();
        expect(() => hover(ctx(text), l, c)).not.toThrow();
        expect(() => cursorContext(text, l, c)).not.toThrow();
      }
  });
});

describe('hover', () => {
  const lines = REFERENCE.split('\n');
  const line = (s: string) => lines.findIndex((l) => l === s);
  const value = (h: ReturnType<typeof hover>) =>
    h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';

  it("a key's help, a level's meaning, a competency's indicators, a language's name", () => {
    expect(value(hover(ctx(REFERENCE), line('requirements:'), 3))).toContain('Töökohale esitatavad nõuded');
    expect(value(hover(ctx(REFERENCE, 'en'), line('requirements:'), 3))).toMatch(
      /^\*\*requirements\*\*: 7\. Requirements/,
    );
    expect(value(hover(ctx(REFERENCE), line('      level: C1'), 14))).toContain('vilunud keelekasutaja');
    expect(value(hover(ctx(REFERENCE), line('    - Koostöövõime'), 8))).toContain('Tajub oma rolli');
    expect(value(hover(ctx(REFERENCE), line('    - lang: et'), 13))).toBe('et: eesti');
    expect(hover(ctx(REFERENCE), lines.length - 1, 0)).toBeUndefined();
  });

  it('keys inside a flow map', () => {
    const text = '---\nsignatures:\n  employer: { name: Mari Maasikas, role: Direktor }\n---\n';
    const l = text.split('\n')[2]!;
    expect(value(hover(ctx(text, 'en'), 2, l.indexOf('role') + 1))).toMatch(/^\*\*role\*\*: /);
    expect(value(hover(ctx(text, 'en'), 2, l.indexOf('name') + 1))).toMatch(/^\*\*name\*\*: /);
    expect(value(hover(ctx(text, 'en'), 2, 3))).toMatch(/^\*\*employer\*\*: /);
  });

  it("documentLang: the client's, the document's, the config's", () => {
    expect(documentLang('---\nlang: en\n---\n', undefined)).toBe('en');
    expect(documentLang('---\nlang: en\n---\n', undefined, 'et')).toBe('et');
    expect(documentLang('---\ntitle: x\n---\n', referenceConfig())).toBe('et');
  });
});
