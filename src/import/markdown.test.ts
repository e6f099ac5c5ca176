/**
 * The Markdown writer of `ametijuhend import`: what it writes parses back (through the real
 * compiler) to the Draft's values and texts, whatever characters they hold.
 */
import fc from 'fast-check';
import type { Nodes, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { compileSource, type CompileResult } from '../compiler/compile.js';
import { emptyConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Block, JobDescription } from '../model/types.js';
import { FOOTNOTE_MARK, STRIKE } from '../validate/markdown-marks.js';
import { toPlainText } from '../util/mdast-text.js';
import { smartQuotes } from '../util/typography.js';
import { normaliseText, oneLine, writeMarkdown } from './markdown.js';
import type { Draft, DraftBlock, DraftListItem, DraftSection } from './types.js';
import { REFERENCE, referenceConfig } from '../../test/helpers.js';

const config = (extra: string[] = []): ResolvedConfig => ({
  ...emptyConfig(process.cwd()),
  extraSections: extra,
});

function compiled(text: string, cfg: ResolvedConfig = config()): CompileResult {
  return compileSource(text, { config: cfg, lang: 'en' });
}

/** What a parsed block holds as plain text, in the Draft's shape (review comments are not content). */
type Plain =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: { text: string; children: Plain[] }[] }
  | { type: 'table'; rows: string[][] };

function plainBlocks(nodes: readonly (RootContent | Block)[]): Plain[] {
  const out: Plain[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') out.push({ type: 'paragraph', text: toPlainText(n as Nodes) });
    else if (n.type === 'list')
      out.push({
        type: 'list',
        ordered: Boolean(n.ordered),
        items: n.children.map((item) => {
          const [first, ...rest] = item.children;
          const text = first?.type === 'paragraph' ? toPlainText(first) : '';
          return { text, children: plainBlocks(first?.type === 'paragraph' ? rest : item.children) };
        }),
      });
    else if (n.type === 'table')
      out.push({ type: 'table', rows: n.children.map((r) => r.children.map((c) => toPlainText(c))) });
    else if (n.type !== 'html') out.push({ type: 'paragraph', text: `unexpected ${n.type}` });
  }
  return out;
}

/** What the Draft's blocks should parse back to: normalised text, typographic quotes, no reviews. */
function expectedBlocks(blocks: readonly DraftBlock[], lang: 'et' | 'en'): Plain[] {
  const q = (s: string): string => smartQuotes(normaliseText(s), lang);
  const out: Plain[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push({ type: 'paragraph', text: q(b.text) });
    else if (b.type === 'list')
      out.push({
        type: 'list',
        ordered: b.ordered,
        items: b.items.map((i: DraftListItem) => ({
          text: q(i.text),
          children: expectedBlocks(i.children ?? [], lang),
        })),
      });
    else if (b.type === 'table') {
      const width = Math.max(1, b.header.length, ...b.rows.map((r) => r.length));
      const pad = (r: readonly string[]): string[] =>
        Array.from({ length: width }, (_, i) => smartQuotes(oneLine(r[i] ?? ''), lang));
      out.push({ type: 'table', rows: [pad(b.header), ...b.rows.map(pad)] });
    }
  }
  return out;
}

/** Every section of the model as the Draft's plain shape (known sections by key, extras in order). */
function modelSections(model: JobDescription): unknown[] {
  const out: unknown[] = [];
  for (const s of Object.values(model.sections)) {
    if (s.key === 'duties')
      out.push({
        key: 'duties',
        intro: plainBlocks(s.intro),
        tasks: s.duties.map((d) => ({
          task: toPlainText({ type: 'paragraph', children: d.task }),
          results: d.results.map((r) => toPlainText({ type: 'paragraph', children: r })),
          more: plainBlocks(d.more),
        })),
      });
    else out.push({ key: s.key, blocks: plainBlocks(s.blocks) });
  }
  for (const e of model.extraSections)
    out.push({ key: 'extra', heading: e.heading, blocks: plainBlocks(e.blocks) });
  return out;
}

const ORDER = ['purpose', 'duties', 'rights', 'responsibilities', 'tools', 'changes'];

function draftSections(sections: readonly DraftSection[], lang: 'et' | 'en'): unknown[] {
  const q = (s: string): string => smartQuotes(normaliseText(s), lang);
  const known = sections
    .filter((s) => s.key !== 'extra')
    .sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key))
    .map((s) =>
      s.key === 'duties'
        ? {
            key: 'duties',
            intro: expectedBlocks(s.blocks ?? [], lang),
            tasks: s.tasks.map((t) => ({
              task: q(t.task),
              results: t.results.map(q),
              more: expectedBlocks(t.more ?? [], lang),
            })),
          }
        : { key: s.key, blocks: expectedBlocks(s.blocks, lang) },
    );
  const extra = sections
    .filter((s) => s.key === 'extra')
    .map((s) => ({
      key: 'extra',
      heading: smartQuotes(oneLine(s.heading), lang),
      blocks: expectedBlocks(s.blocks ?? [], lang),
    }));
  return [...known, ...extra];
}

// ---------------------------------------------------------------------------------------------
// Arbitrary drafts

/** Characters that matter: Markdown's and YAML's specials, Estonian letters, quotes, dashes. */
const CHARS = [
  ...'abcxyzAZ019 ',
  ...'õäöüšžÕÄÖÜŠŽ',
  ...'"\'„“”‘’«»–—…',
  ...'*_`[]<>#|\\&~!+-=.:;,?()/{}^%$@\t',
  '1.',
  '2)',
  '&amp;',
  '&#35;',
  '~~',
  '[^',
  '![x](y)',
  '<!--',
  '-->',
  '---',
  '***',
  '```',
  '<b>',
  'http://x.ee',
  '  ',
  '\n',
  '\u00a0',
];
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.join(''))
  // what a reader gives and the writer can keep: some visible text
  .filter((s) => /[a-zõäöüšž0-9]/i.test(normaliseText(s)))
  // footnote marks and strikethrough are errors of check in any text, escaped or not (dropped-markdown)
  .filter((s) => !FOOTNOTE_MARK.test(oneLine(s)) && !STRIKE.test(oneLine(s)));
/** A frontmatter string: one line, trimmed (YAML keeps it exactly; the model trims nothing). */
const value = text.map((s) => oneLine(s)).filter((s) => s.length > 0);

const paragraph: fc.Arbitrary<DraftBlock> = text.map((t) => ({ type: 'paragraph', text: t }));
const review: fc.Arbitrary<DraftBlock> = text.map((t) => ({ type: 'review', text: t }));
const table: fc.Arbitrary<DraftBlock> = fc
  .tuple(
    fc.array(text, { minLength: 1, maxLength: 3 }),
    fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
  )
  .map(([header, rows]) => ({ type: 'table', header, rows }));
const list = (depth: number): fc.Arbitrary<DraftBlock> =>
  fc
    .tuple(
      fc.boolean(),
      fc.array(
        fc.record(
          {
            text,
            children:
              depth > 0
                ? fc.array(fc.oneof(paragraph, list(depth - 1)), { maxLength: 2 })
                : fc.constant<DraftBlock[]>([]),
          },
          { requiredKeys: ['text'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([ordered, items]) => ({ type: 'list', ordered, items }));
const blocks = fc.array(fc.oneof(paragraph, list(1), table, review), { minLength: 1, maxLength: 4 });
/** Blocks that are content (a section of reviews alone would be empty). */
const contentBlocks = fc
  .tuple(fc.oneof(paragraph, list(1), table), blocks)
  .map(([first, rest]) => [first, ...rest]);

const tasks = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        text,
        fc.array(text, { minLength: 1, maxLength: 3 }),
        fc.array(fc.oneof(paragraph, table), { maxLength: 1 }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([withResults, ts]) =>
    ts.map(([task, results, more]) => ({
      task,
      results: withResults ? results : [],
      ...(more.length ? { more } : {}),
    })),
  );

const competency = fc
  .tuple(value, fc.array(value, { minLength: 1, maxLength: 3 }))
  .map(([name, indicators]) => ({ name, indicators }));

const frontmatter = fc.record(
  {
    title: value,
    unit: fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 3 })),
    reportsTo: value,
    substitutedBy: fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 2 })),
    organisation: value,
    lang: fc.constantFrom('et', 'en'),
    kind: fc.constantFrom('employee', 'official'),
    approval: fc.record({ by: value, directive: fc.oneof(value, fc.nat()), date: fc.constant('2026-01-25') }),
    requirements: fc.record(
      {
        education: fc.oneof(
          value,
          fc.array(value, { minLength: 3, maxLength: 8 }).map((v) => v.join(' ')),
        ),
        experience: value,
        languages: fc.array(
          fc.record(
            {
              lang: fc.constantFrom('et', 'en', ['en', 'ru']),
              level: fc.constantFrom('B1', 'B2', 'C1'),
              note: value,
            },
            { requiredKeys: ['lang', 'level'] },
          ),
          { minLength: 1, maxLength: 2 },
        ),
        computerSkills: fc.array(value, { minLength: 1, maxLength: 12 }).map((v) => v.join(' ')),
        competencies: fc.uniqueArray(competency, {
          minLength: 1,
          maxLength: 2,
          selector: (c) => c.name.toLowerCase(),
        }),
        knowledge: fc.array(value, { minLength: 1, maxLength: 2 }),
      },
      { requiredKeys: ['education', 'languages', 'competencies'] },
    ),
    signatures: fc.record(
      { employer: value, employee: fc.record({ name: value, role: value }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['title', 'unit', 'reportsTo', 'lang', 'requirements'] },
);

const HEADINGS = {
  purpose: 'Töökoha eesmärk',
  duties: 'Tööülesanded',
  rights: 'Õigused',
  responsibilities: 'Vastutus',
  tools: 'Töövahendid',
  changes: 'Ametijuhendi muutmine',
} as const;

const extraHeading = fc
  .array(fc.constantFrom(...'abcõäöü ', ' (x)', ' "y"', ' *', ' _', ' #', ' [z]', ' 1.'), {
    minLength: 2,
    maxLength: 10,
  })
  .map((p) => `Lisa ${p.join('')}`.replace(/\s+/g, ' ').trim());

const draft: fc.Arbitrary<Draft> = fc
  .record({
    frontmatter,
    purpose: contentBlocks,
    dutyIntro: fc.array(paragraph, { maxLength: 1 }),
    tasks,
    rights: contentBlocks,
    responsibilities: contentBlocks,
    tools: fc.option(contentBlocks, { nil: undefined }),
    changes: fc.option(contentBlocks, { nil: undefined }),
    extras: fc.uniqueArray(fc.tuple(extraHeading, contentBlocks), {
      maxLength: 2,
      selector: ([h]) => h.toLowerCase(),
    }),
  })
  .map((r) => {
    const sections: DraftSection[] = [
      { key: 'purpose', heading: HEADINGS.purpose, blocks: r.purpose },
      {
        key: 'duties',
        heading: HEADINGS.duties,
        tasks: r.tasks,
        ...(r.dutyIntro.length ? { blocks: r.dutyIntro } : {}),
      },
      { key: 'rights', heading: HEADINGS.rights, blocks: r.rights },
      { key: 'responsibilities', heading: HEADINGS.responsibilities, blocks: r.responsibilities },
    ];
    if (r.tools) sections.push({ key: 'tools', heading: HEADINGS.tools, blocks: r.tools });
    if (r.changes) sections.push({ key: 'changes', heading: HEADINGS.changes, blocks: r.changes });
    for (const [heading, b] of r.extras) sections.push({ key: 'extra', heading, blocks: b });
    return { frontmatter: r.frontmatter, sections, notes: [] };
  });

/** The draft written and compiled: no errors, and its values and texts come back. */
function roundTrip(d: Draft): void {
  const md = writeMarkdown(d);
  const extras = d.sections.filter((s) => s.key === 'extra').map((s) => s.heading);
  const r = compiled(md, config(extras));
  const errors = r.diagnostics.filter((x) => x.severity === 'error');
  expect(errors, md).toEqual([]);
  expect(r.source?.frontmatter?.data, md).toEqual(d.frontmatter);
  const lang = d.frontmatter.lang === 'en' ? 'en' : 'et';
  expect(modelSections(r.model!), md).toEqual(draftSections(d.sections, lang));
  expect(md).not.toMatch(/\r/);
  expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
}

describe('writeMarkdown', () => {
  it('writes any draft so that the compiler reads back its values and texts', () => {
    fc.assert(fc.property(draft, roundTrip), { numRuns: 300 });
  });

  it('writes the reference document as the reference is written', () => {
    const ref = compileSource(REFERENCE, { config: referenceConfig() });
    const model = ref.model!;
    const data = ref.source!.frontmatter!.data as Record<string, unknown>;
    const plain = (blocks: readonly Block[]): DraftBlock[] =>
      plainBlocks(blocks).map((b): DraftBlock =>
        b.type === 'list'
          ? { type: 'list', ordered: b.ordered, items: b.items.map((i) => ({ text: i.text })) }
          : (b as DraftBlock),
      );
    const s = model.sections;
    const d: Draft = {
      frontmatter: data,
      sections: [
        { key: 'purpose', heading: 'Töökoha eesmärk', blocks: plain(s.purpose!.blocks) },
        {
          key: 'duties',
          heading: 'Tööülesanded',
          tasks: s.duties!.duties.map((t) => ({
            task: toPlainText({ type: 'paragraph', children: t.task }),
            results: t.results.map((x) => toPlainText({ type: 'paragraph', children: x })),
          })),
        },
        { key: 'rights', heading: 'Õigused', blocks: plain(s.rights!.blocks) },
        { key: 'responsibilities', heading: 'Vastutus', blocks: plain(s.responsibilities!.blocks) },
        { key: 'tools', heading: 'Töövahendid', blocks: plain(s.tools!.blocks) },
        { key: 'changes', heading: 'Ametijuhendi muutmine', blocks: plain(s.changes!.blocks) },
      ],
      notes: [],
    };
    // the reference writes three short lists in flow style; the writer writes every list as a block
    const expected = REFERENCE.replace(
      'substitutedBy: [Tiimijuht, koordinaator]\nsubstitutes: [Tiimijuht, koordinaator]',
      'substitutedBy:\n  - Tiimijuht\n  - koordinaator\nsubstitutes:\n  - Tiimijuht\n  - koordinaator',
    ).replace('- lang: [en, ru]\n', '- lang:\n        - en\n        - ru\n');
    expect(writeMarkdown(d)).toBe(expected);
  });

  it('escapes what Markdown would read as markup, and only that', () => {
    const md = writeMarkdown({
      frontmatter: { title: 'x' },
      sections: [
        {
          key: 'purpose',
          heading: 'Eesmärk #1 *',
          blocks: [
            {
              type: 'paragraph',
              text: '1. samm: *tärn* ja _alakriips_ [link](x) <b> &amp; a|b `kood`\n- rida\n# ei ole pealkiri\n> ei tsitaat',
            },
            {
              type: 'paragraph',
              text: '3-aastane töökogemus (sh juhtimine), „jutumärgid“ ja 50% – kõik jääb nii.',
            },
          ],
        },
      ],
      notes: [],
    });
    expect(md).toContain('## Eesmärk \\#1 \\*');
    expect(md).toContain(
      '1\\. samm: \\*tärn\\* ja \\_alakriips\\_ \\[link\\](x) \\<b> \\&amp; a\\|b \\`kood\\`\n\\- rida\n\\# ei ole pealkiri\n\\> ei tsitaat',
    );
    expect(md).toContain('\n3-aastane töökogemus (sh juhtimine), „jutumärgid“ ja 50% – kõik jääb nii.\n');
  });

  it('writes duties as an ordered list with nested results, and review notes as HTML comments', () => {
    const md = writeMarkdown({
      frontmatter: { title: 'x' },
      sections: [
        {
          key: 'duties',
          heading: 'Tööülesanded',
          tasks: Array.from({ length: 10 }, (_, i) => ({ task: `Ülesanne ${i + 1}`, results: ['Tulemus'] })),
        },
        { key: 'extra', heading: 'Muu', blocks: [{ type: 'review', text: 'Kontrolli -- see --> lõpp' }] },
      ],
      notes: [],
    });
    expect(md).toContain('1. Ülesanne 1\n   - Tulemus\n2. Ülesanne 2\n');
    expect(md).toContain('10. Ülesanne 10\n    - Tulemus\n');
    expect(md).toContain('<!-- Kontrolli - - see - -> lõpp -->');
  });

  it('writes the reviewer comments before the key or item they are about', () => {
    const md = writeMarkdown({
      frontmatter: {
        title: 'Ekspert',
        requirements: { competencies: ['Koostöövõime', 'Korrektsus'], education: 'Kõrgharidus' },
      },
      sections: [],
      comments: [
        { path: ['requirements', 'competencies', 1], text: 'dokumendis: Täpsus ja korrektsus' },
        { path: ['title'], text: 'kontrolli' },
        { path: ['nowhere', 3], text: 'kuhugi' },
      ],
      notes: [],
    });
    expect(md).toBe(
      [
        '---',
        '# kuhugi',
        '',
        '# kontrolli',
        'title: Ekspert',
        'requirements:',
        '  education: Kõrgharidus',
        '  competencies:',
        '    - Koostöövõime',
        '    # dokumendis: Täpsus ja korrektsus',
        '    - Korrektsus',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('keeps two lists in a row apart, and table rows of any width', () => {
    const d: Draft = {
      frontmatter: { title: 'x' },
      sections: [
        {
          key: 'purpose',
          heading: 'Eesmärk',
          blocks: [
            { type: 'list', ordered: false, items: [{ text: 'a' }] },
            { type: 'list', ordered: false, items: [{ text: 'b' }] },
            { type: 'table', header: ['A'], rows: [['1', '2', '3|4']] },
          ],
        },
      ],
      notes: [],
    };
    const md = writeMarkdown(d);
    expect(md).toContain('- a\n\n* b\n\n| A | | |\n| --- | --- | --- |\n| 1 | 2 | 3\\|4 |\n');
  });
});
