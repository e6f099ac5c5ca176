/**
 * `ametijuhend status --signed DIR` on the real CLI: the newest signed container per description (by
 * the claimed signing time), who signed and when, current / stale / unsigned (an unsigned container
 * is unsigned), as a table, JSON and CSV; containers of no description listed apart; no personal
 * code anywhere; symbolic links not followed.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../src/compiler/compile.js';
import { provenanceOf } from '../src/model/fingerprint.js';
import { loadRenderer } from '../src/render/index.js';
import { VERSION } from '../src/util/version.js';
import { cli } from './cli.js';
import { CODES, english, reference, signedContainer, signedRepo, tree } from './verify-repo.js';

let repo: string;
let signed: string;
beforeAll(async () => {
  const support = reference.replace(
    'title: Ekspert (psühhosotsiaalne kriisiabi)',
    'id: tugiisik\ntitle: Tugiisik',
  );
  let out: string;
  ({ repo, out } = await signedRepo({ 'docs/tugiisik.md': support }));
  const pdf = (id: string): Buffer => readFileSync(join(out, `${id}.pdf`));
  // an older copy of ekspert-kriisiabi (another duty), signed a year before today's
  const model = compileFile(join(repo, 'docs', 'ekspert-kriisiabi.md'), { cwd: repo }).model!;
  const older = { ...model, title: 'Ekspert (vana)' };
  const render = await loadRenderer('pdf');
  const olderPdf = await render(older, {
    date: new Date(Date.UTC(2020, 0, 1)),
    toolVersion: VERSION,
    provenance: provenanceOf(older, VERSION),
  });
  // a description no longer in the repository
  const gone = { ...model, id: 'kadunud-ametikoht' };
  const gonePdf = await render(gone, {
    date: new Date(0),
    toolVersion: VERSION,
    provenance: provenanceOf(gone, VERSION),
  });
  signed = tree({
    '2026/ekspert.asice': signedContainer('ekspert-kriisiabi.pdf', pdf('ekspert-kriisiabi')),
    '2025/ekspert-vana.asice': signedContainer('ekspert-kriisiabi.pdf', olderPdf, {
      times: ['2025-01-05T10:00:00Z', '2025-01-06T10:00:00Z'],
    }),
    'analyst.bdoc': signedContainer('data-analyst.pdf', pdf('data-analyst'), { signers: 1 }),
    // built, never signed
    'tugiisik.asice': signedContainer('tugiisik.pdf', pdf('tugiisik'), { signers: 0 }),
    'gone.asice': signedContainer('kadunud-ametikoht.pdf', gonePdf, { signers: 1 }),
    'broken.asice': 'PK\x03\x04 broken',
    'notes.txt': 'not a container',
  });
  // a link out of the folder is never followed
  const outside = tree({ 'elsewhere.asice': signedContainer('data-analyst.pdf', pdf('data-analyst')) });
  symlinkSync(outside, join(signed, 'link'));
  // data-analyst changed since it was signed
  writeFileSync(
    join(repo, 'docs', 'data-analyst.md'),
    english.replace('title: Data Analyst', 'title: Lead Data Analyst'),
  );
}, 120_000);

const status = (args: string[]) =>
  cli(['status', 'docs', '--signed', signed, ...args], repo, { AMETIJUHEND_TODAY: '2026-06-01' });

/** RFC 4180 records (quoted fields with doubled quotes, CRLF ends). */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

interface SignedJson {
  descriptions: {
    id: string;
    signed: { state: string; container: string | null; signers: string[]; signedAt: string | null };
  }[];
  unknownContainers: { container: string; id: string | null; reason: string }[];
}

describe('status --signed', () => {
  it('JSON: the newest signed container of each description, current / stale / unsigned', () => {
    const r = status(['--format', 'json', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as SignedJson;
    const byId = Object.fromEntries(json.descriptions.map((d) => [d.id, d.signed]));
    expect(byId['ekspert-kriisiabi']).toEqual({
      state: 'current',
      container: join(signed, '2026', 'ekspert.asice'),
      signers: ['MARI TAMM', 'JAAN KASK'],
      signedAt: '2026-01-06T11:30:00Z',
    });
    expect(byId['data-analyst']).toEqual({
      state: 'stale',
      container: join(signed, 'analyst.bdoc'),
      signers: ['MARI TAMM'],
      signedAt: '2026-01-05T10:00:00Z',
    });
    expect(byId.tugiisik).toEqual({ state: 'unsigned', container: null, signers: [], signedAt: null });
    expect(json.unknownContainers.map((u) => [u.container, u.id])).toEqual([
      [join(signed, 'broken.asice'), null],
      [join(signed, 'gone.asice'), 'kadunud-ametikoht'],
    ]);
    expect(json.unknownContainers[1]!.reason).toContain('no description with the id kadunud-ametikoht');
    for (const code of Object.values(CODES)) expect(r.stdout).not.toContain(code);
    expect(r.stdout).not.toContain('elsewhere');
  });

  it('the table in Estonian, the containers of no description after it', () => {
    const r = status(['--lang', 'et']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/Allkiri\s+Konteiner\s+Allkirjastajad\s+Allkirjastatud$/);
    const row = (id: string): string => lines.find((l) => l.startsWith(`${id} `))!;
    expect(row('ekspert-kriisiabi')).toMatch(
      /ajakohane\s+\S*ekspert\.asice\s+MARI TAMM, JAAN KASK\s+2026-01-06$/,
    );
    expect(row('data-analyst')).toMatch(/aegunud\s+\S*analyst\.bdoc\s+MARI TAMM\s+2026-01-05$/);
    expect(row('tugiisik')).toMatch(/allkirjastamata\s+—\s+—\s+—$/);
    expect(r.stdout).toContain('Konteinerid, mida ei saa ühegi ametijuhendiga siduda:');
    expect(r.stdout).toMatch(/gone\.asice: kaustas \. pole ametijuhendit tunnusega kadunud-ametikoht/);
    for (const code of Object.values(CODES)) expect(r.stdout).not.toContain(code);
  });

  it('CSV: the signed columns, English tokens, a record per container of no description', () => {
    const r = status(['--format', 'csv']);
    expect(r.code).toBe(0);
    const records = readCsv(r.stdout);
    expect(records[0]).toEqual([
      'file',
      'id',
      'title',
      'unit',
      'version',
      'reviewed',
      'reviewDue',
      'errors',
      'warnings',
      'signed',
      'container',
      'signedBy',
      'signedAt',
    ]);
    const byId = Object.fromEntries(records.slice(1).map((c) => [c[1], c.slice(9)]));
    expect(byId['ekspert-kriisiabi']).toEqual([
      'current',
      join(signed, '2026', 'ekspert.asice'),
      'MARI TAMM, JAAN KASK',
      '2026-01-06T11:30:00Z',
    ]);
    expect(byId['data-analyst']![0]).toBe('stale');
    expect(byId.tugiisik).toEqual(['unsigned', '', '', '']);
    expect(byId['kadunud-ametikoht']).toEqual(['unknown', join(signed, 'gone.asice'), '', '']);
    for (const code of Object.values(CODES)) expect(r.stdout).not.toContain(code);
  });

  it('a container is shown as the folder was given, then its path below it', () => {
    const r = cli(
      ['status', join(repo, 'docs'), '--signed', basename(signed), '--format', 'json'],
      dirname(signed),
    );
    const json = JSON.parse(r.stdout) as SignedJson;
    const ekspert = json.descriptions.find((d) => d.id === 'ekspert-kriisiabi')!;
    expect(ekspert.signed.container).toBe(join(basename(signed), '2026', 'ekspert.asice'));
  });

  it('without --signed the output is as before; a folder that is not there is a usage error', () => {
    const plain = cli(['status', 'docs', '--format', 'json'], repo);
    expect(Array.isArray(JSON.parse(plain.stdout))).toBe(true);
    expect(plain.stdout).not.toContain('"signed"');
    const missing = cli(['status', 'docs', '--signed', 'no-such-dir', '--lang', 'en'], repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--signed no-such-dir: no such folder');
  });
});
