import { describe, expect, it } from 'vitest';
import { PLURAL_FORM } from '../util/plural.js';
import { fill } from '../validate/diagnostic.js';
import { MORE_PROBLEMS } from '../validate/rule.js';
import { RULES } from '../validate/rules/index.js';
import { message, MESSAGES, type MessageId } from './index.js';

/** The names a template fills: bare {name} placeholders and the counts of its plural forms. */
const placeholders = (text: string): string[] =>
  [
    ...new Set([
      ...[...text.matchAll(PLURAL_FORM)].map((m) => m[1]!),
      // a language's own value (`{hint_et}`, `{hint_en}`) counts as the one placeholder `hint`
      ...[...text.replace(PLURAL_FORM, '').matchAll(/\{(\w+?)(?:_et|_en)?\}/g)].map((m) => m[1]!),
    ]),
  ].sort();

/**
 * Words that are counted in what the tool says (both languages, any case form): a bare {placeholder}
 * right before one of them ("{count} files", "{n} more paths", "{count} ametijuhendit") is a count
 * whose word does not follow its number, the defect plural forms are for.
 */
const COUNTED_WORDS = [
  [
    'ametijuhend',
    'ametijuhendit',
    'description',
    'descriptions',
    'dokument',
    'dokumenti',
    'document',
    'documents',
  ],
  ['fail', 'faili', 'faile', 'file', 'files', 'tee', 'teed', 'path', 'paths', 'rida', 'rea', 'row', 'rows'],
  ['hoiatus', 'hoiatust', 'warning', 'warnings', 'viga', 'vea', 'vigu', 'error', 'errors'],
  ['probleem', 'probleemi', 'problem', 'problems', 'argument', 'argumenti', 'arguments'],
  ['töötaja', 'töötajat', 'employee', 'employees', 'lõim', 'lõime', 'thread', 'threads'],
  // not 'välja' (partitive of 'väli', a field, but also 'out': "viib kaustast {root} välja")
  ['field', 'fields', 'koopia', 'koopiat', 'copy', 'copies', 'tase', 'taset', 'level', 'levels'],
].flat();
const COUNTED = new RegExp(
  `\\{(\\w+)\\}\\s+(?:(?:more|veel|muu\\p{L}*|other)\\s+)?(?:${COUNTED_WORDS.join('|')})(?!\\p{L})`,
  'iu',
);

/** The first bare count before its word in a template, or undefined. */
const bareCount = (text: string): string | undefined => COUNTED.exec(text.replace(PLURAL_FORM, '#'))?.[0];

describe('the message catalogue', () => {
  const entries = Object.entries(MESSAGES) as [string, { et: string; en: string }][];
  it.each(entries.length ? entries : [['(empty)', { et: 'x', en: 'x' }]])(
    '%s has an Estonian and an English text with the same placeholders, counts in plural forms',
    (_id, template) => {
      expect(template.et.trim()).not.toBe('');
      expect(template.en.trim()).not.toBe('');
      expect(placeholders(template.et)).toEqual(placeholders(template.en));
      for (const text of [template.et, template.en]) {
        // every plural form is whole (one and other, no placeholder inside a branch)
        expect(text.replace(PLURAL_FORM, '')).not.toContain(', plural');
        expect(bareCount(text)).toBeUndefined();
      }
    },
  );

  // the rules' messages are filled the same way (validate/diagnostic.ts fill)
  const ruleEntries: [string, { et: string; en: string }][] = [
    ['rule.MORE_PROBLEMS', MORE_PROBLEMS],
    ...RULES.flatMap((r) =>
      Object.entries(r.messages as Record<string, { et: string; en: string }>).map(
        ([k, t]): [string, { et: string; en: string }] => [`${r.id}.${k}`, t],
      ),
    ),
  ];
  /**
   * Messages whose counts are fixed limits far above 1 (MAX_YAML_DEPTH, MAX_ALIAS_COUNT, MAX_NESTING)
   * or depths beyond them: the word after them is always in its plural form.
   */
  const ABOVE_ONE = new Set([
    'yaml-syntax.tooDeep',
    'yaml-syntax.aliasLimit',
    'nesting-depth.tooDeep',
    'nesting-depth.tooDeepCut',
  ]);
  it.each(ruleEntries)(
    'rule message %s: same placeholders in both languages, counts in plural forms',
    (id, t) => {
      expect(placeholders(t.et)).toEqual(placeholders(t.en));
      for (const text of [t.et, t.en]) expect(text.replace(PLURAL_FORM, '')).not.toContain(', plural');
      // an entry of ABOVE_ONE without a bare count has no place there
      const bare = [t.et, t.en].some((text) => bareCount(text) !== undefined);
      expect(bare).toBe(ABOVE_ONE.has(id));
    },
  );

  it('the bare-count check finds the counts the catalogue used to have', () => {
    expect(bareCount('{count} ametijuhendit')).toBe('{count} ametijuhendit');
    expect(bareCount('Built {built} descriptions ({outputs} files)')).toBe('{built} descriptions');
    expect(bareCount('and {count} more problems of this rule')).toBe('{count} more problems');
    expect(bareCount('Vahele jäeti veel {count} teed')).toBe('{count} teed');
    expect(bareCount('using {cores} threads')).toBe('{cores} threads');
    expect(bareCount('{built, plural, one {# description} other {# descriptions}}')).toBeUndefined();
    expect(bareCount('The row has {count} fields but')).toBe('{count} fields');
    expect(bareCount('{target} already written')).toBeUndefined();
    expect(bareCount('faili {previous} väljundi')).toBeUndefined();
    expect(bareCount('viib kaustast {root} välja')).toBeUndefined();
  });
});

/** Each counted message at 0, 1, 2, 5 and 21, in both languages. */
const COUNTS = [0, 1, 2, 5, 21] as const;
const at = (id: MessageId, lang: 'et' | 'en', data: (n: number) => Record<string, number | string>) =>
  COUNTS.map((n) => message(id, lang, data(n)));

describe('counted messages say "1 fail" / "2 faili", "1 file" / "2 files"', () => {
  it('the build summary', () => {
    const data = (n: number) => ({ built: n, outputs: n, failed: n, time: '0.1 s', cached: '' });
    expect(at('cli.build.summary', 'et', data)).toEqual([
      'Koostatud 0 ametijuhendit (0 faili), ebaõnnestus 0, aeg 0.1 s.',
      'Koostatud 1 ametijuhend (1 fail), ebaõnnestus 1, aeg 0.1 s.',
      'Koostatud 2 ametijuhendit (2 faili), ebaõnnestus 2, aeg 0.1 s.',
      'Koostatud 5 ametijuhendit (5 faili), ebaõnnestus 5, aeg 0.1 s.',
      'Koostatud 21 ametijuhendit (21 faili), ebaõnnestus 21, aeg 0.1 s.',
    ]);
    expect(at('cli.build.summary', 'en', data)).toEqual([
      'Built 0 descriptions (0 files), 0 failed, in 0.1 s.',
      'Built 1 description (1 file), 1 failed, in 0.1 s.',
      'Built 2 descriptions (2 files), 2 failed, in 0.1 s.',
      'Built 5 descriptions (5 files), 5 failed, in 0.1 s.',
      'Built 21 descriptions (21 files), 21 failed, in 0.1 s.',
    ]);
    // the word follows its own number, not the other count's
    expect(message('cli.build.summary', 'et', { ...data(1), outputs: 3 })).toMatch(
      /^Koostatud 1 ametijuhend \(3 faili\)/,
    );
    expect(message('cli.build.summary', 'en', { ...data(3), outputs: 1 })).toMatch(
      /^Built 3 descriptions \(1 file\)/,
    );
  });

  it('the status count', () => {
    const data = (count: number) => ({ count });
    expect(at('project.status.count', 'et', data)).toEqual([
      '0 ametijuhendit',
      '1 ametijuhend',
      '2 ametijuhendit',
      '5 ametijuhendit',
      '21 ametijuhendit',
    ]);
    expect(at('project.status.count', 'en', data)).toEqual([
      '0 descriptions',
      '1 description',
      '2 descriptions',
      '5 descriptions',
      '21 descriptions',
    ]);
  });

  it('the init summary', () => {
    const data = (n: number) => ({ created: n, skipped: 3 });
    expect(at('cli.init.summary', 'et', data)).toEqual(
      ['0 faili', '1 fail', '2 faili', '5 faili', '21 faili'].map(
        (files) => `Loodud ${files}, vahele jäetud 3 (olemasolevaid faile ei muudeta).`,
      ),
    );
    expect(at('cli.init.summary', 'en', data)).toEqual(
      ['0 files', '1 file', '2 files', '5 files', '21 files'].map(
        (files) => `Created ${files}, skipped 3 (existing files are never changed).`,
      ),
    );
  });

  it('--max-warnings', () => {
    const data = (count: number) => ({ count, max: 0 });
    expect(at('cli.check.tooManyWarnings', 'et', data).map((m) => m.split(',')[0])).toEqual([
      'ametijuhend: 0 hoiatust',
      'ametijuhend: 1 hoiatus',
      'ametijuhend: 2 hoiatust',
      'ametijuhend: 5 hoiatust',
      'ametijuhend: 21 hoiatust',
    ]);
    expect(at('cli.check.tooManyWarnings', 'en', data).map((m) => m.split(',')[0])).toEqual([
      'ametijuhend: 0 warnings',
      'ametijuhend: 1 warning',
      'ametijuhend: 2 warnings',
      'ametijuhend: 5 warnings',
      'ametijuhend: 21 warnings',
    ]);
  });

  it('--jobs capped at the cores', () => {
    const data = (cores: number) => ({ jobs: 64, cores });
    expect(at('cli.build.tooManyJobs', 'en', data).map((m) => m.split(': ').at(-1))).toEqual([
      'using 0 threads',
      'using 1 thread',
      'using 2 threads',
      'using 5 threads',
      'using 21 threads',
    ]);
    // Estonian: the object of "kasutan" is partitive singular after any number
    expect(message('cli.build.tooManyJobs', 'et', data(1))).toMatch(/kasutan 1 lõime$/);
  });

  it('too many arguments (English; Estonian says the number alone)', () => {
    expect(COUNTS.map((count) => message('cli.usage.arguments', 'en', { count }))).toEqual([
      '0 arguments',
      '1 argument',
      '2 arguments',
      '5 arguments',
      '21 arguments',
    ]);
    expect(message('cli.usage.arguments', 'et', { count: 21 })).toBe('21');
  });

  it('writes large numbers in the language’s digit grouping, as the cap line does', () => {
    const data = { built: 12345, outputs: 37035, failed: 0, time: '9.0 s', cached: '' };
    expect(message('cli.build.summary', 'et', data)).toBe(
      'Koostatud 12\u00a0345 ametijuhendit (37\u00a0035 faili), ebaõnnestus 0, aeg 9.0 s.',
    );
    expect(message('cli.build.summary', 'en', data)).toBe(
      'Built 12,345 descriptions (37,035 files), 0 failed, in 9.0 s.',
    );
  });

  it('rule messages with a count (filled by validate/diagnostic.ts fill, as rules are)', () => {
    const rule = (id: string) =>
      RULES.find((r) => r.id === id)!.messages as Record<string, { et: string; en: string }>;
    const at = (t: { et: string; en: string }, lang: 'et' | 'en', extra: Record<string, number>) =>
      COUNTS.map((count) =>
        fill(t[lang], { count, ...extra }, lang)
          .split(/[:(]/)[0]!
          .trim(),
      );
    const fields = rule('roster').fieldCount!;
    expect(at(fields, 'et', { expected: 2 })).toEqual(
      ['0 välja', '1 väli', '2 välja', '5 välja', '21 välja'].map((f) => `Real on ${f}, päises 2`),
    );
    expect(at(fields, 'en', { expected: 2 })).toEqual(
      ['0 fields', '1 field', '2 fields', '5 fields', '21 fields'].map(
        (f) => `The row has ${f} but the header 2`,
      ),
    );
    const more = rule('skipped-path').more!;
    expect(at(more, 'en', { shown: 50 })).toEqual([
      '0 more paths were skipped',
      '1 more path was skipped',
      '2 more paths were skipped',
      '5 more paths were skipped',
      '21 more paths were skipped',
    ]);
    expect(at(more, 'et', { shown: 50 })[1]).toBe('Vahele jäeti veel 1 tee');
    expect(at(MORE_PROBLEMS, 'et', { shown: 50 })[1]).toBe('ja veel 1 sama reegli probleem selles failis');
    expect(at(MORE_PROBLEMS, 'en', { shown: 50 }).slice(1, 3)).toEqual([
      'and 1 more problem of this rule in this file',
      'and 2 more problems of this rule in this file',
    ]);
    // a count the rule has already formatted ("19 980") is never "one"
    expect(fill(MORE_PROBLEMS.et, { count: '19\u00a0980', shown: 50 }, 'et')).toMatch(
      /^ja veel 19\u00a0980 sama reegli probleemi /,
    );
    expect(fill(rule('invalid-value').emptyList!.en, { path: 'duties', limit: 1 }, 'en')).toBe(
      '"duties" must have at least 1 item.',
    );
  });
});
