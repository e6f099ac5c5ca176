/**
 * A small, serialisable digest of one compiled description: what repository-wide rules
 * (duplicate ids, references between descriptions, review dates) and `status` need, without the
 * syntax trees. The compiler builds one for every file (src/compiler/summary.ts), also one with
 * errors, so it can cross a worker-thread boundary cheaply; repository rules read only these.
 */
import type { Position } from 'unist';

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
