import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

interface JsonRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

/** A docs repo with the reference, and broken copies of it. */
function repo(extra: Record<string, string> = {}): string {
  return tempTree({
    'ametijuhend.config.yaml': config,
    'competencies.yaml': catalogue,
    'ekspert.md': reference,
    ...extra,
  });
}

describe('ametijuhend check', () => {
  it('passes the examples with exit 0', () => {
    const r = cli(['check', EXAMPLES]);
    expect(r.stdout).toMatch(/2 faili kontrollitud, probleeme pole/);
    expect(r.code).toBe(0);
  });

  it('reports every problem in every file, sorted, as file:line:column: severity message [rule], exit 1', () => {
    const dir = repo({
      'b.md': reference.replace('level: C1', 'level: kõrgtase'),
      'a.md': reference.replace('reportsTo: Tiimijuht', 'reportTo: Tiimijuht'),
    });
    const r = cli(['check', '.', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));
    expect(
      lines.some((l) =>
        /^a\.md:6:1: error Unknown key "reportTo"\. Did you mean "reportsTo"\? \[unknown-key\]$/.test(l),
      ),
    ).toBe(true);
    expect(lines.some((l) => /^b\.md:14:14: error .*"kõrgtase".*C1.* \[language-level\]$/.test(l))).toBe(
      true,
    );
    expect(lines.every((l) => !l.startsWith('ekspert.md'))).toBe(true);
    // a blank line separates files; a closing count
    expect(r.stdout).toMatch(/\n\nb\.md:/);
    expect(r.stdout).toMatch(/✖ 2 problems \(2 errors, 0 warnings\) in 2 of 3 files\./);
  });

  it('json reporter: an array of {file, line, column, endLine, endColumn, severity, rule, message}', () => {
    const dir = repo({ 'x.md': reference.replace('level: B1', 'level: C3') });
    const r = cli(['check', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as JsonRow[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      file: 'x.md',
      line: 16,
      column: 14,
      endLine: 16,
      endColumn: 16,
      severity: 'error',
      rule: 'language-level',
      message: expect.stringContaining('„C3“'),
    });
    expect(rows[0]!.message).toMatch(/A1.*C2/);
  });

  it('github reporter: workflow commands with escaped properties', () => {
    const dir = repo({ 'sub dir/x,y.md': reference.replace('## Vastutus', '## Vastutuss') });
    const r = cli(['check', '--format', 'github', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=sub dir\/x%2Cy\.md,line=\d+,col=1,endLine=\d+,endColumn=\d+,title=unknown-section::Unknown section "Vastutuss"\. Did you mean "Vastutus"/m,
    );
  });

  it('--max-warnings turns too many warnings into exit 1; warnings alone exit 0', () => {
    const dir = repo({ 'w.md': reference.replace('Töötajal on õigus:', 'Töötajal on <b>õigus</b>:') });
    expect(cli(['check'], dir).code).toBe(0);
    const r = cli(['check', '--max-warnings', '0', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 warnings, at most 0 allowed/); // <b> and </b>
    expect(r.stdout).toMatch(/w\.md:\d+:\d+: warning .*\[raw-html\]/);
    expect(cli(['check', '--max-warnings', '1'], dir).code).toBe(1);
    expect(cli(['check', '--max-warnings', '2'], dir).code).toBe(0);
  });

  it('--quiet shows errors only and its summary says so, counting the warnings it left out', () => {
    // the config's unknown-reference switch removed: the reference's managers are warnings
    const warned = {
      'ametijuhend.config.yaml': config.replace(/^rules:\n {2}unknown-reference: off\n?/m, ''),
    };
    const dir = repo(warned);
    const all = JSON.parse(cli(['check', '--format', 'json'], dir).stdout) as JsonRow[];
    const warnings = all.filter((d) => d.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(1);
    expect(all.every((d) => d.severity === 'warning')).toBe(true);
    // warnings only: no "no problems", but no errors and how many warnings are not shown
    const et = cli(['check', '-q', '--lang', 'et'], dir);
    expect(et.code).toBe(0);
    expect(et.stdout).toBe(
      `✔ 1 fail kontrollitud, vigu pole. ${warnings} hoiatust jäeti näitamata (--quiet).\n`,
    );
    const en = cli(['check', '-q', '--lang', 'en'], dir);
    expect(en.stdout).toBe(`✔ 1 file checked, no errors. ${warnings} warnings not shown (--quiet).\n`);
    // with an error: the error, and a summary of errors (not "0 warnings")
    const both = repo({
      ...warned,
      'a.md': reference.replace('reportsTo: Tiimijuht', 'reportTo: Tiimijuht'),
    });
    const rows = JSON.parse(cli(['check', '--format', 'json'], both).stdout) as JsonRow[];
    const hidden = rows.filter((d) => d.severity === 'warning').length;
    const q = cli(['check', '-q', '--lang', 'en'], both);
    expect(q.code).toBe(1);
    expect(q.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l))).toEqual([
      'a.md:6:1: error Unknown key "reportTo". Did you mean "reportsTo"? [unknown-key]',
    ]);
    expect(q.stdout).toMatch(
      new RegExp(`\\n✖ 1 error in 1 of 2 files\\. ${hidden} warnings not shown \\(--quiet\\)\\.\\n$`),
    );
    const qet = cli(['check', '-q', '--lang', 'et'], both);
    expect(qet.stdout).toMatch(
      new RegExp(
        `\\n✖ 1 viga; vigadega faile 1, kontrollitud 2\\. ${hidden} hoiatust jäeti näitamata \\(--quiet\\)\\.\\n$`,
      ),
    );
    // nothing left out: nothing said of warnings
    expect(cli(['check', '-q', '--lang', 'en'], repo()).stdout).toBe('✔ 1 file checked, no errors.\n');
  });

  it('folders recurse, skipping README.md, node_modules, hidden folders and config default files', () => {
    const dir = repo({
      'README.md': '# not a description',
      'node_modules/pkg/x.md': 'junk',
      '.git/x.md': 'junk',
      'shared/oigused.md': '- õigus',
      'osakond/alam.md': reference,
    });
    writeConfigDefaults(dir);
    const r = cli(['check', '.', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
    // an explicit README is checked all the same
    expect(cli(['check', 'README.md'], dir).code).toBe(1);
  });

  it('globs select files', () => {
    const dir = repo({ 'osakond/bad.md': '', 'osakond/good.md': reference });
    const r = cli(['check', 'osakond/g*.md'], dir);
    expect(r.code).toBe(0);
    expect(cli(['check', 'osakond/*.md', '--format', 'json'], dir).stdout).toMatch(/empty-file/);
  });

  it('usage errors exit 2: unknown option, bad format, a path that does not exist, a glob that matches nothing', () => {
    const dir = repo();
    expect(cli(['check', '--nope'], dir).code).toBe(2);
    expect(cli(['check', '--format', 'xml'], dir).code).toBe(2);
    expect(cli(['check', '--max-warnings', 'many'], dir).code).toBe(2);
    const missing = cli(['check', 'missing.md'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.md/);
    expect(cli(['check', 'nothing/**/*.md'], dir).code).toBe(2);
    expect(cli(['frobnicate'], dir).code).toBe(2);
  });

  it('no input crashes it: invalid UTF-8, binary junk, an empty file, a list frontmatter', () => {
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    const dir = tempTree({
      'utf8.md': Buffer.concat([Buffer.from('---\ntitle: T'), Buffer.from([0xe4]), Buffer.from('\n---\n')]),
      'junk.md': junk,
      'empty.md': '',
      'list.md': '---\n- a\n---\n\n## Purpose\n\nx\n',
    });
    const r = cli(['check', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as JsonRow[];
    const byFile = (f: string): JsonRow[] => rows.filter((d) => d.file === f);
    expect(byFile('utf8.md')[0]).toMatchObject({ line: 2, column: 9, rule: 'encoding' });
    expect(byFile('junk.md')[0]).toMatchObject({ rule: 'encoding' });
    expect(byFile('empty.md')[0]).toMatchObject({ line: 1, column: 1, rule: 'empty-file' });
    expect(byFile('list.md')[0]).toMatchObject({ line: 1, rule: 'invalid-type' });
  });

  it('messages follow the document language unless --lang says otherwise', () => {
    const en = reference
      .replace('title: Ekspert', 'lang: en\ntitle: Ekspert')
      .replace('level: C1', 'level: C9');
    const dir = repo({ 'en.md': en });
    expect(cli(['check', '--format', 'json'], dir).stdout).toMatch(/not allowed/);
    expect(cli(['check', '--format', 'json', '--lang', 'et'], dir).stdout).toMatch(/ei ole lubatud/);
  });

  it('schema prints the JSON Schema; rules lists the rules', () => {
    const schema = cli(['schema']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      required: ['title', 'unit', 'reportsTo', 'requirements'],
    });
    expect(JSON.parse(cli(['schema', '--config']).stdout).title).toBe('AmetijuhendConfig');
    const rules = cli(['rules', '--lang', 'en']);
    expect(rules.stdout).toMatch(/^language-level\s+error\s+A language level must be/m);
  });
});

function writeConfigDefaults(dir: string): void {
  // declare shared/oigused.md as the default rights section: it is not a description
  const path = join(dir, 'ametijuhend.config.yaml');
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, `${text}defaults:\n  rights: shared/oigused.md\n`);
}
