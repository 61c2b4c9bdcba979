import type { Flag } from '../types';
import { RESERVATION_SIGNALS, reservationFindings } from './reservation-classifier';
import { makeFlag, type Mechanism } from './types';

/**
 * R01/R02 when the notice says "réservé" without saying to whom (eForms res-ws, BOAMP MARCHE_RESERVE_OUI, the directive
 * wording "ateliers protégés et opérateurs … personnes handicapées ou défavorisées"): SIAE and/or EA/ESAT, type non précisé.
 */
export const reservedUnspecified: Mechanism = {
  id: 'reserved-unspecified',
  rules: ['R01', 'R02'],
  legalBasis: ['CCP art. L2113-12', 'CCP art. L2113-13'],
  signals: RESERVATION_SIGNALS,
  assess(ctx) {
    const flags: Flag[] = [];
    for (const f of reservationFindings(ctx)) {
      if (f.kind !== 'siae-or-disability' && f.kind !== 'unknown') continue;
      const where = f.lotId !== undefined ? `Le lot ${f.lotId} est réservé` : f.textLots ? `Le(s) lot(s) ${f.textLots.join(', ')} sont réservés` : 'Ce marché est réservé';
      flags.push(
        makeFlag(
          'reserved-unspecified',
          'info',
          {
            title: 'Marché réservé — type non précisé (SIAE et/ou EA/ESAT)',
            explanation: `${where}, mais l’avis ne dit pas clairement à qui : aux SIAE (structures d’insertion par l’activité économique, dont les Régies conventionnées), aux entreprises adaptées et ESAT (handicap), ou aux deux. Vérifiez le règlement de la consultation : la Régie n’est éligible que si les SIAE sont visées.`,
            titleEn: 'Reserved contract — type not stated (SIAE and/or EA/ESAT)',
            explanationEn: 'The notice is reserved but does not say whether to work-integration structures (SIAE), sheltered-work operators (EA/ESAT) or both. Check the tender rules: the Régie is eligible only if SIAE are included.',
          },
          ['CCP art. L2113-12', 'CCP art. L2113-13', 'CCP art. L2113-14'],
          f.evidence,
          {
            ...(f.lotId !== undefined ? { lotId: f.lotId } : {}),
            parameters: { reservationType: f.kind === 'siae-or-disability' ? 'siae-ou-ea-esat' : 'non précisé' },
          },
        ),
      );
    }
    return flags;
  },
};
