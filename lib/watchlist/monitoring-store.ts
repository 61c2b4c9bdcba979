import type { WatchlistDb } from './db';
import { noticeKey } from './records';
import { guardWrite } from './storage-errors';
import { watchNotice } from './repository';
import { InboxItemSchema, MonitorStateSchema, type InboxItem, type InboxStatus, type MonitorState } from '@/lib/monitoring/records';
import { readMonitoringSettings, type MonitoringSettings } from '@/lib/monitoring/settings';
import type { MonitoringStore } from '@/lib/monitoring/store';

/**
 * Dexie side of the monitoring (tables `inbox` and `monitorState` of schema version 2, settings key `monitoring`).
 * Rows read back are parsed with zod: a row that no longer fits the schema is skipped, never thrown at the UI.
 */
const SETTING_MONITORING = 'monitoring';

export function monitoringStore(db: WatchlistDb): MonitoringStore {
  return {
    async getState() {
      const row = await db.monitorState.get('state');
      const parsed = MonitorStateSchema.safeParse(row);
      return parsed.success ? parsed.data : { key: 'state' };
    },
    async saveState(state) {
      await guardWrite(() => db.monitorState.put(MonitorStateSchema.parse(state)));
    },
    async findByDedupeKeys(keys) {
      if (keys.length === 0) return undefined;
      const row = await db.inbox.where('dedupeKeys').anyOf([...keys]).first();
      return row;
    },
    async addItem(item) {
      await guardWrite(() => db.inbox.put(item));
    },
    async mergeCopy(key, dedupeKeys, copy) {
      await guardWrite(() =>
        db.transaction('rw', db.inbox, async () => {
          const row = await db.inbox.get(key);
          if (!row) return;
          await db.inbox.update(key, {
            dedupeKeys: [...new Set([...row.dedupeKeys, ...dedupeKeys])],
            alsoOn: row.alsoOn.includes(copy) ? row.alsoOn : [...row.alsoOn, copy],
          });
        }),
      );
    },
    async isWatched(source, id) {
      return (await db.watched.get(noticeKey(source, id))) !== undefined;
    },
    async unnotified() {
      const rows = await db.inbox.where('status').equals('new').toArray();
      return rows.filter((r) => r.notifiedAt === undefined);
    },
    async markNotified(keys, at) {
      await guardWrite(() =>
        db.transaction('rw', db.inbox, async () => {
          for (const key of keys) await db.inbox.update(key, { notifiedAt: at });
        }),
      );
    },
  };
}

export async function getMonitoringSettings(db: WatchlistDb): Promise<MonitoringSettings> {
  return readMonitoringSettings((await db.settings.get(SETTING_MONITORING))?.value);
}

export async function setMonitoringSettings(db: WatchlistDb, settings: MonitoringSettings): Promise<void> {
  await guardWrite(() => db.settings.put({ key: SETTING_MONITORING, value: settings }));
}

/** Inbox rows to show: new first (priority, then score), dismissed ones hidden unless asked. */
export async function listInbox(db: WatchlistDb, options: { includeDismissed?: boolean } = {}): Promise<InboxItem[]> {
  const rows = await db.inbox.orderBy('foundAt').reverse().toArray();
  const valid = rows.flatMap((r) => {
    const parsed = InboxItemSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  const rank: Record<InboxStatus, number> = { new: 0, watched: 1, dismissed: 2 };
  return valid
    .filter((r) => options.includeDismissed || r.status !== 'dismissed')
    .sort((a, b) => rank[a.status] - rank[b.status] || Number(b.priority) - Number(a.priority) || b.assessment.score - a.assessment.score);
}

/** Dismiss: the row stays (so the same notice found again is recognised and stays dismissed). */
export async function dismissInboxItem(db: WatchlistDb, key: string): Promise<void> {
  await guardWrite(() => db.inbox.update(key, { status: 'dismissed' }));
}

/** Watch from the inbox: the watchlist repository stores it (same path as the overlay's "Suivre"). */
export async function watchInboxItem(db: WatchlistDb, key: string, now: number): Promise<boolean> {
  const row = await db.inbox.get(key);
  if (!row) return false;
  await watchNotice(db, row.notice, row.assessment, now);
  await guardWrite(() => db.inbox.update(key, { status: 'watched' }));
  return true;
}

export async function getMonitorState(db: WatchlistDb): Promise<MonitorState> {
  return monitoringStore(db).getState();
}
