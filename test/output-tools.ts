/**
 * Global setup of the output suite: every program its tests run must be there, or the suite fails
 * at once naming what is missing (never a test polling for it, never a skip).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The programs, by name; a list is alternatives (any one will do). */
const PROGRAMS: (string | string[])[] = [
  'pdftotext',
  'pdfinfo',
  'pdffonts',
  'qpdf',
  ['soffice', 'libreoffice'],
  'java',
  ['chromium', 'chromium-browser'],
];
/** Files the tests load into those programs. */
const FILES = [
  ...['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map(
    (n) => `/usr/share/java/${n}.jar`,
  ),
  join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar'),
  join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'),
];

/**
 * Converts `files` with LibreOffice into `outDir` as `to` ("pdf", "txt:Text (encoded):UTF8", "docx"),
 * all in one call (a call costs seconds), with a profile of its own (so it runs beside another
 * LibreOffice).
 */
export function libreOfficeConvert(files: readonly string[], to: string, outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      ...files,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
}

/** Where `name` is on PATH (an executable file), like `which`. */
export function which(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** What is missing, by name (empty when everything is there). */
export function missingTools(path = process.env.PATH ?? ''): string[] {
  const missing: string[] = [];
  for (const program of PROGRAMS) {
    const names = typeof program === 'string' ? [program] : program;
    if (!names.some((n) => which(n, path))) missing.push(names.join(' or '));
  }
  for (const file of FILES) if (!existsSync(file)) missing.push(file);
  return missing;
}

export default function setup(): void {
  const missing = missingTools();
  if (missing.length) {
    throw new Error(
      `the output suite needs programs that are not installed: ${missing.join(', ')} ` +
        `(install them, or run only the unit suite: npm run test:unit)`,
    );
  }
}
