/**
 * The fuzz campaign's generators and property, shared by `npm run fuzz` (scripts/fuzz.mjs) and
 * test/fuzz.test.ts (a small seeded run and the replay of test/fuzz-regressions/).
 *
 * A case is an input (text or bytes), a message language and a roll (0–999) that decides whether a
 * document without errors is also rendered (and rendered twice, for determinism). The property:
 * compileSource never throws; every diagnostic is well formed; a document without errors renders to
 * PDF, HTML and DOCX without throwing, its HTML holds no raw `<script`, and two renders are the same
 * bytes. A broken property throws a FuzzFailure whose `kind` groups failures for the report.
 */
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { compileSource, type CompileResult } from '../src/compiler/compile.js';
import { ConfigLoader } from '../src/config/load.js';
import type { ResolvedConfig } from '../src/config/types.js';
import { loadRenderer } from '../src/render/index.js';
import { OUTPUT_FORMATS, type RenderOptions } from '../src/render/types.js';
import { RULES } from '../src/validate/rules/index.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = join(ROOT, 'examples');
const PATH = join(EXAMPLES, 'ekspert-kriisiabi.md');
const RULE_IDS = new Set(RULES.map((r) => r.id));

export interface FuzzCase {
  input: string | Uint8Array;
  lang?: 'et' | 'en';
  /** 0–999: rendered when below the render share (per mille), rendered twice below a tenth of it. */
  roll: number;
  /** Which generator made it (for the report). */
  gen: string;
}

export class FuzzFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(`[${kind}] ${message}`);
  }
}

// ---------------------------------------------------------------- hostile content

const NASTY = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//x>',
  '<scr<script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<!-- x -->',
  '<![CDATA[x]]>',
  '"\'<>&',
  '&amp;',
  '&#0;',
  '&#x202e;',
  '&lt;script&gt;',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00ad',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  '𝕏',
  '😀',
  '👩‍👩‍👧',
  '🇪🇪',
  'ﷺ',
  'שלום',
  'مرحبا',
  'Ω̵̡̢̛',
  'ǅ',
  'ß',
  'İ',
  '**',
  '__',
  '*',
  '_',
  '`',
  '```',
  '~~~',
  '\\',
  '|',
  '| a | b |\n|---|---|',
  '---',
  '***',
  '# h',
  '## Õigused',
  '> q',
  '- ',
  '1. ',
  '1) ',
  '[^1]',
  '[a]: http://x',
  '<http://x>',
  '    code',
  '\t',
  'null',
  '~',
  'yes',
  'no',
  'true',
  '0x1F',
  '1e400',
  '.inf',
  '-.nan',
  '2024-02-30',
  '*a',
  '&a',
  '!!binary',
  '!!js/function',
  '!<tag:yaml.org,2002:str>',
  '%YAML 1.1',
  '? ',
  ': ',
  ' #',
  '{x}',
  '{detail}',
  '{line}',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  '$ref',
  '%s%n',
  '../../etc/passwd',
  'C:\\con\\aux',
  'Kliendikesksus',
];

const nasty = fc.constantFrom(...NASTY);
/** Text with hostile pieces; `huge` allows a long run (bounded, so one case cannot stall a run). */
function hostile(maxLength = 60, huge = 600): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.oneof(nasty, fc.string({ maxLength: 6 })), { maxLength: 6 })
        .map((a) => a.join('')),
    },
    { weight: 2, arbitrary: nasty },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(nasty, fc.constantFrom('x', 'õ', '𝕏', ' ', 'ab ', '\u200b')),
          fc.integer({ min: 1, max: huge }),
        )
        .map(([s, n]) => s.repeat(Math.max(1, Math.floor(n / Math.max(1, s.length))))),
    },
    { weight: 4, arbitrary: fc.constantFrom('Tiimijuht', 'Kõrgharidus', 'Ekspert', 'Maret Maripuu', 'x') },
  );
}
/** Free text that is not blank; mostly starts with a word, so a body line stays the block it is meant to be. */
const free = (max?: number, huge?: number): fc.Arbitrary<string> =>
  fc.tuple(fc.nat({ max: 9 }), hostile(max, huge)).map(([n, s]) => (n < 7 || !s.trim() ? `Tekst ${s}` : s));
const freeLine = (max?: number): fc.Arbitrary<string> =>
  free(max).map((s) => s.replace(/[\r\n\u2028\u2029\u0085]+/g, ' '));
/** Mostly a valid value, sometimes a hostile one. */
const mostly = <T>(
  valid: fc.Arbitrary<T>,
  bad: fc.Arbitrary<unknown> = hostile(12),
): fc.Arbitrary<T | unknown> => fc.oneof({ weight: 19, arbitrary: valid }, { weight: 1, arbitrary: bad });

const COMPETENCIES = ['Kliendikesksus', 'Asjatundlikkus', 'Koostöövõime', 'Efektiivsus'];
const ADDITIONAL = ['Korrektsus', 'Loovus', 'Empaatiavõime', 'Pingetaluvus', 'Abivalmidus'];

// ---------------------------------------------------------------- well-formed descriptions

interface Doc {
  front: Record<string, unknown>;
  /** Sections in order; `heading` indexes HEADINGS_ET / HEADINGS_EN (by the document's lang). */
  body: { heading: number; lines: string[] }[];
}

/**
 * Values that go in the PDF's running header or footer (title, organisation, version …) reach a few
 * thousand characters: before the footer was cut by a binary search, 1,500 took a minute to lay out.
 */
const HEADER_HUGE = 3000;
const stringOrList = fc.oneof(
  free(60, HEADER_HUGE),
  fc.array(free(60, HEADER_HUGE), { minLength: 1, maxLength: 3 }),
);
const languageRequirement = fc.record(
  {
    lang: mostly(fc.oneof(fc.constantFrom('et', 'en', 'ru', 'de', 'fi'), fc.constant(['en', 'ru']))),
    level: mostly(fc.constantFrom('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    note: free(),
  },
  { requiredKeys: ['lang', 'level'] },
);
const competency = (names: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: hostile(40) },
    {
      weight: 2,
      arbitrary: fc.record({ name: free(40), indicators: fc.array(free(), { minLength: 1, maxLength: 3 }) }),
    },
  );
const nameOf = (c: unknown): unknown => (c && typeof c === 'object' && 'name' in c ? c.name : c);
const competencies = (names: string[], minLength: number): fc.Arbitrary<unknown[]> =>
  fc.uniqueArray(competency(names), { minLength, maxLength: 4, selector: nameOf });
const signatory = fc.oneof(
  free(),
  fc.record({ name: free(), role: free() }, { requiredKeys: [] }),
  fc.constant(null),
);

const frontmatter = fc.record(
  {
    title: free(120, HEADER_HUGE),
    unit: stringOrList,
    reportsTo: free(60, HEADER_HUGE),
    substitutedBy: stringOrList,
    substitutes: stringOrList,
    organisation: free(60, HEADER_HUGE),
    lang: mostly(fc.constantFrom('et', 'en')),
    id: mostly(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,29}$/)),
    kind: mostly(fc.constantFrom('employee', 'official')),
    approval: mostly(
      fc.record({
        by: free(),
        directive: fc.oneof(free(20), fc.nat()),
        date: fc.constantFrom('2026-01-31', '2024-02-29'),
      }),
      fc.record({ by: hostile(), date: fc.constantFrom('2024-13-45', 'eile') }, { requiredKeys: [] }),
    ),
    version: mostly(fc.oneof(free(10, 40), fc.nat({ max: 99 }))),
    reviewed: mostly(fc.constantFrom('2026-03-01', '2025-12-31')),
    requirements: fc.record(
      {
        education: free(),
        experience: free(200),
        languages: fc.array(languageRequirement, { minLength: 1, maxLength: 3 }),
        computerSkills: free(200),
        competencies: competencies(COMPETENCIES, 1),
        additionalCompetencies: competencies(ADDITIONAL, 0),
        knowledge: fc.array(free(), { maxLength: 3 }),
      },
      { requiredKeys: ['education', 'languages', 'competencies'] },
    ),
    signatures: fc.record({ employer: signatory, employee: signatory }, { requiredKeys: [] }),
  },
  { requiredKeys: ['title', 'unit', 'reportsTo', 'requirements'] },
);

const HEADINGS_ET = [
  'Töökoha eesmärk',
  'Tööülesanded',
  'Õigused',
  'Vastutus',
  'Töövahendid',
  'Ametijuhendi muutmine',
];
const HEADINGS_EN = ['Purpose', 'Duties', 'Rights', 'Responsibilities', 'Work equipment', 'Amendments'];

const duty = fc
  .tuple(freeLine(200), fc.array(freeLine(120), { minLength: 1, maxLength: 3 }))
  .map(([task, results]) => ({ task, results }));

const body = fc
  .tuple(
    fc.array(freeLine(300), { minLength: 1, maxLength: 3 }),
    fc.array(duty, { minLength: 1, maxLength: 6 }),
    fc.array(freeLine(150), { minLength: 1, maxLength: 4 }),
    fc.array(freeLine(150), { minLength: 1, maxLength: 4 }),
    freeLine(200),
    freeLine(200),
  )
  .map(([purpose, duties, rights, resp, tools, change]) => {
    return [
      { heading: 0, lines: purpose.flatMap((p) => [p, '']) },
      {
        heading: 1,
        lines: duties.flatMap((d, i) => [
          `${i + 1}. ${d.task}`,
          ...d.results.map((r) => `${' '.repeat(String(i + 1).length + 2)}- ${r}`),
        ]),
      },
      { heading: 2, lines: ['Töötajal on õigus:', '', ...rights.map((r) => `- ${r}`)] },
      { heading: 3, lines: ['Töötaja vastutab:', '', ...resp.map((r) => `- ${r}`)] },
      { heading: 4, lines: [tools] },
      { heading: 5, lines: [change] },
    ];
  });

const doc: fc.Arbitrary<Doc> = fc.record({ front: frontmatter, body });

/** Every string value as a JSON (= YAML double-quoted) scalar: valid YAML whatever the content. */
function quoted(value: unknown, indent = ''): string {
  if (Array.isArray(value))
    return value.map((v) => `\n${indent}- ${quoted(v, `${indent}  `).trimStart()}`).join('') || ' []';
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return ' {}';
    return entries
      .map(
        ([k, v]) =>
          `\n${indent}${JSON.stringify(k)}:${/^\n/.test(quoted(v, `${indent}  `)) ? '' : ' '}${quoted(v, `${indent}  `).replace(/^ /, '')}`,
      )
      .join('');
  }
  return ` ${JSON.stringify(value) ?? 'null'}`;
}

/** Every string value as written, unquoted (often invalid YAML: fine, the property still holds). */
function plain(value: unknown, indent = ''): string {
  if (Array.isArray(value))
    return value.map((v) => `\n${indent}- ${plain(v, `${indent}  `).trimStart()}`).join('') || ' []';
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => {
        const inner = plain(v, `${indent}  `);
        return `\n${indent}${k}:${inner.startsWith('\n') ? inner : ` ${inner.trimStart()}`}`;
      })
      .join('');
  return ` ${String(value)}`;
}

type Style = 'yaml' | 'json' | 'plain';
function render(d: Doc, style: Style): string {
  let yaml: string;
  if (style === 'yaml') yaml = stringify(d.front, { lineWidth: 0 }).trimEnd();
  else yaml = (style === 'json' ? quoted(d.front) : plain(d.front)).replace(/^\n/, '');
  const headings = d.front.lang === 'en' ? HEADINGS_EN : HEADINGS_ET;
  const body = d.body.map((s) => `## ${headings[s.heading]}\n\n${s.lines.join('\n')}\n`).join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

const wellFormed = fc
  .tuple(doc, fc.constantFrom<Style>('yaml', 'yaml', 'json', 'plain'))
  .map(([d, style]) => render(d, style));

// ---------------------------------------------------------------- structural mutations

type Mutation = (text: string) => string | Uint8Array;

const lineEdit = (f: (lines: string[], i: number) => string[]): fc.Arbitrary<Mutation> =>
  fc.nat().map((n) => (text: string) => {
    const lines = text.split('\n');
    return f(lines, n % lines.length).join('\n');
  });

const DEPTH = 400;
const deep = fc.tuple(
  fc.constantFrom('>', '- ', '  - ', '* ', '1. ', '[', '{', 'a:\n', '<div>', '**'),
  fc.integer({ min: 1, max: DEPTH }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => t.replace(/\n/g, '\r')),
  fc.constant((t: string) => `\ufeff${t}`),
  fc.constant((t: string) => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2))),
  fc.constant((t: string) => t.replace(/^( {2,})- /gm, (m) => `    ${m.trimStart()}`)),
  fc.constant((t: string) => t.replace(/^( +)/gm, '$1$1')),
  lineEdit((ls, i) => ls.filter((_, k) => k !== i)),
  lineEdit((ls, i) => [...ls.slice(0, i + 1), ls[i]!, ...ls.slice(i + 1)]),
  lineEdit((ls, i) => {
    // a whole section duplicated or removed
    const start = ls.findIndex((l, k) => k >= i && l.startsWith('## '));
    if (start === -1) return ls;
    let end = ls.findIndex((l, k) => k > start && l.startsWith('## '));
    if (end === -1) end = ls.length;
    return i % 2
      ? [...ls.slice(0, end), ...ls.slice(start, end), ...ls.slice(end)]
      : [...ls.slice(0, start), ...ls.slice(end)];
  }),
  fc.tuple(fc.nat(), deep).map(([n, [unit, depth]]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = n % lines.length;
    const nested =
      unit === '[' || unit === '{'
        ? `x: ${unit.repeat(depth)}${unit === '[' ? ']' : '}'.repeat(depth)}`
        : unit === 'a:\n'
          ? Array.from({ length: Math.min(depth, 150) }, (_, k) => `${' '.repeat(k)}a${k}:`).join('\n')
          : unit === '  - '
            ? Array.from({ length: Math.min(depth, 150) }, (_, k) => `${'  '.repeat(k)}- x`).join('\n')
            : `${unit.repeat(depth)} x`;
    return [...lines.slice(0, i), nested, ...lines.slice(i)].join('\n');
  }),
  fc.tuple(fc.nat(), hostile(20)).map(([n, s]): Mutation => (t) => {
    const at = n % (t.length + 1);
    return t.slice(0, at) + s + t.slice(at);
  }),
  fc.nat().map((n): Mutation => (t) => {
    const bytes = new TextEncoder().encode(t);
    return bytes.slice(0, n % (bytes.length + 1));
  }),
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 5 })
    .map((edits): Mutation => (t) => {
      const bytes = new TextEncoder().encode(t);
      for (const [at, b] of edits) if (bytes.length) bytes[at % bytes.length] = b;
      return bytes;
    }),
);

const mutated = fc.tuple(wellFormed, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, ms]) => {
  let out: string | Uint8Array = text;
  for (const m of ms) out = m(typeof out === 'string' ? out : Buffer.from(out).toString('latin1'));
  return out;
});

// ---------------------------------------------------------------- raw YAML / Markdown

const YAML_TOKENS = [
  'a',
  'b: ',
  ': ',
  '- ',
  '\n',
  '\n  ',
  '\n    ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&a ',
  '*a',
  '!!str ',
  '? ',
  '|',
  '>-',
  '#',
  '---',
  '...',
  '%YAML 1.2',
  '<<: *a',
  'title: ',
  'unit: ',
  'requirements:',
  '\t',
  ' ',
  '~',
  'õ',
];
const MD_TOKENS = [
  '## ',
  '# ',
  '\n',
  '\n\n',
  '- ',
  '1. ',
  '   ',
  '    ',
  '> ',
  '*',
  '_',
  '`',
  '```',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '&',
  '|',
  '\\',
  'x',
  'Töökoha eesmärk',
  'Tööülesanded',
  '<script>',
  '<!--',
  '-->',
  '---',
  '***',
  '!',
  '^',
];
const tokens = (list: string[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...list) },
        { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
      ),
      { maxLength: 120 },
    )
    .map((a) => a.join(''));

const raw = fc.oneof(
  tokens(YAML_TOKENS).map((y) => `---\n${y}\n---\n\n## Töökoha eesmärk\n\nx\n`),
  tokens(MD_TOKENS).map(
    (m) => `---\ntitle: x\nunit: y\nrequirements: { education: a, experience: b }\n---\n${m}`,
  ),
  tokens([...YAML_TOKENS, ...MD_TOKENS]),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }),
);

/** The arbitrary of fuzz cases: well-formed documents with hostile content, mutated ones and raw text. */
export function fuzzCase(): fc.Arbitrary<FuzzCase> {
  const input = fc.oneof(
    { weight: 4, arbitrary: wellFormed.map((i) => ({ i, gen: 'well-formed' })) },
    { weight: 4, arbitrary: mutated.map((i) => ({ i, gen: 'mutated' })) },
    { weight: 2, arbitrary: raw.map((i) => ({ i, gen: 'raw' })) },
  );
  return fc
    .record({
      input,
      lang: fc.constantFrom<'et' | 'en' | undefined>(undefined, undefined, 'et', 'en'),
      roll: fc.noBias(fc.nat({ max: 999 })),
    })
    .map(({ input: { i, gen }, lang, roll }) =>
      lang ? { input: i, gen, lang, roll } : { input: i, gen, roll },
    );
}

// ---------------------------------------------------------------- the property

let config: ResolvedConfig | undefined;
function exampleConfig(): ResolvedConfig {
  config ??= new ConfigLoader({ cwd: ROOT }).forDir(EXAMPLES);
  return config;
}

const RENDER_OPTIONS: RenderOptions = { date: new Date('2026-01-01T00:00:00Z'), toolVersion: 'fuzz' };

export interface PropertyOptions {
  /** Per mille of the cases without errors that are rendered (1000: all). */
  renderShare: number;
}

export interface CaseOutcome {
  errors: number;
  rendered: boolean;
  renderedTwice: boolean;
}

function text(input: string | Uint8Array): string {
  return typeof input === 'string' ? input.replace(/^\ufeff/, '') : Buffer.from(input).toString('utf8');
}

/** Checks the diagnostics' invariants; throws a FuzzFailure on the first broken one. */
export function checkDiagnostics(r: CompileResult, input: string | Uint8Array): void {
  const source = text(input);
  const lineCount = source.split(/\r\n|\r|\n/).length;
  const longest = Math.max(...source.split('\n').map((l) => l.length));
  for (const d of r.diagnostics) {
    const where = JSON.stringify(d).slice(0, 400);
    const bad = (what: string): never => {
      throw new FuzzFailure('bad-diagnostic', `${what}: ${where}`);
    };
    if (!d.file) bad('no file');
    if (!Number.isInteger(d.line) || d.line < 1) bad('line < 1');
    if (!Number.isInteger(d.column) || d.column < 1) bad('column < 1');
    if (d.file === r.source?.path || r.source === undefined) {
      if (d.line > lineCount + 1) bad(`line past the end (${lineCount} lines)`);
      if (d.column > longest + 2) bad(`column past the longest line (${longest})`);
    }
    if (!RULE_IDS.has(d.rule)) bad('unknown rule id');
    if (d.severity !== 'error' && d.severity !== 'warning') bad('bad severity');
    if (!d.message || !d.message.trim()) bad('empty message');
    if (/Maximum call stack|RangeError|TypeError/.test(d.message))
      bad('an exception leaked into the message');
    for (const m of d.message.matchAll(/\{\w+\}|undefined|\[object Object\]|NaN/g))
      if (!source.includes(m[0])) bad(`"${m[0]}" is not from the input`);
  }
  // a capped rule's last line stands for `omitted` problems; at most 50 + that line per rule
  const counted = (severity: string): number =>
    r.diagnostics.filter((d) => d.severity === severity).reduce((n, d) => n + (d.omitted ?? 1), 0);
  if (r.errorCount !== counted('error')) throw new FuzzFailure('bad-count', 'errorCount');
  if (r.warningCount !== counted('warning')) throw new FuzzFailure('bad-count', 'warningCount');
  const perRule = new Map<string, number>();
  for (const d of r.diagnostics) perRule.set(d.rule, (perRule.get(d.rule) ?? 0) + 1);
  for (const [rule, n] of perRule) if (n > 51) throw new FuzzFailure('bad-count', `${n} lines of ${rule}`);
  if (r.errorCount === 0 && !r.model)
    throw new FuzzFailure('no-model', 'a document without errors has no model');
  if (r.errorCount > 0 && r.model)
    throw new FuzzFailure('model-with-errors', 'a document with errors has a model');
}

/** The HTML holds a `<script` element (escaped text, `&lt;script`, is fine). */
export const hasRawScript = (html: Uint8Array): boolean =>
  /<script/i.test(Buffer.from(html).toString('utf8'));

const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

/** The property of one case. Throws a FuzzFailure when it does not hold. */
export async function checkCase(c: FuzzCase, options: PropertyOptions): Promise<CaseOutcome> {
  let r: CompileResult;
  try {
    r = compileSource(c.input, {
      path: PATH,
      cwd: ROOT,
      config: exampleConfig(),
      ...(c.lang ? { lang: c.lang } : {}),
    });
  } catch (e) {
    throw new FuzzFailure(`compile-throws:${errorName(e)}`, describe(e));
  }
  checkDiagnostics(r, c.input);
  const outcome: CaseOutcome = { errors: r.errorCount, rendered: false, renderedTwice: false };
  if (!r.model || c.roll >= options.renderShare) return outcome;
  outcome.rendered = true;
  outcome.renderedTwice = c.roll < Math.max(1, options.renderShare / 10);
  for (const format of OUTPUT_FORMATS) {
    let bytes: Uint8Array;
    try {
      bytes = await (await loadRenderer(format))(r.model, RENDER_OPTIONS);
    } catch (e) {
      throw new FuzzFailure(`render-throws:${format}:${errorName(e)}`, describe(e));
    }
    if (!bytes.length) throw new FuzzFailure(`render-empty:${format}`, 'no bytes');
    if (format === 'html' && hasRawScript(bytes))
      throw new FuzzFailure('html-script', 'the HTML holds a raw <script');
    if (outcome.renderedTwice) {
      const again = await (await loadRenderer(format))(r.model, RENDER_OPTIONS);
      if (!same(bytes, again)) throw new FuzzFailure(`nondeterministic:${format}`, 'two renders differ');
    }
  }
  return outcome;
}

/** Renders the reference document once in every format, so later cases do not pay for loading. */
export async function warmUp(): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const r = compileSource(readFileSync(PATH), { path: PATH, cwd: ROOT, config: exampleConfig() });
  if (!r.model) throw new Error('the reference document does not compile');
  for (const format of OUTPUT_FORMATS) await (await loadRenderer(format))(r.model, RENDER_OPTIONS);
}

function errorName(e: unknown): string {
  if (e instanceof RangeError && /call stack/.test(e.message)) return 'stack-overflow';
  return e instanceof Error ? e.name : typeof e;
}
function describe(e: unknown): string {
  return e instanceof Error
    ? `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 8).join('\n')}`
    : String(e);
}

// ---------------------------------------------------------------- regression files

export interface Regression {
  kind: string;
  error: string;
  /** Set when the failure is a known issue fixed on another branch; the replay skips it. */
  knownIssue?: string;
  seed?: number;
  path?: string;
  gen?: string;
  lang?: 'et' | 'en';
  roll: number;
  input: { text: string } | { base64: string };
}

export function toRegression(
  c: FuzzCase,
  f: { kind: string; error: string; seed?: number; path?: string; knownIssue?: string },
): Regression {
  const input =
    typeof c.input === 'string' ? { text: c.input } : { base64: Buffer.from(c.input).toString('base64') };
  const out: Regression = { kind: f.kind, error: f.error, roll: c.roll, gen: c.gen, input };
  if (f.knownIssue) out.knownIssue = f.knownIssue;
  if (f.seed !== undefined) out.seed = f.seed;
  if (f.path !== undefined) out.path = f.path;
  if (c.lang) out.lang = c.lang;
  return out;
}

export function fromRegression(r: Regression): FuzzCase {
  const input = 'text' in r.input ? r.input.text : new Uint8Array(Buffer.from(r.input.base64, 'base64'));
  return r.lang
    ? { input, lang: r.lang, roll: r.roll, gen: r.gen ?? 'regression' }
    : { input, roll: r.roll, gen: r.gen ?? 'regression' };
}

/** Short name of a regression file: a hash of the input. */
export function shortHash(c: FuzzCase): string {
  return createHash('sha256')
    .update(typeof c.input === 'string' ? c.input : Buffer.from(c.input))
    .digest('hex')
    .slice(0, 12);
}
