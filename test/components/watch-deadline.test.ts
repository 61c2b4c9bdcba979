import { describe, expect, it } from 'vitest';
import { daysLeftFr } from '@/components/WatchDeadline';

describe('days left before a deadline, in Paris calendar days', () => {
  const now = Date.parse('2026-11-25T23:10:00+01:00');
  it('counts calendar days, not 24-hour blocks', () => {
    expect(daysLeftFr(Date.parse('2026-11-25T23:50:00+01:00'), now)).toBe("aujourd'hui");
    expect(daysLeftFr(Date.parse('2026-11-26T00:10:00+01:00'), now)).toBe('demain');
    expect(daysLeftFr(Date.parse('2026-11-27T23:10:00+01:00'), now)).toBe('dans 2 jours');
    expect(daysLeftFr(Date.parse('2026-11-25T12:00:00+01:00'), now)).toBe('dépassée');
    expect(daysLeftFr(undefined, now)).toBe('');
  });
  it('a UTC evening that is already tomorrow in Paris', () => {
    expect(daysLeftFr(Date.parse('2026-11-25T23:30:00Z'), Date.parse('2026-11-25T20:00:00Z'))).toBe('demain');
  });
});
