import type { Notice } from '@/lib/notice/schema';
import type { Evidence, Flag, Severity } from '../types';
import type { Profile } from '../profile';
import type { Hit, Segment, SignalSpec } from '../text-signals';
import { quoteFor } from '../text-signals';

/** What every mechanism sees: the parsed notice, the judging date, the text hits (scanned once) and structured markers. */
export interface RuleContext {
  notice: Notice;
  /** YYYY-MM-DD: publication date, or the date given, or today. */
  date: string;
  profile: Profile;
  segments: readonly Segment[];
  hits: readonly Hit[];
  /** The notice title, normalised (normalizeText). */
  titleText: string;
  /** Lower-cased socialSignals. */
  socialSignals: ReadonlySet<string>;
  /** Lot id for a lot number written in the text ("3" → "LOT-0003"), when the notice has that lot. */
  lotIdForNumber(n: string): string | undefined;
  /** Flags already produced by earlier mechanisms (registry order), for mechanisms that depend on others. */
  earlier: readonly Flag[];
}

export interface Mechanism {
  id: string;
  /** Rule ids of research/rules.md covered (R01…R19). */
  rules: readonly string[];
  legalBasis: readonly string[];
  signals: readonly SignalSpec[];
  assess(ctx: RuleContext): Flag[];
}

export function hitsOf(ctx: RuleContext, signal: string): Hit[] {
  return ctx.hits.filter((h) => h.signal === signal);
}

export function hasSignal(ctx: RuleContext, ...values: string[]): string | undefined {
  for (const v of values) if (ctx.socialSignals.has(v.toLowerCase())) return v;
  return undefined;
}

export function evidenceOfHit(hit: Hit): Evidence {
  return { field: hit.segment.field, quote: quoteFor(hit) };
}

/** Distinct evidence (same quote once), at most `max`. */
export function evidenceOfHits(hits: readonly Hit[], max = 3): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const ev = evidenceOfHit(h);
    const key = ev.quote ?? ev.field ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ev);
    if (out.length >= max) break;
  }
  return out;
}

export interface FlagText {
  title: string;
  explanation: string;
  titleEn: string;
  explanationEn: string;
}

export function makeFlag(
  id: string,
  severity: Severity,
  text: FlagText,
  legalBasis: readonly string[],
  evidence: Evidence[],
  extra: { lotId?: string; parameters?: Record<string, string | number | boolean> } = {},
): Flag {
  const flag: Flag = { id, severity, ...text, legalBasis: [...legalBasis], evidence };
  if (extra.lotId !== undefined) flag.lotId = extra.lotId;
  if (extra.parameters && Object.keys(extra.parameters).length > 0) flag.parameters = extra.parameters;
  return flag;
}

/**
 * Split hits by the lots they name: hits naming existing lots go to those lots, the others are notice-level.
 * Lot numbers that the notice does not list stay notice-level and are returned in `unknownLots`.
 */
export function groupHitsByLot(
  ctx: RuleContext,
  hits: readonly Hit[],
): { notice: Hit[]; byLot: Map<string, Hit[]>; unknownLots: Set<string> } {
  const notice: Hit[] = [];
  const byLot = new Map<string, Hit[]>();
  const unknownLots = new Set<string>();
  for (const h of hits) {
    if (h.segment.lotId !== undefined) {
      const arr = byLot.get(h.segment.lotId) ?? [];
      arr.push(h);
      byLot.set(h.segment.lotId, arr);
      continue;
    }
    const ids: string[] = [];
    for (const n of h.lots) {
      const id = ctx.lotIdForNumber(n);
      if (id !== undefined) ids.push(id);
      else unknownLots.add(n);
    }
    if (ids.length === 0) {
      notice.push(h);
      continue;
    }
    for (const id of ids) {
      const arr = byLot.get(id) ?? [];
      arr.push(h);
      byLot.set(id, arr);
    }
  }
  return { notice, byLot, unknownLots };
}

/** The notice's value in € HT: its estimated value, else the sum of the lots' values when every lot has one. */
export function noticeValue(notice: Notice): { amount: number; field: string } | undefined {
  if (notice.estimatedValue && notice.estimatedValue.currency === 'EUR') {
    return { amount: notice.estimatedValue.max ?? notice.estimatedValue.amount, field: 'estimatedValue' };
  }
  if (notice.lots.length > 0 && notice.lots.every((l) => l.estimatedValue?.currency === 'EUR')) {
    let sum = 0;
    for (const l of notice.lots) sum += l.estimatedValue?.max ?? l.estimatedValue?.amount ?? 0;
    return { amount: sum, field: 'lots[].estimatedValue' };
  }
  return undefined;
}

/** Works when the notice says so, or when the main CPV is in division 45. */
export function isWorks(notice: Notice, cpvs = notice.cpv): boolean {
  if (notice.contractNature) return notice.contractNature === 'works';
  const main = cpvs.find((c) => c.main) ?? cpvs[0];
  return main !== undefined && main.code.startsWith('45');
}
