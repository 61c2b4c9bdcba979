import type { Flag } from '../types';
import { formatEuros, thresholdAt, thresholdParameters } from '../thresholds';
import type { SignalSpec } from '../text-signals';
import { evidenceOfHits, isWorks, makeFlag, noticeValue, type Mechanism } from './types';

/**
 * R10 — dispense de publicité et de mise en concurrence (R2122-8): under 40 000 € HT (supplies/services until
 * 2026-03-31), 60 000 € HT from 2026-04-01, works 100 000 € HT (temporary from Dec 2020, permanent from 2026-01-01).
 * The buyer may then ask a Régie directly: an opportunity to get known, not a right.
 */
export const DIRECT_AWARD_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'direct-award',
    anchors: ['2122-8', 'sans publicite ni mise en concurrence', 'demande de devis'],
    pattern: /\br ?\.? ?2122-8(?![-\d])|\bsans publicite ni mise en concurrence prealables?|\bdemandes? de devis\b/,
    // "se réserve la possibilité de confier … des prestations similaires sans publicité (R2122-7)" is not a dispense.
    reject: /similaires|r ?\.? ?2122-7|se reserve|complementaires/,
  },
];

export const directAwardRange: Mechanism = {
  id: 'direct-award-range',
  rules: ['R10'],
  legalBasis: ['CCP art. R2122-8'],
  signals: DIRECT_AWARD_SIGNALS,
  assess(ctx) {
    const { notice } = ctx;
    const works = isWorks(notice);
    const dispense = thresholdAt(works ? 'dispense-works' : 'dispense-supplies-services', ctx.date);
    if (!dispense) return [];
    const value = noticeValue(notice);
    const hits = ctx.hits.filter((h) => h.signal === 'direct-award' && !h.negated);
    const under = value !== undefined && value.amount < dispense.amount;
    if (!under && hits.length === 0) return [];
    const evidence = [...(under && value ? [{ field: value.field, quote: formatEuros(value.amount) }] : []), ...evidenceOfHits(hits, 2)];
    const flag: Flag = makeFlag(
      'direct-award-range',
      'info',
      {
        title: `Sous le seuil de dispense de publicité (${formatEuros(dispense.amount)})`,
        explanation: `${under && value ? `Montant ${formatEuros(value.amount)}, sous` : 'L’avis évoque'} le seuil de ${formatEuros(dispense.amount)} en vigueur à sa date pour ${works ? 'des travaux' : 'des fournitures ou services'} (R2122-8) : l’acheteur peut choisir directement un prestataire pertinent, sans publicité ni mise en concurrence, en variant ses fournisseurs. Une occasion de se faire connaître de l’acheteur (pas un droit).`,
        titleEn: `Below the direct-award threshold (${dispense.amount} €)`,
        explanationEn: 'Below the threshold for contracts without publicity or competition at the notice date: the buyer may approach the Régie directly.',
      },
      ['CCP art. R2122-8'],
      evidence,
      { parameters: { ...thresholdParameters(dispense), ...(value ? { value: value.amount } : {}) } },
    );
    return [flag];
  },
};
