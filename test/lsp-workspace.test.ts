/**
 * The language server's model of the workspace (src/lsp/workspace.ts): check's diagnostics per open
 * document, the repository rules per workspace folder with the editor's text in place of the file.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
