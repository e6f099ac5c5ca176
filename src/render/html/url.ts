/** Which link targets may reach the page. */

/** Link schemes kept in `href`; a link with any other scheme loses its target. */
export const SAFE_PROTOCOLS = ['http', 'https', 'mailto', 'tel'] as const;

/** Removes ASCII whitespace and control characters, as browsers do when reading a URL's scheme. */
function squeeze(url: string): string {
  let out = '';
  for (const ch of url) {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x20 && code !== 0x7f) out += ch;
  }
  return out;
}

/** True for a relative URL or one whose scheme is http, https, mailto or tel (any case). */
export function isSafeHref(href: string): boolean {
  const url = squeeze(href);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) return !/^[^/?#]*:/.test(url);
  return (SAFE_PROTOCOLS as readonly string[]).includes((scheme[1] ?? '').toLowerCase());
}
