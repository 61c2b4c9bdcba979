import type { Notice } from '@/lib/notice/schema';
import type { Assessment } from '@/lib/rules/types';
import type { AssessedNotice } from '@/lib/messaging/records';
import type { ListItem } from '@/lib/sources/types';
import { loadNotice, type NoticeLoadResult, type NoticeLoadSteps } from '@/lib/overlay/load-notice';
import { withPopupLots } from '@/lib/sources/atexo/lots-popup';
import { readPage, type ReadOptions } from './read-page';
import type { AnalyseResult } from './result';

/**
 * The page side of the portals overlay and of "Analyser cette page": read the page, have the background assess what
 * was read (it holds the profile and the CPV labels), prefer the linked BOAMP record when there is one, show it with
 * the overlay's panel and list badges (H6's mount). Orchestration only: the document, the URL and every
 * browser-bound action are parameters, so it runs in Node tests.
 */
export interface OverlayMount {
  /** Shows the panel (pending at once, then the result of `load`). */
  notice(load: () => Promise<NoticeLoadResult>): Promise<void>;
  /** Shows a badge on each row `readRows` returns (called again when the page adds rows). */
  list(readRows: () => ListItem[]): Promise<void>;
}

export interface AnalyseDeps {
  /** Assess notices in the background (AssessNotices message), same order as given. */
  assess(notices: Notice[]): Promise<AssessedNotice[]>;
  /** BOAMP records by idweb (GetBoampRecords message); absent → the page is used. */
  boampRecords?(ids: string[]): Promise<{ found: AssessedNotice[]; errors: string[] }>;
  mount: OverlayMount;
  /** Fetch and parse a same-origin page (Atexo lots popup); absent → lots stay as the recap gives them. */
  fetchPage?(url: URL): Promise<Document | undefined>;
  signal?: AbortSignal;
}

/** BOAMP idweb the page links to ("link:boamp:24-47259", recorded by the portal sources in raw.fieldsUsed). */
export function linkedBoampId(notice: Notice): string | undefined {
  const link = notice.raw.fieldsUsed.find((f) => f.startsWith('link:boamp:'));
  return link ? link.slice('link:boamp:'.length) : undefined;
}

/** How a notice read on a portal page gets its assessment: the linked BOAMP record first, else the page. */
export function portalNoticeSteps(notice: Notice, deps: Omit<AnalyseDeps, 'mount'>, page?: { doc: Document; url: URL }): NoticeLoadSteps {
  const fetchPage = deps.fetchPage;
  const boampId = linkedBoampId(notice);
  const records = deps.boampRecords;
  return {
    ...(boampId && records
      ? {
          fromRecord: async () => {
            const r = await records([boampId]);
            const found = r.found.find((f) => f.notice.id === boampId) ?? r.found[0];
            return { ...(found ? { found } : {}), errors: r.errors };
          },
        }
      : {}),
    fromPage: () => (page && fetchPage ? withPopupLots(notice, page.doc, page.url, fetchPage) : Promise.resolve(notice)),
    assess: async (n) => {
      const [a] = await deps.assess([n]);
      if (!a) throw new Error("pas de réponse de l'analyse");
      return a;
    },
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
}

function topReasons(a: Assessment): string[] {
  const rank = { strong: 0, warning: 1, info: 2 } as const;
  return [...a.flags].sort((x, y) => rank[x.severity] - rank[y.severity]).slice(0, 3).map((f) => f.title);
}

export async function analyseDocument(doc: Document, url: URL, deps: AnalyseDeps, options: ReadOptions): Promise<AnalyseResult> {
  const reading = readPage(doc, url, options);
  if (reading.kind === 'none') return { ok: false, reason: reading.reason };
  try {
    if (reading.kind === 'list') {
      await deps.mount.list(() => {
        const again = readPage(doc, url, options);
        return again.kind === 'list' ? again.items.slice(0, 200) : [];
      });
      return { ok: true, source: reading.source, kind: 'list', title: '', buyer: '', reasons: [], rows: Math.min(reading.items.length, 200) };
    }
    let result: NoticeLoadResult = { status: 'failed', notes: [] };
    await deps.mount.notice(async () => (result = await loadNotice(portalNoticeSteps(reading.notice, deps, { doc, url }))));
    const done = result as NoticeLoadResult;
    if (done.status !== 'ready') {
      return { ok: false, reason: done.status === 'failed' ? done.notes.join(' ') || 'Aucun avis lisible.' : 'Analyse interrompue.' };
    }
    return {
      ok: true,
      source: done.notice.source,
      kind: 'notice',
      title: done.notice.title,
      buyer: done.notice.buyer.name,
      verdict: done.assessment.verdict,
      score: done.assessment.score,
      reasons: topReasons(done.assessment),
    };
  } catch (e) {
    return { ok: false, reason: `Analyse impossible : ${e instanceof Error ? e.message : String(e)}` };
  }
}
