import { formatDateFr } from '@/lib/notice/dates';
import { DATED_OBLIGATIONS, formatEuros, thresholdParameters } from '@/lib/rules/thresholds';
import type { Evidence } from '@/lib/rules/types';
import { flagsOf, hitEvidence, positiveHits, type CheckContext } from '../context';
import type { SelfCheckItem } from '../types';
import { item } from './item';

const ID = 'check-eu-social-environmental';
const BASIS = [
  'loi 2021-1104 art. 35',
  'CCP art. L2112-2-1 (numéro d’article à confirmer)',
  'CCP art. L2152-7 (critère environnemental)',
];

/**
 * Loi Climat et résilience (2021-1104) art. 35: above the EU thresholds, from 22 August 2026 at the latest, a contract
 * must have a social/employment execution condition, an environmental execution condition and at least one
 * environmental award criterion. The code article number is cited as L2112-2-1 but was not verified (rules.md R07).
 */
export function checkEuSocialEnvironmental(ctx: CheckContext): SelfCheckItem {
  const rule = DATED_OBLIGATIONS.socialConsiderationAboveEu;
  const params: Record<string, string | number | boolean> = { obligationFrom: rule.validFrom, articleNumberUnverified: true };
  if (ctx.eu) Object.assign(params, thresholdParameters(ctx.eu, 'eu'));
  const title = 'Au-dessus des seuils européens : condition sociale, condition environnementale et critère environnemental';
  if (ctx.date < rule.validFrom) {
    return item(ID, 'non-applicable', title, `L’obligation s’applique aux consultations lancées à partir du 22 août 2026 au plus tard ; l’avis est daté du ${formatDateFr(ctx.date)}.`, BASIS, [], params);
  }
  if (ctx.notice.noticeType !== 'contract' && ctx.notice.noticeType !== 'prior') {
    return item(ID, 'non-applicable', title, 'Ce n’est pas un avis de marché : la vérification porte sur l’avis de mise en concurrence.', BASIS, [], params);
  }
  if (!ctx.value || !ctx.eu) {
    return item(ID, 'a-revoir', title, 'La valeur estimée du marché n’est pas indiquée : impossible de savoir si le seuil européen est atteint. Indiquez-la (et vérifiez les trois exigences si le seuil est atteint).', BASIS, [], params);
  }
  params.value = ctx.value.amount;
  if (ctx.value.amount < ctx.eu.amount) {
    return item(ID, 'non-applicable', title, `Valeur estimée ${formatEuros(ctx.value.amount)}, sous le ${ctx.eu.label} (${formatEuros(ctx.eu.amount)} à la date de l’avis) : l’obligation ne s’applique pas.`, BASIS, [{ field: ctx.value.field, quote: formatEuros(ctx.value.amount) }], params);
  }
  const social = flagsOf(ctx, 'social-clause', 'reserved-siae', 'reserved-disability', 'insertion-market', 'reserved-unspecified');
  const envCondition = positiveHits(ctx, 'env-condition');
  const envCriterionStructured = [...ctx.notice.criteria, ...ctx.notice.lots.flatMap((l) => l.criteria)].filter((c) => c.type === 'environmental');
  const envCriterionText = positiveHits(ctx, 'env-criterion');
  const evidence: Evidence[] = [{ field: ctx.value.field, quote: formatEuros(ctx.value.amount) }];
  const missing: string[] = [];
  if (social.length > 0) evidence.push(...(social[0]?.evidence.slice(0, 1) ?? []));
  else missing.push('une condition d’exécution sociale ou liée à l’emploi (ex. clause d’insertion)');
  if (envCondition.length > 0) evidence.push(...hitEvidence(envCondition, 1));
  else missing.push('une condition d’exécution environnementale');
  if (envCriterionStructured.length > 0) evidence.push({ field: 'criteria', quote: envCriterionStructured[0]?.name ?? 'critère environnemental' });
  else if (envCriterionText.length > 0) evidence.push(...hitEvidence(envCriterionText, 1));
  else missing.push('un critère d’attribution environnemental');
  params.socialConditionFound = social.length > 0;
  params.environmentalConditionFound = envCondition.length > 0;
  params.environmentalCriterionFound = envCriterionStructured.length + envCriterionText.length > 0;
  const head = `Valeur estimée ${formatEuros(ctx.value.amount)} ≥ ${ctx.eu.label} (${formatEuros(ctx.eu.amount)} à la date de l’avis), avis publié après le 22 août 2026 : la loi Climat et résilience (art. 35) impose une condition d’exécution sociale, une condition d’exécution environnementale et au moins un critère environnemental. Le numéro d’article du code (cité comme L2112-2-1) reste à confirmer.`;
  if (missing.length === 0) {
    return item(ID, 'ok', title, `${head} Les trois figurent dans l’avis.`, BASIS, evidence, params);
  }
  return item(
    ID,
    'manquant',
    title,
    `${head} L’avis ne mentionne pas : ${missing.join(' ; ')}. S’ils figurent seulement dans le CCAP ou le règlement de consultation, mentionnez-les aussi dans l’avis ; sinon, justifiez la dérogation.`,
    BASIS,
    evidence,
    params,
  );
}
