/**
 * Text printed to a terminal comes partly from the files checked (titles, ids, keys, file names):
 * a title holding ESC [ 31 m would recolour the terminal, a BEL ring it, a right-to-left override
 * ("Trojan Source") reorder what is shown. Every terminal output passes such text through
 * `terminalSafe`, which shows those characters as visible escapes instead.
 */

/**
 * C0 controls, DEL, C1 controls (U+0080–U+009F), the bidirectional marks (U+200E, U+200F, U+061C),
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), and the line and paragraph
 * separators (U+2028, U+2029), which some terminals break lines at.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * `text` with every control and bidi-control character shown as an escape (`\x1b`, `\x07`,
 * `\u202e`), except the characters in `keep` (such as a line feed where text may span lines).
 */
export function terminalSafe(text: string, keep = ''): string {
  return text.replace(UNSAFE, (ch) => {
    if (keep.includes(ch)) return ch;
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}
