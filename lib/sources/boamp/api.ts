/**
 * The BOAMP open-data API (Opendatasoft Explore v2.1, dataset `boamp`): pure URL builders and response
 * parsing; the network call takes an injected `fetch` so that it runs in the background worker, in Node and
 * in tests alike. Limits of the API: `limit` ≤ 100 per page, `offset + limit` ≤ 10 000.
 */
import { z } from 'zod';
import type { Notice } from '@/lib/notice/schema';
import { isBoampRecord, parseBoampRecord } from './records/record';

export const BOAMP_API_BASE = 'https://boamp-datadila.opendatasoft.com/api/explore/v2.1/catalog/datasets/boamp/records';
export const BOAMP_API_MAX_LIMIT = 100;
export const BOAMP_API_MAX_WINDOW = 10_000;

/** idweb as BOAMP writes it: "26-12", "24-76932", legacy "BXP06181020621O". */
const IDWEB = /^(\d{2}-\d+|B[WX]P[0-9A-Z]+)$/;

export function isIdweb(value: string): boolean {
  return IDWEB.test(value);
}

export interface BoampQuery {
  /** ODSQL filter, e.g. `idweb in ("26-12","26-13")`, `dateparution >= date'2026-11-01'`. */
  where?: string;
  orderBy?: string;
  select?: string;
  limit?: number;
  offset?: number;
}

/** Generic records URL (the monitoring helper builds its filters with this). */
export function boampRecordsUrl(query: BoampQuery = {}, base = BOAMP_API_BASE): string {
  const url = new URL(base);
  if (query.select) url.searchParams.set('select', query.select);
  if (query.where) url.searchParams.set('where', query.where);
  if (query.orderBy) url.searchParams.set('order_by', query.orderBy);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 10), 1), BOAMP_API_MAX_LIMIT);
  url.searchParams.set('limit', String(limit));
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
  if (offset > 0) url.searchParams.set('offset', String(Math.min(offset, BOAMP_API_MAX_WINDOW - limit)));
  return url.toString();
}

/** Quote a string for ODSQL ("…" with backslash escapes). */
export function odsqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One notice by idweb. */
export function boampRecordUrlById(idweb: string, base = BOAMP_API_BASE): string {
  return boampRecordsUrl({ where: `idweb=${odsqlString(idweb)}`, limit: 1 }, base);
}

/**
 * Batches of idwebs, one query per ≤100 ids (a results page of boamp.fr is 10–100 ids: one query).
 * Invalid ids are dropped (they would make the ODSQL invalid or match nothing).
 */
export function boampRecordUrlsByIds(ids: readonly string[], base = BOAMP_API_BASE): string[] {
  const valid = [...new Set(ids.map((i) => i.trim()).filter(isIdweb))];
  const urls: string[] = [];
  for (let i = 0; i < valid.length; i += BOAMP_API_MAX_LIMIT) {
    const batch = valid.slice(i, i + BOAMP_API_MAX_LIMIT);
    urls.push(boampRecordsUrl({ where: `idweb in (${batch.map(odsqlString).join(',')})`, limit: batch.length }, base));
  }
  return urls;
}

/** The v2.1 response envelope; records themselves are checked by `isBoampRecord` and parsed leniently. */
export const BoampResponseSchema = z.object({
  total_count: z.number().int().nonnegative(),
  results: z.array(z.unknown()),
});
export type BoampResponse = z.infer<typeof BoampResponseSchema>;

export interface BoampFetchResult {
  notices: Notice[];
  /** Requested ids the API did not return. */
  missing: string[];
  errors: string[];
}

/** Parse one v2.1 response body (never throws). */
export function parseBoampResponse(body: unknown): { notices: Notice[]; total: number; errors: string[] } {
  const parsed = BoampResponseSchema.safeParse(body);
  if (!parsed.success) return { notices: [], total: 0, errors: ['réponse de l’API BOAMP inattendue (enveloppe)'] };
  const records = parsed.data.results.filter(isBoampRecord);
  const errors = records.length < parsed.data.results.length ? [`${parsed.data.results.length - records.length} élément(s) non reconnus`] : [];
  return { notices: records.map(parseBoampRecord), total: parsed.data.total_count, errors };
}

export type FetchFn = (url: string, init?: { signal?: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface FetchOptions {
  signal?: AbortSignal;
  /** Per-request time limit (default 15 s). */
  timeoutMs?: number;
}

/** Fetch the records of these idwebs (batched), parse them; network problems become `errors`, never throws. */
export async function fetchBoampRecords(ids: readonly string[], fetchFn: FetchFn, options: FetchOptions = {}): Promise<BoampFetchResult> {
  const result: BoampFetchResult = { notices: [], missing: [], errors: [] };
  const invalid = ids.filter((i) => !isIdweb(i.trim()));
  if (invalid.length > 0) result.errors.push(`identifiant(s) invalide(s) ignoré(s) : ${invalid.slice(0, 5).join(', ')}`);
  for (const url of boampRecordUrlsByIds(ids)) {
    if (options.signal?.aborted) {
      result.errors.push('requête annulée');
      break;
    }
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000);
    try {
      const res = await fetchFn(url, { signal: controller.signal });
      if (!res.ok) {
        result.errors.push(`API BOAMP : HTTP ${res.status}`);
        continue;
      }
      const page = parseBoampResponse(await res.json());
      result.notices.push(...page.notices);
      result.errors.push(...page.errors);
    } catch (e) {
      result.errors.push(
        controller.signal.aborted ? 'API BOAMP : délai dépassé ou requête annulée' : `API BOAMP : ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
  const found = new Set(result.notices.map((n) => n.id));
  result.missing = [...new Set(ids.map((i) => i.trim()).filter(isIdweb))].filter((i) => !found.has(i));
  return result;
}
