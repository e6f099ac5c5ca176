/**
 * Builds a description's summary (src/validate/summary.ts) from its compile result: from whatever
 * frontmatter it has, also when it has errors.
 */
import { basename } from 'node:path';
import type { Position } from 'unist';
import { locate } from '../parse/positions.js';
import type { DescriptionSummary } from '../validate/summary.js';
import { isRecord } from '../validate/util.js';
import type { CompileResult } from './compile.js';

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export function summarize(result: CompileResult, file: string): DescriptionSummary {
  const fm = result.source?.frontmatter;
  const data = fm && isRecord(fm.data) ? fm.data : {};
  const at = (path: (string | number)[]): Position | undefined => (fm ? locate(fm, path) : undefined);
  const summary: DescriptionSummary = {
    file,
    id: typeof data.id === 'string' ? data.id : basename(file).replace(/\.md$/i, ''),
    unit: strings(data.unit),
    lang: data.lang === 'en' || data.lang === 'et' ? data.lang : (result.config.lang ?? 'et'),
    references: [],
    severities: { ...result.config.severities },
    knownTitles: [...result.config.knownTitles],
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  };
  const set = <K extends keyof DescriptionSummary>(
    key: K,
    value: DescriptionSummary[K] | undefined,
  ): void => {
    if (value !== undefined) summary[key] = value;
  };
  if (typeof data.id === 'string') set('idPosition', at(['id']));
  if (typeof data.title === 'string') {
    set('title', data.title);
    set('titlePosition', at(['title']));
  }
  if (typeof data.version === 'string' || typeof data.version === 'number') {
    set('version', result.model?.version ?? String(data.version));
  }
  if (typeof data.reviewed === 'string') {
    set('reviewed', data.reviewed);
    set('reviewedPosition', at(['reviewed']));
  }
  for (const key of ['reportsTo', 'substitutedBy', 'substitutes'] as const) {
    const value = data[key];
    const values = strings(value);
    values.forEach((v, i) => {
      const position = at(Array.isArray(value) ? [key, i] : [key]);
      if (position) summary.references.push({ key, value: v, position });
    });
  }
  set('reviewMonths', result.config.reviewMonths);
  set('config', result.config.path);
  return summary;
}
