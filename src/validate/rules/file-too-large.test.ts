import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFile } from '../../compiler/compile.js';
import { compileRef, expectClean, only, REFERENCE } from '../../../test/helpers.js';
import { MAX_SOURCE_BYTES, reportTooLarge } from './file-too-large.js';
import { Collector } from '../rule.js';

const huge = `${REFERENCE}\n${'Pikk lõik, mis kordub. '.repeat(MAX_SOURCE_BYTES / 20)}\n`;

describe('file-too-large', () => {
  it('reports a source over 1 MiB at 1:1 without parsing it', () => {
    const r = compileRef(huge, { lang: 'en' });
    const d = only(r, 'file-too-large');
    expect([d.line, d.column, d.severity]).toEqual([1, 1, 'error']);
    expect(d.message).toMatch(/too large \(1\.\d MiB\)/);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.model).toBeUndefined();
  });

  it('reports a file over 1 MiB (Estonian)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ametijuhend-large-'));
    const path = join(dir, 'suur.md');
    writeFileSync(path, huge);
    expect(only(compileFile(path), 'file-too-large').message).toMatch(/liiga suur/);
  });

  it('stays silent for a description', () => {
    expectClean(compileRef(REFERENCE));
  });
});

describe('reportTooLarge (the rule’s logic)', () => {
  it('reports a size past MAX_SOURCE_BYTES, with the size in MiB', () => {
    const c = new Collector('en', 'a.md');
    expect(reportTooLarge(MAX_SOURCE_BYTES, c)).toBe(false);
    expect(reportTooLarge(3 * 1024 * 1024, c)).toBe(true);
    expect(c.diagnostics.map((d) => [d.rule, d.message])).toEqual([
      [
        'file-too-large',
        'The file is too large (3.0 MiB): a job description is at most 1 MiB. Is this the right file?',
      ],
    ]);
  });
});
