import { describe, expect, it } from 'vitest';
import { formatDateCn, formatInstant, formatMonthCn } from './format';

// The test run's TZ is America/Los_Angeles: what is shown must not depend on the browser's zone.
describe('format', () => {
  it('shows a calendar date as 2024年5月23日', () => {
    expect(formatDateCn('2024-05-23')).toBe('2024年5月23日');
    expect(formatDateCn('2024-12-01')).toBe('2024年12月1日');
    expect(formatDateCn(null)).toBe('—');
  });
  it('shows an instant with minutes, in the zone\'s time', () => {
    expect(formatInstant('2024-05-23T06:05:00.000Z')).toBe('2024年5月23日 14:05');
    expect(formatInstant('2024-05-23T16:30:00Z')).toBe('2024年5月24日 00:30');
    expect(formatInstant(undefined)).toBe('—');
  });
  it('gives the zone\'s date of an instant, not the UTC one', () => {
    expect(formatDateCn('2024-05-23T18:00:00Z')).toBe('2024年5月24日');
  });
  it('shows a month as 2024年5月', () => {
    expect(formatMonthCn('2024-05')).toBe('2024年5月');
  });
  it('passes through what it cannot read', () => {
    expect(formatDateCn('本月底')).toBe('本月底');
    expect(formatInstant('not a time')).toBe('not a time');
  });
});
