import { describe, expect, it } from 'vitest';
import {
  countDeadlinesThisWeek,
  deleteNote,
  getWatchState,
  getWatched,
  notesOf,
  recentNotes,
  recordTabNotice,
  getTabNotice,
  saveNote,
  seeNoticeAgain,
  setStatus,
  setTags,
  statusHistory,
  unwatchNotice,
  upcomingDeadlines,
  watchNotice,
  getReminderSettings,
  setReminderSettings,
  getProfile,
  getBody,
} from '@/lib/watchlist/repository';
import { DEFAULT_REMINDER_SETTINGS } from '@/lib/watchlist/reminders';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';
import { freshDb } from './fake-db';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from './seed-notices';

const records = loadBoampRecords();
const T0 = Date.parse('2024-07-03T09:00:00+02:00');

function notice(i: number) {
  const r = records[i];
  if (!r) throw new Error(`no record ${i}`);
  return recordToNotice(r);
}

describe('watchlist repository', () => {
  it('watches a real notice with status "à étudier", keyed by source:id, and records the first status event', async () => {
    const { db } = freshDb();
    const n = notice(0); // 24-76932, déchetterie d'Orange, deadline 2024-07-25T12:00:00+00:00
    const state = await watchNotice(db, n, syntheticAssessment(n), T0, 'Amina');
    expect(state).toEqual({ watched: true, status: 'a-etudier', changedFields: [] });
    const stored = await getWatched(db, 'boamp:24-76932');
    expect(stored?.title).toContain("DÉCHETTERIE D'ORANGE");
    expect((await getBody(db, 'boamp:24-76932'))?.notice.buyer.name).toBe("Communauté de Communes Pays d'Orange en Provence (84)");
    expect(stored?.department).toBe('84');
    expect(stored?.deadlineMs).toBe(Date.parse('2024-07-25T12:00:00Z'));
    expect(stored?.trades).toEqual(['dechets']);
    expect(stored?.flagIds).toEqual(['regie-trade']);
    const history = await statusHistory(db, 'boamp:24-76932');
    expect(history.map((e) => [e.status, e.who])).toEqual([['a-etudier', 'Amina']]);
  });

  it('watching again refreshes without resetting status, tags or firstSeen, and records a deadline change', async () => {
    const { db } = freshDb();
    const n = notice(1);
    await watchNotice(db, n, syntheticAssessment(n), T0);
    await setStatus(db, ['boamp:24-76638'], 'go', T0 + 1000, { who: 'Luc', comment: 'On y va' });
    await setTags(db, 'boamp:24-76638', ['Metz', ' Metz ', 'urgent'], T0);
    const rectified = { ...n, deadline: '2024-09-09T12:00:00+00:00' };
    const state = await watchNotice(db, rectified, syntheticAssessment(rectified), T0 + 5000);
    expect(state).toEqual({ watched: true, status: 'go', changedFields: ['deadline'] });
    const stored = await getWatched(db, 'boamp:24-76638');
    expect(stored?.firstSeen).toBe(T0);
    expect(stored?.lastSeen).toBe(T0 + 5000);
    expect(stored?.tags).toEqual(['Metz', 'urgent']);
    expect(stored?.changes).toEqual([{ at: T0 + 5000, field: 'deadline', before: '02/09/2024 14:00', after: '09/09/2024 14:00' }]);
    expect((await statusHistory(db, 'boamp:24-76638')).map((e) => e.status)).toEqual(['a-etudier', 'go']);
  });

  it('seeNoticeAgain does nothing for an unwatched notice and tracks changes for a watched one', async () => {
    const { db } = freshDb();
    const n = notice(2);
    expect(await seeNoticeAgain(db, n, syntheticAssessment(n), T0)).toEqual({ watched: false });
    expect(await db.watched.count()).toBe(0);
    await watchNotice(db, n, syntheticAssessment(n), T0);
    const same = await seeNoticeAgain(db, n, syntheticAssessment(n), T0 + 1);
    expect(same.changedFields).toEqual([]);
    const cancelled = { ...n, title: `Avis d'annulation - ${n.title}` };
    const state = await seeNoticeAgain(db, cancelled, syntheticAssessment(cancelled), T0 + 2);
    expect(state.changedFields).toEqual(['cancelled']);
  });

  it('bulk status change is one transaction, skips unknown keys and unchanged statuses', async () => {
    const { db } = freshDb();
    for (const i of [0, 1, 2]) await watchNotice(db, notice(i), syntheticAssessment(notice(i)), T0);
    await setStatus(db, ['boamp:24-76932'], 'no-go', T0 + 1);
    const changed = await setStatus(db, ['boamp:24-76932', 'boamp:24-76638', 'boamp:24-75755', 'boamp:nope'], 'no-go', T0 + 2);
    expect(changed).toBe(2);
    const statuses = (await db.watched.toArray()).map((w) => w.status);
    expect(statuses).toEqual(['no-go', 'no-go', 'no-go']);
  });

  it('notes: several per notice, editable, lastNote follows the latest edit; unwatching keeps them', async () => {
    const { db } = freshDb();
    const n = notice(0);
    await watchNotice(db, n, syntheticAssessment(n), T0);
    const first = await saveNote(db, 'boamp:24-76932', 'Appeler la CCPOP', T0 + 1);
    await saveNote(db, 'boamp:24-76932', 'Visite le 12', T0 + 2);
    expect((await getWatched(db, 'boamp:24-76932'))?.lastNote).toBe('Visite le 12');
    await saveNote(db, 'boamp:24-76932', 'Appeler la CCPOP — fait', T0 + 3, { id: first });
    expect((await notesOf(db, 'boamp:24-76932')).map((x) => x.text)).toEqual(['Appeler la CCPOP — fait', 'Visite le 12']);
    expect((await getWatched(db, 'boamp:24-76932'))?.lastNote).toBe('Appeler la CCPOP — fait');
    expect((await recentNotes(db, 1)).map((x) => x.text)).toEqual(['Appeler la CCPOP — fait']);
    await deleteNote(db, first);
    expect((await getWatched(db, 'boamp:24-76932'))?.lastNote).toBe('Visite le 12');
    await unwatchNotice(db, { source: 'boamp', id: '24-76932' });
    expect(await getWatchState(db, { source: 'boamp', id: '24-76932' })).toEqual({ watched: false });
    expect(await db.notes.count()).toBe(1);
  });

  it('upcoming deadlines and this week’s count use the deadline index and ignore closed statuses', async () => {
    const { db } = freshDb();
    for (let i = 0; i < 40; i++) await watchNotice(db, notice(i), syntheticAssessment(notice(i)), T0);
    const now = Date.parse('2024-07-20T00:00:00Z');
    const expected = records
      .slice(0, 40)
      .filter((r) => r.datelimitereponse && Date.parse(r.datelimitereponse) >= now && Date.parse(r.datelimitereponse) <= now + 7 * 86_400_000);
    expect(expected.length).toBeGreaterThan(0);
    expect(await countDeadlinesThisWeek(db, now)).toBe(expected.length);
    const first = expected[0];
    if (!first) throw new Error('no deadline');
    await setStatus(db, [`boamp:${first.idweb}`], 'no-go', now);
    expect(await countDeadlinesThisWeek(db, now)).toBe(expected.length - 1);
    const upcoming = await upcomingDeadlines(db, now, 5);
    expect(upcoming.length).toBe(5);
    const ms = upcoming.map((w) => w.deadlineMs ?? 0);
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
    expect(ms[0]).toBeGreaterThanOrEqual(now);
  });

  it('settings fall back to defaults and reject invalid values', async () => {
    const { db } = freshDb();
    expect(await getReminderSettings(db)).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(await getProfile(db)).toEqual(DEFAULT_PROFILE);
    await setReminderSettings(db, { enabled: true, offsetsDays: [3], hour: 9, minute: 30 });
    expect((await getReminderSettings(db)).offsetsDays).toEqual([3]);
    await expect(setReminderSettings(db, { enabled: true, offsetsDays: [3], hour: 25, minute: 0 })).rejects.toThrow();
    await db.settings.put({ key: 'reminders', value: { garbage: true } });
    expect(await getReminderSettings(db)).toEqual(DEFAULT_REMINDER_SETTINGS);
  });

  it('remembers the notice detected in a tab', async () => {
    const { db } = freshDb();
    const n = notice(3);
    await recordTabNotice(db, 7, n, syntheticAssessment(n), T0);
    expect((await getTabNotice(db, 7))?.notice.id).toBe(records[3]?.idweb);
    expect(await getTabNotice(db, 8)).toBeUndefined();
  });
});
