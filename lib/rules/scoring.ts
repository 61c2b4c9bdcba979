import type { Notice } from '@/lib/notice/schema';
import { normalizeText } from '@/lib/notice/normalize';
import type { Flag, LotAssessment, Verdict } from './types';
import type { Profile, Trade } from './profile';

/**
 * Verdict and score (research/rules.md §2 "Combination logic"): in scope = a Régie trade (R19) on the notice or a lot;
 * opportunity = in scope + an eligible lever (SIAE or joint reservation, ESS reservation, insertion market, social
 * clause, social criterion, priority territory); excluded = reserved to EA/ESAT only or to prisons. The profile shifts
 * verdict and score; it never removes a flag.
 */

const LEVER_POINTS: Record<string, number> = {
  'reserved-siae': 45,
  'insertion-market': 45,
  'reserved-ess': 30,
  'reserved-unspecified': 20,
  'social-clause': 25,
  'social-criterion': 20,
  'priority-territory': 15,
  'small-lots': 5,
  'direct-award-range': 5,
  'sss-regime': 5,
  'innovative-purchase': 3,
};
const STRONG_LEVERS = new Set(['reserved-siae', 'insertion-market', 'reserved-ess']);
const OPPORTUNITY_LEVERS = new Set(['reserved-siae', 'insertion-market', 'reserved-ess', 'social-clause', 'social-criterion', 'priority-territory']);

function isEligibleLever(f: Flag, profile: Profile): boolean {
  if (f.id === 'reserved-siae') return profile.iaeApproved;
  return OPPORTUNITY_LEVERS.has(f.id);
}

function isExclusion(f: Flag): boolean {
  return (f.id === 'reserved-disability' && f.parameters?.eligible === false) || f.id === 'reserved-prison';
}

function inProfileTrade(f: Flag, profile: Profile): boolean {
  return f.id === 'regie-trade' && profile.trades.includes(f.parameters?.trade as Trade);
}

interface Judgement {
  verdict: Verdict;
  score: number;
}

function judge(flags: readonly Flag[], profile: Profile): Judgement {
  const inScope = flags.some((f) => inProfileTrade(f, profile)) || flags.some((f) => f.id === 'insertion-market');
  const excluded = flags.some(isExclusion) && !flags.some((f) => f.id === 'reserved-siae');
  const levers = flags.filter((f) => isEligibleLever(f, profile));
  const strong = levers.some((f) => STRONG_LEVERS.has(f.id));
  let score = inScope ? 30 : 0;
  const counted = new Set<string>();
  for (const f of flags) {
    if (counted.has(f.id)) continue;
    counted.add(f.id);
    if (f.id === 'reserved-siae' && !profile.iaeApproved) continue;
    score += LEVER_POINTS[f.id] ?? 0;
  }
  let verdict: Verdict;
  if (excluded) verdict = 'no';
  else if (inScope && levers.length > 0) verdict = 'opportunity';
  else if (inScope || strong || flags.some((f) => f.id === 'reserved-unspecified')) verdict = 'maybe';
  else verdict = 'no';
  if (excluded) score = Math.min(score, 10);
  return { verdict, score };
}

const ORDER: Verdict[] = ['no', 'maybe', 'opportunity'];
function downgrade(v: Verdict): Verdict {
  return ORDER[Math.max(0, ORDER.indexOf(v) - 1)] ?? 'no';
}
function best(a: Verdict, b: Verdict): Verdict {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** Keep the score inside its verdict's band so the badge and the number never disagree. */
function band(verdict: Verdict, score: number): number {
  const s = Math.round(Math.max(0, Math.min(100, score)));
  if (verdict === 'opportunity') return Math.max(60, s);
  if (verdict === 'maybe') return Math.max(25, Math.min(59, s));
  return Math.min(24, s);
}

export function lotAssessments(notice: Notice, flags: readonly Flag[], profile: Profile): LotAssessment[] {
  const noticeLevel = flags.filter((f) => f.lotId === undefined);
  return notice.lots.map((lot) => {
    const own = flags.filter((f) => f.lotId === lot.id);
    // A lot inherits the notice-level levers; it inherits the notice's trade only when it has no trade of its own
    // information (no CPV, no trade words) — a lot with its own CPV is judged on it.
    const hasOwnTradeInfo = lot.cpv.length > 0 || own.some((f) => f.id === 'regie-trade');
    const inherited = noticeLevel.filter((f) => f.id !== 'regie-trade' || !hasOwnTradeInfo);
    const { verdict } = judge([...own, ...inherited], profile);
    return { lotId: lot.id, verdict, flags: own };
  });
}

export function verdictAndScore(notice: Notice, flags: readonly Flag[], lots: readonly LotAssessment[], profile: Profile): Judgement {
  let { verdict, score } = judge(flags.filter((f) => f.lotId === undefined || !isExclusion(f)), profile);
  // Notice-level exclusions apply; a lot-level exclusion does not sink the other lots.
  if (flags.some((f) => f.lotId === undefined && isExclusion(f)) && !flags.some((f) => f.id === 'reserved-siae')) verdict = 'no';
  if (lots.length > 0) {
    const bestLot = lots.reduce<Verdict>((acc, l) => best(acc, l.verdict), 'no');
    verdict = flags.some((f) => f.lotId === undefined && isExclusion(f)) ? verdict : best(verdict, bestLot);
    if (lots.every((l) => l.verdict === 'no') && lots.some((l) => l.flags.some(isExclusion))) verdict = 'no';
  }
  // Award and correction notices cannot be answered: market intelligence only.
  if (notice.noticeType === 'award') verdict = 'no';
  // Profile: territory, value range, keywords (never removes flags).
  const dept = notice.place.department;
  if (dept && profile.departments.length > 0 && !profile.departments.includes(dept)) {
    verdict = downgrade(verdict);
    score -= 30;
  }
  const value = notice.estimatedValue?.amount;
  if (value !== undefined && profile.valueRange) {
    const { min, max } = profile.valueRange;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      verdict = downgrade(verdict);
      score -= 15;
    }
  }
  const hasKeywords = (profile.excludeKeywords?.length ?? 0) + (profile.includeKeywords?.length ?? 0) > 0;
  const object = hasKeywords ? normalizeText(`${notice.title} ${notice.description ?? ''}`) : '';
  if (profile.excludeKeywords?.some((k) => k.trim() && object.includes(normalizeText(k.trim())))) {
    verdict = downgrade(verdict);
    score -= 20;
  }
  if (profile.includeKeywords?.some((k) => k.trim() && object.includes(normalizeText(k.trim())))) {
    if (verdict === 'no' && notice.noticeType !== 'award') verdict = 'maybe';
    score += 10;
  }
  return { verdict, score: band(verdict, score) };
}
