import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, ofRule, only, REFERENCE, replace } from '../../../test/helpers.js';
import { toPlainText } from '../../util/mdast-text.js';

describe('raw-html', () => {
  it('warns about inline HTML at the tag, and the model is built without it', () => {
    const r = compileRef(replace(REFERENCE, 'Töötajal on õigus:', 'Töötajal on <b>õigus</b>:'));
    const list = ofRule(r, 'raw-html');
    expect(list.map((d) => [d.line, d.column, d.severity])).toEqual([
      [89, 13, 'warning'],
      [89, 21, 'warning'],
    ]);
    expect(list[0]!.message).toContain('„<b>“');
    expect(r.errorCount).toBe(0);
    const lead = r.model?.sections.rights?.blocks[0];
    expect(lead && toPlainText(lead)).toBe('Töötajal on õigus:');
    expect(JSON.stringify(r.model?.sections)).not.toContain('"html"');
  });

  it('warns about block HTML (English message)', () => {
    const text = replace(REFERENCE, 'Töötajal on õigus:', '<div class="x">Töötajal on õigus:</div>');
    const d = only(compileRef(text, { lang: 'en' }), 'raw-html');
    expect([d.line, d.column]).toEqual([89, 1]);
    expect(d.message).toContain('"<div class="x">Töötajal on õigus:</div>"');
    expect(d.message).toContain('left out of all outputs');
  });

  it('warns about HTML inside a duty, and drops it from the task', () => {
    const r = compileRef(replace(REFERENCE, '11. Vahetu juhi', '11. <span>Vahetu</span> juhi'));
    expect(ofRule(r, 'raw-html').map((d) => d.line)).toEqual([84, 84]);
    expect(r.model?.sections.duties?.duties[10]?.task.some((n) => (n.type as string) === 'html')).toBe(false);
  });

  it('allows HTML comments', () => {
    expectClean(
      compileRef(replace(REFERENCE, 'Töötajal on õigus:', '<!-- kontrolli -->\n\nTöötajal on õigus:')),
    );
  });
});
