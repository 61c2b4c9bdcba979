import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openWatchlistDb, type WatchlistDb } from '@/lib/watchlist/db';

/** A fresh in-memory IndexedDB per test (fake-indexeddb), so tests never share state. */
export function freshDb(name = 'regie-radar-test'): { db: WatchlistDb; factory: IDBFactory } {
  const factory = new IDBFactory();
  return { db: openWatchlistDb(name, factory, IDBKeyRange), factory };
}
