import type { z } from 'zod';
import type { Notice } from '@/lib/notice/schema';
import type { Assessment } from '@/lib/rules/types';
import { DEFAULT_PROFILE, ProfileSchema, type Profile } from '@/lib/rules/profile';
import type { NoticeKey, WatchState, WatchStatus } from '@/lib/messaging/watchlist';
import type { WatchlistDb } from './db';
import { noticeKey, type FlagSummary, type Note, type NoticeBody, type StatusEvent, type TabNotice, type WatchedNotice } from './records';
import { diffNotices } from './changes';
import { parseNoticeDate } from '@/lib/notice/dates';
import { guardWrite } from './storage-errors';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettingsSchema, type ReminderSettings } from './reminders';

/**
 * Repository of the watchlist: every read and write goes through these functions, which take the database as a
 * parameter (tests pass a fake-indexeddb one, the extension its own). Multi-table writes are single transactions.
 */

/** Trades come from the rules' "regie-trade" flags (parameter `trade`, possibly "a,b"). */
function tradesOf(assessment: Assessment): string[] {
  const trades = new Set<string>();
  for (const flag of [...assessment.flags, ...assessment.lots.flatMap((l) => l.flags)]) {
    const trade = flag.id === 'regie-trade' ? flag.parameters?.trade : undefined;
    if (typeof trade === 'string') for (const t of trade.split(',')) if (t.trim()) trades.add(t.trim());
  }
  return [...trades];
}

function allFlags(assessment: Assessment) {
  return [...assessment.flags, ...assessment.lots.flatMap((l) => l.flags)];
}

/** One summary per distinct flag (id + title), strongest first, for the list and the exports. */
function flagSummaries(assessment: Assessment): FlagSummary[] {
  const order = { strong: 0, warning: 1, info: 2 } as const;
  const seen = new Map<string, FlagSummary>();
  for (const f of allFlags(assessment)) {
    const k = `${f.id}|${f.title}`;
    if (!seen.has(k)) seen.set(k, { id: f.id, title: f.title, severity: f.severity });
  }
  return [...seen.values()].sort((a, b) => order[a.severity] - order[b.severity]);
}

/** The stored list row for a notice; keeps user data (status, tags, notes, history) of `existing`. */
export function buildWatchedRecord(notice: Notice, assessment: Assessment, now: number, existing?: WatchedNotice): WatchedNotice {
  const deadline = parseNoticeDate(notice.deadline);
  const record: WatchedNotice = {
    key: noticeKey(notice.source, notice.id),
    source: notice.source,
    id: notice.id,
    title: notice.title,
    buyerName: notice.buyer.name,
    url: notice.url,
    noticeType: notice.noticeType,
    status: existing?.status ?? 'a-etudier',
    verdict: assessment.verdict,
    score: assessment.score,
    flags: flagSummaries(assessment),
    flagIds: [...new Set(allFlags(assessment).map((f) => f.id))],
    trades: tradesOf(assessment),
    department: notice.place.department ?? '',
    tags: existing?.tags ?? [],
    firstSeen: existing?.firstSeen ?? now,
    lastSeen: now,
    statusChangedAt: existing?.statusChangedAt ?? now,
    changes: existing?.changes ?? [],
    lastNote: existing?.lastNote ?? '',
  };
  if (notice.deadline) record.deadline = notice.deadline;
  if (deadline) record.deadlineMs = deadline.ms;
  if (notice.estimatedValue) record.estimatedValue = notice.estimatedValue;
  return record;
}

function stateOf(record: WatchedNotice | undefined): WatchState {
  if (!record) return { watched: false };
  return { watched: true, status: record.status, changedFields: [...new Set(record.changes.map((c) => c.field))] };
}

export async function getWatched(db: WatchlistDb, key: NoticeKey | string): Promise<WatchedNotice | undefined> {
  return db.watched.get(typeof key === 'string' ? key : noticeKey(key.source, key.id));
}

/** The full notice and assessment of a watched notice (detail view). */
export async function getBody(db: WatchlistDb, key: string): Promise<NoticeBody | undefined> {
  return db.bodies.get(key);
}

export async function getWatchState(db: WatchlistDb, key: NoticeKey): Promise<WatchState> {
  return stateOf(await getWatched(db, key));
}

/** Watch a notice, or refresh it when already watched (then changes against the stored copy are recorded). */
export async function watchNotice(
  db: WatchlistDb,
  notice: Notice,
  assessment: Assessment,
  now: number,
  who?: string,
): Promise<WatchState> {
  return guardWrite(() =>
    db.transaction('rw', [db.watched, db.bodies, db.statusEvents], async () => {
      const existing = await db.watched.get(noticeKey(notice.source, notice.id));
      if (existing) return stateOf(await refresh(db, existing, notice, assessment, now));
      const record = buildWatchedRecord(notice, assessment, now);
      await db.watched.add(record);
      await db.bodies.put({ key: record.key, notice, assessment });
      const event: StatusEvent = { noticeKey: record.key, status: record.status, at: now, comment: 'Avis suivi' };
      if (who) event.who = who;
      await db.statusEvents.add(event);
      return stateOf(record);
    }),
  );
}

async function refresh(db: WatchlistDb, existing: WatchedNotice, notice: Notice, assessment: Assessment, now: number) {
  const before = await db.bodies.get(existing.key);
  const changes = before ? diffNotices(before.notice, notice, now) : [];
  const record = buildWatchedRecord(notice, assessment, now, existing);
  record.changes = [...existing.changes, ...changes];
  await db.watched.put(record);
  await db.bodies.put({ key: record.key, notice, assessment });
  return record;
}

/** A notice seen again (page visit, record refreshed): when watched, record what changed. Not watched → nothing. */
export async function seeNoticeAgain(db: WatchlistDb, notice: Notice, assessment: Assessment, now: number): Promise<WatchState> {
  return guardWrite(() =>
    db.transaction('rw', db.watched, db.bodies, async () => {
      const existing = await db.watched.get(noticeKey(notice.source, notice.id));
      if (!existing) return { watched: false };
      return stateOf(await refresh(db, existing, notice, assessment, now));
    }),
  );
}

/** Stop watching. Notes and status history are kept (user text is never deleted silently): watching again shows them. */
export async function unwatchNotice(db: WatchlistDb, key: NoticeKey): Promise<WatchState> {
  const k = noticeKey(key.source, key.id);
  await guardWrite(() =>
    db.transaction('rw', db.watched, db.bodies, async () => {
      await db.watched.delete(k);
      await db.bodies.delete(k);
    }),
  );
  return { watched: false };
}

/** Change the status of one or many notices in one transaction (bulk change of the watchlist page). */
export async function setStatus(
  db: WatchlistDb,
  keys: readonly string[],
  status: WatchStatus,
  now: number,
  details: { who?: string; comment?: string } = {},
): Promise<number> {
  return guardWrite(() =>
    db.transaction('rw', db.watched, db.statusEvents, async () => {
      let changed = 0;
      for (const key of keys) {
        const record = await db.watched.get(key);
        if (!record || record.status === status) continue;
        await db.watched.update(key, { status, statusChangedAt: now });
        const event: StatusEvent = { noticeKey: key, status, at: now };
        if (details.who) event.who = details.who;
        if (details.comment) event.comment = details.comment;
        await db.statusEvents.add(event);
        changed += 1;
      }
      return changed;
    }),
  );
}

export async function statusHistory(db: WatchlistDb, key: string): Promise<StatusEvent[]> {
  return db.statusEvents.where('noticeKey').equals(key).sortBy('at');
}

async function syncLastNote(db: WatchlistDb, key: string): Promise<void> {
  const notes = await db.notes.where('noticeKey').equals(key).sortBy('updatedAt');
  const latest = notes.at(-1);
  await db.watched.update(key, { lastNote: latest?.text ?? '' });
}

/** Add a note, or update note `id` when given (the popup's quick note saves as you type through this). */
export async function saveNote(
  db: WatchlistDb,
  key: string,
  text: string,
  now: number,
  options: { id?: number; author?: string } = {},
): Promise<number> {
  return guardWrite(() =>
    db.transaction('rw', db.notes, db.watched, async () => {
      let id = options.id;
      const existing = id !== undefined ? await db.notes.get(id) : undefined;
      if (existing && existing.noticeKey === key) {
        await db.notes.update(existing.id ?? 0, { text, updatedAt: now });
      } else {
        const note: Note = { noticeKey: key, text, createdAt: now, updatedAt: now };
        if (options.author) note.author = options.author;
        id = await db.notes.add(note);
      }
      await syncLastNote(db, key);
      return id ?? 0;
    }),
  );
}

export async function deleteNote(db: WatchlistDb, id: number): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.notes, db.watched, async () => {
      const note = await db.notes.get(id);
      if (!note) return;
      await db.notes.delete(id);
      await syncLastNote(db, note.noticeKey);
    }),
  );
}

export async function notesOf(db: WatchlistDb, key: string): Promise<Note[]> {
  return db.notes.where('noticeKey').equals(key).sortBy('createdAt');
}

export async function recentNotes(db: WatchlistDb, limit: number): Promise<Note[]> {
  return db.notes.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export async function setTags(db: WatchlistDb, key: string, tags: readonly string[], now: number): Promise<void> {
  const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  await guardWrite(() =>
    db.transaction('rw', db.watched, db.tags, async () => {
      await db.watched.update(key, { tags: clean });
      for (const name of clean) if (!(await db.tags.get(name))) await db.tags.add({ name, createdAt: now });
    }),
  );
}

/** Watched notices whose deadline is still ahead, soonest first. */
export async function upcomingDeadlines(db: WatchlistDb, now: number, limit: number): Promise<WatchedNotice[]> {
  return db.watched.where('deadlineMs').aboveOrEqual(now).limit(limit).toArray();
}

/** Statuses for which the deadline still matters (reminders, badge). */
export const ACTIVE_STATUSES: readonly WatchStatus[] = ['a-etudier', 'go', 'en-preparation'];

/** Number of active watched notices whose deadline falls in the next 7 days (the toolbar badge). */
export async function countDeadlinesThisWeek(db: WatchlistDb, now: number): Promise<number> {
  const weekEnd = now + 7 * 24 * 3_600_000;
  return db.watched
    .where('deadlineMs')
    .between(now, weekEnd, true, true)
    .filter((w) => ACTIVE_STATUSES.includes(w.status))
    .count();
}

const SETTING_REMINDERS = 'reminders';
const SETTING_PROFILE = 'profile';

/**
 * One typed entry of the settings table: read through its schema (a missing or out-of-date value gives the default,
 * so an old or hand-edited database never breaks the page), written only once validated.
 */
async function readSetting<T>(db: WatchlistDb, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : fallback;
}

async function writeSetting<T>(db: WatchlistDb, key: string, schema: z.ZodType<T>, value: T): Promise<void> {
  const valid = schema.parse(value);
  await guardWrite(() => db.settings.put({ key, value: valid }));
}

export function getReminderSettings(db: WatchlistDb): Promise<ReminderSettings> {
  return readSetting(db, SETTING_REMINDERS, ReminderSettingsSchema, DEFAULT_REMINDER_SETTINGS);
}

export function setReminderSettings(db: WatchlistDb, settings: ReminderSettings): Promise<void> {
  return writeSetting(db, SETTING_REMINDERS, ReminderSettingsSchema, settings);
}

export function getProfile(db: WatchlistDb): Promise<Profile> {
  return readSetting(db, SETTING_PROFILE, ProfileSchema, DEFAULT_PROFILE);
}

export function setProfile(db: WatchlistDb, profile: Profile): Promise<void> {
  return writeSetting(db, SETTING_PROFILE, ProfileSchema, profile);
}

/** Remember what a content script detected in a tab (the popup shows it). */
export async function recordTabNotice(
  db: WatchlistDb,
  tabId: number,
  notice: Notice,
  assessment: Assessment,
  now: number,
  url?: string,
): Promise<void> {
  const row: TabNotice = { tabId, notice, assessment, seenAt: now };
  if (url) row.url = url;
  await guardWrite(() => db.tabNotices.put(row));
}

const withoutHash = (url: string) => url.split('#')[0] ?? url;

/** The notice seen in a tab, unless the tab now shows another page (when its current URL is known). */
export async function getTabNotice(db: WatchlistDb, tabId: number, currentUrl?: string): Promise<TabNotice | undefined> {
  const row = await db.tabNotices.get(tabId);
  if (row && currentUrl && row.url && withoutHash(row.url) !== withoutHash(currentUrl)) return undefined;
  return row;
}

export async function forgetTab(db: WatchlistDb, tabId: number): Promise<void> {
  await db.tabNotices.delete(tabId);
}
