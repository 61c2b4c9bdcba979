import type { Flag } from '../types';
import { thresholdAt, thresholdParameters } from '../thresholds';
import { RESERVATION_SIGNALS, reservationFindings } from './reservation-classifier';
import { makeFlag, type Mechanism } from './types';

/** R01 — marché ou lot réservé aux SIAE (CCP L2113-13, R2113-7 : 50 % de travailleurs défavorisés). Joint reservations (L2113-14) too. */
export const reservedSiae: Mechanism = {
  id: 'reserved-siae',
  rules: ['R01', 'R02'],
  legalBasis: ['CCP art. L2113-13', 'CCP art. R2113-7'],
  signals: RESERVATION_SIGNALS,
  assess(ctx) {
    const share = thresholdAt('reserved-min-share', ctx.date);
    const flags: Flag[] = [];
    for (const f of reservationFindings(ctx)) {
      if (f.kind !== 'siae' && f.kind !== 'joint') continue;
      const joint = f.kind === 'joint';
      const where = f.lotId !== undefined ? `Le lot ${f.lotId} est réservé` : f.textLots ? `Le(s) lot(s) ${f.textLots.join(', ')} sont réservés` : 'Ce marché est réservé';
      const eligible = ctx.profile.iaeApproved
        ? 'Une Régie de Quartier conventionnée IAE (ACI ou EI) peut répondre'
        : "Votre profil indique que la Régie n'est pas conventionnée IAE : elle ne peut répondre qu'en groupement avec une SIAE";
      flags.push(
        makeFlag(
          'reserved-siae',
          'strong',
          {
            title: joint ? 'Réservé aux SIAE et aux EA/ESAT (réservation conjointe)' : 'Réservé aux SIAE (structures d’insertion par l’activité économique)',
            explanation: `${where} aux structures d’insertion par l’activité économique (SIAE : ACI, EI, ETTI, AI)${joint ? ' et, dans la même procédure, aux entreprises adaptées et ESAT' : ''}, qui emploient au moins ${share?.amount ?? 50} % de travailleurs défavorisés. ${eligible} ; la concurrence est limitée aux SIAE${joint ? ' et aux EA/ESAT' : ''}.`,
            titleEn: joint ? 'Reserved to SIAE and EA/ESAT (joint reservation)' : 'Reserved to work-integration enterprises (SIAE)',
            explanationEn: `${f.lotId !== undefined ? `Lot ${f.lotId} is` : 'This contract is'} reserved to work-integration structures employing at least ${share?.amount ?? 50} % disadvantaged workers${joint ? ', jointly with sheltered-work operators (EA/ESAT)' : ''}. A Régie de Quartier approved for IAE can bid; competition is limited.`,
          },
          joint ? ['CCP art. L2113-14', 'CCP art. L2113-13', 'CCP art. L2113-12', 'CCP art. R2113-7'] : ['CCP art. L2113-13', 'CCP art. R2113-7'],
          f.evidence,
          {
            ...(f.lotId !== undefined ? { lotId: f.lotId } : {}),
            parameters: {
              reservationType: joint ? 'siae+ea-esat' : 'siae',
              eligible: ctx.profile.iaeApproved,
              ...(f.textLots ? { lots: f.textLots.join(',') } : {}),
              ...(share ? thresholdParameters(share, 'minShare') : {}),
            },
          },
        ),
      );
    }
    return flags;
  },
};
