import type { SignalSpec } from '../text-signals';
import { articleRef } from '../text-signals';
import { evidenceOfHits, makeFlag, type Mechanism } from './types';

/**
 * R16 — needs defined with sustainable-development objectives, social dimension included (L2111-1; technical
 * specifications L2111-2). Low signal: only raised when the notice cites it in a social sentence.
 */
export const SUSTAINABLE_NEEDS_SIGNALS: readonly SignalSpec[] = [
  { id: 'sustainable-needs', anchors: ['2111-1', '2111-2'], pattern: new RegExp(`${articleRef('l', '2111-1')}|${articleRef('l', '2111-2')}`) },
];

const SOCIAL = /insertion|social|emploi|defavoris|handicap|chomage/;

export const sustainableNeeds: Mechanism = {
  id: 'sustainable-needs',
  rules: ['R16'],
  legalBasis: ['CCP art. L2111-1', 'CCP art. L2111-2'],
  signals: SUSTAINABLE_NEEDS_SIGNALS,
  assess(ctx) {
    const hits = ctx.hits.filter((h) => h.signal === 'sustainable-needs' && !h.negated && SOCIAL.test(h.sentence));
    if (hits.length === 0) return [];
    return [
      makeFlag(
        'sustainable-needs',
        'info',
        {
          title: 'Besoin défini avec des objectifs sociaux (développement durable)',
          explanation:
            'L’acheteur rattache ce marché à ses objectifs de développement durable, dimension sociale comprise (définition du besoin). C’est le point d’appui d’une démarche de « sourcing » : présenter la Régie à l’acheteur avant ses prochains achats.',
          titleEn: 'Need defined with social sustainable-development objectives',
          explanationEn: 'The buyer ties this contract to sustainable-development objectives including social ones: a hook to introduce the Régie before future purchases.',
        },
        ['CCP art. L2111-1', 'CCP art. L2111-2'],
        evidenceOfHits(hits, 1),
      ),
    ];
  },
};
