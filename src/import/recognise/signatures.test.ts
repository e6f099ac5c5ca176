import { describe, expect, it } from 'vitest';
import { readSignatures } from './signatures.js';
import { p, table } from './testing.js';

describe('signature blocks', () => {
  it('the renderer’s table: label, name, role, "(signed digitally)"', () => {
    const r = readSignatures([
      table([
        [
          ['Employer', 'Mari Maasikas', 'Director General', '(signed digitally)'],
          ['Employee', 'Jaan Tamm', '(signed digitally)'],
        ],
      ]),
    ]);
    expect(r).toMatchObject({
      employer: { name: 'Mari Maasikas', role: 'Director General' },
      employee: { name: 'Jaan Tamm' },
      official: false,
      rest: [],
    });
  });

  it('a name and a role with digits and markup in the renderer’s cell (test/fixtures/html/injection.md)', () => {
    const r = readSignatures([
      table([
        [
          ['Tööandja', "<script>alert('employer')</script>Maret", '(allkirjastatud digitaalselt)'],
          [
            'Töötaja',
            'Helen " onload="alert(1)',
            '</p><script>alert(1)</script>',
            '(allkirjastatud digitaalselt)',
          ],
        ],
      ]),
    ]);
    expect(r).toMatchObject({
      employer: { name: "<script>alert('employer')</script>Maret" },
      employee: { name: 'Helen " onload="alert(1)', role: '</p><script>alert(1)</script>' },
      rest: [],
    });
  });

  it('a sentence in a slot’s cell is no name', () => {
    const r = readSignatures([table([[['Töötaja', 'Jaan Tamm', 'Kuupäev: 01.02.2026.']]])]);
    expect(r.employee).toEqual({ name: 'Jaan Tamm' });
    expect(r.rest.map((l) => l.text)).toEqual(['Kuupäev: 01.02.2026.']);
  });

  it('an official’s block: "Approved by" and "Acknowledged by"', () => {
    const r = readSignatures([
      table([
        [
          ['Approved by', 'Mari Maasikas'],
          ['Acknowledged by', 'Jaan Tamm'],
        ],
      ]),
    ]);
    expect(r).toMatchObject({
      approver: { name: 'Mari Maasikas' },
      employee: { name: 'Jaan Tamm' },
      official: true,
    });
  });

  it('lines of two columns, the names split at a tab or as two names of two words', () => {
    expect(
      readSignatures([
        p('Tööandja: Töötaja:'),
        p('(allkirjastatud digitaalselt) (allkirjastatud digitaalselt)'),
        p('Maret Maripuu Helen Raja'),
      ]),
    ).toMatchObject({ employer: { name: 'Maret Maripuu' }, employee: { name: 'Helen Raja' }, rest: [] });
    expect(readSignatures([p('Tööandja\tTöötaja'), p('Mari-Liis Maasikas-Tamm\tJaan Tamm')])).toMatchObject({
      employer: { name: 'Mari-Liis Maasikas-Tamm' },
      employee: { name: 'Jaan Tamm' },
    });
  });

  it('what is no name is kept', () => {
    const r = readSignatures([p('Tööandja: Maret Maripuu'), p('Kuupäev: 01.02.2026')]);
    expect(r.employer).toEqual({ name: 'Maret Maripuu' });
    expect(r.rest.map((l) => l.text)).toEqual(['Kuupäev: 01.02.2026']);
  });
});
