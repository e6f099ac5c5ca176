/**
 * Property tests: whatever the input, compiling never throws, every diagnostic is well formed, and
 * a document without errors always has a model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../src/compiler/compile.js';
import { RULES } from '../src/validate/rules/index.js';
import { compileRef, REFERENCE } from './helpers.js';

const RULE_IDS = new Set(RULES.map((r) => r.id));
const LINES = REFERENCE.split('\n');

/** Checks the invariants of one result; returns it for further checks. */
function checkResult(r: CompileResult, input: string | Uint8Array): CompileResult {
  const lineCount = typeof input === 'string' ? input.split(/\r\n|\r|\n/).length : Infinity;
  const source = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  for (const d of r.diagnostics) {
    const where = JSON.stringify(d);
    expect(d.file, where).toBeTruthy();
    expect(Number.isInteger(d.line) && d.line >= 1, where).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
    expect(d.line, where).toBeLessThanOrEqual(lineCount + 1);
    expect(RULE_IDS.has(d.rule), where).toBe(true);
    expect(['error', 'warning'], where).toContain(d.severity);
    expect(d.message.trim().length, where).toBeGreaterThan(0);
    // no unfilled placeholder or stray value; the same text quoted from the input is fine
    for (const m of d.message.matchAll(/\{\w+\}|undefined|\[object Object\]/g))
      expect(source.includes(m[0]), `${where}: "${m[0]}" is not from the input`).toBe(true);
  }
  // a line standing for a capped rule's further problems counts them all
  expect(r.errorCount).toBe(
    r.diagnostics.filter((d) => d.severity === 'error').reduce((n, d) => n + (d.omitted ?? 1), 0),
  );
  if (r.errorCount === 0) expect(r.model, 'a document without errors has a model').toBeDefined();
  else expect(r.model).toBeUndefined();
  return r;
}

function compileChecked(input: string | Uint8Array, lang?: 'et' | 'en'): CompileResult {
  let r: CompileResult | undefined;
  expect(() => {
    r = compileRef(input, lang ? { lang } : {});
  }).not.toThrow();
  return checkResult(r!, input);
}

/** One edit of the reference document's lines. */
type Mutation = (lines: string[]) => string[];

const index = fc.nat({ max: LINES.length - 1 });
const junk = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    ':',
    '- ',
    '  ',
    '\t',
    '"',
    "'",
    '[',
    '{',
    '}',
    ']',
    '#',
    '## ',
    '1. ',
    '<b>',
    '---',
    '&a',
    '*a',
    '|',
    '|---|',
    ':-:',
    '| a | b |',
    '![x](y)',
    '[^1]',
    '>',
    '\\',
    '\u00a0',
    '\0',
    'õ',
    '\r',
  ),
);
const value = fc.oneof(
  fc.constantFrom(
    '',
    '~',
    'null',
    '5',
    '[]',
    '{}',
    'C3',
    'c1 ',
    'algtase',
    'est',
    'xx',
    'official',
    '2024-13-45',
    '"x',
    '[a, b',
    '- a',
    'true',
    'Kliendikeskus',
  ),
  fc.string({ maxLength: 12 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  index.map(
    (i): Mutation =>
      (ls) =>
        ls.filter((_, k) => k !== i % ls.length),
  ),
  index.map((i): Mutation => (ls) => {
    const k = i % ls.length;
    return [...ls.slice(0, k + 1), ls[k]!, ...ls.slice(k + 1)];
  }),
  fc.tuple(index, index).map(([i, j]): Mutation => (ls) => {
    const out = [...ls];
    const a = i % out.length;
    const b = j % out.length;
    [out[a], out[b]] = [out[b]!, out[a]!];
    return out;
  }),
  fc.tuple(index, fc.nat({ max: 200 }), junk).map(([i, at, s]): Mutation => (ls) => {
    const k = i % ls.length;
    const line = ls[k]!;
    const c = at % (line.length + 1);
    return ls.map((l, n) => (n === k ? line.slice(0, c) + s + line.slice(c) : l));
  }),
  fc.tuple(index, fc.integer({ min: -4, max: 4 })).map(([i, delta]): Mutation => (ls) => {
    const k = i % ls.length;
    return ls.map((l, n) =>
      n !== k ? l : delta >= 0 ? ' '.repeat(delta) + l : l.replace(new RegExp(`^ {0,${-delta}}`), ''),
    );
  }),
  fc.tuple(index, value).map(([i, v]): Mutation => (ls) => {
    const k = i % ls.length;
    return ls.map((l, n) => (n === k && /^\s*(?:- )?[\w-]+:/.test(l) ? l.replace(/:.*$/, `: ${v}`) : l));
  }),
  // a GFM table (or a broken one) inserted after a line: in a section, a duty, a results list
  fc
    .tuple(
      index,
      fc.constantFrom(
        ['| a | b |', '|---|:-:|', '| 1 | 2 |'],
        ['   | a |', '   | - |'],
        ['     | x | y |', '     |--|--|', '     | *1* |'],
        ['a | b', ':- | -:'],
        ['|-|'],
      ),
    )
    .map(([i, table]): Mutation => (ls) => {
      const k = i % ls.length;
      return [...ls.slice(0, k + 1), ...table, ...ls.slice(k + 1)];
    }),
  fc.nat({ max: REFERENCE.length }).map(
    (at): Mutation =>
      (ls) =>
        ls.join('\n').slice(0, at).split('\n'),
  ),
);

describe('compiling never throws and reports well-formed diagnostics', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        (s) => {
          compileChecked(s);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('for arbitrary strings after a frontmatter fence', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (s, close) => {
        compileChecked(`---\n${s}\n${close ? '---\n\n## Töökoha eesmärk\n\nx\n' : ''}`);
      }),
      { numRuns: 200 },
    );
  });

  it('for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        compileChecked(bytes);
      }),
      { numRuns: 250 },
    );
  });

  it('for the reference document with some bytes changed', () => {
    const bytes = new TextEncoder().encode(REFERENCE);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const copy = bytes.slice();
          for (const [at, b] of edits) copy[at] = b;
          compileChecked(copy);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('for arbitrary mutations of the reference document', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'et' | 'en' | undefined>(undefined, 'et', 'en'),
        (edits, lang) => {
          // a mutation picks a line, so none applies once every line is gone
          const text = edits.reduce((ls, m) => (ls.length ? m(ls) : ls), LINES).join('\n');
          compileChecked(text, lang);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for the reference document with CRLF line endings and a BOM, mutated', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = m(LINES).join('\n');
        const plain = compileChecked(text);
        const crlf = compileChecked(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
        // line endings and a BOM change nothing about where problems are
        expect(crlf.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual(
          plain.diagnostics.map((d) => [d.line, d.column, d.rule]),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('for the reference document in everyday styles, mutated: the fast path changes nothing', () => {
    // the body restyled as editors and tutorials write it: other bullets, `1)`, nested lists by four
    // spaces or a tab, numbered headings; CRLF or CR line endings and a BOM on top
    const style = fc.record({
      bullet: fc.constantFrom('-', '*', '+'),
      delim: fc.constantFrom('.', ')'),
      pad: fc.constantFrom('   ', '    ', '\t'),
      numbered: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      bom: fc.boolean(),
    });
    type Style = typeof style extends fc.Arbitrary<infer T> ? T : never;
    const bodyStart = LINES.indexOf('---', 1) + 1;
    const restyle = (lines: string[], st: Style): string => {
      let section = 0;
      const body = lines.slice(bodyStart).map((l) =>
        l
          .replace(/^(\d+)\. /, `$1${st.delim} `)
          .replace(/^ {2,3}- /, `${st.pad}${st.bullet} `)
          .replace(/^- /, `${st.bullet} `)
          .replace(/^## /, () => (st.numbered ? `## ${++section}. ` : '## ')),
      );
      const text = [...lines.slice(0, bodyStart), ...body].join(st.eol);
      return `${st.bom ? '\uFEFF' : ''}${text}`;
    };
    let fast = 0;
    fc.assert(
      fc.property(style, fc.option(mutation, { nil: undefined }), (st, m) => {
        const text = restyle(m ? m(LINES) : LINES, st);
        const on = compileChecked(text);
        const off = compileRef(text, { parse: { fast: false } });
        if (on.source?.fastPath) fast++;
        expect(on.diagnostics).toStrictEqual(off.diagnostics);
        expect(on.model).toStrictEqual(off.model);
      }),
      { numRuns: 150 },
    );
    // the restyled reference itself is in the subset: most runs take the fast path
    expect(fast).toBeGreaterThan(75);
  });
});
