import type { Position } from 'unist';
import { alternatives } from '../util/list.js';
import { expandPlurals, formatNumber } from '../util/plural.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';
export type MessageLang = 'et' | 'en';

/** One problem: where, how bad, which rule, and what to do, in the user's language. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  /**
   * Present on the one line that stands for the problems of its rule in its file beyond the first
   * MAX_PER_RULE: how many more there are (they are counted, not kept).
   */
  omitted?: number;
  /**
   * Replacement texts for exactly this problem's range, best first (the "did you mean" of its
   * message, written so that the file stays valid YAML): editors offer them as quick fixes.
   */
  suggestions?: string[];
}

/** What a rule may add to a problem besides its message. */
export interface ReportExtra {
  /** See Diagnostic.suggestions. */
  suggestions?: readonly string[];
}

/** At most this many problems of one rule in one file are kept; the rest are counted. */
export const MAX_PER_RULE = 50;

/** The true numbers of errors and warnings, counting what capped lines stand for. */
export function countDiagnostics(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    const n = d.omitted ?? 1;
    if (d.severity === 'error') errors += n;
    else warnings += n;
  }
  return { errors, warnings };
}

/** 19980 → "19 980" (Estonian) or "19,980" (English). */
export const formatCount: (n: number, lang: MessageLang) => string = formatNumber;

export interface Template {
  et: string;
  en: string;
}

export type TemplateData = Record<string, string | number | readonly string[] | undefined>;

function formatValue(value: TemplateData[string], lang: MessageLang): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    return alternatives(
      value.map((v: string) => (lang === 'et' ? `„${v}“` : `"${v}"`)),
      lang,
    );
  }
  return String(value);
}

/**
 * Fills `{name}` placeholders (falling back to `name_et` / `name_en` for language-specific values);
 * an array value becomes a quoted "a, b or c" list; a count in a plural form
 * (`{n, plural, one {# väli} other {# välja}}`, src/util/plural.ts) gets the form its number asks for.
 */
export function fill(template: string, data: TemplateData, lang: MessageLang): string {
  const parts = templateParts(template) ?? expandPlurals(template, data, lang).split(PLACEHOLDER);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] as string;
    out += formatValue(data[key] !== undefined ? data[key] : data[`${key}_${lang}`], lang) + parts[i + 1];
  }
  return out;
}

/** A placeholder; split() with it gives [text, name, text, name, …, text]. */
const PLACEHOLDER = /\{(\w+)\}/;
/** Templates split once (a repository's thousands of problems share a few dozen messages). */
const splitTemplates = new Map<string, string[] | null>();
const MAX_SPLIT_TEMPLATES = 2_000;

/** The template's parts, or null when it has plural forms (which depend on the data). */
function templateParts(template: string): string[] | null {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = template.includes(', plural, ') ? null : template.split(PLACEHOLDER);
    if (splitTemplates.size >= MAX_SPLIT_TEMPLATES) splitTemplates.clear();
    splitTemplates.set(template, parts);
  }
  return parts;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** What tells two problems of one place apart. */
const sameness = (d: Diagnostic): string => `${d.message}\0${d.omitted ?? ''}`;

/** Sorted by file and line, exact duplicates (a shared config problem seen by many files) removed. */
export function sortAndDedupe(list: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // duplicates sort next to each other's place (file, line, column, rule): compared within it only
  let place: Diagnostic | undefined;
  let placeIndex = 0;
  let seen: Set<string> | undefined;
  for (const d of [...list].sort(compareDiagnostics)) {
    if (place && compareDiagnostics(place, d) === 0) {
      seen ??= new Set(out.slice(placeIndex).map(sameness));
      const key = sameness(d);
      if (seen.has(key)) continue;
      seen.add(key);
    } else {
      place = d;
      placeIndex = out.length;
      seen = undefined;
    }
    out.push(d);
  }
  return out;
}

export const WHOLE_FILE: Position = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};
