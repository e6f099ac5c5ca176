import { afterEach, describe, expect, it } from 'vitest';
import {
  BASE_CONFIG,
  compileInProject,
  expectClean,
  lineOf,
  only,
  REFERENCE,
} from '../../../test/helpers.js';
import { addMonths, today } from '../../util/dates.js';

const withReviewed = (date: string): string =>
  REFERENCE.replace('title: Ekspert', `reviewed: ${date}\ntitle: Ekspert`);
const REVIEW = `${BASE_CONFIG}review:\n  months: 12\n`;

describe('review-overdue', () => {
  afterEach(() => {
    delete process.env.AMETIJUHEND_TODAY;
  });

  it('warns with the due date when the last review is older than review.months', () => {
    process.env.AMETIJUHEND_TODAY = '2026-11-25';
    const doc = withReviewed('2025-03-31');
    const d = only(compileInProject(doc, REVIEW, {}, { lang: 'en' }), 'review-overdue');
    expect([d.line, d.column, d.severity]).toEqual([lineOf(doc, 'reviewed:'), 11, 'warning']);
    expect(d.message).toBe(
      'The description was due for review by 2026-03-31 (last reviewed 2025-03-31, every 12 months).',
    );
  });

  it('warns when reviewed is missing and the config asks for reviews (Estonian)', () => {
    const d = only(compileInProject(REFERENCE, REVIEW), 'review-overdue');
    expect([d.line, d.severity]).toEqual([1, 'warning']);
    expect(d.message).toMatch(/reviewed.*12 kuu/);
  });

  it('is silent for a recent review, and without review.months', () => {
    process.env.AMETIJUHEND_TODAY = '2026-11-25';
    expectClean(compileInProject(withReviewed('2026-01-10'), REVIEW));
    expectClean(compileInProject(withReviewed('2001-01-10'), BASE_CONFIG));
  });

  it('the due day is the same day months later, clamped to the month end', () => {
    expect(addMonths('2025-03-31', 12)).toBe('2026-03-31');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(today({ AMETIJUHEND_TODAY: '2030-01-02' })).toBe('2030-01-02');
    expect(today({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
