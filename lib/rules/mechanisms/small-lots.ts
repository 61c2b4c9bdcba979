import type { Flag } from '../types';
import { formatEuros, thresholdAt, thresholdParameters } from '../thresholds';
import type { SignalSpec } from '../text-signals';
import { isWorks, makeFlag, type Mechanism } from './types';

/**
 * R09 — allotissement and "petits lots": a lot under 80 000 € HT (supplies/services) or 1 000 000 € HT (works) may be
 * awarded in MAPA within a 20 % cumulative cap (R2123-1 2°); under the dispense amount of the date it may even be
 * awarded without publicity (R2122-8 2nd al.). Lot-level: a big contract can still hold a lot a Régie can take.
 */
export const SMALL_LOTS_SIGNALS: readonly SignalSpec[] = [
  { id: 'small-lots', anchors: ['petits lots', '2123-1'], pattern: /\bpetits lots\b|\br ?\.? ?2123-1,? 2 ?°/ },
];

export const smallLots: Mechanism = {
  id: 'small-lots',
  rules: ['R09'],
  legalBasis: ['CCP art. L2113-10', 'CCP art. L2113-11', 'CCP art. R2123-1 2°', 'CCP art. R2122-8'],
  signals: SMALL_LOTS_SIGNALS,
  assess(ctx) {
    const flags: Flag[] = [];
    const { notice } = ctx;
    if (notice.lots.length < 2) return flags;
    const cap = thresholdAt('small-lots-cumulative-share', ctx.date);
    // Share of all small lots in the total value (R2123-1 2° b: ≤ 20 %), when every lot has a value.
    let total = 0;
    let smallTotal = 0;
    let allValued = true;
    for (const lot of notice.lots) {
      const v = lot.estimatedValue;
      if (!v || v.currency !== 'EUR') {
        allValued = false;
        continue;
      }
      const amount = v.max ?? v.amount;
      total += amount;
      const works = isWorks(notice, lot.cpv.length > 0 ? lot.cpv : notice.cpv);
      const bound = thresholdAt(works ? 'small-lot-mapa-works' : 'small-lot-mapa-supplies-services', ctx.date);
      if (bound && amount < bound.amount) smallTotal += amount;
    }
    const sharePercent = allValued && total > 0 ? Math.round((smallTotal / total) * 1000) / 10 : undefined;
    notice.lots.forEach((lot, i) => {
      const v = lot.estimatedValue;
      if (!v || v.currency !== 'EUR') return;
      const amount = v.max ?? v.amount;
      const works = isWorks(notice, lot.cpv.length > 0 ? lot.cpv : notice.cpv);
      const mapa = thresholdAt(works ? 'small-lot-mapa-works' : 'small-lot-mapa-supplies-services', ctx.date);
      const dispense = thresholdAt(works ? 'dispense-works' : 'dispense-supplies-services', ctx.date);
      if (!mapa || amount >= mapa.amount) return;
      const underDispense = dispense !== undefined && amount < dispense.amount;
      flags.push(
        makeFlag(
          'small-lots',
          'info',
          {
            title: `Petit lot accessible : lot ${lot.id} (${formatEuros(amount)})`,
            explanation: `Le lot ${lot.id} (« ${lot.title} ») vaut ${formatEuros(amount)}, sous le seuil des petits lots (${formatEuros(mapa.amount)} pour ${works ? 'des travaux' : 'des fournitures ou services'}) : l’acheteur peut le passer en procédure adaptée, dans la limite de ${cap?.amount ?? 20} % de la valeur totale${underDispense ? `, et même sans publicité ni mise en concurrence puisqu’il est sous le seuil de dispense (${formatEuros(dispense.amount)}) à la date de l’avis` : ''}. Un lot de cette taille est à la portée d’une Régie.`,
            titleEn: `Small lot: lot ${lot.id}`,
            explanationEn: `Lot ${lot.id} is below the small-lot threshold: an adapted procedure is allowed within a 20 % cap; a size a Régie can handle.`,
          },
          ['CCP art. L2113-10', 'CCP art. R2123-1 2°', ...(underDispense ? ['CCP art. R2122-8'] : [])],
          [{ field: `lots[${i}].estimatedValue`, quote: formatEuros(amount) }],
          {
            lotId: lot.id,
            parameters: {
              ...thresholdParameters(mapa, 'smallLot'),
              ...(dispense ? thresholdParameters(dispense, 'dispense') : {}),
              ...(cap ? { cumulativeCapPercent: cap.amount } : {}),
              lotValue: amount,
              underDispense,
              ...(sharePercent !== undefined ? { smallLotsSharePercent: sharePercent, withinCap: sharePercent <= (cap?.amount ?? 20) } : {}),
            },
          },
        ),
      );
    });
    return flags;
  },
};
