import Dexie, { type EntityTable, type Table } from 'dexie';
import type { FiredReminder, Note, NoticeBody, Setting, StatusEvent, TabNotice, Tag, WatchedNotice } from './records';
import type { InboxItem, MonitorState } from '@/lib/monitoring/records';

/**
 * The watchlist database (IndexedDB in the extension origin: background and extension pages; content scripts go
 * through messages). Versions are APPEND-ONLY history: never edit a shipped `version(n)`; add `version(n+1)` with its
 * upgrade and a migration test on a saved database of version n (test/lib/watchlist/migrations.test.ts).
 * Other features (the monitoring helper) append their own tables in a new version here.
 */
export const WATCHLIST_DB_NAME = 'regie-radar';

export type WatchlistDb = Dexie & {
  watched: EntityTable<WatchedNotice, 'key'>;
  bodies: EntityTable<NoticeBody, 'key'>;
  notes: EntityTable<Note, 'id'>;
  statusEvents: EntityTable<StatusEvent, 'id'>;
  firedReminders: EntityTable<FiredReminder, 'id'>;
  tags: EntityTable<Tag, 'name'>;
  settings: EntityTable<Setting, 'key'>;
  tabNotices: Table<TabNotice, number>;
  /** Version 2 (monitoring): matches found by the watch, and the run state (one row, key 'state'). */
  inbox: EntityTable<InboxItem, 'key'>;
  monitorState: EntityTable<MonitorState, 'key'>;
};

/** Version 1 stores (2026-11-25). Only indexed fields are listed; `*` = multi-entry. */
export const SCHEMA_V1 = {
  watched: 'key, [source+id], status, verdict, deadlineMs, department, lastSeen, statusChangedAt, *flagIds, *trades, *tags',
  bodies: 'key',
  notes: '++id, noticeKey, updatedAt',
  statusEvents: '++id, noticeKey, at',
  firedReminders: 'id, noticeKey, firedAt',
  tags: 'name',
  settings: 'key',
  tabNotices: 'tabId, seenAt',
} as const;

/**
 * Version 2 (2026-11-25, monitoring): only the two new tables (Dexie keeps the version 1 tables as they are).
 * `*dedupeKeys` is multi-entry: a TED copy of a BOAMP notice finds its row by any shared key.
 */
export const SCHEMA_V2 = {
  inbox: 'key, status, foundAt, runId, *dedupeKeys',
  monitorState: 'key',
} as const;

export function openWatchlistDb(name: string = WATCHLIST_DB_NAME, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): WatchlistDb {
  const db = new Dexie(name, indexedDB && keyRange ? { indexedDB, IDBKeyRange: keyRange } : undefined) as WatchlistDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  return db;
}

let shared: WatchlistDb | undefined;
/** The one database of this context (background, popup, watchlist page). */
export function getWatchlistDb(): WatchlistDb {
  shared ??= openWatchlistDb();
  return shared;
}
