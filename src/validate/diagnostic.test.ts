/**
 * sortAndDedupe compares only within a place (file, line, column, rule); it must give exactly what
 * removing every exact duplicate from the sorted list gives. A list of zero or one item is written
 * without Intl.ListFormat, as it would write it.
 */
import { describe, expect, it } from 'vitest';
import {
  compareDiagnostics,
  fill,
  sortAndDedupe,
  type Diagnostic,
  type MessageLang,
  type TemplateData,
} from './diagnostic.js';

/** The plain definition: sort, then drop every exact duplicate of an earlier one. */
function reference(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...list].sort(compareDiagnostics).filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}\0${d.omitted ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

describe('sortAndDedupe', () => {
  it('equals sorting and removing exact duplicates, on 500 random lists', () => {
    const r = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    for (let n = 0; n < 500; n++) {
      const list: Diagnostic[] = [];
      for (let i = Math.floor(r() * 30); i > 0; i--) {
        const d: Diagnostic = {
          file: pick(['a.md', 'b.md', 'c.md']),
          line: pick([1, 2, 3]),
          column: pick([1, 5]),
          endLine: 1,
          endColumn: 1,
          severity: pick(['error', 'warning'] as const),
          rule: pick(['x', 'y']),
          message: pick(['one', 'two', 'three']),
        };
        if (r() < 0.2) d.omitted = pick([1, 2]);
        list.push(d);
      }
      expect(sortAndDedupe(list)).toEqual(reference(list));
    }
  });
});

describe('fill', () => {
  it('writes lists of zero, one and more items', () => {
    expect(fill('[{s}]', { s: [] }, 'et')).toBe('[]');
    expect(fill('[{s}]', { s: ['Juht'] }, 'et')).toBe('[„Juht“]');
    expect(fill('[{s}]', { s: ['Juht'] }, 'en')).toBe('["Juht"]');
    expect(fill('[{s}]', { s: ['A', 'B', 'C'] }, 'et')).toBe('[„A“, „B“ või „C“]');
    expect(fill('[{s}]', { s: ['A', 'B'] }, 'en')).toBe('["A" or "B"]');
  });
});

describe('fill on every message of the catalogue and the rules', () => {
  it('gives what replacing each placeholder in the expanded template gives', async () => {
    const { MESSAGES } = await import('../messages/index.js');
    const { RULES } = await import('./rules/index.js');
    const { expandPlurals } = await import('../util/plural.js');
    const reference = (template: string, data: TemplateData, lang: MessageLang): string =>
      expandPlurals(template, data, lang).replace(/\{(\w+)\}/g, (_, key: string) =>
        fill(`{${key}}`, data, lang),
      );
    const templates: string[] = [];
    for (const t of Object.values(MESSAGES)) templates.push(t.et, t.en);
    for (const rule of RULES) for (const m of Object.values(rule.messages)) templates.push(m.et, m.en);
    expect(templates.length).toBeGreaterThan(300);
    for (const template of templates) {
      const data: TemplateData = {};
      for (const [, name] of template.matchAll(/\{(\w+)/g))
        data[name as string] = name === 'n' ? 2 : `<${name}>`;
      for (const lang of ['et', 'en'] as const) {
        expect(fill(template, data, lang)).toBe(reference(template, data, lang));
        expect(fill(template, { ...data, count: 1, n: 1 }, lang)).toBe(
          reference(template, { ...data, count: 1, n: 1 }, lang),
        );
      }
    }
  });
});
