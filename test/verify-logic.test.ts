/**
 * verify's logic on real builds (buildPaths into a temp folder) with the two readers faked: the
 * provenance reader (embedded.ts) answers from a table of what each built file carries, the
 * container reader (container.ts) from a table of containers. What this file tests is verify's own
 * part: finding the description, the fingerprint and byte comparisons, the parts that changed,
 * signatures against today's build, personal codes, bad files. test/verify-real.test.ts runs the
 * same on the real readers and real containers.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPaths } from '../src/build/build.js';
import { compileFile } from '../src/compiler/compile.js';
import { provenanceOf } from '../src/model/fingerprint.js';
import type { Container, ContainerSignature, Embedded, Provenance } from '../src/signing/types.js';
import { SigningFailure } from '../src/signing/types.js';
import {
  declaredPdfStandard,
  formatVerifyJson,
  formatVerifyText,
  partChanges,
  sniffKind,
  verifyFiles,
  withoutCodes,
} from '../src/signing/verify.js';
import { VERSION } from '../src/util/version.js';

const fakes = vi.hoisted(() => ({
  embedded: new Map<string, Embedded['provenance']>(),
  containers: new Map<string, unknown>(),
}));
const key = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

vi.mock('../src/signing/embedded.js', () => ({
  readEmbedded: (bytes: Uint8Array, kind: Embedded['kind']): Promise<Embedded> => {
    const provenance = fakes.embedded.get(createHash('sha256').update(bytes).digest('hex'));
    return Promise.resolve(provenance ? { kind, provenance } : { kind });
  },
}));
vi.mock('../src/signing/container.js', () => ({
  readContainer: (bytes: Uint8Array): Container => {
    const c = fakes.containers.get(createHash('sha256').update(bytes).digest('hex'));
    if (c instanceof Error) throw c;
    if (!c) throw new Error('no fake container');
    return c as Container;
  },
}));

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');

function tree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A repository of two descriptions, built to pdf, html and docx; each output's provenance faked. */
async function builtRepo(): Promise<{ repo: string; out: string }> {
  const repo = tree({
    'ametijuhend.config.yaml': readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8'),
    'competencies.yaml': readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8'),
    'docs/ekspert-kriisiabi.md': reference,
    'docs/data-analyst.md': english,
  });
  const r = await buildPaths([repo], {
    formats: ['pdf', 'html', 'docx'],
    outDir: 'dist',
    cwd: repo,
    noCache: true,
  });
  // outputs mirror the sub-folders under the folder built
  const out = join(repo, 'dist', 'docs');
  expect(r.failures).toEqual([]);
  expect(r.built).toBe(2);
  for (const id of ['ekspert-kriisiabi', 'data-analyst']) {
    const model = compileFile(join(repo, 'docs', `${id}.md`), { cwd: repo }).model!;
    for (const ext of ['pdf', 'html', 'docx'])
      fakes.embedded.set(key(readFileSync(join(out, `${id}.${ext}`))), provenanceOf(model, VERSION));
  }
  return { repo, out };
}

const sha256b64 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

function signature(
  n: number,
  over: Uint8Array,
  name: string,
  code: string,
  file = 'ekspert-kriisiabi.pdf',
): ContainerSignature {
  return {
    entry: `META-INF/signatures${n}.xml`,
    id: `S${n}`,
    signer: { name, personalCode: code, commonName: `${name.toUpperCase()},${code}` },
    signingTime: `2026-01-0${n + 5}T10:00:00Z`,
    timestamped: n === 0,
    roles: n === 0 ? ['Juhataja'] : [],
    references: [
      {
        uri: file,
        file,
        algorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
        hash: 'sha256',
        digest: sha256b64(over),
      },
    ],
    problems: [],
  };
}

let repo: string;
let out: string;
beforeAll(async () => {
  ({ repo, out } = await builtRepo());
}, 120_000);

describe('what a file is', () => {
  it('is told by its content', () => {
    const pdf = readFileSync(join(out, 'ekspert-kriisiabi.pdf'));
    expect(sniffKind(pdf, 'x.bin')).toBe('pdf');
    expect(sniffKind(readFileSync(join(out, 'ekspert-kriisiabi.docx')), 'x.bin')).toBe('docx');
    expect(sniffKind(readFileSync(join(out, 'ekspert-kriisiabi.html')), 'x.txt')).toBe('html');
    expect(sniffKind(Buffer.from('just text'), 'x.pdf')).toBeUndefined();
    // an HTML page that speaks of %PDF- is still HTML
    expect(sniffKind(Buffer.from('<!DOCTYPE html><p>%PDF-1.7</p>'), 'x.pdf')).toBe('html');
    expect(sniffKind(Buffer.from('\uFEFF  <html lang="et">'), 'x')).toBe('html');
    // a zip with the container's mimetype first
    const zip = Buffer.concat([
      Buffer.from('PK\x03\x04', 'latin1'),
      Buffer.alloc(26),
      Buffer.from('mimetypeapplication/vnd.etsi.asic-e+zip'),
    ]);
    expect(sniffKind(zip, 'x.zip')).toBe('container');
  });

  it('reads the PDF standard back from the XMP', () => {
    expect(declaredPdfStandard(readFileSync(join(out, 'ekspert-kriisiabi.pdf')))).toBe('a-2a');
    expect(declaredPdfStandard(Buffer.from('%PDF-1.7 nothing'))).toBe('none');
  });
});

describe('personal codes', () => {
  it('are taken out of a name', () => {
    expect(withoutCodes('TAMM,MARI,38001085718', ['38001085718'])).toBe('TAMM,MARI');
    expect(withoutCodes('Mari Tamm PNOEE-38001085718')).toBe('Mari Tamm');
    expect(withoutCodes('Mari Tamm')).toBe('Mari Tamm');
  });
});

describe('the parts that changed', () => {
  it('are named in the document’s language, in the document’s order', () => {
    const then = { title: 'a', 'sections.duties': 'b', 'sections.rights': 'c' };
    const now = { title: 'a', 'sections.duties': 'x', 'requirements.knowledge': 'k' };
    expect(partChanges(then, now, 'et')).toEqual([
      { part: 'requirements.knowledge', label: 'Teadmised', change: 'added' },
      { part: 'sections.duties', label: 'Tööülesanded', change: 'changed' },
      { part: 'sections.rights', label: 'Õigused', change: 'removed' },
    ]);
    expect(partChanges(then, now, 'en')[1]!.label).toBe('Duties');
  });
});

describe('verify (readers faked)', () => {
  it('a fresh PDF, DOCX and HTML are current; the PDF byte for byte', async () => {
    const files = ['pdf', 'docx', 'html'].map((e) => join(out, `ekspert-kriisiabi.${e}`));
    const r = await verifyFiles(files, { repo, cwd: repo, lang: 'en' });
    expect(r.files.map((f) => [f.kind, f.state])).toEqual([
      ['pdf', 'current'],
      ['docx', 'current'],
      ['html', 'current'],
    ]);
    expect(r.files[0]!.build).toBe('identical');
    expect(r.files[0]!.source).toBe(join('docs', 'ekspert-kriisiabi.md'));
    expect(r.counts).toEqual({ current: 3, stale: 0, unknown: 0 });
  });

  it('a changed duty makes them stale, naming the duties section in Estonian; whitespace does not', async () => {
    const source = join(repo, 'docs', 'ekspert-kriisiabi.md');
    const pdf = join(out, 'ekspert-kriisiabi.pdf');
    try {
      writeFileSync(source, reference.replace('Teenused on tõhusad ja mõjusad.', 'Teenused on tõhusad.'));
      const stale = await verifyFiles([pdf], { repo, cwd: repo, lang: 'en' });
      expect(stale.files[0]!.state).toBe('stale');
      expect(stale.files[0]!.changes).toEqual([
        { part: 'sections.duties', label: 'Tööülesanded', change: 'changed' },
      ]);
      const text = formatVerifyText(stale, 'en');
      expect(text).toContain('changed: Tööülesanded');
      // whitespace only: the paragraph re-wrapped, a blank line between items
      writeFileSync(
        source,
        reference
          .replace(
            'Töökoha eesmärk on psühhosotsiaalse kriisiabi teenuse arendamise toetamine ja nõustamine\n',
            'Töökoha eesmärk on psühhosotsiaalse kriisiabi\nteenuse arendamise toetamine ja nõustamine ',
          )
          .replace('reportsTo: Tiimijuht', 'reportsTo:    Tiimijuht'),
      );
      const same = await verifyFiles([pdf], { repo, cwd: repo });
      expect(same.files[0]!.state).toBe('current');
      expect(same.files[0]!.build).toBe('identical');
    } finally {
      writeFileSync(source, reference);
    }
  });

  it('the same content built by another version: current content, built by another version', async () => {
    const model = compileFile(join(repo, 'docs', 'data-analyst.md'), { cwd: repo }).model!;
    const other: Provenance = { ...provenanceOf(model, VERSION), tool: '0.0.1' };
    const bytes = Buffer.from(`%PDF-1.7\n% another build ${Math.random()}`);
    const file = join(repo, 'old.pdf');
    writeFileSync(file, bytes);
    fakes.embedded.set(key(bytes), other);
    const r = await verifyFiles([file], { repo, cwd: repo, lang: 'en' });
    expect(r.files[0]).toMatchObject({ state: 'current', build: 'other-version' });
    expect(formatVerifyText(r, 'en')).toContain(
      'current content, built by another version: ametijuhend 0.0.1',
    );
    // the same version with other bytes: not what build gives now
    fakes.embedded.set(key(bytes), { ...other, tool: VERSION });
    const again = await verifyFiles([file], { repo, cwd: repo, lang: 'en' });
    expect(again.files[0]).toMatchObject({ state: 'current', build: 'different' });
    expect(again.files[0]!.notes!.map((n) => n.code)).toEqual(['pdfDiffers']);
  });

  it('a container: both signers, who signed this build and who did not, codes only when asked', async () => {
    const pdf = readFileSync(join(out, 'ekspert-kriisiabi.pdf'));
    const bytes = Buffer.from(`PK\x03\x04 fake container ${Math.random()}`, 'latin1');
    const file = join(repo, 'signed.asice');
    writeFileSync(file, bytes);
    const container: Container = {
      mimetype: 'application/vnd.etsi.asic-e+zip',
      files: [{ name: 'ekspert-kriisiabi.pdf', mediaType: 'application/pdf', bytes: pdf }],
      signatures: [
        signature(0, pdf, 'Mari Tamm', '48001085718'),
        signature(1, Buffer.from('another PDF'), 'Jaan Kask', '38001085718'),
      ],
    };
    fakes.containers.set(key(bytes), container);
    const r = await verifyFiles([file], { repo, cwd: repo, lang: 'en' });
    const report = r.files[0]!;
    expect(report).toMatchObject({ kind: 'container', dataFile: 'ekspert-kriisiabi.pdf', state: 'current' });
    expect(report.signatures!.map((s) => [s.signer, s.signedThisBuild, s.coversDataFile])).toEqual([
      ['Mari Tamm', true, true],
      ['Jaan Kask', false, false],
    ]);
    expect(report.signatures![0]).toMatchObject({
      roles: ['Juhataja'],
      timestamped: true,
      signingTime: '2026-01-05T10:00:00Z',
    });
    const text = formatVerifyText(r, 'en');
    expect(text).toContain('signed exactly this build');
    expect(text).toContain('did not sign this build');
    expect(text).toContain('NOT checked');
    const json = formatVerifyJson(r, 'en');
    for (const shown of [text, json]) {
      expect(shown).not.toContain('48001085718');
      expect(shown).not.toContain('38001085718');
    }
    const withCodes = await verifyFiles([file], { repo, cwd: repo, lang: 'et', showCodes: true });
    expect(withCodes.files[0]!.signatures!.map((s) => s.personalCode)).toEqual([
      '48001085718',
      '38001085718',
    ]);
    expect(formatVerifyText(withCodes, 'et')).toContain('isikukood 48001085718');
    expect(formatVerifyText(withCodes, 'et')).toContain('EI kontrollitud');
  });

  it('an id two descriptions have is ambiguous: unknown, naming both', async () => {
    const copy = join(repo, 'docs', 'copy.md');
    writeFileSync(copy, english);
    try {
      const r = await verifyFiles([join(out, 'data-analyst.pdf')], { repo, cwd: repo, lang: 'en' });
      expect(r.files[0]!.reason!.code).toBe('ambiguous');
      expect(r.files[0]!.reason!.message).toContain(join('docs', 'copy.md'));
      expect(r.files[0]!.reason!.message).toContain(join('docs', 'data-analyst.md'));
    } finally {
      rmSync(copy);
    }
  });

  it('bad files are unknown with a reason, and never stop the others', async () => {
    const noProvenance = join(repo, 'foreign.pdf');
    writeFileSync(noProvenance, '%PDF-1.4\n% not ours\n');
    const text = join(repo, 'notes.txt');
    writeFileSync(text, 'hello');
    const corrupt = join(repo, 'corrupt.asice');
    const corruptBytes = Buffer.from('PK\x03\x04 broken', 'latin1');
    writeFileSync(corrupt, corruptBytes);
    fakes.containers.set(key(corruptBytes), new SigningFailure('signing.notAContainer'));
    const unknownId = join(repo, 'unknown-id.pdf');
    const unknownBytes = Buffer.from('%PDF-1.7 other repo');
    writeFileSync(unknownId, unknownBytes);
    fakes.embedded.set(key(unknownBytes), {
      id: 'no-such-id',
      tool: VERSION,
      fingerprint: 'a'.repeat(64),
      parts: {},
    });
    const good = join(out, 'data-analyst.pdf');
    const r = await verifyFiles([noProvenance, text, corrupt, join(repo, 'missing.pdf'), unknownId, good], {
      repo,
      cwd: repo,
      lang: 'en',
    });
    expect(r.files.map((f) => [f.state, f.reason?.code])).toEqual([
      ['unknown', 'noProvenance'],
      ['unknown', 'notRecognised'],
      ['unknown', 'damaged'],
      ['unknown', 'missing'],
      ['unknown', 'noSuchDescription'],
      ['current', undefined],
    ]);
    expect(r.files[4]!.reason!.message).toBe('no description with the id no-such-id in .');
    expect(formatVerifyText(r, 'en')).toMatch(/6 files: 1 current, 0 stale, 5 unknown/);
    expect(formatVerifyText(r, 'et')).toMatch(/6 faili: 1 ajakohane, 0 aegunut, 5 tundmatut/);
  });
});
