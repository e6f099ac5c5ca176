/**
 * The change report between two versions of a description (issue 11 section 5): what
 * `ametijuhend diff` prints and `build --changes-since` writes. Types only; src/diff compares the
 * models (compareModels) and renders the report (text, JSON, HTML, PDF).
 *
 * The JSON form (`diff --format json`) is this shape exactly, keys in the order written here:
 *
 *     {
 *       "format": "ametijuhend-changes", "formatVersion": 1,
 *       "id": "ekspert", "lang": "et", "title": "Ekspert",
 *       "old": { "version": "1.0", "reviewed": "2025-01-10", "ref": "main", "label": "1.0" },
 *       "new": { "version": "1.1", "label": "1.1" },
 *       "status": "changed",                     // "changed" | "unchanged" | "new"
 *       "parts": [
 *         { "part": "sections.duties", "label": "Tööülesanded",
 *           "changes": [ { "kind": "changed", "subject": "task", "index": 3, "oldIndex": 3,
 *                          "old": "…", "new": "…", "details": [ { "kind": "added", "subject": "result", … } ] } ] }
 *       ]
 *     }
 *
 * Absent values are left out (never null). `index` is 1-based in the new version, `oldIndex` in the
 * old one; texts are plain text as the document reads it, white space collapsed.
 */
import type { DocLang } from './types.js';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/**
 * What a change is about: a whole field's value, one item of a list field (a name in `unit` or
 * `substitutes`, a knowledge line), a language requirement, a competency and its indicators, a task
 * and its results, a paragraph or list item of a prose section, a section's heading, a block of
 * another kind (a table row, a code block).
 */
export type ChangeSubject =
  | 'value'
  | 'item'
  | 'language'
  | 'competency'
  | 'indicator'
  | 'task'
  | 'result'
  | 'paragraph'
  | 'listItem'
  | 'heading'
  | 'block';

export interface Change {
  kind: ChangeKind;
  subject: ChangeSubject;
  /** The name of what changed when it has one: a competency, a language ("inglise või vene"). */
  name?: string;
  /** 1-based place in the new version (absent for a removal). */
  index?: number;
  /** 1-based place in the old version (absent for an addition). */
  oldIndex?: number;
  /** The old text (absent for an addition). */
  old?: string;
  /** The new text (absent for a removal). */
  new?: string;
  /** Changes inside it: a task's results, a competency's indicators. */
  details?: Change[];
}

export interface PartChanges {
  /** The part's stable name (src/model/fingerprint.ts PARTS, `extra:<heading>`). */
  part: string;
  /** Its name in the report's language, as the document prints it. */
  label: string;
  changes: Change[];
}

/** Which version a side of the report is. */
export interface VersionInfo {
  version?: string;
  reviewed?: string;
  /** The git ref it was read from (`diff --since REF`, `build --changes-since REF`). */
  ref?: string;
  /** The full hash of the commit the ref named (with `ref`). */
  commit?: string;
  /** That commit's committer date, UTC, YYYY-MM-DD (with `ref`). */
  commitDate?: string;
  /** The file it was read from, as given. */
  path?: string;
  /** What the report calls it: the version, else the review date, else the ref, else the file. */
  label: string;
}

export interface ChangeReport {
  format: 'ametijuhend-changes';
  formatVersion: 1;
  id: string;
  /** The report's language: the new version's `lang` unless asked otherwise. */
  lang: DocLang;
  /** The new version's title. */
  title: string;
  /** Absent when the description is new (there is no old version). */
  old?: VersionInfo;
  new: VersionInfo;
  status: 'changed' | 'unchanged' | 'new';
  parts: PartChanges[];
}
