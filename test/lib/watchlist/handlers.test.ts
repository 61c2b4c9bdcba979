import { describe, expect, it } from 'vitest';
import { callMessage, createDispatcher } from '@/lib/messaging/protocol';
import { GetTabNotice, GetWatchState, UnwatchNotice, WatchNotice } from '@/lib/messaging/watchlist';
import { watchlistHandlers } from '@/lib/watchlist/handlers';
import { diffNotices } from '@/lib/watchlist/changes';
import { freshDb } from './fake-db';
import { loadBoampRecords, recordToNotice, syntheticAssessment } from './seed-notices';

const record = loadBoampRecords()[10];
if (!record) throw new Error('fixture');

describe('watchlist message handlers (as a content script and the popup call them)', () => {
  it('watch, state with change tracking from a tab, tab notice for the popup, unwatch', async () => {
    const { db } = freshDb();
    let clock = Date.parse('2024-07-01T08:00:00Z');
    const dispatch = createDispatcher(watchlistHandlers(() => db, () => clock));
    const fromTab = (tabId: number) => (envelope: unknown) => dispatch(envelope, { tabId, url: record.url_avis });
    const notice = recordToNotice(record);
    const assessment = syntheticAssessment(notice);
    const key = { source: notice.source, id: notice.id };

    expect(await callMessage(GetWatchState, { key, notice, assessment }, fromTab(4))).toEqual({ watched: false });
    expect(await callMessage(GetTabNotice, { tabId: 4 }, fromTab(0))).toMatchObject({ notice: { id: record.idweb, title: record.objet }, state: { watched: false } });
    expect(await callMessage(GetTabNotice, { tabId: 4, url: `${record.url_avis}#lots` }, fromTab(0))).toMatchObject({ notice: { id: record.idweb } });
    // The tab went on to another page: the popup must not show the old notice.
    expect(await callMessage(GetTabNotice, { tabId: 4, url: 'https://www.boamp.fr/pages/recherche/' }, fromTab(0))).toEqual({ state: { watched: false } });
    expect(await callMessage(WatchNotice, { notice, assessment }, fromTab(4))).toEqual({ watched: true, status: 'a-etudier', changedFields: [] });

    clock += 86_400_000;
    const rectified = { ...notice, estimatedValue: { amount: 90_000, currency: 'EUR' } };
    expect(await callMessage(GetWatchState, { key, notice: rectified, assessment }, fromTab(4))).toEqual({
      watched: true,
      status: 'a-etudier',
      changedFields: ['estimatedValue'],
    });
    expect((await db.watched.get(`boamp:${record.idweb}`))?.changes[0]).toMatchObject({ field: 'estimatedValue', before: 'non indiquée', after: '90\u00a0000\u00a0€ HT' });
    expect(await callMessage(UnwatchNotice, key, fromTab(4))).toEqual({ watched: false });
    expect(await callMessage(GetTabNotice, { tabId: 99 }, fromTab(0))).toEqual({ state: { watched: false } });
  });

  it('a malformed request gets an error reply, not a throw', async () => {
    const { db } = freshDb();
    const dispatch = createDispatcher(watchlistHandlers(() => db));
    const reply = await dispatch({ type: 'watchlist.watch', payload: { notice: { title: 1 } } });
    expect(reply.ok).toBe(false);
  });
});

describe('change tracking', () => {
  const base = recordToNotice(record);
  base.lots = [{ id: '1', title: 'Nettoyage', cpv: [], criteria: [] }];
  it('detects a new lot, a value and an annulation; ignores fields the new copy lacks', () => {
    const after = {
      ...base,
      title: `Annulation : ${base.title}`,
      estimatedValue: { amount: 40_000, currency: 'EUR', max: 90_000 },
      lots: [...base.lots, { id: '2', title: 'Espaces verts', cpv: [], criteria: [], estimatedValue: { amount: 12_500.5, currency: 'EUR' } }],
    };
    const changes = diffNotices(base, after, 5);
    expect(changes.map((c) => c.field)).toEqual(['estimatedValue', 'lots', 'cancelled']);
    expect(changes[0]?.after).toBe('40\u00a0000 à 90\u00a0000\u00a0€ HT');
    expect(changes[1]?.after).toBe('Lot 1 : Nettoyage | Lot 2 : Espaces verts (12\u00a0500,5\u00a0€ HT)');
    const partial = { ...base, lots: [] };
    delete partial.deadline;
    expect(diffNotices(base, partial, 5)).toEqual([]);
    expect(diffNotices(base, { ...base, deadline: '2024-07-22T18:30:00+02:00' }, 5)).toEqual([]); // same instant (16:30Z), other offset
  });
});
