import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/fs/write.js';
import { cli, cliModules, COMPILER_MODULES, EXAMPLES, hashes, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');

function repo(extra: Record<string, string> = {}): string {
  return tempTree({
    'docs/ametijuhend.config.yaml': config,
    'docs/competencies.yaml': catalogue,
    'docs/ekspert-kriisiabi.md': reference,
    'docs/andmed/data-analyst.md': english.replace('../schemas', '../../schemas'),
    ...extra,
  });
}

describe('ametijuhend build', () => {
  it('writes <id>.pdf/.html/.docx for every description, mirroring sub-folders, exit 0', () => {
    const dir = repo();
    const r = cli(['build', 'docs', '--out-dir', 'out', '--lang', 'en'], dir);
    expect(r.stderr).toMatch(/Built 2 descriptions \(6 files\), 0 failed/);
    expect(r.code).toBe(0);
    expect(Object.keys(hashes(join(dir, 'out'))).sort()).toEqual([
      'andmed/data-analyst.docx',
      'andmed/data-analyst.html',
      'andmed/data-analyst.pdf',
      'ekspert-kriisiabi.docx',
      'ekspert-kriisiabi.html',
      'ekspert-kriisiabi.pdf',
    ]);
    expect(readFileSync(join(dir, 'out/ekspert-kriisiabi.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dir, 'out/ekspert-kriisiabi.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(dir, 'out/andmed/data-analyst.html'), 'utf8')).toMatch(
      /<h1[^>]*>[^<]*Job description/i,
    );
    // line-based progress when not on a terminal
    expect(r.stderr).toMatch(/^built docs\/ekspert-kriisiabi\.md → out\/ekspert-kriisiabi\.pdf, /m);
  });

  it('a rebuild with nothing changed loads no compiler, parser or renderer in its main thread', () => {
    const example = (name: string): string => readFileSync(join(EXAMPLES, name), 'utf8');
    const dir = tempTree({
      'ametijuhend.config.yaml': example('ametijuhend.config.yaml'),
      'competencies.yaml': example('competencies.yaml'),
      'ekspert.md': example('ekspert-kriisiabi.md'),
    });
    const first = cliModules(['build', '.', '-o', 'out', '-q'], dir);
    expect(first.code).toBe(0);
    // the first build renders in a worker (as the CLI always does); planning and committing a
    // build whose every description is cached need none of the compiler
    const again = cliModules(['build', '.', '-o', 'out', '-q'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout + again.stderr).toMatch(/0 uuesti koostatud/);
    expect(again.modules.length).toBeGreaterThan(20);
    // (the config is parsed: a build keeps no parsed configs, so yaml is loaded)
    const heavy = (m: string): boolean =>
      (COMPILER_MODULES.test(m) && !m.includes('/node_modules/yaml/')) ||
      /\/render\/(pdf|html|docx)\//.test(m);
    expect(again.modules.filter(heavy)).toEqual([]);
    // the test can see them: a build that renders loads them (the loader hook reports its worker's too)
    expect(
      cliModules(['build', '.', '-o', 'out2', '-q', '--jobs', '1'], dir).modules.filter(heavy),
    ).not.toEqual([]);
  });

  it('--format picks formats; the default output folder is dist', () => {
    const dir = repo();
    const r = cli(['build', 'docs/ekspert-kriisiabi.md', '--format', 'html', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(Object.keys(hashes(join(dir, 'dist')))).toEqual(['ekspert-kriisiabi.html']);
    expect(r.stderr).not.toMatch(/valmis|built /);
  });

  it('an invalid description is reported as check reports it, builds nothing, and the others still build: exit 1', () => {
    const dir = repo({ 'docs/vigane.md': reference.replace('level: C1', 'level: C7') });
    const r = cli(['build', 'docs', '-o', 'out', '--format', 'html,docx'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^docs\/vigane\.md:14:14: viga .*„C7“.* \[language-level\]$/m);
    expect(r.stderr).toMatch(/Koostatud 2 ametijuhendit \(4 faili\), ebaõnnestus 1/);
    const out = Object.keys(hashes(join(dir, 'out')));
    expect(out).toHaveLength(4);
    expect(out.some((f) => f.startsWith('vigane'))).toBe(false);
  });

  it('two descriptions with one id never overwrite each other: exit 1', () => {
    const dir = repo({
      'docs/teine.md': reference.replace('title: Ekspert', 'id: ekspert-kriisiabi\ntitle: Ekspert'),
    });
    const r = cli(['build', 'docs', '-o', 'out', '--format', 'html'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/would overwrite the output of docs\/ekspert-kriisiabi\.md/);
  });

  it('is reproducible: the same inputs give byte-identical files, in any time zone; SOURCE_DATE_EPOCH sets the dates', () => {
    const dir = repo();
    cli(['build', 'docs', '-o', 'a'], dir, { TZ: 'UTC' });
    cli(['build', 'docs', '-o', 'b'], dir, { TZ: 'Pacific/Auckland' });
    const a = hashes(join(dir, 'a'));
    expect(Object.keys(a)).toHaveLength(6);
    expect(hashes(join(dir, 'b'))).toEqual(a);
    cli(['build', 'docs', '-o', 'c'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    cli(['build', 'docs', '-o', 'd'], dir, { SOURCE_DATE_EPOCH: '1700000000', TZ: 'America/New_York' });
    const c = hashes(join(dir, 'c'));
    expect(hashes(join(dir, 'd'))).toEqual(c);
    expect(c['ekspert-kriisiabi.pdf']).not.toBe(a['ekspert-kriisiabi.pdf']);
    expect(c['ekspert-kriisiabi.docx']).not.toBe(a['ekspert-kriisiabi.docx']);
  });

  it('leaves no temporary files, and replaces an existing output whole', () => {
    const dir = repo();
    mkdirSync(join(dir, 'out'), { recursive: true });
    writeFileSync(join(dir, 'out/ekspert-kriisiabi.html'), 'old');
    expect(cli(['build', 'docs', '-o', 'out'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'out/ekspert-kriisiabi.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('usage errors exit 2', () => {
    const dir = repo();
    expect(cli(['build', 'docs', '--format', 'pdf,odt'], dir).code).toBe(2);
    expect(cli(['build', 'docs', '--pdf-standard', 'x-1'], dir).code).toBe(2);
    expect(cli(['build', 'nowhere'], dir).code).toBe(2);
  });
});

describe('writeFileAtomic', () => {
  it('writes through a temporary file and cleans up when the rename fails', () => {
    const dir = tempTree({});
    const target = join(dir, 'x', 'a.pdf');
    writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    // a folder in the way: the rename fails, the folder is untouched, no temporary file stays
    const blocked = join(dir, 'x', 'blocked.pdf');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(blocked, new Uint8Array([9]))).toThrow();
    expect(existsSync(join(blocked, 'inside'))).toBe(true);
    expect(readdirSync(join(dir, 'x')).sort()).toEqual(['a.pdf', 'blocked.pdf']);
  });
});
