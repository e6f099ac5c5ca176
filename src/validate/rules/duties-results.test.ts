import { describe, expect, it } from 'vitest';
import {
  compileRef,
  expectClean,
  expectOnly,
  ofRule,
  only,
  REFERENCE,
  replace,
} from '../../../test/helpers.js';

describe('duties-results', () => {
  it('reports a task without results while the others have them, at the task', () => {
    const text = replace(
      REFERENCE,
      '   - Materjalid ja koolitused on välja töötatud ning ellu viidud.\n',
      '',
    );
    const r = compileRef(text);
    const d = only(r, 'duties-results');
    expect([d.line, d.column, d.severity]).toEqual([59, 4, 'error']);
    expect(d.message).toContain('„Osalemine koolituste, õppematerjalide');
    expectOnly(r, 'duties-results');
    expect(r.model).toBeUndefined();
    expect(only(compileRef(text, { lang: 'en' }), 'duties-results').message).toMatch(
      /^The task "Osalemine koolituste.*" has no expected results/,
    );
  });

  it('reports every task without results when only one has them', () => {
    const text = replace(
      REFERENCE,
      /## Tööülesanded\n\n[\s\S]*?\n## Õigused/,
      '## Tööülesanded\n\n1. Esimene.\n   - Tulemus.\n2. Teine.\n3. Kolmas.\n\n## Õigused',
    );
    expect(ofRule(compileRef(text), 'duties-results').map((d) => [d.line, d.column])).toEqual([
      [58, 4],
      [59, 4],
    ]);
  });

  it('accepts results on every task, and on none', () => {
    expectClean(compileRef(REFERENCE));
    const body = REFERENCE.indexOf('## Tööülesanded');
    const none = REFERENCE.slice(0, body) + REFERENCE.slice(body).replace(/^ {3,4}- .*\n/gm, '');
    const r = compileRef(none);
    expectClean(r);
    expect(r.model?.sections.duties?.duties).toHaveLength(11);
    expect(r.model?.sections.duties?.hasResults).toBe(false);
  });
});
