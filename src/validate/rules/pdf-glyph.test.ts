import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../render/pdf/coverage.js';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { DocumentContext } from '../rule.js';
import rule, { PLAIN } from './pdf-glyph.js';
import { compileRef, expectClean, ofRule, only, REFERENCE, replace, ROOT } from '../../../test/helpers.js';

const at = (text: string): string =>
  replace(REFERENCE, 'Ametijuhend vaadatakse', `${text} Ametijuhend vaadatakse`);
/** Line of "Ametijuhend vaadatakse" in the reference. */
const LINE = REFERENCE.split('\n').findIndex((l) => l.startsWith('Ametijuhend vaadatakse')) + 1;

describe('pdf-glyph', () => {
  it('says nothing about Estonian, Cyrillic, Greek, Armenian, Georgian or one Hebrew word', () => {
    expectClean(compileRef(at('Юрий Ґалаґан, Δέλτα ἀρχή, Բարեւ, გამარჯობა, שלום, „õ“ – € § ▪ …')));
    expectClean(compileRef(replace(REFERENCE, 'employee: Helen Raja', 'employee: Юрий Гагарин')));
  });

  it('warns at the place of Chinese characters, naming them and their code points', () => {
    const d = only(compileRef(at('Kontakt 中文 siin.')), 'pdf-glyph');
    expect([d.line, d.column, d.endLine, d.endColumn, d.severity]).toEqual([LINE, 9, LINE, 11, 'warning']);
    expect(d.message).toBe(
      'PDF-i fontides pole märki „中文“ (U+4E2D U+6587): PDF näitab selle asemel „?“ (HTML ja DOCX säilitavad selle).',
    );
  });

  it('warns about an emoji in a frontmatter value, in English, and takes a ZWJ sequence as one', () => {
    const r = compileRef(replace(REFERENCE, 'employee: Helen Raja', 'employee: Helen 🚀 Raja 👩‍💻'), {
      lang: 'en',
    });
    const list = ofRule(r, 'pdf-glyph');
    expect(list.map((d) => [d.line, d.column])).toEqual([
      [42, 19],
      [42, 27],
    ]);
    expect(list[0]!.message).toBe(
      'The PDF fonts have no glyph for "🚀" (U+1F680): the PDF shows "?" instead (HTML and DOCX keep it).',
    );
    expect(list[1]!.message).toContain('"👩‍💻" (U+1F469 U+200D U+1F4BB)');
  });

  it('warns about Devanagari and Thai, not about the emoji DejaVu Sans draws', () => {
    const r = compileRef(at('नमस्ते ไทย 😀'));
    expect(ofRule(r, 'pdf-glyph').map((d) => d.message.match(/\(U\+[^)]*\)/)?.[0])).toEqual([
      '(U+0928 U+092E U+0938 U+094D U+0924 U+0947)',
      '(U+0E44 U+0E17 U+0E22)',
    ]);
  });

  it('warns about zero-width and bidi control characters, which the PDF leaves out', () => {
    const r = compileRef(at('Töö\u200bülesanne \u202eabc\u202c'));
    const list = ofRule(r, 'pdf-glyph');
    expect(list.map((d) => [d.line, d.column])).toEqual([
      [LINE, 4],
      [LINE, 14],
      [LINE, 18],
    ]);
    expect(list[0]!.message).toBe(
      'Nähtamatu vormindusmärk U+200B (ZERO WIDTH SPACE) jääb PDF-ist välja (HTML ja DOCX säilitavad selle): kustuta see, kui see pole taotluslik.',
    );
    expect(list[1]!.message).toContain('U+202E (RIGHT-TO-LEFT OVERRIDE)');
    expect(list[2]!.message).toContain('U+202C (POP DIRECTIONAL FORMATTING)');
  });

  it('warns that right-to-left text of several words comes out in the wrong order', () => {
    const r = compileRef(at('Tervitus: שלום עולם! Ja مرحبا بكم.'), { lang: 'en' });
    const list = ofRule(r, 'pdf-glyph');
    expect(list.map((d) => [d.line, d.column, d.endColumn])).toEqual([
      [LINE, 11, 20],
      [LINE, 25, 34],
    ]);
    expect(list[0]!.message).toBe(
      'Right-to-left text "שלום עולם": the PDF lays its words out left to right, so their order is wrong in the PDF (HTML and DOCX show it right).',
    );
  });

  it('ignores characters in HTML comments and YAML comments, which no output shows', () => {
    const text = replace(
      at('<!-- 中文 -->'),
      'employee: Helen Raja',
      'employee: Helen Raja\n  # 中文 märkus',
    );
    expect(ofRule(compileRef(text), 'pdf-glyph')).toEqual([]);
  });

  it('takes only characters Source Sans draws as plain text', () => {
    for (let cp = 0; cp < 0x3000; cp++) {
      if (PLAIN.test(String.fromCodePoint(cp))) expect([cp, coverage(cp)]).toEqual([cp, 'main']);
    }
    expect(PLAIN.test(REFERENCE)).toBe(true);
  });

  it('needs neither fontkit nor pdfkit: check loads no renderer', () => {
    // follow the relative imports from the rule list: none may reach a font library
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = m[1]!;
        if (/^import\s+type\s/.test(m[0].trim())) continue;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else bare.add(spec);
      }
    };
    visit(join(ROOT, 'src/validate/rules/index.ts'));
    expect(seen.has(join(ROOT, 'src/render/pdf/coverage.ts'))).toBe(true);
    expect([...bare].filter((s) => /fontkit|pdfkit|docx/.test(s))).toEqual([]);
    expect([...seen].filter((f) => f.includes('/render/pdf/') && !f.includes('coverage'))).toEqual([]);
  });
});

describe('pdf-glyph on hostile input', () => {
  it('sets 125,000 runs against 250,000 YAML comments in linear time', () => {
    // every run was tested against every hidden range: 3·10¹⁰ comparisons, minutes
    const text = replace(
      REFERENCE,
      'title: Ekspert (psühhosotsiaalne kriisiabi)\n',
      `title: x\n${'#\n'.repeat(250_000)}# 中 peidus\n`,
    ).replace('Ametijuhend vaadatakse', `${'中 '.repeat(125_000)}Ametijuhend vaadatakse`);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    const list = ofRule(compileRef(text), 'pdf-glyph');
    expect(list).toHaveLength(51);
    // the one in the comment is hidden: the first warning is in the body
    expect(list[0]!.line).toBe(LINE + 250_001);
    expect(list[50]!.omitted).toBe(125_000 - 50);
  }, 60_000);

  it('hides characters inside HTML in a paragraph of 19,000 `中<b>`', () => {
    // below the markdown-limit rule's 20,000 marks: all of it reaches the rule
    const r = compileRef(at(`${'中<b>'.repeat(19_000)}`));
    expect(ofRule(r, 'markdown-limit')).toEqual([]);
    const list = ofRule(r, 'pdf-glyph');
    expect(list).toHaveLength(51);
    expect(list[50]!.omitted).toBe(19_000 - 50);
    const hidden = ofRule(compileRef(at(`<b title="${'中'.repeat(19_000)}">`)), 'pdf-glyph');
    expect(hidden).toEqual([]);
  }, 60_000);

  it('walks a tree 200,000 levels deep without overflowing the stack', () => {
    // a hand-made tree (the parser and nesting-depth keep real ones shallower): emphasis in
    // emphasis, with HTML at the bottom that hides the one character not drawn
    const text = '<b title="中">';
    let node: Nodes = {
      type: 'html',
      value: text,
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 14, offset: 13 } },
    };
    for (let i = 0; i < 200_000; i++) node = { type: 'emphasis', children: [node as PhrasingContent] };
    const tree: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [node as PhrasingContent] }],
    };
    const reported: string[] = [];
    const ctx = {
      source: { path: 'x.md', text, tree, preamble: [], sections: [] },
      report: (_rule: unknown, id: string) => reported.push(id),
    } as unknown as DocumentContext;
    expect(() => rule.check!(ctx)).not.toThrow();
    expect(reported).toEqual([]);
    // the same character outside the HTML is reported
    const shown = { ...ctx, source: { ...ctx.source, text: `${text}中` } } as DocumentContext;
    rule.check!(shown);
    expect(reported).toEqual(['missing']);
  });
});
