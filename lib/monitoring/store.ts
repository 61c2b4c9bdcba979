import type { InboxItem, MonitorState } from './records';

/**
 * What the run loop needs from storage. Implemented with Dexie in lib/watchlist/monitoring-store.ts (the only place
 * Dexie is allowed); tests use the same implementation on fake-indexeddb, so a "restart" is a re-opened database.
 */
export interface MonitoringStore {
  getState(): Promise<MonitorState>;
  saveState(state: MonitorState): Promise<void>;
  /** The inbox row sharing one of these keys (same procedure), if any. */
  findByDedupeKeys(keys: readonly string[]): Promise<InboxItem | undefined>;
  /** Add a new row. */
  addItem(item: InboxItem): Promise<void>;
  /** Record another copy of an existing row (keys merged, `alsoOn` extended). */
  mergeCopy(key: string, dedupeKeys: readonly string[], copy: string): Promise<void>;
  /** Is this notice already in the watchlist (then it is not "new")? */
  isWatched(source: string, id: string): Promise<boolean>;
  /** Rows never notified, and mark rows notified (one transaction each). */
  unnotified(): Promise<InboxItem[]>;
  markNotified(keys: readonly string[], at: number): Promise<void>;
}
