import type { SignalSpec } from '../text-signals';
import { evidenceOfHits, makeFlag, type Mechanism } from './types';

/**
 * R17 — SPASER (schéma de promotion des achats publics socialement et écologiquement responsables, L2111-3 / D2111-3):
 * buyers above 50 M€ of yearly purchases (since 2023) must adopt one, with targets for purchases from ESUS, EA, ESAT
 * and SIAE. Buyer-level context, raised when the notice mentions it.
 */
export const SPASER_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'spaser',
    anchors: ['spaser', 'schema de promotion', '2111-3'],
    pattern: /\bspaser\b|\bschema de promotion des achats (?:publics )?socialement|(?:\bl ?\.? ?|\barticles? (?:l ?\.? ?)?)2111-3(?![-\d])/,
    negatable: false,
  },
];

export const spaser: Mechanism = {
  id: 'spaser',
  rules: ['R17'],
  legalBasis: ['CCP art. L2111-3', 'CCP art. D2111-3'],
  signals: SPASER_SIGNALS,
  assess(ctx) {
    const hits = ctx.hits.filter((h) => h.signal === 'spaser');
    if (hits.length === 0) return [];
    return [
      makeFlag(
        'spaser',
        'info',
        {
          title: 'Acheteur doté d’un SPASER (achats socialement responsables)',
          explanation:
            'L’acheteur a un schéma de promotion des achats socialement et écologiquement responsables (SPASER), obligatoire au-delà de 50 M€ d’achats par an : il s’y fixe des objectifs d’achats auprès des SIAE, EA, ESAT et entreprises solidaires. Un argument pour proposer la Régie.',
          titleEn: 'Buyer has a SPASER (socially responsible purchasing plan)',
          explanationEn: 'The buyer has a socially and environmentally responsible purchasing plan with targets for purchases from SIAE, EA/ESAT and social enterprises.',
        },
        ['CCP art. L2111-3', 'CCP art. D2111-3'],
        evidenceOfHits(hits, 1),
        { parameters: { spaserThresholdAmount: 50_000_000, spaserThresholdValidFrom: '2023-01-01' } },
      ),
    ];
  },
};
