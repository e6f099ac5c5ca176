/**
 * The LibreOffice conversion's own guards, with stand-in programs: a time-out kills the program and
 * what it started, and nothing of the call is left in the temporary folder.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertToDocx, sofficePath } from './convert.js';
import { ImportFailure } from './types.js';

function program(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-soffice-'));
  const path = join(dir, 'soffice');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const leftovers = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('ametijuhend-convert-'));

describe('convertToDocx', () => {
  it('kills a program that runs too long, with what it started, and fails every input of the call', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'pid-')), 'pid');
    // the script starts a child (as soffice starts soffice.bin) and waits for it
    const slow = program(`sleep 30 &\necho $! > ${JSON.stringify(pidFile)}\nwait`);
    const started = Date.now();
    const out = await convertToDocx(
      [
        { bytes: new Uint8Array([1]), format: 'rtf' },
        { bytes: new Uint8Array([2]), format: 'odt' },
      ],
      slow,
      500,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out).toHaveLength(2);
    for (const r of out) {
      expect(r).toBeInstanceOf(ImportFailure);
      expect((r as ImportFailure).id).toBe('import.convertFailed');
      expect((r as ImportFailure).data.detail).toBe('timeout 1 s');
    }
    const child = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
    // gone, or a zombie waiting for a reaper that does not reap (as in some containers)
    const state = existsSync(`/proc/${child}/stat`)
      ? readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]![0]
      : 'gone';
    expect(['gone', 'Z', 'X']).toContain(state);
    expect(leftovers()).toEqual([]);
  });

  it('fails with the program’s last line of errors, and leaves nothing behind', async () => {
    const bad = program('echo "first" >&2\necho "Error: source file could not be loaded" >&2\nexit 1');
    const [r] = await convertToDocx([{ bytes: new Uint8Array([1]), format: 'doc' }], bad);
    expect((r as ImportFailure).data.detail).toBe('Error: source file could not be loaded');
    expect(leftovers()).toEqual([]);
  });

  it('AMETIJUHEND_SOFFICE names the program, or turns conversion off', () => {
    expect(sofficePath({ AMETIJUHEND_SOFFICE: '/opt/lo/soffice', PATH: '' })).toBe('/opt/lo/soffice');
    expect(sofficePath({ AMETIJUHEND_SOFFICE: 'none', PATH: '/usr/bin' })).toBeUndefined();
    expect(sofficePath({ AMETIJUHEND_SOFFICE: '', PATH: '/usr/bin' })).toBeUndefined();
  });
});
