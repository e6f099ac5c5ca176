/**
 * The shape of a rule: one per file in ./rules, with its id, default severity, an Estonian and
 * English description (docs/rules.md is generated from these) and its message templates.
 */
import type { ErrorObject } from 'ajv';
import type { Position } from 'unist';
import type { ResolvedConfig } from '../config/types.js';
import type { DescriptionSummary } from './summary.js';
import type { ParsedSource, YamlSource } from '../parse/markdown.js';
import type { YamlPath } from '../parse/positions.js';
import type {
  Diagnostic,
  MessageLang,
  ReportExtra,
  Severity,
  SeveritySetting,
  Template,
  TemplateData,
} from './diagnostic.js';
import { countDiagnostics, fill, formatCount, MAX_PER_RULE, WHOLE_FILE } from './diagnostic.js';

export interface RuleMeta<M extends string = string> {
  id: string;
  severity: Severity;
  /**
   * The severity is fixed: a config cannot turn the rule off or down (the limits that keep inputs a
   * renderer's libraries cannot take from ever reaching a model).
   */
  fixed?: boolean;
  description: Template;
  messages: Record<M, Template>;
}

/** Reporting within one file. */
export interface Reporter {
  /** The config turns the rule with this id off (a reporter without severities: never). */
  isOff?(ruleId: string): boolean;
  /**
   * `messageId` is one of `rule`'s messages: a wrong id fails the type check. `extra.suggestions`:
   * replacements for `place` (Diagnostic.suggestions).
   */
  report<M extends string>(
    rule: RuleMeta<M>,
    messageId: NoInfer<M>,
    data: TemplateData,
    place: Position | undefined,
    file?: string,
    extra?: ReportExtra,
  ): void;
}

export interface DocumentContext extends Reporter {
  source: ParsedSource;
  /** The frontmatter as plain data: not yet known to match the schema, so rules check shapes. */
  data: unknown;
  config: ResolvedConfig;
  /** The absolute folder of the description's file (undefined for a text compiled without a path). */
  dir?: string;
  /** Position of a frontmatter key or value (falls back to the nearest existing ancestor). */
  at(path: YamlPath, part?: 'key' | 'value'): Position;
}

export interface SchemaContext extends Reporter {
  /** The config turns the rule with this id off (so another rule cannot leave a problem to it). */
  isOff(ruleId: string): boolean;
  yaml: YamlSource;
  data: unknown;
  file: string;
  at(path: YamlPath, part?: 'key' | 'value'): Position;
}

export interface RepositoryContext {
  summaries: readonly DescriptionSummary[];
  /** Reports at a place in one description's file, in that description's message language and severities. */
  report<M extends string>(
    rule: RuleMeta<M>,
    messageId: NoInfer<M>,
    data: TemplateData,
    summary: DescriptionSummary,
    place?: Position,
  ): void;
}

export interface Rule<M extends string = string> extends RuleMeta<M> {
  /** Runs on every job description. */
  check?(ctx: DocumentContext): void;
  /** Offered every schema error (of descriptions and configs); returns true when it reported it. */
  schemaError?(error: ErrorObject, path: YamlPath, ctx: SchemaContext): boolean;
  /** Runs once over every description of a checked folder (duplicate ids, references between them). */
  repository?(ctx: RepositoryContext): void;
}

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** The line that stands for a rule's problems in a file beyond the first MAX_PER_RULE. */
export const MORE_PROBLEMS: Template = {
  et: 'ja veel {count, plural, one {# sama reegli probleem} other {# sama reegli probleemi}} selles failis (näidatud on esimesed {shown}).',
  en: 'and {count, plural, one {# more problem} other {# more problems}} of this rule in this file (the first {shown} are shown).',
};

interface Tally {
  kept: number;
  omitted: number;
  /** The first problem not kept: the summary line stands at its place. */
  first?: Diagnostic;
}

/**
 * Collects diagnostics for a run, applying the message language and configured severities. Of each
 * rule's problems in each file the first MAX_PER_RULE are kept; the rest are only counted, and one
 * more line per file and rule says how many (so memory and every report stay bounded, and the
 * counts stay true: see countDiagnostics).
 */
export class Collector implements Reporter {
  private readonly kept: Diagnostic[] = [];
  private readonly tallies = new Map<string, Tally>();
  constructor(
    readonly lang: MessageLang,
    readonly file: string,
    readonly severities: Readonly<Record<string, SeveritySetting>> = {},
  ) {}

  isOff(ruleId: string): boolean {
    return this.severities[ruleId] === 'off';
  }

  report<M extends string>(
    rule: RuleMeta<M>,
    messageId: NoInfer<M>,
    data: TemplateData,
    place: Position | undefined,
    file?: string,
    extra?: ReportExtra,
  ): void {
    const setting = rule.fixed ? rule.severity : (this.severities[rule.id] ?? rule.severity);
    if (setting === 'off') return;
    const template = rule.messages[messageId];
    if (!template) throw new Error(`rule ${rule.id} has no message ${messageId}`);
    const p = place ?? WHOLE_FILE;
    const target = file ?? this.file;
    const key = `${target}\0${rule.id}`;
    let tally = this.tallies.get(key);
    if (!tally) this.tallies.set(key, (tally = { kept: 0, omitted: 0 }));
    const at = {
      file: target,
      line: p.start.line,
      column: p.start.column,
      endLine: p.end?.line ?? p.start.line,
      endColumn: p.end?.column ?? p.start.column,
      severity: setting,
      rule: rule.id,
    };
    if (tally.kept >= MAX_PER_RULE) {
      // counted, not kept (nor its message filled in)
      if (tally.omitted++ === 0) tally.first = { ...at, message: '' };
      return;
    }
    tally.kept++;
    const d: Diagnostic = { ...at, message: fill(template[this.lang], data, this.lang) };
    if (extra?.suggestions?.length) d.suggestions = [...extra.suggestions];
    this.kept.push(d);
  }

  /** The kept problems, then one line per file and rule whose further problems were only counted. */
  get diagnostics(): Diagnostic[] {
    const out = [...this.kept];
    for (const tally of this.tallies.values()) {
      if (!tally.first) continue;
      const data = { count: formatCount(tally.omitted, this.lang), shown: MAX_PER_RULE };
      out.push({
        ...tally.first,
        message: fill(MORE_PROBLEMS[this.lang], data, this.lang),
        omitted: tally.omitted,
      });
    }
    return out;
  }

  /** The true number of errors, counting what the summary lines stand for. */
  get errorCount(): number {
    return countDiagnostics(this.diagnostics).errors;
  }
}
