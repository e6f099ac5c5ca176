/**
 * `ametijuhend init` on the real CLI: the scaffold is complete, never overwrites, and the new
 * repository passes `check` and `build` at once with the real binary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT, tempTree } from './cli.js';

const TODAY = '2026-01-15';
const ENV = { AMETIJUHEND_TODAY: TODAY };

const ET_FILES = [
  '.github/workflows/ametijuhend.yml',
  '.gitignore',
  '.gitlab-ci.yml',
  '.vscode/extensions.json',
  '.vscode/settings.json',
  'README.md',
  'ametijuhend.config.yaml',
  'kompetentsid.yaml',
  'package.json',
  'personalispetsialist.md',
  'yldosa/muutmine.md',
  'yldosa/oigused.md',
  'yldosa/toovahendid.md',
  'yldosa/vastutus.md',
];
const EN_FILES = [
  '.github/workflows/ametijuhend.yml',
  '.gitignore',
  '.gitlab-ci.yml',
  '.vscode/extensions.json',
  '.vscode/settings.json',
  'README.md',
  'ametijuhend.config.yaml',
  'competencies.yaml',
  'hr-specialist.md',
  'package.json',
  'shared/amendments.md',
  'shared/equipment.md',
  'shared/responsibilities.md',
  'shared/rights.md',
];

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? filesUnder(join(dir, e.name), base)
        : [relative(base, join(dir, e.name)).split(sep).join('/')],
    )
    .sort();
}

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe('ametijuhend init', () => {
  it('scaffolds an Estonian docs repo, says what it created, and the repo checks and builds at once', () => {
    const parent = tempTree({});
    const r = cli(['init', 'hoidla', '--lang', 'et'], parent, ENV);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        ...ET_FILES.map((f) => `  loodud  ${f}`),
        'Loodud 14 faili, vahele jäetud 0 (olemasolevaid faile ei muudeta).',
        'Edasi: cd hoidla && npm install && npx ametijuhend check && npx ametijuhend build . --out-dir dist',
        'Lisa git-i ka package-lock.json (npm install loob selle): siis paigaldab CI sama versiooni (npm ci).',
        'Kirjuta asutuse nimi faili ametijuhend.config.yaml (organisation) või kasuta --organisation.',
        '',
      ].join('\n'),
    );
    const dir = join(parent, 'hoidla');
    expect(filesUnder(dir)).toEqual(ET_FILES);

    // the config: placeholder organisation, catalogue, the four shared default sections, yearly review
    expect(parse(read(dir, 'ametijuhend.config.yaml'))).toEqual({
      organisation: 'Asutuse nimi',
      lang: 'et',
      competencies: 'kompetentsid.yaml',
      defaults: {
        rights: 'yldosa/oigused.md',
        responsibilities: 'yldosa/vastutus.md',
        tools: 'yldosa/toovahendid.md',
        changes: 'yldosa/muutmine.md',
      },
      knownTitles: ['Personalijuht'],
      review: { months: 12 },
    });
    const catalogue = parse(read(dir, 'kompetentsid.yaml')) as Record<string, string[]>;
    expect(Object.keys(catalogue).length).toBeGreaterThanOrEqual(5);
    for (const indicators of Object.values(catalogue)) expect(indicators.length).toBeGreaterThan(0);

    // the example: the schema line points into the installed package, today's review date
    const example = read(dir, 'personalispetsialist.md');
    const schemaLine = example.split('\n')[1]!;
    expect(schemaLine).toBe(
      '# yaml-language-server: $schema=node_modules/ametijuhend/schemas/job-description.schema.json',
    );
    expect(existsSync(join(ROOT, 'schemas', 'job-description.schema.json'))).toBe(true);
    const pkg = JSON.parse(read(ROOT, 'package.json')) as { files: string[]; version: string };
    expect(pkg.files).toEqual(expect.arrayContaining(['schemas', 'templates']));
    expect(example).toContain(`reviewed: ${TODAY}\n`);
    expect(example).not.toMatch(/__[A-Z]+__/);
    expect(read(dir, 'README.md')).toContain(`(${TODAY})`);

    // VS Code: the extension recommended, the config's schema mapped for YAML files in any folder,
    // by a workspace-relative path into the installed package that exists in this package
    expect(JSON.parse(read(dir, '.vscode/extensions.json'))).toEqual({
      recommendations: ['ametijuhend.ametijuhend', 'redhat.vscode-yaml'],
    });
    const schemas = (
      JSON.parse(read(dir, '.vscode/settings.json')) as { 'yaml.schemas': Record<string, string> }
    )['yaml.schemas'];
    expect(schemas).toEqual({
      './node_modules/ametijuhend/schemas/config.schema.json': '**/ametijuhend.config.yaml',
    });
    for (const schema of Object.keys(schemas))
      expect(existsSync(join(ROOT, schema.replace('./node_modules/ametijuhend/', '')))).toBe(true);

    // the new repo's package.json pins this tool's major version
    expect(JSON.parse(read(dir, 'package.json'))).toMatchObject({
      private: true,
      devDependencies: { ametijuhend: `^${pkg.version}` },
    });
    expect(read(dir, '.gitignore').split('\n')).toEqual(
      expect.arrayContaining(['dist/', '.ametijuhend-cache/']),
    );

    // check: exit 0 and no problem at all, not even a warning (the manager, who has no description in
    // the new repo, is listed in knownTitles), so CI with --max-warnings 0 passes at once
    const check = cli(['check', '--format', 'json', '--max-warnings', '0'], dir, ENV);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual([]);

    // build, exactly as the CI workflows run it
    const build = cli(['build', '.', '--out-dir', 'dist'], dir, ENV);
    expect(build.code).toBe(0);
    // (hidden entries, such as a build cache, are the builder's business)
    expect(
      readdirSync(join(dir, 'dist'))
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual(['personalispetsialist.docx', 'personalispetsialist.html', 'personalispetsialist.pdf']);
    const text = pdfText(join(dir, 'dist', 'personalispetsialist.pdf'));
    expect(text).toContain('Asutuse nimi');
    expect(text).toContain('Personalispetsialist');
    // the shared default sections and the catalogue's indicators are in the document
    expect(text).toMatch(/ÕIGUSED[\s\S]*teha kaugtööd kokkuleppel vahetu juhiga/);
    expect(text).toMatch(/AMETIJUHENDI MUUTMINE[\s\S]*vähemalt kord aastas/);
    expect(text).toContain('Täidab kokkulepped ja lubadused.');
  });

  it('the GitHub Actions and GitLab CI workflows check and build the repo and keep the PDFs', () => {
    const dir = join(tempTree({}), 'repo');
    expect(cli(['init', dir, '--lang', 'en'], ROOT, ENV).code).toBe(0);
    const gh = parse(read(dir, '.github/workflows/ametijuhend.yml')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
    };
    expect(Object.keys(gh.on)).toEqual(['push', 'pull_request']);
    const steps = Object.values(gh.jobs)[0]!.steps;
    expect(steps.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'if [ -f package-lock.json ]; then npm ci; else npm install --no-audit --no-fund; fi',
      'actions/cache/restore@v4',
      'npx ametijuhend check --cache --format github',
      'npx ametijuhend build . --out-dir dist',
      'actions/cache/save@v4',
      'actions/upload-artifact@v4',
    ]);
    // the whole history (--changed-since needs the ref, a PDF's date its source's last commit)
    expect(steps[0]!.with).toEqual({ 'fetch-depth': 0 });
    expect(steps[1]!.with).toEqual({
      'node-version': 20,
      cache: 'npm',
      'cache-dependency-path': 'package.json',
    });
    // the cache folder of check --cache and build is restored before them and saved after, even
    // when the check failed, under a key of its own per run (a cache entry is never overwritten)
    const key = 'ametijuhend-${{ github.run_id }}-${{ github.run_attempt }}';
    expect(steps[3]!.with).toEqual({ path: '.ametijuhend-cache', key, 'restore-keys': 'ametijuhend-' });
    expect(steps[6]!.with).toEqual({ path: '.ametijuhend-cache', key });
    expect((steps[6] as Step & { if?: string }).if).toBe('always()');
    expect(steps[7]!.with).toMatchObject({ path: 'dist/**/*.pdf', 'if-no-files-found': 'error' });

    const gl = parse(read(dir, '.gitlab-ci.yml')) as Record<
      string,
      { stage?: string; image?: string; script?: string[]; artifacts?: Record<string, unknown> }
    >;
    expect(gl.default!.image).toBe('node:20');
    expect(gl.variables).toEqual({ GIT_DEPTH: 0 });
    // both jobs restore and save the cache folder, also after a failed check
    expect((gl.default as { cache?: unknown }).cache).toEqual({
      key: 'ametijuhend',
      paths: ['.ametijuhend-cache/'],
      when: 'always',
    });
    expect(gl.check).toEqual({
      stage: 'check',
      script: ['npx ametijuhend check --cache --format junit > ametijuhend-junit.xml'],
      artifacts: { when: 'always', reports: { junit: 'ametijuhend-junit.xml' } },
    });
    expect(gl.build!.script).toEqual(['npx ametijuhend build . --out-dir dist']);
    expect(gl.build!.artifacts).toMatchObject({ paths: ['dist/**/*.pdf'] });

    // the GitLab check command writes a well-formed JUnit report of the new repo, the same from a
    // cold and from a restored cache, which is the folder the workflows keep
    const junit = cli(['check', '--format', 'junit'], dir, ENV);
    expect(junit.code).toBe(0);
    expect(junit.stdout).toContain(
      '<testcase name="hr-specialist.md" classname="ametijuhend" file="hr-specialist.md"',
    );
    for (let run = 0; run < 2; run++) {
      const cached = cli(['check', '--cache', '--format', 'junit'], dir, ENV);
      expect(cached.code).toBe(0);
      expect(cached.stdout).toBe(junit.stdout);
    }
    expect(existsSync(join(dir, '.ametijuhend-cache', 'check', 'index.json'))).toBe(true);
    // and .gitignore keeps it out of the repository
    expect(read(dir, '.gitignore').split('\n')).toContain('.ametijuhend-cache/');
  });

  it('--lang en --organisation: English content, the name kept exactly (YAML-quoted), check and build pass', () => {
    const parent = tempTree({});
    const organisation = 'Acme "Ltd": #1 & Co';
    const r = cli(['init', 'docs', '--lang', 'en', '--organisation', organisation], parent, ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        ...EN_FILES.map((f) => `  created  ${f}`),
        'Created 14 files, skipped 0 (existing files are never changed).',
        'Next: cd docs && npm install && npx ametijuhend check && npx ametijuhend build . --out-dir dist',
        'Commit package-lock.json too (npm install writes it): CI then installs the same version (npm ci).',
        '',
      ].join('\n'),
    );
    const dir = join(parent, 'docs');
    expect(filesUnder(dir)).toEqual(EN_FILES);
    expect(parse(read(dir, 'ametijuhend.config.yaml'))).toMatchObject({ organisation, lang: 'en' });
    expect(read(dir, 'README.md').split('\n')[0]).toBe(`# Job descriptions — ${organisation}`);
    const check = cli(['check', '--format', 'json', '--max-warnings', '0'], dir, ENV);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual([]);
    expect(cli(['build', '.', '--out-dir', 'dist', '--format', 'pdf'], dir, ENV).code).toBe(0);
    const text = pdfText(join(dir, 'dist', 'hr-specialist.pdf'));
    // the name exactly, with the document's typography (English quotes) for its straight quotes
    expect(text).toContain('Acme “Ltd”: #1 & Co');
    expect(text).toMatch(/RIGHTS[\s\S]*to work remotely by agreement with the line manager/);
  });

  it('never overwrites: existing files are skipped and listed, a second run skips everything (exit 0)', () => {
    const dir = tempTree({ 'README.md': '# Meie ametijuhendid\n', 'yldosa/oigused.md': '- oma õigus\n' });
    const r = cli(['init', '--lang', 'et'], dir, ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  jäetud vahele  README.md (on juba olemas)\n');
    expect(r.stdout).toContain('  jäetud vahele  yldosa/oigused.md (on juba olemas)\n');
    expect(r.stdout).toContain('Loodud 12 faili, vahele jäetud 2');
    expect(r.stdout).toContain('Edasi: npm install && npx ametijuhend check');
    expect(read(dir, 'README.md')).toBe('# Meie ametijuhendid\n');
    expect(read(dir, 'yldosa/oigused.md')).toBe('- oma õigus\n');

    writeFileSync(
      join(dir, 'ametijuhend.config.yaml'),
      `${read(dir, 'ametijuhend.config.yaml')}# muudetud\n`,
    );
    const again = cli(['init', '--lang', 'en'], dir, ENV);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Created 6 files, skipped 8');
    expect(read(dir, 'ametijuhend.config.yaml')).toMatch(/# muudetud\n$/);
    const third = cli(['init', '--lang', 'et'], dir, ENV);
    expect(third.stdout.split('\n').filter((l) => l.startsWith('  loodud'))).toEqual([]);
    expect(third.stdout).toContain('Loodud 0 faili, vahele jäetud 14');
  });

  it('without --lang, completing a repo keeps to its config’s language', () => {
    const dir = tempTree({ 'ametijuhend.config.yaml': 'lang: en\n' });
    const r = cli(['init'], dir, ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  skipped  ametijuhend.config.yaml (already exists)');
    expect(existsSync(join(dir, 'hr-specialist.md'))).toBe(true);
    expect(existsSync(join(dir, 'personalispetsialist.md'))).toBe(false);
  });

  it('--tool-spec: written into package.json as npm reads it from the repo, with the warnings that apply', () => {
    const parent = tempTree({ 'vendor/ametijuhend-9.9.9.tgz': 'x' });
    const spec = (dir: string): unknown =>
      (JSON.parse(read(join(parent, dir), 'package.json')) as { devDependencies: unknown }).devDependencies;
    // a tarball outside the new repo: relative to it, and a warning that CI will not have it
    const outside = cli(
      ['init', 'a', '--lang', 'en', '--tool-spec', 'vendor/ametijuhend-9.9.9.tgz'],
      parent,
      ENV,
    );
    expect(outside.code).toBe(0);
    expect(spec('a')).toEqual({ ametijuhend: 'file:../vendor/ametijuhend-9.9.9.tgz' });
    expect(outside.stdout).toContain(
      `Warning: ${join(parent, 'vendor/ametijuhend-9.9.9.tgz')} is outside the repository, so CI will not have it`,
    );
    // a folder inside it: no warning
    mkdirSync(join(parent, 'b', 'tool'), { recursive: true });
    const inside = cli(['init', 'b', '--lang', 'en', '--tool-spec', './b/tool'], parent, ENV);
    expect(spec('b')).toEqual({ ametijuhend: 'file:tool' });
    expect(inside.stdout).not.toContain('Warning');
    // git URLs, host shorthands and ranges as given; ametijuhend@RANGE as the range
    for (const [given, value] of [
      ['git+https://example.org/ametijuhend.git#v1.2.0', 'git+https://example.org/ametijuhend.git#v1.2.0'],
      ['github:asutus/ametijuhend', 'github:asutus/ametijuhend'],
      ['ametijuhend@~0.3.1', '~0.3.1'],
      ['>=0.1 <0.3', '>=0.1 <0.3'],
    ] as const) {
      const dir = `c${given.length}`;
      expect(cli(['init', dir, '--lang', 'en', '--tool-spec', given], parent, ENV).code).toBe(0);
      expect(spec(dir)).toEqual({ ametijuhend: value });
    }
    // package.json already there: left alone, and the line to add is printed
    const again = cli(['init', 'b', '--lang', 'et', '--tool-spec', '^0.2.0'], parent, ENV);
    expect(again.stdout).toContain(
      'package.json on juba olemas: lisa selle devDependencies alla "ametijuhend": "^0.2.0".',
    );
    expect(spec('b')).toEqual({ ametijuhend: 'file:tool' });
    // another package is not a way to install ametijuhend: exit 2, nothing written
    const bad = cli(['init', 'd', '--lang', 'en', '--tool-spec', 'left-pad@1.0.0'], parent, ENV);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'ametijuhend: --tool-spec "left-pad@1.0.0" does not say where to install ametijuhend from: give a version ' +
        'range (^0.1.0), a tarball or folder path (./ametijuhend-0.1.0.tgz) or a git URL (git+https://…)\n',
    );
    expect(existsSync(join(parent, 'd'))).toBe(false);
  });

  it('a target that cannot be written is exit 2 with the reason', () => {
    const dir = tempTree({ 'fail.txt': 'not a folder' });
    const r = cli(['init', 'fail.txt/uus', '--lang', 'en'], dir, ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ametijuhend: cannot write the target folder: cannot write .*fail\.txt.*ENOTDIR/,
    );
    const file = cli(['init', 'fail.txt', '--lang', 'et'], dir, ENV);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^ametijuhend: sihtkausta ei saa kirjutada: /);
    if (process.getuid?.() !== 0) {
      // permissions mean nothing to root
      const locked = join(dir, 'lukus');
      mkdirSync(locked, { mode: 0o555 });
      expect(cli(['init', locked], dir, ENV).code).toBe(2);
    }
    expect(cli(['init', '--lang', 'fi'], dir, ENV).code).toBe(2);
  });
});
