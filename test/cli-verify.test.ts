/**
 * `ametijuhend verify FILE…` on the real CLI: exit 0 when every file is current, 1 otherwise, 2 for a
 * usage error; text in et/en, JSON; personal codes only with --show-codes; a corrupt container
 * reported while the other files still are.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContainer } from '../src/signing/container.js';
import type { VerifyResult } from '../src/signing/verify.js';
import { cli } from './cli.js';
import { CODES, reference, signedContainer, signedRepo, tree } from './verify-repo.js';

let repo: string;
let out: string;
let signed: string;
beforeAll(async () => {
  ({ repo, out } = await signedRepo());
  const pdf = readFileSync(join(out, 'ekspert-kriisiabi.pdf'));
  signed = tree({
    'ekspert.asice': signedContainer('ekspert-kriisiabi.pdf', pdf),
    'corrupt.asice': Buffer.from('PK\x03\x04 not a zip', 'latin1'),
  });
}, 120_000);

const verify = (args: string[], cwd = repo) => cli(['verify', ...args], cwd);

describe('ametijuhend verify', () => {
  it('exit 0 when every file is current; the report in English or Estonian', () => {
    const files = [
      join(signed, 'ekspert.asice'),
      join(out, 'ekspert-kriisiabi.pdf'),
      join(out, 'data-analyst.html'),
    ];
    const en = verify([...files, '--lang', 'en']);
    expect(en.stderr).toBe('');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('ekspert.asice › ekspert-kriisiabi.pdf: current');
    expect(en.stdout).toContain('signature 1: MARI TAMM');
    expect(en.stdout).toContain('signature 2: JAAN KASK');
    expect(en.stdout).toContain('The cryptographic validity of the signatures is NOT checked');
    expect(en.stdout).toContain('3 files: 3 current, 0 stale, 0 unknown');
    const et = verify([...files, '--lang', 'et']);
    expect(et.code).toBe(0);
    expect(et.stdout).toContain('ekspert.asice › ekspert-kriisiabi.pdf: ajakohane');
    expect(et.stdout).toContain('allkirjastas täpselt praeguse väljundi');
    expect(et.stdout).toContain('krüptograafilist kehtivust EI kontrollitud');
    for (const r of [en, et]) for (const code of Object.values(CODES)) expect(r.stdout).not.toContain(code);
  });

  it('--show-codes shows the personal codes; without it they are in neither text nor JSON', () => {
    const file = join(signed, 'ekspert.asice');
    const shown = verify([file, '--show-codes', '--lang', 'en']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`personal code ${CODES.mari}`);
    expect(shown.stdout).toContain(`personal code ${CODES.jaan}`);
    const json = verify([file, '--format', 'json']);
    expect(json.code).toBe(0);
    for (const code of Object.values(CODES)) expect(json.stdout).not.toContain(code);
    const parsed = JSON.parse(json.stdout) as VerifyResult;
    expect(parsed.cryptographyChecked).toBe(false);
    expect(parsed.files[0]!.signatures!.map((s) => s.signer)).toEqual(['MARI TAMM', 'JAAN KASK']);
    const withCodes = JSON.parse(verify([file, '--format', 'json', '--show-codes']).stdout) as VerifyResult;
    expect(withCodes.files[0]!.signatures!.map((s) => s.personalCode)).toEqual([CODES.mari, CODES.jaan]);
  });

  it('exit 1 for a stale file; a corrupt container is reported and the other files still are', () => {
    const source = join(repo, 'docs', 'ekspert-kriisiabi.md');
    try {
      writeFileSync(source, reference.replace('Teenused on tõhusad ja mõjusad.', 'Teenused on mõjusad.'));
      const r = verify([join(signed, 'corrupt.asice'), join(signed, 'ekspert.asice'), '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/corrupt\.asice: unknown\n {2}the file is damaged: /);
      expect(r.stdout).toContain('ekspert.asice › ekspert-kriisiabi.pdf: stale');
      expect(r.stdout).toContain('changed: Tööülesanded');
      expect(r.stdout).toContain('did not sign this build');
      expect(r.stdout).toContain('2 files: 0 current, 1 stale, 1 unknown');
    } finally {
      writeFileSync(source, reference);
    }
  });

  it('--repo names the folder of descriptions; paths are as given', () => {
    const elsewhere = tree({ 'x.txt': '' });
    const r = verify(['--repo', repo, join(out, 'data-analyst.pdf'), '--lang', 'en'], elsewhere);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('data-analyst.pdf: current');
    const notThere = verify([join(out, 'data-analyst.pdf'), '--lang', 'en'], elsewhere);
    expect(notThere.code).toBe(1);
    expect(notThere.stdout).toContain('no description with the id data-analyst in .');
  });

  it('a roster copy is re-made with its personalisation: current, the PDF byte for byte', () => {
    const hr = tree({
      'roster.csv': 'id,employee,employer,role\nekspert-kriisiabi,Mari Maasikas,Jaan Juht,Ekspert\n',
    });
    const built = cli(
      [
        'build',
        'docs',
        '--roster',
        join(hr, 'roster.csv'),
        '-o',
        join(hr, 'out'),
        '--format',
        'pdf,docx',
        '-q',
      ],
      repo,
    );
    expect(built.code).toBe(0);
    const files = ['pdf', 'docx'].map((e) => join(hr, 'out', `ekspert-kriisiabi-mari-maasikas.${e}`));
    const r = verify([...files, '--lang', 'en', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as VerifyResult;
    expect(json.files.map((f) => [f.state, f.id, f.provenance?.employee, f.build])).toEqual([
      ['current', 'ekspert-kriisiabi', 'Mari Maasikas', 'identical'],
      ['current', 'ekspert-kriisiabi', 'Mari Maasikas', undefined],
    ]);
    const text = verify([files[0]!, '--lang', 'et']);
    expect(text.stdout).toContain('isikustatud: Mari Maasikas');
  });

  it('build --asice → signed in DigiDoc4 → verify: the workflow end to end', () => {
    const built = cli(['build', 'docs', '--asice', '--format', 'pdf', '-o', 'dist', '-q'], repo);
    expect(built.code).toBe(0);
    const unsigned = join(out, 'ekspert-kriisiabi.asice');
    const r = verify([unsigned, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ekspert-kriisiabi.asice › ekspert-kriisiabi.pdf: current');
    expect(r.stdout).toContain('the container has no signatures');
    // DigiDoc4 rewrites the zip when it signs: the data file is compared, never the container
    const pdf = readContainer(readFileSync(unsigned)).files[0]!.bytes;
    const hr = tree({ 'signed/ekspert-kriisiabi.asice': signedContainer('ekspert-kriisiabi.pdf', pdf) });
    const after = verify([join(hr, 'signed', 'ekspert-kriisiabi.asice'), '--lang', 'en']);
    expect(after.code).toBe(0);
    expect(after.stdout.match(/signed exactly this build/g)).toHaveLength(2);
    const state = cli(['status', 'docs', '--signed', out, '--format', 'json'], repo);
    const rows = (JSON.parse(state.stdout) as { descriptions: { id: string; signed: { state: string } }[] })
      .descriptions;
    // the unsigned containers build wrote count as unsigned
    expect(rows.map((d) => [d.id, d.signed.state])).toEqual([
      ['data-analyst', 'unsigned'],
      ['ekspert-kriisiabi', 'unsigned'],
    ]);
    const signedState = cli(['status', 'docs', '--signed', hr, '--format', 'json'], repo);
    expect(signedState.stdout).toContain('"state": "current"');
  });

  it('exit 2 for usage errors; nothing written', () => {
    const before = readFileSync(join(out, 'data-analyst.pdf'));
    expect(verify([]).code).toBe(2);
    const noRepo = verify(['--repo', 'no-such-folder', join(out, 'data-analyst.pdf'), '--lang', 'en']);
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toContain('--repo no-such-folder: no such folder');
    expect(verify(['--format', 'xml', join(out, 'data-analyst.pdf')]).code).toBe(2);
    expect(verify(['--pdf-standard', 'a-9z', join(out, 'data-analyst.pdf')]).code).toBe(2);
    expect(readFileSync(join(out, 'data-analyst.pdf')).equals(before)).toBe(true);
  });

  it('--pdf-standard: built with another standard, the content is current but the PDF is not what build gives now', () => {
    const r = verify([join(out, 'data-analyst.pdf'), '--pdf-standard', 'a-2b', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('data-analyst.pdf: current');
    expect(r.stdout).toContain('not byte for byte what `build` gives now (PDF standard a-2b');
    expect(r.stdout).not.toContain('is byte for byte what');
  });
});
