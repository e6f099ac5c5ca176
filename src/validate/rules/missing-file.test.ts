import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFile } from '../../compiler/compile.js';
import { Collector } from '../rule.js';
import { reportReadFailure } from './unreadable-file.js';
import { BASE_CONFIG, compileInProject, only, REFERENCE, tempProject } from '../../../test/helpers.js';

describe('missing-file', () => {
  it('reports a description that is not there under its own rule, in words without error codes', () => {
    const dir = tempProject({});
    const r = compileFile(join(dir, 'puudub.md'), { cwd: dir });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['missing-file']);
    expect(r.diagnostics[0]).toMatchObject({ file: 'puudub.md', line: 1, column: 1, severity: 'error' });
    expect(r.diagnostics[0]!.message).toBe(
      'Faili ei ole olemas: kas see on kustutatud, ümber nimetatud või teise kausta viidud? Kontrolli nime ja kausta.',
    );
    const en = only(compileFile(join(dir, 'puudub.md'), { cwd: dir, lang: 'en' }), 'missing-file');
    expect(en.message).toBe(
      'The file does not exist: was it deleted, renamed or moved to another folder? Check the name and the folder.',
    );
    expect(r.model).toBeUndefined();
  });

  it('reports a file that vanished after it was found, and a path through a file as missing', () => {
    const dir = tempProject({ 'a.md': REFERENCE, 'fail.txt': 'x' });
    rmSync(join(dir, 'a.md'));
    expect(only(compileFile(join(dir, 'a.md'), { cwd: dir }), 'missing-file').message).not.toMatch(
      /ENOENT|ENOTDIR/,
    );
    // ENOTDIR: a folder in the path is a file
    const r = compileFile(join(dir, 'fail.txt', 'a.md'), { cwd: dir, lang: 'en' });
    expect(r.diagnostics.map((d) => [d.rule, d.message.slice(0, 23)])).toEqual([
      ['missing-file', 'The file does not exist'],
    ]);
  });

  it('names a file a config refers to when it vanished before it was read', () => {
    const c = new Collector('et', 'ametijuhend.md');
    const at = { start: { line: 5, column: 10 }, end: { line: 5, column: 19 } };
    reportReadFailure(c, { reason: 'missing' }, 1024, at, 'ametijuhend.config.yaml', 'puudub.md');
    expect(c.diagnostics).toEqual([
      expect.objectContaining({
        file: 'ametijuhend.config.yaml',
        line: 5,
        column: 10,
        rule: 'missing-file',
        message:
          'Faili „puudub.md“ ei ole olemas: kas see on kustutatud, ümber nimetatud või teise kausta viidud?',
      }),
    ]);
  });

  it('leaves a path the config names that is not there to config-file (checked before reading)', () => {
    const r = compileInProject(REFERENCE, `${BASE_CONFIG}defaults:\n  tools: puudub.md\n`);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['config-file']);
  });
});
