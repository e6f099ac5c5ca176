/**
 * A git repository of two descriptions for the verify and status --signed tests, built with the real
 * build, and signed containers made of its PDFs (test/signing-fixtures.ts): a signer with an ID-card
 * certificate (the personal code in CN and serialNumber) and one with a Smart-ID certificate.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPaths } from '../src/build/build.js';
import { digidocContainer, makeCertificate, signatureXml } from './signing-fixtures.js';

const EXAMPLES = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'examples');
export const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
export const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');

/** The personal codes of the two test signers (never to be printed without --show-codes). */
export const CODES = { mari: '48001085718', jaan: '38905120291' } as const;

export function git(dir: string, args: string[], date?: string): void {
  const dated = date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {};
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', ...dated },
    stdio: 'ignore',
  });
}

export function tree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/**
 * The repository (committed on 2021-05-06; ekspert-kriisiabi has no date of its own, so its outputs
 * are dated by that commit; data-analyst by its `reviewed`), and its outputs in `dist/docs`.
 */
export async function signedRepo(extra: Record<string, string> = {}): Promise<{ repo: string; out: string }> {
  const repo = tree({
    ...extra,
    'ametijuhend.config.yaml': readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8'),
    'competencies.yaml': readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8'),
    'docs/ekspert-kriisiabi.md': reference,
    'docs/data-analyst.md': english,
    '.gitignore': 'dist/\n',
  });
  git(repo, ['init', '-q']);
  git(repo, ['add', '.']);
  git(repo, ['commit', '-qm', 'first'], '2021-05-06T07:08:09Z');
  const r = await buildPaths(['docs'], {
    formats: ['pdf', 'docx', 'html'],
    outDir: 'dist',
    cwd: repo,
    noCache: true,
  });
  if (r.failures.length || r.errorCount > 0) throw new Error(`build failed: ${JSON.stringify(r.failures)}`);
  return { repo, out: join(repo, 'dist') };
}

const jaan = makeCertificate({
  commonName: 'Jaan Kask',
  givenName: 'JAAN',
  surname: 'KASK',
  serialNumber: `PNOEE-${CODES.jaan}`,
  serial: '02',
});
// Mari's ID-card certificate: her code in CN and serialNumber
const mariCert = makeCertificate({
  commonName: `TAMM,MARI,${CODES.mari}`,
  serialNumber: `PNOEE-${CODES.mari}`,
  serial: '03',
});

/**
 * A container as DigiDoc4 leaves it after two signatures over `pdf` (named `name`); `signedBytes`
 * replaces what the second signer's digest is of (a signature of another PDF).
 */
export function signedContainer(
  name: string,
  pdf: Uint8Array,
  options: { signedBytes?: Uint8Array; signers?: 0 | 1 | 2; times?: [string, string] } = {},
): Uint8Array {
  const signers = options.signers ?? 2;
  const sigs = [
    signatureXml({
      file: name,
      bytes: pdf,
      certificate: mariCert.der,
      signingTime: options.times?.[0] ?? '2026-01-05T10:00:00Z',
      role: 'Osakonnajuhataja',
      id: 'S0',
    }),
    signatureXml({
      file: name,
      bytes: options.signedBytes ?? pdf,
      certificate: jaan.der,
      signingTime: options.times?.[1] ?? '2026-01-06T11:30:00Z',
      id: 'S1',
      timestamp: false,
    }),
  ].slice(0, signers);
  return digidocContainer([{ name, bytes: pdf }], sigs);
}
