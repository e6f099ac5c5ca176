/**
 * The scan of `status --signed DIR`: containers by name (.asice, .bdoc) anywhere below DIR, sorted,
 * never through a symbolic link, within SCAN_LIMITS (a deeper folder is not entered, and the scan
 * says so); a damaged container is noted, never fatal.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCAN_LIMITS, scanSigned } from '../src/signing/signed-status.js';

describe('the scan of signed containers', () => {
  it('finds containers by name, sorted, and notes damaged ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    mkdirSync(join(dir, 'b', 'c'), { recursive: true });
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'b', 'c', 'one.BDOC'), 'PK\x03\x04 broken');
    writeFileSync(join(dir, 'a.asice'), 'not a zip');
    writeFileSync(join(dir, 'notes.txt'), 'not a container');
    writeFileSync(join(dir, 'node_modules', 'x.asice'), 'skipped');
    const scan = await scanSigned('.', { cwd: dir, lang: 'en' });
    expect(scan.containers.map((c) => c.file)).toEqual(['a.asice', join('b', 'c', 'one.BDOC')]);
    for (const c of scan.containers) {
      expect(c.provenance).toBeUndefined();
      expect(c.problem).toMatch(/^the file is damaged: /);
    }
    expect(scan.truncated).toBeUndefined();
  });

  it('never follows a symbolic link, and stops at the depth limit, saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'elsewhere.asice'), 'x');
    symlinkSync(outside, join(dir, 'link'));
    symlinkSync(join(outside, 'elsewhere.asice'), join(dir, 'linked.asice'));
    let deep = dir;
    for (let i = 0; i <= SCAN_LIMITS.depth + 1; i++) deep = join(deep, `d${i}`);
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'deep.asice'), 'x');
    writeFileSync(join(dir, 'top.asice'), 'x');
    const scan = await scanSigned('.', { cwd: dir, lang: 'en' });
    expect(scan.containers.map((c) => c.file)).toEqual(['top.asice']);
    expect(scan.truncated).toBe('folders deeper than 16 levels in . were not looked at');
  });
});
