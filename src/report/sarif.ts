import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../util/version.js';
import type { ReportedRule, ReportInput } from './types.js';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';

/** "unknown-key" → "UnknownKey": SARIF's rule name is an identifier-like word. */
const ruleName = (id: string): string =>
  id
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

function ruleDescriptor(rule: ReportedRule): object {
  const { en, et } = rule.description;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: en },
    fullDescription: { text: `${en} / ${et}` },
    help: {
      text: `${en}\n\n${et}`,
      markdown: `${en}\n\n*${et}*`,
    },
    defaultConfiguration: { level: rule.severity },
  };
}

/**
 * A relative path (forward slashes, each segment percent-encoded) against %SRCROOT%, or a file: URI
 * for a path outside the folder the check ran in.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

/**
 * SARIF 2.1.0 for code-scanning tools: one run, every rule in tool.driver.rules (with both
 * languages), one result per problem with its rule, level, message and region (the line standing
 * for a rule's problems beyond the first 50 in a file has `properties.omitted`, how many). Columns
 * count UTF-16 code units, as the positions do.
 */
export function sarif(input: ReportInput): string {
  const rules = input.rules ?? [];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = input.diagnostics.map((d) => {
    const ruleIndex = index.get(d.rule);
    return {
      ruleId: d.rule,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: d.severity === 'error' ? 'error' : 'warning',
      message: { text: d.message },
      // the line that stands for a rule's further problems in the file: how many
      ...(d.omitted !== undefined ? { properties: { omitted: d.omitted } } : {}),
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(d.file),
            region: {
              startLine: d.line,
              startColumn: d.column,
              endLine: Math.max(d.endLine, d.line),
              endColumn: d.endLine > d.line ? d.endColumn : Math.max(d.endColumn, d.column),
            },
          },
        },
      ],
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ametijuhend',
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map(ruleDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
