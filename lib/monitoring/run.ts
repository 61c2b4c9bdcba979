import type { Notice } from '@/lib/notice/schema';
import type { Profile } from '@/lib/rules/profile';
import { evaluate } from '@/lib/rules';
import { BOAMP_API_BASE, BOAMP_API_MAX_LIMIT, BOAMP_API_MAX_WINDOW, BoampResponseSchema, boampRecordsUrl } from '@/lib/sources/boamp/api';
import { isBoampRecord, parseBoampRecord } from '@/lib/sources/boamp/records/record';
import { buildTedSearchRequest } from '@/lib/sources/ted/search-api';
import { tedSearchNoticeToNotice } from '@/lib/sources/ted/search-result';
import { addDays, buildBoampWhere, daysBetween } from './boamp-query';
import { buildTedWatchQuery } from './ted-query';
import { boampRecordCrossIds, dedupeKeys, tedItemProcedureId } from './dedupe-keys';
import { DEFAULT_RETRY, fetchJsonWithRetry, type MonitorFetch, type RetryOptions } from './http-retry';
import { notificationFor, topReasonOf } from './notification-text';
import type { InboxItem, MonitorState, RunCursor } from './records';
import type { MonitoringSettings } from './settings';
import type { MonitoringStore } from './store';

/**
 * One monitoring run: BOAMP pages, then TED pages, each new notice assessed locally and stored in the inbox, then
 * one notification. The cursor is saved after every page: a run that fails (API down after its retries, worker
 * killed) resumes at the page where it stopped. Pure: fetch, clock, sleep, storage and notification are injected.
 *
 * Rate limits used (documented numbers, see README.md): at most one request per second per API
 * (`minIntervalMs`), well below the BOAMP/Opendatasoft daily quota (429 once exceeded) and TED's unpublished limit;
 * 429 and 5xx are retried with backoff and Retry-After.
 */
export interface RunDeps {
  fetch: MonitorFetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  store: MonitoringStore;
  profile: Profile;
  settings: MonitoringSettings;
  notify: (n: { id: string; title: string; message: string }) => Promise<void>;
  /** Page size (100 = the API's maximum; tests use a smaller one to exercise paging on small fixtures). */
  pageSize?: number;
  /** Minimum time between two requests to the same API. */
  minIntervalMs?: number;
  retry?: Partial<Omit<RetryOptions, 'sleep' | 'now'>>;
  boampBase?: string;
  /** Days looked back on the very first run. */
  firstLookbackDays?: number;
}

export interface RunResult {
  status: 'ok' | 'failed';
  newItems: number;
  duplicates: number;
  requests: number;
  error?: string;
  notified?: { id: string; title: string; message: string };
}

const VERDICT_RANK = { opportunity: 2, maybe: 1, no: 0 } as const;

function parisDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

export function startCursor(state: MonitorState, now: number, firstLookbackDays: number): RunCursor {
  // Since the day of the last success (inclusive: notices published later that day are caught; duplicates are
  // recognised by their keys), or a week back on the first run.
  const since = state.lastSuccessAt !== undefined ? parisDay(state.lastSuccessAt) : addDays(parisDay(now), -firstLookbackDays);
  return { runId: String(now), startedAt: now, since, phase: 'boamp', windowStart: since, offset: 0, tedPage: 1 };
}

export async function runMonitoring(deps: RunDeps): Promise<RunResult> {
  const pageSize = Math.min(deps.pageSize ?? BOAMP_API_MAX_LIMIT, BOAMP_API_MAX_LIMIT);
  const minInterval = deps.minIntervalMs ?? 1000;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...deps.retry, sleep: deps.sleep, now: deps.now };
  const state = await deps.store.getState();
  const cursor: RunCursor = state.cursor ?? startCursor(state, deps.now(), deps.firstLookbackDays ?? 7);
  const stats = { requests: 0, records: 0, matches: 0, duplicates: 0, warnings: [] as string[] };
  const lastCall = new Map<string, number>();
  const today = parisDay(deps.now());

  const throttled = async (api: string) => {
    const wait = (lastCall.get(api) ?? -Infinity) + minInterval - deps.now();
    if (wait > 0) await deps.sleep(wait);
    lastCall.set(api, deps.now());
    stats.requests += 1;
  };

  const saveCursor = async (extra: Partial<MonitorState> = {}) => {
    const current = await deps.store.getState();
    await deps.store.saveState({ ...current, key: 'state', cursor: { ...cursor }, ...extra });
  };

  /** Assess one notice and keep it when it matches; dedupe by source+id and across sources. */
  const consider = async (notice: Notice, cross: { procedureId?: string; tedNumber?: string }) => {
    stats.records += 1;
    if (!deps.settings.noticeTypes.some((t) => t === notice.noticeType)) return;
    const deps0 = deps.profile.departments;
    if (deps0.length > 0 && notice.place.department && !deps0.includes(notice.place.department)) return;
    const keys = dedupeKeys(notice, cross);
    const existing = await deps.store.findByDedupeKeys(keys);
    const self = `${notice.source}:${notice.id}`;
    if (existing) {
      stats.duplicates += 1;
      if (existing.key !== self) await deps.store.mergeCopy(existing.key, keys, self);
      return;
    }
    if (await deps.store.isWatched(notice.source, notice.id)) return;
    const assessment = evaluate(notice, deps.profile);
    const flagIds = new Set([...assessment.flags, ...assessment.lots.flatMap((l) => l.flags)].map((f) => f.id));
    const priority = deps.settings.mechanisms.some((m) => flagIds.has(m));
    const floor = VERDICT_RANK[deps.settings.minVerdict];
    if (VERDICT_RANK[assessment.verdict] < floor) return;
    // With mechanisms chosen, a "maybe" is kept only when it carries one of them (less noise).
    if (assessment.verdict === 'maybe' && deps.settings.mechanisms.length > 0 && !priority) return;
    const item: InboxItem = {
      key: self,
      notice,
      assessment,
      dedupeKeys: keys,
      alsoOn: [],
      status: 'new',
      topReason: topReasonOf(assessment),
      priority,
      foundAt: deps.now(),
      runId: cursor.runId,
    };
    await deps.store.addItem(item);
    stats.matches += 1;
  };

  const fail = async (error: string): Promise<RunResult> => {
    await saveCursor({ lastError: error, lastErrorAt: deps.now(), lastRunAt: deps.now(), lastRunStats: stats });
    const notified = await notifyNew();
    return { status: 'failed', newItems: stats.matches, duplicates: stats.duplicates, requests: stats.requests, error, ...(notified ? { notified } : {}) };
  };

  const notifyNew = async () => {
    const fresh = (await deps.store.unnotified()).filter((i) => i.status === 'new');
    const n = notificationFor(fresh, cursor.runId);
    if (!n) return undefined;
    // Marked first: a crash between the two loses one notification rather than showing it twice.
    await deps.store.markNotified(fresh.map((i) => i.key), deps.now());
    try {
      await deps.notify(n);
    } catch (error) {
      stats.warnings.push(`notification non affichée : ${error instanceof Error ? error.message : String(error)}`);
    }
    return n;
  };

  // BOAMP, page by page, window by window.
  while (cursor.phase === 'boamp') {
    const where = buildBoampWhere(deps.profile, deps.settings.noticeTypes, {
      since: cursor.windowStart,
      ...(cursor.windowEnd ? { until: cursor.windowEnd } : {}),
    });
    const url = boampRecordsUrl({ where, orderBy: 'dateparution, idweb', limit: pageSize, offset: cursor.offset }, deps.boampBase ?? BOAMP_API_BASE);
    await throttled('boamp');
    const res = await fetchJsonWithRetry(deps.fetch, url, { method: 'GET', headers: { Accept: 'application/json' } }, retry, 'API BOAMP');
    if (!res.ok) return fail(res.error);
    const page = BoampResponseSchema.safeParse(res.body);
    if (!page.success) return fail('API BOAMP : réponse au format inattendu (total_count/results absents)');
    const windowDays = daysBetween(cursor.windowStart, cursor.windowEnd ?? addDays(today, 1));
    if (cursor.offset === 0 && page.data.total_count > BOAMP_API_MAX_WINDOW && windowDays > 1) {
      // More than the API lets us page through: read the first half of the window first.
      cursor.windowEnd = addDays(cursor.windowStart, Math.floor(windowDays / 2));
      continue;
    }
    for (const raw of page.data.results) {
      if (!isBoampRecord(raw)) {
        stats.warnings.push('enregistrement BOAMP non reconnu ignoré');
        continue;
      }
      await consider(parseBoampRecord(raw), boampRecordCrossIds(raw));
    }
    cursor.offset += pageSize;
    const exhausted = page.data.results.length === 0 || cursor.offset >= Math.min(page.data.total_count, BOAMP_API_MAX_WINDOW);
    if (exhausted) {
      if (page.data.total_count > BOAMP_API_MAX_WINDOW) stats.warnings.push(`plus de ${BOAMP_API_MAX_WINDOW} avis le ${cursor.windowStart} : liste tronquée`);
      if (cursor.windowEnd) {
        cursor.windowStart = cursor.windowEnd;
        delete cursor.windowEnd;
      } else {
        cursor.phase = deps.settings.includeTed ? 'ted' : 'done';
      }
      cursor.offset = 0;
    }
    await saveCursor();
  }

  // TED (EU notices), page by page.
  while (cursor.phase === 'ted') {
    const req = buildTedSearchRequest({ query: buildTedWatchQuery(deps.profile, cursor.since), page: cursor.tedPage, limit: pageSize });
    await throttled('ted');
    const res = await fetchJsonWithRetry(deps.fetch, req.url, req.init, retry, 'API TED');
    if (!res.ok) return fail(res.error);
    const body = res.body;
    const items = typeof body === 'object' && body !== null && Array.isArray((body as { notices?: unknown }).notices)
      ? ((body as { notices: unknown[] }).notices)
      : undefined;
    if (!items) return fail('API TED : réponse au format inattendu (notices absent)');
    for (const item of items) {
      const notice = tedSearchNoticeToNotice(item);
      if (!notice) continue;
      const procedureId = tedItemProcedureId(item);
      await consider(notice, procedureId ? { procedureId } : {});
    }
    const total = (body as { totalNoticeCount?: unknown }).totalNoticeCount;
    const more = items.length === pageSize && (typeof total !== 'number' || cursor.tedPage * pageSize < total);
    // PAGE_NUMBER pagination stops at 15 000 results (research/eforms.md §14): far above a Régie's daily volume.
    if (more && cursor.tedPage * pageSize < 15_000) cursor.tedPage += 1;
    else cursor.phase = 'done';
    await saveCursor();
  }

  const notified = await notifyNew();
  const current = await deps.store.getState();
  const next: MonitorState = { ...current, key: 'state', lastSuccessAt: cursor.startedAt, lastRunAt: deps.now(), lastRunStats: stats };
  delete next.cursor;
  delete next.lastError;
  delete next.lastErrorAt;
  await deps.store.saveState(next);
  return { status: 'ok', newItems: stats.matches, duplicates: stats.duplicates, requests: stats.requests, ...(notified ? { notified } : {}) };
}
