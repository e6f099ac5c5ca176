/**
 * The shape of a rule: one per file in ./rules, with its id, default severity, an Estonian and
 * English description (docs/rules.md is generated from these) and its message templates.
 */
import type { ErrorObject } from 'ajv';
import type { Position } from 'unist';
import type { ResolvedConfig } from '../config/types.js';
import type { DescriptionSummary } from '../model/summary.js';
import type { ParsedSource, YamlSource } from '../parse/markdown.js';
import type { YamlPath } from '../parse/positions.js';
import type {
  Diagnostic,
  MessageLang,
  Severity,
  SeveritySetting,
  Template,
  TemplateData,
} from './diagnostic.js';
import { fill, WHOLE_FILE } from './diagnostic.js';

export interface RuleMeta<M extends string = string> {
  id: string;
  severity: Severity;
  description: Template;
  messages: Record<M, Template>;
}

/** Reporting within one file. */
export interface Reporter {
  report(
    rule: RuleMeta,
    messageId: string,
    data: TemplateData,
    place: Position | undefined,
    file?: string,
  ): void;
}

export interface DocumentContext extends Reporter {
  source: ParsedSource;
  /** The frontmatter as plain data: not yet known to match the schema, so rules check shapes. */
  data: unknown;
  config: ResolvedConfig;
  /** Position of a frontmatter key or value (falls back to the nearest existing ancestor). */
  at(path: YamlPath, part?: 'key' | 'value'): Position;
}

export interface SchemaContext extends Reporter {
  yaml: YamlSource;
  data: unknown;
  file: string;
  at(path: YamlPath, part?: 'key' | 'value'): Position;
}

export interface RepositoryContext {
  summaries: readonly DescriptionSummary[];
  /** Reports at a place in one description's file, in that description's message language and severities. */
  report(
    rule: RuleMeta,
    messageId: string,
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

/** Collects diagnostics for a run, applying the message language and configured severities. */
export class Collector implements Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly lang: MessageLang,
    readonly file: string,
    readonly severities: Readonly<Record<string, SeveritySetting>> = {},
  ) {}

  report(
    rule: RuleMeta,
    messageId: string,
    data: TemplateData,
    place: Position | undefined,
    file?: string,
  ): void {
    const setting = this.severities[rule.id] ?? rule.severity;
    if (setting === 'off') return;
    const template = rule.messages[messageId];
    if (!template) throw new Error(`rule ${rule.id} has no message ${messageId}`);
    const p = place ?? WHOLE_FILE;
    this.diagnostics.push({
      file: file ?? this.file,
      line: p.start.line,
      column: p.start.column,
      endLine: p.end?.line ?? p.start.line,
      endColumn: p.end?.column ?? p.start.column,
      severity: setting,
      rule: rule.id,
      message: fill(template[this.lang], data, this.lang),
    });
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }
}
