import type { Flag } from '../types';
import { thresholdAt, thresholdParameters } from '../thresholds';
import { RESERVATION_SIGNALS, reservationFindings } from './reservation-classifier';
import { makeFlag, type Mechanism } from './types';

/** R02 — réservé aux entreprises adaptées et ESAT (CCP L2113-12). A Régie is NOT eligible, unless the reservation is joint (L2113-14). */
export const reservedDisability: Mechanism = {
  id: 'reserved-disability',
  rules: ['R02'],
  legalBasis: ['CCP art. L2113-12', 'CCP art. R2113-7'],
  signals: RESERVATION_SIGNALS,
  assess(ctx) {
    const share = thresholdAt('reserved-min-share', ctx.date);
    const flags: Flag[] = [];
    for (const f of reservationFindings(ctx)) {
      if (f.kind !== 'disability' && f.kind !== 'joint') continue;
      const joint = f.kind === 'joint';
      const lotWords = f.lotId !== undefined ? `Le lot ${f.lotId} est réservé` : f.textLots ? `Le(s) lot(s) ${f.textLots.join(', ')} sont réservés` : 'Ce marché est réservé';
      flags.push(
        makeFlag(
          'reserved-disability',
          joint ? 'info' : 'warning',
          {
            title: joint ? 'Ouvert aussi aux EA/ESAT (réservation conjointe)' : 'Réservé aux entreprises adaptées et ESAT — hors périmètre d’une Régie',
            explanation: joint
              ? `${lotWords} à la fois aux SIAE et aux entreprises adaptées (EA) et ESAT (établissements et services d’aide par le travail) : la Régie peut répondre, mais les EA/ESAT sont aussi en concurrence.`
              : `${lotWords} aux entreprises adaptées (EA) et ESAT (établissements et services d’aide par le travail), qui emploient au moins ${share?.amount ?? 50} % de travailleurs handicapés. Une Régie de Quartier n’y est pas éligible (sauf en sous-traitance ou en groupement avec une EA/ESAT).`,
            titleEn: joint ? 'Also open to EA/ESAT (joint reservation)' : 'Reserved to sheltered-work operators (EA/ESAT) — Régie not eligible',
            explanationEn: joint
              ? 'Reserved jointly to SIAE and to sheltered-work operators (EA/ESAT): the Régie can bid, EA/ESAT compete too.'
              : `Reserved to sheltered-work operators employing at least ${share?.amount ?? 50} % disabled workers. A Régie de Quartier is not eligible.`,
          },
          joint ? ['CCP art. L2113-14', 'CCP art. L2113-12'] : ['CCP art. L2113-12', 'CCP art. R2113-7'],
          f.evidence,
          {
            ...(f.lotId !== undefined ? { lotId: f.lotId } : {}),
            parameters: {
              reservationType: joint ? 'siae+ea-esat' : 'ea-esat',
              eligible: joint,
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
