/**
 * verify on real files: a description built with the real build (git-dated), its PDF put into a
 * DigiDoc-style signed container with two signers (test/signing-fixtures.ts), the real provenance
 * and container readers. Current, stale after a duty changes (the duties section named in
 * Estonian), current after a whitespace-only edit; PDF, DOCX and HTML; signatures of another PDF;
 * personal codes; bad files.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../src/compiler/compile.js';
import { loadRenderer } from '../src/render/index.js';
import { formatVerifyJson, formatVerifyText, verifyFiles } from '../src/signing/verify.js';
import { CODES, english, reference, signedContainer, signedRepo, tree } from './verify-repo.js';

/** A commit in the test repository at a fixed date (the outputs' date rule reads it). */
function git(dir: string, args: string[], date: string): void {
  const env = { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date };
  const r = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
    cwd: dir,
    env,
    stdio: 'pipe',
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stdout} ${r.stderr}`);
}

let repo: string;
let out: string;
let pdf: Buffer;
let signed: string;
beforeAll(async () => {
  ({ repo, out } = await signedRepo());
  pdf = readFileSync(join(out, 'ekspert-kriisiabi.pdf'));
  // the containers live outside the repository (they hold personal codes)
  signed = tree({
    'ekspert.asice': signedContainer('ekspert-kriisiabi.pdf', pdf),
    'other.asice': signedContainer('ekspert-kriisiabi.pdf', pdf, {
      signedBytes: Buffer.from('%PDF-1.7 another'),
    }),
  });
}, 120_000);

const source = (): string => join(repo, 'docs', 'ekspert-kriisiabi.md');

describe('verify on real files', () => {
  it('a signed container of today’s build: current, both signers, each signed this build', async () => {
    const r = await verifyFiles([join(signed, 'ekspert.asice')], { repo, lang: 'en' });
    expect(r.files).toHaveLength(1);
    const report = r.files[0]!;
    expect(report).toMatchObject({
      kind: 'container',
      dataFile: 'ekspert-kriisiabi.pdf',
      state: 'current',
      id: 'ekspert-kriisiabi',
      build: 'identical',
      pdfStandard: 'a-2a',
    });
    expect(
      report.signatures!.map((s) => [s.signer, s.signingTime, s.roles, s.timestamped, s.signedThisBuild]),
    ).toEqual([
      ['MARI TAMM', '2026-01-05T10:00:00Z', ['Osakonnajuhataja'], true, true],
      ['JAAN KASK', '2026-01-06T11:30:00Z', [], false, true],
    ]);
    const text = formatVerifyText(r, 'en');
    expect(text).toContain('signature 1: MARI TAMM');
    expect(text).toContain('role: Osakonnajuhataja');
    expect(text).toMatch(/NOT checked.*DigiDoc4/);
    // no personal code anywhere, not in the text, not in the JSON
    for (const shown of [text, formatVerifyJson(r, 'en')])
      for (const code of Object.values(CODES)) expect(shown).not.toContain(code);
  });

  it('personal codes only with showCodes', async () => {
    const r = await verifyFiles([join(signed, 'ekspert.asice')], { repo, lang: 'et', showCodes: true });
    expect(r.files[0]!.signatures!.map((s) => s.personalCode)).toEqual([CODES.mari, CODES.jaan]);
    expect(formatVerifyText(r, 'et')).toContain(`isikukood ${CODES.mari}`);
  });

  it('a signature whose digest is of another PDF did not sign this build', async () => {
    const r = await verifyFiles([join(signed, 'other.asice')], { repo, lang: 'en' });
    const [first, second] = r.files[0]!.signatures!;
    expect(first).toMatchObject({ signedThisBuild: true, coversDataFile: true });
    expect(second).toMatchObject({ signedThisBuild: false, coversDataFile: false });
    const text = formatVerifyText(r, 'en');
    expect(text).toContain('signature 2: JAAN KASK');
    expect(text).toMatch(/JAAN KASK.*did not sign this build/);
    expect(text).toContain('the signature does not cover the file ekspert-kriisiabi.pdf in the container');
  });

  it('the PDF, DOCX and HTML each are current', async () => {
    const files = ['pdf', 'docx', 'html'].map((e) => join(out, `ekspert-kriisiabi.${e}`));
    const r = await verifyFiles(files, { repo, lang: 'en' });
    expect(r.files.map((f) => [f.kind, f.state, f.id])).toEqual([
      ['pdf', 'current', 'ekspert-kriisiabi'],
      ['docx', 'current', 'ekspert-kriisiabi'],
      ['html', 'current', 'ekspert-kriisiabi'],
    ]);
  });

  it('a changed duty: stale, the duties section named in Estonian; the signers did not sign today’s build', async () => {
    try {
      writeFileSync(source(), reference.replace('Teenused on tõhusad ja mõjusad.', 'Teenused on tõhusad.'));
      const r = await verifyFiles([join(signed, 'ekspert.asice'), join(out, 'ekspert-kriisiabi.docx')], {
        repo,
        lang: 'en',
      });
      for (const f of r.files) {
        expect(f.state).toBe('stale');
        expect(f.changes).toEqual([{ part: 'sections.duties', label: 'Tööülesanded', change: 'changed' }]);
      }
      expect(r.files[0]!.signatures!.map((s) => [s.signedThisBuild, s.coversDataFile])).toEqual([
        [false, true],
        [false, true],
      ]);
      expect(formatVerifyText(r, 'en')).toContain('changed: Tööülesanded');
      // the English description's parts in English
      writeFileSync(
        join(repo, 'docs', 'data-analyst.md'),
        english.replace('title: Data Analyst', 'title: Senior Data Analyst'),
      );
      const en = await verifyFiles([join(out, 'data-analyst.pdf')], { repo, lang: 'et' });
      expect(en.files[0]!.changes).toEqual([{ part: 'title', label: 'Job title', change: 'changed' }]);
    } finally {
      writeFileSync(source(), reference);
      writeFileSync(join(repo, 'docs', 'data-analyst.md'), english);
    }
  });

  it('a whitespace-only edit: still current; committed, the new commit dates a description with no date', async () => {
    const reflowed = reference
      .replace('reportsTo: Tiimijuht', 'reportsTo:   Tiimijuht  ')
      .replace(
        /eesmärk on psühhosotsiaalse kriisiabi teenuse arendamise toetamine ja nõustamine\n/,
        'eesmärk on psühhosotsiaalse\nkriisiabi teenuse arendamise toetamine ja nõustamine\n',
      );
    expect(reflowed).not.toBe(reference);
    let committed = false;
    try {
      writeFileSync(source(), reflowed);
      const r = await verifyFiles([join(signed, 'ekspert.asice')], { repo });
      expect(r.files[0]).toMatchObject({ state: 'current', build: 'identical' });
      // data-analyst is dated by its `reviewed`: a committed whitespace edit keeps it current
      writeFileSync(
        join(repo, 'docs', 'data-analyst.md'),
        english.replace('title: Data Analyst', 'title:   Data Analyst'),
      );
      git(repo, ['commit', '-qam', 'reflow'], '2024-02-03T04:05:06Z');
      committed = true;
      const after = await verifyFiles([join(out, 'data-analyst.pdf'), join(signed, 'ekspert.asice')], {
        repo,
        lang: 'en',
      });
      expect(after.files[0]).toMatchObject({ state: 'current', build: 'identical' });
      // ekspert-kriisiabi has no date of its own: today's build carries the new commit's date
      // (the content is the same: current, as status --signed says, with a note)
      expect(after.files[1]).toMatchObject({ state: 'current', build: 'different' });
      expect(after.files[1]!.changes).toBeUndefined();
      expect(after.files[1]!.notes!.map((n) => n.code)).toEqual(['pdfDiffers']);
    } finally {
      // the repository as it was: the reflow commit dropped
      if (committed) git(repo, ['reset', '-q', '--hard', 'HEAD~1'], '2021-05-06T07:08:09Z');
      writeFileSync(source(), reference);
      writeFileSync(join(repo, 'docs', 'data-analyst.md'), english);
    }
  });

  it('files without provenance, damaged containers, unknown ids: unknown, the others still reported', async () => {
    const model = compileFile(source(), { cwd: repo }).model!;
    const render = await loadRenderer('pdf');
    const foreign = await render(model, { date: new Date(0), toolVersion: '0' });
    const bad = tree({
      'foreign.pdf': foreign,
      'page.html': '<!doctype html><html><head><title>x</title></head><body>hi</body></html>',
      'corrupt.asice': Buffer.from('PK\x03\x04 this is no zip at all', 'latin1'),
      'empty.bdoc': signedContainer('ekspert-kriisiabi.pdf', pdf).subarray(0, 200),
    });
    const files = ['foreign.pdf', 'page.html', 'corrupt.asice', 'empty.bdoc'].map((f) => join(bad, f));
    const r = await verifyFiles([...files, join(signed, 'ekspert.asice')], { repo, lang: 'en' });
    expect(r.files.map((f) => [f.state, f.reason?.code])).toEqual([
      ['unknown', 'noProvenance'],
      ['unknown', 'noProvenance'],
      ['unknown', 'damaged'],
      ['unknown', 'damaged'],
      ['current', undefined],
    ]);
    const text = formatVerifyText(r, 'en');
    expect(text).toContain('corrupt.asice: unknown\n  the file is damaged: ');
    expect(text).toContain('5 files: 1 current, 0 stale, 4 unknown');
    // another repository: the id is no description's there
    const empty = tree({ 'README.md': '# nothing\n' });
    const elsewhere = await verifyFiles([join(signed, 'ekspert.asice')], {
      repo: empty,
      cwd: empty,
      lang: 'en',
    });
    expect(elsewhere.files[0]!.reason!.message).toBe('no description with the id ekspert-kriisiabi in .');
  });
});
