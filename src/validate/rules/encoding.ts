import { decodeSource } from '../../parse/source.js';
import { defineRule, type Reporter } from '../rule.js';

const encoding = defineRule({
  id: 'encoding',
  severity: 'error',
  description: {
    et: 'Fail peab olema UTF-8 tekstifail (mitte Windows-1257, UTF-16 ega binaarfail).',
    en: 'A file must be UTF-8 text (not Windows-1257, UTF-16 or a binary file).',
  },
  messages: {
    invalidUtf8: {
      et: 'Fail ei ole UTF-8 kodeeringus (vigane bait siin): salvesta see UTF-8-na.',
      en: 'The file is not UTF-8 (invalid byte here): save it as UTF-8.',
    },
    binary: {
      et: 'Fail sisaldab nullbaite: see on binaarfail, mitte Markdown.',
      en: 'The file contains NUL bytes: it is a binary file, not Markdown.',
    },
  },
});

export default encoding;

/**
 * The rule's logic: a file's bytes as text (a BOM dropped, line endings made LF), or undefined
 * after reporting why they are not UTF-8 text.
 */
export function decodeText(
  input: Uint8Array | string,
  reporter: Reporter,
  file?: string,
): string | undefined {
  const decoded = decodeSource(input);
  if (decoded.ok) return decoded.text;
  const at = { line: decoded.line, column: decoded.column };
  const id = decoded.reason === 'binary' ? 'binary' : 'invalidUtf8';
  reporter.report(encoding, id, {}, { start: at, end: at }, file);
  return undefined;
}
