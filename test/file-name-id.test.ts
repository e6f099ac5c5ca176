/**
 * A description without an `id` takes its id from the file name, which names its outputs: file
 * names that are not ids are errors (at 1:1, with a suggested id) in check and build, and build
 * writes nothing for them, inside or outside the output folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLES, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const BAD = ['Foo Bar.md', 'a;rm -rf x.md', '<script>.md', '.md'];

function repo(): string {
  const files: Record<string, string> = {
    'docs/ametijuhend.config.yaml': config,
    'docs/competencies.yaml': catalogue,
    'docs/hea.md': reference,
  };
  for (const name of BAD) files[`docs/${name}`] = reference;
  return tempTree(files);
}

describe('ids from file names', () => {
  it('check reports each bad file name at 1:1 with a suggested id', () => {
    const dir = repo();
    const r = cli(['check', 'docs', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.includes('[invalid-value]'));
    const message = (name: string, suggestion: string): string =>
      `docs/${name}:1:1: error Without an "id" the id is the file name, but "${name}" does not fit: use only lower-case a–z, digits and hyphens. Rename the file "${suggestion}.md" or add "id: ${suggestion}" to the frontmatter. [invalid-value]`;
    // a folder's hidden files (".md") are not descriptions (discover skips them)
    expect(lines.sort()).toEqual(
      [
        message('Foo Bar.md', 'foo-bar'),
        message('a;rm -rf x.md', 'a-rm-rf-x'),
        message('<script>.md', 'script'),
      ].sort(),
    );
    // named on the command line, ".md" is checked too
    const hidden = cli(['check', 'docs/.md', '--lang', 'en'], dir);
    expect(hidden.code).toBe(1);
    expect(hidden.stdout).toContain(message('.md', 'ametijuhend'));
    expect(r.stdout).not.toMatch(/docs\/hea\.md/);
  });

  it('build writes only the good description, and nothing outside the output folder', () => {
    const dir = repo();
    const before = readdirSync(dir).sort();
    const r = cli(
      ['build', 'docs', 'docs/.md', '-o', 'out', '--format', 'html,pdf', '--lang', 'en', '-q'],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^docs\/Foo Bar\.md:1:1: error .*"foo-bar\.md".* \[invalid-value\]$/m);
    expect(r.stdout).toMatch(/^docs\/a;rm -rf x\.md:1:1: error .* \[invalid-value\]$/m);
    expect(r.stdout).toMatch(/^docs\/<script>\.md:1:1: error .* \[invalid-value\]$/m);
    expect(r.stdout).toMatch(/^docs\/\.md:1:1: error .*"ametijuhend\.md".* \[invalid-value\]$/m);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['hea.html', 'hea.pdf']);
    expect(readdirSync(dir).sort()).toEqual([...before, '.ametijuhend-cache', 'out'].sort());
    expect(readdirSync(join(dir, 'docs')).sort()).toEqual(
      ['ametijuhend.config.yaml', 'competencies.yaml', 'hea.md', ...BAD].sort(),
    );
    expect(r.stderr).toMatch(/Built 1 description \(2 files\), 4 failed/);
  });
});
