/**
 * `build --asice` end to end through the CLI: the container beside the other outputs, holding the
 * very PDF `build` writes; cached, moved aside when stale, per roster row; the same bytes in every
 * time zone; never written into a git work tree unless ignored there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContainer } from '../src/signing/container.js';
import { cli, EXAMPLES, printed, tempTree } from './cli.js';

const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const analyst = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');

function repo(extra: Record<string, string> = {}): string {
  return tempTree({
    'ametijuhend.config.yaml': config,
    'competencies.yaml': catalogue,
    'data-analyst.md': analyst,
    ...extra,
  });
}

const read = (dir: string, name: string): Buffer => readFileSync(join(dir, name));

function git(dir: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

describe('build --asice', () => {
  it('writes <id>.asice beside the PDF and HTML, holding exactly the PDF build wrote', () => {
    const dir = repo();
    const r = cli(['build', '.', '--asice', '--format', 'pdf,html', '-o', 'out', '--lang', 'en'], dir);
    expect(printed(r)).toContain(
      'data-analyst.md → out/data-analyst.pdf, out/data-analyst.html, out/data-analyst.asice',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Built 1 description \(3 files\)/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'data-analyst.asice',
      'data-analyst.html',
      'data-analyst.pdf',
    ]);
    const container = readContainer(read(dir, 'out/data-analyst.asice'), { strict: true });
    expect(container.files.map((f) => [f.name, f.mediaType])).toEqual([
      ['data-analyst.pdf', 'application/pdf'],
    ]);
    expect(Buffer.from(container.files[0]!.bytes).equals(read(dir, 'out/data-analyst.pdf'))).toBe(true);
    expect(container.signatures).toEqual([]);

    // again: everything from the cache, the same bytes
    const before = read(dir, 'out/data-analyst.asice');
    const again = cli(['build', '.', '--asice', '--format', 'pdf,html', '-o', 'out', '--lang', 'en'], dir);
    expect(again.stderr).toMatch(/\(0 rendered, 1 cached\)/);
    expect(read(dir, 'out/data-analyst.asice').equals(before)).toBe(true);
    // a container deleted comes back from the cache, nothing rendered
    rmSync(join(dir, 'out/data-analyst.asice'));
    const restored = cli(['build', '.', '--asice', '--format', 'pdf,html', '-o', 'out', '--lang', 'en'], dir);
    expect(restored.stderr).toMatch(/\(0 rendered, 1 cached\)/);
    expect(read(dir, 'out/data-analyst.asice').equals(before)).toBe(true);
  });

  it('renders the PDF for the container without writing it when the formats leave PDF out', () => {
    const dir = repo();
    const r = cli(['build', '.', '--asice', '--format', 'html', '-o', 'out', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['data-analyst.asice', 'data-analyst.html']);
    const pdf = cli(['build', '.', '--format', 'pdf', '-o', 'pdf-only', '--lang', 'en'], dir);
    expect(pdf.code).toBe(0);
    const inside = readContainer(read(dir, 'out/data-analyst.asice')).files[0]!;
    expect(inside.name).toBe('data-analyst.pdf');
    expect(Buffer.from(inside.bytes).equals(read(dir, 'pdf-only/data-analyst.pdf'))).toBe(true);
    expect(Buffer.from(inside.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('moves a container aside when its description no longer produces it; a build without --asice keeps it', () => {
    const dir = repo();
    expect(cli(['build', '.', '--asice', '--format', 'html', '-o', 'out'], dir).code).toBe(0);
    // a build without --asice leaves the container alone
    expect(cli(['build', '.', '--format', 'html', '-o', 'out'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'out/data-analyst.asice'))).toBe(true);
    // the id changes: the old container goes to .stale
    writeFileSync(join(dir, 'data-analyst.md'), analyst.replace('id: data-analyst', 'id: analyst'));
    const r = cli(['build', '.', '--asice', '--format', 'html', '-o', 'out', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.stale', 'analyst.asice', 'analyst.html']);
    expect(readdirSync(join(dir, 'out/.stale')).sort()).toEqual(['data-analyst.asice', 'data-analyst.html']);
    expect(r.stderr).toMatch(/out\/data-analyst\.asice → out\/\.stale\/data-analyst\.asice/);
    expect(readContainer(read(dir, 'out/analyst.asice')).files[0]!.name).toBe('analyst.pdf');
  });

  it('writes one container per roster row, <id>-<employee>.asice holding that row’s PDF', () => {
    const dir = repo({ 'roster.csv': 'id;employee\ndata-analyst;Mari Tamm\ndata-analyst;Jaan Kask\n' });
    const r = cli(
      ['build', '.', '--roster', 'roster.csv', '--asice', '--format', 'pdf', '-o', 'out', '--lang', 'en'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'data-analyst-jaan-kask.asice',
      'data-analyst-jaan-kask.pdf',
      'data-analyst-mari-tamm.asice',
      'data-analyst-mari-tamm.pdf',
    ]);
    for (const name of ['data-analyst-jaan-kask', 'data-analyst-mari-tamm']) {
      const c = readContainer(read(dir, `out/${name}.asice`), { strict: true });
      expect(c.files.map((f) => f.name)).toEqual([`${name}.pdf`]);
      expect(Buffer.from(c.files[0]!.bytes).equals(read(dir, `out/${name}.pdf`))).toBe(true);
    }
  });

  it('gives the same container bytes under TZ=UTC and TZ=Pacific/Kiritimati', () => {
    const dir = repo();
    const utc = cli(['build', '.', '--asice', '--format', 'html', '-o', 'utc'], dir, { TZ: 'UTC' });
    const kiritimati = cli(['build', '.', '--asice', '--format', 'html', '-o', 'kiritimati'], dir, {
      TZ: 'Pacific/Kiritimati',
    });
    expect([utc.code, kiritimati.code]).toEqual([0, 0]);
    const a = read(dir, 'utc/data-analyst.asice');
    const b = read(dir, 'kiritimati/data-analyst.asice');
    expect(a.equals(b)).toBe(true);
    // the first entry's DOS time and date: 12:00:00 on 2000-01-01
    expect([a.readUInt16LE(10), a.readUInt16LE(12)]).toEqual([12 << 11, (20 << 9) | (1 << 5) | 1]);
  });

  it('the writer alone gives the same bytes in both zones (child processes)', () => {
    const script = [
      "import { writeContainer } from './dist/signing/container-write.js';",
      "const bytes = writeContainer([{ name: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.7 test') }]);",
      "process.stdout.write(Buffer.from(bytes).toString('hex'));",
    ].join('\n');
    const run = (TZ: string): string => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: join(EXAMPLES, '..'),
        encoding: 'utf8',
        env: { ...process.env, TZ },
      });
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    const utc = run('UTC');
    expect(utc.length).toBeGreaterThan(200);
    expect(run('Pacific/Kiritimati')).toBe(utc);
    expect(run('America/St_Johns')).toBe(utc);
  });

  it('refuses an out-dir inside a git work tree that is not ignored, and says to add it to .gitignore', () => {
    const dir = repo();
    git(dir, 'init', '-q');
    const r = cli(['build', '.', '--asice', '--format', 'html', '-o', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /containers are not written into out: .*personal identification codes.*\.gitignore/,
    );
    expect(r.stderr).toMatch(/konteinereid ei kirjutata kausta out: .*isikukoodid.*\.gitignore/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    // a build without containers is not concerned
    expect(cli(['build', '.', '--format', 'html', '-o', 'out'], dir).code).toBe(0);
    // ignored by pattern: written
    writeFileSync(join(dir, '.gitignore'), '*.asice\n*.bdoc\n');
    expect(cli(['build', '.', '--asice', '--format', 'html', '-o', 'out'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'out/data-analyst.asice'))).toBe(true);
    // a container committed anyway (git add -f) is tracked: refused again
    git(dir, 'add', '-f', 'out/data-analyst.asice');
    expect(cli(['build', '.', '--asice', '--format', 'html', '-o', 'out'], dir).code).toBe(2);
    git(dir, 'rm', '-q', '--cached', 'out/data-analyst.asice');
    // the folder ignored: written, also into a new subfolder
    writeFileSync(join(dir, '.gitignore'), 'signed/\n');
    expect(cli(['build', '.', '--asice', '--format', 'html', '-o', 'signed/2026'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'signed/2026/data-analyst.asice'))).toBe(true);
    // a folder outside the work tree is fine
    const outside = tempTree({});
    renameSync(join(dir, 'signed'), join(outside, 'moved'));
    expect(cli(['build', '.', '--asice', '--format', 'html', '-o', join(outside, 'out')], dir).code).toBe(0);
  });

  it('is in --help, and init’s .gitignore keeps containers out of a new repository', () => {
    const help = cli(['build', '--help']);
    expect(help.stdout).toMatch(/--asice/);
    expect(help.stdout).toMatch(/personal\s+codes/);
    expect(help.stdout).toMatch(/rendered\s+for\s+it\s+even\s+without\s+pdf/);
    const parent = tempTree({});
    expect(cli(['init', 'docs', '--lang', 'et'], parent, { AMETIJUHEND_TODAY: '2026-03-01' }).code).toBe(0);
    const ignore = readFileSync(join(parent, 'docs/.gitignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['*.asice', '*.bdoc']));
  });
});
