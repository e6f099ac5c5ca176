/**
 * Repository-wide rules: run once over the summaries of every description of a checked folder.
 */
import type { DescriptionSummary } from './summary.js';
import { type Diagnostic, type MessageLang, sortAndDedupe } from './diagnostic.js';
import { Collector, type RepositoryContext } from './rule.js';
import { RULES } from './rules/index.js';

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
  for (const rule of RULES) rule.repository?.(ctx);
  return sortAndDedupe([...collectors.values()].flatMap((c) => c.diagnostics));
}
