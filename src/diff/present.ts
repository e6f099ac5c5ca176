/**
 * A change report as its renderings show it (text, HTML, PDF): the heading, the versions compared,
 * and per part one entry per change in the report's language ("muudetud ülesanne 3 (varem 4.)",
 * then the old and the new text), so the three formats say the same words.
 */
import type { Change, ChangeKind, ChangeReport, VersionInfo } from '../model/changes.js';
import { REPORT_WORDS } from './labels.js';

export interface Entry {
  kind: ChangeKind;
  /** "muudetud ülesanne 3 (varem 4.)". */
  head: string;
  /** The one text to show (an addition, a removal, a move, a change of the details only). */
  text?: string;
  /** Old and new text of a change. */
  was?: string;
  now?: string;
  details: Entry[];
}

export interface Presented {
  lang: ChangeReport['lang'];
  heading: string;
  /** The description: its title and id. */
  document: string;
  /** "Varasem versioon: 1.0", "Uus versioon: 1.1". */
  versions: { label: string; value: string }[];
  /** Said when there is nothing to list: no changes, or a new description. */
  summary?: string;
  parts: { label: string; entries: Entry[] }[];
}

function entry(c: Change, words: (typeof REPORT_WORDS)['et']): Entry {
  const subject = words.subject[c.subject];
  // tasks are numbered in the document: a task is known by its number (the rest by name or text)
  const numbered = c.subject === 'task';
  const number = numbered ? (c.index ?? (c.kind === 'removed' ? c.oldIndex : undefined)) : undefined;
  const head = [words.kind[c.kind], subject, number === undefined ? undefined : String(number)]
    .filter((p) => p !== undefined && p !== '')
    .join(' ');
  const moved = numbered && c.index !== undefined && c.oldIndex !== undefined && c.index !== c.oldIndex;
  const parts = [head, c.name, moved ? words.position(c.oldIndex!) : undefined].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  const e: Entry = {
    kind: c.kind,
    head: parts.join(' '),
    details: (c.details ?? []).map((d) => entry(d, words)),
  };
  if (c.kind === 'changed' && c.old !== undefined && c.new !== undefined && c.old !== c.new) {
    e.was = c.old;
    e.now = c.new;
  } else {
    const text = c.new ?? c.old;
    if (text !== undefined) e.text = text;
  }
  return e;
}

/**
 * What the report shows for a version: its label, and for one read from git the ref with its
 * commit ("HEAD (3f9a0c1, 2026-11-30)"; "1.0 (HEAD, 3f9a0c1, 2026-11-30)" when the label is its
 * version), so a signer can tell which commit the list of changes is against.
 */
export function shownVersion(v: VersionInfo): string {
  if (v.ref === undefined || v.commit === undefined) return v.label;
  const commit = [v.commit.slice(0, 7), v.commitDate].filter((p) => p !== undefined && p !== '').join(', ');
  return v.label === v.ref ? `${v.label} (${commit})` : `${v.label} (${v.ref}, ${commit})`;
}

export function present(report: ChangeReport): Presented {
  const words = REPORT_WORDS[report.lang];
  const versions: Presented['versions'] = [];
  if (report.old) versions.push({ label: words.oldVersion, value: shownVersion(report.old) });
  versions.push({ label: words.newVersion, value: shownVersion(report.new) });
  const out: Presented = {
    lang: report.lang,
    heading: report.old ? words.heading(report.old.label) : words.headingNew,
    document: report.id && report.id !== report.title ? `${report.title} (${report.id})` : report.title,
    versions,
    parts: report.parts.map((p) => ({ label: p.label, entries: p.changes.map((c) => entry(c, words)) })),
  };
  if (report.status === 'new') out.summary = words.isNew;
  else if (report.status === 'unchanged') out.summary = words.noChanges;
  return out;
}

/** The number of changes in a report, details not counted apart. */
export function changeCount(report: ChangeReport): number {
  return report.parts.reduce((n, p) => n + p.changes.length, 0);
}
