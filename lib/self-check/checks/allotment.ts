import { formatEuros, thresholdAt, thresholdParameters } from '@/lib/rules/thresholds';
import { isWorks } from '@/lib/rules/mechanisms/types';
import { hitEvidence, positiveHits, type CheckContext } from '../context';
import type { SelfCheckItem } from '../types';
import { item } from './item';

/** L2113-10: contracts are allotted unless the buyer gives its reasons (L2113-11) in the consultation documents. */
export function checkAllotmentJustification(ctx: CheckContext): SelfCheckItem {
  const id = 'check-allotment-justification';
  const title = 'Allotissement ou justification du marché global';
  const basis = ['CCP art. L2113-10', 'CCP art. L2113-11'];
  const { notice } = ctx;
  if (notice.noticeType !== 'contract' && notice.noticeType !== 'prior') {
    return item(id, 'non-applicable', title, 'Ce n’est pas un avis de marché.', basis);
  }
  if (notice.lots.length > 1) {
    return item(id, 'ok', title, `Le marché est alloti (${notice.lots.length} lots) : c’est la règle (L2113-10).`, basis, [{ field: 'lots', quote: notice.lots.slice(0, 3).map((l) => l.title || l.id).join(' ; ') }], { lotCount: notice.lots.length });
  }
  const justification = positiveHits(ctx, 'allotment-justification');
  if (justification.length > 0) {
    return item(id, 'ok', title, 'Le marché n’est pas alloti et l’avis en donne la raison, comme l’exige L2113-11.', basis, hitEvidence(justification), { lotCount: notice.lots.length });
  }
  return item(
    id,
    'a-revoir',
    title,
    'Le marché n’est pas alloti et l’avis n’en donne pas la raison. L’allotissement est la règle (L2113-10) ; un marché global doit être motivé dans les documents de la consultation (L2113-11 : prestations non identifiables, allotissement techniquement difficile ou plus coûteux, acheteur incapable d’assurer la coordination). Vérifiez que la justification figure au moins dans le règlement de consultation. Allotir ouvre le marché aux petites structures, dont les SIAE (structures d’insertion par l’activité économique).',
    basis,
    [{ field: 'lots', quote: notice.lots.length === 0 ? 'aucun lot' : `1 lot : ${notice.lots[0]?.title ?? ''}`.slice(0, 200) }],
    { lotCount: notice.lots.length },
  );
}

/**
 * R2123-1 2°: lots below 80 000 € HT (supplies/services) or 1 000 000 € HT (works) may be awarded in MAPA within a
 * formalised contract, as long as their cumulated value stays ≤ 20 % of the total. Checked when the notice uses it.
 */
export function checkSmallLots(ctx: CheckContext): SelfCheckItem {
  const id = 'check-small-lots';
  const title = 'Option « petits lots » et plafond de 20 %';
  const basis = ['CCP art. R2123-1 2°'];
  const { notice } = ctx;
  const works = isWorks(notice);
  const lotLimit = thresholdAt(works ? 'small-lot-mapa-works' : 'small-lot-mapa-supplies-services', ctx.date);
  const cap = thresholdAt('small-lots-cumulative-share', ctx.date);
  const params: Record<string, string | number | boolean> = {};
  if (lotLimit) Object.assign(params, thresholdParameters(lotLimit, 'smallLot'));
  if (cap) Object.assign(params, thresholdParameters(cap, 'cap'));
  const declared = positiveHits(ctx, 'small-lots');
  if (declared.length === 0) {
    return item(id, 'non-applicable', title, `L’avis n’utilise pas l’option des petits lots. Elle permet de passer en procédure adaptée les lots de moins de ${lotLimit ? formatEuros(lotLimit.amount) : '—'} dans un marché formalisé, dans la limite de ${cap?.amount ?? 20} % de la valeur totale.`, basis, [], params);
  }
  const total = ctx.value?.amount;
  const valued = notice.lots.filter((l) => l.estimatedValue?.currency === 'EUR');
  if (!total || !lotLimit || !cap || valued.length === 0) {
    return item(id, 'a-revoir', title, 'L’avis invoque les petits lots mais ne donne pas la valeur de chaque lot et du total : le plafond de 20 % ne peut pas être vérifié. Indiquez la valeur estimée de chaque lot.', basis, hitEvidence(declared), params);
  }
  const small = valued.filter((l) => (l.estimatedValue?.amount ?? Infinity) < lotLimit.amount);
  const smallSum = small.reduce((s, l) => s + (l.estimatedValue?.amount ?? 0), 0);
  const share = Math.round((smallSum / total) * 1000) / 10;
  params.smallLotsSum = smallSum;
  params.smallLotsSharePercent = share;
  const evidence = [...hitEvidence(declared, 1), ...small.slice(0, 3).map((l) => ({ field: `lots[${notice.lots.indexOf(l)}].estimatedValue`, quote: `${l.title || l.id} : ${formatEuros(l.estimatedValue?.amount ?? 0)}` }))];
  if (share <= cap.amount) {
    return item(id, 'ok', title, `Petits lots : ${small.length} lot(s) sous ${formatEuros(lotLimit.amount)}, soit ${formatEuros(smallSum)} = ${share} % du total (${formatEuros(total)}), dans la limite de ${cap.amount} %.`, basis, evidence, params);
  }
  return item(id, 'a-revoir', title, `Petits lots : ${small.length} lot(s) sous ${formatEuros(lotLimit.amount)} totalisent ${formatEuros(smallSum)}, soit ${share} % du total (${formatEuros(total)}) : au-delà du plafond de ${cap.amount} %. Seuls les lots choisis dans la limite de ${cap.amount} % peuvent suivre la procédure adaptée.`, basis, evidence, params);
}
