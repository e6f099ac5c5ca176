import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, ofRule, REFERENCE, replace } from '../../../test/helpers.js';

const at = (text: string, lang?: 'et' | 'en') => {
  const r = compileRef(text, lang ? { lang } : {});
  return { r, list: ofRule(r, 'unsupported-markdown') };
};
const LEAD = 'Töötajal on õigus:';

describe('unsupported-markdown', () => {
  it('warns about an image at its place, naming its alt text; the alt text stays in the model', () => {
    const { r, list } = at(replace(REFERENCE, LEAD, 'Töötajal ![skeem](a.png) on õigus:'));
    expect(list.map((d) => [d.line, d.column, d.severity])).toEqual([[89, 10, 'warning']]);
    expect(list[0]!.message).toContain('„skeem“');
    expect(r.errorCount).toBe(0);
    expect(JSON.stringify(r.model?.sections.rights?.blocks)).toContain('"alt":"skeem"');
  });

  it('warns about a link reference definition; footnotes, strikethrough and task boxes are not its', () => {
    const text = replace(
      REFERENCE,
      LEAD,
      'Töötajal on ~~kohustus~~ õigus [viide][^1]:\n\n- [x] kast\n\n[viide]: https://x.ee',
    );
    const { list } = at(text);
    expect(list.map((d) => [d.line, d.column, d.message.slice(0, 20)])).toEqual([
      [93, 1, 'Viitelingi määratlus'],
    ]);
  });

  it('warns about a list nested under a result (joined to its line)', () => {
    const text = replace(
      REFERENCE,
      '   - Teenused on tõhusad ja mõjusad.',
      '   - Teenused on tõhusad ja mõjusad.\n     - eriti kriisis',
    );
    const { r, list } = at(text);
    expect(list.map((d) => [d.line, d.column])).toEqual([[59, 6]]);
    expect(r.errorCount).toBe(0);
  });

  it('is silent on rendered constructs: tables, quotes, code, rules, subheadings, deep lists in prose', () => {
    expectClean(
      compileRef(
        replace(
          REFERENCE,
          LEAD,
          '| a | b |\n|---|:-:|\n| 1 | 2 |\n\n> tsitaat\n\n```\nkood\n```\n\n---\n\n### Alam\n\n- a\n  - b\n    - c\n\n' +
            LEAD,
        ),
      ),
    );
  });
});
