/**
 * A description whose compiling fails inside the tool (a bug, not a problem of the input) is not
 * built, and the build says why: the error's message, not only that the file failed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildPaths } from '../src/build/build.js';
import { CATALOGUE, EXAMPLES, tempProject } from './helpers.js';

vi.mock('../src/compiler/compile.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/compiler/compile.js')>();
  return {
    ...real,
    compileSource: (...args: Parameters<typeof real.compileSource>) => {
      if (String(args[1]?.path).endsWith('katki.md'))
        throw new RangeError('Maximum call stack size exceeded');
      return real.compileSource(...args);
    },
  };
});

describe('build: an internal failure while compiling', () => {
  it('is reported with its message, the other description is built', async () => {
    const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
    const dir = tempProject({
      'ametijuhend.config.yaml': 'competencies: competencies.yaml\nrules:\n  unknown-reference: off\n',
      'competencies.yaml': CATALOGUE,
      'ekspert.md': reference,
      'katki.md': reference,
    });
    const result = await buildPaths([dir], { formats: ['html'], cwd: dir, noCache: true });
    expect(result.built).toBe(1);
    expect(result.failed).toBe(1);
    expect(result.failures).toEqual([
      { file: 'katki.md', message: 'Maximum call stack size exceeded', kind: 'internal' },
    ]);
  });
});
