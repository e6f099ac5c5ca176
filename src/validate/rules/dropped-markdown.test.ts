import { describe, expect, it } from 'vitest';
import { compileRef, only, REFERENCE, replace } from '../../../test/helpers.js';

describe('dropped-markdown', () => {
  it('is an error at a footnote definition the parser would leave out', () => {
    const text = replace(REFERENCE, 'Töötajal on õigus:', 'Töötajal on õigus[^1]:\n\n[^1]: Töölepingust');
    const r = compileRef(text);
    const d = r.diagnostics.find((x) => x.rule === 'dropped-markdown' && x.line === 91)!;
    expect([d.line, d.column, d.severity]).toEqual([91, 1, 'error']);
    expect(d.message).toContain('„[^1]: …“');
    expect(r.model).toBeUndefined();
  });

  it('is an error at footnote marks in text and in a footnote-like paragraph (English)', () => {
    const text = replace(REFERENCE, 'Töötajal on õigus:', 'Töötajal on õigus[^1]:\n\n[^1]: Vt töölepingut.');
    const r = compileRef(text, { lang: 'en' });
    const list = r.diagnostics.filter((d) => d.rule === 'dropped-markdown');
    expect(list.map((d) => [d.line, d.column, d.severity])).toEqual([
      [89, 18, 'error'],
      [91, 1, 'error'],
    ]);
    expect(list[0]!.message).toContain('"[^1]"');
    expect(list[0]!.message).toContain('Footnotes are not supported');
    expect(r.model).toBeUndefined();
  });

  it('is an error at strikethrough and at a task box, which would print as typed', () => {
    const text = replace(REFERENCE, 'Töötajal on õigus:', 'Töötajal on ~~kohustus~~ õigus:\n\n- [x] kast');
    const r = compileRef(text);
    const list = r.diagnostics.filter((d) => d.rule === 'dropped-markdown');
    expect(list.map((d) => [d.line, d.column, d.message.slice(0, 20)])).toEqual([
      [89, 13, 'Läbikriipsutust (~~…'],
      [91, 3, 'Ülesandekaste („[ ]“'],
    ]);
    expect(list[0]!.message).toContain('„~~kohustus~~“');
    expect(r.model).toBeUndefined();
  });

  it('leaves marks written with backslash escapes alone (plain text, as import writes it), not the typed ones beside them', () => {
    const text = replace(
      REFERENCE,
      'Töötajal on õigus:',
      'Viide \\[^1] ja \\~~vana~~ ning [^2] ja ~~uus~~:\n\n- \\[ ] kast\n- [ ] päris kast',
    );
    const r = compileRef(text);
    const list = r.diagnostics.filter((d) => d.rule === 'dropped-markdown');
    expect(list.map((d) => [d.line, d.column, d.message.slice(0, 20)])).toEqual([
      [89, 31, 'Joonealuseid märkusi'],
      [89, 39, 'Läbikriipsutust (~~…'],
      [92, 3, 'Ülesandekaste („[ ]“'],
    ]);
    expect(list[0]!.message).toContain('„[^2]“');
    expect(list[1]!.message).toContain('„~~uus~~“');
    const escaped = compileRef(
      replace(REFERENCE, 'Töötajal on õigus:', 'Viide \\[^1] ja \\~~vana~~:\n\n- \\[ ] kast'),
    );
    expect(escaped.diagnostics.filter((d) => d.rule === 'dropped-markdown')).toEqual([]);
    expect(escaped.model).toBeDefined();
  });

  it('leaves tildes and brackets that are not strikethrough, footnotes or boxes alone', () => {
    const text = replace(
      REFERENCE,
      'Töötajal on õigus:',
      'Töötajal on õigus ~ 5 päeva, [lisa] ja ~~ üksi:\n\n- [lisa] punkt',
    );
    expect(compileRef(text).diagnostics.filter((d) => d.rule === 'dropped-markdown')).toEqual([]);
  });

  it('is an error at a table in a results list (English)', () => {
    const text = replace(
      REFERENCE,
      '   - Teenused on tõhusad ja mõjusad.',
      '   - Teenused on tõhusad ja mõjusad.\n\n     | a | b |\n     |---|---|\n     | 1 | 2 |',
    );
    const d = only(compileRef(text, { lang: 'en' }), 'dropped-markdown');
    expect([d.line, d.column]).toEqual([60, 6]);
    expect(d.message).toContain('A table in the list of expected results');
  });

  it('allows a table under a task, before its results, and in prose', () => {
    const text = replace(
      REFERENCE,
      '   - Teenused on tõhusad ja mõjusad.',
      '   - Teenused on tõhusad ja mõjusad.',
    ).replace(
      '1. Teenuste toetamine ja nõustamine psühhosotsiaalse kriisiabi valdkonnas.\n',
      '1. Teenuste toetamine ja nõustamine psühhosotsiaalse kriisiabi valdkonnas.\n\n   | a | b |\n   |---|---|\n   | 1 | 2 |\n\n',
    );
    expect(text).toContain('   | a | b |');
    const r = compileRef(text);
    expect(r.diagnostics.filter((d) => d.rule === 'dropped-markdown')).toEqual([]);
    expect(r.model?.sections.duties?.duties[0]?.more.map((b) => b.type)).toEqual(['table']);
  });
});
