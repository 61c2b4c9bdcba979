import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openWatchlistDb } from '@/lib/watchlist/db';
import { listInbox, dismissInboxItem, monitoringStore, watchInboxItem } from '@/lib/watchlist/monitoring-store';
import { runMonitoring, type RunDeps } from '@/lib/monitoring/run';
import { DEFAULT_MONITORING_SETTINGS } from '@/lib/monitoring/settings';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';
import { mockApis, type Failure } from './mock-apis';

/**
 * A full run against the recorded responses (26 real BOAMP records served 5 per page, one TED page whose first
 * notice is the TED copy of BOAMP 26-5927). Expected matches were read from the records: the 7 "maybe" notices of
 * the rules core with the default profile (every trade, anywhere): 5 legacy 2006 records
 * (BWP06181100013U, BWP061810600735, BXP06184050631X, BXP06184050691F, BWP061840703432) and 26-3091, 26-5927.
 */
const EXPECTED = ['BWP06181100013U', 'BWP061810600735', 'BXP06184050631X', 'BXP06184050691F', 'BWP061840703432', '26-3091', '26-5927'].map((id) => `boamp:${id}`).sort();
const NOW = Date.parse('2026-11-25T09:00:00+01:00');

function setup(name = 'h10') {
  const factory = new IDBFactory();
  const open = () => openWatchlistDb(name, factory, IDBKeyRange);
  return { factory, open };
}

function deps(db: ReturnType<typeof openWatchlistDb>, failures: Map<number, Failure> = new Map(), over: Partial<RunDeps> = {}) {
  const api = mockApis(failures);
  const notifications: { id: string; title: string; message: string }[] = [];
  const sleeps: number[] = [];
  let clock = NOW;
  const d: RunDeps = {
    fetch: api.fetch,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    store: monitoringStore(db),
    profile: DEFAULT_PROFILE,
    settings: { ...DEFAULT_MONITORING_SETTINGS, enabled: true },
    notify: async (n) => {
      notifications.push(n);
    },
    pageSize: 5,
    ...over,
  };
  return { d, api, notifications, sleeps };
}

describe('monitoring run against recorded API responses', () => {
  it('pages through BOAMP (offset 0…25) then TED, keeps the 7 matches, merges the TED copy of 26-5927, one notification', async () => {
    const { open } = setup();
    const db = open();
    const { d, api, notifications, sleeps } = deps(db);
    const result = await runMonitoring(d);
    expect(result.status).toBe('ok');
    const boampCalls = api.calls.filter((c) => c.url.includes('opendatasoft'));
    expect(boampCalls.map((c) => new URL(c.url).searchParams.get('offset') ?? '0')).toEqual(['0', '5', '10', '15', '20', '25']);
    expect(new URL(boampCalls[0]!.url).searchParams.get('where')).toContain(`dateparution >= date'2026-11-18'`);
    expect(api.calls.filter((c) => c.url.includes('api.ted.europa.eu'))).toHaveLength(1);
    const inbox = await listInbox(db);
    expect(inbox.map((i) => i.key).sort()).toEqual(EXPECTED);
    // Same procedure on TED (procedure-identifier = BOAMP ContractFolderID): not a second row, recorded as a copy.
    expect(inbox.find((i) => i.key === 'boamp:26-5927')?.alsoOn).toEqual(['ted:00035723-2026']);
    expect(result.duplicates).toBe(1);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.title).toBe('Régie Radar : 7 nouvelles opportunités');
    expect(notifications[0]!.message.split('\n')).toHaveLength(5);
    expect(notifications[0]!.message).toContain('… et 3 autres');
    // Rate limit: one request per second per API (6 BOAMP calls → 5 waits of ≤1 s).
    expect(sleeps.filter((s) => s > 0 && s <= 1000).length).toBeGreaterThanOrEqual(5);
    const state = await d.store.getState();
    expect(state.lastSuccessAt).toBe(NOW);
    expect(state.cursor).toBeUndefined();
  });

  it('a second run finds nothing new: no notification, no duplicate rows; dismissed stays dismissed', async () => {
    const { open } = setup();
    const db = open();
    await runMonitoring(deps(db).d);
    await dismissInboxItem(db, 'boamp:26-3091');
    const second = deps(db);
    const result = await runMonitoring(second.d);
    expect(result.newItems).toBe(0);
    expect(second.notifications).toHaveLength(0);
    expect((await listInbox(db)).map((i) => i.key)).not.toContain('boamp:26-3091');
    expect((await listInbox(db, { includeDismissed: true })).find((i) => i.key === 'boamp:26-3091')?.status).toBe('dismissed');
    expect(await db.inbox.count()).toBe(7);
    // The second run asks from the day of the first success.
    expect(new URL(second.api.calls[0]!.url).searchParams.get('where')).toContain(`dateparution >= date'2026-11-25'`);
  });

  it('429 with Retry-After and a 503 are retried; the run still succeeds', async () => {
    const { open } = setup();
    const db = open();
    const { d, sleeps, api } = deps(db, new Map<number, Failure>([[2, { status: 429, retryAfter: '7' }], [4, 503]]));
    const result = await runMonitoring(d);
    expect(result.status).toBe('ok');
    expect(sleeps).toContain(7000);
    expect(api.calls).toHaveLength(6 + 2 + 1);
    expect(await db.inbox.count()).toBe(7);
  });

  it('fails halfway (API down after every retry), keeps the last good state and the error, then resumes at the failed page', async () => {
    const { open } = setup();
    const db = open();
    // Calls 3–6 = 4 attempts at offset 10.
    const first = deps(db, new Map<number, Failure>([[3, 'network'], [4, 500], [5, 502], [6, 'network']]));
    const failed = await runMonitoring(first.d);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/API BOAMP : réseau indisponible/);
    const state = await first.d.store.getState();
    expect(state.lastSuccessAt).toBeUndefined();
    expect(state.lastError).toBe(failed.error);
    expect(state.cursor?.offset).toBe(10);
    // The 2 matches of the first 10 records were notified at once.
    expect(first.notifications).toHaveLength(1);
    const notifiedFirst = (await db.inbox.toArray()).map((i) => i.key);
    const second = deps(db);
    const resumed = await runMonitoring(second.d);
    expect(resumed.status).toBe('ok');
    expect(new URL(second.api.calls[0]!.url).searchParams.get('offset')).toBe('10');
    expect((await db.inbox.toArray()).map((i) => i.key).sort()).toEqual(EXPECTED);
    // The resumed run notifies only what the first did not.
    expect(second.notifications).toHaveLength(1);
    expect(second.notifications[0]!.title).toBe(`Régie Radar : ${7 - notifiedFirst.length} nouvelles opportunités`);
    const after = await second.d.store.getState();
    expect(after.lastError).toBeUndefined();
    expect(after.lastSuccessAt).toBe(NOW);
  });

  it('a schema surprise (no total_count/results) is an error with a French message, not a crash', async () => {
    const { open } = setup();
    const db = open();
    const { d } = deps(db, new Map<number, Failure>([[1, 'bad-json-shape']]));
    const result = await runMonitoring(d);
    expect(result.status).toBe('failed');
    expect(result.error).toContain('format inattendu');
  });

  it('no duplicate notification after a restart between marking and the next run (state is in IndexedDB)', async () => {
    const { open } = setup();
    const db = open();
    const first = deps(db);
    await runMonitoring(first.d);
    db.close();
    const reopened = open(); // a new service worker / browser session opens the same database
    const again = deps(reopened);
    await runMonitoring(again.d);
    expect(first.notifications).toHaveLength(1);
    expect(again.notifications).toHaveLength(0);
    expect((await reopened.inbox.toArray()).every((i) => i.notifiedAt !== undefined)).toBe(true);
  });

  it('a 400 (wrong query) is not retried', async () => {
    const { open } = setup();
    const db = open();
    const { d, api } = deps(db, new Map<number, Failure>([[1, 400]]));
    const result = await runMonitoring(d);
    expect(result.error).toBe('API BOAMP : HTTP 400');
    expect(api.calls).toHaveLength(1);
  });

  it('one click to watch: the notice goes to the watchlist and is not "new" any more', async () => {
    const { open } = setup();
    const db = open();
    await runMonitoring(deps(db).d);
    expect(await watchInboxItem(db, 'boamp:26-5927', NOW)).toBe(true);
    expect(await db.watched.get('boamp:26-5927')).toBeDefined();
    expect((await listInbox(db)).find((i) => i.key === 'boamp:26-5927')?.status).toBe('watched');
  });
});
