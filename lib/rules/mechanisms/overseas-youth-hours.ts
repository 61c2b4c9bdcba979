import type { SignalSpec } from '../text-signals';
import { articleRef } from '../text-signals';
import { evidenceOfHits, makeFlag, type Mechanism } from './types';

/**
 * R18 — outre-mer (Guadeloupe, Guyane, Martinique, La Réunion, Mayotte, Saint-Barthélemy, Saint-Martin,
 * Saint-Pierre-et-Miquelon): where youth unemployment is ≥ 1.5 × the national rate, buyers may require a minimum share
 * of hours for young local jobseekers (L2691-1, R2691-1). Raised for overseas notices citing it or carrying a social clause.
 */
export const OVERSEAS_SIGNALS: readonly SignalSpec[] = [
  { id: 'overseas-youth', anchors: ['2691-1'], pattern: new RegExp(`${articleRef('l', '2691-1')}|${articleRef('r', '2691-1')}`) },
];

const OVERSEAS_DEPARTMENT = /^97[1-8]$/;

export const overseasYouthHours: Mechanism = {
  id: 'overseas-youth-hours',
  rules: ['R18'],
  legalBasis: ['CCP art. L2691-1', 'CCP art. R2691-1'],
  signals: OVERSEAS_SIGNALS,
  assess(ctx) {
    const hits = ctx.hits.filter((h) => h.signal === 'overseas-youth' && !h.negated);
    const dept = ctx.notice.place.department;
    const overseas = (dept !== undefined && OVERSEAS_DEPARTMENT.test(dept)) || /^FRY/.test(ctx.notice.place.nuts ?? '');
    const clause = ctx.earlier.some((f) => f.id === 'social-clause');
    if (hits.length === 0 && !(overseas && clause)) return [];
    return [
      makeFlag(
        'overseas-youth-hours',
        'info',
        {
          title: 'Outre-mer : part d’heures réservée aux jeunes demandeurs d’emploi',
          explanation:
            'Dans les collectivités d’outre-mer où le chômage des jeunes dépasse 1,5 fois la moyenne nationale, l’acheteur peut imposer une part minimale d’heures de travail pour les jeunes demandeurs d’emploi du territoire. Une Régie ultramarine peut proposer ses salariés en insertion.',
          titleEn: 'Overseas: hours reserved for young jobseekers',
          explanationEn: 'Overseas, where youth unemployment is at least 1.5 times the national rate, buyers may reserve a share of hours for young local jobseekers.',
        },
        ['CCP art. L2691-1', 'CCP art. R2691-1'],
        hits.length > 0 ? evidenceOfHits(hits, 1) : [{ field: 'place.department', quote: dept ?? ctx.notice.place.nuts ?? '' }],
      ),
    ];
  },
};
