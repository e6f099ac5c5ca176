/**
 * Terminal and CSV injection on the real CLI: titles, ids and keys holding ESC [ 31 m, BEL, NUL,
 * a C1 CSI, a right-to-left override reach every terminal output only as visible escapes, and CSV
 * cells a spreadsheet would run as formulas get a leading apostrophe. The bytes of stdout are
 * asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField } from '../src/project/status.js';
import { stylish } from '../src/report/stylish.js';
import { terminalSafe } from '../src/util/terminal.js';
import type { Diagnostic } from '../src/validate/diagnostic.js';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const TITLE = 'title: Ekspert (psühhosotsiaalne kriisiabi)';

/** Any raw C0 (but LF), DEL, C1 or bidi control character. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * a.md: a title with ESC [ 31 m, BEL, NUL, U+202E and a C1 CSI (YAML escapes write them: NUL would
 * make the file binary), a formula for an id, a key that clears the screen. b.md: cells that start
 * with + - @. Only the rules of this test are on.
 */
function repo(): string {
  const a = reference.replace(
    TITLE,
    () =>
      `title: "\\e[31mPunane\\a\\0\\u202Eevil\\x9b"\nid: "=HYPERLINK(\\"http://x\\",\\"y\\")"\n"\\e[2J": 1`,
  );
  const b = reference
    .replace(TITLE, 'title: "+1"\nversion: "-2"\nid: b')
    .replace('  - Arendustalitus', '  - "@SUM(A1)"');
  return tempTree({
    'ametijuhend.config.yaml':
      'organisation: Amet\ncompetencies: competencies.yaml\nrules:\n  unknown-reference: off\n',
    'competencies.yaml': catalogue,
    'a.md': a,
    'b.md': b,
  });
}

describe('terminal output shows control characters as escapes', () => {
  it('terminalSafe: C0, DEL, C1 and bidi controls escaped, the rest kept', () => {
    expect(terminalSafe('a\x1b[31mb\x07\x00\t\n\x7f\x85\u202e\u2066\u2069é„ü“😀')).toBe(
      'a\\x1b[31mb\\x07\\x00\\x09\\x0a\\x7f\\x85\\u202e\\u2066\\u2069é„ü“😀',
    );
    expect(terminalSafe('one\ntwo\r', '\n')).toBe('one\ntwo\\x0d');
    // the direction marks and the line and paragraph separators too
    expect(terminalSafe('a\u200eb\u200fc\u061cd\u2028e\u2029f\u200dg')).toBe(
      'a\\u200eb\\u200fc\\u061cd\\u2028e\\u2029f\u200dg',
    );
  });

  it('stylish: the key and the id in the messages', () => {
    const r = cli(['check', '.', '--lang', 'en'], repo());
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('a.md:4:1: error Unknown key "\\x1b[2J". Allowed keys here: ');
    expect(r.stdout).toContain('a.md:3:5: error "id" has the value "=HYPERLINK("http://x","y")", which');
  });

  it('github annotations: the runner escapes for % CR LF, visible escapes for the rest', () => {
    const r = cli(['check', '.', '--format', 'github', '--lang', 'en'], repo());
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain(
      '::error file=a.md,line=4,col=1,endLine=4,endColumn=8,title=unknown-key::Unknown key "\\x1b[2J". ',
    );
  });

  it('status table: the title escaped, the columns still aligned', () => {
    const r = cli(['status', '.', '--lang', 'en'], repo());
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    const lines = r.stdout.split('\n');
    const title = '\\x1b[31mPunane\\x07\\x00\\u202eevil\\x9b';
    expect(lines[2]).toBe(
      `=HYPERLINK("http://x","y")  ${title}  Ohvriabi ja ennetusteenuste osakond, Arendustalitus  —        —         —                2         0`,
    );
    expect(lines[3]!.indexOf('+1')).toBe(lines[2]!.indexOf(title));
  });

  it('status csv: formulas neutralised with an apostrophe, quoting kept, controls escaped', () => {
    const r = cli(['status', '.', '--format', 'csv'], repo());
    expect(r.stdout).toBe(
      [
        'file,id,title,unit,version,reviewed,reviewDue,errors,warnings',
        `a.md,"'=HYPERLINK(""http://x"",""y"")",\\x1b[31mPunane\\x07\\x00\\u202eevil\\x9b,"Ohvriabi ja ennetusteenuste osakond, Arendustalitus",,,,2,0`,
        `b.md,b,'+1,"Ohvriabi ja ennetusteenuste osakond, @SUM(A1)",'-2,,,0,0`,
        '',
      ].join('\r\n'),
    );
  });

  it('csvField: every formula lead (= + - @ tab CR) gets the apostrophe; CR and LF stay, quoted', () => {
    expect(['=1', '+1', '-1', '@A1', '\tx', '\rx'].map(csvField)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@A1",
      "'\\x09x",
      `"'\rx"`,
    ]);
    expect(csvField('a=1')).toBe('a=1');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('json, SARIF and JUnit stay well-formed: JSON escapes itself, XML has no illegal characters', () => {
    const dir = repo();
    const json = cli(['check', '.', '--format', 'json', '--lang', 'en'], dir);
    const rows = JSON.parse(json.stdout) as { message: string }[];
    expect(rows.some((d) => d.message.includes('Unknown key "\x1b[2J"'))).toBe(true);
    expect(json.stdout).toContain('Unknown key \\"\\u001b[2J\\"');

    const sarif = cli(['check', '.', '--format', 'sarif', '--lang', 'en'], dir);
    expect(JSON.parse(sarif.stdout)).toHaveProperty('version', '2.1.0');

    const junit = cli(['check', '.', '--format', 'junit', '--lang', 'en'], dir);
    // eslint-disable-next-line no-control-regex
    expect(junit.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(junit.stdout).toContain('Unknown key &quot;\uFFFD[2J&quot;');
  });
});

describe('stylish summary', () => {
  const problem = (file: string): Diagnostic => ({
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    severity: 'error',
    rule: 'yaml-syntax',
    message: 'x',
  });
  const diagnostics = ['a.md', 'ametijuhend.config.yaml', 'competencies.yaml'].map(problem);

  it('counts the checked files apart from the others (never "3 of 2 files")', () => {
    const input = { diagnostics, fileCount: 2, files: ['a.md', 'b.md'], color: false };
    const en = stylish({ ...input, lang: 'en' })
      .trimEnd()
      .split('\n')
      .at(-1);
    expect(en).toBe('✖ 3 problems (3 errors, 0 warnings) in 1 of 2 files, and in 2 other files.');
    const et = stylish({ ...input, lang: 'et' })
      .trimEnd()
      .split('\n')
      .at(-1);
    expect(et).toBe(
      '✖ 3 probleemi (3 viga, 0 hoiatust); probleemidega faile 1, kontrollitud 2; probleeme ka 2 muus failis.',
    );
  });

  it('says nothing of other files when all are checked ones, and caps the count without the list', () => {
    const en = stylish({
      diagnostics: diagnostics.slice(0, 1),
      fileCount: 2,
      files: ['a.md', 'b.md'],
      lang: 'en',
      color: false,
    });
    expect(en.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings) in 1 of 2 files.');
    const unknown = stylish({ diagnostics, fileCount: 2, lang: 'en', color: false });
    expect(unknown.trimEnd().split('\n').at(-1)).toBe(
      '✖ 3 problems (3 errors, 0 warnings) in 2 of 2 files, and in 1 other file.',
    );
  });
});
