import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS, nextReminderAt, planReminders, selectDueReminders } from '@/lib/watchlist/reminders';

const iso = (ms: number) => new Date(ms).toISOString();

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
