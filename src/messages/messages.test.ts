import { describe, expect, it } from 'vitest';
import { MESSAGES } from './index.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the message catalogue', () => {
  const entries = Object.entries(MESSAGES) as [string, { et: string; en: string }][];
  it.each(entries.length ? entries : [['(empty)', { et: 'x', en: 'x' }]])(
    '%s has an Estonian and an English text with the same placeholders',
    (_id, template) => {
      expect(template.et.trim()).not.toBe('');
      expect(template.en.trim()).not.toBe('');
      expect(placeholders(template.et)).toEqual(placeholders(template.en));
    },
  );
});
