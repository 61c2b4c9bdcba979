import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parisFromInstant, parisWallClock, parisWallToUtc, parseNoticeDate, plainDate, wallClockAsParisIso } from '@/lib/notice/dates';

// Moved from test/lib/watchlist/reminders.test.ts and test/lib/sources/boamp/units.test.ts with the code
// (lib/watchlist/paris-time.ts and lib/sources/boamp/records/paris-time.ts merged into lib/notice/dates.ts).

const iso = (ms: number) => new Date(ms).toISOString();

describe('Paris time', () => {
  it('converts wall clock to UTC across both 2026 DST changes', () => {
    expect(iso(parisWallToUtc({ year: 2026, month: 3, day: 28, hour: 8, minute: 0 }))).toBe('2026-03-28T07:00:00.000Z');
    expect(iso(parisWallToUtc({ year: 2026, month: 3, day: 29, hour: 8, minute: 0 }))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(parisWallToUtc({ year: 2026, month: 10, day: 25, hour: 8, minute: 0 }))).toBe('2026-10-25T07:00:00.000Z');
    expect(iso(parisWallToUtc({ year: 2026, month: 10, day: 24, hour: 8, minute: 0 }))).toBe('2026-10-24T06:00:00.000Z');
  });

  it('maps the non-existent 02:30 of spring-forward day one hour later, and the doubled 02:30 of autumn to its first occurrence', () => {
    expect(iso(parisWallToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(parisWallToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips any minute of 2020–2030 that exists on Paris clocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }), (minute) => {
        const ms = minute * 60_000;
        const back = parisWallToUtc(parisWallClock(ms));
        // In the autumn overlap the first occurrence is chosen: the same wall time, at most one hour earlier.
        return back === ms || (back === ms - 3_600_000 && parisWallClock(back).hour === 2);
      }),
    );
  });

  it('reads a date-only deadline as the end of that day in Paris', () => {
    expect(parseNoticeDate('2026-12-01')).toEqual({ ms: Date.parse('2026-12-01T23:59:00+01:00'), dateOnly: true });
    expect(parseNoticeDate('not a date')).toBeUndefined();
    expect(parseNoticeDate(undefined)).toBeUndefined();
  });
});

describe('BOAMP record dates (deadline quirk)', () => {
  it('reads non-eForms times as Paris wall-clock, with the offset of that day', () => {
    expect(wallClockAsParisIso('2024-07-25T12:00:00+00:00')).toBe('2024-07-25T12:00:00+02:00');
    expect(wallClockAsParisIso('2019-07-19T12:00:00+01:00')).toBe('2019-07-19T12:00:00+02:00');
    expect(wallClockAsParisIso('2026-02-13T12:00:00Z')).toBe('2026-02-13T12:00:00+01:00');
    expect(wallClockAsParisIso('2006-07-21T00:00:00+00:00')).toBe('2006-07-21');
  });
  it('switches on the last Sundays of March and October', () => {
    expect(wallClockAsParisIso('2026-03-29T01:30:00')).toBe('2026-03-29T01:30:00+01:00');
    expect(wallClockAsParisIso('2026-03-29T03:30:00')).toBe('2026-03-29T03:30:00+02:00');
    expect(wallClockAsParisIso('2026-10-25T04:00:00')).toBe('2026-10-25T04:00:00+01:00');
    expect(wallClockAsParisIso('2026-10-24T12:00:00')).toBe('2026-10-24T12:00:00+02:00');
  });
  it('converts true instants (eForms) to Paris time', () => {
    expect(parisFromInstant('2026-02-20T11:00:00+00:00')).toBe('2026-02-20T12:00:00+01:00');
    expect(parisFromInstant('2026-07-01T22:30:00Z')).toBe('2026-07-02T00:30:00+02:00');
    expect(parisFromInstant('pas une date')).toBeUndefined();
  });
});

describe('plainDate (BOAMP dateparution / v110 DATE_PUBLICATION)', () => {
  it('keeps the date part, pads an unpadded day, rejects what is not a date', () => {
    expect(plainDate('2024-10-10+02:00')).toBe('2024-10-10');
    expect(plainDate('2006-07-4')).toBe('2006-07-04');
    expect(plainDate('2026-02-30')).toBeUndefined();
    expect(plainDate('pas une date')).toBeUndefined();
  });
});
