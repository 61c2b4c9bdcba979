import type { Flag } from '../types';
import { DATED_OBLIGATIONS, formatEuros, thresholdAt, thresholdParameters } from '../thresholds';
import { euThresholdFor } from './eu-threshold';
import { makeFlag, noticeValue, type Mechanism } from './types';

/**
 * R11 — procedure by value (context for the other flags): under the EU threshold of the notice date the buyer may use a
 * procédure adaptée (MAPA, negotiation possible, R2123-1 1°); at or above it a formalised procedure (R2124-1).
 * Publicity tiers: free under 90 000 € HT, BOAMP/JAL from 90 000 € HT (R2131-12), JOUE above the EU threshold.
 */
export const procedureContext: Mechanism = {
  id: 'procedure-context',
  rules: ['R11'],
  legalBasis: ['CCP art. R2123-1 1°', 'CCP art. R2124-1', 'CCP art. R2131-12'],
  signals: [],
  assess(ctx) {
    const { notice } = ctx;
    if (notice.noticeType !== 'contract' && notice.noticeType !== 'prior') return [];
    const value = noticeValue(notice);
    const eu = euThresholdFor(notice, ctx.date);
    const pub = thresholdAt('publicity-boamp-jal', ctx.date);
    if (!value || !eu) return [];
    const above = value.amount >= eu.amount;
    const flag: Flag = makeFlag(
      'procedure-context',
      'info',
      above
        ? {
            title: `Au-dessus du seuil européen (${formatEuros(eu.amount)}) : procédure formalisée`,
            explanation: `Montant ${formatEuros(value.amount)} ≥ seuil européen en vigueur à la date de l’avis : appel d’offres ou autre procédure formalisée, publicité au JOUE, pas de négociation en appel d’offres (sauf services sociaux et spécifiques, passés en procédure adaptée quel que soit le montant).${ctx.date >= DATED_OBLIGATIONS.socialConsiderationAboveEu.validFrom ? ' Depuis le 22 août 2026, une condition d’exécution sociale y est attendue.' : ''}`,
            titleEn: 'Above the EU threshold: formal procedure',
            explanationEn: 'At or above the EU threshold of the notice date: formal procedure and EU publication; no negotiation in an open procedure.',
          }
        : {
            title: `Sous le seuil européen (${formatEuros(eu.amount)}) : procédure adaptée possible`,
            explanation: `Montant ${formatEuros(value.amount)} < seuil européen en vigueur à la date de l’avis : l’acheteur peut passer une procédure adaptée (MAPA), souvent avec négociation — l’occasion d’expliquer le projet d’insertion de la Régie.${pub && value.amount < pub.amount ? ` Sous ${formatEuros(pub.amount)}, la publicité est libre (site de l’acheteur, presse locale).` : ''}`,
            titleEn: 'Below the EU threshold: adapted procedure possible',
            explanationEn: 'Below the EU threshold of the notice date: adapted procedure (MAPA), often with negotiation.',
          },
      above ? ['CCP art. R2124-1', 'CCP art. R2131-16'] : ['CCP art. R2123-1 1°', 'CCP art. R2131-12'],
      [{ field: value.field, quote: formatEuros(value.amount) }],
      { parameters: { ...thresholdParameters(eu, 'eu'), ...(pub ? thresholdParameters(pub, 'publicity') : {}), value: value.amount, aboveEu: above } },
    );
    return [flag];
  },
};
