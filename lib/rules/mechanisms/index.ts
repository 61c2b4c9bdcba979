import { compileSignals, type SignalSpec } from '../text-signals';
import { abnormallyLowOffer } from './abnormally-low-offer';
import { directAwardRange } from './direct-award-range';
import { innovativePurchase } from './innovative-purchase';
import { insertionMarket } from './insertion-market';
import { overseasYouthHours } from './overseas-youth-hours';
import { priorityTerritory } from './priority-territory';
import { procedureContext } from './procedure-context';
import { regieTrade } from './regie-trade';
import { reservedDisability } from './reserved-disability';
import { reservedEss } from './reserved-ess';
import { reservedPrison } from './reserved-prison';
import { reservedSiae } from './reserved-siae';
import { reservedUnspecified } from './reserved-unspecified';
import { smallLots } from './small-lots';
import { socialClause } from './social-clause';
import { socialConsiderationExpected } from './social-consideration-expected';
import { socialCriterion } from './social-criterion';
import { spaser } from './spaser';
import { sssRegime } from './sss-regime';
import { sustainableNeeds } from './sustainable-needs';
import type { Mechanism } from './types';

/**
 * Registry of legal mechanisms, in evaluation order (a mechanism may read the flags of those before it:
 * social-consideration-expected reads social-clause, reserved-siae and insertion-market).
 */
export const MECHANISMS: readonly Mechanism[] = [
  regieTrade,
  reservedSiae,
  reservedDisability,
  reservedPrison,
  reservedEss,
  reservedUnspecified,
  insertionMarket,
  sssRegime,
  socialClause,
  socialCriterion,
  socialConsiderationExpected,
  smallLots,
  directAwardRange,
  innovativePurchase,
  priorityTerritory,
  procedureContext,
  abnormallyLowOffer,
  sustainableNeeds,
  spaser,
  overseasYouthHours,
];

/** All text signals, de-duplicated by id (several mechanisms share the reservation signal) and compiled once. */
export const COMPILED_SIGNALS = compileSignals(
  [...new Map<string, SignalSpec>(MECHANISMS.flatMap((m) => m.signals).map((s) => [s.id, s])).values()],
);
