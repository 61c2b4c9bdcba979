import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BOAMP_API_BASE,
  boampRecordUrlById,
  boampRecordUrlsByIds,
  boampRecordsUrl,
  fetchBoampRecords,
  type FetchFn,
  parseBoampResponse,
} from '@/lib/sources/boamp/api';

const FIX = join(__dirname, '../../../fixtures/boamp');
/** The real v2.1 response (2 MAPA records) as the API returned it. */
const realResponse: unknown = JSON.parse(readFileSync(join(FIX, 'records/v21-records_2024-07_MAPA_2full.json'), 'utf8'));

describe('BOAMP API URLs', () => {
  it('one idweb', () => {
    const url = new URL(boampRecordUrlById('24-76932'));
    expect(url.origin + url.pathname).toBe(BOAMP_API_BASE);
    expect(url.searchParams.get('where')).toBe('idweb="24-76932"');
    expect(url.searchParams.get('limit')).toBe('1');
  });
  it('a batch of idwebs in one query, invalid ids dropped, 100 per query', () => {
    const [url] = boampRecordUrlsByIds(['26-12', '26-13', 'x") or 1=1 --', '26-12']);
    expect(new URL(url ?? '').searchParams.get('where')).toBe('idweb in ("26-12","26-13")');
    expect(new URL(url ?? '').searchParams.get('limit')).toBe('2');
    const many = Array.from({ length: 250 }, (_, i) => `26-${i + 1}`);
    expect(boampRecordUrlsByIds(many)).toHaveLength(3);
    expect(boampRecordUrlsByIds(['BXP06181020621O'])).toHaveLength(1);
  });
  it('generic query: where, order_by, limit capped at 100, offset within the 10 000 window', () => {
    const url = new URL(boampRecordsUrl({ where: "dateparution >= date'2026-11-01'", orderBy: 'dateparution desc', limit: 500, offset: 20_000 }));
    expect(url.searchParams.get('where')).toBe("dateparution >= date'2026-11-01'");
    expect(url.searchParams.get('order_by')).toBe('dateparution desc');
    expect(url.searchParams.get('limit')).toBe('100');
    expect(url.searchParams.get('offset')).toBe('9900');
  });
});

describe('BOAMP API responses', () => {
  it('parses the real v2.1 response', () => {
    const page = parseBoampResponse(realResponse);
    expect(page.total).toBe(14615);
    expect(page.notices.map((n) => n.id)).toEqual(['24-76932', '24-76638']);
    expect(page.errors).toEqual([]);
  });
  it('rejects a wrong envelope without throwing', () => {
    expect(parseBoampResponse({ error: 'x' }).errors).toHaveLength(1);
    expect(parseBoampResponse('nope').notices).toEqual([]);
  });
  it('fetches with the injected fetch, reports missing ids and HTTP errors', async () => {
    const calls: string[] = [];
    const fetchFn: FetchFn = async (url) => {
      calls.push(url);
      return { ok: true, status: 200, json: async () => realResponse };
    };
    const r = await fetchBoampRecords(['24-76932', '24-76638', '26-1'], fetchFn);
    expect(calls).toHaveLength(1);
    expect(r.notices).toHaveLength(2);
    expect(r.missing).toEqual(['26-1']);
    const failing: FetchFn = async () => ({ ok: false, status: 503, json: async () => ({}) });
    const r2 = await fetchBoampRecords(['26-1'], failing);
    expect(r2.errors).toEqual(['API BOAMP : HTTP 503']);
    const throwing: FetchFn = async () => {
      throw new Error('réseau coupé');
    };
    expect((await fetchBoampRecords(['26-1'], throwing)).errors[0]).toContain('réseau coupé');
  });
  it('times out and honours an abort signal', async () => {
    const hanging: FetchFn = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const r = await fetchBoampRecords(['26-1'], hanging, { timeoutMs: 20 });
    expect(r.errors[0]).toContain('délai dépassé');
    const controller = new AbortController();
    controller.abort();
    const r2 = await fetchBoampRecords(['26-1'], hanging, { signal: controller.signal });
    expect(r2.errors).toContain('requête annulée');
  });
});
