import { NoticeSchema, type Notice } from '@/lib/notice/schema';
import { evaluate } from '@/lib/rules';
import { buildContext, type CheckContext } from './context';
import { checkAllotmentJustification, checkSmallLots } from './checks/allotment';
import { checkSocialIndexation } from './checks/consistency';
import { checkCriteriaWeights, checkSocialCriterionMeasurable, checkWeightingVsGuide } from './checks/criteria';
import { checkPublicationChannel, checkTenderDeadline } from './checks/deadline-publicity';
import { checkEuSocialEnvironmental } from './checks/eu-social-environmental';
import { checkInsertionMarketProcedure, checkSssEuPublication } from './checks/insertion-market';
import { item } from './checks/item';
import { checkEssReservation, checkReservationConsistency, checkReservedShare } from './checks/reservation';
import { suggestionsFor } from './suggestions';
import { CHECK_STATUSES, type CheckStatus, type SelfCheckItem, type SelfCheckReport } from './types';

/**
 * Buyer self-check (issue 8): the same Notice the Régie side reads, turned into a report addressed to the buyer.
 * Parameters (thresholds, obligations) are those in force on the notice's publication date, or `date` when given,
 * or today for a draft. Pure, never throws: a check that fails internally becomes a warning.
 */

type Check = (ctx: CheckContext) => SelfCheckItem;

/** Registry, in the order the report shows them (one line per check). */
export const CHECKS: readonly { id: string; run: Check }[] = [
  { id: 'check-eu-social-environmental', run: checkEuSocialEnvironmental },
  { id: 'check-allotment-justification', run: checkAllotmentJustification },
  { id: 'check-small-lots', run: checkSmallLots },
  { id: 'check-reservation-consistency', run: checkReservationConsistency },
  { id: 'check-ess-reservation', run: checkEssReservation },
  { id: 'check-reserved-share', run: checkReservedShare },
  { id: 'check-insertion-market-procedure', run: checkInsertionMarketProcedure },
  { id: 'check-sss-eu-publication', run: checkSssEuPublication },
  { id: 'check-criteria-weights', run: checkCriteriaWeights },
  { id: 'check-social-criterion-measurable', run: checkSocialCriterionMeasurable },
  { id: 'check-weighting-vs-guide', run: checkWeightingVsGuide },
  { id: 'check-tender-deadline', run: checkTenderDeadline },
  { id: 'check-publication-channel', run: checkPublicationChannel },
  { id: 'check-social-indexation', run: checkSocialIndexation },
];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function emptySummary(): Record<CheckStatus, number> {
  const s = {} as Record<CheckStatus, number>;
  for (const k of CHECK_STATUSES) s[k] = 0;
  return s;
}

export function selfCheck(input: unknown, date?: string): SelfCheckReport {
  const parsed = NoticeSchema.safeParse(input);
  const given = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined;
  if (!parsed.success) {
    return {
      noticeId: '',
      noticeTitle: '',
      buyerName: '',
      noticeUrl: '',
      judgedAt: given ?? today(),
      judgedAtSource: given ? 'given' : 'today',
      checks: [],
      suggestions: [],
      summary: emptySummary(),
      warnings: [`Avis illisible : ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join(' ; ')}`],
    };
  }
  const notice: Notice = parsed.data;
  const published = notice.publishedAt?.slice(0, 10);
  const judgedAt = given ?? published ?? today();
  const judgedAtSource = given ? 'given' : published ? 'publication' : 'today';
  const warnings: string[] = [];
  const assessment = evaluate(notice, undefined, judgedAt);
  const ctx = buildContext(notice, judgedAt, assessment);
  const checks: SelfCheckItem[] = [];
  for (const c of CHECKS) {
    try {
      checks.push(c.run(ctx));
    } catch (e) {
      warnings.push(`Vérification « ${c.id} » non faite (erreur interne : ${e instanceof Error ? e.message : String(e)})`);
      checks.push(item(c.id, 'a-revoir', 'Vérification non faite', 'Une erreur interne a empêché cette vérification ; les autres restent valables.', []));
    }
  }
  let suggestions: SelfCheckReport['suggestions'] = [];
  try {
    suggestions = suggestionsFor(ctx);
  } catch (e) {
    warnings.push(`Suggestions non calculées (${e instanceof Error ? e.message : String(e)})`);
  }
  const summary = emptySummary();
  for (const c of checks) summary[c.status] += 1;
  if (!published && !given) warnings.push('Date de publication inconnue : les seuils du jour sont utilisés (projet d’avis).');
  return {
    noticeId: notice.id,
    noticeTitle: notice.title,
    buyerName: notice.buyer.name,
    noticeUrl: notice.url,
    judgedAt,
    judgedAtSource,
    checks,
    suggestions,
    summary,
    warnings,
  };
}

export { reportToMarkdown } from './markdown';
export type { SelfCheckReport, SelfCheckItem, CheckStatus } from './types';
