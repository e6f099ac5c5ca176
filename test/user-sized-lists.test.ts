/**
 * Lists whose length the user controls (config entries, skipped paths) are never spread into a
 * call's arguments: 300,000 of anything would overflow the call stack (RangeError).
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/project/discover.js';
import { ConfigLoader } from '../src/config/load.js';
import { formatTable, type StatusRow } from '../src/project/status.js';
import { countDiagnostics, type Diagnostic } from '../src/validate/diagnostic.js';
import { BASE_CONFIG, compileInProject, REFERENCE, replace, tempProject } from './helpers.js';

describe('user-sized lists', () => {
  it('compiles with a config of 300,000 extra sections', () => {
    const config = `${BASE_CONFIG}extraSections: [${Array.from({ length: 300_000 }, () => 'a').join(',')}]\n`;
    expect(Buffer.byteLength(config)).toBeLessThan(1024 * 1024);
    const r = compileInProject(
      replace(REFERENCE, '## Töökoha eesmärk', '## Tundmatu\n\nx\n\n## Töökoha eesmärk'),
      config,
    );
    const text = JSON.stringify(r.diagnostics);
    expect(text).not.toMatch(/call stack|RangeError/);
    expect(r.diagnostics.filter((d) => d.rule === 'unknown-section')).toHaveLength(1);
  }, 60_000);

  it('lists 150,000 broken links as skipped', async () => {
    const dir = tempProject({ 'a.md': REFERENCE });
    mkdirSync(join(dir, 'links'));
    for (let i = 0; i < 150_000; i++) symlinkSync('missing', join(dir, 'links', `x${i}.md`));
    const skipped: Diagnostic[] = [];
    const files = await discover([dir], new ConfigLoader({ cwd: dir }), dir, { skipped });
    expect(files.map((f) => f.path)).toEqual([join(dir, 'a.md')]);
    // the first 50 are listed, one more line counts the rest (every total counts all 150,000)
    expect(skipped).toHaveLength(51);
    expect(skipped[0]).toMatchObject({ rule: 'skipped-path', file: 'links/x0.md' });
    expect(skipped[50]).toMatchObject({ rule: 'skipped-path', file: '.', omitted: 149_950 });
    expect(skipped[50]!.message).toBe('Vahele jäeti veel 149\u00a0950 teed (näidatud on esimesed 50).');
    expect(countDiagnostics(skipped).warnings).toBe(150_000);
  }, 120_000);

  it('formats a status table of 200,000 rows', () => {
    const row = (i: number): StatusRow => ({
      file: `f${i}.md`,
      id: `f${i}`,
      title: 'x',
      unit: ['u'],
      version: null,
      reviewed: null,
      reviewDue: null,
      errors: i === 7 ? 12_345 : 0,
      warnings: 0,
    });
    const lines = formatTable(
      Array.from({ length: 200_000 }, (_, i) => row(i)),
      'en',
    ).split('\n');
    expect(lines.length).toBeGreaterThan(200_000);
    // the widest id (f199999) and error count (12345) set the columns: every row lines up
    expect(lines[2]).toMatch(/^f0 {7}x /);
    expect(lines[9]!.endsWith('  12345         0')).toBe(true);
    expect(lines[2]!.length).toBe(lines[9]!.length);
  }, 60_000);
});
