import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HttpResponseLike, MonitorFetch } from '@/lib/monitoring/http-retry';

/**
 * A fake of the two APIs serving the recorded responses of test/fixtures/monitoring: BOAMP pages are slices of the
 * assembled v2.1 envelope (offset/limit read from the URL, as the real API does), TED answers its assembled page.
 * `failures` lets a test make given calls fail (HTTP status, or 'network').
 */
const dir = (name: string) => fileURLToPath(new URL(`../../fixtures/monitoring/${name}`, import.meta.url));
export const BOAMP_POOL = JSON.parse(readFileSync(dir('boamp-v21-26records.assembled.json'), 'utf8')) as { total_count: number; results: unknown[] };
export const TED_PAGE = JSON.parse(readFileSync(dir('ted-v3-search-4notices.assembled.json'), 'utf8')) as { notices: unknown[] };

export interface MockCall {
  url: string;
  method: string;
  body?: string;
}

export type Failure = number | 'network' | 'bad-json-shape' | { status: number; retryAfter: string };

function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseLike {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name] ?? headers[name.toLowerCase()] ?? null },
    json: async () => body,
  };
}

export function mockApis(failures: Map<number, Failure> = new Map()): { fetch: MonitorFetch; calls: MockCall[] } {
  const calls: MockCall[] = [];
  const fetch: MonitorFetch = async (url, init) => {
    calls.push({ url, method: init.method, ...(init.body !== undefined ? { body: init.body } : {}) });
    const failure = failures.get(calls.length);
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure === 'bad-json-shape') return response(200, { error: 'unexpected' });
    if (typeof failure === 'number') return response(failure, { error_code: 'x' });
    if (failure) return response(failure.status, {}, { 'Retry-After': failure.retryAfter });
    const u = new URL(url);
    if (u.hostname === 'boamp-datadila.opendatasoft.com') {
      const limit = Number(u.searchParams.get('limit') ?? '10');
      const offset = Number(u.searchParams.get('offset') ?? '0');
      return response(200, { total_count: BOAMP_POOL.total_count, results: BOAMP_POOL.results.slice(offset, offset + limit) });
    }
    if (u.hostname === 'api.ted.europa.eu') return response(200, TED_PAGE);
    return response(404, {});
  };
  return { fetch, calls };
}
