import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFile } from '../../compiler/compile.js';
import { ConfigLoader } from '../../config/load.js';
import { BASE_CONFIG, compileInProject, only, REFERENCE, tempProject } from '../../../test/helpers.js';

describe('unreadable-file', () => {
  it("reports a description that does not exist, in the user's words", () => {
    const dir = tempProject({});
    const d = only(compileFile(join(dir, 'puudub.md'), { cwd: dir }), 'unreadable-file');
    expect(d).toMatchObject({ file: 'puudub.md', line: 1, column: 1, severity: 'error' });
    expect(d.message).toBe('Faili ei ole olemas.');
    const en = only(compileFile(join(dir, 'puudub.md'), { cwd: dir, lang: 'en' }), 'unreadable-file');
    expect(en.message).toBe('The file does not exist.');
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
