import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFile } from '../../compiler/compile.js';
import { ConfigLoader } from '../../config/load.js';
import { failureOf, type ReadFailure } from '../../fs/read.js';
import { Collector } from '../rule.js';
import { reportReadFailure } from './unreadable-file.js';
import { BASE_CONFIG, compileInProject, only, REFERENCE, tempProject } from '../../../test/helpers.js';

describe('unreadable-file', () => {
  it('explains a loop of symbolic links without its error code', () => {
    const dir = tempProject({});
    symlinkSync('ring.md', join(dir, 'ring.md'));
    const d = only(compileFile(join(dir, 'ring.md'), { cwd: dir }), 'unreadable-file');
    expect(d).toMatchObject({ file: 'ring.md', line: 1, column: 1, severity: 'error' });
    expect(d.message).toBe(
      'Faili ei saa avada: see on nimeviit (symbolic link), mis viitab lõpuks iseendale. Asenda viit failiga või õige viitega.',
    );
    const en = only(compileFile(join(dir, 'ring.md'), { cwd: dir, lang: 'en' }), 'unreadable-file');
    expect(en.message).toBe(
      'The file cannot be opened: it is a symbolic link that leads back to itself. Replace the link with the file or a correct link.',
    );
  });

  it('explains a denied read, a name too long and other system errors in words', () => {
    const messages = (failure: ReadFailure, ref?: string): string[] => {
      const c = new Collector('en', 'x.md');
      reportReadFailure(c, failure, 1024, undefined, 'x.md', ref);
      return c.diagnostics.map((d) => `${d.rule}: ${d.message}`);
    };
    expect(messages({ reason: 'denied' })).toEqual([
      'unreadable-file: Permission denied: the file may not be read. Its owner or the administrator of the computer can allow reading it.',
    ]);
    expect(messages({ reason: 'io', code: 'ENAMETOOLONG' }, 'a.md')).toEqual([
      'unreadable-file: The file "a.md" cannot be opened: its name or path is too long. Shorten the name of the file or folder.',
    ]);
    expect(messages({ reason: 'io', code: 'EIO' })).toEqual([
      'unreadable-file: The file cannot be read: the system failed to read it (code EIO). Try again; if it happens again, check the disk or network folder.',
    ]);
    // a folder named where a file belongs (EISDIR from open) says so in words too
    expect(messages(failureOf(Object.assign(new Error('x'), { code: 'EISDIR' })))).toEqual([
      'unreadable-file: This is not a regular file but a folder: it is not read.',
    ]);
    expect(messages(failureOf(Object.assign(new Error('x'), { code: 'EACCES' })))[0]).toMatch(
      /^unreadable-file: Permission denied/,
    );
  });

  it('refuses a folder and a named pipe as a description (without blocking)', () => {
    const dir = tempProject({});
    mkdirSync(join(dir, 'kaust.md'));
    execFileSync('mkfifo', [join(dir, 'toru.md')]);
    const folder = only(compileFile(join(dir, 'kaust.md'), { cwd: dir }), 'unreadable-file');
    expect(folder.message).toBe('See ei ole tavaline fail, vaid kaust: seda ei loeta.');
    const fifo = only(compileFile(join(dir, 'toru.md'), { cwd: dir, lang: 'en' }), 'unreadable-file');
    expect(fifo.message).toBe('This is not a regular file but a named pipe (FIFO): it is not read.');
  });

  it('reports a catalogue that is a folder at its value in the config, naming it', () => {
    const r = compileInProject(REFERENCE, 'organisation: X\ncompetencies: kataloog\n', {
      'kataloog/x.yaml': 'x: [y]\n',
    });
    const d = only(r, 'unreadable-file');
    expect(d).toMatchObject({ file: 'ametijuhend.config.yaml', line: 2, column: 15 });
    expect(d.message).toBe('„kataloog“ ei ole tavaline fail, vaid kaust: seda ei loeta.');
    expect(r.model).toBeUndefined();
  });

  it('reports a config file that is a named pipe on the config itself', () => {
    const dir = tempProject({ 'ametijuhend.md': REFERENCE });
    execFileSync('mkfifo', [join(dir, 'ametijuhend.config.yaml')]);
    const config = new ConfigLoader({ cwd: dir, lang: 'en' }).forDir(dir);
    expect(config.diagnostics).toEqual([
      expect.objectContaining({
        file: 'ametijuhend.config.yaml',
        rule: 'unreadable-file',
        message: 'This is not a regular file but a named pipe (FIFO): it is not read.',
      }),
    ]);
  });

  it('reports a default section larger than any description, without reading it all', () => {
    const r = compileInProject(REFERENCE, `${BASE_CONFIG}defaults:\n  tools: suur.md\n`, {
      'suur.md': 'x'.repeat(1024 * 1024 + 1),
    });
    const d = only(r, 'unreadable-file');
    expect(d).toMatchObject({ file: 'ametijuhend.config.yaml', line: 5, column: 10 });
    expect(d.message).toBe('Fail „suur.md“ on suurem kui 1 MiB: seda ei loeta. Kas see on õige fail?');
  });
});
