import { describe, expect, it } from 'vitest';
import { monoWidth, textWidth, wrapText } from './org-text.js';

const measure = (t: string): number => textWidth(t, 10);

describe('textWidth', () => {
  it('gives wide letters more room than narrow ones, Estonian letters as much as their base letters', () => {
    expect(textWidth('WWWW', 10)).toBeGreaterThan(textWidth('iiii', 10) * 2);
    expect(textWidth('õäöü', 10)).toBe(textWidth('oaou', 10));
    expect(textWidth('ŠŽÕ', 10)).toBeGreaterThanOrEqual(textWidth('SZO', 10));
    expect(textWidth('', 10)).toBe(0);
    expect(textWidth('ab', 20)).toBe(2 * textWidth('ab', 10));
    // a character outside the classes (a symbol, another script) gets a full em
    expect(textWidth('⚠', 10)).toBe(10);
  });
  it('counts characters, not UTF-16 units, in monospace', () => {
    expect(monoWidth('𝄞a', 10)).toBe(monoWidth('ba', 10));
  });
});

describe('wrapText', () => {
  it('breaks at spaces, every line within the width, no words lost', () => {
    const text = 'Ohvriabi ja ennetusteenuste osakonna  arendustalituse\tjuhtivspetsialist';
    const lines = wrapText(text, 100, measure);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe(text.replace(/\s+/g, ' '));
  });
  it('breaks after a hyphen, and inside a word longer than a line', () => {
    expect(wrapText('juhtivekspert-koordinaator', 90, measure)).toEqual(['juhtivekspert-', 'koordinaator']);
    const long = 'Kõrgeltkvalifitseeritudinfotehnoloogiaspetsialist';
    const lines = wrapText(long, 60, measure);
    expect(lines.join('')).toBe(long);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(60);
  });
  it('keeps at most maxLines, the last ending in an ellipsis', () => {
    const lines = wrapText('üks kaks kolm neli viis kuus seitse kaheksa', 40, measure, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(measure(lines[1]!)).toBeLessThanOrEqual(40);
    expect(wrapText('   ', 40, measure)).toEqual([]);
  });
});
