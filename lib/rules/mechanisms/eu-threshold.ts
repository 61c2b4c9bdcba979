import type { Notice } from '@/lib/notice/schema';
import { thresholdAt, type ThresholdEntry } from '../thresholds';
import { isWorks } from './types';

/** The EU threshold that applies to a notice on a date: works, utilities, State, or other buyers (sub-central, the default). */
export function euThresholdFor(notice: Notice, date: string): ThresholdEntry | undefined {
  if (isWorks(notice)) return thresholdAt('eu-works', date);
  if (notice.buyer.kind === 'utility') return thresholdAt('eu-utilities-supplies-services', date);
  if (notice.buyer.kind === 'state') return thresholdAt('eu-supplies-services-central', date);
  return thresholdAt('eu-supplies-services-subcentral', date);
}
