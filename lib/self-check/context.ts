import type { Notice } from '@/lib/notice/schema';
import type { Assessment, Evidence, Flag } from '@/lib/rules/types';
import { noticeSegments, quoteFor, scanSignals, type Hit } from '@/lib/rules/text-signals';
import { euThresholdFor } from '@/lib/rules/mechanisms/eu-threshold';
import { noticeValue } from '@/lib/rules/mechanisms/types';
import type { ThresholdEntry } from '@/lib/rules/thresholds';
import { COMPILED_SELF_CHECK_SIGNALS } from './signals';

/** What every check sees: the notice, the date its parameters are read at, the rules core's flags, and its own text hits. */
export interface CheckContext {
  notice: Notice;
  date: string;
  assessment: Assessment;
  hits: readonly Hit[];
  value: { amount: number; field: string } | undefined;
  eu: ThresholdEntry | undefined;
}

export function buildContext(notice: Notice, date: string, assessment: Assessment): CheckContext {
  const hits = scanSignals(noticeSegments(notice), COMPILED_SELF_CHECK_SIGNALS);
  return { notice, date, assessment, hits, value: noticeValue(notice), eu: euThresholdFor(notice, date) };
}

/** Non-negated hits of one self-check signal. */
export function positiveHits(ctx: CheckContext, signal: string): Hit[] {
  return ctx.hits.filter((h) => h.signal === signal && !h.negated);
}

export function hitEvidence(hits: readonly Hit[], max = 2): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const quote = quoteFor(h);
    if (seen.has(quote)) continue;
    seen.add(quote);
    out.push({ field: h.segment.field, quote });
    if (out.length >= max) break;
  }
  return out;
}

export function flagsOf(ctx: CheckContext, ...ids: string[]): Flag[] {
  return ctx.assessment.flags.filter((f) => ids.includes(f.id));
}

/** Fields that are structured indexation (codes, enums, markers), as opposed to free text the buyer wrote. */
const STRUCTURED_FIELD = /^(?:socialSignals|reserved|cpv|estimatedValue|criteria\[\d+\]$|lots\[\d+\]\.(?:reserved|strategic|criteria\[\d+\]$|cpv|estimatedValue))/;

export function isStructuredField(field: string | undefined): boolean {
  return field !== undefined && STRUCTURED_FIELD.test(field);
}

/** Split a flag list's evidence into structured and text evidence. */
export function evidenceBySide(flags: readonly Flag[]): { structured: Evidence[]; text: Evidence[] } {
  const structured: Evidence[] = [];
  const text: Evidence[] = [];
  for (const f of flags) for (const e of f.evidence) (isStructuredField(e.field) ? structured : text).push(e);
  return { structured, text };
}

/** Procedure family from the notice's procedure label (BOAMP/eForms/portal wordings). */
export type ProcedureFamily = 'mapa' | 'open' | 'restricted' | 'negotiated' | 'other' | 'unknown';

export function procedureFamily(procedure: string | undefined): ProcedureFamily {
  if (!procedure) return 'unknown';
  const p = procedure.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (/adapte|mapa|\bneg-w-call\b/.test(p)) return 'mapa';
  if (/restreint|restricted/.test(p)) return 'restricted';
  if (/ouvert|\bopen\b/.test(p)) return 'open';
  if (/negoci|dialogue|competitive|neg-/.test(p)) return 'negotiated';
  if (/\bnc\b/.test(p)) return 'unknown';
  return 'other';
}

/** Whole days between two ISO dates (date parts only). */
export function daysBetween(fromIso: string, toIso: string): number {
  const a = Date.UTC(Number(fromIso.slice(0, 4)), Number(fromIso.slice(5, 7)) - 1, Number(fromIso.slice(8, 10)));
  const b = Date.UTC(Number(toIso.slice(0, 4)), Number(toIso.slice(5, 7)) - 1, Number(toIso.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}
