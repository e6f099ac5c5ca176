import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, filterChanged } from '../src/project/changed.js';
import { ConfigLoader } from '../src/config/load.js';
import { discover } from '../src/project/discover.js';
import { CATALOGUE, REFERENCE, tempProject } from './helpers.js';

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
      '--changed-since: unknown git ref "no-such-ref" / --changed-since: tundmatu viide „no-such-ref“',
    );
    const outside = tempProject({ 'x.md': REFERENCE });
    expect(() => changedFiles('HEAD', outside)).toThrow(
      `--changed-since needs a git repository: ${outside} is not in one / --changed-since vajab git-hoidlat: ${outside} ei ole git-hoidlas`,
    );
  });
});
