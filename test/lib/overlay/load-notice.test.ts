import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadNotice } from '@/lib/overlay/load-notice';
import { loadList, type ListRowResult } from '@/lib/overlay/load-list';
import { evaluate } from '@/lib/rules';
import { parseBoampRecord } from '@/lib/sources/boamp';
import { emptyNotice, type Notice } from '@/lib/notice/schema';
import type { AssessedNotice } from '@/lib/messaging/records';

const RECORDS = JSON.parse(readFileSync('test/fixtures/boamp/records/exports-json_2026-01_pdl_4full_TRANSCRIBED.json', 'utf8')) as unknown[];
const fromRecord = (i: number): AssessedNotice => {
  const notice = parseBoampRecord(RECORDS[i]);
  return { notice, assessment: evaluate(notice) };
};
const pageNotice = (): Notice => ({ ...emptyNotice('boamp', '26-3091', 'https://www.boamp.fr/pages/avis/?q=idweb:26-3091', 'html:boamp'), title: 'Lu sur la page' });
const assess = async (n: Notice) => ({ notice: n, assessment: evaluate(n) });

describe('loading a notice page', () => {
  it('prefers the structured record', async () => {
    const r = await loadNotice({ fromRecord: async () => ({ found: fromRecord(1), errors: [] }), fromPage: async () => pageNotice(), assess });
    expect(r.status === 'ready' && r.origin).toBe('record');
    expect(r.status === 'ready' && r.notice.id).toBe('26-3091');
  });

  it('falls back to the page when the record fails, is missing or is too slow, saying why', async () => {
    const failed = await loadNotice({ fromRecord: async () => Promise.reject(new Error('HTTP 500')), fromPage: async () => pageNotice(), assess });
    expect(failed).toMatchObject({ status: 'ready', origin: 'page' });
    expect(failed.status === 'ready' && failed.notes.join(' ')).toMatch(/HTTP 500/);
    const missing = await loadNotice({ fromRecord: async () => ({ errors: [] }), fromPage: async () => pageNotice(), assess });
    expect(missing.status === 'ready' && missing.notes).toEqual(['Fiche structurée introuvable.']);
    const slow = await loadNotice({
      fromRecord: () => new Promise((resolve) => setTimeout(() => resolve({ found: fromRecord(1), errors: [] }), 2_000)),
      fromPage: async () => pageNotice(),
      assess,
      recordTimeoutMs: 50,
    });
    expect(slow).toMatchObject({ status: 'ready', origin: 'page' });
    expect(slow.status === 'ready' && slow.notes.join(' ')).toMatch(/tarde/);
  });

  it('reports a page without notice, and stops when the view is aborted', async () => {
    const none = await loadNotice({ fromPage: async () => undefined, assess });
    expect(none.status).toBe('failed');
    const controller = new AbortController();
    controller.abort();
    expect((await loadNotice({ fromRecord: async () => ({ found: fromRecord(1), errors: [] }), fromPage: async () => pageNotice(), assess, signal: controller.signal })).status).toBe('aborted');
  });
});

describe('loading a results page', () => {
  it('paints row verdicts first, then replaces those the records cover, with one records call', async () => {
    const rows = [pageNotice(), { ...pageNotice(), id: '26-12' }];
    const updates: ListRowResult[][] = [];
    let recordCalls = 0;
    const summary = await loadList({
      rows,
      assessRows: async (ns) => Promise.all(ns.map(assess)),
      records: async (ids) => {
        recordCalls += 1;
        expect(ids).toEqual(['26-3091', '26-12']);
        return { found: [fromRecord(1), fromRecord(3)], errors: [] };
      },
      update: (r) => updates.push(r),
    });
    expect(recordCalls).toBe(1);
    expect(updates[0]?.map((u) => [u.id, u.source])).toEqual([['26-3091', 'row'], ['26-12', 'row']]);
    // 26-5927 was not listed on the page: ignored
    expect(updates[1]?.map((u) => [u.id, u.source])).toEqual([['26-3091', 'record']]);
    expect(summary).toEqual({ rows: 2, fromRecords: 1, errors: [] });
  });

  it('keeps the row verdicts when the records call fails', async () => {
    const updates: ListRowResult[][] = [];
    const summary = await loadList({
      rows: [pageNotice()],
      assessRows: async (ns) => Promise.all(ns.map(assess)),
      records: async () => Promise.reject(new Error('API BOAMP : HTTP 503')),
      update: (r) => updates.push(r),
    });
    expect(updates).toHaveLength(1);
    expect(summary.errors).toEqual(['API BOAMP : HTTP 503']);
  });
});
