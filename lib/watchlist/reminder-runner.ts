import type { WatchlistDb } from './db';
import { ACTIVE_STATUSES, countDeadlinesThisWeek, getReminderSettings } from './repository';
import { nextReminderAt, offsetLabelFr, planReminders, selectDueReminders, type PlannedReminder } from './reminders';
import { formatDeadlineFr } from './format-fr';
import type { FiredReminder } from './records';

/**
 * Runs the reminders against the database with the browser APIs injected (alarms, notifications, badge), so the
 * catch-up and no-duplicate logic is tested in Node with a fixed clock.
 */

export interface ReminderNotification {
  /** Notification id = reminder id (the click handler finds the notice from it). */
  id: string;
  noticeKey: string;
  title: string;
  message: string;
}

export interface ReminderDeps {
  now(): number;
  notify(notification: ReminderNotification): Promise<void> | void;
  /** Schedule the one reminder alarm at `when` (ms), or clear it when undefined. */
  scheduleAlarm(when: number | undefined): Promise<void> | void;
  setBadge(count: number): Promise<void> | void;
}

export const REMINDER_ALARM = 'regie-radar-reminders';

const DAY = 86_400_000;

/**
 * Reminders worth looking at now: those of notices whose deadline is close enough for a reminder to be due, plus the
 * next few beyond (the next alarm comes from them). Reading only this slice of the deadline index keeps a run cheap
 * with 10 000 watched notices.
 */
async function plannedFor(db: WatchlistDb, now: number): Promise<PlannedReminder[]> {
  const settings = await getReminderSettings(db);
  if (!settings.enabled || settings.offsetsDays.length === 0) return [];
  const horizon = now + (Math.max(...settings.offsetsDays) + 1) * DAY;
  const near = await db.watched.where('deadlineMs').between(now, horizon, false, true).toArray();
  const beyond = await db.watched.where('deadlineMs').above(horizon).filter((w) => ACTIVE_STATUSES.includes(w.status)).limit(20).toArray();
  return [...near.filter((w) => ACTIVE_STATUSES.includes(w.status)), ...beyond].flatMap((w) =>
    w.deadlineMs === undefined ? [] : planReminders({ noticeKey: w.key, deadlineMs: w.deadlineMs }, settings),
  );
}

/**
 * Show due reminders (once), record them, schedule the next alarm and refresh the badge. Safe to call at any time
 * (browser start, alarm, watchlist change): fired reminders are recorded BEFORE being shown, so two overlapping runs
 * or a crash never show one twice (at most once beats at least once for a nagging notification).
 */
export async function runReminders(db: WatchlistDb, deps: ReminderDeps): Promise<ReminderNotification[]> {
  const now = deps.now();
  const planned = await plannedFor(db, now);
  const rowsByKey = new Map((await db.watched.bulkGet([...new Set(planned.map((p) => p.noticeKey))])).flatMap((w) => (w ? [[w.key, w] as const] : [])));
  // Only the fired-reminders table is written: list readers (popup, page) are never blocked by a run.
  const shown = await db.transaction('rw', db.firedReminders, async () => {
    const fired = new Set((await db.firedReminders.where('noticeKey').anyOf([...rowsByKey.keys()]).toArray()).map((f) => f.id));
    const { show, skip } = selectDueReminders(planned, fired, now);
    const rows: FiredReminder[] = [
      ...show.map((r) => ({ id: r.id, noticeKey: r.noticeKey, dueAt: r.dueAt, firedAt: now, shown: true })),
      ...skip.map((r) => ({ id: r.id, noticeKey: r.noticeKey, dueAt: r.dueAt, firedAt: now, shown: false })),
    ];
    await db.firedReminders.bulkPut(rows);
    const notifications: ReminderNotification[] = [];
    for (const r of show) {
      const w = rowsByKey.get(r.noticeKey);
      if (!w) continue;
      notifications.push({
        id: r.id,
        noticeKey: r.noticeKey,
        title: `Rappel ${offsetLabelFr(r.offsetDays)} — date limite ${formatDeadlineFr(w.deadline)}`,
        message: `${w.title || 'Avis sans titre'}${w.buyerName ? ` — ${w.buyerName}` : ''}`.slice(0, 300),
      });
    }
    for (const r of show) fired.add(r.id);
    for (const r of skip) fired.add(r.id);
    return { notifications, next: nextReminderAt(planned, fired, now) };
  });
  for (const n of shown.notifications) await deps.notify(n);
  await deps.scheduleAlarm(shown.next);
  await deps.setBadge(await countDeadlinesThisWeek(db, now));
  return shown.notifications;
}

/** The notice a reminder notification points to (its id starts with the notice key). */
export function noticeKeyOfReminder(notificationId: string): string {
  return notificationId.split('|')[0] ?? '';
}
