import type { WatchlistDb } from '@/lib/watchlist/db';
import { getMonitoringSettings, monitoringStore } from '@/lib/watchlist/monitoring-store';
import { getProfile } from '@/lib/watchlist/repository';
import type { RunSummary } from '@/lib/messaging/monitoring';
import type { MonitorFetch } from './http-retry';
import { MONITORING_NOTIFICATION_PREFIX } from './notification-text';
import { runMonitoring } from './run';
import { inQuietHours } from './settings';

/**
 * Browser side of the monitoring, with the browser APIs passed in (structural types: the entrypoint hands over
 * `browser`, tests a fake). A periodic alarm (frequency of the settings, 12 h by default) runs the watch; a run
 * falling in quiet hours is moved to their end; an unfinished run (cursor saved) resumes at start-up; a click on
 * the notification opens the inbox. Runs are serialised: an alarm and "Vérifier maintenant" never overlap.
 */
export const MONITORING_ALARM = 'regie-radar-veille';
export const MONITORING_DEFERRED_ALARM = 'regie-radar-veille-apres-silence';
/** The two API hosts (also the optional permissions the options page asks for). */
export const MONITORING_ORIGINS = ['https://boamp-datadila.opendatasoft.com/*', 'https://api.ted.europa.eu/*'] as const;

export interface MonitoringBrowser {
  alarms: {
    create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): unknown;
    clear(name: string): unknown;
    onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
  };
  notifications: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): unknown;
    clear(id: string): unknown;
    onClicked: { addListener(cb: (id: string) => void): void };
  };
  tabs: { create(props: { url: string }): unknown };
  runtime: {
    getURL(path: string): string;
    onStartup: { addListener(cb: () => void): void };
    onInstalled: { addListener(cb: () => void): void };
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
}

export interface MonitoringRuntime {
  runNow(options?: { manual?: boolean }): Promise<RunSummary>;
  reschedule(): Promise<number | undefined>;
}

let current: MonitoringRuntime | undefined;
/** The runtime wired in this background (handlers reach it through this). */
export function monitoringRuntime(): MonitoringRuntime | undefined {
  return current;
}

const FALLBACK_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8LrKuHgAFpgI1YnO9jgAAAABJRU5ErkJggg==';

/** First time after `from` outside quiet hours (15-minute steps, at most a day). */
export function endOfQuiet(from: number, quiet: { start: number; end: number } | undefined): number {
  let t = from;
  for (let i = 0; i < 96 && inQuietHours(t, quiet); i += 1) t += 15 * 60_000;
  return t;
}

export function wireMonitoringBackground(
  browser: MonitoringBrowser,
  db: () => WatchlistDb,
  fetchFn: MonitorFetch,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> } = {
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  },
): MonitoringRuntime {
  let running: Promise<RunSummary> | undefined;

  const runOnce = async (manual: boolean): Promise<RunSummary> => {
    const settings = await getMonitoringSettings(db());
    if (!settings.enabled && !manual) return { status: 'skipped', newItems: 0, duplicates: 0, requests: 0, reason: 'veille désactivée' };
    if (!manual && inQuietHours(clock.now(), settings.quietHours)) {
      await browser.alarms.create(MONITORING_DEFERRED_ALARM, { when: endOfQuiet(clock.now(), settings.quietHours) });
      return { status: 'skipped', newItems: 0, duplicates: 0, requests: 0, reason: 'heures de silence : vérification reportée' };
    }
    const granted = await browser.permissions.contains({ origins: [...MONITORING_ORIGINS] }).catch(() => false);
    if (!granted) return { status: 'skipped', newItems: 0, duplicates: 0, requests: 0, reason: 'accès aux API BOAMP et TED non autorisé' };
    const result = await runMonitoring({
      fetch: fetchFn,
      now: clock.now,
      sleep: clock.sleep,
      store: monitoringStore(db()),
      profile: await getProfile(db()),
      settings,
      notify: async (n) => {
        const options = { type: 'basic' as const, iconUrl: browser.runtime.getURL('/icon/128.png'), title: n.title, message: n.message };
        try {
          await browser.notifications.create(n.id, options);
        } catch {
          await browser.notifications.create(n.id, { ...options, iconUrl: FALLBACK_ICON });
        }
      },
    });
    return { status: result.status, newItems: result.newItems, duplicates: result.duplicates, requests: result.requests, ...(result.error ? { error: result.error } : {}) };
  };

  const runtime: MonitoringRuntime = {
    runNow(options = {}) {
      const previous = running ?? Promise.resolve(undefined);
      const next = previous
        .catch(() => undefined)
        .then(() => runOnce(options.manual ?? false))
        .catch((error: unknown): RunSummary => ({ status: 'failed', newItems: 0, duplicates: 0, requests: 0, error: error instanceof Error ? error.message : String(error) }));
      running = next;
      return next;
    },
    async reschedule() {
      const settings = await getMonitoringSettings(db());
      await browser.alarms.clear(MONITORING_ALARM);
      if (!settings.enabled) return undefined;
      const periodInMinutes = settings.frequencyHours * 60;
      await browser.alarms.create(MONITORING_ALARM, { delayInMinutes: 1, periodInMinutes });
      return clock.now() + 60_000;
    },
  };
  current = runtime;

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MONITORING_ALARM || alarm.name === MONITORING_DEFERRED_ALARM) void runtime.runNow();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(MONITORING_NOTIFICATION_PREFIX)) return;
    void (async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/options.html#boite-de-reception') });
      await browser.notifications.clear(id);
    })();
  });
  // Start-up: re-plan the alarm; resume an unfinished run, or catch up when the last success is older than the period.
  const catchUp = async () => {
    await runtime.reschedule();
    const settings = await getMonitoringSettings(db());
    if (!settings.enabled) return;
    const state = await monitoringStore(db()).getState();
    const due = state.lastSuccessAt === undefined || clock.now() - state.lastSuccessAt >= settings.frequencyHours * 3_600_000;
    if (state.cursor || due) await runtime.runNow();
  };
  browser.runtime.onStartup.addListener(() => void catchUp().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void catchUp().catch(() => undefined));
  return runtime;
}
