import { describe, expect, it } from 'vitest';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { join } from 'node:path';
import { orgChartSvg, orgGraph, ORG_DESC_ID, ORG_TITLE_ID, type OrgChartOptions } from './org.js';
import { TEXT_ON_FILL, GRAPHICS, PAD, SIZE, BOLD } from './org-style.js';
import { textWidth, monoWidth } from './org-text.js';
import type { DescriptionSummary, ReferenceKey } from '../validate/summary.js';
import { repositoryDiagnostics } from '../validate/repository.js';
import { compileFile } from '../compiler/compile.js';
import { summarize } from '../compiler/summary.js';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const POS = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
const ET: OrgChartOptions = { lang: 'et', href: (id) => '/d/' + encodeURIComponent(id) };
const EN: OrgChartOptions = { lang: 'en', href: (id) => '/d/' + encodeURIComponent(id) };

function summary(
  id: string,
  title: string | undefined,
  unit: string[],
  refs: [ReferenceKey, string][] = [],
  extra: Partial<DescriptionSummary> = {},
): DescriptionSummary {
  return {
    file: `${id}.md`,
    id,
    ...(title !== undefined ? { title } : {}),
    unit,
    lang: 'et',
    references: refs.map(([key, value]) => ({ key, value, position: POS })),
    knownTitles: ['Peadirektor'],
    severities: {},
    errorCount: 0,
    warningCount: 0,
    ...extra,
  };
}

/** A small agency: a director outside the repository, two departments with one head each, experts. */
const REPO: DescriptionSummary[] = [
  summary('it-juht', 'Osakonnajuhataja', ['Amet', 'IT-osakond'], [['reportsTo', 'Peadirektor']]),
  summary('oigus-juht', 'Osakonnajuhataja', ['Amet', 'Õigusosakond'], [['reportsTo', 'peadirektor ']]),
  summary(
    'it-ekspert',
    'Ekspert',
    ['Amet', 'IT-osakond'],
    [
      ['reportsTo', 'Osakonnajuhataja'],
      ['substitutedBy', 'Ekspert'],
    ],
  ),
  summary('it-ekspert-2', 'Ekspert', ['Amet', 'IT-osakond'], [['reportsTo', 'OSAKONNAJUHATAJA']], {
    errorCount: 2,
  }),
  summary(
    'jurist',
    'Jurist',
    ['Amet', 'Õigusosakond'],
    [
      ['reportsTo', 'Osakonnajuhataja'],
      ['substitutes', 'Nõunik'],
    ],
  ),
  summary('noustaja', 'Nõustaja', ['Muu asutus'], [['reportsTo', 'Osakonnajuhataja']]),
];

/** The SVG parsed, failing on any XML error or warning. */
function parse(svg: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => void errors.push(`${level}: ${msg}`),
  }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return doc;
}

const all = (doc: Document | Element, name: string): Element[] =>
  Array.from(doc.getElementsByTagNameNS(SVG, name)) as Element[];
const classes = (e: Element): string[] => (e.getAttribute('class') ?? '').split(' ');
const texts = (e: Element): string[] => all(e, 'text').map((t) => t.textContent ?? '');

/** The chart's boxes (links and plain groups) by their data-key. */
function boxes(doc: Document): Map<string, Element> {
  const found = [...all(doc, 'a'), ...all(doc, 'g')].filter((e) => classes(e).includes('org-box'));
  return new Map(found.map((e) => [e.getAttribute('data-key')!, e]));
}

const boxById = (doc: Document, id: string): Element =>
  [...boxes(doc).values()].find((b) => b.getAttribute('data-id') === id)!;

/** Edges as "kind from-id to-id" (an outside box by its title). */
function edges(doc: Document): string[] {
  const byKey = boxes(doc);
  const name = (key: string): string => {
    const b = byKey.get(key)!;
    const title = all(b, 'text').filter(
      (t) => t.getAttribute('font-weight') === 'bold' && !/^[?⚠↻]/.test(t.textContent!),
    );
    return b.getAttribute('data-id') ?? `[${title.map((t) => t.textContent).join(' ')}]`;
  };
  return all(doc, 'path')
    .filter((p) => classes(p).includes('org-edge'))
    .map((p) => {
      const kind = classes(p).includes('org-substitutes') ? 'substitutes' : 'reportsTo';
      return `${kind} ${name(p.getAttribute('data-from')!)} ${name(p.getAttribute('data-to')!)}`;
    })
    .sort();
}

const rectOf = (box: Element): { x: number; y: number; width: number; height: number } => {
  const r = all(box, 'rect')[0]!;
  const n = (a: string): number => Number(r.getAttribute(a));
  return { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
};

describe('orgChartSvg', () => {
  it('is one well-formed standalone SVG: namespace, role, title and desc, no script, style or outside reference', () => {
    const svg = orgChartSvg(REPO, ET);
    const doc = parse(svg);
    const root = doc.documentElement!;
    expect(root.namespaceURI).toBe(SVG);
    expect(root.localName).toBe('svg');
    expect(root.getAttribute('role')).toBe('graphics-document');
    expect(root.getAttribute('aria-labelledby')).toBe(ORG_TITLE_ID);
    expect(root.getAttribute('aria-describedby')).toBe(ORG_DESC_ID);
    const title = all(doc, 'title').find((t) => t.getAttribute('id') === ORG_TITLE_ID)!;
    expect(title.parentNode).toBe(root);
    expect(title.textContent).toBe('Struktuurijoonis');
    expect(all(doc, 'desc')[0]!.textContent).toContain('6 ametijuhendit');
    expect(all(doc, 'script')).toEqual([]);
    expect(all(doc, 'style')).toEqual([]);
    expect(all(doc, 'foreignObject')).toEqual([]);
    for (const e of Array.from(doc.getElementsByTagName('*')) as Element[]) {
      for (const a of Array.from(e.attributes)) {
        expect(a.name).not.toMatch(/^on/i);
        expect(a.name).not.toBe('style');
        if (a.localName === 'href') expect(a.value).toMatch(/^\/d\//);
        if (a.value.includes('url(')) expect(a.value).toMatch(/^url\(#org-[a-z-]+\)$/);
      }
    }
    // every url(#…) points at a marker of the same document
    const ids = new Set(
      (Array.from(doc.getElementsByTagName('*')) as Element[]).map((e) => e.getAttribute('id')),
    );
    for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids.has(m[1]!)).toBe(true);
  });

  it('draws a linked box per description (title, innermost unit, id) and plain boxes for outside titles', () => {
    const doc = parse(orgChartSvg(REPO, ET));
    const links = all(doc, 'a');
    expect(links.map((a) => a.getAttribute('data-id')).sort()).toEqual(REPO.map((s) => s.id).sort());
    for (const a of links) {
      const id = a.getAttribute('data-id')!;
      expect(a.getAttribute('href')).toBe(`/d/${encodeURIComponent(id)}`);
      expect(a.getAttributeNS(XLINK, 'href')).toBe(a.getAttribute('href'));
      expect(a.getAttribute('aria-label')).toContain(id);
      expect(texts(a)).toContain(id);
    }
    const jurist = boxById(doc, 'jurist');
    expect(texts(jurist)).toEqual(['Jurist', 'Õigusosakond', 'jurist']);
    // its name is the words it shows, in their order (label in name)
    expect(jurist.getAttribute('aria-label')).toBe('Jurist Õigusosakond jurist');
    const broken = parse(
      orgChartSvg(
        [summary('s', 'Kõrgeltkvalifitseeritudinfotehnoloogiaspetsialistiametikoht ja veel', [])],
        ET,
      ),
    );
    expect(boxById(broken, 's').getAttribute('aria-label')).toBe(
      'Kõrgeltkvalifitseeritudinfotehnoloogiaspetsialistiametikoht ja veel s',
    );
    // the director: known (the config's knownTitles), a box without a link and without "unknown"
    const outside = [...boxes(doc).values()].filter((b) => b.localName === 'g');
    const director = outside.find((b) => texts(b).includes('Peadirektor'))!;
    expect(classes(director)).toContain('org-known');
    expect(texts(director)).toEqual(['väljaspool hoidlat', 'Peadirektor']);
    expect(director.getAttribute('href')).toBeNull();
  });

  it('marks an unknown reference with a word and a dashed border, exactly what the unknown-reference rule warns about', () => {
    const doc = parse(orgChartSvg(REPO, ET));
    const unknown = [...boxes(doc).values()].filter((b) => classes(b).includes('org-unknown'));
    expect(unknown.map((b) => texts(b))).toEqual([['? TUNDMATU', 'Nõunik']]);
    expect(unknown[0]!.localName).toBe('g');
    expect(all(unknown[0]!, 'rect')[0]!.getAttribute('stroke-dasharray')).not.toBeNull();
    const warned = repositoryDiagnostics(REPO).filter((d) => d.rule === 'unknown-reference');
    expect(warned.map((d) => d.file)).toEqual(['jurist.md']);
    expect(warned[0]!.message).toContain('Nõunik');
    const en = parse(orgChartSvg(REPO, EN));
    expect([...boxes(en).values()].filter((b) => classes(b).includes('org-unknown')).map(texts)).toEqual([
      ['? UNKNOWN', 'Nõunik'],
    ]);
  });

  it('matches titles as the rule does (spaces, case) and sends a shared title to the closest unit', () => {
    const doc = parse(orgChartSvg(REPO, ET));
    expect(edges(doc)).toEqual([
      // noustaja shares no unit with either head: one edge to each
      'reportsTo it-ekspert it-juht',
      'reportsTo it-ekspert-2 it-juht',
      'reportsTo it-juht [Peadirektor]',
      'reportsTo jurist oigus-juht',
      'reportsTo noustaja it-juht',
      'reportsTo noustaja oigus-juht',
      'reportsTo oigus-juht [Peadirektor]',
      // it-ekspert is substituted by "Ekspert": the other expert, never itself
      'substitutes it-ekspert-2 it-ekspert',
      'substitutes jurist [Nõunik]',
    ]);
  });

  it('puts managers above their reports', () => {
    const doc = parse(orgChartSvg(REPO, ET));
    const y = (id: string): number => rectOf(boxById(doc, id)).y;
    const director = [...boxes(doc).values()].find((b) => texts(b).includes('Peadirektor'))!;
    expect(rectOf(director).y).toBeLessThan(y('it-juht'));
    expect(y('it-juht')).toBeLessThan(y('it-ekspert'));
    expect(y('oigus-juht')).toBeLessThan(y('jurist'));
    // a reportsTo arrow starts at the report and ends (its arrow head) at the manager
    const path = all(doc, 'path').find(
      (p) =>
        p.getAttribute('data-from') === boxById(doc, 'jurist').getAttribute('data-key') &&
        classes(p).includes('org-reports-to'),
    )!;
    const numbers = path
      .getAttribute('d')!
      .match(/-?[\d.]+/g)!
      .map(Number);
    expect(numbers.at(-1)!).toBeLessThan(numbers[1]!);
    expect(path.getAttribute('marker-end')).toBe('url(#org-arrow)');
  });

  it('puts the links in reading order (top to bottom, left to right), the order Tab reaches them', () => {
    const doc = parse(orgChartSvg(REPO, ET));
    const inDocument = (Array.from(doc.getElementsByTagName('*')) as Element[]).filter((e) =>
      classes(e).includes('org-box'),
    );
    expect(inDocument).toHaveLength(boxes(doc).size);
    const order = inDocument.map(rectOf);
    const sorted = [...order].sort((a, b) => a.y - b.y || a.x - b.x);
    expect(order).toEqual(sorted);
    expect(all(doc, 'a')[0]!.getAttribute('data-id')).not.toBe(all(doc, 'a').at(-1)!.getAttribute('data-id'));
  });

  it('marks a description with errors in words, not by colour alone', () => {
    const doc = parse(orgChartSvg(REPO, ET));
    const box = boxById(doc, 'it-ekspert-2');
    expect(classes(box)).toContain('org-errors');
    expect(texts(box)[0]).toBe('⚠ 2 viga');
    expect(box.getAttribute('aria-label')).toContain('2 viga');
    expect(texts(parse(orgChartSvg(REPO, EN)).documentElement!)).toContain('⚠ 2 errors');
    expect(texts(boxById(doc, 'jurist')).some((t) => t.includes('viga'))).toBe(false);
  });

  it('lays out a reporting cycle and a box that reports to itself, and marks them', () => {
    const cycle = [
      summary('a', 'A', [], [['reportsTo', 'B']]),
      summary('b', 'B', [], [['reportsTo', 'C']]),
      summary('c', 'C', [], [['reportsTo', 'A']]),
      summary('d', 'D', [], [['reportsTo', 'A']]),
      summary('ise', 'Ise', [], [['reportsTo', 'Ise']]),
      summary('x', 'X', [], [['reportsTo', 'Y']]),
      summary('y', 'Y', [], [['reportsTo', 'X']]),
    ];
    const doc = parse(orgChartSvg(cycle, EN));
    const inCycle = [...boxes(doc).values()].filter((b) => classes(b).includes('org-cycle'));
    expect(inCycle.map((b) => b.getAttribute('data-id')).sort()).toEqual(['a', 'b', 'c', 'ise', 'x', 'y']);
    for (const b of inCycle) expect(texts(b)[0]).toBe('↻ reporting cycle');
    const cyclic = all(doc, 'path').filter(
      (p) => classes(p).includes('org-edge') && classes(p).includes('org-cycle'),
    );
    expect(cyclic).toHaveLength(6);
    expectNoOverlap(doc);
    expect(edges(doc)).toContain('reportsTo d a');
    expect(all(doc, 'desc')[0]!.textContent).toContain('6 descriptions in a reporting cycle');
  });

  it('escapes <&"\' in titles, units, ids and links, and keeps Estonian letters', () => {
    const odd = [
      summary('x&y', 'Juht <&"\'> õäöüšž', ['Üksus & "Co" <b>'], [['reportsTo', 'Tundmatu <juht> & co']]),
    ];
    const svg = orgChartSvg(odd, { lang: 'et', href: (id) => `/d/${id}?a=1&b="2"` });
    const doc = parse(svg);
    const box = boxById(doc, 'x&y');
    expect(texts(box).join(' ')).toBe('Juht <&"\'> õäöüšž Üksus & "Co" <b> x&y');
    expect(box.getAttribute('href')).toBe('/d/x&y?a=1&b="2"');
    expect(texts(doc.documentElement!)).toContain('Tundmatu <juht> & co');
    expect(all(doc, 'b')).toEqual([]);
    expect(svg).not.toMatch(/<b>|<juht>/);
  });

  it('wraps long titles inside the box, each line narrower than the box by the estimate', () => {
    const long = [
      summary(
        'pikk',
        'Sotsiaalkindlustusameti psühhosotsiaalse kriisiabi ja ohvriabi valdkonna juhtivekspert-koordinaator',
        ['Ohvriabi ja ennetusteenuste osakonna arendustalitus'],
      ),
      summary('sona', 'Kõrgeltkvalifitseeritudinfotehnoloogiaspetsialistiametikoht', []),
    ];
    const doc = parse(orgChartSvg(long, ET));
    for (const id of ['pikk', 'sona']) {
      const box = boxById(doc, id);
      const { width } = rectOf(box);
      const lines = all(box, 'text');
      expect(lines.length).toBeGreaterThan(2);
      for (const t of lines) {
        const text = t.textContent!;
        const size = Number(t.getAttribute('font-size'));
        const est = t.getAttribute('font-family')
          ? monoWidth(text, size)
          : textWidth(text, size) * (t.getAttribute('font-weight') === 'bold' ? BOLD : 1);
        expect(est).toBeLessThanOrEqual(width - 2 * PAD + 0.01);
      }
    }
    // the title's words are all there, in order, only broken across lines
    const title = (id: string): string =>
      all(boxById(doc, id), 'text')
        .filter((t) => t.getAttribute('font-weight') === 'bold')
        .map((t) => t.textContent!)
        .reduce((a, l) => (a === '' ? l : a.endsWith('-') ? a + l : `${a} ${l}`), '');
    expect(title('pikk')).toBe(long[0]!.title);
    expect(title('sona').replace(/ /g, '')).toBe(long[1]!.title);
    expect(SIZE.title).toBeGreaterThan(SIZE.unit);
  });

  it('gives the same bytes for the same descriptions in any order', () => {
    const first = orgChartSvg(REPO, ET);
    const shuffled = [REPO[3]!, REPO[0]!, REPO[5]!, REPO[1]!, REPO[4]!, REPO[2]!];
    expect(orgChartSvg(shuffled, ET)).toBe(first);
    expect(orgChartSvg([...REPO].reverse(), ET)).toBe(first);
    expect(orgChartSvg(REPO, ET)).toBe(first);
  });

  it('speaks both languages: title, description, legend, marks', () => {
    const et = parse(orgChartSvg(REPO, ET));
    const en = parse(orgChartSvg(REPO, EN));
    expect(all(en, 'title')[0]!.textContent).toBe('Organisation chart');
    expect(all(en, 'desc')[0]!.textContent).toContain('6 descriptions, 1 unknown title, 0 descriptions');
    expect(all(et, 'desc')[0]!.textContent).toContain('6 ametijuhendit, 1 tundmatu ametinimetus');
    expect(et.documentElement!.getAttribute('lang')).toBe('et');
    expect(en.documentElement!.getAttribute('lang')).toBe('en');
    const legend = (doc: Document): string[] =>
      texts(all(doc, 'g').find((g) => classes(g).includes('org-legend'))!);
    expect(legend(et)[0]).toBe('Tähised');
    expect(legend(en)[0]).toBe('Legend');
    expect(legend(en)).toContain('reports to (arrow to the manager)');
    expect(legend(et)).toContain('? tundmatu ametinimetus: ükski ametijuhend ega knownTitles');
    expect(texts(en.documentElement!)).toContain('outside the repository');
  });

  it('draws untitled descriptions and an empty repository', () => {
    const doc = parse(orgChartSvg([summary('nimeta', undefined, ['Osakond'])], EN));
    expect(texts(boxById(doc, 'nimeta'))).toEqual(['(no title)', 'Osakond', 'nimeta']);
    const empty = parse(orgChartSvg([], ET));
    expect(texts(empty.documentElement!)).toContain('Ametijuhendeid ei leitud.');
    expect(boxes(empty).size).toBe(0);
  });

  it('draws real descriptions: the examples compiled and summarised', () => {
    const root = join(import.meta.dirname, '..', '..', 'examples');
    const summaries = ['data-analyst.md', 'ekspert-kriisiabi.md'].map((f) =>
      summarize(compileFile(join(root, f)), f),
    );
    const doc = parse(orgChartSvg(summaries, EN));
    expect(
      all(doc, 'a')
        .map((a) => a.getAttribute('href'))
        .sort(),
    ).toEqual(summaries.map((s) => `/d/${encodeURIComponent(s.id)}`).sort());
    const outside = [...boxes(doc).values()]
      .filter((b) => b.localName === 'g')
      .map((b) => texts(b).slice(1).join(' '));
    // each description names its manager and substitutes by titles no example has
    expect(outside).toEqual(
      expect.arrayContaining(['Head of Data Team', 'Senior Data Analyst', 'Tiimijuht', 'koordinaator']),
    );
  });

  it('lays out 1,000 descriptions, every box present', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      summary(
        `n${String(i).padStart(4, '0')}`,
        i % 10 === 9 ? 'Ekspert' : `Ametikoht ${i}`,
        ['Amet', `Osakond ${i % 17}`],
        i === 0
          ? []
          : [
              ['reportsTo', `Ametikoht ${Math.floor((i - 1) / 6)}`],
              ['substitutes', `Ametikoht ${(i * 7) % 1000}`],
            ],
      ),
    );
    const doc = parse(orgChartSvg(many, ET));
    expect(all(doc, 'a')).toHaveLength(1000);
    expect(new Set(all(doc, 'a').map((a) => a.getAttribute('data-id'))).size).toBe(1000);
  }, 60_000);
});

/** Every pair of boxes apart (their rectangles do not overlap). */
function expectNoOverlap(doc: Document): void {
  const rects = [...boxes(doc).values()].map(rectOf).sort((a, b) => a.x - b.x);
  for (let i = 0; i < rects.length; i++) {
    const a = rects[i]!;
    for (let j = i + 1; j < rects.length && rects[j]!.x < a.x + a.width; j++) {
      const b = rects[j]!;
      const apart = b.y >= a.y + a.height || a.y >= b.y + b.height;
      expect(apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
    }
  }
}

describe('orgChartSvg: layout of larger departments', () => {
  const department = [
    summary('juht', 'Osakonnajuhataja', ['Amet', 'Osakond'], [['reportsTo', 'Peadirektor']]),
    summary(
      'talitus',
      'Talituse juhataja',
      ['Amet', 'Osakond', 'Talitus'],
      [['reportsTo', 'Osakonnajuhataja']],
    ),
    summary(
      'talitus-ekspert',
      'Ekspert',
      ['Amet', 'Osakond', 'Talitus'],
      [['reportsTo', 'Talituse juhataja']],
    ),
    ...Array.from({ length: 9 }, (_, i) =>
      summary(
        `spetsialist-${i}`,
        `Spetsialist ${i}`,
        ['Amet', 'Osakond'],
        [['reportsTo', 'Osakonnajuhataja']],
      ),
    ),
  ];

  it('stacks a manager’s many reports in columns below it, a line to each, no box over another', () => {
    const doc = parse(orgChartSvg(department, ET));
    expectNoOverlap(doc);
    const manager = rectOf(boxById(doc, 'juht'));
    const leaves = Array.from({ length: 9 }, (_, i) => rectOf(boxById(doc, `spetsialist-${i}`)));
    for (const r of leaves) expect(r.y).toBeGreaterThan(manager.y + manager.height);
    // in columns: fewer distinct x positions than boxes, and narrower than a row of them
    expect(new Set(leaves.map((r) => r.x)).size).toBeLessThanOrEqual(3);
    const spread = Math.max(...leaves.map((r) => r.x + r.width)) - Math.min(...leaves.map((r) => r.x));
    expect(spread).toBeLessThan(leaves.reduce((w, r) => w + r.width, 0) / 2);
    // each line starts at its report's left side and ends at the manager's bottom
    for (let i = 0; i < 9; i++) {
      const key = boxById(doc, `spetsialist-${i}`).getAttribute('data-key');
      const line = all(doc, 'path').find((p) => p.getAttribute('data-from') === key)!;
      const n = line
        .getAttribute('d')!
        .match(/-?[\d.]+/g)!
        .map(Number);
      const r = leaves[i]!;
      expect(n[0]).toBeCloseTo(r.x, 0);
      expect(n[1]!).toBeGreaterThan(r.y);
      expect(n[1]!).toBeLessThan(r.y + r.height);
      expect(n.at(-1)!).toBeCloseTo(manager.y + manager.height, 0);
    }
    // the manager with one report of its own is not stacked: it stays a rank of its own
    expect(rectOf(boxById(doc, 'talitus-ekspert')).y).toBeGreaterThan(rectOf(boxById(doc, 'talitus')).y);
    expect(edges(doc)).toContain('reportsTo talitus juht');
  });

  it('says in words, not lines, a reference to a title more than three descriptions share', () => {
    const experts = (n: number): DescriptionSummary[] =>
      Array.from({ length: n }, (_, i) =>
        summary(`ekspert-${i}`, 'Ekspert', ['Amet', 'Osakond'], [['substitutedBy', 'Ekspert']]),
      );
    const five = parse(orgChartSvg(experts(5), ET));
    expect(edges(five)).toEqual([]);
    for (let i = 0; i < 5; i++) {
      expect(texts(boxById(five, `ekspert-${i}`)).join(' ')).toContain(
        'asendaja: „Ekspert“ (4 ametijuhendit)',
      );
    }
    const en = parse(orgChartSvg(experts(5), EN));
    expect(boxById(en, 'ekspert-0').getAttribute('aria-label')).toContain(
      'substituted by: "Ekspert" (4 descriptions)',
    );
    // four: three others each, drawn
    const four = parse(orgChartSvg(experts(4), ET));
    expect(edges(four)).toHaveLength(12);
    expect(texts(four.documentElement!).join(' ')).not.toContain('asendaja');
  });

  it('lays out a tangle (each of 300 reports to five others, cycles everywhere) quickly, every line drawn', () => {
    const tangle = Array.from({ length: 300 }, (_, i) =>
      summary(
        `t${i}`,
        `Ametikoht ${i}`,
        [],
        [1, 2, 3, 5, 8].map((d): [ReferenceKey, string] => ['reportsTo', `Ametikoht ${(i + d) % 300}`]),
      ),
    );
    const doc = parse(orgChartSvg(tangle, EN));
    const lines = all(doc, 'path').filter((p) => classes(p).includes('org-reports-to'));
    expect(lines).toHaveLength(1500);
    for (const p of lines) expect(p.getAttribute('d')!.match(/-?[\d.]+/g)!.length).toBeGreaterThanOrEqual(4);
    expect(lines.every((p) => classes(p).includes('org-cycle'))).toBe(true);
    expectNoOverlap(doc);
  }, 60_000);

  it('keeps boxes apart in the 1,000-box repository and the small ones', () => {
    expectNoOverlap(parse(orgChartSvg(REPO, ET)));
    const many = Array.from({ length: 1000 }, (_, i) =>
      summary(
        `n${i}`,
        `Ametikoht ${i}`,
        ['Amet'],
        i === 0 ? [] : [['reportsTo', `Ametikoht ${Math.floor((i - 1) / 7)}`]],
      ),
    );
    expectNoOverlap(parse(orgChartSvg(many, EN)));
  }, 60_000);
});

describe('orgGraph', () => {
  it('one box per description even when ids repeat, and one edge per (kind, from, to)', () => {
    const twice = [
      summary(
        'x',
        'X',
        [],
        [
          ['reportsTo', 'Y'],
          ['reportsTo', 'y'],
        ],
      ),
      summary(
        'x',
        'X2',
        [],
        [
          ['substitutes', 'X'],
          ['substitutedBy', 'X'],
        ],
        { file: 'other/x.md' },
      ),
      summary('y', 'Y', [], [['substitutedBy', 'X2']]),
    ];
    const graph = orgGraph(twice);
    expect(graph.boxes.map((b) => [b.key, b.id, b.title])).toEqual([
      ['d0', 'x', 'X2'],
      ['d1', 'x', 'X'],
      ['d2', 'y', 'Y'],
    ]);
    expect(graph.edges.map((e) => `${e.kind} ${e.from} ${e.to}`)).toEqual([
      'reportsTo d1 d2',
      'substitutes d0 d1',
      'substitutes d0 d2',
      'substitutes d1 d0',
    ]);
  });
});

/** WCAG relative luminance and contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('the chart’s colours', () => {
  it.each(TEXT_ON_FILL.map(([t, f]) => [t, f]))('text %s on %s has at least 4.5:1', (text, fill) => {
    expect(contrast(text, fill)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(GRAPHICS)('line %s on white has at least 3:1', (colour) => {
    expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it('every colour the SVG uses for text is one of the tested pairs', () => {
    const doc = parse(orgChartSvg(REPO, ET));
    const tested = new Set(TEXT_ON_FILL.map(([t]) => t));
    for (const t of all(doc, 'text')) expect(tested.has(t.getAttribute('fill')!)).toBe(true);
  });
});
