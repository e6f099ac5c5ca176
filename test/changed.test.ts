import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, filterChanged } from '../src/project/changed.js';
import { ConfigLoader } from '../src/config/load.js';
import { discover } from '../src/project/discover.js';
import { CATALOGUE, REFERENCE, tempProject } from './helpers.js';
import { cli } from './cli.js';

const CONFIG =
  'organisation: Amet\ncompetencies: competencies.yaml\ndefaults:\n  tools: yld/toovahendid.md\n';

function repo(): string {
  const dir = tempProject({
    'a/ametijuhend.config.yaml': CONFIG,
    'a/competencies.yaml': CATALOGUE,
    'a/yld/toovahendid.md': 'Sülearvuti.\n',
    'a/yks.md': REFERENCE,
    'a/kaks.md': REFERENCE,
    'b/ametijuhend.config.yaml': 'organisation: Teine\ncompetencies: ../a/competencies.yaml\n',
    'b/kolm.md': REFERENCE,
    'c/neli.md': REFERENCE,
  });
  const g = (...args: string[]): void => {
    execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  };
  g('init', '-q');
  g('-c', 'user.name=t', '-c', 'user.email=t@e', 'add', '.');
  g('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'start');
  return dir;
}

/** The files a `check --format json` reported on (every description here has warnings). */
const checkedFiles = (json: string): string[] =>
  [...new Set((JSON.parse(json) as { file: string }[]).map((d) => d.file))].sort();

async function selected(dir: string): Promise<string[]> {
  const loader = new ConfigLoader({ cwd: dir });
  const files = await discover(['.'], loader, dir);
  return filterChanged(files, changedFiles('HEAD', dir), loader).map((f) => f.path.slice(dir.length + 1));
}

describe('--changed-since', () => {
  it('selects nothing when nothing changed', async () => {
    expect(await selected(repo())).toEqual([]);
  });

  it('selects an edited description and a new untracked one', async () => {
    const dir = repo();
    appendFileSync(join(dir, 'a/yks.md'), '\nUus lõik.\n');
    writeFileSync(join(dir, 'c/uus.md'), REFERENCE);
    expect(await selected(dir)).toEqual(['a/yks.md', 'c/uus.md']);
  });

  it('a changed catalogue affects every description whose config refers to it', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'a/competencies.yaml'), `${CATALOGUE}Uus:\n  - Näitaja.\n`);
    expect(await selected(dir)).toEqual(['a/kaks.md', 'a/yks.md', 'b/kolm.md']);
  });

  it('a changed default section or config affects the descriptions under that config only', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'a/yld/toovahendid.md'), 'Lauaarvuti.\n');
    expect(await selected(dir)).toEqual(['a/kaks.md', 'a/yks.md']);
    const dir2 = repo();
    writeFileSync(
      join(dir2, 'b/ametijuhend.config.yaml'),
      readFileSync(join(dir2, 'b/ametijuhend.config.yaml'), 'utf8') + 'lang: et\n',
    );
    expect(await selected(dir2)).toEqual(['b/kolm.md']);
  });

  it('an unknown ref or a folder outside git is a usage error', () => {
    const dir = repo();
    // in both languages, English first, as every usage error
    expect(() => changedFiles('no-such-ref', dir)).toThrow(
      `--changed-since: unknown git ref "no-such-ref" in ${dir}. Has it been fetched? A shallow clone ` +
        '(the default of actions/checkout) does not have it: set "fetch-depth: 0" on the checkout step ' +
        '(GIT_DEPTH: 0 in GitLab), or fetch the ref first: git fetch origin no-such-ref / ' +
        `--changed-since: hoidlas ${dir} pole viidet „no-such-ref“. Kas see on tõmmatud? Madal kloon ` +
        '(actions/checkout vaikimisi) seda ei sisalda: pane checkout-sammule „fetch-depth: 0“ ' +
        '(GitLabis GIT_DEPTH: 0) või tõmba viide enne: git fetch origin no-such-ref',
    );
    const outside = tempProject({ 'x.md': REFERENCE });
    expect(() => changedFiles('HEAD', outside)).toThrow(
      `--changed-since needs a git repository: ${outside} is not in one / --changed-since vajab git-hoidlat: ${outside} ei ole git-hoidlas`,
    );
  });

  it('finds the repository from the paths, not the working folder, and compares each repo in its own', () => {
    const dir = repo();
    const other = repo();
    appendFileSync(join(dir, 'a/yks.md'), '\nUus lõik.\n');
    appendFileSync(join(other, 'b/kolm.md'), '\nUus lõik.\n');
    const outside = tempProject({});
    const r = cli(
      ['check', join(dir, 'a'), join(other, 'b'), '--changed-since', 'HEAD', '--format', 'json'],
      outside,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // a/yks.md of the first repo and b/kolm.md of the second (each has warnings when it is checked),
    // not the two unchanged ones given with them (a/kaks.md, and neli.md is not under the paths)
    expect(checkedFiles(r.stdout)).toEqual([join(dir, 'a/yks.md'), join(other, 'b/kolm.md')].sort());
  });

  it('a ref a shallow clone lacks: exit 2 with what to do, and doing it makes the check work', () => {
    const origin = repo();
    const g = (cwd: string, ...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd, stdio: 'ignore' });
    };
    g(origin, 'branch', '-M', 'main');
    g(origin, 'checkout', '-qb', 'feature');
    appendFileSync(join(origin, 'a/yks.md'), '\nUus lõik.\n');
    g(origin, 'commit', '-qam', 'feature');
    // as actions/checkout does for a pull request: one commit of one ref
    const clone = tempProject({});
    g(clone, 'init', '-q');
    g(clone, 'remote', 'add', 'origin', `file://${origin}`);
    g(clone, 'fetch', '-q', '--depth=1', 'origin', '+refs/heads/feature:refs/remotes/origin/feature');
    g(clone, 'checkout', '-q', 'origin/feature');
    const first = cli(['check', '.', '--changed-since', 'origin/main'], clone);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('set "fetch-depth: 0" on the checkout step');
    const fetch = /or fetch the ref first: (git fetch origin \S+)/.exec(first.stderr)?.[1];
    expect(fetch).toBe('git fetch origin main');
    g(clone, ...fetch!.split(' ').slice(1), '-q');
    const second = cli(['check', '.', '--changed-since', 'origin/main', '--format', 'json'], clone);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(checkedFiles(second.stdout)).toEqual(['a/yks.md']);
  });
});
