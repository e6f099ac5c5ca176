/**
 * `ametijuhend diff` as a user runs it: two files or a file against a git ref, each format, and the
 * exit status of diff(1) (0 no changes, 1 changes, 2 a usage error or a file with errors).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runChangesSince } from '../src/cli/commands/diff.js';
import { cli, printed, tempTree } from './cli.js';
import { CATALOGUE, REFERENCE, replace } from './helpers.js';

const CONFIG =
  'organisation: Sotsiaalkindlustusamet\nlang: et\ncompetencies: competencies.yaml\nrules:\n  unknown-reference: off\n';
const CHANGED = replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: Osakonnajuhataja');

function project(files: Record<string, string> = {}): string {
  return tempTree({
    'ametijuhend.config.yaml': CONFIG,
    'competencies.yaml': CATALOGUE,
    'vana.md': REFERENCE,
    'uus.md': CHANGED,
    ...files,
  });
}

function git(dir: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
}

describe('diff OLD NEW', () => {
  it('prints the changes in the document’s language and exits 1', () => {
    const dir = project();
    const r = cli(['diff', 'vana.md', 'uus.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Muudatused võrreldes versiooniga vana.md\n');
    expect(r.stdout).toContain('Vahetu juht\n  muudetud: Tiimijuht → Osakonnajuhataja\n');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('exits 0 with "no changes" for a version that differs in layout only', () => {
    const dir = project({ 'kopia.md': REFERENCE.replace(/\n/g, '\r\n') });
    const r = cli(['diff', 'vana.md', 'kopia.md'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Muudatusi ei ole.');
  });

  it('--lang en gives the report in English', () => {
    const r = cli(['diff', 'vana.md', 'uus.md', '--lang', 'en'], project());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Changes since version vana.md\n');
    expect(r.stdout).toContain('Reports to\n  changed: Tiimijuht → Osakonnajuhataja\n');
  });

  it('--format json prints the documented shape; html a page; pdf to a file with -o', () => {
    const dir = project();
    const json = cli(['diff', 'vana.md', 'uus.md', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { format: string; status: string; parts: { part: string }[] };
    expect(parsed.format).toBe('ametijuhend-changes');
    expect(parsed.status).toBe('changed');
    expect(parsed.parts.map((p) => p.part)).toEqual(['reportsTo']);

    const html = cli(['diff', 'vana.md', 'uus.md', '--format', 'html', '-o', 'muudatused.html'], dir);
    expect(html.code).toBe(1);
    expect(html.stdout).toBe('');
    expect(readFileSync(join(dir, 'muudatused.html'), 'utf8')).toContain('<ins>Osakonnajuhataja</ins>');

    const pdf = cli(['diff', 'vana.md', 'uus.md', '--format', 'pdf', '-o', 'muudatused.pdf'], dir);
    expect(pdf.code).toBe(1);
    expect(readFileSync(join(dir, 'muudatused.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('exits 2 for a wrong number of files, an unknown format, -o naming an input, a file with errors', () => {
    const dir = project({ 'vigane.md': replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: [') });
    const one = cli(['diff', 'vana.md'], dir);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('diff takes two files (OLD NEW), or one file with --since REF');
    expect(cli(['diff', 'vana.md', 'uus.md', 'vana.md'], dir).code).toBe(2);
    expect(cli(['diff', 'vana.md', 'uus.md', '--format', 'docx'], dir).code).toBe(2);
    const over = cli(['diff', 'vana.md', 'uus.md', '-o', 'uus.md'], dir);
    expect(over.code).toBe(2);
    expect(readFileSync(join(dir, 'uus.md'), 'utf8')).toBe(CHANGED);
    const bad = cli(['diff', 'vana.md', 'vigane.md', '--lang', 'en'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    // its diagnostics, then why there is no report
    expect(bad.stderr).toMatch(/vigane\.md/);
    expect(bad.stderr).toMatch(/error/);
    expect(bad.stderr).toContain('the description has errors, so there is no change report');
    expect(cli(['diff', 'vana.md', 'puudub.md'], dir).code).toBe(2);
  });

  it('lists diff in the help', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/diff \[options\] <paths\.\.\.>/);
  });
});

describe('diff FILE --since REF', () => {
  function repo(): string {
    const dir = project({ 'alam/LOEMIND.txt': 'a sub-folder\n' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'first');
    return dir;
  }

  it('compares the file with its committed version and exits 1, 0 when only the layout changed', () => {
    const dir = repo();
    expect(cli(['diff', 'vana.md', '--since', 'main'], dir).code).toBe(0);
    writeFileSync(
      join(dir, 'vana.md'),
      replace(REFERENCE, '  employer: Maret Maripuu', '  employer: Mari Maasikas'),
    );
    const r = cli(['diff', 'vana.md', '--since', 'main'], dir);
    expect(printed(r)).toContain('Muudatused võrreldes versiooniga main\n');
    // the ref with its commit (short hash, committer date UTC): in text and json
    const head = spawnSync('git', ['show', '-s', '--format=%H %ct', 'main'], { cwd: dir, encoding: 'utf8' })
      .stdout.trim()
      .split(' ');
    const day = new Date(Number(head[1]) * 1000).toISOString().slice(0, 10);
    expect(r.stdout).toContain(`Varasem versioon: main (${head[0]!.slice(0, 7)}, ${day}) · `);
    const json = JSON.parse(cli(['diff', 'vana.md', '--since', 'main', '--format', 'json'], dir).stdout) as {
      old: Record<string, string>;
    };
    expect(json.old).toMatchObject({ ref: 'main', label: 'main', commit: head[0], commitDate: day });
    expect(r.stdout).toContain('Tööandja\n  muudetud: Maret Maripuu → Mari Maasikas\n');
    expect(r.code).toBe(1);
    // from a sub-folder, by a path relative to it
    git(dir, 'commit', '-q', '-am', 'second');
    writeFileSync(join(dir, 'vana.md'), REFERENCE.replace(/\n/g, '\r\n'));
    const back = cli(['diff', '../vana.md', '--since', 'HEAD~1', '--format', 'json'], join(dir, 'alam'));
    expect(back.code).toBe(0);
    expect((JSON.parse(back.stdout) as { status: string }).status).toBe('unchanged');
  });

  it('compiles the old version with its config as it was at the ref: a catalogue change shows', () => {
    const dir = repo();
    writeFileSync(
      join(dir, 'competencies.yaml'),
      replace(
        CATALOGUE,
        '  - Püüdleb oma töös kõrge kvaliteedi ning kliendirahulolu tagamise poole.',
        '  - Püüdleb oma töös kõrge kvaliteedi ja kliendirahulolu poole.',
      ),
    );
    const r = cli(['diff', 'vana.md', '--since', 'main'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Tööks vajalikud kompetentsid\n  muudetud kompetents Kliendikesksus\n');
    expect(r.stdout).toContain(
      '    muudetud indikaator:\n      oli: Püüdleb oma töös kõrge kvaliteedi ning kliendirahulolu tagamise poole.\n',
    );
    // a config at the ref that named a catalogue git does not have: the old version's error, named by the ref
    const other = project({
      'ametijuhend.config.yaml': `${CONFIG}`.replace('competencies.yaml', 'puudub.yaml'),
    });
    git(other, 'init', '-q', '-b', 'main');
    git(other, 'add', '.');
    git(other, 'commit', '-q', '-m', 'first');
    writeFileSync(join(other, 'ametijuhend.config.yaml'), CONFIG);
    const broken = cli(['diff', 'vana.md', '--since', 'main', '--lang', 'en'], other);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('main:ametijuhend.config.yaml');
    expect(broken.stderr).toContain('its version at main has errors');
  });

  it('says a file that did not exist at the ref is new (exit 1)', () => {
    const dir = repo();
    writeFileSync(join(dir, 'lisatud.md'), CHANGED);
    const r = cli(['diff', 'lisatud.md', '--since', 'main'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Ametijuhend on uus: varasemat versiooni ei ole.');
  });

  it('exits 2 for an unknown ref, a ref that is an option, a file outside git, a broken old version', () => {
    const dir = repo();
    const unknown = cli(['diff', 'vana.md', '--since', 'no-such-branch'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no ref "no-such-branch"');
    expect(cli(['diff', 'vana.md', '--since', '--output=x'], dir).code).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    const outside = project();
    const notGit = cli(['diff', 'vana.md', '--since', 'main'], outside);
    expect(notGit.code).toBe(2);
    expect(notGit.stderr).toContain('--since needs a git repository');
    // the committed version has an error: named, with its ref
    writeFileSync(join(dir, 'vigane.md'), replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: ['));
    git(dir, 'add', 'vigane.md');
    git(dir, 'commit', '-q', '-m', 'broken');
    writeFileSync(join(dir, 'vigane.md'), REFERENCE);
    const broken = cli(['diff', 'vigane.md', '--since', 'HEAD', '--lang', 'en'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('its version at HEAD has errors, so there is no change report');
  });
});

describe('build --changes-since (runChangesSince, for the build command to call)', () => {
  it('writes the reports, says what it wrote and sums up; 1 when a description could not be compared', async () => {
    const dir = project();
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'first');
    writeFileSync(join(dir, 'vana.md'), CHANGED);
    const said: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      said.push(String(chunk));
      return true;
    });
    try {
      const code = await runChangesSince(['.'], { since: 'main', outDir: 'dist', lang: 'en', cwd: dir });
      expect(code).toBe(0);
      expect(said.join('')).toBe(
        `wrote ${join('dist', 'vana.muudatused.pdf')}\n1 change report written, 1 description unchanged\n`,
      );
      expect(existsSync(join(dir, 'dist', 'vana.muudatused.pdf'))).toBe(true);
      said.length = 0;
      writeFileSync(join(dir, 'uus.md'), replace(REFERENCE, 'reportsTo: Tiimijuht', 'reportsTo: ['));
      expect(
        await runChangesSince(['.'], { since: 'main', outDir: 'dist', lang: 'en', cwd: dir, quiet: true }),
      ).toBe(1);
      expect(said.join('')).toContain('uus.md: the description has errors, so there is no change report');
      said.length = 0;
      expect(await runChangesSince(['.'], { since: 'nope', outDir: 'dist', lang: 'en', cwd: dir })).toBe(2);
      expect(said.join('')).toContain('no ref "nope"');
    } finally {
      spy.mockRestore();
    }
  });
});
