/**
 * Property test: whatever `check` accepts, every renderer renders. Descriptions get a section of
 * randomly nested block quotes, bullet and numbered lists and emphasis (up to and past the nesting
 * limit) with random Unicode text; a result without errors must render as PDF, HTML and DOCX
 * without throwing, and one nested past the limit must have exactly one nesting-depth error.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderer } from '../src/render/index.js';
import type { Renderer } from '../src/render/types.js';
import { MAX_NESTING } from '../src/validate/rules/nesting-depth.js';
import { compileRef, formatDiagnostics, REFERENCE, replace } from './helpers.js';

type Container = '>' | '-' | '*' | '1.';

/** Text that is only text: any Unicode, but no Markdown punctuation, control characters or digits. */
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  // eslint-disable-next-line no-control-regex
  .map((s) => `ä${s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029*_`~>[\]<&!\\#+=|:(){}.0-9-]/gu, 'x')}`);

/** One spine of nested containers (outermost first), the emphasis inside it and its texts. */
const spine = fc.record({
  // the depth drawn evenly (fast-check favours short arrays), so the limit is often passed
  containers: fc
    .integer({ min: 0, max: MAX_NESTING + 8 })
    .chain((n) => fc.array(fc.constantFrom<Container>('>', '-', '*', '1.'), { minLength: n, maxLength: n })),
  emphasis: fc.nat({ max: 6 }),
  oneLine: fc.boolean(),
  words: fc.array(text, { minLength: 1, maxLength: 4 }),
});
type Spine = typeof spine extends fc.Arbitrary<infer T> ? T : never;

/** The Markdown of a spine and its nesting depth (containers + emphasis levels). */
function markdown(s: Spine): { lines: string[]; depth: number } {
  const word = (i: number): string => s.words[i % s.words.length]!;
  const em = (t: string): string =>
    s.emphasis ? `${'*a '.repeat(s.emphasis)}${t}${'* a'.repeat(s.emphasis - 1)}*` : t;
  const depth = s.containers.length + s.emphasis;
  if (s.oneLine || s.containers.length === 0)
    return { lines: [`${s.containers.map((c) => `${c} `).join('')}${em(word(0))}`], depth };
  // a staircase: each container opens on its own line, inside the continuation of those before it
  const lines: string[] = [];
  let prefix = '';
  s.containers.forEach((c, i) => {
    const last = i === s.containers.length - 1;
    lines.push(`${prefix}${c} ${last ? em(word(i)) : word(i)}`);
    prefix += c === '>' ? '> ' : ' '.repeat(c.length + 1);
  });
  return { lines, depth };
}

const FORMATS = ['pdf', 'html', 'docx'] as const;
let renderers: Renderer[] = [];
beforeAll(async () => {
  renderers = await Promise.all(FORMATS.map((f) => loadRenderer(f)));
});

describe('render property: nothing check accepts crashes a renderer', () => {
  it('nested quotes, lists and emphasis: rendered when valid, nesting-depth when too deep', async () => {
    let rendered = 0;
    let tooDeep = 0;
    let maxRendered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(spine, { minLength: 1, maxLength: 3 }), async (spines) => {
        const parts = spines.map(markdown);
        const block = parts.map((p) => p.lines.join('\n')).join('\n\n');
        const deepest = Math.max(...parts.map((p) => p.depth));
        const r = compileRef(replace(REFERENCE, '## Töövahendid\n\n', `## Töövahendid\n\n${block}\n\n`));
        const nesting = r.diagnostics.filter((d) => d.rule === 'nesting-depth');
        // random Unicode may hold characters the PDF fonts lack: those warnings are pdf-glyph's test
        const problems = r.diagnostics.filter((d) => d.rule !== 'pdf-glyph');
        if (deepest > MAX_NESTING) {
          // the one error, on a line of the nested block (which starts on line 111)
          expect(formatDiagnostics(problems), block).toMatch(/^[^\n]*\[nesting-depth\]$/);
          const lines = block.split('\n').length;
          expect(nesting[0]!.line).toBeGreaterThanOrEqual(111);
          expect(nesting[0]!.line).toBeLessThan(111 + lines);
          expect(r.model).toBeUndefined();
          tooDeep++;
          return;
        }
        expect(formatDiagnostics(problems), block).toBe('(none)');
        const options = { date: new Date(Date.UTC(2026, 0, 1)), toolVersion: 'test' };
        for (const [i, render] of renderers.entries()) {
          const bytes = await render(r.model!, options);
          expect(bytes.byteLength, `${FORMATS[i]}: ${block}`).toBeGreaterThan(0);
        }
        rendered++;
        maxRendered = Math.max(maxRendered, deepest);
      }),
      { numRuns: 40 },
    );
    // both branches were taken (each misses in 40 runs with a chance below one in a million)
    expect(rendered).toBeGreaterThan(0);
    expect(tooDeep).toBeGreaterThan(0);
    // and documents nested close to the limit were among those rendered
    expect(maxRendered).toBeGreaterThan(MAX_NESTING / 2);
  }, 120_000);
});
