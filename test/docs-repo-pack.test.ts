/**
 * A docs repository that installs the tool from the packed tarball, as a user's would: `npm pack`
 * this project (dist/ is built by the global setup), `init --tool-spec <the tarball inside the new
 * repo>`, then run the `run:` steps of the generated GitHub workflow and the GitLab CI jobs exactly
 * as written there (read from the YAML), offline.
 *
 * Offline: npm installs from a lockfile without the registry when its cache holds every tarball, and
 * the cache that installed this project's node_modules (`npm ci`, also on the CI machine) holds the
 * tool's runtime dependencies. The docs repo's package-lock.json is therefore made here from ours:
 * the tarball's entry plus every entry that is not a devDependency of this project (the tool's
 * runtime tree, at the same places), as `npm install` would write it on a machine with the registry.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT, tempTree } from './cli.js';

interface LockEntry {
  version?: string;
  dev?: boolean;
  link?: boolean;
  [key: string]: unknown;
}
interface Manifest {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const OWN = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const TARBALL = `${OWN.name}-${OWN.version}.tgz`;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', ...env },
    timeout: 180_000,
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** The docs repo's lockfile: the tarball and this project's runtime tree (see the file comment). */
function lockfile(dir: string, spec: string): void {
  const own = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const tgz = readFileSync(join(dir, spec.slice('file:'.length)));
  const packages: Record<string, unknown> = {
    '': { name: pkg.name, devDependencies: pkg.devDependencies },
    'node_modules/ametijuhend': {
      version: OWN.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(tgz).digest('base64')}`,
      dev: true,
      license: OWN.license,
      dependencies: OWN.dependencies,
      bin: OWN.bin,
      engines: OWN.engines,
    },
  };
  for (const [path, entry] of Object.entries(own.packages))
    if (path !== '' && !entry.dev && !entry.link) packages[path] = { ...entry, dev: true };
  const lock = { name: pkg.name, lockfileVersion: 3, requires: true, packages };
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
}

/** Runs one CI command line as the runner's shell would, offline, with npm's usual cache. */
function ci(line: string, dir: string, cache: string): void {
  const r = run('bash', ['-eo', 'pipefail', '-c', line], dir, {
    npm_config_offline: 'true',
    npm_config_cache: cache,
    AMETIJUHEND_TODAY: '2026-01-15',
  });
  expect(r.code, `${line}\n${r.out}`).toBe(0);
}

/** The bare package names a compiled module imports (static, dynamic and createRequire). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const names: string[] = [];
  // statements only: `from '…'` at a line's import/export (a clause never holds `;` or parentheses,
  // so a function body between `export` and a later string is not one), import('…'), require('…')
  const statement =
    /^\s*(?:import|export)\b[^'";(){}]*(?:\{[^'";()]*\})?[^'";(){}]*?from\s*['"]([^'"]+)['"]|\b(?:import|require(?:\.resolve)?)\(\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith('.') || spec.startsWith('node:')) continue;
    names.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return names;
}

describe('a docs repository installs the packed tool and runs its CI offline', () => {
  let dir = '';
  let cache = '';
  let installed = '';

  beforeAll(() => {
    cache = run('npm', ['config', 'get', 'cache'], ROOT).out.trim();
    dir = join(tempTree({}), 'docs');
    mkdirSync(join(dir, 'vendor'), { recursive: true });
    // dist/ is fresh from the global setup: pack it as it is (prepare would build it again)
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', join(dir, 'vendor')], ROOT);
    expect(pack.code, pack.out).toBe(0);
    installed = join(dir, 'node_modules', 'ametijuhend');
  });

  it('init --tool-spec writes the tarball as a path inside the repo, without a warning', () => {
    const r = cli(['init', dir, '--lang', 'en', '--tool-spec', join(dir, 'vendor', TARBALL)], ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Warning');
    expect(r.stdout).toContain('npm install && npx ametijuhend check');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    expect(pkg.devDependencies).toEqual({ ametijuhend: `file:vendor/${TARBALL}` });
  });

  it('the GitHub workflow’s steps install, check and build, and the PDF is where the upload takes it', () => {
    lockfile(dir, `file:vendor/${TARBALL}`);
    const workflow = parse(readFileSync(join(dir, '.github/workflows/ametijuhend.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const line of runs) ci(line, dir, cache);
    // installed from the tarball, and the bin runs from node_modules, not from this checkout
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    expect(manifest.version).toBe(OWN.version);
    expect(existsSync(join(dir, 'dist', 'hr-specialist.pdf'))).toBe(true);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.with?.path).toBe('dist/**/*.pdf');
    expect(
      readFileSync(join(dir, 'dist', 'hr-specialist.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('the installed package: what dist imports is in its dependencies, no source maps, templates found', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    const files = readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.map') || /\.test\./.test(f))).toEqual([]);
    const imported = new Set(
      files.filter((f) => f.endsWith('.js')).flatMap((f) => importsOf(join(installed, 'dist', f))),
    );
    expect(imported.size).toBeGreaterThan(5);
    for (const name of imported) expect(Object.keys(manifest.dependencies), name).toContain(name);
    expect(imported.has('docx')).toBe(false);
    // the installed bin finds its templates in the package, from any working folder
    const init = run(join(dir, 'node_modules', '.bin', 'ametijuhend'), ['init', 'sub', '--lang', 'et'], dir);
    expect(init.code, init.out).toBe(0);
    expect(existsSync(join(dir, 'sub', 'personalispetsialist.md'))).toBe(true);
    rmSync(join(dir, 'sub'), { recursive: true });
  });

  it('the GitLab jobs’ before_script and scripts install, check (JUnit) and build', () => {
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    interface Job {
      stage: string;
      script: string[];
    }
    const gitlab = parse(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')) as {
      default?: { before_script?: string[] };
      stages: string[];
    } & Record<string, unknown>;
    const before = gitlab.default?.before_script ?? [];
    expect(before.length).toBeGreaterThan(0);
    const jobs = Object.values(gitlab).filter(
      (j): j is Job => typeof j === 'object' && j !== null && 'stage' in j && 'script' in j,
    );
    expect(jobs.map((j) => j.stage)).toEqual(gitlab.stages);
    // stage by stage, each job in a fresh container: before_script, then its script
    for (const stage of gitlab.stages)
      for (const job of jobs.filter((j) => j.stage === stage))
        for (const line of [...before, ...job.script]) ci(line, dir, cache);
    expect(readFileSync(join(dir, 'ametijuhend-junit.xml'), 'utf8')).toContain(
      '<testcase name="hr-specialist.md"',
    );
    expect(existsSync(join(dir, 'dist', 'hr-specialist.pdf'))).toBe(true);
  });
});
