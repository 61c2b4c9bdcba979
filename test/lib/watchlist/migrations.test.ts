import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openWatchlistDb, SCHEMA_V1 } from '@/lib/watchlist/db';
import { BackupSchema } from '@/lib/watchlist/backup';
import { countDeadlinesThisWeek, getBody, getReminderSettings, notesOf, saveNote, statusHistory } from '@/lib/watchlist/repository';

/**
 * Schema versions are append-only. For each version n there is a saved database of version n-1 (the frozen schema
 * literal below + its rows in test/fixtures/watchlist/db-v<n-1>.synthetic.json) that the current code must open
 * without losing anything. Version 1 starts from that file too: it pins the v1 schema against silent edits.
 */

/** Frozen copy of the version 1 schema as shipped on 2026-11-25. NEVER edit: it is the past. */
const FROZEN_V1 = {
  watched: 'key, [source+id], status, verdict, deadlineMs, department, lastSeen, statusChangedAt, *flagIds, *trades, *tags',
  bodies: 'key',
  notes: '++id, noticeKey, updatedAt',
  statusEvents: '++id, noticeKey, at',
  firedReminders: 'id, noticeKey, firedAt',
  tags: 'name',
  settings: 'key',
  tabNotices: 'tabId, seenAt',
};

const fixturePath = fileURLToPath(new URL('../../fixtures/watchlist/db-v1.synthetic.json', import.meta.url));
const saved = JSON.parse(readFileSync(fixturePath, 'utf8')) as { dbVersion: number; tables: Record<string, unknown> };
const rows = BackupSchema.parse({ ...saved.tables, format: 'regie-radar-backup', version: 1, exportedAt: '2024-07-03T07:00:20.000Z' });

async function writeV1Database(factory: IDBFactory, name: string) {
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  old.version(1).stores(FROZEN_V1);
  await old.open();
  await old.table('watched').bulkAdd(rows.watched);
  await old.table('bodies').bulkAdd(rows.bodies);
  await old.table('notes').bulkAdd(rows.notes);
  await old.table('statusEvents').bulkAdd(rows.statusEvents);
  await old.table('tags').bulkAdd(rows.tags);
  await old.table('settings').bulkAdd(rows.settings);
  old.close();
}

describe('watchlist database migrations', () => {
  it('version 1 schema has not been edited since it shipped', () => {
    expect(SCHEMA_V1).toEqual(FROZEN_V1);
  });

  it('the current code opens a saved version 1 database with every row and index intact', async () => {
    const factory = new IDBFactory();
    await writeV1Database(factory, 'migrate-v1');
    const db = openWatchlistDb('migrate-v1', factory, IDBKeyRange);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    expect(await db.watched.count()).toBe(5);
    expect((await getBody(db, 'boamp:24-76932'))?.notice.title).toContain('DÉCHETTERIE');
    expect((await notesOf(db, 'boamp:24-76932')).map((n) => n.text)).toEqual(['Visite obligatoire le 12 — appeler M. X', 'Voir le lot 2 (entretien)']);
    expect((await statusHistory(db, 'boamp:24-76932')).map((e) => e.status)).toEqual(['a-etudier', 'go']);
    expect(await db.watched.where('tags').equals('déchets').primaryKeys()).toEqual(['boamp:24-76932']);
    expect(await db.watched.where('[source+id]').equals(['boamp', '24-76638']).count()).toBe(1);
    expect((await getReminderSettings(db)).hour).toBe(8);
    expect(await countDeadlinesThisWeek(db, Date.parse('2024-07-20T00:00:00Z'))).toBe(1);
    // New writes continue the old auto-increment sequence, not overwrite old notes.
    const id = await saveNote(db, 'boamp:24-76932', 'après migration', Date.now());
    expect(rows.notes.some((n) => n.id === id)).toBe(false);
    expect(await db.notes.count()).toBe(4);
    db.close();
  });
});
