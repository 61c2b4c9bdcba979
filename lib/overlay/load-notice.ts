/**
 * How a notice page gets its assessment: the structured record first (through the background: BOAMP API, TED
 * XML), and the page itself when the record cannot be had in time (API down, slow, unknown id). The steps are
 * injected functions, so this runs in Node tests and in the content script alike. Never rejects.
 */
import type { Notice } from '@/lib/notice/schema';
import type { Assessment } from '@/lib/rules/types';
import type { AssessedNotice } from '@/lib/messaging/records';

export interface NoticeLoadSteps {
  /** Ask the background for the structured record; resolves undefined (or rejects) when it has none. */
  fromRecord?: () => Promise<{ found?: AssessedNotice; errors: string[] } | undefined>;
  /**
   * Read the page (waiting for late rendering first); undefined when the page shows no notice. May return the
   * notice already assessed (when the background read the page text), then `assess` is skipped.
   */
  fromPage: () => Promise<Notice | AssessedNotice | undefined>;
  /** Assess a notice read from the page (background: CPV labels + rules). */
  assess: (notice: Notice) => Promise<Assessment | AssessedNotice>;
  /** Give up on the record after this long (default 6 s) and read the page. */
  recordTimeoutMs?: number;
  signal?: AbortSignal;
}

export type NoticeLoadResult =
  | { status: 'ready'; notice: Notice; assessment: Assessment; origin: 'record' | 'page'; notes: string[] }
  | { status: 'failed'; notes: string[] }
  | { status: 'aborted' };

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => resolve('timeout'), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export async function loadNotice(steps: NoticeLoadSteps): Promise<NoticeLoadResult> {
  const notes: string[] = [];
  if (steps.fromRecord) {
    try {
      const answer = await withTimeout(steps.fromRecord(), steps.recordTimeoutMs ?? 6_000);
      if (steps.signal?.aborted) return { status: 'aborted' };
      if (answer === 'timeout') notes.push('La fiche structurée tarde à répondre : avis lu sur la page.');
      else if (answer?.found) return { status: 'ready', ...answer.found, origin: 'record', notes };
      else notes.push(...(answer?.errors.length ? answer.errors : ['Fiche structurée introuvable.']));
    } catch (e) {
      notes.push(`Fiche structurée indisponible : ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (steps.signal?.aborted) return { status: 'aborted' };
  try {
    const read = await steps.fromPage();
    if (steps.signal?.aborted) return { status: 'aborted' };
    if (!read) return { status: 'failed', notes: [...notes, 'Aucun avis lisible sur cette page.'] };
    if ('assessment' in read) return { status: 'ready', notice: read.notice, assessment: read.assessment, origin: 'page', notes };
    const notice = read;
    const assessed = await steps.assess(notice);
    if (steps.signal?.aborted) return { status: 'aborted' };
    return 'notice' in assessed
      ? { status: 'ready', notice: assessed.notice, assessment: assessed.assessment, origin: 'page', notes }
      : { status: 'ready', notice, assessment: assessed, origin: 'page', notes };
  } catch (e) {
    return { status: 'failed', notes: [...notes, `Lecture de la page impossible : ${e instanceof Error ? e.message : String(e)}`] };
  }
}
