/**
 * The fuzz campaign's property (scripts/fuzz-lib.ts) in the test suite: a small seeded run of the
 * same generators (`npm run fuzz` runs 100,000 and more), and a replay of every failing case the
 * campaign saved in test/fuzz-regressions/. A saved case marked `knownIssue` is a failure fixed on
 * another branch: it is skipped, with its reason, until the merge un-marks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSource, type CompileResult } from '../src/compiler/compile.js';
import type { Diagnostic } from '../src/validate/diagnostic.js';
import {
  checkCase,
  checkDiagnostics,
  hasRawScript,
  fromRegression,
  fuzzCase,
  FuzzFailure,
  ROOT,
  type Regression,
} from '../scripts/fuzz-lib.js';

const DIR = join(ROOT, 'test', 'fuzz-regressions');

describe('fuzz: parse → validate → render', () => {
  it('holds for a small seeded run of the campaign generators', { timeout: 120_000 }, async () => {
    const seen = { cases: 0, clean: 0, rendered: 0, gens: new Set<string>() };
    await fc.assert(
      fc.asyncProperty(fuzzCase(), async (c) => {
        const o = await checkCase(c, { renderShare: 150 });
        seen.cases++;
        seen.gens.add(c.gen);
        if (o.errors === 0) seen.clean++;
        if (o.rendered) seen.rendered++;
      }),
      { seed: 20261201, numRuns: 300 },
    );
    // the run exercised what it claims to: every generator, documents without errors, renders
    expect(seen.gens).toEqual(new Set(['well-formed', 'mutated', 'raw']));
    expect(seen.clean).toBeGreaterThan(20);
    expect(seen.rendered).toBeGreaterThan(2);
  });

  it('the property rejects broken diagnostics and a raw <script, so it is not vacuous', () => {
    const input = '---\ntitle: x\n---\n';
    const r = compileSource(input, { path: 'a.md' });
    expect(() => checkDiagnostics(r, input)).not.toThrow();
    const broken = (d: Partial<Diagnostic>): CompileResult => ({
      ...r,
      diagnostics: [{ ...r.diagnostics[0]!, ...d }],
    });
    const fails = (d: Partial<Diagnostic>): string => {
      try {
        checkDiagnostics(broken(d), input);
      } catch (e) {
        return e instanceof FuzzFailure ? e.kind : 'other';
      }
      return 'passed';
    };
    expect(fails({ message: 'Võti {key} on olemas' })).toBe('bad-diagnostic');
    expect(fails({ message: 'x undefined' })).toBe('bad-diagnostic');
    expect(fails({ message: 'Maximum call stack size exceeded' })).toBe('bad-diagnostic');
    expect(fails({ line: 0 })).toBe('bad-diagnostic');
    expect(fails({ line: 9 })).toBe('bad-diagnostic');
    expect(fails({ column: 40 })).toBe('bad-diagnostic');
    expect(fails({ rule: 'no-such-rule' })).toBe('bad-diagnostic');
    expect(fails({ message: ' ' })).toBe('bad-diagnostic');
    const enc = new TextEncoder();
    expect(hasRawScript(enc.encode('<p>&lt;script&gt;</p>'))).toBe(false);
    expect(hasRawScript(enc.encode('<p><SCRIPT src=x></p>'))).toBe(true);
  });
});

const files = (() => {
  try {
    return readdirSync(DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
})().sort();

describe('fuzz regressions (test/fuzz-regressions)', () => {
  it('has saved cases to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const reg = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Regression;
    const name = `${file}: ${reg.kind}${reg.gen ? ` (${reg.gen})` : ''}`;
    if (reg.knownIssue) {
      it.skip(`${name} — known issue "${reg.knownIssue}", fixed on another branch`, () => {});
      continue;
    }
    // a saved timeout must now finish well inside a generous budget
    it(name, { timeout: reg.kind === 'timeout' ? 30_000 : 60_000 }, async () => {
      // render whenever it compiles cleanly, whatever share the campaign used
      await checkCase(fromRegression(reg), { renderShare: 1000 });
    });
  }
});
