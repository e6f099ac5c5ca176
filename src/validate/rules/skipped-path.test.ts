import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigLoader } from '../../config/load.js';
import { discover } from '../../project/discover.js';
import type { Diagnostic } from '../diagnostic.js';
import { REFERENCE, tempProject } from '../../../test/helpers.js';

async function found(dir: string, paths: string[], lang?: 'en') {
  const skipped: Diagnostic[] = [];
  const files = await discover(paths, new ConfigLoader({ cwd: dir }), dir, {
    skipped,
    ...(lang ? { lang } : {}),
  });
  return { files: files.map((f) => relative(dir, f.path)), skipped };
}

describe('skipped-path', () => {
  it('does not follow a link out of the walked folder, in a walk or a glob, and says so', async () => {
    const outside = tempProject({ 'võõras.md': REFERENCE });
    const dir = tempProject({ 'docs/a.md': REFERENCE });
    symlinkSync(join(outside, 'võõras.md'), join(dir, 'docs/b.md'));
    symlinkSync(outside, join(dir, 'docs/väljas'));
    for (const paths of [['docs'], ['docs/**/*.md']]) {
      const r = await found(dir, paths, 'en');
      expect(r.files).toEqual(['docs/a.md']);
      expect(r.skipped.map((d) => [d.file, d.severity, d.rule, d.line, d.column])).toEqual([
        ['docs/b.md', 'warning', 'skipped-path', 1, 1],
        ['docs/väljas', 'warning', 'skipped-path', 1, 1],
      ]);
      expect(r.skipped[0]!.message).toBe(
        `The symbolic link points outside the repository (${join(outside, 'võõras.md')}): it is not read.`,
      );
    }
  });

  it('follows links inside the repository (a git work tree above the walked folder)', async () => {
    const dir = tempProject({ 'shared/yhine.md': REFERENCE, 'docs/a.md': REFERENCE });
    mkdirSync(join(dir, '.git'));
    symlinkSync('../shared/yhine.md', join(dir, 'docs/yhine.md'));
    const r = await found(dir, ['docs']);
    expect(r.files).toEqual(['docs/a.md', 'docs/yhine.md']);
    expect(r.skipped).toEqual([]);
  });

  it('reports a broken link and a named pipe called *.md, never opening the pipe', async () => {
    const dir = tempProject({ 'a.md': REFERENCE });
    symlinkSync('puudub.md', join(dir, 'katki.md'));
    execFileSync('mkfifo', [join(dir, 'toru.md')]);
    const r = await found(dir, ['.']);
    expect(r.files).toEqual(['a.md']);
    expect(r.skipped.map((d) => [d.file, d.message])).toEqual([
      ['katki.md', 'Sümbolviide ei vii ühegi failini (katkine või ringviide): see jäeti vahele.'],
      ['toru.md', 'See ei ole tavaline fail, vaid nimega toru (FIFO): see jäeti vahele.'],
    ]);
  });

  it('a glob matching only skipped links is not "no files match": the warning says why', async () => {
    const dir = tempProject({});
    symlinkSync('/etc/passwd', join(dir, 'p.md'));
    const r = await found(dir, ['*.md']);
    expect(r.files).toEqual([]);
    expect(r.skipped.map((d) => d.file)).toEqual(['p.md']);
  });
});
