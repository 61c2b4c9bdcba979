/**
 * Writes test/fixtures/watchlist/db-v1.synthetic.json: the content of a version-1 watchlist database (5 real BOAMP
 * notices with synthetic assessments, notes, statuses, tags, settings), saved once so the migration test of every
 * later version opens a database really written by version 1. Run: npx tsx test/lib/watchlist/make-db-v1-fixture.ts
 * Do not regenerate after version 2 exists: the file is the frozen past.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { openWatchlistDb } from '@/lib/watchlist/db';
import { saveNote, setReminderSettings, setStatus, setTags, watchNotice } from '@/lib/watchlist/repository';
import { exportBackup } from '@/lib/watchlist/backup';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from './seed-notices';

const db = openWatchlistDb('make-fixture');
const t0 = Date.parse('2024-07-03T09:00:00+02:00');
const records = loadBoampRecords().slice(0, 5);
for (const [i, r] of records.entries()) {
  const n = recordToNotice(r);
  await watchNotice(db, n, syntheticAssessment(n), t0 + i * 1000, 'Amina');
}
await setStatus(db, ['boamp:24-76932'], 'go', t0 + 10_000, { who: 'Luc', comment: 'Déchetterie : dans nos métiers' });
await saveNote(db, 'boamp:24-76932', 'Visite obligatoire le 12 — appeler M. X', t0 + 11_000);
await saveNote(db, 'boamp:24-76932', 'Voir le lot 2 (entretien)', t0 + 12_000);
await saveNote(db, 'boamp:24-76638', 'Pas pour nous', t0 + 13_000);
await setTags(db, 'boamp:24-76932', ['Orange', 'déchets'], t0);
await setReminderSettings(db, { enabled: true, offsetsDays: [7, 2, 0], hour: 8, minute: 0 });
const backup = await exportBackup(db, t0 + 20_000);
const out = new URL('../../fixtures/watchlist/db-v1.synthetic.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ dbVersion: 1, tables: { ...backup, format: undefined, version: undefined, exportedAt: undefined } }, null, 1)}\n`);
console.log('written', out.pathname);
