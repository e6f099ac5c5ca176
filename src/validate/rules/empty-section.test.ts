import { describe, expect, it } from 'vitest';
import { compileRef, expectClean, only, REFERENCE, replace } from '../../../test/helpers.js';

describe('empty-section', () => {
  it('warns about a heading without content, the model is still built', () => {
    const text = replace(
      REFERENCE,
      /## Töövahendid\n\n[^#]*## Ametijuhendi/,
      '## Töövahendid\n\n## Ametijuhendi',
    );
    const r = compileRef(text);
    const d = only(r, 'empty-section');
    expect([d.line, d.column, d.severity]).toEqual([109, 1, 'warning']);
    expect(d.message).toContain('„Töövahendid“');
    expect(r.errorCount).toBe(0);
    expect(r.model).toBeDefined();
    expect(only(compileRef(text, { lang: 'en' }), 'empty-section').message).toContain(
      '"Töövahendid" is empty',
    );
  });

  it('counts a section holding only an HTML comment as empty', () => {
    const text = replace(
      REFERENCE,
      /## Töövahendid\n\n[^#]*## Ametijuhendi/,
      '## Töövahendid\n\n<!-- täita -->\n\n## Ametijuhendi',
    );
    expect(only(compileRef(text), 'empty-section').line).toBe(109);
  });

  it('stays silent when every section has content', () => {
    expectClean(compileRef(REFERENCE));
  });
});
