import { describe, expect, it } from 'vitest';
import { runReminders, noticeKeyOfReminder, type ReminderNotification } from '@/lib/watchlist/reminder-runner';
import { setStatus, watchNotice } from '@/lib/watchlist/repository';
import { freshDb } from './fake-db';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from './seed-notices';

const record = loadBoampRecords()[0]; // 24-76932, deadline 2024-07-25T12:00:00+00:00 (14:00 Paris)
if (!record) throw new Error('fixture missing');

function harness(now: { value: number }) {
  const shown: ReminderNotification[] = [];
  const alarms: (number | undefined)[] = [];
  const badges: number[] = [];
  return {
    shown,
    alarms,
    badges,
    deps: {
      now: () => now.value,
      notify: (n: ReminderNotification) => void shown.push(n),
      scheduleAlarm: (when: number | undefined) => void alarms.push(when),
      setBadge: (count: number) => void badges.push(count),
    },
  };
}

describe('reminder runner (fake-indexeddb, fixed clock)', () => {
  it('catches up once after the browser was closed, never twice, then schedules jour J', async () => {
    const { db } = freshDb();
    const n = recordToNotice(record);
    await watchNotice(db, n, syntheticAssessment(n), Date.parse('2024-07-02T10:00:00Z'));
    const now = { value: Date.parse('2024-07-23T15:00:00Z') }; // J-2 08:00 Paris passed, J-7 missed too
    const h = harness(now);
    const first = await runReminders(db, h.deps);
    expect(first.map((x) => x.title)).toEqual(['Rappel J-2 — date limite 25/07/2024 14:00']);
    expect(first[0]?.message).toBe("MISSION DE MAITRISE D’ŒUVRE CRÉATION D'OUVRAGE D'INFRASTRUCTURE - RESTRUCTURATION DE LA DÉCHETTERIE D'ORANGE — Communauté de Communes Pays d'Orange en Provence (84)");
    expect(noticeKeyOfReminder(first[0]?.id ?? '')).toBe('boamp:24-76932');
    expect((await db.firedReminders.toArray()).map((f) => [f.id.split('|')[1], f.shown])).toEqual([
      ['J-2', true],
      ['J-7', false],
    ]);
    // Browser restarted the same day: nothing again.
    expect(await runReminders(db, h.deps)).toEqual([]);
    expect(h.alarms.map((a) => (a ? new Date(a).toISOString() : a))).toEqual(['2024-07-25T06:00:00.000Z', '2024-07-25T06:00:00.000Z']);
    expect(h.badges).toEqual([1, 1]);
    now.value = Date.parse('2024-07-25T06:00:30Z');
    expect((await runReminders(db, h.deps)).map((x) => x.title)).toEqual(['Rappel jour J — date limite 25/07/2024 14:00']);
    expect(h.alarms.at(-1)).toBeUndefined();
  });

  it('no reminders for a notice marked no-go', async () => {
    const { db } = freshDb();
    const n = recordToNotice(record);
    await watchNotice(db, n, syntheticAssessment(n), Date.parse('2024-07-02T10:00:00Z'));
    await setStatus(db, ['boamp:24-76932'], 'no-go', Date.parse('2024-07-03T10:00:00Z'));
    const h = harness({ value: Date.parse('2024-07-23T15:00:00Z') });
    expect(await runReminders(db, h.deps)).toEqual([]);
    expect(h.badges).toEqual([0]);
  });

  it('two overlapping runs (start-up and alarm together) show a reminder once', async () => {
    const { db } = freshDb();
    const n = recordToNotice(record);
    await watchNotice(db, n, syntheticAssessment(n), Date.parse('2024-07-02T10:00:00Z'));
    const h = harness({ value: Date.parse('2024-07-18T07:00:00Z') });
    await Promise.all([runReminders(db, h.deps), runReminders(db, h.deps)]);
    expect(h.shown.map((x) => x.title)).toEqual(['Rappel J-7 — date limite 25/07/2024 14:00']);
  });
});
