import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../../test/helpers.js';
import { readRegularFile } from './read.js';

describe('readRegularFile', () => {
  it('reads a regular file of up to the limit, and refuses one byte more', () => {
    const dir = tempProject({ 'a.txt': 'x'.repeat(100), 'b.txt': 'x'.repeat(101) });
    const a = readRegularFile(join(dir, 'a.txt'), 100);
    expect(a.ok && a.bytes.length).toBe(100);
    expect(readRegularFile(join(dir, 'b.txt'), 100)).toEqual({ ok: false, reason: 'tooLarge', size: 101 });
  });

  it('does not trust the size stat reports: a /proc file says 0 bytes and is still read whole', () => {
    const r = readRegularFile('/proc/self/status', 1024 * 1024);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.bytes.toString('utf8')).toMatch(/^Name:/);
    // and a limit smaller than what it holds is enforced while reading, not from stat
    expect(readRegularFile('/proc/self/status', 10)).toMatchObject({ ok: false, reason: 'tooLarge' });
  });

  it('refuses a named pipe without blocking, a device, a folder and a link to a device', () => {
    const dir = tempProject({});
    execFileSync('mkfifo', [join(dir, 'toru')]);
    mkdirSync(join(dir, 'kaust'));
    symlinkSync('/dev/zero', join(dir, 'null'));
    expect(readRegularFile(join(dir, 'toru'), 100)).toEqual({ ok: false, reason: 'special', kind: 'fifo' });
    expect(readRegularFile('/dev/zero', 100)).toEqual({ ok: false, reason: 'special', kind: 'device' });
    expect(readRegularFile(join(dir, 'null'), 100)).toEqual({ ok: false, reason: 'special', kind: 'device' });
    expect(readRegularFile(join(dir, 'kaust'), 100)).toEqual({
      ok: false,
      reason: 'special',
      kind: 'folder',
    });
  });

  it('gives every file-system error as a reason, never as an exception', () => {
    const dir = tempProject({ 'fail.txt': 'x' });
    symlinkSync('ring', join(dir, 'ring'));
    expect(readRegularFile(join(dir, 'puudub'), 100)).toEqual({ ok: false, reason: 'missing' });
    expect(readRegularFile(join(dir, 'fail.txt', 'all'), 100)).toEqual({ ok: false, reason: 'missing' });
    expect(readRegularFile(join(dir, 'ring'), 100)).toEqual({ ok: false, reason: 'io', code: 'ELOOP' });
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, 'salajane'), 'x', { mode: 0o000 });
      expect(readRegularFile(join(dir, 'salajane'), 100)).toEqual({ ok: false, reason: 'denied' });
    }
  });

  it('with an allowed root, refuses what is opened outside it (a name swapped for a link after its check)', () => {
    const root = realpathSync(tempProject({ 'in.txt': 'inside', 'sub/b.txt': 'b' }));
    const outside = realpathSync(tempProject({ 'secret.txt': 'SECRET' }));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'swapped.txt'));
    symlinkSync(join(root, 'sub', 'b.txt'), join(root, 'near.txt'));
    const a = readRegularFile(join(root, 'in.txt'), 100, root);
    expect(a.ok && a.bytes.toString()).toBe('inside');
    const b = readRegularFile(join(root, 'near.txt'), 100, root);
    expect(b.ok && b.bytes.toString()).toBe('b');
    expect(readRegularFile(join(root, 'swapped.txt'), 100, root)).toEqual({
      ok: false,
      reason: 'outside',
      real: join(outside, 'secret.txt'),
    });
    // without a root, following the link is the caller's decision
    expect(readRegularFile(join(root, 'swapped.txt'), 100).ok).toBe(true);
  });
});
