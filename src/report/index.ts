/**
 * Reporters turn diagnostics into text for people (stylish), programs (json) and CI (github).
 */
import type { Diagnostic, MessageLang } from '../validate/diagnostic.js';
import { github } from './github.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  /** How many files were checked. */
  fileCount: number;
  lang: MessageLang;
  color: boolean;
}

export type ReporterName = 'stylish' | 'json' | 'github';
export const REPORTERS: Record<ReporterName, (input: ReportInput) => string> = { stylish, json, github };
