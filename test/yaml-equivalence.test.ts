/**
 * yaml parses every frontmatter and catalogue. parseYaml (src/parse/markdown.ts) runs it without its
 * quadratic duplicate-key check and finds duplicates itself (parse/unique-keys.ts), and counts line
 * starts itself: it must give exactly the errors, warnings, values and line table that the `yaml`
 * package gives on its own with `uniqueKeys: true`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { parseYaml } from '../src/parse/markdown.js';
import { EXAMPLES, ROOT } from './cli.js';

const AT = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
const problems = (list: YAMLError[]) => list.map((e) => [e.code, e.pos, e.message]);

/** parseYaml agrees with yaml alone; returns whether the text has syntax errors. */
function same(text: string): 'clean' | 'errors' {
  const lineCounter = new LineCounter();
  const reference = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: 'error',
    lineCounter,
  });
  const ours = parseYaml(text, 1, AT);
  expect(problems(ours.doc.errors)).toEqual(problems(reference.errors));
  expect(problems(ours.doc.warnings)).toEqual(problems(reference.warnings));
  expect(ours.doc.range).toEqual(reference.range);
  if (reference.errors.length === 0) expect(ours.data).toStrictEqual(reference.toJS({ maxAliasCount: 100 }));
  // the line table the positions come from (yaml's lexer records no lines after a broken flow collection)
  if (!reference.errors.some((e) => e.code.startsWith('BAD_FLOW') || e.code === 'MISSING_CHAR'))
    expect(ours.lineCounter.lineStarts).toEqual(lineCounter.lineStarts);
  return reference.errors.length ? 'errors' : 'clean';
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

describe('parseYaml beside yaml alone', () => {
  it.each(sources.map(([f, t]) => [f.slice(ROOT.length + 1), t]))('%s parses identically', (_, text) => {
    same(text);
  });

  it('the examples and their catalogue parse without errors', () => {
    const examples = sources.filter(([f]) => f.startsWith(EXAMPLES));
    expect(examples.length).toBeGreaterThan(2);
    for (const [f, t] of examples) expect(same(t), f).toBe('clean');
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

  it('duplicate keys are found where yaml finds them', () => {
    expect(same(cases.duplicate!)).toBe('errors');
    const nested = 'a: b\nc:\n  d: 1\n  d: 2\na: e';
    expect(same(nested)).toBe('errors');
    // the second `d` (offset 17) and the second `a` (22), in document order
    expect(parseYaml(nested, 1, AT).doc.errors.map((e) => [e.code, e.pos[0]])).toEqual([
      ['DUPLICATE_KEY', 17],
      ['DUPLICATE_KEY', 22],
    ]);
  });

  it('frontmatter-like mappings parse identically (property)', () => {
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
    fc.assert(
      fc.property(doc, (t) => {
        same(t);
      }),
      { numRuns: 300 },
    );
  });
});
