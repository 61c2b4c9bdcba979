import type { Flag } from '../types';
import { thresholdAt, thresholdParameters } from '../thresholds';
import { isArt77Cpv } from '../social-service-cpv';
import { RESERVATION_SIGNALS, reservationFindings } from './reservation-classifier';
import { makeFlag, type Mechanism } from './types';

/** R04 — réservé aux entreprises de l'ESS pour des services sociaux listés (CCP L2113-15, L2113-16 : ≤ 3 ans). */
export const reservedEss: Mechanism = {
  id: 'reserved-ess',
  rules: ['R04'],
  legalBasis: ['CCP art. L2113-15', 'CCP art. L2113-16'],
  signals: RESERVATION_SIGNALS,
  assess(ctx) {
    const maxYears = thresholdAt('ess-max-duration-years', ctx.date);
    const flags: Flag[] = [];
    for (const f of reservationFindings(ctx)) {
      if (f.kind !== 'ess') continue;
      const lot = f.lotId !== undefined ? ctx.notice.lots.find((l) => l.id === f.lotId) : undefined;
      const cpvs = lot && lot.cpv.length > 0 ? lot.cpv : ctx.notice.cpv;
      const listed = cpvs.filter((c) => isArt77Cpv(c.code)).map((c) => c.code);
      const cpvNote =
        cpvs.length === 0
          ? 'Le code CPV n’est pas connu : vérifiez que le service figure dans la liste des services sociaux (avis annexé au CCP).'
          : listed.length > 0
            ? `Le CPV ${listed.join(', ')} figure dans la liste des services sociaux réservables.`
            : 'Attention : aucun CPV de l’avis ne figure dans la liste des services sociaux réservables (art. 77 de la directive 2014/24).';
      flags.push(
        makeFlag(
          'reserved-ess',
          'strong',
          {
            title: 'Réservé aux entreprises de l’économie sociale et solidaire (ESS)',
            explanation: `${f.lotId !== undefined ? `Le lot ${f.lotId} est réservé` : 'Ce marché est réservé'} aux entreprises de l’ESS qui poursuivent une mission de service public liée au service. Une Régie (association, donc ESS) est éligible si elle n’a pas obtenu sur cette base un marché pour les mêmes services dans les 3 dernières années ; durée du marché : ${maxYears?.amount ?? 3} ans au plus. ${cpvNote}`,
            titleEn: 'Reserved to social and solidarity economy (ESS) organisations',
            explanationEn: 'Reserved to ESS organisations with a public-service mission, for listed social services, at most 3 years. A Régie (association) is eligible unless it won such a reserved contract for the same services in the last 3 years.',
          },
          ['CCP art. L2113-15', 'CCP art. L2113-16'],
          f.evidence,
          {
            ...(f.lotId !== undefined ? { lotId: f.lotId } : {}),
            parameters: {
              reservationType: 'ess',
              cpvListed: listed.length > 0,
              ...(maxYears ? thresholdParameters(maxYears, 'maxDuration') : {}),
            },
          },
        ),
      );
    }
    return flags;
  },
};
