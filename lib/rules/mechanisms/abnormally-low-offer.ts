import type { SignalSpec } from '../text-signals';
import { articleRef } from '../text-signals';
import { evidenceOfHits, makeFlag, type Mechanism } from './types';

/** R15 — offre anormalement basse (R2152-3 to R2152-5): informational; a Régie's price includes supervision and accompaniment. */
export const ABNORMALLY_LOW_SIGNALS: readonly SignalSpec[] = [
  {
    id: 'abnormally-low',
    anchors: ['anormalement', '2152-3', '2152-4', '2152-5'],
    pattern: new RegExp(`\\boffres? anormalement basses?|${articleRef('r', '2152-3')}|${articleRef('r', '2152-4')}|${articleRef('r', '2152-5')}`),
    negatable: false,
  },
];

export const abnormallyLowOffer: Mechanism = {
  id: 'abnormally-low-offer',
  rules: ['R15'],
  legalBasis: ['CCP art. R2152-3', 'CCP art. R2152-4', 'CCP art. R2152-5'],
  signals: ABNORMALLY_LOW_SIGNALS,
  assess(ctx) {
    const hits = ctx.hits.filter((h) => h.signal === 'abnormally-low');
    if (hits.length === 0) return [];
    return [
      makeFlag(
        'abnormally-low-offer',
        'info',
        {
          title: 'Détection des offres anormalement basses annoncée',
          explanation:
            'L’acheteur annonce une méthode de détection des offres anormalement basses. Le prix d’une Régie comprend l’encadrement technique et l’accompagnement des salariés en insertion : il peut paraître élevé face à une entreprise classique, mais il se justifie — préparez le détail du prix.',
          titleEn: 'Abnormally low offers: detection announced',
          explanationEn: 'The buyer announces how it detects abnormally low offers. A Régie’s price includes supervision and accompaniment costs: be ready to explain it.',
        },
        ['CCP art. R2152-3', 'CCP art. R2152-4', 'CCP art. R2152-5'],
        evidenceOfHits(hits, 1),
      ),
    ];
  },
};
