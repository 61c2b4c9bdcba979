import type { Flag } from '../types';
import { DATED_OBLIGATIONS, formatEuros, thresholdParameters } from '../thresholds';
import { euThresholdFor } from './eu-threshold';
import { makeFlag, noticeValue, type Mechanism } from './types';

/**
 * R07 — loi 2021-1104 art. 35: contracts at or above the EU thresholds must include an execution condition about social
 * or employment considerations, for consultations launched from 22 Aug 2026 at the latest. The article number (cited as
 * L2112-2-1) and the derogation list are UNVERIFIED: the flag never says "illegal", only "expected but absent".
 * Runs after social-clause and the reserved-* mechanisms (registry order) to know whether a social measure was found.
 */
export const socialConsiderationExpected: Mechanism = {
  id: 'social-consideration-expected',
  rules: ['R07', 'R11'],
  legalBasis: ['loi 2021-1104 art. 35', 'CCP art. L2112-2-1 (numéro non vérifié)'],
  signals: [],
  assess(ctx) {
    const rule = DATED_OBLIGATIONS.socialConsiderationAboveEu;
    const { notice } = ctx;
    if (ctx.date < rule.validFrom) return [];
    if (notice.noticeType !== 'contract' && notice.noticeType !== 'prior') return [];
    const value = noticeValue(notice);
    const eu = euThresholdFor(notice, ctx.date);
    if (!value || !eu || value.amount < eu.amount) return [];
    const present = ctx.earlier.some((f) => ['social-clause', 'reserved-siae', 'insertion-market'].includes(f.id));
    const parameters = {
      ...thresholdParameters(eu, 'eu'),
      obligationFrom: rule.validFrom,
      articleNumberUnverified: true,
      value: value.amount,
      present,
    };
    const flag: Flag = makeFlag(
      'social-consideration-expected',
      present ? 'info' : 'warning',
      present
        ? {
            title: 'Considération sociale obligatoire au-dessus des seuils européens : présente',
            explanation: `Montant ${formatEuros(value.amount)} ≥ seuil européen ${formatEuros(eu.amount)} en vigueur à la date de l’avis : depuis le 22 août 2026, l’acheteur doit prévoir une condition d’exécution sociale ou liée à l’emploi (loi Climat et résilience, art. 35 ; article du code cité comme L2112-2-1, numéro non vérifié). L’avis en comporte une.`,
            titleEn: 'Mandatory social consideration above EU thresholds: present',
            explanationEn: 'Above EU thresholds and published from 22 Aug 2026: a social/employment execution condition is required, and the notice has one. (Code article number L2112-2-1 unverified.)',
          }
        : {
            title: 'Considération sociale attendue mais absente de l’avis',
            explanation: `Montant ${formatEuros(value.amount)} ≥ seuil européen ${formatEuros(eu.amount)} en vigueur à la date de l’avis : depuis le 22 août 2026, une condition d’exécution sociale ou liée à l’emploi est attendue (loi Climat et résilience, art. 35 ; article du code cité comme L2112-2-1, numéro non vérifié), sauf dérogation motivée ou consultation lancée avant cette date. L’avis n’en mentionne pas : regardez le CCAP, une clause d’insertion peut y figurer — à demander à l’acheteur.`,
            titleEn: 'Social consideration expected but not found',
            explanationEn: 'Above EU thresholds and published from 22 Aug 2026: a social/employment execution condition is expected unless the buyer derogates or launched the procedure earlier. None is mentioned in the notice; check the contract documents. (Article number L2112-2-1 unverified.)',
          },
      ['loi 2021-1104 art. 35', 'CCP art. L2112-2-1 (numéro non vérifié)'],
      [{ field: value.field, quote: formatEuros(value.amount) }],
      { parameters },
    );
    return [flag];
  },
};
