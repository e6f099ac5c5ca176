/**
 * Repository-wide rules: run once over the summaries of every description of a checked folder.
 */
import type { DescriptionSummary } from './summary.js';
import { type Diagnostic, type MessageLang, sortAndDedupe } from './diagnostic.js';
import { Collector, type RepositoryContext } from './rule.js';
import duplicateId from './rules/duplicate-id.js';
import unknownReference from './rules/unknown-reference.js';

/**
 * The rules with a repository step (a test checks this is every one in RULES): imported one by
 * one, not through rules/index.ts, so a check whose files are all cached loads no other rule.
 */
export const REPOSITORY_RULES = [duplicateId, unknownReference] as const;

export function repositoryDiagnostics(
  summaries: readonly DescriptionSummary[],
  options: { lang?: MessageLang } = {},
): Diagnostic[] {
  const collectors = new Map<DescriptionSummary, Collector>();
  const ctx: RepositoryContext = {
    summaries,
    report(rule, messageId, data, summary, place) {
      let collector = collectors.get(summary);
      if (!collector) {
        collector = new Collector(options.lang ?? summary.lang, summary.file, summary.severities);
        collectors.set(summary, collector);
      }
      collector.report(rule, messageId, data, place);
    },
  };
  for (const rule of REPOSITORY_RULES) rule.repository?.(ctx);
  return sortAndDedupe([...collectors.values()].flatMap((c) => c.diagnostics));
}
