import { describe, expect, it, vi } from 'vitest';
import { exportBackup, importBackupText, parseBackup, serializeBackup } from '@/lib/watchlist/backup';
import { getWatched, notesOf, saveNote, setStatus, watchNotice } from '@/lib/watchlist/repository';
import { WatchlistStorageError } from '@/lib/watchlist/storage-errors';
import type { WatchlistDb } from '@/lib/watchlist/db';
import { freshDb } from './fake-db';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from './seed-notices';

const records = loadBoampRecords();
const T0 = Date.parse('2024-07-03T09:00:00+02:00');

async function seed(db: WatchlistDb, indexes: number[], t = T0) {
  for (const i of indexes) {
    const r = records[i];
    if (!r) throw new Error('fixture');
    const n = recordToNotice(r);
    await watchNotice(db, n, syntheticAssessment(n), t);
  }
}

async function snapshot(db: WatchlistDb) {
  const b = await exportBackup(db, 0);
  return JSON.stringify({ ...b, exportedAt: '' });
}

describe('JSON backup', () => {
  it('round-trips into an empty database', async () => {
    const a = freshDb('a').db;
    await seed(a, [0, 1, 2]);
    await setStatus(a, ['boamp:24-76932'], 'depose', T0 + 1, { who: 'Luc' });
    await saveNote(a, 'boamp:24-76932', 'Dossier déposé sur PLACE', T0 + 2);
    const text = serializeBackup(await exportBackup(a, T0 + 3));
    const b = freshDb('b').db;
    const result = await importBackupText(b, text);
    expect(result).toEqual({ ok: true, summary: { noticesAdded: 3, noticesMerged: 0, notesAdded: 1, statusEventsAdded: 4 } });
    expect((await getWatched(b, 'boamp:24-76932'))?.status).toBe('depose');
    expect((await getWatched(b, 'boamp:24-76932'))?.lastNote).toBe('Dossier déposé sur PLACE');
    // Importing the same file twice adds nothing.
    expect(await importBackupText(b, text)).toEqual({ ok: true, summary: { noticesAdded: 0, noticesMerged: 3, notesAdded: 0, statusEventsAdded: 0 } });
  });

  it('merges by natural key without losing local notes; the newer status and notice copy win', async () => {
    const office = freshDb('office').db;
    await seed(office, [0, 1]);
    await saveNote(office, 'boamp:24-76932', 'Note du bureau', T0 + 10);
    await setStatus(office, ['boamp:24-76932'], 'go', T0 + 20);
    const file = serializeBackup(await exportBackup(office, T0 + 30));

    const laptop = freshDb('laptop').db;
    await seed(laptop, [0, 3], T0 + 100); // seen later on the laptop
    await saveNote(laptop, 'boamp:24-76932', 'Note locale à garder', T0 + 110);
    const result = await importBackupText(laptop, file);
    expect(result.ok && result.summary).toEqual({ noticesAdded: 1, noticesMerged: 1, notesAdded: 1, statusEventsAdded: 3 });
    expect((await notesOf(laptop, 'boamp:24-76932')).map((n) => n.text).sort()).toEqual(['Note du bureau', 'Note locale à garder']);
    const merged = await getWatched(laptop, 'boamp:24-76932');
    expect(merged?.status).toBe('a-etudier'); // laptop's status event (T0+100) is newer than the office "go" (T0+20)
    expect(merged?.firstSeen).toBe(T0);
    expect(merged?.lastSeen).toBe(T0 + 100);
    expect(merged?.lastNote).toBe('Note locale à garder');
    expect(await laptop.watched.count()).toBe(3);
  });

  describe('bad files are rejected with a clear message and change nothing', () => {
    async function rejected(text: string) {
      const { db } = freshDb('bad');
      await seed(db, [0, 1]);
      await saveNote(db, 'boamp:24-76932', 'ne pas perdre', T0);
      const before = await snapshot(db);
      const result = await importBackupText(db, text);
      expect(await snapshot(db)).toBe(before);
      if (result.ok) throw new Error('accepted a bad file');
      expect(result.error).toMatch(/Rien n'a été importé|rien n'a été modifié/);
      return result.error;
    }
    let good = '';
    const goodFile = async () => {
      if (good) return good;
      const { db } = freshDb('good');
      await seed(db, [5, 6, 7]);
      good = serializeBackup(await exportBackup(db, T0));
      return good;
    };

    it('truncated JSON', async () => {
      const text = await goodFile();
      expect(await rejected(text.slice(0, Math.floor(text.length / 2)))).toMatch(/^Le fichier n'est pas du JSON valide \(fichier tronqué ou abîmé \?\)/);
    });

    it('another JSON file, and an array', async () => {
      expect(await rejected('{"results": []}')).toMatch(/pas une sauvegarde Régie Radar \(format « absent »\)/);
      expect(await rejected('[1,2]')).toMatch(/objet JSON attendu/);
    });

    it('a future version', async () => {
      const data = JSON.parse(await goodFile());
      data.version = 2;
      expect(await rejected(JSON.stringify(data))).toMatch(/^Version de sauvegarde 2 non prise en charge/);
    });

    it('hostile or inconsistent values (say where), even when the first records are fine', async () => {
      const data = JSON.parse(await goodFile());
      data.watched[2].key = 'boamp:someone-else';
      expect(await rejected(JSON.stringify(data))).toMatch(/watched\[2\]\.key : clé incohérente/);
      const data2 = JSON.parse(await goodFile());
      data2.watched[1].status = '<img src=x onerror=alert(1)>';
      data2.notes = [{ noticeKey: 'boamp:x', text: 'x'.repeat(100_001), createdAt: 1, updatedAt: 1 }];
      const error = await rejected(JSON.stringify(data2));
      expect(error).toMatch(/watched\[1\]\.status/);
      expect(error).toMatch(/notes\[0\]\.text/);
      const data3 = JSON.parse(await goodFile());
      data3.bodies[0].notice.deadline = '25/07/2024';
      expect(await rejected(JSON.stringify(data3))).toMatch(/bodies\[0\]\.notice\.deadline/);
      const data4 = JSON.parse(await goodFile());
      data4.bodies.push({ ...data4.bodies[0], key: 'boamp:zz' });
      expect(await rejected(JSON.stringify(data4))).toMatch(/bodies\[3\]\.key : clé incohérente/);
    });

    it('a file that fails while being written (disk full) rolls back entirely', async () => {
      const { db } = freshDb('quota');
      await seed(db, [0]);
      const before = await snapshot(db);
      const file = await goodFile();
      const spy = vi.spyOn(db.notes, 'add');
      const spyWatched = vi.spyOn(db.statusEvents, 'add').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      const result = await importBackupText(db, file);
      spy.mockRestore();
      spyWatched.mockRestore();
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^Le disque est plein/);
      expect(await snapshot(db)).toBe(before);
    });
  });

  it('parseBackup accepts a BOM and never throws on garbage', () => {
    expect(parseBackup('\uFEFF{"format":"regie-radar-backup","version":1,"exportedAt":"x","watched":[],"bodies":[],"notes":[],"statusEvents":[],"tags":[],"settings":[]}').ok).toBe(true);
    for (const garbage of ['', 'null', '"x"', '{"format":"regie-radar-backup","version":1}', '{"__proto__":{"polluted":1}}']) {
      expect(parseBackup(garbage).ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('full disk on a normal write', () => {
  it('saveNote fails with a French message and the previous note stays', async () => {
    const { db } = freshDb('full');
    await seed(db, [0]);
    const id = await saveNote(db, 'boamp:24-76932', 'première version', T0);
    const spy = vi.spyOn(db.notes, 'update').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await saveNote(db, 'boamp:24-76932', 'seconde version', T0 + 1, { id }).catch((e: unknown) => e);
    spy.mockRestore();
    expect(error).toBeInstanceOf(WatchlistStorageError);
    expect((error as WatchlistStorageError).quota).toBe(true);
    expect((error as Error).message).toMatch(/^Le disque est plein/);
    expect((await notesOf(db, 'boamp:24-76932')).map((n) => n.text)).toEqual(['première version']);
  });
});
