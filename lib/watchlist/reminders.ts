import { z } from 'zod';
import { addDays, parisWallClock, parisWallToUtc } from '@/lib/notice/dates';

/**
 * Deadline reminders, as pure functions of a fixed clock: when each reminder is due (J-7, J-2, jour J at 08:00
 * Europe/Paris by default), which are due now (a catch-up after the browser was closed shows only the latest missed
 * reminder of each notice, once), and when the next alarm must ring. The background only wires `alarms` and
 * `notifications` around these (reminder-runner.ts).
 */

export const ReminderSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Days before the deadline day: 7 = J-7, 0 = jour J. */
  offsetsDays: z.array(z.number().int().min(0).max(60)).max(10),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: true, offsetsDays: [7, 2, 0], hour: 8, minute: 0 };

export interface ReminderTarget {
  noticeKey: string;
  deadlineMs: number;
}

export interface PlannedReminder {
  /** Stable id: same notice, offset and deadline → same id (a moved deadline gives new reminders). */
  id: string;
  noticeKey: string;
  offsetDays: number;
  dueAt: number;
  deadlineMs: number;
}

/** Reminders of one notice, in time order. A reminder at or after the deadline itself is dropped. */
export function planReminders(target: ReminderTarget, settings: ReminderSettings): PlannedReminder[] {
  if (!settings.enabled || !Number.isFinite(target.deadlineMs)) return [];
  const deadlineDay = parisWallClock(target.deadlineMs);
  const planned: PlannedReminder[] = [];
  for (const offsetDays of [...new Set(settings.offsetsDays)].sort((a, b) => b - a)) {
    const day = addDays(deadlineDay, -offsetDays);
    const dueAt = parisWallToUtc({ ...day, hour: settings.hour, minute: settings.minute });
    if (dueAt >= target.deadlineMs) continue;
    planned.push({
      id: `${target.noticeKey}|J-${offsetDays}|${target.deadlineMs}`,
      noticeKey: target.noticeKey,
      offsetDays,
      dueAt,
      deadlineMs: target.deadlineMs,
    });
  }
  return planned;
}

export interface DueSelection {
  /** Reminders to show now: at most one per notice, the latest due. */
  show: PlannedReminder[];
  /** Reminders to record as fired without showing (older missed ones of the same notice). */
  skip: PlannedReminder[];
}

/**
 * What to do at `now`: reminders due and not yet fired, for deadlines not yet passed. When several reminders of a
 * notice were missed (browser closed), only the latest is shown; all are recorded so none comes back.
 */
export function selectDueReminders(planned: readonly PlannedReminder[], fired: ReadonlySet<string>, now: number): DueSelection {
  const byNotice = new Map<string, PlannedReminder[]>();
  for (const r of planned) {
    if (fired.has(r.id) || r.dueAt > now || r.deadlineMs <= now) continue;
    const list = byNotice.get(r.noticeKey) ?? [];
    list.push(r);
    byNotice.set(r.noticeKey, list);
  }
  const show: PlannedReminder[] = [];
  const skip: PlannedReminder[] = [];
  for (const list of byNotice.values()) {
    list.sort((a, b) => a.dueAt - b.dueAt);
    const latest = list.pop();
    if (latest) show.push(latest);
    skip.push(...list);
  }
  show.sort((a, b) => a.deadlineMs - b.deadlineMs);
  return { show, skip };
}

/** When the single alarm must ring next (the earliest reminder after `now` not yet fired), or undefined. */
export function nextReminderAt(planned: readonly PlannedReminder[], fired: ReadonlySet<string>, now: number): number | undefined {
  let next: number | undefined;
  for (const r of planned) {
    if (fired.has(r.id) || r.dueAt <= now) continue;
    if (next === undefined || r.dueAt < next) next = r.dueAt;
  }
  return next;
}

/** "J-7", "J-2", "jour J" for notification titles. */
export function offsetLabelFr(offsetDays: number): string {
  return offsetDays === 0 ? 'jour J' : `J-${offsetDays}`;
}
