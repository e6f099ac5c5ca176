/**
 * Worker threads change nothing but speed: the same messages in the same order, the same failures,
 * the same progress and the same bytes as on the main thread.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPaths, type BuildEvent } from '../src/build/build.js';
import { EXAMPLES, hashes, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const english = readFileSync(join(EXAMPLES, 'data-analyst.md'), 'utf8');

function corpus(): string {
  const files: Record<string, string> = {
    'docs/ametijuhend.config.yaml': readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8'),
    'docs/competencies.yaml': readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8'),
    'docs/en/data-analyst.md': english.replace('../schemas', '../../schemas'),
    // invalid: an error, builds nothing
    'docs/vigane.md': reference.replace('level: C1', 'level: C7'),
    // the same id as e01: an output collision
    'docs/osa1/z-kloon.md': reference.replace('title: Ekspert', 'id: e01\ntitle: Kloon'),
    // not even text
    'docs/binaar.md': '\u0000\u0001\u0002',
  };
  for (let i = 1; i <= 9; i++) {
    files[`docs/osa${i % 3}/e0${i}.md`] = reference
      .replace('title: Ekspert', `id: e0${i}\ntitle: Ekspert ${i}`)
      .replace('Töövahenditeks on', `Töövahenditeks (${i}) on`);
  }
  return tempTree(files);
}

async function run(dir: string, outDir: string, jobs: number) {
  const events: string[] = [];
  const onProgress = (e: BuildEvent): void => {
    if (e.type === 'file')
      events.push(
        `${e.index} ${relative(dir, e.file.path)} ${e.ok} ${e.outputs.map((o) => relative(dir, o)).join(',')}`,
      );
  };
  const result = await buildPaths(['docs'], {
    formats: ['pdf', 'html', 'docx'],
    outDir,
    cwd: dir,
    jobs,
    poolThreshold: 1,
    noCache: true,
    env: {},
    onProgress,
  });
  return { result, events };
}

describe('worker pool', () => {
  it('gives the same diagnostics, failures, progress and bytes as the main thread', async () => {
    const dir = corpus();
    const single = await run(dir, 'one', 1);
    const pooled = await run(dir, 'two', 2);
    expect(single.result.workers).toBe(0);
    expect(pooled.result.workers).toBe(2);
    expect(pooled.result.diagnostics).toEqual(single.result.diagnostics);
    expect(pooled.result.diagnostics.length).toBeGreaterThan(0);
    expect(
      pooled.result.failures.map((f) => ({ ...f, message: f.message.replaceAll('two/', 'one/') })),
    ).toEqual(single.result.failures);
    expect(pooled.result.failures.map((f) => f.kind)).toEqual(['input']);
    expect(pooled.events.map((e) => e.replaceAll('two/', 'one/'))).toEqual(single.events);
    expect([pooled.result.built, pooled.result.failed]).toEqual([single.result.built, single.result.failed]);
    expect([single.result.built, single.result.failed]).toEqual([10, 3]);
    expect(hashes(join(dir, 'two'))).toEqual(hashes(join(dir, 'one')));
    expect(Object.keys(hashes(join(dir, 'one')))).toHaveLength(30);
  });

  it('a small batch stays on the main thread', async () => {
    const dir = corpus();
    const r = await buildPaths(['docs'], {
      formats: ['html'],
      outDir: 'o',
      cwd: dir,
      jobs: 2,
      noCache: true,
    });
    expect(r.workers).toBe(0);
  });
});
