/**
 * What every reporter reads: the diagnostics of one check and what they need to know around them.
 * Reporters import this file and never the folder's index (which imports them).
 */
import type { Diagnostic, MessageLang, Severity, Template } from '../validate/diagnostic.js';

/** What a reporter shows of a rule (SARIF lists every rule); each of validate's `RULES` is one. */
export interface ReportedRule {
  id: string;
  severity: Severity;
  description: Template;
}

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  /** How many files were checked. */
  fileCount: number;
  /** The checked files' display paths, in order (reporters that list passing files need them). */
  files?: readonly string[];
  /** Every rule the check ran, in the catalogue's order (SARIF lists them in tool.driver.rules; none when absent). */
  rules?: readonly ReportedRule[];
  lang: MessageLang;
  color: boolean;
  /**
   * Set when only errors are reported (check --quiet): how many warnings were left out. The stylish
   * summary then speaks of errors only and names this count.
   */
  hiddenWarnings?: number;
}

export type ReporterName = 'stylish' | 'json' | 'github' | 'sarif' | 'junit';

export type Reporter = (input: ReportInput) => string;
