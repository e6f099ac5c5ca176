/**
 * Messages a user reads outside the diagnostics (usage errors, failures, help) are in English and
 * Estonian, like every other message.
 */
import { describe, expect, it } from 'vitest';
import { cli, tempTree } from './cli.js';

describe('usage errors of paths', () => {
  it('say in both languages that a path or a glob finds nothing', () => {
    const dir = tempTree({ 'docs/a.txt': 'x' });
    const missing = cli(['check', 'puudub'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'no such file or folder: puudub / sellist faili ega kausta pole: puudub',
    );
    const glob = cli(['check', 'docs/*.md'], dir);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('no files match "docs/*.md" / mustrile „docs/*.md“ ei vasta ühtegi faili');
  });
});

describe('build --help', () => {
  it('describes --jobs and its cap in both languages', () => {
    const help = cli(['build', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('worker threads (default: one per core, at most 4; at most one per core)');
    expect(help).toContain('lõimede arv (vaikimisi üks tuuma kohta, kuni 4; kunagi rohkem kui tuumi)');
  });
});
