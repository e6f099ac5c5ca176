import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../parse/markdown.js';
import {
  BASE_CONFIG,
  CATALOGUE,
  compileInProject,
  compileRef,
  expectClean,
  ofRule,
  only,
  REFERENCE,
  replace,
} from '../../../test/helpers.js';

describe('yaml-syntax', () => {
  it('reports an over-indented key at its own line', () => {
    const r = compileRef(replace(REFERENCE, '  experience:', '   experience:'));
    const d = only(r, 'yaml-syntax');
    expect([d.line, d.column, d.severity]).toEqual([11, 4, 'error']);
    expect(d.message).toContain('taane');
    expect(d.message).toContain('„experience: Vähemalt 3-aastane');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.model).toBeUndefined();
  });

  it('reports an under-indented key at its own line', () => {
    // the parser goes on to report follow-up problems; the first one is the line at fault
    const d = ofRule(compileRef(replace(REFERENCE, '  experience:', ' experience:')), 'yaml-syntax')[0];
    expect([d?.line, d?.column]).toEqual([11, 1]);
    expect(d?.message).toContain('taane');
  });

  it('reports a tab used as indentation once, at the tab, without the follow-up errors', () => {
    const r = compileRef(replace(REFERENCE, '  experience:', '\texperience:'));
    const list = ofRule(r, 'yaml-syntax');
    expect(list.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        11,
        1,
        'Real „experience: Vähemalt 3-aastane töökogemus ametiasu…“ on taandes tabulaator: YAML-is taandatakse ainult tühikutega. Asenda tabulaator tühikutega (kaks tühikut taseme kohta).',
      ],
    ]);
    // a tab before a list item, after spaces: at the tab's column
    const item = ofRule(
      compileRef(replace(REFERENCE, '    - lang: et', '  \t- lang: et'), { lang: 'en' }),
      'yaml-syntax',
    );
    expect(item.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        13,
        3,
        'The line "- lang: et" is indented with a tab: YAML is indented with spaces only. Replace the tab with spaces (two per level).',
      ],
    ]);
  });

  it('says to quote a value with a second colon, showing the fixed line, at the colon', () => {
    const text = replace(
      REFERENCE,
      / {2}experience: .*/,
      '  experience: Vähemalt 3 aastat: eelistatult koolis',
    );
    const d = only(compileRef(text), 'yaml-syntax');
    expect([d.line, d.column]).toEqual([11, 32]);
    expect(d.message).toBe(
      'Väärtuses on teine koolon: „experience: Vähemalt 3 aastat: eelistatult koolis“. Pane väärtus jutumärkidesse: experience: "Vähemalt 3 aastat: eelistatult koolis"',
    );
    const en = only(compileRef(replace(text, 'koolis', 'koolis "A"'), { lang: 'en' }), 'yaml-syntax');
    expect(en.message).toBe(
      'The value has a second colon: "experience: Vähemalt 3 aastat: eelistatult koolis "A"". Put the value in quotes: experience: \'Vähemalt 3 aastat: eelistatult koolis "A"\'',
    );
  });

  it('shows the fixed line for a missing space after a colon and a value starting with @ or `', () => {
    const nospace = only(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo:Tiimijuht')),
      'yaml-syntax',
    );
    expect([nospace.line, nospace.column]).toEqual([6, 10]);
    expect(nospace.message).toBe(
      'Koolonile järgneb tühik: „reportsTo:Tiimijuht“ ei ole võti ja väärtus. Kirjuta: reportsTo: Tiimijuht',
    );
    const at = only(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: @juht')),
      'yaml-syntax',
    );
    expect([at.line, at.column]).toEqual([6, 12]);
    expect(at.message).toBe(
      'Väärtus ei tohi alata märgiga „@“ (real „reportsTo: @juht“). Pane väärtus jutumärkidesse: reportsTo: "@juht"',
    );
    const tick = only(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: `juht`'), { lang: 'en' }),
      'yaml-syntax',
    );
    expect(tick.message).toBe(
      'A value cannot start with "`" (in the line "reportsTo: `juht`"). Put the value in quotes: reportsTo: "`juht`"',
    );
  });

  it('reports a list item under a key that has a value once, at the dash', () => {
    const text = replace(
      REFERENCE,
      '  education: Kõrgharidus',
      '  education: Kõrgharidus\n  - magistrikraad',
    );
    const list = ofRule(compileRef(text), 'yaml-syntax');
    expect(list.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        11,
        3,
        'Loendi element „- magistrikraad“ järgneb võtmele, millel on juba väärtus („education: Kõrgharidus“). Kas jäta väärtus koolonist paremale ja kustuta loend, või kirjuta „education:“ ilma väärtuseta ja elemendid selle alla kahe tühiku võrra taandatult.',
      ],
    ]);
  });

  it('reports a key of a list item indented wrongly at the key', () => {
    const text = replace(REFERENCE, '      level: C1', '     level: C1');
    const d = only(compileRef(text, { lang: 'en' }), 'yaml-syntax');
    expect([d.line, d.column]).toEqual([14, 6]);
    expect(d.message).toBe(
      'The line "level: C1" is wrongly indented inside a list item: align it with the key of the line above or start a new item with "- ".',
    );
  });

  it('reads Windows line endings (CRLF) as any others', () => {
    expectClean(compileRef(REFERENCE.replace(/\n/g, '\r\n')));
  });

  it('reports an unclosed quote at the opening quote', () => {
    const r = compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: "Tiimijuht'));
    const d = only(r, 'yaml-syntax');
    expect([d.line, d.column]).toEqual([6, 12]);
    expect(d.message).toBe(
      'Jutumärk on avatud, aga sulgemata (real „reportsTo: "Tiimijuht“): lisa väärtuse lõppu sulgev " või eemalda avav.',
    );
    expect(d.message).toContain('„reportsTo: "Tiimijuht“');
    const en = only(
      compileRef(replace(REFERENCE, 'title: Ekspert', "title: 'Ekspert"), { lang: 'en' }),
      'yaml-syntax',
    );
    expect([en.line, en.column]).toEqual([2, 8]);
    expect(en.message).toContain('quote');
  });

  it('reports a duplicate key at the second one, naming it', () => {
    const text = replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Tiimijuht\nreportsTo: Juhataja');
    const d = only(compileRef(text), 'yaml-syntax');
    expect([d.line, d.column]).toEqual([7, 1]);
    expect(d.message).toContain('„reportsTo“');
    const nested = replace(
      REFERENCE,
      '  education: Kõrgharidus',
      '  education: Kõrgharidus\n  "education": Keskharidus',
    );
    const en = only(compileRef(nested, { lang: 'en' }), 'yaml-syntax');
    expect([en.line, en.column]).toEqual([11, 3]);
    expect(en.message).toBe('The key "education" is already in this map.');
  });

  it('reports a missing colon', () => {
    const d = ofRule(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo Tiimijuht')),
      'yaml-syntax',
    )[0];
    expect(d?.line).toBe(6);
  });

  it('reports an unclosed flow list at its opening bracket', () => {
    const d = only(
      compileRef(
        replace(REFERENCE, 'substitutes: [Tiimijuht, koordinaator]', 'substitutes: [Tiimijuht, koordinaator'),
      ),
      'yaml-syntax',
    );
    expect([d.line, d.column]).toEqual([8, 14]);
    const last = ofRule(
      compileRef(replace(REFERENCE, 'employee: Helen Raja', 'employee: [Helen Raja')),
      'yaml-syntax',
    );
    expect(last.map((x) => [x.line, x.column])).toEqual([[42, 13]]);
    const map = ofRule(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: {a: Tiimijuht')),
      'yaml-syntax',
    );
    expect(map[0]).toMatchObject({ line: 6, column: 12 });
  });

  it('places every error after a broken flow collection inside its own line', () => {
    // found by the fuzz campaign: yaml's lexer stops counting lines after "*[", so later errors had
    // columns far past the end of their line
    const text = replace(REFERENCE, '      level: C1', '      level: C1\n      note: *[');
    const lines = text.split('\n');
    const list = ofRule(compileRef(text), 'yaml-syntax');
    expect(list.length).toBeGreaterThan(1);
    expect(list[0]).toMatchObject({ line: 15, column: 13 });
    for (const d of list) {
      if (d.omitted) continue; // the line that counts the problems past the cap of 50 quotes nothing
      expect(d.column, JSON.stringify(d)).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
      expect(d.message).toContain(`„${lines[d.line - 1]!.trim().slice(0, 50)}`);
    }
  });

  it('reports syntax errors in the config file', () => {
    const r = compileInProject(REFERENCE, `${BASE_CONFIG}extraSections: [Töötingimused\n`);
    const d = ofRule(r, 'yaml-syntax')[0];
    expect(d?.file).toBe('ametijuhend.config.yaml');
  });

  describe('nesting too deep to parse', () => {
    /** A description whose frontmatter holds `yaml` after the title, then a body. */
    const withYaml = (yaml: string): string =>
      replace(REFERENCE, 'title: Ekspert (psühhosotsiaalne kriisiabi)\n', `title: x\n${yaml}\n`);

    it('reports 10,000 nested [ at the first bracket past the limit, in both languages', () => {
      const text = withYaml(`unit: ${'['.repeat(10_000)}`);
      const et = compileRef(text);
      const d = only(et, 'yaml-syntax');
      // line 3; the 33rd bracket (the first block level is the mapping itself: 1 + 32 > 32)
      expect([d.line, d.column, d.severity]).toEqual([3, 'unit: '.length + 32, 'error']);
      expect(d.message).toContain('liiga sügavalt pesastatud');
      expect(d.message).toContain('32');
      expect(d.message).not.toMatch(/call stack/i);
      expect(et.model).toBeUndefined();
      const en = only(compileRef(text, { lang: 'en' }), 'yaml-syntax');
      expect([en.line, en.column]).toEqual([d.line, d.column]);
      expect(en.message).toContain('nested too deeply');
      expect(en.message).toContain('"unit: [[[[');
    });

    it('reports 10,000 nested { and a deep flow list over several lines with CRLF', () => {
      const map = only(compileRef(withYaml(`unit: ${'{a: '.repeat(10_000)}`)), 'yaml-syntax');
      expect([map.line, map.column]).toEqual([3, 'unit: '.length + 1 + 4 * 31]);
      const lines = withYaml(`unit:\n${Array.from({ length: 5000 }, () => '  [').join('\n')}`).replace(
        /\n/g,
        '\r\n',
      );
      const multi = only(compileRef(lines), 'yaml-syntax');
      // unit (1) + its value's indentation (2) + 30 brackets = 32; the 31st bracket is on line 4 + 30
      expect([multi.line, multi.column]).toEqual([4 + 30, 3]);
    });

    it('reports nesting by indentation at the first line too deep', () => {
      const deep = Array.from({ length: 1000 }, (_, k) => `${' '.repeat(k)}a${k}:`).join('\n');
      const d = only(compileRef(withYaml(deep)), 'yaml-syntax');
      // a0 … a31 are 32 levels; a32 on line 3 + 32 is one too many
      expect([d.line, d.column]).toEqual([3 + 32, 33]);
      expect(d.message).toContain('„a32:“');
      const seq = Array.from({ length: 1000 }, (_, k) => `${'  '.repeat(k)}- `).join('\n');
      expect(ofRule(compileRef(withYaml(`unit:\n${seq}x`)), 'yaml-syntax')).toHaveLength(1);
      const compact = only(compileRef(withYaml(`unit:\n  ${'- '.repeat(5000)}x`)), 'yaml-syntax');
      expect(compact.line).toBe(4);
    });

    it('leaves deep text unparsed instead of overflowing the stack', () => {
      const nested = (n: number): string =>
        `${Array.from({ length: n }, (_, k) => `${' '.repeat(k)}a${k}:`).join('\n')} x\n`;
      const at = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
      expect(() => parseYaml(nested(5000), 1, at)).not.toThrow();
      expect(parseYaml(nested(5000), 1, at).tooDeep).toBeDefined();
      expect(parseYaml(nested(20), 1, at).data).toMatchObject({ a0: { a1: { a2: {} } } });
    });

    it('leaves brackets inside quoted, plain and block strings alone', () => {
      const text = replace(
        REFERENCE,
        'reportsTo: Tiimijuht',
        `reportsTo: Tiimijuht ${'['.repeat(40)}\nversion: "${'{'.repeat(40)}"\nreviewed: >-\n  ${'['.repeat(40)}\n  ${'{'.repeat(40)}`,
      );
      expect(ofRule(compileRef(text), 'yaml-syntax')).toEqual([]);
    });

    it('reports deep nesting in the config file and in the catalogue', () => {
      // 1,000 levels (~0.5 MB): a config over 1 MiB is not read at all (unreadable-file)
      const deep = Array.from({ length: 1000 }, (_, k) => `${' '.repeat(k)}a${k}:`).join('\n');
      const config = only(
        compileInProject(REFERENCE, `${BASE_CONFIG}aliases:\n${deep.replace(/^/gm, ' ')}\n`),
        'yaml-syntax',
      );
      expect(config).toMatchObject({ file: 'ametijuhend.config.yaml', line: 5 + 31, severity: 'error' });
      expect(config.message).toContain('liiga sügavalt');
      const flow = compileInProject(
        REFERENCE,
        `${BASE_CONFIG}extraSections: ${'['.repeat(10_000)}\n`,
        {},
        { lang: 'en' },
      );
      expect(only(flow, 'yaml-syntax')).toMatchObject({
        file: 'ametijuhend.config.yaml',
        line: 4,
        column: 'extraSections: '.length + 32,
      });
      const catalogue = compileInProject(REFERENCE, BASE_CONFIG, {
        'competencies.yaml': `Kliendikesksus: ${'{'.repeat(10_000)}\n`,
      });
      const c = only(catalogue, 'yaml-syntax');
      expect(c).toMatchObject({ file: 'competencies.yaml', line: 1, column: 'Kliendikesksus: '.length + 32 });
      expect(c.message).not.toMatch(/call stack/i);
    });
  });

  describe('aliases that expand past the limit (billion laughs)', () => {
    const BOMB = [
      'l0: &a [x, x, x, x, x, x, x, x, x]',
      'l1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'l2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'l3: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'l4: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');

    it('is reported at the alias where the limit is passed, in both languages', () => {
      const text = replace(REFERENCE, 'reportsTo: Tiimijuht', `reportsTo: Tiimijuht\n${BOMB}`);
      const et = compileRef(text);
      const d = only(et, 'yaml-syntax');
      // l3's first *c: each *c would copy 81 x's of l2 into a document already past the limit
      expect([d.line, d.column, d.severity]).toEqual([10, 9, 'error']);
      expect(text.split('\n')[9]!.slice(8)).toMatch(/^\*c,/);
      expect(d.message).toMatch(/^Viide „\*c“ laieneb üle piiri/);
      expect(d.message).toContain('100');
      expect(et.diagnostics.map((x) => x.rule)).not.toContain('invalid-type');
      expect(et.diagnostics.some((x) => /puudub|nothing/.test(x.message))).toBe(false);
      const en = only(compileRef(text, { lang: 'en' }), 'yaml-syntax');
      expect([en.line, en.column]).toEqual([d.line, d.column]);
      expect(en.message).toMatch(/^The alias "\*[abc]" expands past the limit/);
    });

    it('is reported in the config file and in the catalogue', () => {
      const config = only(compileInProject(REFERENCE, `${BASE_CONFIG}${BOMB}\n`), 'yaml-syntax');
      expect(config.file).toBe('ametijuhend.config.yaml');
      expect(config.line).toBeGreaterThan(4);
      expect(config.message).toContain('laieneb üle piiri');
      const catalogue = only(
        compileInProject(
          REFERENCE,
          BASE_CONFIG,
          { 'competencies.yaml': `${CATALOGUE}${BOMB}\n` },
          { lang: 'en' },
        ),
        'yaml-syntax',
      );
      expect(catalogue.file).toBe('competencies.yaml');
      expect(catalogue.message).toContain('expands past the limit');
    });

    it('allows a few aliases', () => {
      const text = replace(REFERENCE, 'substitutes: [Tiimijuht, koordinaator]', 'substitutes: *s').replace(
        'substitutedBy: [Tiimijuht, koordinaator]',
        'substitutedBy: &s [Tiimijuht, koordinaator]',
      );
      expect(ofRule(compileRef(text), 'yaml-syntax')).toEqual([]);
    });
  });

  it('reports a list or map used as a key, and nested ones in time', () => {
    const d = only(
      compileRef(replace(REFERENCE, 'reportsTo: Tiimijuht', '? [a, b]\n: x\nreportsTo: Tiimijuht')),
      'yaml-syntax',
    );
    expect([d.line, d.column]).toEqual([6, 3]);
    expect(d.message).toContain('võti peab olema tekst');
    // tab-indented lines that yaml's error recovery nests as keys, hundreds deep
    const tabbed = replace(
      REFERENCE,
      'unit:',
      `unit:\n${Array.from({ length: 300 }, () => '\t- x\n\tx:').join('\n')}`,
    );
    const r = compileRef(tabbed);
    expect(ofRule(r, 'yaml-syntax').length).toBeGreaterThan(0);
  });

  it('reports 55,000 broken lines in linear time, quoting the capped ones', () => {
    // each `aN: [x]]` line gives several errors; quoting the line used to split the whole YAML text
    // once per error (330,000 splits of 700 KB: minutes), before the cap of 50 could help
    const lines = Array.from({ length: 55_000 }, (_, i) => `a${i}: [x]]`);
    const text = replace(REFERENCE, 'title: Ekspert (psühhosotsiaalne kriisiabi)\n', `${lines.join('\n')}\n`);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    const list = ofRule(compileRef(text), 'yaml-syntax');
    expect(list).toHaveLength(51);
    expect(list[0]).toMatchObject({ line: 2, column: 8 });
    expect(list[0]!.message).toContain('„a0: [x]]“');
    expect(list[49]!.message).toMatch(/„a\d+: \[x\]\]“/);
    expect(list[50]!.omitted).toBeGreaterThan(100_000);
  }, 60_000);

  it('places 40,000 unclosed quotes in linear time', () => {
    // each error walked the whole document to find its opening quote: 10,000 lines took 40 s
    const lines = Array.from({ length: 40_000 }, (_, i) => `  - a${i}: "x`);
    const text = replace(REFERENCE, 'unit:\n', `unit:\n${lines.join('\n')}\n`);
    const list = ofRule(compileRef(text), 'yaml-syntax');
    expect(list).toHaveLength(51);
    expect(list[0]!.message).toContain('Jutumärk on avatud, aga sulgemata');
    expect(list[50]!.omitted).toBeGreaterThan(39_000);
  }, 60_000);

  it('stays silent for well-formed YAML', () => {
    expectClean(compileRef(REFERENCE));
  });
});
