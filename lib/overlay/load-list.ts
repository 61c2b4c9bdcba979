/**
 * Badges of a results page: first from each row's own text (fast, partial), then — one batched request for all
 * listed ids — from the structured records, which replace the row-based verdicts they cover. Steps are
 * injected; `update` is called as results arrive. Never rejects.
 */
import type { Notice } from '@/lib/notice/schema';
import type { AssessedNotice } from '@/lib/messaging/records';

export interface ListRowResult {
  id: string;
  assessed: AssessedNotice;
  source: 'row' | 'record';
}

export interface ListLoadSteps {
  rows: readonly Notice[];
  /** Assess row notices (background). */
  assessRows: (notices: Notice[]) => Promise<AssessedNotice[]>;
  /** One batched record request for all ids; may be absent (source without an API). */
  records?: (ids: string[]) => Promise<{ found: AssessedNotice[]; errors: string[] }>;
  update: (results: ListRowResult[]) => void;
  signal?: AbortSignal;
}

export interface ListLoadSummary {
  rows: number;
  fromRecords: number;
  errors: string[];
}

export async function loadList(steps: ListLoadSteps): Promise<ListLoadSummary> {
  const summary: ListLoadSummary = { rows: steps.rows.length, fromRecords: 0, errors: [] };
  if (steps.rows.length === 0) return summary;
  const ids = steps.rows.map((r) => r.id);
  // Start the record request at once: rows and records travel in parallel.
  const recordsPromise = steps.records?.(ids).catch((e: unknown) => ({ found: [], errors: [e instanceof Error ? e.message : String(e)] }));
  try {
    const assessed = await steps.assessRows([...steps.rows]);
    if (steps.signal?.aborted) return summary;
    steps.update(assessed.map((a) => ({ id: a.notice.id, assessed: a, source: 'row' as const })));
  } catch (e) {
    summary.errors.push(e instanceof Error ? e.message : String(e));
  }
  if (!recordsPromise) return summary;
  const records = await recordsPromise;
  if (steps.signal?.aborted) return summary;
  summary.errors.push(...records.errors);
  const wanted = new Set(ids);
  const found = records.found.filter((a) => wanted.has(a.notice.id));
  summary.fromRecords = found.length;
  if (found.length > 0) steps.update(found.map((a) => ({ id: a.notice.id, assessed: a, source: 'record' as const })));
  return summary;
}
