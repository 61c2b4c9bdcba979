import type { Notice } from '@/lib/notice/schema';
import type { Assessment } from '@/lib/rules/types';
import type { AssessedNotice } from '@/lib/messaging/records';
import { loadNotice, type NoticeLoadResult } from '@/lib/overlay/load-notice';
import { loadList, type ListRowResult } from '@/lib/overlay/load-list';
import { readPage, type ReadOptions } from './read-page';
import type { AnalyseResult } from './result';

/**
 * The page side of the portals overlay and of "Analyser cette page": read the page, have the background assess what
 * was read (it holds the profile and the CPV labels), prefer the linked BOAMP record when there is one, show it.
 * Orchestration only (H6's loadNotice/loadList do the record-vs-page logic): the document, the URL and every
 * browser-bound action are parameters, so it runs in Node tests.
 */
export interface AnalyseDeps {
  /** Assess notices in the background (AssessNotices message), same order as given. */
  assess(notices: Notice[]): Promise<AssessedNotice[]>;
  /** BOAMP records by idweb (GetBoampRecords message); absent → the page is used. */
  boampRecords?(ids: string[]): Promise<{ found: AssessedNotice[]; errors: string[] }>;
  /** Show the overlay state of one notice (loading, ready, failed). */
  showNotice(state: NoticeLoadResult | { status: 'loading' }): void;
  /** Show badges on list rows (called again when better results arrive). */
  showList?(rows: { element: Element; result: ListRowResult }[]): void;
  /** Tell the background which notice this tab shows (popup, watch button). */
  remember?(notice: Notice, assessment: Assessment): Promise<unknown>;
  signal?: AbortSignal;
}

/** BOAMP idweb the page links to ("link:boamp:24-47259", recorded by the portal sources in raw.fieldsUsed). */
export function linkedBoampId(notice: Notice): string | undefined {
  const link = notice.raw.fieldsUsed.find((f) => f.startsWith('link:boamp:'));
  return link ? link.slice('link:boamp:'.length) : undefined;
}

function topReasons(a: Assessment): string[] {
  const rank = { strong: 0, warning: 1, info: 2 } as const;
  return [...a.flags].sort((x, y) => rank[x.severity] - rank[y.severity]).slice(0, 3).map((f) => f.title);
}

export async function analyseDocument(doc: Document, url: URL, deps: AnalyseDeps, options: ReadOptions = {}): Promise<AnalyseResult> {
  const reading = readPage(doc, url, options);
  if (reading.kind === 'none') return { ok: false, reason: reading.reason };
  try {
    if (reading.kind === 'notice') {
      deps.showNotice({ status: 'loading' });
      const boampId = linkedBoampId(reading.notice);
      const records = deps.boampRecords;
      const result = await loadNotice({
        ...(boampId && records
          ? {
              fromRecord: async () => {
                const r = await records([boampId]);
                return { ...(r.found[0] ? { found: r.found[0] } : {}), errors: r.errors };
              },
            }
          : {}),
        fromPage: () => Promise.resolve(reading.notice),
        assess: async (notice) => {
          const [a] = await deps.assess([notice]);
          if (!a) throw new Error("pas de réponse de l'analyse");
          return a;
        },
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      deps.showNotice(result);
      if (result.status !== 'ready') {
        return { ok: false, reason: result.status === 'failed' ? result.notes.join(' ') : 'Analyse interrompue.' };
      }
      await deps.remember?.(result.notice, result.assessment).catch(() => undefined);
      return {
        ok: true,
        source: result.notice.source,
        kind: 'notice',
        title: result.notice.title,
        buyer: result.notice.buyer.name,
        verdict: result.assessment.verdict,
        score: result.assessment.score,
        reasons: topReasons(result.assessment),
      };
    }
    const items = reading.items.slice(0, 200);
    const byId = new Map(items.map((i) => [i.notice.id, i.element]));
    const latest = new Map<string, ListRowResult>();
    await loadList({
      rows: items.map((i) => i.notice),
      assessRows: (notices) => deps.assess(notices),
      update: (results) => {
        for (const r of results) latest.set(r.id, r);
        deps.showList?.(results.flatMap((result) => {
          const element = byId.get(result.id);
          return element ? [{ element, result }] : [];
        }));
      },
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const best = [...latest.values()].sort((x, y) => y.assessed.assessment.score - x.assessed.assessment.score)[0];
    return {
      ok: true,
      source: reading.source,
      kind: 'list',
      title: best?.assessed.notice.title ?? '',
      buyer: best?.assessed.notice.buyer.name ?? '',
      verdict: best?.assessed.assessment.verdict ?? 'no',
      score: best?.assessed.assessment.score ?? 0,
      reasons: best ? topReasons(best.assessed.assessment) : [],
      rows: latest.size,
    };
  } catch (e) {
    return { ok: false, reason: `Analyse impossible : ${e instanceof Error ? e.message : String(e)}` };
  }
}
