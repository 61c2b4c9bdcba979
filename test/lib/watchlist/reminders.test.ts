import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_REMINDER_SETTINGS, nextReminderAt, planReminders, selectDueReminders } from '@/lib/watchlist/reminders';
import { parisWallClock, parisWallToUtc, parseNoticeDate } from '@/lib/watchlist/paris-time';

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

describe('reminder planning', () => {
  it('J-7, J-2 and jour J at 08:00 Paris, across the spring DST change', () => {
    const deadlineMs = Date.parse('2026-03-31T12:00:00+02:00');
    const planned = planReminders({ noticeKey: 'boamp:26-1', deadlineMs }, DEFAULT_REMINDER_SETTINGS);
    expect(planned.map((r) => [r.offsetDays, iso(r.dueAt)])).toEqual([
      [7, '2026-03-24T07:00:00.000Z'], // CET
      [2, '2026-03-29T06:00:00.000Z'], // DST day, after the jump: CEST
      [0, '2026-03-31T06:00:00.000Z'],
    ]);
  });

  it('across the autumn DST change', () => {
    const deadlineMs = Date.parse('2026-10-27T17:00:00+01:00');
    const planned = planReminders({ noticeKey: 'boamp:26-2', deadlineMs }, DEFAULT_REMINDER_SETTINGS);
    expect(planned.map((r) => iso(r.dueAt))).toEqual(['2026-10-20T06:00:00.000Z', '2026-10-25T07:00:00.000Z', '2026-10-27T07:00:00.000Z']);
  });

  it('drops a jour J reminder that would ring after a morning deadline, and uses the Paris day of a UTC deadline', () => {
    // 2026-12-03T23:30Z is already 4 December in Paris.
    const late = planReminders({ noticeKey: 'k', deadlineMs: Date.parse('2026-12-03T23:30:00Z') }, DEFAULT_REMINDER_SETTINGS);
    expect(late.map((r) => iso(r.dueAt))).toEqual(['2026-11-27T07:00:00.000Z', '2026-12-02T07:00:00.000Z']);
    const morning = planReminders({ noticeKey: 'k', deadlineMs: Date.parse('2026-12-04T07:30:00+01:00') }, DEFAULT_REMINDER_SETTINGS);
    expect(morning.map((r) => r.offsetDays)).toEqual([7, 2]);
  });

  it('follows configured offsets and hour, and nothing when disabled', () => {
    const deadlineMs = Date.parse('2026-12-10T12:00:00+01:00');
    const planned = planReminders({ noticeKey: 'k', deadlineMs }, { enabled: true, offsetsDays: [1, 1, 14], hour: 17, minute: 45 });
    expect(planned.map((r) => iso(r.dueAt))).toEqual(['2026-11-26T16:45:00.000Z', '2026-12-09T16:45:00.000Z']);
    expect(planReminders({ noticeKey: 'k', deadlineMs }, { ...DEFAULT_REMINDER_SETTINGS, enabled: false })).toEqual([]);
  });

  it('a moved deadline gives reminders with new ids (they ring again for the new date)', () => {
    const a = planReminders({ noticeKey: 'k', deadlineMs: Date.parse('2026-12-10T12:00:00+01:00') }, DEFAULT_REMINDER_SETTINGS);
    const b = planReminders({ noticeKey: 'k', deadlineMs: Date.parse('2026-12-17T12:00:00+01:00') }, DEFAULT_REMINDER_SETTINGS);
    expect(a.map((r) => r.id).filter((id) => b.some((x) => x.id === id))).toEqual([]);
  });
});

describe('due reminders and catch-up', () => {
  const deadlineMs = Date.parse('2026-12-10T12:00:00+01:00');
  const planned = [
    ...planReminders({ noticeKey: 'a', deadlineMs }, DEFAULT_REMINDER_SETTINGS),
    ...planReminders({ noticeKey: 'b', deadlineMs: deadlineMs + 86_400_000 }, DEFAULT_REMINDER_SETTINGS),
  ];

  it('nothing due before J-7 08:00; the next alarm is then', () => {
    const now = Date.parse('2026-12-03T06:59:00Z');
    expect(selectDueReminders(planned, new Set(), now)).toEqual({ show: [], skip: [] });
    expect(iso(nextReminderAt(planned, new Set(), now) ?? 0)).toBe('2026-12-03T07:00:00.000Z');
  });

  it('after the browser was closed a week, shows only the latest missed reminder per notice and skips older ones', () => {
    const now = Date.parse('2026-12-09T10:00:00Z'); // after J-2 of both
    const { show, skip } = selectDueReminders(planned, new Set(), now);
    expect(show.map((r) => [r.noticeKey, r.offsetDays])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    expect(skip.map((r) => [r.noticeKey, r.offsetDays])).toEqual([
      ['a', 7],
      ['b', 7],
    ]);
    const fired = new Set([...show, ...skip].map((r) => r.id));
    expect(selectDueReminders(planned, fired, now)).toEqual({ show: [], skip: [] });
    expect(iso(nextReminderAt(planned, fired, now) ?? 0)).toBe('2026-12-10T07:00:00.000Z');
  });

  it('never shows a reminder once the deadline has passed', () => {
    const now = deadlineMs + 60_000;
    const { show } = selectDueReminders(planned, new Set(), now);
    expect(show.map((r) => r.noticeKey)).toEqual(['b']);
  });
});
