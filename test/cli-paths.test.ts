/**
 * Which host files a run may read, and what it does with things that are not files: config paths
 * stay inside the repository, walks and globs do not follow links out of it (and say so), named
 * pipes, devices and folders are refused without blocking, and an impossible out-dir is a usage
 * error. Every hostile input is made here, in a temporary folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allText, BIN, cliUnblocked, EXAMPLES, printed, tempTree, type Run } from './cli.js';
import { dropSection } from './helpers.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const CONFIG = 'organisation: Sotsiaalkindlustusamet\nlang: et\ncompetencies: competencies.yaml\n';

/** The reference without its "Töövahendid" section, so a configured default fills it. */
const withoutTools = dropSection(reference, 'Töövahendid');

/** A host file's first line: it must never appear in anything a run prints or writes. */
const PASSWD = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = tempTree({ 'competencies.yaml': catalogue, ...files });
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) {
    spawnSync('chmod', ['-R', 'u+rwx', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

const run = cliUnblocked;

const isRoot = process.getuid?.() === 0;
/** Root reads any folder; without the two DAC capabilities it is refused like any user. */
const setpriv = spawnSync('setpriv', ['--version']).status === 0;
const runUnprivileged = (args: string[], cwd: string): Run => {
  if (!isRoot) return run(args, cwd);
  const r = spawnSync(
    'setpriv',
    ['--bounding-set=-dac_override,-dac_read_search', process.execPath, BIN, ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
  );
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

interface JsonRow {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}
const json = (r: Run): JsonRow[] => JSON.parse(r.stdout) as JsonRow[];

describe('config paths stay inside the repository', () => {
  it('an in-repo default section fills the document (the control for the refusals below)', () => {
    const dir = project({
      'ametijuhend.config.yaml': `${CONFIG}defaults:\n  tools: shared/tools.md\n`,
      'shared/tools.md': '- Laptop-MARKER-4711\n',
      'ekspert.md': withoutTools,
    });
    const r = run(['build', '.', '--format', 'html'], dir);
    expect(r.code, printed(r)).toBe(0);
    expect(allText(join(dir, 'dist'))).toContain('Laptop-MARKER-4711');
  });

  it('defaults: {tools: /etc/passwd} is an error at the value, naming the key; nothing is built', () => {
    const dir = project({
      'ametijuhend.config.yaml': `${CONFIG}defaults:\n  tools: /etc/passwd\n`,
      'ekspert.md': withoutTools,
    });
    const check = run(['check', '.'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      'ametijuhend.config.yaml:5:10: viga Võti „defaults.tools“: tee „/etc/passwd“ on absoluutne',
    );
    expect(check.stdout).toContain('[config-file]');
    const build = run(['build', '.', '--format', 'html,pdf,docx'], dir);
    expect(build.code).toBe(1);
    expect(printed(check) + printed(build)).not.toContain(PASSWD);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('competencies: ../../../../etc/shadow is outside the repository, and none of its lines is echoed', () => {
    const dir = project({
      'ametijuhend.config.yaml': 'organisation: X\ncompetencies: ../../../../etc/shadow\n',
      'ekspert.md': reference,
    });
    const check = run(['check', '.', '--lang', 'en', '--format', 'json'], dir);
    expect(check.code).toBe(1);
    const rows = json(check).filter((d) => d.rule === 'config-file');
    expect(rows).toEqual([
      expect.objectContaining({
        file: 'ametijuhend.config.yaml',
        line: 2,
        column: 15,
        severity: 'error',
        message: expect.stringMatching(
          /^The key "competencies" refers to "\.\.\/\.\.\/\.\.\/\.\.\/etc\/shadow", outside the repository/,
        ) as unknown,
      }),
    ]);
    expect(check.stdout).not.toMatch(/root:[^"]*:\d/);
    const build = run(['build', '.'], dir);
    expect(build.code).toBe(1);
    expect(printed(build)).not.toMatch(/root:[^"]*:\d/);
  });

  it('an in-repo symbolic link to /etc/passwd is refused too (real paths are compared)', () => {
    const dir = project({
      'ametijuhend.config.yaml': `${CONFIG}defaults:\n  tools: shared/tools.md\n`,
      'ekspert.md': withoutTools,
    });
    mkdirSync(join(dir, 'shared'));
    symlinkSync('/etc/passwd', join(dir, 'shared/tools.md'));
    const check = run(['check', '.', '--lang', 'en'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /ametijuhend\.config\.yaml:5:10: error The key "defaults\.tools" refers to "shared\/tools\.md", outside the repository/,
    );
    const build = run(['build', '.', '--format', 'html'], dir);
    expect(build.code).toBe(1);
    expect(printed(check) + printed(build) + allText(join(dir, 'dist'))).not.toContain(PASSWD);
  });

  it('the repository is the git work tree above the config: ".." to a sibling folder is fine there, not without git', () => {
    const files = {
      'docs/ametijuhend.config.yaml': 'organisation: X\ncompetencies: ../shared/competencies.yaml\n',
      'shared/competencies.yaml': catalogue,
      'docs/ekspert.md': reference,
    };
    const plain = project(files);
    const outside = run(['check', 'docs', '--format', 'json'], plain);
    expect(json(outside).map((d) => d.rule)).toContain('config-file');
    const repo = project(files);
    mkdirSync(join(repo, '.git'));
    const inside = run(['check', 'docs', '--format', 'json'], repo);
    expect(json(inside).filter((d) => d.rule === 'config-file')).toEqual([]);
    expect(inside.code).toBe(0);
  });
});

describe('walks and globs do not follow links out of the repository', () => {
  it('a .md link to /etc/passwd found by a folder walk or a glob is skipped and reported', () => {
    const dir = project({ 'ametijuhend.config.yaml': CONFIG, 'ekspert.md': reference });
    symlinkSync('/etc/passwd', join(dir, 'paroolid.md'));
    for (const target of ['.', '*.md']) {
      const check = run(['check', target], dir);
      expect(check.code, printed(check)).toBe(0);
      expect(check.stdout).toContain(
        'paroolid.md:1:1: hoiatus Sümbolviide viitab hoidlast välja (/etc/passwd): seda ei loeta. [skipped-path]',
      );
      const rows = json(run(['check', target, '--format', 'json', '--lang', 'en'], dir));
      expect(rows.filter((d) => d.rule === 'skipped-path')).toEqual([
        expect.objectContaining({ file: 'paroolid.md', severity: 'warning' }),
      ]);
      expect(rows.find((d) => d.rule === 'skipped-path')!.message).toBe(
        'The symbolic link points outside the repository (/etc/passwd): it is not read.',
      );
      expect(check.stdout).not.toContain(PASSWD);
    }
    const build = run(['build', '.', '--format', 'html'], dir);
    expect(build.code, printed(build)).toBe(0);
    expect(build.stdout).toContain('[skipped-path]');
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['ekspert.html']);
    expect(allText(join(dir, 'dist'))).not.toContain(PASSWD);
  });

  it('links inside the tree are followed, each real file read once; link loops end', () => {
    const dir = project({ 'ametijuhend.config.yaml': CONFIG, 'a/ekspert.md': reference });
    symlinkSync('ekspert.md', join(dir, 'a/sama.md')); // the same file again
    symlinkSync('..', join(dir, 'a/ules')); // a folder loop
    symlinkSync('ring.md', join(dir, 'a/ring.md')); // a link to itself
    for (const target of ['.', '**/*.md']) {
      const r = run(['check', target, '--format', 'json'], dir);
      const rows = json(r);
      // one description: the duplicate-id rule would fire for a second copy
      expect(rows.filter((d) => d.rule === 'duplicate-id')).toEqual([]);
      expect(rows.filter((d) => d.rule === 'skipped-path')).toEqual([
        expect.objectContaining({
          file: 'a/ring.md',
          message: expect.stringMatching(/ringviide/) as unknown,
        }),
      ]);
    }
    const stylish = run(['check', '.'], dir);
    // the skipped link is a file with a problem, not a checked one
    expect(stylish.stdout).toMatch(/probleemidega faile 1, kontrollitud 1; probleeme ka 1 muus failis\./);
  });

  it('an unreadable subfolder is reported, its siblings still checked', () => {
    if (isRoot && !setpriv) return; // root reads any folder; without setpriv it cannot give that up
    const dir = project({ 'ametijuhend.config.yaml': CONFIG, 'ekspert.md': reference, 'lukus/x.md': 'x' });
    chmodSync(join(dir, 'lukus'), 0o000);
    const r = runUnprivileged(['check', '.', '--lang', 'en'], dir);
    chmodSync(join(dir, 'lukus'), 0o755);
    expect(r.stdout).toContain(
      'lukus:1:1: warning The folder cannot be read (permission denied): its files were not checked. [skipped-path]',
    );
    expect(r.stdout).toContain('ekspert.md:6:12: warning'); // the sibling was checked
    expect(r.code).toBe(0);
  });
});

describe('special files are refused without blocking', () => {
  const mkfifo = (path: string): void => {
    execFileSync('mkfifo', [path]);
  };

  it('a named pipe as a description: named, it is an error; in a folder, skipped and reported', () => {
    const dir = project({ 'ametijuhend.config.yaml': CONFIG, 'ekspert.md': reference });
    mkfifo(join(dir, 'toru.md'));
    const named = run(['check', 'toru.md'], dir);
    expect(named.code).toBe(1);
    expect(named.stdout).toContain(
      'toru.md:1:1: viga See ei ole tavaline fail, vaid nimega toru (FIFO): seda ei loeta. [unreadable-file]',
    );
    const build = run(['build', 'toru.md', '--lang', 'en'], dir);
    expect(build.code).toBe(1);
    expect(build.stdout).toContain('This is not a regular file but a named pipe (FIFO): it is not read.');
    const walked = run(['check', '.', '--format', 'json'], dir);
    expect(walked.code).toBe(0);
    expect(json(walked).filter((d) => d.rule === 'skipped-path')).toEqual([
      expect.objectContaining({ file: 'toru.md', severity: 'warning' }),
    ]);
  });

  it('a named pipe or a folder as catalogue or default section: an error at the config value', () => {
    const dir = project({
      'ametijuhend.config.yaml':
        'organisation: X\ncompetencies: toru.yaml\ndefaults:\n  tools: vahendid\n  rights: toru.md\n',
      'ekspert.md': withoutTools,
    });
    mkfifo(join(dir, 'toru.yaml'));
    mkfifo(join(dir, 'toru.md'));
    mkdirSync(join(dir, 'vahendid'));
    const r = run(['check', 'ekspert.md', '--format', 'json', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const rows = json(r).filter((d) => d.rule === 'unreadable-file');
    expect(rows.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      [
        'ametijuhend.config.yaml',
        2,
        15,
        '"toru.yaml" is not a regular file but a named pipe (FIFO): it is not read.',
      ],
      ['ametijuhend.config.yaml', 4, 10, '"vahendid" is not a regular file but a folder: it is not read.'],
      [
        'ametijuhend.config.yaml',
        5,
        11,
        '"toru.md" is not a regular file but a named pipe (FIFO): it is not read.',
      ],
    ]);
    const build = run(['build', 'ekspert.md'], dir);
    expect(build.code).toBe(1);
    expect(build.stdout).toContain('„vahendid“ ei ole tavaline fail, vaid kaust');
    expect(printed(build)).not.toMatch(/EISDIR|at .*\.js:\d+/);
  });

  it('/dev/zero named as an input, or reached through an in-repo link as catalogue or default', () => {
    const dir = project({
      'ametijuhend.config.yaml': 'organisation: X\ncompetencies: null.yaml\ndefaults:\n  tools: null.md\n',
      'ekspert.md': withoutTools,
    });
    symlinkSync('/dev/zero', join(dir, 'null.yaml'));
    symlinkSync('/dev/zero', join(dir, 'null.md'));
    const named = run(['check', '/dev/zero', '--lang', 'en'], dir);
    expect(named.code).toBe(1);
    expect(named.stdout).toContain(
      '/dev/zero:1:1: error This is not a regular file but a device: it is not read. [unreadable-file]',
    );
    const build = run(['build', '/dev/zero'], dir);
    expect(build.code).toBe(1);
    const viaConfig = json(run(['check', 'ekspert.md', '--format', 'json'], dir)).filter(
      (d) => d.rule === 'config-file',
    );
    expect(viaConfig.map((d) => [d.line, d.column])).toEqual([
      [2, 15],
      [4, 10],
    ]);
    expect(viaConfig[0]!.message).toMatch(/väljaspool hoidlat/);
  });

  it('a named pipe as the roster is a usage error, not a hang', () => {
    const dir = project({ 'ametijuhend.config.yaml': CONFIG, 'ekspert.md': reference });
    mkfifo(join(dir, 'nimekiri.csv'));
    const r = run(['build', '.', '--roster', 'nimekiri.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'cannot read the roster nimekiri.csv: it is not a regular file but a named pipe (FIFO) / nimekirja ei saa lugeda',
    );
  });
});

describe('an impossible output folder is a usage error at once', () => {
  it('under /proc (where a recursive mkdir never returns), a file, or below a file', () => {
    const dir = project({ 'ametijuhend.config.yaml': CONFIG, 'ekspert.md': reference });
    const proc = run(['build', '.', '--out-dir', '/proc/ametijuhend-valjund'], dir);
    expect(proc.code).toBe(2);
    expect(proc.stderr).toContain(
      'the output folder /proc/ametijuhend-valjund is inside /proc, a system folder',
    );
    const roster = run(['build', '.', '--roster', 'x.csv', '--out-dir', '/proc/self/x'], dir);
    expect(roster.code).toBe(2);
    expect(roster.stderr).toContain('süsteemikaustas');
    const file = run(['build', '.', '--out-dir', 'ekspert.md'], dir);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(
      'the output folder ekspert.md is a file, not a folder / väljundkaust ekspert.md on fail, mitte kaust',
    );
    const below = run(['build', '.', '--out-dir', 'ekspert.md/pdf'], dir);
    expect(below.code).toBe(2);
    expect(below.stderr).toContain('a part of its path is a file');
    expect(readFileSync(join(dir, 'ekspert.md'), 'utf8')).toBe(reference);
  });
});
