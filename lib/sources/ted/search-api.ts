/**
 * TED Search API v3 (anonymous, read-only): request builder and a fetch-injected caller. Pure: the background passes
 * its `fetch`; tests pass a fake. Documentation: https://docs.ted.europa.eu/api/endpoints/ted-europa-eu.html and
 * research/eforms.md §14 (field names used by OP's own client are confirmed; the others come from public clients).
 */
import { z } from 'zod';
import { tedNoticeXmlUrl } from './urls';

export const TED_SEARCH_URL = 'https://api.ted.europa.eu/v3/notices/search';

/**
 * Fields asked for by default: only names seen accepted by the live API (an unknown name fails the whole request) —
 * those of OP's own client (ted-open-data-explorer) and those of a saved real response (test fixture `trf-ted-search-…`).
 * Enough for a list badge; the full picture comes from the notice XML (`tedNoticeXmlUrl`).
 */
export const DEFAULT_TED_FIELDS: readonly string[] = [
  'publication-number',
  'publication-date',
  'notice-type',
  'form-type',
  'procedure-identifier',
  'buyer-country',
  'links',
  'TI',
  'organisation-name-buyer',
  'buyer-city',
  'classification-cpv',
  'main-classification-lot',
  'deadline-receipt-tender-date-lot',
  'deadline-receipt-tender-time-lot',
  'total-value',
  'total-value-cur',
];

export const TedSearchParamsSchema = z.object({
  /** Expert-search query, e.g. `buyer-country=FRA AND classification-cpv IN (90910000 77310000)`. */
  query: z.string().min(1),
  fields: z.array(z.string().min(1)).optional(),
  page: z.number().int().min(1).optional(),
  /** Notices per page; the API caps it at 250. */
  limit: z.number().int().min(1).max(250).optional(),
  scope: z.enum(['ALL', 'ACTIVE', 'LATEST']).optional(),
});
export type TedSearchParams = z.infer<typeof TedSearchParamsSchema>;

export interface TedSearchRequest {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string };
}

/** The POST request for one page of results. Throws only on invalid parameters (a programming error). */
export function buildTedSearchRequest(params: TedSearchParams): TedSearchRequest {
  const p = TedSearchParamsSchema.parse(params);
  const body = {
    query: p.query,
    fields: p.fields ?? [...DEFAULT_TED_FIELDS],
    page: p.page ?? 1,
    limit: p.limit ?? 50,
    scope: p.scope ?? 'ALL',
    paginationMode: 'PAGE_NUMBER',
    checkQuerySyntax: false,
  };
  return {
    url: TED_SEARCH_URL,
    init: { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) },
  };
}

/** Quote a value for the expert query language (double quotes, escaped). */
function quoted(v: string): string {
  return `"${v.replace(/["\\]/g, '')}"`;
}

/** Query for every notice of one publication number or one procedure (BT-04). */
export function tedQueryForPublication(publicationNumber: string): string {
  return `publication-number=${quoted(publicationNumber)}`;
}
export function tedQueryForProcedure(procedureId: string): string {
  return `procedure-identifier=${quoted(procedureId)}`;
}

/**
 * Query for the daily watch: French buyers, given CPV codes (8 digits, or shorter prefixes followed by `*`),
 * published since a date (YYYY-MM-DD), newest first.
 */
export function tedQueryForWatch(opts: { cpv: readonly string[]; since: string; country?: string }): string {
  const parts = [`buyer-country=${opts.country ?? 'FRA'}`];
  const cpv = opts.cpv.map((c) => c.replace(/[^0-9*]/g, '')).filter((c) => c !== '');
  if (cpv.length > 0) parts.push(`classification-cpv IN (${cpv.join(' ')})`);
  const since = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.since);
  if (since) parts.push(`publication-date>=${since[1]!}${since[2]!}${since[3]!}`);
  return `${parts.join(' AND ')} SORT BY publication-date DESC`;
}

/** A minimal fetch signature, so lib/ does not depend on the DOM lib's `fetch`. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; text(): Promise<string> }>;

/** Run one search page. Resolves with the raw JSON (parse it with `parseTedSearchResult`) or rejects with a French message. */
export async function searchTed(params: TedSearchParams, fetchFn: FetchLike): Promise<unknown> {
  const req = buildTedSearchRequest(params);
  const res = await fetchFn(req.url, req.init);
  if (!res.ok) throw new Error(`API TED : réponse HTTP ${res.status}`);
  return res.json();
}

/** Fetch a notice's eForms XML. */
export async function fetchTedNoticeXml(publicationNumber: string, fetchFn: FetchLike, xmlUrl?: string): Promise<string> {
  const res = await fetchFn(xmlUrl ?? tedNoticeXmlUrl(publicationNumber), { method: 'GET', headers: { Accept: 'application/xml' } });
  if (!res.ok) throw new Error(`TED : XML de l’avis ${publicationNumber} indisponible (HTTP ${res.status})`);
  return res.text();
}
