import { handle, type Handler } from '@/lib/messaging/protocol';
import { ApplyMonitoringSettings, RunMonitoringNow } from '@/lib/messaging/monitoring';
import type { MonitoringRuntime } from './background-wiring';

/** Background handlers of the monitoring messages; the runtime is the one wired by the background entrypoint. */
export function monitoringHandlers(runtime: () => MonitoringRuntime | undefined): Handler[] {
  return [
    handle(RunMonitoringNow, async () => {
      const r = runtime();
      if (!r) return { status: 'failed' as const, newItems: 0, duplicates: 0, requests: 0, error: 'veille non initialisée' };
      return r.runNow({ manual: true });
    }),
    handle(ApplyMonitoringSettings, async () => {
      const r = runtime();
      const nextRunAt = r ? await r.reschedule() : undefined;
      return nextRunAt !== undefined ? { nextRunAt } : {};
    }),
  ];
}
