import type { Flag } from '../types';
import { DATED_OBLIGATIONS } from '../thresholds';
import { RESERVATION_SIGNALS, reservationFindings } from './reservation-classifier';
import { makeFlag, type Mechanism } from './types';

/** R03 — réservé aux opérateurs employant des personnes détenues en établissement pénitentiaire (CCP L2113-13-1). Régie not eligible. */
export const reservedPrison: Mechanism = {
  id: 'reserved-prison',
  rules: ['R03'],
  legalBasis: ['CCP art. L2113-13-1', 'CCP art. R2113-7'],
  signals: RESERVATION_SIGNALS,
  assess(ctx) {
    const flags: Flag[] = [];
    for (const f of reservationFindings(ctx)) {
      if (f.kind !== 'prison') continue;
      flags.push(
        makeFlag(
          'reserved-prison',
          'warning',
          {
            title: 'Réservé aux opérateurs en établissement pénitentiaire — hors périmètre',
            explanation: `${f.lotId !== undefined ? `Le lot ${f.lotId} est réservé` : 'Ce marché est réservé'} aux opérateurs qui font travailler des personnes détenues, dans le cadre des activités de production réalisées en établissement pénitentiaire. Une Régie de Quartier n’y est pas éligible.`,
            titleEn: 'Reserved to operators employing prisoners — not eligible',
            explanationEn: 'Reserved to operators employing detainees inside prison establishments. A Régie de Quartier is not eligible.',
          },
          ['CCP art. L2113-13-1', 'CCP art. L2113-14 al. 2', 'CCP art. R2113-7'],
          f.evidence,
          {
            ...(f.lotId !== undefined ? { lotId: f.lotId } : {}),
            parameters: { reservationType: 'prison', eligible: false, inForceFrom: DATED_OBLIGATIONS.prisonReservation.validFrom },
          },
        ),
      );
    }
    return flags;
  },
};
