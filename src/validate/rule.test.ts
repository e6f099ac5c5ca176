import { describe, expect, it } from 'vitest';
import type { DescriptionSummary } from './summary.js';
import { Collector, defineRule, type RepositoryContext, type Reporter } from './rule.js';
import emptyFile from './rules/empty-file.js';
import frontmatter from './rules/frontmatter.js';

/** A rule whose check reports with its own `this`: a wrong id there fails the type check too. */
const sample = defineRule({
  id: 'sample',
  severity: 'warning',
  description: { et: 'Näide.', en: 'A sample.' },
  messages: { found: { et: 'Leitud {what}.', en: 'Found {what}.' } },
  check(ctx) {
    ctx.report(this, 'found', { what: 'x' }, undefined);
    // @ts-expect-error: 'lost' is not one of this rule's messages
    ctx.report(this, 'lost', { what: 'x' }, undefined);
  },
});

describe('report(rule, messageId, …)', () => {
  it("takes only the rule's own message ids (a wrong one fails tsc, and throws at run time)", () => {
    const collector = new Collector('en', 'a.md');
    collector.report(emptyFile, 'empty', {}, undefined);
    // @ts-expect-error: 'missing' is a message of frontmatter, not of empty-file
    expect(() => collector.report(emptyFile, 'missing', {}, undefined)).toThrow(
      'rule empty-file has no message missing',
    );
    const reporter: Reporter = collector;
    reporter.report(frontmatter, 'missing', {}, undefined);
    // @ts-expect-error: 'empty' is not a message of frontmatter
    expect(() => reporter.report(frontmatter, 'empty', {}, undefined)).toThrow(/no message empty/);
    expect(collector.diagnostics.map((d) => d.rule)).toEqual(['empty-file', 'frontmatter']);
    expect(sample.messages.found.en).toBe('Found {what}.');
  });

  it('is typed the same way across a repository', () => {
    const seen: string[] = [];
    const ctx: RepositoryContext = {
      summaries: [],
      report: (rule, id) => void seen.push(`${rule.id}:${id}`),
    };
    const summary = {} as DescriptionSummary;
    ctx.report(frontmatter, 'unclosed', {}, summary);
    // @ts-expect-error: 'tooLarge' is not a message of frontmatter
    ctx.report(frontmatter, 'tooLarge', {}, summary);
    expect(seen).toEqual(['frontmatter:unclosed', 'frontmatter:tooLarge']);
  });
});
