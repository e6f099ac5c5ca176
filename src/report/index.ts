/**
 * Reporters turn diagnostics into text for people (stylish), programs (json) and CI (github
 * annotations, SARIF for code scanning, JUnit XML for test reports). Each is loaded when asked for:
 * a check prints with one of them, and the CLI lists their names before it knows which.
 */
import type { Reporter, ReporterName } from './types.js';

export type { ReportInput, ReportedRule, ReporterName, Reporter } from './types.js';

const LOADERS: Record<ReporterName, () => Promise<Reporter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  github: async () => (await import('./github.js')).github,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
};

export const REPORTER_NAMES = Object.keys(LOADERS) as ReporterName[];

/** The reporter called `name` (its module loaded on first use). */
export function reporter(name: ReporterName): Promise<Reporter> {
  return LOADERS[name]();
}
