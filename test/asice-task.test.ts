/**
 * The render task of `build --asice` (src/build/pool/task.ts): the PDF is rendered once and put in
 * the container, written beside it only when the formats ask for PDF.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compileFile } from '../src/compiler/compile.js';
import { products, TaskRunner, type RunSettings } from '../src/build/pool/task.js';
import { readContainer } from '../src/signing/container.js';

const calls: string[] = [];
vi.mock('../src/render/index.js', () => ({
  loadRenderer: (format: string) =>
    Promise.resolve((model: { id: string }) => {
      calls.push(format);
      return Promise.resolve(
        new TextEncoder().encode(`%${format.toUpperCase()} of ${model.id} #${calls.length}`),
      );
    }),
}));

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const model = compileFile(join(EXAMPLES, 'data-analyst.md'), { cwd: EXAMPLES }).model!;

async function run(formats: RunSettings['formats'], asice: boolean) {
  calls.length = 0;
  const settings: RunSettings = { cwd: EXAMPLES, formats, pdfStandard: 'a-2a', asice };
  const outcome = await new TaskRunner(settings).run({ path: 'data-analyst.md', model });
  expect(outcome.error).toBeUndefined();
  return { outputs: outcome.outputs!, calls: [...calls], products: products(settings) };
}

describe('the render task with containers', () => {
  it('renders the PDF once when PDF and the container are both asked for', async () => {
    const r = await run(['pdf', 'html'], true);
    expect(r.calls).toEqual(['pdf', 'html']);
    expect(r.products).toEqual(['pdf', 'html', 'asice']);
    expect(r.outputs).toHaveLength(3);
    const inside = readContainer(r.outputs[2]!, { strict: true }).files;
    expect(inside.map((f) => f.name)).toEqual(['data-analyst.pdf']);
    expect(Buffer.from(inside[0]!.bytes).equals(Buffer.from(r.outputs[0]!))).toBe(true);
  });

  it('renders the PDF for the container only, without handing it over as an output', async () => {
    const r = await run(['html'], true);
    expect(r.calls).toEqual(['html', 'pdf']);
    expect(r.products).toEqual(['html', 'asice']);
    expect(r.outputs).toHaveLength(2);
    expect(new TextDecoder().decode(r.outputs[0])).toMatch(/^%HTML/);
    const inside = readContainer(r.outputs[1]!).files[0]!;
    expect(new TextDecoder().decode(inside.bytes)).toMatch(/^%PDF of data-analyst/);
  });

  it('writes no container without --asice', async () => {
    const r = await run(['pdf'], false);
    expect(r.calls).toEqual(['pdf']);
    expect(r.products).toEqual(['pdf']);
    expect(r.outputs).toHaveLength(1);
  });
});
