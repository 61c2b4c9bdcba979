import type { Handler } from './protocol';
import { watchlistHandlers } from '@/lib/watchlist/handlers';
import { getWatchlistDb } from '@/lib/watchlist/db';
import { recordHandlers } from '@/lib/overlay/record-handlers';
import { getProfile } from '@/lib/watchlist/repository';
import { monitoringHandlers } from '@/lib/monitoring/handlers';
import { monitoringRuntime } from '@/lib/monitoring/background-wiring';

/**
 * The registry of background message handlers: one line per feature (refined-github style).
 * Each feature exports a function building its handlers from the dependencies it needs.
 */
export function backgroundHandlers(): Handler[] {
  return [
    ...watchlistHandlers(getWatchlistDb),
    ...recordHandlers({ fetch: (url, init) => fetch(url, init), loadProfile: () => getProfile(getWatchlistDb()) }),
    ...monitoringHandlers(monitoringRuntime),
    // features add their handlers here, e.g. ...boampRecordHandlers(deps),
  ];
}
