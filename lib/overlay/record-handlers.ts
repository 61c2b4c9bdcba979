/**
 * Background side of the overlay: answers GetBoampRecords, GetTedNotice and AssessNotices.
 * Everything that touches the outside world is injected (fetch, profile, clock, CPV labels), so the same code
 * runs in the service worker and in Node tests.
 */
import { handle, type Handler } from '@/lib/messaging/protocol';
import { AssessBoampPage, AssessNotices, GetBoampRecords, GetTedNotice, type AssessedNotice } from '@/lib/messaging/records';
import { boampNoticeFromText } from '@/lib/sources/boamp/page';
import type { Notice } from '@/lib/notice/schema';
import { labelCpvList, loadCpvLabels, type CpvLabel } from '@/lib/notice/cpv';
import { evaluate } from '@/lib/rules';
import { DEFAULT_PROFILE, type Profile } from '@/lib/rules/profile';
import { fetchBoampRecords, type FetchFn } from '@/lib/sources/boamp/api';
import { fetchTedNoticeXml, tedNoticePageUrl, type FetchLike } from '@/lib/sources/ted';
import { parseEformsXml } from '@/lib/sources/eforms';
import { TtlCache } from '@/lib/records-cache/ttl-cache';

/** The subset of `fetch` both APIs need (the global `fetch` fits). */
export type RecordFetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; text(): Promise<string> }>;

export interface RecordDeps {
  fetch: RecordFetch;
  /** The user's profile (options page); DEFAULT_PROFILE when unset or unreadable. */
  loadProfile?: () => Promise<Profile>;
  cpvLabels?: () => Promise<ReadonlyMap<string, CpvLabel>>;
  /** Records stay fresh this long (default 6 h: notices change rarely, rectificatifs are new records). */
  cacheTtlMs?: number;
  /** Per-request time limit for the APIs (default 8 s; the content script falls back to the page after that). */
  timeoutMs?: number;
  now?: () => number;
}

export class RecordService {
  private readonly cache: TtlCache<Notice>;
  constructor(private readonly deps: RecordDeps) {
    this.cache = new TtlCache<Notice>({ ttlMs: deps.cacheTtlMs ?? 6 * 3_600_000, ...(deps.now ? { now: deps.now } : {}) });
  }

  private async profile(): Promise<Profile> {
    try {
      return (await this.deps.loadProfile?.()) ?? DEFAULT_PROFILE;
    } catch {
      return DEFAULT_PROFILE;
    }
  }

  private async labels(): Promise<ReadonlyMap<string, CpvLabel> | undefined> {
    try {
      return await (this.deps.cpvLabels ?? loadCpvLabels)();
    } catch {
      return undefined;
    }
  }

  /** CPV labels filled in (French), then the rules: what the overlay displays. */
  async assess(notices: readonly Notice[]): Promise<AssessedNotice[]> {
    const [profile, labels] = await Promise.all([this.profile(), this.labels()]);
    return notices.map((n) => {
      const notice: Notice = labels
        ? { ...n, cpv: labelCpvList(n.cpv, labels), lots: n.lots.map((l) => ({ ...l, cpv: labelCpvList(l.cpv, labels) })) }
        : n;
      return { notice, assessment: evaluate(notice, profile) };
    });
  }

  async boampRecords(ids: readonly string[]): Promise<{ found: AssessedNotice[]; missing: string[]; errors: string[] }> {
    const unique = [...new Set(ids.map((i) => i.trim()))];
    const cached: Notice[] = [];
    const toFetch: string[] = [];
    for (const id of unique) {
      const hit = this.cache.get(`boamp:${id}`);
      if (hit) cached.push(hit);
      else toFetch.push(id);
    }
    let fetched: Notice[] = [];
    let missing: string[] = [];
    let errors: string[] = [];
    if (toFetch.length > 0) {
      const fetchFn: FetchFn = (url, init) => this.deps.fetch(url, init?.signal ? { signal: init.signal } : {});
      const result = await fetchBoampRecords(toFetch, fetchFn, { timeoutMs: this.deps.timeoutMs ?? 8_000 });
      fetched = result.notices;
      missing = result.missing;
      errors = result.errors;
      for (const n of fetched) this.cache.set(`boamp:${n.id}`, n);
    }
    // Keep the order asked for (the page's order).
    const byId = new Map([...cached, ...fetched].map((n) => [n.id, n]));
    const ordered = unique.map((id) => byId.get(id)).filter((n): n is Notice => n !== undefined);
    return { found: await this.assess(ordered), missing, errors };
  }

  async tedNotice(publicationNumber: string): Promise<{ found?: AssessedNotice; errors: string[] }> {
    const key = `ted:${publicationNumber}`;
    let notice = this.cache.get(key);
    if (!notice) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.deps.timeoutMs ?? 8_000);
      try {
        const fetchFn: FetchLike = (url, init) => this.deps.fetch(url, { ...init, signal: controller.signal });
        const xml = await fetchTedNoticeXml(publicationNumber, fetchFn);
        notice = parseEformsXml(xml, tedNoticePageUrl(publicationNumber, 'fr'));
        if (!notice.title && notice.lots.length === 0 && notice.cpv.length === 0) {
          return { errors: [`TED : l’XML de l’avis ${publicationNumber} est illisible`] };
        }
        // The XML's own id may be the notice UUID: the overlay keys TED notices by publication number.
        notice = { ...notice, source: 'ted', id: publicationNumber };
        this.cache.set(key, notice);
      } catch (e) {
        return { errors: [controller.signal.aborted ? 'TED : délai dépassé' : e instanceof Error ? e.message : String(e)] };
      } finally {
        clearTimeout(timer);
      }
    }
    const [found] = await this.assess([notice]);
    return found ? { found, errors: [] } : { errors: ['évaluation impossible'] };
  }
}

/** The three overlay handlers; `backgroundHandlers()` spreads them in. */
export function recordHandlers(deps: RecordDeps): Handler[] {
  const service = new RecordService(deps);
  return [
    handle(GetBoampRecords, ({ ids }) => service.boampRecords(ids)),
    handle(GetTedNotice, ({ publicationNumber }) => service.tedNotice(publicationNumber)),
    handle(AssessNotices, async ({ notices }) => ({ results: await service.assess(notices) })),
    handle(AssessBoampPage, async ({ text, url, header }) => {
      const [assessed] = await service.assess([boampNoticeFromText(text, new URL(url), header)]);
      if (!assessed) throw new Error('évaluation impossible');
      return assessed;
    }),
  ];
}
