/** Characters XML 1.0 cannot carry at all: C0 controls other than tab, LF and CR, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export interface EscapeXmlOptions {
  /** In attribute values tab, LF and CR are written as character references, so parsers keep them. */
  attribute?: boolean;
  /** What becomes of characters XML cannot carry: dropped (default) or replaced by U+FFFD. */
  invalid?: 'drop' | 'replace';
  /** Escape quotes too (default true); text content written by a serializer may leave them. */
  quotes?: boolean;
}

/** Text without the characters XML 1.0 cannot carry (dropped, or replaced by U+FFFD). */
export function xmlChars(text: string, invalid: 'drop' | 'replace' = 'drop'): string {
  return text.replace(NOT_XML, invalid === 'replace' ? '\uFFFD' : '');
}

/** Text for XML 1.0 content or attribute values: & < > (and " ') as references, impossible characters gone. */
export function escapeXml(text: string, options: EscapeXmlOptions = {}): string {
  const cleaned = xmlChars(text, options.invalid);
  const special = options.quotes === false ? /[&<>]/g : /[&<>"']/g;
  const escaped = cleaned.replace(special, (c) => ENTITIES[c]!);
  return options.attribute
    ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    : escaped.replace(/\r/g, '&#13;');
}
