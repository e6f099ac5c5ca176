/**
 * A small, serialisable digest of one compiled description: what repository-wide rules
 * (duplicate ids, references between descriptions, review dates) and `status` need, without the
 * syntax trees. Built for every file, also one with errors (from whatever frontmatter it has), so it
 * can cross a worker-thread boundary cheaply.
 */
import { basename } from 'node:path';
import type { Position } from 'unist';
import type { CompileResult } from '../compiler/compile.js';
import { locate } from '../parse/positions.js';
import { isRecord } from '../validate/util.js';

export type ReferenceKey = 'reportsTo' | 'substitutedBy' | 'substitutes';

export interface DescriptionSummary {
  /** Path as shown in messages. */
  file: string;
  /** The id: the frontmatter's, else the file name without .md. */
  id: string;
  /** Where the id is written; absent when it comes from the file name. */
  idPosition?: Position;
  title?: string;
  titlePosition?: Position;
  unit: string[];
  version?: string;
  reviewed?: string;
  reviewedPosition?: Position;
  /** Document language (et unless the document or config says en). */
  lang: 'et' | 'en';
  /** Job titles this description refers to. */
  references: { key: ReferenceKey; value: string; position: Position }[];
  /** The config's review period, when the config asks for reviews. */
  reviewMonths?: number;
  /** Titles the config says are described outside the repository. */
  knownTitles: string[];
  /** The config file that applies, if any. */
  config?: string;
  /** Rule severities the config sets (for repository-wide rules reported in this file). */
  severities: Record<string, 'error' | 'warning' | 'off'>;
  errorCount: number;
  warningCount: number;
}

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
