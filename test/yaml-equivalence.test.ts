/**
 * The fast YAML path (src/parse/fast-yaml.ts) must build exactly the Document the `yaml` package
 * builds (node classes, values, source texts, styles, flow flags, ranges, the plain value), or step
 * aside.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { fastYaml } from '../src/parse/fast-yaml.js';
import { parseYaml } from '../src/parse/markdown.js';
import { EXAMPLES, ROOT } from './cli.js';

/** Everything the project reads from a parsed YAML node, as plain data. */
function shape(node: unknown): unknown {
  if (isScalar(node)) {
    const own: Record<string, unknown> = { ...node };
    return { scalar: own };
  }
  if (isMap(node) || isSeq(node)) {
    return {
      kind: isMap(node) ? 'map' : 'seq',
      flow: node.flow ?? false,
      range: node.range,
      items: node.items.map((item) =>
        isPair(item) ? { key: shape(item.key), value: shape(item.value) } : shape(item),
      ),
    };
  }
  return node;
}

function slow(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
}

/** The same Document, or the fast path declined. */
function same(text: string): 'fast' | 'slow' {
  const fast = fastYaml(text);
  if (!fast) return 'slow';
  const reference = slow(text);
  expect(reference.errors).toEqual([]);
  expect(reference.warnings).toEqual([]);
  expect(shape(fast.contents)).toStrictEqual(shape(reference.contents));
  expect(fast.range).toEqual(reference.range);
  expect(fast.toJS({ maxAliasCount: 100 })).toStrictEqual(reference.toJS({ maxAliasCount: 100 }));
  // the line table the positions come from
  const lc = new LineCounter();
  parseDocument(text, { lineCounter: lc });
  expect(
    parseYaml(text, 1, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }).lineCounter.lineStarts,
  ).toEqual(lc.lineStarts);
  return 'fast';
}

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

function frontmatter(md: string): string | undefined {
  const m = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(md);
  return m?.[1];
}

const sources = [
  ...files(EXAMPLES, /\.md$/).map((f) => [f, frontmatter(readFileSync(f, 'utf8'))] as const),
  ...files(join(ROOT, 'test', 'fixtures'), /\.md$/).map(
    (f) => [f, frontmatter(readFileSync(f, 'utf8'))] as const,
  ),
  ...files(EXAMPLES, /\.ya?ml$/).map((f) => [f, readFileSync(f, 'utf8')] as const),
].filter((s): s is readonly [string, string] => s[1] !== undefined);

describe('fast YAML path', () => {
  it.each(sources.map(([f, t]) => [f.slice(ROOT.length + 1), t]))('%s parses identically', (_, text) => {
    same(text);
  });

  it('takes the fast path on the examples and their catalogue', () => {
    // (the example config has comments between its keys: parsed once per run, it may take the slow path)
    const taken = sources
      .filter(([f]) => f.startsWith(EXAMPLES) && !f.endsWith('.config.yaml'))
      .map(([f, t]) => [f, same(t)]);
    expect(taken.filter(([, how]) => how === 'slow')).toEqual([]);
  });

  const cases: Record<string, string> = {
    simple: 'title: Nõunik\nunit: Osakond',
    trailingNewline: 'a: b\nc: d\n',
    nested:
      'requirements:\n  education: Kõrgharidus\n  languages:\n    - lang: et\n      level: C1\n    - lang: [en, ru]\n      level: B2\n',
    flowMap: 'signatures:\n  employer: { name: Mari Mets, role: Peadirektor }\n  employee: {name: Jaan}\n',
    flowSeqSpaces: 'a: [ x, "y z", w ]\nb: [x,y]',
    flowSpaceBeforeComma: 'a: [x , y]',
    topComments: '# yaml-language-server: $schema=x.json\n#\n#b\ntitle: a\nb: c',
    topCommentThenBlank: '# c\n\ntitle: a',
    commentLater: 'title: a\n# c\nb: c',
    folded: 'a: >-\n  x y: z\n  - w\nb: c',
    foldedAtEnd: 'req:\n  skills: >-\n    x\n    y',
    foldedClip: 'a: >\n  x\n  y\nb: c',
    foldedClipAtEnd: 'a: >\n  x',
    foldedClipAtEndNewline: 'a: >\n  x\n',
    literal: 'a: |-\n  x\n  y\nb: |\n  z\nc: d',
    foldedMoreIndented: 'a: >-\n  x\n    y\nb: c',
    foldedKeep: 'a: >+\n  x\nb: c',
    foldedIndicator: 'a: >2\n   x\nb: c',
    quoted: 'a: "2.1"\nb: \'C1\'\nc: ""\nd: \'ü: x\'',
    date: 'date: 2026-02-15\nid: ametijuhend-1',
    colonInside: 'a: x:y\nb: http://x.ee/a',
    keyWithSpaces: 'Analüüsi- ja üldistusvõime:\n  - Näeb seoseid.\n  - Eristab olulist.\n',
    topSequence: '- a\n- b: c\n  d: e\n',
    number: 'version: 1.0',
    integer: 'a: 12',
    boolean: 'a: true',
    nullValue: 'a: ~',
    emptyValue: 'a:\nb: c',
    comment: 'a: b # c',
    blankLine: 'a: b\n\nc: d',
    duplicate: 'a: b\na: c',
    indentless: 'unit:\n- a\n- b',
    multiline: 'a: b\n  c',
    blockScalar: 'a: |\n  x',
    anchor: 'a: &x b\nc: *x',
    tab: 'a:\tb',
    escape: 'a: "x\\ty"',
    badIndent: 'a:\n  b: c\n d: e',
    dashValue: 'a: -x',
    nestedFlow: 'a: [b, [c]]',
    crlf: 'a: b\r\nc: d',
    trailingSpace: 'a: b \nc: d',
  };
  it.each(Object.entries(cases))('%s parses identically', (_, text) => {
    same(text);
  });

  it('takes the fast path on the usual shapes', () => {
    for (const name of [
      'simple',
      'trailingNewline',
      'nested',
      'flowMap',
      'flowSeqSpaces',
      'quoted',
      'date',
      'colonInside',
      'keyWithSpaces',
      'topSequence',
    ])
      expect(same(cases[name]!), name).toBe('fast');
  });

  it('frontmatter-like mappings parse identically and mostly take the fast path (property)', () => {
    const word = fc.constantFrom(
      'Nõunik',
      'analüüs',
      'B2',
      'et',
      '2026-02-15',
      'x:y',
      'a-b',
      'Õ',
      '1.0',
      'true',
      'ü ö',
    );
    const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const key = fc.constantFrom('title', 'unit', 'name', 'role', 'lang', 'level', 'Kliendikesksus', 'a b');
    const scalarText = fc.oneof(
      text,
      text.map((t) => `"${t}"`),
      text.map((t) => `'${t}'`),
    );
    const flowText = fc.oneof(
      fc.array(scalarText, { minLength: 1, maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
      fc
        .uniqueArray(fc.tuple(key, text), { minLength: 1, maxLength: 3, selector: ([k]) => k })
        .map((a) => `{ ${a.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    );
    type Tree = string | { map: [string, Tree][] } | { seq: Tree[] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalarText,
        flowText,
        fc
          .uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 3, selector: ([k]) => k })
          .map((map) => ({ map })),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
      ),
    })).node;
    const write = (t: Tree, indent: number): string[] => {
      const pad = ' '.repeat(indent);
      if (typeof t === 'string') return [t];
      if ('map' in t)
        return t.map.flatMap(([k, v]) =>
          typeof v === 'string' ? [`${pad}${k}: ${v}`] : [`${pad}${k}:`, ...write(v, indent + 2)],
        );
      return t.seq.flatMap((v) => {
        if (typeof v === 'string') return [`${pad}- ${v}`];
        if ('map' in v) {
          const lines = write(v, indent + 2);
          return [`${pad}- ${lines[0]!.trimStart()}`, ...lines.slice(1)];
        }
        return [`${pad}-`, ...write(v, indent + 2)];
      });
    };
    const doc = fc
      .tuple(
        fc.uniqueArray(fc.tuple(key, tree), { minLength: 1, maxLength: 5, selector: ([k]) => k }),
        fc.boolean(),
      )
      .map(([map, nl]) => write({ map }, 0).join('\n') + (nl ? '\n' : ''));
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(doc, (t) => {
        runs++;
        if (same(t) === 'fast') fast++;
      }),
      { numRuns: 500 },
    );
    expect(fast / runs).toBeGreaterThan(0.2);
  });
});
