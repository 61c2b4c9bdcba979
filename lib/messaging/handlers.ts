import type { Handler } from './protocol';

/**
 * The registry of background message handlers: one line per feature (refined-github style).
 * Each feature exports a function building its handlers from the dependencies it needs.
 */
export function backgroundHandlers(): Handler[] {
  return [
    // features add their handlers here, e.g. ...boampRecordHandlers(deps),
  ];
}
