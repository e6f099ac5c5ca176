import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../parse/markdown.js';
import { toPlainText } from './mdast-text.js';
import { smartQuotes, smartQuotesBlocks, smartQuotesInline } from './typography.js';

const et = (s: string): string => smartQuotes(s, 'et');
const en = (s: string): string => smartQuotes(s, 'en');

describe('smartQuotes (Estonian)', () => {
  it.each([
    ['"tekst"', '„tekst“'],
    ['Ta ütles "tere" ja läks.', 'Ta ütles „tere“ ja läks.'],
    ['"Tere!"', '„Tere!“'],
    ['("tere"), "head aega".', '(„tere“), „head aega“.'],
    ['"tere", "tere"; "tere":', '„tere“, „tere“; „tere“:'],
    ['— "jah"', '— „jah“'],
    ['"5"', '„5“'],
    ['sõnad "a" ja "b"', 'sõnad „a“ ja „b“'],
    ['rida\n"uus"\nrida', 'rida\n„uus“\nrida'],
  ])('%j → %j', (input, output) => {
    expect(et(input)).toBe(output);
  });

  it('leaves an unpaired quote straight: inches, an unbalanced quote', () => {
    expect(et('5" ekraan')).toBe('5" ekraan');
    expect(et('12" ja 15" ekraanid')).toBe('12" ja 15" ekraanid');
    expect(et('ta ütles "jah')).toBe('ta ütles "jah');
    expect(et('jah" ütles ta')).toBe('jah" ütles ta');
    expect(et('"a" ja "b')).toBe('„a“ ja "b');
    expect(et('a"b')).toBe('a"b');
    expect(et('" "')).toBe('" "');
  });

  it('keeps apostrophes and single quotes outside a quotation as typed', () => {
    expect(et("O'Connor")).toBe("O'Connor");
    expect(et("'tsitaat'")).toBe("'tsitaat'");
    expect(et('"O\'Connor"')).toBe("„O'Connor“");
  });

  it('pairs single quotes inside a quotation into ‚…‘', () => {
    expect(et('"Ta ütles: \'tere\'."')).toBe('„Ta ütles: ‚tere‘.“');
    // an apostrophe at a word's end inside a quotation has no partner: it stays
    expect(et('"laste\' raamat"')).toBe("„laste' raamat“");
  });

  it('leaves typographic quotes alone and closes a typed opening one', () => {
    expect(et('„tekst“')).toBe('„tekst“');
    expect(et('„tekst" ja "teine"')).toBe('„tekst“ ja „teine“');
    expect(et('„a“ b" c')).toBe('„a“ b" c');
  });

  it('keeps the length, so offsets into the text stay right', () => {
    const input = 'a "b" \'c\' "d \'e\' f" 5" „g"';
    expect(et(input)).toHaveLength(input.length);
    expect(en(input)).toHaveLength(input.length);
  });
});

describe('smartQuotes (English)', () => {
  it('uses “…” and ‘…’ inside', () => {
    expect(en('She said "yes".')).toBe('She said “yes”.');
    expect(en('"A \'b\' c"')).toBe('“A ‘b’ c”');
    expect(en("the agency's data")).toBe("the agency's data");
    expect(en('“done” and "new"')).toBe('“done” and “new”');
  });
});

function paragraph(markdown: string): PhrasingContent[] {
  const root = parseMarkdown(markdown) as Root;
  return (root.children[0] as Paragraph).children;
}

const plain = (nodes: PhrasingContent[]): string => nodes.map(toPlainText).join('');

describe('smartQuotesInline', () => {
  it('pairs quotes across inline markup', () => {
    const out = smartQuotesInline(paragraph('"**bold** text" and *"emphasis"*'), 'et');
    expect(plain(out)).toBe('„bold text“ and „emphasis“');
    expect(out[0]).toEqual(expect.objectContaining({ type: 'text', value: '„' }));
    expect(out[1]).toEqual(expect.objectContaining({ type: 'strong' }));
  });

  it('never changes inline code, and pairs quotes around it', () => {
    const out = smartQuotesInline(paragraph('"`a "b" c`" and `"x"`'), 'et');
    expect(out.map((n) => (n.type === 'inlineCode' ? `[${n.value}]` : toPlainText(n))).join('')).toBe(
      '„[a "b" c]“ and ["x"]',
    );
  });

  it('changes link text but never the link target', () => {
    const out = smartQuotesInline(paragraph('["Kodu"](https://example.org/?q="x") "a"'), 'et');
    const link = out[0]!;
    expect(link.type).toBe('link');
    if (link.type === 'link') {
      expect(link.url).toBe('https://example.org/?q="x"');
      expect(plain(link.children)).toBe('„Kodu“');
    }
    const auto = smartQuotesInline(paragraph('<https://example.org/"a"> "b"'), 'et');
    expect(plain(auto)).toBe('https://example.org/"a" „b“');
  });

  it('never changes quotes in an address in running text', () => {
    expect(et('vt https://example.org/?q="x" ja "y"')).toBe('vt https://example.org/?q="x" ja „y“');
    expect(et('vt www.example.org/?q="a"b ja "c"')).toBe('vt www.example.org/?q="a"b ja „c“');
    expect(et('(vt "https://example.org/a").')).toBe('(vt „https://example.org/a“).');
  });

  it('keeps positions and returns the same array when nothing changes', () => {
    const input = paragraph('"a" b');
    const out = smartQuotesInline(input, 'et');
    expect(out[0]!.position).toEqual(input[0]!.position);
    expect((input[0] as { value: string }).value).toBe('"a" b'); // the input is not mutated
    const untouched = paragraph('no quotes here');
    expect(smartQuotesInline(untouched, 'et')).toBe(untouched);
  });

  it('treats a hard break as a space', () => {
    expect(plain(smartQuotesInline(paragraph('a  \n"b"'), 'et'))).toBe('a „b“');
  });
});

describe('smartQuotesBlocks', () => {
  it('changes lists and paragraphs, never code blocks', () => {
    const root = parseMarkdown('- "a"\n\n```\n"code"\n```\n\n"p"\n') as Root;
    const out = smartQuotesBlocks(root.children, 'et');
    expect(out.map(toPlainText)).toEqual(['„a“', '"code"', '„p“']);
    expect(toPlainText(root.children[0]!)).toBe('"a"');
  });
});
