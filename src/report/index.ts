/**
 * Reporters turn diagnostics into text for people (stylish), programs (json) and CI (github
 * annotations, SARIF for code scanning, JUnit XML for test reports).
 */
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter, ReporterName } from './types.js';

export type { ReportInput, ReportedRule, ReporterName, Reporter } from './types.js';

export const REPORTERS: Record<ReporterName, Reporter> = {
  stylish,
  json,
  github,
  sarif,
  junit,
};
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];
