import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openWatchlistDb, SCHEMA_V1, SCHEMA_V2 } from '@/lib/watchlist/db';
import { monitoringStore } from '@/lib/watchlist/monitoring-store';

/**
 * Version 2 adds the monitoring tables. A saved version-1 database (H8's frozen fixture rows) must open with the
 * current code with every row intact, and the new tables must be empty and usable.
 */
const FROZEN_V2 = { inbox: 'key, status, foundAt, runId, *dedupeKeys', monitorState: 'key' };
const saved = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/watchlist/db-v1.synthetic.json', import.meta.url)), 'utf8')) as {
  tables: Record<string, unknown[]>;
};

describe('watchlist database version 2 (monitoring tables)', () => {
  it('version 2 schema has not been edited since it shipped', () => {
    expect(SCHEMA_V2).toEqual(FROZEN_V2);
  });

  it('a version 1 database upgrades: old rows kept, inbox and state empty then writable', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('mig', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    const watched = saved.tables.watched ?? [];
    const settings = saved.tables.settings ?? [];
    await old.table('watched').bulkAdd(watched);
    await old.table('settings').bulkAdd(settings);
    old.close();

    const db = openWatchlistDb('mig', factory, IDBKeyRange);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.watched.count()).toBe(watched.length);
    expect(watched.length).toBeGreaterThan(0);
    expect(await db.settings.count()).toBe(settings.length);
    expect(await db.inbox.count()).toBe(0);
    const store = monitoringStore(db);
    expect(await store.getState()).toEqual({ key: 'state' });
    await store.saveState({ key: 'state', lastSuccessAt: 1 });
    expect((await store.getState()).lastSuccessAt).toBe(1);
    // A watched notice of version 1 counts as already known to the watch.
    const first = watched[0] as { source: string; id: string };
    expect(await store.isWatched(first.source, first.id)).toBe(true);
  });
});
