/**
 * The fast Markdown path (src/parse/fast.ts) must give exactly the tree remark-parse (with GFM
 * tables) + remark-frontmatter give, positions included, or step aside.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fastParse } from '../src/parse/fast.js';
import { parseCounts, parseMarkdown, parseMarkdownSlow, parseSource } from '../src/parse/markdown.js';
import { EXAMPLES, ROOT } from './cli.js';

const snippet = (t: string) => parseMarkdownSlow(t);

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

const files = [...markdownFiles(EXAMPLES), ...markdownFiles(join(ROOT, 'test', 'fixtures'))];

/** The same tree, or the fast path declined. */
function same(text: string): 'fast' | 'slow' {
  const fast = fastParse(text, snippet);
  expect(parseMarkdown(text)).toStrictEqual(parseMarkdownSlow(text));
  if (!fast) return 'slow';
  expect(fast).toStrictEqual(parseMarkdownSlow(text));
  return 'fast';
}

describe('fast Markdown path', () => {
  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s parses identically', (_, file) => {
    same(readFileSync(file, 'utf8'));
  });

  it('takes the fast path on the examples', () => {
    for (const f of markdownFiles(EXAMPLES))
      expect(fastParse(readFileSync(f, 'utf8'), snippet)).toBeDefined();
  });

  const cases: Record<string, string> = {
    frontmatterOnly: '---\na: 1\n---',
    headingsAndText: '## Eesmärk\n\nTekst\nteine rida\n\n### Alam\n\nLõpp\n',
    emphasisLinksCode:
      '## Ülesanded\n\n1. *Rõhk* ja **tugev** [link](https://x.ee "t") `kood` &amp; \\* <b>x</b>\n   - tulemus <!-- c -->\n',
    hardBreaks: 'rida  \nteine\\\nkolmas   \n\n- punkt  \n  jätk\n',
    headingMarkup: '## Pealkiri *rõhuga*\n\n# `kood` pealkirjas\n',
    nested: '1. a\n   - b\n   - c\n2. d\n   jätk\n3. e\n   - f\n     - g\n       jätk\n\n- x\n- y\n',
    wideNumbers: '9. a\n   - b\n10. c\n    - d\n11. e\n',
    listAfterParagraph: 'Töötajal on õigus:\n- a;\n- b.\n',
    orderedAfterParagraph: 'Tekst\n2. pole loend\n',
    orderedOneAfterParagraph: 'Tekst\n1. on loend\n',
    headingClosesList: '- a\n## H\n- b\n',
    differentBullets: '- a\n* b\n+ c\n',
    looseList: '1. a\n\n2. b\n',
    looseListNested: '1. a\n   - x\n   - z\n\n2. b\n   - y\n\n3. c\n',
    looseListBlankLines: '1. a\n\n\n2. b\n\nLõpp\n',
    looseThenTight: '- a\n\n- b\n- c\n',
    looseThenHeading: '1. a\n\n2. b\n## H\n',
    looseWideNumbers: '9. a\n   - b\n\n10. c\n    - d\n',
    looseBulletsNestedOrdered: '- a\n  1. x\n\n- b\n',
    looseOtherMarker: '- a\n\n* b\n',
    looseOrderedAfterBullets: '- a\n\n1. b\n',
    blankInsideNestedList: '1. a\n   - x\n\n   - y\n',
    blankInsideItem: '1. a\n\n   jätk\n',
    blankBeforeResults: '1. a\n\n   - x\n   - y\n2. b\n\n   - z\n',
    blankEverywhere: '1. a\n\n   - x\n\n   - y\n\n2. b\n\n   - z\n\n\nLõpp\n',
    blankBulletNested: '- a\n\n  - b\n\n  - c\n- d\n',
    blankDeepSibling: '1. a\n   - x\n     - sügav\n\n   - y\n',
    blankParagraphAfterNested: '1. a\n   - x\n\n   tekst\n',
    blankOddIndent: '- a\n\n   b\n',
    blankIndentedCode: '- a\n\n      kood\n',
    blankOtherMarkerNested: '1. a\n   - x\n\n   * y\n',
    blankHeadingInItem: '- a\n\n  ## H\n\nLõpp\n',
    blankOrderedNestedFromTwo: '1. a\n\n   2. x\n   3. y\n\n2. b\n',
    blankThenDeeperThanContent: '1. a\n\n     - x\n',
    blankBetweenDeepItems: '- a\n  - b\n    - c\n\n    - d\n\n  - e\n',
    blankHeadingAfterNested: '1. a\n   - x\n\n   ## H\n\n2. b\n',
    blankHeadingAfterDeepNested: '- a\n  - b\n    - c\n\n  ## H\n',
    blankShallowSiblingAfterDeep: '- a\n  - b\n    - c\n\n  - d\n',
    htmlBlock: '<div>\nx\n</div>\n\ntekst\n',
    codeBlock: '```\nkood\n```\n',
    indented: 'a\n\n    kood\n',
    thematic: 'a\n\n---\n\nb\n',
    setext: 'Pealkiri\n---\n',
    blockquote: '> tsitaat\n',
    definition: '[a]: https://x.ee\n\n[a]\n',
    tabAfterMarker: '-\ta\n',
    emptyItemLater: '- a\n-\n',
    codeAfterMarker: '-      kood\n',
    // the shapes of everyday files (Windows editors, Markdown tutorials), all on the fast path
    crlf: '## A\r\n\r\ntekst\r\nteine\r\n\r\n1. a\r\n   - b\r\n',
    crlfFrontmatter: '---\r\na: 1\r\nb: 2\r\n---\r\n\r\n## H\r\n\r\n- *x*\r\n  y\r\n',
    cr: '---\ra: 1\r---\r\r## A\r\rtekst\rrida\r- x\r',
    mixedEndings: '## A\r\n\ntekst\rrida\n- x\r\n',
    bom: '\uFEFF## A\n\ntekst\n',
    bomFrontmatter: '\uFEFF---\na: 1\n---\n\n## A\n\n1. a\n   - b\n',
    bomCrlf: '\uFEFF---\r\na: 1\r\n---\r\n\r\n- a\r\n',
    fourSpacesUnderOrdered: '1. a\n    - b\n    - c\n      jätk\n2. d\n    - e\n',
    fourSpacesLoose: '1. a\n\n    - b\n\n    - c\n\n2. d\n',
    tabsNested: '1. a\n\t- b\n\t- c\n2. d\n\t- e\n\t\t- f\n',
    tabsUnderBullets: '- a\n\t- b\n\t\t- c\n- d\n',
    spaceTabIndent: '- a\n \t- b\n',
    tabInText: '- a\tb\n\ttekst\n',
    starBullets: '* a\n* b\n  * c\n',
    plusBullets: '+ a\n+ b\n\n+ c\n',
    parenOrdered: '1) a\n   - b\n2) c\n',
    parenAfterDot: '1. a\n1) b\n',
    parenStart: '3) a\n4) b\n',
    wideMarkers: '-  a\n   jätk\n1.   b\n     - c\n',
    siblingsShifted: '- a\n - b\n  - c\n   - d\n',
    numberedHeadings: '## 1. Tööülesanded\n\n1. a\n\n## 2) Õigused\n\n### 2.1. Alam\n',
    headingSpacing: '##  Lai\n\n##\tTab\n\n## Sulgev ##\n\n## C#\n\n##\n\n####### seitse\n',
    headingInItem: '- a\n  ## H\n- b\n',
    lazy: '- a\nlaisk\n',
    lazyNested: '1. a\n   - b\nlaisk\n   - c\n',
    lazyInText: 'a\n    indented continuation\n\t tab continuation\n',
    lazyOrdered: '- a\n2. b\n',
    orderedTwoInItem: '- a\n  2. b\n',
    mixed:
      '\uFEFF---\r\nid: x\r\n---\r\n\r\n## 1. Eesmärk\r\n\r\nTekst\r\nlaisk\r\n\r\n## Tööülesanded\r\n\r\n1) *Rõhk*\r\n\t* tulemus\r\n\t* teine\r\n    jätk\r\n2) b\r\n    + c\r\n\r\n+ d\r\n',
    unclosed: '---\na: 1\n\n## H\n',
    emptyItem: '-\n- a\n',
    closingHashes: '## Pealkiri ##\n',
    numberedText: '2024. aastal\n',
    noTrailingNewline: '## A\n\n- a\n- b',
    trailingBlankLines: '- a\n\n\n',
    // GFM tables (micromark-extension-gfm-table): the fast path declines at a delimiter row
    table: '## Nõuded\n\n| Oskus | Tase |\n|---|:-:|\n| eesti keel | C1 |\n| inglise keel | B2 |\n',
    tableAligned: 'a | b | c\n:-- | :-: | --:\n1 | 2 | 3\n\nLõpp\n',
    tableAfterParagraph: 'Tekst\n| a |\n| - |\n| 1 |\n',
    tableNoPipeDelimiter: 'a\n:-\nb\n',
    tableInItem: '- a\n\n  | x | y |\n  | - | - |\n  | 1 | 2 |\n- b\n',
    tableDelimiterInItem: '- a\n  |-|\n',
    tableInline: '| *a* | `b\\|c` |\n| --- | ---: |\n| [l](u) | x \\| y |\n',
    tableBodyWithoutPipes: '| a |\n| - |\nrida\n- punkt\n',
    tableRaggedRows: '| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n',
    tableCrlf: '| a |\r\n| - |\r\n| 1 |\r\n',
    pipesInText: 'a | b\nc | d\n\n- x | y\n',
    colonsInText: 'Aeg: 9:00-17:00\n- a: b\n',
  };
  it.each(Object.entries(cases))('%s parses identically', (_, text) => {
    same(text);
  });

  it('takes the fast path on the everyday shapes (CRLF, CR, BOM, tabs, 4-space nesting, * + and 1), lazy lines)', () => {
    const taken = [
      'crlf',
      'crlfFrontmatter',
      'cr',
      'mixedEndings',
      'bom',
      'bomFrontmatter',
      'bomCrlf',
      'fourSpacesUnderOrdered',
      'fourSpacesLoose',
      'tabsNested',
      'tabsUnderBullets',
      'spaceTabIndent',
      'tabInText',
      'starBullets',
      'plusBullets',
      'parenOrdered',
      'parenAfterDot',
      'parenStart',
      'wideMarkers',
      'siblingsShifted',
      'numberedHeadings',
      'headingSpacing',
      'headingInItem',
      'lazy',
      'lazyNested',
      'lazyInText',
      'orderedTwoInItem',
      'mixed',
      'pipesInText',
      'colonsInText',
    ];
    expect(taken.filter((name) => !fastParse(cases[name]!, snippet))).toEqual([]);
  });

  it('declines the shapes outside the subset', () => {
    for (const name of [
      'htmlBlock',
      'codeBlock',
      'indented',
      'thematic',
      'setext',
      'blockquote',
      'definition',
      'table',
      'tableAligned',
      'tableAfterParagraph',
      'tableNoPipeDelimiter',
      'tableInItem',
      'tableDelimiterInItem',
      'tableInline',
      'tableBodyWithoutPipes',
      'tableCrlf',
    ])
      expect(fastParse(cases[name]!, snippet), name).toBeUndefined();
  });

  it('the table shapes do parse as tables (micromark with the table extension)', () => {
    for (const name of [
      'table',
      'tableAligned',
      'tableAfterParagraph',
      'tableNoPipeDelimiter',
      'tableInline',
    ])
      expect(
        parseMarkdownSlow(cases[name]!).children.some((n) => n.type === 'table'),
        name,
      ).toBe(true);
    const aligned = parseMarkdownSlow(cases.tableAligned!).children[0];
    expect(aligned?.type === 'table' && aligned.align).toEqual(['left', 'center', 'right']);
  });

  it('text, list items and tables with pipes, colons and dashes parse identically (property)', () => {
    const cell = fc.constantFrom('a', '*b*', '`c|d`', 'e \\| f', '', '1:2', '-', 'x-y');
    const row = fc
      .tuple(fc.boolean(), fc.array(cell, { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([lead, cells, trail]) => `${lead ? '| ' : ''}${cells.join(' | ')}${trail ? ' |' : ''}`);
    const delimiterCell = fc.constantFrom('-', '---', ':-', '-:', ':-:', ' :--- ', '--');
    const delimiter = fc
      .tuple(fc.boolean(), fc.array(delimiterCell, { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([lead, cells, trail]) => `${lead ? '|' : ''}${cells.join('|')}${trail ? '|' : ''}`);
    const line = fc.oneof(
      { weight: 3, arbitrary: row },
      { weight: 2, arbitrary: delimiter },
      { weight: 1, arbitrary: fc.constant('') },
      { weight: 2, arbitrary: fc.constantFrom('tekst', 'Aeg: 9:00-17:00', '## H', '1. a', '- b') },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom('  ', '   ', '- ', '1. '), row).map((p) => p.join('')),
      },
    );
    const doc = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 10 }), fc.boolean())
      .map(([lines, fm]) => `${fm ? '---\na: 1\n---\n\n' : ''}${lines.join('\n')}\n`);
    let fast = 0;
    let tables = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (same(text) === 'fast') fast++;
        if (parseMarkdownSlow(text).children.some((n) => n.type === 'table')) tables++;
      }),
      { numRuns: 1000 },
    );
    // both paths are exercised: many runs hold a table, many others take the fast path (the runs
    // are random: about 10 % hold a table, so 30 leaves room without letting either path go untried)
    expect(tables).toBeGreaterThan(30);
    expect(fast).toBeGreaterThan(30);
  });

  it('takes the fast path on blank lines in lists (loose lists, paragraphs and results after a blank)', () => {
    for (const name of [
      'looseList',
      'looseListNested',
      'looseListBlankLines',
      'looseThenTight',
      'looseWideNumbers',
    ])
      expect(fastParse(cases[name]!, snippet), name).toBeDefined();
  });

  it('lists with blank lines anywhere parse identically and often take the fast path (property)', () => {
    const lineText = fc
      .array(fc.constantFrom('tekst', 'õigus', '*rõhk*', 'a&amp;b', 'lõpp.'), { minLength: 1, maxLength: 3 })
      .map((w) => w.join(' '));
    const gap = fc.constantFrom('', '', '\n', '\n\n');
    const sub = fc.tuple(gap, fc.constantFrom('- ', '  - ', ''), lineText);
    const item = fc.tuple(gap, lineText, fc.array(sub, { maxLength: 3 }));
    const list = fc
      .tuple(fc.boolean(), fc.array(item, { minLength: 1, maxLength: 5 }))
      .map(([ordered, items]) =>
        items
          .map(([g, t, subs], i) => {
            const lead = ordered ? `${i + 1}. ` : '- ';
            const pad = ' '.repeat(lead.length);
            const rest = subs.map(([sg, kind, st]) => `${sg}\n${pad}${kind}${st}`).join('');
            return `${i ? g : ''}${lead}${t}${rest}`;
          })
          .join('\n'),
      );
    const doc = fc
      .array(
        fc.oneof(
          list,
          lineText,
          lineText.map((t) => `## ${t}`),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((blocks) => `---\na: 1\n---\n\n${blocks.join('\n\n')}\n`);
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(doc, (text) => {
        runs++;
        if (same(text) === 'fast') fast++;
      }),
      { numRuns: 500 },
    );
    // about half take the fast path (the rest hold shapes it declines, such as a paragraph after a
    // nested list); 30 % is far below what any seed gives
    expect(fast / runs).toBeGreaterThan(0.3);
  });

  it('descriptions in everyday styles parse identically and take the fast path (property)', () => {
    // line endings, a BOM, how nested lists are indented, which bullets and number delimiters
    const style = fc.record({
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      bom: fc.boolean(),
      pad: fc.constantFrom('   ', '    ', '\t', ' \t', '  '),
      bullet: fc.constantFrom('-', '*', '+'),
      delim: fc.constantFrom('.', ')'),
    });
    // (`2024. aastal` never first: an item whose text opens a list is outside the subset)
    const lineText = fc
      .tuple(
        fc.constantFrom('Tööülesanded', 'õigus', '*rõhk*', 'a&amp;b'),
        fc.array(fc.constantFrom('õigus', '*rõhk*', 'lõpp.', '2024. aastal', '`k`'), { maxLength: 3 }),
      )
      .map(([w, ws]) => [w, ...ws].join(' '));
    const item = fc.tuple(lineText, fc.array(lineText, { maxLength: 3 }), fc.boolean(), fc.boolean());
    const block = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.boolean(), lineText)
        .map(([d, n, t]) => ({ heading: d, n, t })),
      fc.array(lineText, { minLength: 1, maxLength: 3 }).map((para) => ({ para })),
      fc
        .tuple(fc.boolean(), fc.boolean(), fc.array(item, { minLength: 1, maxLength: 4 }))
        .map(([ordered, loose, items]) => ({ ordered, loose, items })),
    );
    const doc = fc
      .tuple(style, fc.boolean(), fc.array(block, { minLength: 1, maxLength: 5 }))
      .map(([st, fm, blocks]) => {
        const lines: string[] = fm ? ['---', 'id: x', 'title: "Nõunik"', '---', ''] : [];
        blocks.forEach((b, i) => {
          if ('heading' in b)
            lines.push(`${'#'.repeat(b.heading)} ${b.n ? `${i + 1}${st.delim} ` : ''}${b.t}`);
          else if ('para' in b) lines.push(...b.para);
          else
            b.items.forEach(([t, subs, lazy, spread], k) => {
              if (b.loose && k) lines.push('');
              lines.push(`${b.ordered ? `${k + 1}${st.delim}` : st.bullet} ${t}`);
              // a nested list at the style's indentation, its items in their own bullet
              const pad = b.ordered && st.pad === '  ' ? '   ' : st.pad;
              subs.forEach((sub, j) => {
                if (spread && j === 0) lines.push('');
                lines.push(`${pad}${st.bullet === '-' ? '*' : '-'} ${sub}`);
              });
              if (lazy) lines.push('laisk jätk');
            });
          lines.push('');
        });
        return `${st.bom ? '\uFEFF' : ''}${lines.join(st.eol)}`;
      });
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(doc, (text) => {
        runs++;
        if (same(text) === 'fast') fast++;
      }),
      { numRuns: 500 },
    );
    // every shape here is in the subset: each run takes the fast path
    expect(fast).toBe(runs);
  });

  it('lists at any indentation (spaces, tabs, 0–7 columns), markers and blank lines parse identically (property)', () => {
    const indent = fc.constantFrom(
      '',
      '',
      ' ',
      '  ',
      '   ',
      '    ',
      '     ',
      '      ',
      '\t',
      '\t ',
      '  \t',
      '\t\t',
    );
    const marker = fc.constantFrom(
      '- ',
      '* ',
      '+ ',
      '1. ',
      '2. ',
      '1) ',
      '7) ',
      '10. ',
      '-  ',
      '1.  ',
      '-    ',
    );
    const content = fc.constantFrom('a', 'b *c*', 'd  ', 'e\tf');
    const line = fc.oneof(
      { weight: 2, arbitrary: fc.constant('') },
      {
        weight: 1,
        arbitrary: fc
          .tuple(indent, fc.constantFrom('tekst', 'laisk', '## H', '### 1. H'))
          .map((p) => p.join('')),
      },
      { weight: 7, arbitrary: fc.tuple(indent, marker, content).map((p) => p.join('')) },
    );
    const doc = fc
      .tuple(fc.array(line, { minLength: 2, maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
      .map(([lines, eol]) => `${lines.join(eol)}\n`);
    let fast = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (same(text) === 'fast') fast++;
      }),
      { numRuns: 1000 },
    );
    // about 18 % take the fast path (the rest hold indented code, an item opening with a marker…);
    // 80 of 1,000 is far below what any seed gives
    expect(fast).toBeGreaterThan(80);
  });

  it('mixes of the supported shapes parse identically (property)', () => {
    const word = fc.constantFrom(
      'tekst',
      'õigus',
      '*rõhk*',
      '[l](u)',
      '`k`',
      'a&amp;b',
      '<i>x</i>',
      'lõpp  ',
      '2.',
      '#',
    );
    const lineText = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const block = fc.oneof(
      lineText.map((t) => [t]),
      fc.tuple(fc.integer({ min: 1, max: 3 }), lineText).map(([d, t]) => [`${'#'.repeat(d)} ${t}`]),
      fc
        .array(fc.tuple(lineText, fc.array(lineText, { maxLength: 2 })), { minLength: 1, maxLength: 4 })
        .map((items) => items.flatMap(([t, subs], i) => [`${i + 1}. ${t}`, ...subs.map((s) => `   - ${s}`)])),
      // a loose list: a blank line between items
      fc
        .array(fc.tuple(lineText, fc.array(lineText, { maxLength: 2 })), { minLength: 2, maxLength: 4 })
        .map((items) =>
          items.flatMap(([t, subs], i) => [
            ...(i ? [''] : []),
            `${i + 1}. ${t}`,
            ...subs.map((s) => `   - ${s}`),
          ]),
        ),
      fc.array(lineText, { minLength: 1, maxLength: 3 }).map((items) => items.map((t) => `- ${t}`)),
      fc.array(lineText, { minLength: 2, maxLength: 3 }),
    );
    const doc = fc
      .tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\n\n', ''))
      .map(([fm, blocks, sep]) =>
        [...(fm ? ['---', 'a: 1', '---', ''] : []), blocks.map((b) => b.join('\n')).join(`\n${sep}`)].join(
          '\n',
        ),
      );
    let fast = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (same(text) === 'fast') fast++;
      }),
      { numRuns: 1000 },
    );
    // the property must exercise the fast path, not only the fallback (~12 % of runs take it; at
    // 1,000 runs 50 is far below what any seed gives)
    expect(fast).toBeGreaterThan(50);
  });

  describe('the switch', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });
    const text = cases.mixed!;

    it('parseSource takes the fast path by default and tells so', () => {
      const before = { ...parseCounts };
      expect(parseSource(text, 'a.md').fastPath).toBe(true);
      expect(parseCounts.fast).toBe(before.fast + 1);
      expect(parseSource(cases.blockquote!, 'a.md').fastPath).toBeUndefined();
      expect(parseCounts.micromark).toBe(before.micromark + 1);
    });

    it('an option turns it off, and the source is the same', () => {
      const off = parseSource(text, 'a.md', { fast: false });
      expect(off.fastPath).toBeUndefined();
      const on = parseSource(text, 'a.md', { fast: true });
      expect(on.fastPath).toBe(true);
      for (const key of ['tree', 'preamble', 'sections', 'unclosedFrontmatter'] as const)
        expect(on[key], key).toStrictEqual(off[key]);
      expect(on.frontmatter?.data).toStrictEqual(off.frontmatter?.data);
      expect(parseMarkdown(text, { fast: false })).toStrictEqual(parseMarkdown(text));
    });

    it('AMETIJUHEND_FAST_PARSE=0 turns it off (an option still wins)', () => {
      vi.stubEnv('AMETIJUHEND_FAST_PARSE', '0');
      expect(parseSource(text, 'a.md').fastPath).toBeUndefined();
      expect(parseSource(text, 'a.md', { fast: true }).fastPath).toBe(true);
      vi.stubEnv('AMETIJUHEND_FAST_PARSE', '1');
      expect(parseSource(text, 'a.md').fastPath).toBe(true);
    });
  });
});
