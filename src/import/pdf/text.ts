/**
 * Text helpers of the PDF reader: normalising what pdfjs gives (ligatures, private-use bullets of
 * Symbol/Wingdings, NFC), list labels at the start of a line, page numbers and hyphenation.
 */

/** Ligatures pdfjs may give as one character, and the letters they stand for. */
const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/**
 * Private-use code points that Word's Symbol and Wingdings bullets come out as (U+F000 + the font's
 * code), mapped to the bullet a person sees; any other private-use character is kept as it is.
 */
const PRIVATE_BULLETS: Readonly<Record<string, string>> = {
  '\uF0B7': '•', // Symbol bullet
  '\uF0A7': '▪', // Wingdings small square
  '\uF06E': '■', // Wingdings black square
  '\uF0FC': '✓', // Wingdings check mark
  '\uF0D8': '➢', // Wingdings arrowhead
  '\uF076': '❖', // Wingdings diamond
  '\uF0A8': '◦',
  '\uF02D': '-', // Symbol minus as a dash bullet
  '\uF0BE': '–',
};

/** pdfjs text into what a person reads: NFC, ligatures as letters, Symbol bullets as bullets. */
export function normaliseText(s: string): string {
  let out = '';
  for (const ch of s) out += LIGATURES[ch] ?? PRIVATE_BULLETS[ch] ?? ch;
  // a non-breaking space or another Unicode space is a plain space (types.ts)
  return out.normalize('NFC').replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

/** A bullet character that starts a list item (typed or a Symbol/Wingdings private-use glyph). */
const BULLET = /^([▪•◦‣∙·○●■□►▸➢❖✓✔➤⁃*\-–—]|[\uE000-\uF8FF])(?=\s|$)/u;

/** A typed number: "3", "3.1", "3.1.", "2)", "a)", "(iv)"; the next character must be a space. */
const NUMBER = /^((?:\d{1,2}(?:\.\d{1,2})*\.?)|(?:\d{1,2}\))|(?:[a-zõäöü]\))|(?:\(?[ivx]{1,5}\)))(?=\s)/u;

/**
 * A list number as LibreOffice shows it with tracked changes: the original number, then the number
 * with the changes accepted in brackets ("2.[3.]", "[2.]" for an item that had none).
 */
const TRACKED_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2})*\.?)?\[(\d{1,2}(?:\.\d{1,2})*\.?)\](?=\s)/u;

/** The list label at the start of `text` (a bullet or a typed number), when there is one. */
export function labelOf(text: string): { label: string; ordered: boolean; rest: string } | undefined {
  const tracked = TRACKED_NUMBER.exec(text);
  if (tracked?.[1]) {
    const rest = text.slice(tracked[0].length).replace(/^[ \t]+/, '');
    return rest ? { label: tracked[1], ordered: true, rest } : undefined;
  }
  const bullet = BULLET.exec(text);
  if (bullet) {
    const rest = text.slice(bullet[0].length).replace(/^[ \t]+/, '');
    return rest ? { label: bullet[1] ?? bullet[0], ordered: false, rest } : undefined;
  }
  const number = NUMBER.exec(text);
  if (number) {
    const rest = text.slice(number[0].length).replace(/^[ \t]+/, '');
    // "3 aastat" is not a list item: a bare number needs a capital or a digit after it
    if (!rest) return undefined;
    if (/^\d{1,2}$/.test(number[0]) && !/^[\p{Lu}\d„"(]/u.test(rest)) return undefined;
    return { label: number[0], ordered: true, rest };
  }
  return undefined;
}

/** A line that is only a page number: "lk 2 / 5", "2/5", "- 2 -", "Page 2 of 5", "Lehekülg 2", "2". */
export function isPageNumber(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    /^(?:(?:lk|lk\.|lehekülg|lehekülje|leht|page|p\.|pg\.?)\s*)?\d{1,4}(?:\s*(?:\/|of|\(|-|—|–|kokku|from)\s*\d{1,4}\)?)?$/.test(
      t,
    ) ||
    /^[-–—]\s*\d{1,4}\s*[-–—]$/.test(t) ||
    /^\d{1,4}\.?\s*(?:lk|lehekülg|page)\.?(?:\s*\d{1,4})?$/.test(t)
  );
}

/** The key of a running header or footer line: its text with digits as "#" (page numbers differ). */
export function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * How two lines of one paragraph join: the soft hyphen (U+00AD) at the end of a line is a
 * hyphenation point, dropped, and the word joined; a hard hyphen between letters, before a
 * lowercase letter, stays and the word is joined without a break ("tegutsemis-meetodeid",
 * "kontoritehnika ja -mööbel" keep theirs); otherwise a line break "\n" (types.ts: a PDF line inside a
 * paragraph). No character of the text is ever dropped except the invisible soft hyphen.
 */
export function joinLines(prev: string, next: string): string {
  if (prev.endsWith('\u00AD')) return prev.slice(0, -1) + next;
  // "koostöö-" + "ja võrgustiku…": a suspended compound before a conjunction keeps its space
  if (/\p{L}[-‐]$/u.test(prev) && /^\p{Ll}/u.test(next) && !/^(?:ja|või|ning|ega|and|or)\b/u.test(next))
    return prev + next;
  return `${prev}\n${next}`;
}
