import { distance } from 'fastest-levenshtein';

/** The candidates closest to `input` (case-insensitive edit distance), best first. */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLocaleLowerCase('et').trim();
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const hay = c.toLocaleLowerCase('et');
    const limit = Math.max(2, Math.ceil(Math.max(needle.length, hay.length) * 0.4));
    const contained = hay.startsWith(needle) || needle.startsWith(hay) || hay.includes(needle);
    // the distance is at least the difference in length: past the limit it need not be computed
    if (!contained && Math.abs(needle.length - hay.length) > limit) continue;
    let d = distance(needle, hay);
    if (contained) d = Math.min(d, 1);
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1));
  return scored.slice(0, max).map((s) => s.c);
}
