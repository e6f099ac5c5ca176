import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const CONFIG = 'organisation: Sotsiaalkindlustusamet\nlang: et\ncompetencies: competencies.yaml\n';

function repo(files: Record<string, string>, config = CONFIG): string {
  return tempTree({ 'ametijuhend.config.yaml': config, 'competencies.yaml': catalogue, ...files });
}

interface Row {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}
const json = (stdout: string): Row[] => JSON.parse(stdout) as Row[];

describe('repository-wide rules in check', () => {
  it('duplicate ids are errors naming every file when a folder is checked', () => {
    const withId = reference.replace('title: Ekspert', 'id: ekspert\ntitle: Ekspert');
    const dir = repo({ 'a/yks.md': withId, 'b/kaks.md': withId, 'c/ekspert.md': reference });
    const r = cli(['check', '.', '--format', 'json', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const rows = json(r.stdout).filter((d) => d.rule === 'duplicate-id');
    expect(rows.map((d) => [d.file, d.line, d.severity])).toEqual([
      ['a/yks.md', 2, 'error'],
      ['b/kaks.md', 2, 'error'],
      ['c/ekspert.md', 1, 'error'],
    ]);
    expect(rows[0]!.message).toBe(
      'The id "ekspert" is also used by b/kaks.md, c/ekspert.md: give every description its own id.',
    );
    // one file alone has nothing to clash with
    expect(cli(['check', 'a/yks.md'], dir).code).toBe(0);
  });

  it('references to titles no description has are warnings; a matching title is fine', () => {
    const lead = reference
      .replace('title: Ekspert (psühhosotsiaalne kriisiabi)', 'title: Tiimijuht')
      .replace('reportsTo: Tiimijuht', 'reportsTo: Ekspert (psühhosotsiaalne kriisiabi)')
      .replace(
        'substitutedBy: [Tiimijuht, koordinaator]',
        'substitutedBy: Ekspert (psühhosotsiaalne kriisiabi)',
      )
      .replace('substitutes: [Tiimijuht, koordinaator]', 'substitutes: Ekspert (psühhosotsiaalne kriisiabi)');
    const dir = repo({ 'ekspert.md': reference, 'tiimijuht.md': lead });
    const r = cli(['check', '--format', 'json', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    const rows = json(r.stdout);
    expect(rows.map((d) => [d.file, d.rule, d.severity])).toEqual([
      ['ekspert.md', 'unknown-reference', 'warning'],
      ['ekspert.md', 'unknown-reference', 'warning'],
    ]);
    expect(rows[0]!.message).toBe('"substitutedBy": no description has the title "koordinaator".');
  });

  it('an overdue review fails CI with --max-warnings 0', () => {
    const old = reference.replace('title: Ekspert', 'reviewed: 2020-01-15\ntitle: Ekspert');
    const dir = repo(
      { 'ekspert.md': old },
      `${CONFIG}review:\n  months: 12\nrules:\n  unknown-reference: off\n`,
    );
    const r = cli(['check', '--max-warnings', '0', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^ekspert\.md:2:11: warning The description was due for review by 2021-01-15 \(last reviewed 2020-01-15, every 12 months\)\. \[review-overdue\]$/m,
    );
    expect(cli(['check'], dir).code).toBe(0);
    // status shows the due date and counts the warning
    const status = JSON.parse(cli(['status', '--format', 'json'], dir).stdout) as Record<string, unknown>[];
    expect(status[0]).toMatchObject({
      id: 'ekspert',
      reviewed: '2020-01-15',
      reviewDue: '2021-01-15',
      warnings: 1,
    });
  });
});

describe('check --changed-since', () => {
  it('checks only what changed since the ref, and what a changed catalogue affects', () => {
    const dir = repo({
      'yks.md': reference,
      'kaks.md': reference.replace('title: Ekspert', 'id: teine\ntitle: Ekspert'),
    });
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'start');
    writeFileSync(join(dir, 'yks.md'), reference.replace('level: C1', 'level: C9'));
    const r = cli(['check', '--changed-since', 'HEAD', '--format', 'junit'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/tests="1"/);
    expect(r.stdout).toMatch(/yks\.md/);
    expect(r.stdout).not.toMatch(/kaks\.md/);
    git('commit', '-qam', 'level');
    expect(cli(['check', '--changed-since', 'HEAD', '--format', 'json'], dir).stdout.trim()).toBe('[]');
    writeFileSync(join(dir, 'competencies.yaml'), `${catalogue}Uus:\n  - Näitaja.\n`);
    const both = cli(['check', '--changed-since', 'HEAD', '--format', 'junit'], dir);
    expect(both.stdout).toMatch(/tests="2"/);
    expect(cli(['check', '--changed-since', 'no-such-ref'], dir).code).toBe(2);
  });
});

describe('build --roster', () => {
  it('writes one document per row with that employee signing, reports bad rows by CSV line, builds the rest', () => {
    const dir = repo({ 'docs/ekspert-kriisiabi.md': reference, 'docs/data-analyst.md': english });
    writeFileSync(
      join(dir, 'roster.csv'),
      [
        'id;employee;employer;role',
        'ekspert-kriisiabi;Õnne-Liis Šõmer;Mari Maasikas;Ekspert',
        'ekspert-kriisiabi;Jaan Tamm;;',
        'eksperd-kriisiabi;Vale Rida;;',
        'data-analyst;;;',
        'data-analyst;Ann Smith;;',
      ].join('\n'),
    );
    const r = cli(
      ['build', 'docs', '--roster', 'roster.csv', '-o', 'out', '--format', 'pdf,html', '--lang', 'en'],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^roster\.csv:4:1: error There is no description with the id "eksperd-kriisiabi"; did you mean "ekspert-kriisiabi"\? \[roster\]$/m,
    );
    expect(r.stdout).toMatch(/^roster\.csv:5:1: error The column "employee" is empty\. \[roster\]$/m);
    for (const name of [
      'ekspert-kriisiabi-onne-liis-somer',
      'ekspert-kriisiabi-jaan-tamm',
      'data-analyst-ann-smith',
    ]) {
      expect(existsSync(join(dir, 'out', `${name}.pdf`))).toBe(true);
      expect(existsSync(join(dir, 'out', `${name}.html`))).toBe(true);
    }
    expect(existsSync(join(dir, 'out', 'ekspert-kriisiabi.pdf'))).toBe(false);
    const text = execFileSync('pdftotext', [join(dir, 'out', 'ekspert-kriisiabi-onne-liis-somer.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Tööandja .*Mari Maasikas/);
    expect(text).toMatch(/Töötaja .*Õnne-Liis Šõmer/);
    expect(text).not.toMatch(/Helen Raja/);
    const other = execFileSync('pdftotext', [join(dir, 'out', 'ekspert-kriisiabi-jaan-tamm.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(other.replace(/\s+/g, ' ')).toMatch(/Maret Maripuu.*Jaan Tamm|Jaan Tamm.*Maret Maripuu/);
  });

  it('a missing roster file is a usage error', () => {
    const dir = repo({ 'a.md': reference });
    expect(cli(['build', '--roster', 'none.csv'], dir).code).toBe(2);
  });
});

describe('build --watch', () => {
  it('rebuilds a changed description, and everything when the catalogue changes, and keeps running on errors', async () => {
    const dir = repo({ 'docs/ekspert-kriisiabi.md': reference, 'docs/data-analyst.md': english });
    const child = spawn(
      process.execPath,
      [BIN, 'build', 'docs', '-o', 'out', '--format', 'html', '--watch'],
      {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const until = async (test: () => boolean, what: string): Promise<void> => {
      // generous: the other test files may be running LibreOffice and PDFBox beside this one
      const end = Date.now() + 45_000;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const html = join(dir, 'out', 'ekspert-kriisiabi.html');
    try {
      await until(() => /Watching|Jälgin/.test(stderr), 'the first build');
      expect(readFileSync(html, 'utf8')).toContain('Helen Raja');
      writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), reference.replace('Helen Raja', 'Kati Karu'));
      await until(() => existsSync(html) && readFileSync(html, 'utf8').includes('Kati Karu'), 'the rebuild');
      // an error does not stop it
      writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), reference.replace('level: C1', 'level: C9'));
      await until(() => /C9/.test(stdout), 'the error report');
      const before = statSync(join(dir, 'out', 'data-analyst.html')).mtimeMs;
      writeFileSync(join(dir, 'docs/ekspert-kriisiabi.md'), reference);
      await until(() => readFileSync(html, 'utf8').includes('Helen Raja'), 'the fixed rebuild');
      expect(child.exitCode).toBeNull();
      expect(statSync(join(dir, 'out', 'data-analyst.html')).mtimeMs).toBe(before);
      // a changed catalogue rebuilds every description that uses it
      writeFileSync(
        join(dir, 'competencies.yaml'),
        catalogue.replace('Tunneb põhjalikult', 'Tunneb väga põhjalikult'),
      );
      const both = (): boolean =>
        ['ekspert-kriisiabi.html', 'data-analyst.html'].every((f) =>
          readFileSync(join(dir, 'out', f), 'utf8').includes('Tunneb väga põhjalikult'),
        );
      await until(both, 'the catalogue rebuild');
    } finally {
      child.kill('SIGINT');
    }
  }, 180_000);
});
