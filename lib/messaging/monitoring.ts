import { z } from 'zod';
import { defineMessage } from './protocol';

/**
 * Messages of the monitoring ("veille"): extension pages (options, popup, watchlist) read the inbox and settings
 * from the database directly; they ask the background to run now (one runner, serialised with the alarm) and to
 * re-plan its alarm after the settings changed. Handlers: lib/monitoring/handlers.ts.
 */
export const RunSummarySchema = z.object({
  status: z.enum(['ok', 'failed', 'skipped']),
  newItems: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  error: z.string().optional(),
  /** Why a run was skipped ("veille désactivée"). */
  reason: z.string().optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const RunMonitoringNow = defineMessage('monitoring.runNow', z.object({}), RunSummarySchema);
export const ApplyMonitoringSettings = defineMessage('monitoring.apply', z.object({}), z.object({ nextRunAt: z.number().optional() }));
