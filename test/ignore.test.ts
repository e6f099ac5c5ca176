/**
 * The config's `ignore:` patterns on the real CLI: check, build and status skip what they exclude
 * (.gitignore semantics: folder patterns, any-depth names, anchored paths, `!` negation, nested
 * configs each relative to their own folder); a path named on the command line that is ignored is
 * skipped with a skipped-path warning.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../src/config/ignore.js';
import { cli, EXAMPLES, tempTree } from './cli.js';

const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
/** A valid description with its own id and title (so no two collide). */
const desc = (id: string): string =>
  english.replace('id: data-analyst', `id: ${id}`).replace('title: Data Analyst', `title: Analyst ${id}`);
/** Not a description: checked, it has errors (no frontmatter). */
const NOTE = '# Märkmed\n\nKoosoleku märkmed.\n';

function repo(ignore: string[], extra: Record<string, string> = {}): string {
  const config = [
    'competencies: competencies.yaml',
    'rules:',
    '  unknown-reference: off',
    ...(ignore.length ? ['ignore:', ...ignore.map((p) => `  - ${JSON.stringify(p)}`)] : []),
    '',
  ].join('\n');
  const dir = tempTree({
    'ametijuhend.config.yaml': config,
    'competencies.yaml': catalogue,
    'a.md': desc('a'),
    'drafts/mall.md': NOTE,
    'osakond/b.md': desc('b'),
    'osakond/drafts/vana.md': NOTE,
    'osakond/b.tmp.md': NOTE,
    'notes.md': NOTE,
    ...extra,
  });
  // a work tree: the configs up to its root apply
  mkdirSync(join(dir, '.git'));
  return dir;
}

/** The files a check of the folder reports on, and the ones it checked (from --format json). */
function checked(dir: string, args: string[] = ['.']): { files: string[]; code: number; out: string } {
  const r = cli(['check', '--format', 'json', ...args], dir);
  const diags = JSON.parse(r.stdout) as { file: string; rule: string }[];
  return { files: [...new Set(diags.map((d) => d.file))].sort(), code: r.code, out: r.stdout };
}

describe('ignore: in the config', () => {
  it('check skips folders, any-depth names and anchored paths it names', () => {
    const dir = repo(['drafts/', '*.tmp.md', '/notes.md']);
    const all = cli(['check', '--format', 'json', '.'], dir);
    expect(all.code).toBe(0);
    expect(all.stdout.trim()).toBe('[]');
    // without the patterns the same files are checked and have errors
    const plain = repo([]);
    expect(checked(plain).files).toEqual([
      'drafts/mall.md',
      'notes.md',
      'osakond/b.tmp.md',
      'osakond/drafts/vana.md',
    ]);
    // the text report counts only the checked descriptions
    const text = cli(['check', '.', '--lang', 'en'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout + text.stderr).not.toMatch(/mall|vana|notes|tmp/);
  });

  it('an anchored pattern applies only at the config folder, an unanchored one at any depth', () => {
    const dir = repo(['/drafts/', 'notes.md'], { 'osakond/notes.md': NOTE });
    expect(checked(dir).files).toEqual(['osakond/b.tmp.md', 'osakond/drafts/vana.md']);
  });

  it('negation re-includes a file, but not one inside an ignored folder', () => {
    const dir = repo(['drafts/*', '!drafts/mall.md', 'osakond/drafts/', '!osakond/drafts/vana.md'], {
      'drafts/muu.md': NOTE,
    });
    // drafts/* ignores the files, the negation brings one back; osakond/drafts/ ignores the folder
    expect(checked(dir).files).toEqual(['drafts/mall.md', 'notes.md', 'osakond/b.tmp.md']);
  });

  it('a nested config has its own patterns, relative to its folder; the outer ones still apply', () => {
    const dir = repo(['*.tmp.md', 'notes.md'], {
      'osakond/ametijuhend.config.yaml': [
        'competencies: ../competencies.yaml',
        'rules:',
        '  unknown-reference: off',
        'ignore:',
        '  - /drafts/',
        '  - "!notes.md"',
        '',
      ].join('\n'),
      'osakond/notes.md': NOTE,
      'osakond/sub/b.tmp.md': NOTE,
    });
    // osakond's /drafts/ is osakond/drafts (not the top drafts/); its !notes.md re-includes
    // osakond/notes.md only (the top notes.md is not below it); *.tmp.md from above still applies
    expect(checked(dir).files).toEqual(['drafts/mall.md', 'osakond/notes.md']);
  });

  it('a file or folder named on the command line that is ignored: skipped with a warning', () => {
    const dir = repo(['drafts/']);
    const r = cli(['check', 'drafts/mall.md', 'a.md', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'drafts/mall.md:1:1: warning The path matches the pattern “drafts/” (ametijuhend.config.yaml, key `ignore`): it is not read, though named on the command line. [skipped-path]',
    );
    expect(r.stdout).not.toContain('frontmatter');
    const folder = cli(['check', 'drafts', '--format', 'json'], dir);
    const diags = JSON.parse(folder.stdout) as { file: string; rule: string; severity: string }[];
    expect(diags.map((d) => [d.file, d.rule, d.severity])).toEqual([['drafts', 'skipped-path', 'warning']]);
    // the warning counts as one (--max-warnings 0 fails on it)
    expect(cli(['check', 'drafts/mall.md', '--max-warnings', '0'], dir).code).toBe(1);
  });

  it('a glob does not match what is ignored', () => {
    const dir = repo(['drafts/']);
    expect(checked(dir, ['**/*.md']).files).toEqual(['notes.md', 'osakond/b.tmp.md']);
  });

  it('build writes nothing for an ignored file, and status lists only the descriptions', () => {
    const dir = repo(['drafts/', '*.tmp.md', 'notes.md']);
    const b = cli(['build', '.', '-o', 'out', '--format', 'html'], dir);
    expect(b.code).toBe(0);
    const out = readdirSync(join(dir, 'out'), { recursive: true }).map(String).sort();
    expect(out.filter((f) => f.endsWith('.html'))).toEqual(['a.html', join('osakond', 'b.html')]);
    expect(existsSync(join(dir, 'out', 'drafts'))).toBe(false);
    const s = cli(['status', '--format', 'json'], dir);
    expect(s.code).toBe(0);
    const rows = JSON.parse(s.stdout) as { file: string }[];
    expect(rows.map((r) => r.file)).toEqual(['a.md', 'osakond/b.md']);
  });

  it('a pattern that is not a list is an error at the key', () => {
    const dir = tempTree({ 'ametijuhend.config.yaml': 'ignore: drafts\n', 'a.md': desc('a') });
    const r = cli(['check', '.', '--format', 'json'], dir);
    const diags = JSON.parse(r.stdout) as { file: string; rule: string; line: number }[];
    expect(diags).toContainEqual(
      expect.objectContaining({ file: 'ametijuhend.config.yaml', rule: 'invalid-type', line: 1 }),
    );
  });
});

describe('compilePattern (.gitignore lines)', () => {
  const m = (pattern: string, path: string, isDir = false): boolean | undefined => {
    const p = compilePattern(pattern);
    if (!p || (p.dirOnly && !isDir)) return undefined;
    return p.match(path) ? !p.negated : undefined;
  };
  it('matches as git does', () => {
    expect(m('*.md', 'a/b/c.md')).toBe(true);
    expect(m('*.md', '.hidden.md')).toBe(true); // dot files match like any other
    expect(m('a/*.md', 'a/b/c.md')).toBeUndefined(); // * does not cross a slash
    expect(m('a/**/c.md', 'a/b/x/c.md')).toBe(true);
    expect(m('a/**/c.md', 'a/c.md')).toBe(true);
    expect(m('/c.md', 'a/c.md')).toBeUndefined();
    expect(m('/c.md', 'c.md')).toBe(true);
    expect(m('drafts/', 'drafts')).toBeUndefined(); // a file named drafts
    expect(m('drafts/', 'x/drafts', true)).toBe(true);
    expect(m('!keep.md', 'keep.md')).toBe(false);
    expect(m('\\!bang.md', '!bang.md')).toBe(true);
    expect(m('ma?l.md', 'mall.md')).toBe(true);
    expect(compilePattern('!')).toBeUndefined();
    expect(compilePattern('/')).toBeUndefined();
  });
});
