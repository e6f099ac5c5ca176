/**
 * Reporters turn diagnostics into text for people (stylish), programs (json) and CI (github
 * annotations, SARIF for code scanning, JUnit XML for test reports).
 */
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  /** How many files were checked. */
  fileCount: number;
  /** The checked files' display paths, in order (reporters that list passing files need them). */
  files?: readonly string[];
  lang: MessageLang;
  color: boolean;
}

export type ReporterName = 'stylish' | 'json' | 'github' | 'sarif' | 'junit';
export const REPORTERS: Record<ReporterName, (input: ReportInput) => string> = {
  stylish,
  json,
  github,
  sarif,
  junit,
};
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];
