// Packages the VS Code extension (editors/vscode) into a .vsix and prints its path.
// `node scripts/package-vscode.mjs [--out FILE]` (default out/ametijuhend-<version>.vsix, ignored by git).
// Steps: install the extension's own dependencies (npm ci in editors/vscode, only when its
// node_modules is missing or older than its package-lock.json), type-check it with its own tsconfig,
// bundle src/extension.ts with esbuild into dist/extension.js (one file: the .vsix has no
// node_modules), then `vsce package --no-dependencies`. Nothing here needs the network except npm ci.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXT = join(ROOT, 'editors', 'vscode');

function fail(text) {
  process.stderr.write(`package-vscode: ${text}\n`);
  process.exit(1);
}

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) fail(`${command}: ${r.error.message}`);
  if (r.status !== 0) fail(`${command} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function parseArgs(argv) {
  let out;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) out = resolve(argv[++i]);
    else fail(`unknown argument ${argv[i]} (use --out FILE)`);
  }
  return { out };
}

function installIfNeeded() {
  const stamp = join(EXT, 'node_modules', '.package-lock.json');
  const lock = join(EXT, 'package-lock.json');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs) return;
  // --ignore-scripts: nothing of the extension's tools needs an install script (esbuild finds its
  // platform package by itself; keytar, vsce's optional keychain, is only for publishing)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['ci', '--prefix', EXT, '--ignore-scripts', '--no-audit', '--no-fund'], ROOT);
}

async function bundle() {
  const require = createRequire(join(EXT, 'package.json'));
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(EXT, 'tsconfig.json')], EXT);
  const esbuild = require('esbuild');
  rmSync(join(EXT, 'dist'), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: EXT,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: true,
    keepNames: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

const { out: given } = parseArgs(process.argv.slice(2));
const { version } = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));
const out = given ?? join(ROOT, 'out', `ametijuhend-${version}.vsix`);
installIfNeeded();
await bundle();
mkdirSync(dirname(out), { recursive: true });
rmSync(out, { force: true });
const vsce = join(EXT, 'node_modules', '@vscode', 'vsce', 'vsce');
// no repository URL to invent: the README has no relative links for vsce to rewrite
run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', out], EXT);
if (!existsSync(out)) fail(`vsce wrote no ${out}`);
process.stdout.write(`${out}\n`);
