import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openWatchlistDb } from '@/lib/watchlist/db';
import { monitoringStore } from '@/lib/watchlist/monitoring-store';
import { runMonitoring } from '@/lib/monitoring/run';
import type { HttpResponseLike, MonitorFetch } from '@/lib/monitoring/http-retry';
import { DEFAULT_MONITORING_SETTINGS } from '@/lib/monitoring/settings';
import { notificationFor } from '@/lib/monitoring/notification-text';
import { DEFAULT_PROFILE } from '@/lib/rules/profile';
import { BOAMP_POOL, TED_PAGE } from './mock-apis';

const NOW = Date.parse('2026-11-25T09:00:00+01:00');
const ok = (body: unknown): HttpResponseLike => ({ ok: true, status: 200, json: async () => body });

function run(fetch: MonitorFetch, pageSize = 100, includeTed = false) {
  const db = openWatchlistDb('limits', new IDBFactory(), IDBKeyRange);
  let clock = NOW;
  return runMonitoring({
    fetch,
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
    store: monitoringStore(db),
    profile: DEFAULT_PROFILE,
    settings: { ...DEFAULT_MONITORING_SETTINGS, enabled: true, includeTed },
    notify: async () => undefined,
    pageSize,
  });
}

describe('paging limits of the APIs', () => {
  it('BOAMP: a window over the 10 000-row offset cap is split by publication date until it fits', async () => {
    const wheres: string[] = [];
    const fetch: MonitorFetch = async (url) => {
      const where = new URL(url).searchParams.get('where') ?? '';
      wheres.push(where);
      // 12 000 notices over the whole week; 5 000 in each half or smaller window.
      const bounded = where.includes('dateparution <');
      return ok({ total_count: bounded || !where.includes(`date'2026-11-18'`) ? 0 : 12_000, results: [] });
    };
    const result = await run(fetch);
    expect(result.status).toBe('ok');
    expect(wheres[0]).toContain(`dateparution >= date'2026-11-18'`);
    expect(wheres[0]).not.toContain('dateparution <');
    // 8 days (18 → 26 excluded) split in two: [18, 22) then [22, …).
    expect(wheres[1]).toContain(`dateparution >= date'2026-11-18' AND dateparution < date'2026-11-22'`);
    expect(wheres[2]).toContain(`dateparution >= date'2026-11-22'`);
    expect(wheres[2]).not.toContain('dateparution <');
  });

  it('TED: pages while full pages come back and the total says there is more', async () => {
    const pages: number[] = [];
    const item = TED_PAGE.notices[1];
    const fetch: MonitorFetch = async (url, init) => {
      if (url.includes('opendatasoft')) return ok({ total_count: 0, results: [] });
      const body = JSON.parse(init.body ?? '{}') as { page: number; limit: number };
      pages.push(body.page);
      const n = body.page < 3 ? body.limit : 1;
      return ok({ notices: Array.from({ length: n }, () => item), totalNoticeCount: 2 * body.limit + 1 });
    };
    const result = await run(fetch, 5, true);
    expect(result.status).toBe('ok');
    expect(pages).toEqual([1, 2, 3]);
  });

  it('notification text: singular, plural, top reason, "… et N autres"', () => {
    expect(notificationFor([], 'r')).toBeUndefined();
    const base = { dedupeKeys: [], alsoOn: [], status: 'new' as const, priority: false, foundAt: 0, runId: 'r' };
    const items = BOAMP_POOL.results.slice(0, 6).map((_, i) => ({
      ...base,
      key: `boamp:${i}`,
      notice: { title: `Avis ${i}`, id: String(i) },
      assessment: { score: i },
      topReason: 'Métier de la Régie : nettoyage',
    })) as unknown as Parameters<typeof notificationFor>[0];
    const one = notificationFor(items.slice(0, 1), 'r');
    expect(one?.title).toBe('Régie Radar : 1 nouvelle opportunité');
    expect(one?.message).toBe('• Avis 0 — Métier de la Régie : nettoyage');
    const six = notificationFor(items, 'r');
    expect(six?.message.split('\n')[0]).toBe('• Avis 5 — Métier de la Régie : nettoyage');
    expect(six?.message.split('\n').at(-1)).toBe('… et 2 autres dans la boîte de réception');
    expect(six?.id).toBe('regie-radar-veille:r');
  });
});
