import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFailed } from 'vitest';
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
    expect(rows[0]!.message).toBe(
      '"substitutedBy": no description has the title "koordinaator". If the post is described outside this repository, add its title to knownTitles in the config (ametijuhend.config.yaml).',
    );
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

/**
 * What a running `build --watch` printed on stderr, line by line, and a way to wait for its own
 * events: "Watching …" once the first build is done and the folders are watched, "Changed: …" when a
 * rebuild starts and "Rebuilt." when it is done. Waits are on those lines, never on time; a watcher
 * that exits makes every wait fail at once.
 */
function watchEvents(child: ChildProcessWithoutNullStreams) {
  const lines: string[] = [];
  let partial = '';
  let exited: string | undefined;
  const wake = new Set<() => void>();
  const notify = (): void => {
    for (const w of [...wake]) w();
  };
  child.stderr.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    notify();
  });
  child.on('exit', (code, signal) => {
    exited = `the watcher exited (${signal ?? code})`;
    notify();
  });
  /** Resolves when a line after the first `from` lines matches `pattern`; its index. */
  const lineAfter = (from: number, pattern: RegExp): Promise<number> =>
    new Promise((resolve, reject) => {
      const look = (): void => {
        const i = lines.findIndex((l, n) => n >= from && pattern.test(l));
        if (i !== -1 || exited) {
          wake.delete(look);
          if (i !== -1) resolve(i);
          else reject(new Error(`${exited}\n${lines.join('\n')}`));
        }
      };
      wake.add(look);
      look();
    });
  return {
    lines,
    ready: (): Promise<number> => lineAfter(0, /^(Watching|Jälgin)/),
    /**
     * Waits for rebuilds (after the lines seen so far) until `done` holds after one: a save that the
     * file system reports as two changes may take two rebuilds. Returns the lines of those rebuilds.
     */
    async rebuiltUntil(done: () => boolean): Promise<string[]> {
      const from = lines.length;
      let at = from;
      for (;;) {
        at = (await lineAfter(at, /^(Rebuilt|Koostatud uuesti)\.$/)) + 1;
        if (done()) return lines.slice(from, at);
      }
    },
  };
}

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
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const events = watchEvents(child);
    onTestFailed(() => {
      console.error(`build --watch printed:\n${events.lines.join('\n')}\n${stdout}`);
    });
    // saved as many editors save: written beside, then renamed over (Node 20's recursive fs.watch
    // on Linux lost a file after the first such save; the watcher watches each folder instead)
    let saves = 0;
    const save = (name: string, text: string): void => {
      const temp = join(dir, `${name}.${++saves}.swp`);
      writeFileSync(temp, text);
      renameSync(temp, join(dir, name));
    };
    const html = join(dir, 'out', 'ekspert-kriisiabi.html');
    const has = (file: string, text: string) => (): boolean =>
      existsSync(join(dir, 'out', file)) && readFileSync(join(dir, 'out', file), 'utf8').includes(text);
    try {
      await events.ready();
      expect(readFileSync(html, 'utf8')).toContain('Helen Raja');
      const before = statSync(join(dir, 'out', 'data-analyst.html')).mtimeMs;

      save('docs/ekspert-kriisiabi.md', reference.replace('Helen Raja', 'Kati Karu'));
      const first = await events.rebuiltUntil(has('ekspert-kriisiabi.html', 'Kati Karu'));
      expect(first).toContain('Muutus: docs/ekspert-kriisiabi.md');

      // an error does not stop it
      save('docs/ekspert-kriisiabi.md', reference.replace('level: C1', 'level: C9'));
      await events.rebuiltUntil(() => /C9/.test(stdout));
      expect(child.exitCode).toBeNull();

      save('docs/ekspert-kriisiabi.md', reference);
      await events.rebuiltUntil(has('ekspert-kriisiabi.html', 'Helen Raja'));
      expect(child.exitCode).toBeNull();
      // the other description was never rebuilt
      expect(statSync(join(dir, 'out', 'data-analyst.html')).mtimeMs).toBe(before);

      // a changed catalogue rebuilds every description that uses it
      save('competencies.yaml', catalogue.replace('Tunneb põhjalikult', 'Tunneb väga põhjalikult'));
      await events.rebuiltUntil(
        () =>
          has('ekspert-kriisiabi.html', 'Tunneb väga põhjalikult')() &&
          has('data-analyst.html', 'Tunneb väga põhjalikult')(),
      );
      expect(child.exitCode).toBeNull();

      // a description in a folder made while watching is built, and its later saves are seen
      mkdirSync(join(dir, 'docs', 'uus'));
      save('docs/uus/data-analyst-2.md', english.replace('id: data-analyst', 'id: data-analyst-2'));
      await events.rebuiltUntil(has('uus/data-analyst-2.html', 'Tunneb väga põhjalikult'));
      save(
        'docs/uus/data-analyst-2.md',
        english
          .replace('id: data-analyst', 'id: data-analyst-2')
          .replace('Head of Data Team', 'Head of Watching'),
      );
      await events.rebuiltUntil(has('uus/data-analyst-2.html', 'Head of Watching'));
    } finally {
      child.kill('SIGINT');
    }
  }, 180_000);
});
