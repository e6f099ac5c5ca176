/**
 * The language server's model of the workspace (src/lsp/workspace.ts): check's diagnostics per open
 * document, the repository rules per workspace folder with the editor's text in place of the file.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../src/project/check.js';
import { Workspace } from '../src/lsp/workspace.js';
import { EXAMPLES } from './helpers.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}
const codes = (list: { rule: string }[] | undefined) => (list ?? []).map((d) => d.rule);

describe('lsp workspace', () => {
  it("gives check's diagnostics for an open file, its text in place of the file's", async () => {
    const dir = folder();
    const path = join(dir, 'ekspert-kriisiabi.md');
    const text = readFileSync(path, 'utf8').replace('reportsTo:', 'reportTo:');
    const w = new Workspace([dir]);
    await w.discoverAll();
    w.open.set('a', { path, version: 1, text });
    const got = w.diagnostics().get('a')!;
    writeFileSync(path, text);
    const want = (await checkPaths(['.'], { cwd: dir })).diagnostics.filter(
      (d) => d.file === 'ekspert-kriisiabi.md',
    );
    expect(got.diagnostics).toEqual(want);
    expect(codes(got.diagnostics)).toContain('unknown-key');
  });

  it('runs the repository rules per folder: a duplicate id in another folder is not one', async () => {
    const a = folder();
    const b = folder();
    const w = new Workspace([a, b]);
    await w.discoverAll();
    const text = readFileSync(join(a, 'data-analyst.md'), 'utf8').replace(
      'id: data-analyst',
      'id: ekspert-kriisiabi',
    );
    w.open.set('a', { path: join(a, 'data-analyst.md'), version: 1, text });
    w.open.set('b', {
      path: join(b, 'ekspert-kriisiabi.md'),
      version: 1,
      text: readFileSync(join(b, 'ekspert-kriisiabi.md'), 'utf8'),
    });
    const all = w.diagnostics();
    expect(codes(all.get('a')?.diagnostics)).toContain('duplicate-id');
    expect(codes(all.get('b')?.diagnostics)).not.toContain('duplicate-id');
    // the other file of folder a, on disk, clashes with the open text: reported at the open one only
    // (until it is opened too)
    w.open.set('c', {
      path: join(a, 'ekspert-kriisiabi.md'),
      version: 1,
      text: readFileSync(join(a, 'ekspert-kriisiabi.md'), 'utf8'),
    });
    expect(codes(w.diagnostics().get('c')?.diagnostics)).toContain('duplicate-id');
    // a file changed on disk is read again once said to have changed
    writeFileSync(join(b, 'data-analyst.md'), text);
    await w.changed([join(b, 'data-analyst.md')]);
    expect(codes(w.diagnostics().get('b')?.diagnostics)).toContain('duplicate-id');
  });

  it('a README or a file outside the folders: no repository rules, and a non-description gets nothing', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'README.md'), '# Readme\n');
    const w = new Workspace([dir]);
    await w.discoverAll();
    w.open.set('r', { path: join(dir, 'README.md'), version: 1, text: '# Readme\n' });
    expect(w.diagnostics().get('r')?.diagnostics).toEqual([]);
    const outside = folder();
    w.open.set('o', {
      path: join(outside, 'data-analyst.md'),
      version: 1,
      text: readFileSync(join(outside, 'data-analyst.md'), 'utf8'),
    });
    expect(
      w
        .diagnostics()
        .get('o')
        ?.diagnostics.every((d) => d.rule !== 'duplicate-id'),
    ).toBe(true);
  });

  it('outside every folder (or with none): only what check would take as a description is checked', async () => {
    const loose = folder();
    const broken = readFileSync(join(loose, 'ekspert-kriisiabi.md'), 'utf8').replace(
      'reportsTo:',
      'reportTo:',
    );
    writeFileSync(
      join(loose, 'ametijuhend.config.yaml'),
      `ignore: ["drafts/**"]\n${readFileSync(join(loose, 'ametijuhend.config.yaml'), 'utf8')}`,
    );
    mkdirSync(join(loose, 'drafts'));
    mkdirSync(join(loose, 'node_modules', 'x'), { recursive: true });
    for (const folders of [[folder()], []]) {
      const w = new Workspace(folders);
      await w.discoverAll();
      const open = (uri: string, path: string, text = broken): void => {
        w.open.set(uri, { path: join(loose, path), version: 1, text });
      };
      open('readme', 'README.md', `# Readme\n\n${broken}`);
      open('draft', 'drafts/x.md');
      open('module', 'node_modules/x/CHANGELOG.md');
      open('desc', 'other.md');
      const all = w.diagnostics();
      expect(all.get('readme')?.diagnostics).toEqual([]);
      expect(all.get('draft')?.diagnostics).toEqual([]);
      expect(all.get('module')?.diagnostics).toEqual([]);
      expect(codes(all.get('desc')?.diagnostics)).toContain('unknown-key');
    }
    // with no folder, its config changing is read again
    const w = new Workspace([]);
    const path = join(loose, 'other.md');
    w.open.set('desc', { path, version: 1, text: broken });
    expect(codes(w.diagnostics().get('desc')?.diagnostics)).toContain('unknown-key');
    const config = join(loose, 'ametijuhend.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}  unknown-key: off\n`);
    await w.changed([config]);
    expect(codes(w.diagnostics().get('desc')?.diagnostics)).not.toContain('unknown-key');
  });

  it('a Markdown file that is no description changes: nothing is read again', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'README.md'), '# Readme\n');
    const w = new Workspace([dir]);
    await w.discoverAll();
    const path = join(dir, 'ekspert-kriisiabi.md');
    const other = join(dir, 'data-analyst.md');
    // the open text has the other description's id: a duplicate
    const text = readFileSync(path, 'utf8').replace('reportsTo:', 'id: data-analyst\nreportsTo:');
    w.open.set('a', { path, version: 1, text });
    utimesSync(other, 1e9, 1e9);
    expect(codes(w.diagnostics().get('a')?.diagnostics)).toContain('duplicate-id');
    // the other one changed on disk, same size and time (so only a forgotten summary shows it)
    writeFileSync(other, readFileSync(other, 'utf8').replace('id: data-analyst', 'id: data-analysx'));
    utimesSync(other, 1e9, 1e9);
    writeFileSync(join(dir, 'README.md'), '# Readme, changed\n');
    await w.changed([join(dir, 'README.md')]);
    expect(codes(w.diagnostics().get('a')?.diagnostics)).toContain('duplicate-id');
    // a description said to have changed is read again
    await w.changed([other]);
    expect(codes(w.diagnostics().get('a')?.diagnostics)).not.toContain('duplicate-id');
  });

  it('a description made after the folder was discovered is found when opened, or when said to be new', async () => {
    const dir = folder();
    const w = new Workspace([dir]);
    await w.discoverAll();
    const path = join(dir, 'new.md');
    const text = readFileSync(join(dir, 'data-analyst.md'), 'utf8');
    writeFileSync(path, text);
    w.open.set('n', { path, version: 1, text });
    expect(w.diagnostics().get('n')?.diagnostics).toEqual([]);
    expect(await w.opened(path)).toBe(true);
    expect(codes(w.diagnostics().get('n')?.diagnostics)).toContain('duplicate-id');
    // made and said to be created (a watcher): found as well
    const w2 = new Workspace([dir]);
    await w2.discoverAll();
    const path2 = join(dir, 'new2.md');
    writeFileSync(path2, text);
    await w2.changed([path2]);
    w2.open.set('n2', { path: path2, version: 1, text });
    expect(codes(w2.diagnostics().get('n2')?.diagnostics)).toContain('duplicate-id');
    // a README is not one
    writeFileSync(join(dir, 'README.md'), text);
    expect(await w.opened(join(dir, 'README.md'))).toBe(false);
  });

  it('a changed config is read again', async () => {
    const dir = folder();
    const w = new Workspace([dir]);
    await w.discoverAll();
    const path = join(dir, 'ekspert-kriisiabi.md');
    w.open.set('a', {
      path,
      version: 1,
      text: readFileSync(path, 'utf8').replace('reportsTo:', 'reportTo:'),
    });
    expect(codes(w.diagnostics().get('a')?.diagnostics)).toContain('unknown-key');
    const config = join(dir, 'ametijuhend.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}  unknown-competency: off\n`);
    await w.changed([config]);
    expect(codes(w.diagnostics().get('a')?.diagnostics)).not.toContain('unknown-competency');
  });
});
